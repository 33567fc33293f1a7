import { openDb } from '../../src/db/context';
import type { Db } from '../../src/db/query';
import { ActorDetail, ActorList, RelationshipList } from '../../src/actors/actors.schemas';
import { ArticleDetail, ArticleList } from '../../src/articles/articles.schemas';
import { ErrorResponse } from '../../src/domain/views';
import { EventDetail, EventPage } from '../../src/events/events.schemas';
import { Health } from '../../src/health/health.schemas';
import { WhoDidWhatAnswer } from '../../src/who-did-what/who-did-what.schemas';
import { getError, getJson, getOk, OpenApiDocument, resolveSchema, type RunningApp, startTestApp, useSeededApp } from '../helpers/test-app';

let db: Db;
let app: RunningApp;

useSeededApp((suite) => ({ db, app } = suite));

describe('GET /api/events', () => {
  test('lists every seed event in date order with participants and verbatim sources', async () => {
    const body = await getOk(app, '/api/events?limit=100', EventPage);
    expect(body.items).toHaveLength(13);
    expect(body.nextCursor).toBeNull();
    const starts = body.items.map((e) => e.date.start);
    expect([...starts].sort()).toEqual(starts);
    const pardon = body.items.find((e) => e.id === 'pardon-123-prisoners-2025-12')!;
    expect(pardon.participants).toContainEqual({ actor: { id: 'alexander-lukashenko', name: 'Alexander Lukashenko', kind: 'person' }, role: 'agent' });
    expect(pardon.sources[0]!.article.id).toBe('minsk-talks-us-belarus-thaw');
  });

  test('pages through the events with a cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const body = await getOk(app, `/api/events?limit=4${query}`, EventPage);
      expect(body.items.length).toBeLessThanOrEqual(4);
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor;
    } while (cursor);
    const all = await getOk(app, '/api/events?limit=100', EventPage);
    expect(seen).toEqual(all.items.map((e) => e.id));
  });

  test('filters by actor, type, date window and words', async () => {
    const ids = async (query: string) => (await getOk(app, `/api/events?${query}`, EventPage)).items.map((e) => e.id);
    expect((await ids('type=sanctions_lifted')).sort()).toEqual(['sanctions-lifted-belavia-2025-09', 'sanctions-lifted-potash-2025-12']);
    expect(await ids('actor=belavia')).toEqual(['sanctions-lifted-belavia-2025-09']);
    expect(await ids('from=2020-01-01&to=2020-12-31')).toEqual(['election-belarus-2020']);
    expect(await ids('q=belavia')).toEqual(['sanctions-lifted-belavia-2025-09']);
    expect(await ids('q=pardon%20prison')).toEqual(['pardon-123-prisoners-2025-12']);
  });

  test('treats search text as words, never as query syntax', async () => {
    for (const q of ['") MATCH (n) DETACH DELETE n //', 'potash AND (', '*', 'OR']) {
      await getOk(app, `/api/events?q=${encodeURIComponent(q)}`, EventPage); // a 200 with a page of events
    }
    const body = await getOk(app, '/api/health', Health);
    expect(body.counts?.events).toBe(13);
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
    const { status, body } = await getError(app, `/api/events?${query}`);
    expect(status).toBe(400);
    expect(body.error).toBe('Invalid request');
    expect(body.details?.map((d) => d.path)).toContain(path);
  });

  test('answers 404 for an actor filter that names nobody', async () => {
    const { status, body } = await getError(app, '/api/events?actor=atlantis');
    expect(status).toBe(404);
    expect(body.error).toMatch(/atlantis/);
  });
});

describe('GET /api/events/:id', () => {
  test('gives the event with its links both ways and its CAMEO code', async () => {
    const body = await getOk(app, '/api/events/sanctions-lifted-potash-2025-12', EventDetail);
    expect(body.cameo).toBe('085');
    expect(body.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'reciprocates', direction: 'incoming', event: expect.objectContaining({ id: 'pardon-123-prisoners-2025-12' }) }),
        expect.objectContaining({ kind: 'part_of', direction: 'outgoing', event: expect.objectContaining({ id: 'talks-minsk-2025-12' }) }),
      ]),
    );
  });

  test('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await getError(app, '/api/events/no-such-event')).status).toBe(404);
    expect((await getError(app, '/api/events/NOT%20AN%20ID')).status).toBe(400);
  });
});

