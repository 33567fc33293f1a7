import { openDb } from '../../src/db/context';
import type { Db } from '../../src/db/query';
import { getJson, type RunningApp, startTestApp, useSeededApp } from '../helpers/test-app';

let db: Db;
let app: RunningApp;

useSeededApp((suite) => ({ db, app } = suite));

describe('GET /api/events', () => {
  test('lists every seed event in date order with participants and verbatim sources', async () => {
    const { status, body } = await getJson(app, '/api/events?limit=100');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(13);
    expect(body.nextCursor).toBeNull();
    const starts = body.items.map((e: any) => e.date.start);
    expect([...starts].sort()).toEqual(starts);
    const pardon = body.items.find((e: any) => e.id === 'pardon-123-prisoners-2025-12');
    expect(pardon.participants).toContainEqual({ actor: { id: 'alexander-lukashenko', name: 'Alexander Lukashenko', kind: 'person' }, role: 'agent' });
    expect(pardon.sources[0].article.id).toBe('minsk-talks-us-belarus-thaw');
  });

  test('pages through the events with a cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const { body }: { body: any } = await getJson(app, `/api/events?limit=4${query}`);
      expect(body.items.length).toBeLessThanOrEqual(4);
      seen.push(...body.items.map((e: any) => e.id));
      cursor = body.nextCursor;
    } while (cursor);
    const { body: all } = await getJson(app, '/api/events?limit=100');
    expect(seen).toEqual(all.items.map((e: any) => e.id));
  });

  test('filters by actor, type, date window and words', async () => {
    const byType = await getJson(app, '/api/events?type=sanctions_lifted');
    expect(byType.body.items.map((e: any) => e.id).sort()).toEqual(['sanctions-lifted-belavia-2025-09', 'sanctions-lifted-potash-2025-12']);
    const byActor = await getJson(app, '/api/events?actor=belavia');
    expect(byActor.body.items.map((e: any) => e.id)).toEqual(['sanctions-lifted-belavia-2025-09']);
    const byWindow = await getJson(app, '/api/events?from=2020-01-01&to=2020-12-31');
    expect(byWindow.body.items.map((e: any) => e.id)).toEqual(['election-belarus-2020']);
    const byWords = await getJson(app, '/api/events?q=belavia');
    expect(byWords.body.items.map((e: any) => e.id)).toEqual(['sanctions-lifted-belavia-2025-09']);
    const byPrefix = await getJson(app, '/api/events?q=pardon%20prison');
    expect(byPrefix.body.items.map((e: any) => e.id)).toEqual(['pardon-123-prisoners-2025-12']);
  });

  test('treats search text as words, never as query syntax', async () => {
    for (const q of ['") MATCH (n) DETACH DELETE n //', 'potash AND (', '*', 'OR']) {
      const { status } = await getJson(app, `/api/events?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
    }
    const { body } = await getJson(app, '/api/health');
    expect(body.counts.events).toBe(13);
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['from=2025-02-30', 'from'],
    ['type=invasion', 'type'],
    ['actor=Not%20A%20Slug', 'actor'],
    ['cursor=garbage', 'cursor'],
    ['colour=red', ''],
    ['type=talks&type=pardon', 'type'],
  ])('answers 400 naming the field for %s', async (query, path) => {
    const { status, body } = await getJson(app, `/api/events?${query}`);
    expect(status).toBe(400);
    expect(body.error).toBe('Invalid request');
    expect(body.details.map((d: any) => d.path)).toContain(path);
  });

  test('answers 404 for an actor filter that names nobody', async () => {
    const { status, body } = await getJson(app, '/api/events?actor=atlantis');
    expect(status).toBe(404);
    expect(body.error).toMatch(/atlantis/);
  });
});

describe('GET /api/events/:id', () => {
  test('gives the event with its links both ways and its CAMEO code', async () => {
    const { status, body } = await getJson(app, '/api/events/sanctions-lifted-potash-2025-12');
    expect(status).toBe(200);
    expect(body.cameo).toBe('085');
    expect(body.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'reciprocates', direction: 'incoming', event: expect.objectContaining({ id: 'pardon-123-prisoners-2025-12' }) }),
        expect.objectContaining({ kind: 'part_of', direction: 'outgoing', event: expect.objectContaining({ id: 'talks-minsk-2025-12' }) }),
      ]),
    );
  });

  test('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await getJson(app, '/api/events/no-such-event')).status).toBe(404);
    expect((await getJson(app, '/api/events/NOT%20AN%20ID')).status).toBe(400);
  });
});

describe('actors', () => {
  test('GET /api/actors finds actors by alias and filters by kind', async () => {
    const byAlias = await getJson(app, '/api/actors?q=Washington');
    expect(byAlias.body.items.map((a: any) => a.id)).toEqual(['united-states']);
    const states = await getJson(app, '/api/actors?kind=state');
    expect(states.body.items.map((a: any) => a.id).sort()).toEqual(['belarus', 'russia', 'ukraine', 'united-states']);
    expect((await getJson(app, '/api/actors?kind=planet')).status).toBe(400);
  });

  test('GET /api/actors/:id gives roles, the roles others hold toward it, and event counts by type', async () => {
    const { body } = await getJson(app, '/api/actors/belarus');
    expect(body.heldBy.map((r: any) => [r.actor.id, r.role])).toEqual(
      expect.arrayContaining([['alexander-lukashenko', 'president_of'], ['john-coale', 'envoy_to']]),
    );
    expect(body.eventCounts.sanctions_lifted).toBe(2);
    expect(body.firstEvent).toBe('2020-01-01');
    expect((await getJson(app, '/api/actors/atlantis')).status).toBe(404);
  });

  test('GET /api/actors/:id/relationships ranks partners by shared events and affiliations', async () => {
    const { status, body } = await getJson(app, '/api/actors/alexander-lukashenko/relationships');
    expect(status).toBe(200);
    const coale = body.items.find((r: any) => r.actor.id === 'john-coale');
    expect(coale).toMatchObject({ sharedEventCount: 1, sharedEventsByType: { talks: 1 } });
    const belarus = body.items.find((r: any) => r.actor.id === 'belarus');
    expect(belarus.affiliations).toContainEqual({ role: 'president_of', title: 'President of Belarus', direction: 'outgoing' });
    const weights = body.items.map((r: any) => r.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect((await getJson(app, '/api/actors/atlantis/relationships')).status).toBe(404);
  });
});

describe('articles', () => {
  test('GET /api/articles lists the seed article with its counts', async () => {
    const { body } = await getJson(app, '/api/articles');
    expect(body.items).toEqual([expect.objectContaining({ id: 'minsk-talks-us-belarus-thaw', eventCount: 13, reactionCount: 5, publishedAt: '2025-12-14' })]);
  });

  test('GET /api/articles/:id gives text, events with quote offsets, reactions and a stance summary', async () => {
    const { body } = await getJson(app, '/api/articles/minsk-talks-us-belarus-thaw');
    for (const event of body.events) {
      for (const q of event.quotes) expect(body.text.slice(q.start, q.end)).toBe(q.quote);
    }
    expect(body.reactions.map((r: any) => [r.author, r.stance])).toEqual([
      ['Bermudez', 'critical'],
      ['Coccinella', 'supportive'],
      ['Bella Ciao', 'mixed'],
      ['Comandante', 'mixed'],
      ['ZmeeLove', 'supportive'],
    ]);
    expect(body.stances).toEqual({ supportive: 2, critical: 1, mixed: 2 });
    expect((await getJson(app, '/api/articles/nope')).status).toBe(404);
  });
});

describe('who-did-what', () => {
  test('reads agent → type → target with the quote', async () => {
    const { body } = await getJson(app, '/api/who-did-what?actor=donald-trump');
    expect(body.items).toEqual([
      expect.objectContaining({
        who: expect.arrayContaining([expect.objectContaining({ id: 'donald-trump' })]),
        did: 'nomination',
        label: 'Nomination',
        toWhom: [expect.objectContaining({ id: 'john-coale' })],
        quote: expect.stringContaining('was nominated as the US Special Envoy for Belarus by President Trump on November 9, 2025'),
      }),
    ]);
  });

  test('answers 400 for a bad action and 404 for an unknown target', async () => {
    expect((await getJson(app, '/api/who-did-what?action=bombed')).status).toBe(400);
    expect((await getJson(app, '/api/who-did-what?target=atlantis')).status).toBe(404);
  });
});

describe('service routes', () => {
  test('GET /api/health reports the database up with its counts', async () => {
    const { status, body } = await getJson(app, '/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', database: 'up', counts: { events: 13, actors: 14, articles: 1 } });
  });

  test('GET /api/openapi.json describes every route with its parameters', async () => {
    const { body } = await getJson(app, '/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/events', '/api/events/{id}', '/api/who-did-what', '/api/actors/{id}/relationships']));
    const typeParam = body.paths['/api/events'].get.parameters.find((p: any) => p.name === 'type');
    expect(typeParam.schema.enum).toContain('sanctions_lifted');
  });

  test('unknown API routes are JSON 404s', async () => {
    const { status, body } = await getJson(app, '/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error).toMatch(/nothing-here/);
  });
});

describe('when the database is down', () => {
  let downApp: RunningApp;
  let downDb: Db;

  beforeAll(async () => {
    // A real driver pointed at a loopback port where no Neo4j listens.
    downDb = openDb({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'x' }, { DB_TIMEOUT_S: 2 });
    downApp = await startTestApp(downDb);
  });
  afterAll(async () => {
    await downApp.close();
    await downDb.driver.close();
  });

  test.each(['/api/events', '/api/actors/john-coale', '/api/who-did-what', '/api/health'])('%s answers 503 within a few seconds', async (path) => {
    const started = Date.now();
    const { status, body } = await getJson(downApp, path);
    expect(status).toBe(503);
    expect(JSON.stringify(body)).not.toMatch(/password|stack|at .*\.js/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
