import type { Db } from '../../src/db/query';
import { bulkFacts, loadFacts } from '../helpers/browse-fixtures';
import { getJson, type RunningApp, useSeededApp } from '../helpers/test-app';
import { resetToSeed } from '../helpers/test-db';

/** The routes the browsing pages read: /api/timeline, /api/graph, /api/stats, over the seed in the real Neo4j. */
let db: Db;
let app: RunningApp;

useSeededApp((suite) => ({ db, app } = suite));

const eventIds = (items: Array<{ event: string }>) => [...new Set(items.map((i) => i.event))].sort();

describe('GET /api/timeline', () => {
  test('a window lists its events as items, grouped by type, with ranges for spans and points for single days', async () => {
    const { status, body } = await getJson(app, '/api/timeline?from=2025-12-01&to=2025-12-31');
    expect(status).toBe(200);
    expect(body.mode).toBe('items');
    expect(body.total).toBe(7);
    const pardon = body.items.find((i: any) => i.event === 'pardon-123-prisoners-2025-12');
    expect(pardon).toMatchObject({ start: '2025-12-12', end: '2025-12-14', itemType: 'range', group: 'type:pardon', precision: 'day' });
    const viasna = body.items.find((i: any) => i.event === 'statement-viasna-1200-prisoners');
    expect(viasna).toMatchObject({ start: '2025-12-01', end: '2026-01-01', precision: 'month', itemType: 'range' });
    expect(body.groups.map((g: any) => g.id)).toEqual(['type:talks', 'type:pardon', 'type:sanctions_lifted', 'type:intent', 'type:statement', 'type:endorsement']);
  });

  test('an event that began before the window but covers part of it is in the window', async () => {
    const { body } = await getJson(app, '/api/timeline?from=2025-12-20&to=2025-12-25');
    expect(eventIds(body.items)).toEqual([
      'endorsement-tsikhanouskaya-welcomes-coale',
      'intent-normalise-relations',
      'statement-tsikhanouskaya-100-freed',
      'statement-viasna-1200-prisoners',
    ]);
  });

  test('a single-day event is a point', async () => {
    const { body } = await getJson(app, '/api/timeline?from=2025-11-01&to=2025-11-30');
    const nomination = body.items.find((i: any) => i.event === 'nomination-coale-envoy-belarus');
    expect(nomination).toMatchObject({ itemType: 'point', end: null, start: '2025-11-09' });
  });

  test('filters by actor and type', async () => {
    const byType = await getJson(app, '/api/timeline?from=2019-01-01&to=2026-12-31&type=sanctions_lifted');
    expect(eventIds(byType.body.items)).toEqual(['sanctions-lifted-belavia-2025-09', 'sanctions-lifted-potash-2025-12']);
    const byActor = await getJson(app, '/api/timeline?from=2019-01-01&to=2026-12-31&actor=alexander-lukashenko');
    expect(eventIds(byActor.body.items)).toEqual(['election-belarus-2020', 'pardon-123-prisoners-2025-12', 'talks-minsk-2025-12']);
    const both = await getJson(app, '/api/timeline?from=2019-01-01&to=2026-12-31&actor=alexander-lukashenko&type=pardon');
    expect(eventIds(both.body.items)).toEqual(['pardon-123-prisoners-2025-12']);
  });

  test('grouped by actor, an event sits in the row of each of its actors', async () => {
    const { body } = await getJson(app, '/api/timeline?from=2025-12-01&to=2025-12-31&groupBy=actor');
    const rows = body.items.filter((i: any) => i.event === 'talks-minsk-2025-12').map((i: any) => i.group).sort();
    expect(rows).toEqual(['actor:alexander-lukashenko', 'actor:belarus', 'actor:john-coale', 'actor:united-states']);
    expect(new Set(body.items.map((i: any) => i.id)).size).toBe(body.items.length);
    expect(body.groups.find((g: any) => g.id === 'actor:john-coale').content).toBe('John Coale');
  });

  test('bad parameters answer 400 naming the field; an unknown actor 404', async () => {
    const bad = await getJson(app, '/api/timeline?from=2025-13-01&to=2025-12-31');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.path)).toContain('from');
    expect((await getJson(app, '/api/timeline?from=2025-12-31&to=2025-01-01')).status).toBe(400);
    expect((await getJson(app, '/api/timeline?from=2025-01-01&to=2025-12-31&groupBy=place')).status).toBe(400);
    expect((await getJson(app, '/api/timeline?from=2025-01-01&to=2025-12-31&actor=nobody')).status).toBe(404);
  });

  test('a dense window answers counts per bucket, never more than about 500 boxes, and they add up', async () => {
    await loadFacts(db, bulkFacts(400, 2024));
    try {
      const year = await getJson(app, '/api/timeline?from=2024-01-01&to=2024-12-31');
      expect(year.body).toMatchObject({ mode: 'buckets', bucket: 'month', total: 400, items: [] });
      expect(year.body.buckets.reduce((sum: number, b: any) => sum + b.count, 0)).toBe(400);
      expect(year.body.buckets[0]).toMatchObject({ start: '2024-01-01', end: '2024-02-01' });
      const decades = await getJson(app, '/api/timeline?from=1900-01-01&to=2030-12-31');
      expect(decades.body.bucket).toBe('decade');
      expect(decades.body.buckets.length).toBeLessThanOrEqual(500);
      expect(decades.body.total).toBe(413);
      const byActor = await getJson(app, '/api/timeline?from=2024-01-01&to=2024-12-31&groupBy=actor');
      expect(byActor.body.mode).toBe('buckets');
      expect(byActor.body.total).toBe(400);
      expect(byActor.body.groups.map((g: any) => g.id).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `actor:bulk-actor-${i}`));
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
      const week = await getJson(app, '/api/timeline?from=2024-03-01&to=2024-03-10');
      expect(week.body.mode).toBe('items');
      expect(week.body.items.every((i: any) => i.event.startsWith('bulk-event-'))).toBe(true);
    } finally {
      await resetToSeed(db);
    }
  });
});