describe('actors', () => {
  test('GET /api/actors finds actors by alias and filters by kind', async () => {
    const byAlias = await getOk(app, '/api/actors?q=Washington', ActorList);
    expect(byAlias.items.map((a) => a.id)).toEqual(['united-states']);
    const states = await getOk(app, '/api/actors?kind=state', ActorList);
    expect(states.items.map((a) => a.id).sort()).toEqual(['belarus', 'russia', 'ukraine', 'united-states']);
    expect((await getError(app, '/api/actors?kind=planet')).status).toBe(400);
  });

  test('GET /api/actors/:id gives roles, the roles others hold toward it, and event counts by type', async () => {
    const body = await getOk(app, '/api/actors/belarus', ActorDetail);
    expect(body.heldBy.map((r) => [r.actor.id, r.role])).toEqual(
      expect.arrayContaining([
        ['alexander-lukashenko', 'president_of'],
        ['john-coale', 'envoy_to'],
      ]),
    );
    expect(body.eventCounts.sanctions_lifted).toBe(2);
    expect(body.firstEvent).toBe('2020-01-01');
    expect((await getError(app, '/api/actors/atlantis')).status).toBe(404);
  });

  test('GET /api/actors/:id/relationships ranks partners by shared events and affiliations', async () => {
    const body = await getOk(app, '/api/actors/alexander-lukashenko/relationships', RelationshipList);
    const coale = body.items.find((r) => r.actor.id === 'john-coale');
    expect(coale).toMatchObject({ sharedEventCount: 1, sharedEventsByType: { talks: 1 } });
    const belarus = body.items.find((r) => r.actor.id === 'belarus')!;
    expect(belarus.affiliations).toContainEqual({ role: 'president_of', title: 'President of Belarus', direction: 'outgoing' });
    const weights = body.items.map((r) => r.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect((await getError(app, '/api/actors/atlantis/relationships')).status).toBe(404);
  });
});

describe('articles', () => {
  test('GET /api/articles lists the seed article with its counts', async () => {
    const body = await getOk(app, '/api/articles', ArticleList);
    expect(body.items).toEqual([expect.objectContaining({ id: 'minsk-talks-us-belarus-thaw', eventCount: 13, reactionCount: 5, publishedAt: '2025-12-14' })]);
  });

  test('GET /api/articles/:id gives text, events with quote offsets, reactions and a stance summary', async () => {
    const body = await getOk(app, '/api/articles/minsk-talks-us-belarus-thaw', ArticleDetail);
    for (const event of body.events) {
      for (const q of event.quotes) expect(body.text.slice(q.start, q.end)).toBe(q.quote);
    }
    expect(body.reactions.map((r) => [r.author, r.stance])).toEqual([
      ['Bermudez', 'critical'],
      ['Coccinella', 'supportive'],
      ['Bella Ciao', 'mixed'],
      ['Comandante', 'mixed'],
      ['ZmeeLove', 'supportive'],
    ]);
    expect(body.stances).toEqual({ supportive: 2, critical: 1, mixed: 2 });
    expect((await getError(app, '/api/articles/nope')).status).toBe(404);
  });
});

describe('who-did-what', () => {
  test('reads agent → type → target with the quote', async () => {
    const body = await getOk(app, '/api/who-did-what?actor=donald-trump', WhoDidWhatAnswer);
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
    expect((await getError(app, '/api/who-did-what?action=bombed')).status).toBe(400);
    expect((await getError(app, '/api/who-did-what?target=atlantis')).status).toBe(404);
  });
});

describe('service routes', () => {
  test('GET /api/health reports the database up with its counts', async () => {
    const body = await getOk(app, '/api/health', Health);
    expect(body).toEqual({ status: 'ok', database: 'up', counts: { events: 13, actors: 14, articles: 1 } });
  });

  test('GET /api/openapi.json describes every route with its parameters', async () => {
    const body = await getOk(app, '/api/openapi.json', OpenApiDocument);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/events', '/api/events/{id}', '/api/who-did-what', '/api/actors/{id}/relationships']));
    const typeParam = body.paths['/api/events']?.get?.parameters?.find((p) => p.name === 'type');
    expect(resolveSchema(body, typeParam!.schema).enum).toContain('sanctions_lifted');
  });

  test('unknown API routes are JSON 404s', async () => {
    const { status, body } = await getError(app, '/api/nothing-here');
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

  // /api/health answers its 503 in its own shape; the others with an ErrorResponse
  test.each([
    ['/api/events', ErrorResponse],
    ['/api/actors/john-coale', ErrorResponse],
    ['/api/who-did-what', ErrorResponse],
    ['/api/health', Health],
  ])('%s answers 503 within a few seconds', async (path, schema) => {
    const started = Date.now();
    const { status, body } = await getJson(downApp, path, schema);
    expect(status).toBe(503);
    expect(JSON.stringify(body)).not.toMatch(/password|stack|at .*\.js/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
