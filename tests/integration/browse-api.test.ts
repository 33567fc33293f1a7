import type { Db } from '../../src/db/query';
import { bulkFacts, loadFacts } from '../helpers/browse-fixtures';
import { linksAmong, neighbourhood, neighbourhoodWithLinks } from '../../src/graph/graph.repository';
import { Graph } from '../../src/graph/graph.schemas';
import { Stats } from '../../src/stats/stats.schemas';
import { TimelineWindow } from '../../src/timeline/timeline.schemas';
import { getError, getOk, OpenApiDocument, type RunningApp, useSeededApp } from '../helpers/test-app';
import { resetToSeed } from '../helpers/test-db';

/** The routes the browsing pages read: /api/timeline, /api/graph, /api/stats, over the seed in the real Neo4j. */
let db: Db;
let app: RunningApp;

useSeededApp((suite) => ({ db, app } = suite));

const eventIds = (items: Array<{ event: string }>) => [...new Set(items.map((i) => i.event))].sort();

describe('GET /api/timeline', () => {
  test('a window lists its events as items, grouped by type, with ranges for spans and points for single days', async () => {
    const body = await getOk(app, '/api/timeline?from=2025-12-01&to=2025-12-31', TimelineWindow);
    expect(body.mode).toBe('items');
    expect(body.total).toBe(7);
    const pardon = body.items.find((i) => i.event === 'pardon-123-prisoners-2025-12');
    expect(pardon).toMatchObject({ start: '2025-12-12', end: '2025-12-14', itemType: 'range', group: 'type:pardon', precision: 'day' });
    const viasna = body.items.find((i) => i.event === 'statement-viasna-1200-prisoners');
    expect(viasna).toMatchObject({ start: '2025-12-01', end: '2026-01-01', precision: 'month', itemType: 'range' });
    // rows by PLOVER category, from cooperation to conflict (AGREE, CONSULT, SUPPORT, CONCEDE, RETREAT), then the types outside PLOVER
    expect(body.groups.map((g) => g.id)).toEqual(['type:intent', 'type:talks', 'type:endorsement', 'type:pardon', 'type:sanctions_lifted', 'type:statement']);
    expect(body.groups.find((g) => g.id === 'type:sanctions_lifted')?.title).toBe('Retreat');
  });

  test('an event that began before the window but covers part of it is in the window', async () => {
    const body = await getOk(app, '/api/timeline?from=2025-12-20&to=2025-12-25', TimelineWindow);
    expect(eventIds(body.items)).toEqual([
      'endorsement-tsikhanouskaya-welcomes-coale',
      'intent-normalise-relations',
      'statement-tsikhanouskaya-100-freed',
      'statement-viasna-1200-prisoners',
    ]);
  });

  test('a single-day event is a point', async () => {
    const body = await getOk(app, '/api/timeline?from=2025-11-01&to=2025-11-30', TimelineWindow);
    const nomination = body.items.find((i) => i.event === 'nomination-coale-envoy-belarus');
    expect(nomination).toMatchObject({ itemType: 'point', end: null, start: '2025-11-09' });
  });

  test('filters by actor and type', async () => {
    const byType = await getOk(app, '/api/timeline?from=2019-01-01&to=2026-12-31&type=sanctions_lifted', TimelineWindow);
    expect(eventIds(byType.items)).toEqual(['sanctions-lifted-belavia-2025-09', 'sanctions-lifted-potash-2025-12']);
    const byActor = await getOk(app, '/api/timeline?from=2019-01-01&to=2026-12-31&actor=alexander-lukashenko', TimelineWindow);
    expect(eventIds(byActor.items)).toEqual(['election-belarus-2020', 'pardon-123-prisoners-2025-12', 'talks-minsk-2025-12']);
    const both = await getOk(app, '/api/timeline?from=2019-01-01&to=2026-12-31&actor=alexander-lukashenko&type=pardon', TimelineWindow);
    expect(eventIds(both.items)).toEqual(['pardon-123-prisoners-2025-12']);
  });

  test('grouped by actor, an event sits in the row of each of its actors', async () => {
    const body = await getOk(app, '/api/timeline?from=2025-12-01&to=2025-12-31&groupBy=actor', TimelineWindow);
    const rows = body.items
      .filter((i) => i.event === 'talks-minsk-2025-12')
      .map((i) => i.group)
      .sort();
    expect(rows).toEqual(['actor:alexander-lukashenko', 'actor:belarus', 'actor:john-coale', 'actor:united-states']);
    expect(new Set(body.items.map((i) => i.id)).size).toBe(body.items.length);
    expect(body.groups.find((g) => g.id === 'actor:john-coale')!.content).toBe('John Coale');
  });

  test('bad parameters answer 400 naming the field; an unknown actor 404', async () => {
    const bad = await getError(app, '/api/timeline?from=2025-13-01&to=2025-12-31');
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((d) => d.path)).toContain('from');
    expect((await getError(app, '/api/timeline?from=2025-12-31&to=2025-01-01')).status).toBe(400);
    expect((await getError(app, '/api/timeline?from=2025-01-01&to=2025-12-31&groupBy=place')).status).toBe(400);
    expect((await getError(app, '/api/timeline?from=2025-01-01&to=2025-12-31&actor=nobody')).status).toBe(404);
  });

  test('a dense window answers counts per bucket, never more than about 500 boxes, and they add up', async () => {
    await loadFacts(db, bulkFacts(400, 2024));
    try {
      const year = await getOk(app, '/api/timeline?from=2024-01-01&to=2024-12-31', TimelineWindow);
      expect(year).toMatchObject({ mode: 'buckets', bucket: 'month', total: 400, items: [] });
      expect(year.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(400);
      expect(year.buckets[0]).toMatchObject({ start: '2024-01-01', end: '2024-02-01' });
      const decades = await getOk(app, '/api/timeline?from=1900-01-01&to=2030-12-31', TimelineWindow);
      expect(decades.bucket).toBe('decade');
      expect(decades.buckets.length).toBeLessThanOrEqual(500);
      expect(decades.total).toBe(413);
      const byActor = await getOk(app, '/api/timeline?from=2024-01-01&to=2024-12-31&groupBy=actor', TimelineWindow);
      expect(byActor.mode).toBe('buckets');
      expect(byActor.total).toBe(400);
      expect(byActor.groups.map((g) => g.id).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `actor:bulk-actor-${i}`));
      // Read without JavaScript, the timeline page lists the same window 50 at a time, every event once.
      const seen: string[] = [];
      let next: string | null = '/timeline?from=2024-01-01&to=2024-12-31';
      while (next) {
        const html: string = await (await fetch(app.baseUrl + next)).text();
        const page = [...html.matchAll(/class="event-row__title" href="\/events\/([a-z0-9-]+)"/g)].map((m) => m[1]!);
        expect(page.length).toBeLessThanOrEqual(50);
        seen.push(...page);
        next = /href="(\/timeline\?[^"]*cursor=[^"]*)">Next events/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;
      }
      expect(seen).toHaveLength(400);
      expect(new Set(seen).size).toBe(400);
      const week = await getOk(app, '/api/timeline?from=2024-03-01&to=2024-03-10', TimelineWindow);
      expect(week.mode).toBe('items');
      expect(week.items.every((i) => i.event.startsWith('bulk-event-'))).toBe(true);
    } finally {
      await resetToSeed(db);
    }
  });
});