describe('GET /api/graph', () => {
  test('without an actor: the most active actors, edges for shared events per type and for affiliations', async () => {
    const { status, body } = await getJson(app, '/api/graph');
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(14);
    expect(body.nodes[0]).toEqual({ id: 'belarus', name: 'Belarus', kind: 'state', eventCount: 9 });
    const coaleUs = body.links.find((l: any) => l.kind === 'event' && l.source === 'john-coale' && l.target === 'united-states');
    expect(coaleUs).toMatchObject({ type: 'talks', byType: { talks: 2 } });
    expect(coaleUs.weight).toBe(Object.values(coaleUs.byType).reduce((sum: number, n: any) => sum + n, 0));
    const pairs = body.links.filter((l: any) => l.kind === 'event').map((l: any) => `${l.source}|${l.target}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(body.links).toContainEqual({ source: 'john-coale', target: 'belarus', kind: 'affiliation', type: 'envoy_to', weight: 1 });
  });

  test('limit bounds the nodes; type and dates filter the events that count', async () => {
    expect((await getJson(app, '/api/graph?limit=3')).body.nodes.map((n: any) => n.id)).toEqual(['belarus', 'john-coale', 'united-states']);
    const pardons = await getJson(app, '/api/graph?type=pardon');
    expect(pardons.body.nodes.map((n: any) => n.id).sort()).toEqual(['alexander-lukashenko', 'belarusian-political-prisoners']);
    expect(pardons.body.links.filter((l: any) => l.kind === 'event')).toEqual([
      { source: 'alexander-lukashenko', target: 'belarusian-political-prisoners', kind: 'event', type: 'pardon', weight: 1, byType: { pardon: 1 } },
    ]);
    const early = await getJson(app, '/api/graph?from=2019-01-01&to=2023-12-31');
    expect(early.body.nodes.map((n: any) => n.id).sort()).toEqual(['alexander-lukashenko', 'belarus', 'russia', 'ukraine']);
  });

  test("with an actor: that actor's neighbourhood, the actor first", async () => {
    const { body } = await getJson(app, '/api/graph?actor=viasna');
    expect(body.center).toBe('viasna');
    expect(body.nodes.map((n: any) => n.id)).toEqual(['viasna', 'ales-bialiatski', 'belarus']);
    expect((await getJson(app, '/api/graph?actor=nobody')).status).toBe(404);
    expect((await getJson(app, '/api/graph?limit=0')).status).toBe(400);
  });
});

test('GET /api/stats: counts, date span and the latest events', async () => {
  const { body } = await getJson(app, '/api/stats?latest=2');
  expect(body.counts).toEqual({ events: 13, actors: 14, articles: 1, reactions: 5 });
  expect(body.span).toEqual({ first: '2020-01-01', last: '2025-12-12' });
  expect(body.latest.map((e: any) => e.id)).toEqual(['pardon-123-prisoners-2025-12', 'sanctions-lifted-potash-2025-12']);
});

test('the OpenAPI description lists the new routes', async () => {
  const { body } = await getJson(app, '/api/openapi.json');
  expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/timeline', '/api/graph', '/api/stats']));
});