describe('GET /api/graph', () => {
  test('without an actor: the most active actors, edges for shared events per type and for affiliations', async () => {
    const body = await getOk(app, '/api/graph?include=types', Graph);
    expect(body.nodes).toHaveLength(14);
    expect(body.nodes[0]).toEqual({ id: 'belarus', name: 'Belarus', kind: 'state', eventCount: 9 });
    const eventLinks = body.links.filter((l) => l.kind === 'event');
    const coaleUs = eventLinks.find((l) => l.source === 'john-coale' && l.target === 'united-states')!;
    expect(coaleUs).toMatchObject({ type: 'talks', byType: { talks: 2 } });
    expect(coaleUs.weight).toBe(Object.values(coaleUs.byType ?? {}).reduce((sum, n) => sum + n, 0));
    const pairs = eventLinks.map((l) => `${l.source}|${l.target}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(body.links).toContainEqual({ source: 'john-coale', target: 'belarus', kind: 'affiliation', type: 'envoy_to', weight: 1 });
  });

  test('limit bounds the nodes; type and dates filter the events that count', async () => {
    expect((await getOk(app, '/api/graph?limit=3', Graph)).nodes.map((n) => n.id)).toEqual(['belarus', 'john-coale', 'united-states']);
    const pardons = await getOk(app, '/api/graph?type=pardon&include=types', Graph);
    expect(pardons.nodes.map((n) => n.id).sort()).toEqual(['alexander-lukashenko', 'belarusian-political-prisoners']);
    expect(pardons.links.filter((l) => l.kind === 'event')).toEqual([
      { source: 'alexander-lukashenko', target: 'belarusian-political-prisoners', kind: 'event', type: 'pardon', weight: 1, byType: { pardon: 1 } },
    ]);
    const early = await getOk(app, '/api/graph?from=2019-01-01&to=2023-12-31', Graph);
    expect(early.nodes.map((n) => n.id).sort()).toEqual(['alexander-lukashenko', 'belarus', 'russia', 'ukraine']);
  });

  test('counts by type only on request: without include=types a link has its main type and weight, the same as with them', async () => {
    // Both ways of reading the links: one actor's neighbourhood in one round trip, and the most active actors.
    for (const query of ['actor=belarus', 'actor=alexander-lukashenko&type=talks', 'actor=united-states&limit=5', '', 'type=talks']) {
      const [plain, typed] = await Promise.all([getOk(app, `/api/graph?${query}`, Graph), getOk(app, `/api/graph?${query}&include=types`, Graph)]);
      expect(plain.nodes).toEqual(typed.nodes);
      expect(plain.links.some((l) => 'byType' in l)).toBe(false);
      const typedEvents = typed.links.filter((l) => l.kind === 'event');
      expect(typedEvents.length).toBeGreaterThan(0);
      expect(typedEvents.every((l) => l.byType !== undefined)).toBe(true);
      expect(plain.links).toEqual(typed.links.map((l) => (l.kind === 'event' ? { ...l, byType: undefined } : l)).map((l) => JSON.parse(JSON.stringify(l))));
    }
    const include = await getError(app, '/api/graph?include=counts');
    expect([include.status, include.body.details?.map((d) => d.path)]).toEqual([400, ['include']]);
  });

  test("with an actor: that actor's neighbourhood, the actor first", async () => {
    const body = await getOk(app, '/api/graph?actor=viasna', Graph);
    expect(body.center).toBe('viasna');
    expect(body.nodes.map((n) => n.id)).toEqual(['viasna', 'ales-bialiatski', 'belarus']);
    expect((await getError(app, '/api/graph?actor=nobody')).status).toBe(404);
    expect((await getError(app, '/api/graph?limit=0')).status).toBe(400);
  });

  test("an actor's neighbourhood read in one round trip is the one read step by step: its actors, then the links among them", async () => {
    for (const [actor, type, limit] of [
      ['belarus', null, 40],
      ['united-states', 'talks', 40],
      ['belarus', null, 3],
      ['viasna', null, 40],
    ] as const) {
      const filter = { type, from: null, to: null };
      const nodes = await neighbourhood(db, actor, filter, limit);
      const links = await linksAmong(
        db,
        nodes.map((n) => n.id),
        filter,
      );
      expect(await neighbourhoodWithLinks(db, actor, type, limit)).toEqual({ nodes, links });
      // Without counts by type each event link keeps its type shared most and its weight, as computed in the query.
      const withoutTypes = links.map((link) => {
        if (link.kind !== 'event') return link;
        const { byType: _byType, ...rest } = link;
        return rest;
      });
      expect(await neighbourhoodWithLinks(db, actor, type, limit, false)).toEqual({ nodes, links: withoutTypes });
    }
    const belarus = await neighbourhoodWithLinks(db, 'belarus', null, 40);
    expect(belarus!.links.filter((l) => l.kind === 'event').length).toBeGreaterThan(3);
    expect(belarus!.links.filter((l) => l.kind === 'affiliation').length).toBeGreaterThan(0);
    expect(await neighbourhoodWithLinks(db, 'nobody', null, 40)).toBeUndefined();
  });
});

test('GET /api/stats: counts, date span and the latest events', async () => {
  const body = await getOk(app, '/api/stats?latest=2', Stats);
  expect(body.counts).toEqual({ events: 13, actors: 14, articles: 1, reactions: 5 });
  expect(body.span).toEqual({ first: '2020-01-01', last: '2025-12-12' });
  expect(body.latest.map((e) => e.id)).toEqual(['pardon-123-prisoners-2025-12', 'sanctions-lifted-potash-2025-12']);
});

test('the OpenAPI description lists the new routes', async () => {
  const body = await getOk(app, '/api/openapi.json', OpenApiDocument);
  expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/timeline', '/api/graph', '/api/stats']));
});
