import { z } from 'zod';
import * as accounts from '../../src/accounts/accounts.service';
import { TokenList, UserList } from '../../src/accounts/accounts.schemas';
import { ActorList, RelationshipList } from '../../src/actors/actors.schemas';
import { ArticleList } from '../../src/articles/articles.schemas';
import { read, type Db } from '../../src/db/query';
import { DraftList } from '../../src/drafts/drafts.schemas';
import { ConflictList, EventPage } from '../../src/events/events.schemas';
import { recordChanges } from '../../src/history/history.repository';
import { History } from '../../src/history/history.schemas';
import { ChangesAnswer, InForceAnswer, MeasuresAnswer } from '../../src/sanctions/sanctions.schemas';
import { WhoDidWhatAnswer } from '../../src/who-did-what/who-did-what.schemas';
import { loadFacts } from '../helpers/browse-fixtures';
import { addUsers, ok } from '../helpers/review';
import { getError, parseExact, startTestApp, type RunningApp } from '../helpers/test-app';
import { openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * Every list of the API answers `{ items, nextCursor }`. Walked page by page with a small limit, each list gives
 * every item of its full answer exactly once, in the same order, and the full answer holds what the database
 * holds. Ties of the sort keys (actors of one name, events of one day, articles of one day, partners of one
 * weight, changes of one moment) are broken by id, so no page boundary loses or repeats an item between equals.
 */

const TOKEN = 'paging-test-token-4c1f9e7b2d';
const automation = { authorization: `Bearer ${TOKEN}` };
/** The credentials of the user whose tokens are listed: filled in once the user and the tokens exist. */
const pager: Record<string, string> = {};

let db: Db;
let app: RunningApp;

/** How many fixture articles, and the actors each one brings. */
const ARTICLES = 6;
const ACTORS_PER_ARTICLE = 4;

const actorId = (i: number) => `paging-actor-${String(i).padStart(2, '0')}`;
const sentence = (k: number, j: number) => `Paging event ${k}-${j} happened.`;
const reportSentence = (k: number) => `Paging article ${k} also reports the earlier talks.`;

/**
 * Article k: published on one of three days (two articles a day), its four actors (names repeat every eight
 * actors, so that three actors share each name), and six events on three days among them and a hub: talks,
 * sanctions imposed and lifted (measures and their changes), criticism. From the second article on, each also
 * reports the first talks of the article before with another figure, which makes a conflict between sources.
 */
function pagingFacts(k: number) {
  const day = (d: number) => `2024-0${1 + (k >> 1)}-${10 + d}`;
  const own = (j: number) => actorId(k * ACTORS_PER_ARTICLE + (j % ACTORS_PER_ARTICLE));
  const event = (j: number, type: string, participants: Array<[string, string]>, extra: Record<string, unknown> = {}) => ({
    id: `paging-event-${k}-${j}`,
    type,
    title: `Paging event ${k}-${j}`,
    date: { start: day(j >> 1) },
    participants: participants.map(([actor, role]) => ({ actor, role })),
    sources: [{ quote: sentence(k, j) }],
    ...extra,
  });
  const events: Array<Record<string, unknown>> = [
    event(
      0,
      'talks',
      [
        ['paging-hub', 'agent'],
        [own(0), 'target'],
      ],
      { figures: { count: 10, unit: 'envoys' } },
    ),
    event(1, 'sanctions_imposed', [
      ['paging-hub', 'agent'],
      [own(1), 'target'],
    ]),
    event(2, 'criticism', [
      [own(2), 'agent'],
      ['paging-hub', 'target'],
    ]),
    event(3, 'sanctions_imposed', [
      ['paging-hub', 'agent'],
      [own(3), 'target'],
    ]),
    event(4, 'sanctions_lifted', [
      ['paging-hub', 'agent'],
      [own(1), 'target'],
    ]),
    event(5, 'talks', [
      ['paging-hub', 'agent'],
      [own(2), 'target'],
    ]),
  ];
  const texts = events.map((_, j) => sentence(k, j));
  if (k > 0) {
    // The same talks as the article before, with another figure: a second claim that disagrees.
    const before = k - 1;
    events.push({
      id: `paging-event-${before}-0`,
      type: 'talks',
      title: `Paging event ${before}-0`,
      date: { start: `2024-0${1 + (before >> 1)}-10` },
      participants: [
        { actor: 'paging-hub', role: 'agent' },
        { actor: actorId(before * ACTORS_PER_ARTICLE), role: 'target' },
      ],
      figures: { count: 20 + k, unit: 'envoys' },
      sources: [{ quote: reportSentence(k) }],
    });
    texts.push(reportSentence(k));
  }
  const actors = [
    { id: 'paging-hub', name: 'Paging Hub', kind: 'state' },
    ...[0, 1, 2, 3].map((j) => {
      const i = k * ACTORS_PER_ARTICLE + j;
      return { id: actorId(i), name: `Paging Actor ${i % 8}`, kind: 'state' };
    }),
    ...(k > 0 ? [{ id: actorId(k * ACTORS_PER_ARTICLE - ACTORS_PER_ARTICLE), name: `Paging Actor ${((k - 1) * ACTORS_PER_ARTICLE) % 8}`, kind: 'state' }] : []),
  ];
  return {
    article: { id: `paging-article-${k}`, title: `Paging article ${k}`, publishedAt: `2024-0${1 + (k >> 1)}-28`, text: texts.join(' ') },
    actors,
    events,
  };
}

/** Steps in the history of one event: three recorded at one moment (kept in the order recorded), the rest apart. */
async function recordHistory(eventId: string): Promise<void> {
  const step = (n: number, at: string) => ({
    entity: 'event' as const,
    entityId: eventId,
    at,
    user: 'pager',
    action: 'edited' as const,
    summary: `step ${n}`,
    before: null,
    after: { n },
  });
  const session = db.driver.session({ database: db.database });
  try {
    await session.executeWrite((tx) =>
      recordChanges(tx, [
        step(1, '2024-06-01T10:00:00.000Z'),
        step(2, '2024-06-01T10:00:00.000Z'),
        step(3, '2024-06-01T10:00:00.000Z'),
        step(4, '2024-06-02T09:00:00.000Z'),
      ]),
    );
    await session.executeWrite((tx) =>
      recordChanges(tx, [step(5, '2024-06-02T09:00:00.000Z'), step(6, '2024-06-03T08:30:00.000Z'), step(7, '2024-07-01T00:00:00.000Z')]),
    );
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  for (let k = 0; k < ARTICLES; k += 1) await loadFacts(db, pagingFacts(k));
  await recordHistory('paging-event-0-1');
  await addUsers(
    db,
    ['pager', 'reader-a', 'reader-b', 'reader-c', 'reader-d'].map((name) => ({ name, role: 'editor' as const })),
  );
  app = await startTestApp(db, { KB_API_TOKEN: TOKEN, KB_WRITE_RATE_LIMIT: '100000' });
  for (let i = 0; i < 5; i += 1) {
    const { token } = await accounts.createToken(db, 'pager', `script ${i}`);
    pager.authorization = `Bearer ${token}`;
  }
  for (let i = 0; i < 5; i += 1) {
    const text = `Paging draft ${i}\n\nOn 3 March 2024 Freedonia and Sylvania held talks in Geneva about item ${i}.`;
    await ok(app, 'POST', '/api/drafts', { token: TOKEN }, z.unknown(), { title: `Paging draft ${i}`, text, published: '2024-03-04' });
  }
});

afterAll(async () => {
  await app.close();
  await resetToSeed(db);
  await db.driver.close();
});

/** GET with headers, answered 200: the body parsed with the route's own response schema. */
async function get<S extends z.ZodType>(path: string, schema: S, headers: Record<string, string> = {}): Promise<z.output<S>> {
  const response = await fetch(app.baseUrl + path, { headers: { accept: 'application/json', ...headers } });
  const json: unknown = await response.json();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return parseExact(schema, json, `GET ${path}`);
}

const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

type Page = { items: unknown[]; nextCursor: string | null };

/** Follows nextCursor from the first page (or from `from`) to the last: every page, in order. */
async function walk(path: string, schema: z.ZodType<Page>, limit: number, headers?: Record<string, string>, from: string | null = null): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = from;
  do {
    const page: Page = await get(withQuery(path, `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), schema, headers);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error(`${path}: more than 100 pages, the cursor does not advance`);
  } while (cursor);
  return pages;
}

interface ListCase {
  path: string;
  schema: z.ZodType<Page>;
  /** What tells two items apart. */
  key: (item: never) => string;
  /** The route's largest limit: one page that must hold the whole list. */
  max: number;
  limit: number;
  headers?: Record<string, string>;
  /** The same list counted in the database, independently of the route. */
  count?: string;
}

const LISTS: ListCase[] = [
  { path: '/api/events', schema: EventPage, key: (e: { id: string }) => e.id, max: 500, limit: 7, count: 'MATCH (e:Event) RETURN count(e) AS n' },
  {
    path: '/api/events?actor=paging-hub',
    schema: EventPage,
    key: (e: { id: string }) => e.id,
    max: 500,
    limit: 4,
    count: "MATCH (:Actor {id: 'paging-hub'})-[:PARTICIPATED_IN]->(e:Event) RETURN count(DISTINCT e) AS n",
  },
  {
    path: '/api/events?q=paging',
    schema: EventPage,
    key: (e: { id: string }) => e.id,
    max: 500,
    limit: 5,
    count: "MATCH (e:Event) WHERE e.title STARTS WITH 'Paging event' RETURN count(e) AS n",
  },
  {
    path: '/api/who-did-what',
    schema: WhoDidWhatAnswer,
    key: (r: { event: { id: string } }) => r.event.id,
    max: 500,
    limit: 6,
    count: 'MATCH (e:Event) RETURN count(e) AS n',
  },
  {
    path: '/api/who-did-what?actor=paging-hub',
    schema: WhoDidWhatAnswer,
    key: (r: { event: { id: string } }) => r.event.id,
    max: 500,
    limit: 4,
    count: "MATCH (:Actor {id: 'paging-hub'})-[:PARTICIPATED_IN]->(e:Event) RETURN count(DISTINCT e) AS n",
  },
  {
    path: '/api/who-did-what?action=talks',
    schema: WhoDidWhatAnswer,
    key: (r: { event: { id: string } }) => r.event.id,
    max: 500,
    limit: 3,
    count: "MATCH (e:Event {type: 'talks'}) RETURN count(e) AS n",
  },
  { path: '/api/actors', schema: ActorList, key: (a: { id: string }) => a.id, max: 500, limit: 5, count: 'MATCH (a:Actor) RETURN count(a) AS n' },
  {
    path: '/api/actors?q=paging',
    schema: ActorList,
    key: (a: { id: string }) => a.id,
    max: 500,
    limit: 4,
    count: "MATCH (a:Actor) WHERE a.name STARTS WITH 'Paging' RETURN count(a) AS n",
  },
  {
    path: '/api/actors/paging-hub/relationships',
    schema: RelationshipList,
    key: (r: { actor: { id: string } }) => r.actor.id,
    max: 200,
    limit: 3,
    count:
      "MATCH (:Actor {id: 'paging-hub'})-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(o:Actor) WHERE o.id <> 'paging-hub' RETURN count(DISTINCT o) AS n",
  },
  { path: '/api/articles', schema: ArticleList, key: (a: { id: string }) => a.id, max: 500, limit: 2, count: 'MATCH (a:Article) RETURN count(a) AS n' },
  { path: '/api/sanctions?on=2030-01-01', schema: InForceAnswer, key: (m: { id: string }) => m.id, max: 1000, limit: 2 },
  {
    path: '/api/sanctions/measures',
    schema: MeasuresAnswer,
    key: (m: { id: string }) => m.id,
    max: 2000,
    limit: 3,
    count: 'MATCH (m:Measure) WHERE m.exemptionOf IS NULL RETURN count(m) AS n',
  },
  {
    path: '/api/sanctions/changes?from=2024-01-01&to=2024-12-31',
    schema: ChangesAnswer,
    key: (r: { measure: { id: string }; change: { kind: string; event: { id: string } } }) => `${r.measure.id} ${r.change.kind} ${r.change.event.id}`,
    max: 1000,
    limit: 4,
    count: "MATCH (:Measure)-[c:CHANGED_BY]->(e:Event) WHERE e.id STARTS WITH 'paging-' RETURN count(c) AS n",
  },
  {
    path: '/api/conflicts',
    schema: ConflictList,
    key: (c: { event: { id: string } }) => c.event.id,
    max: 200,
    limit: 2,
    count: 'MATCH (e:Event {conflicted: true}) RETURN count(e) AS n',
  },
  {
    path: '/api/drafts',
    schema: DraftList,
    key: (d: { id: string }) => d.id,
    max: 200,
    limit: 2,
    headers: automation,
    count: "MATCH (d:Draft {status: 'open'}) RETURN count(d) AS n",
  },
  {
    path: '/api/events/paging-event-0-1/history',
    schema: History,
    key: (c: { summary: string }) => c.summary,
    max: 500,
    limit: 2,
    count: "MATCH (c:Change {entity: 'event', entityId: 'paging-event-0-1'}) RETURN count(c) AS n",
  },
  {
    path: '/api/tokens',
    schema: TokenList,
    key: (t: { key: string }) => t.key,
    max: 500,
    limit: 2,
    headers: pager,
    count: "MATCH (t:ApiToken {user: 'pager'}) RETURN count(t) AS n",
  },
  {
    path: '/api/users',
    schema: UserList,
    key: (u: { name: string }) => u.name,
    max: 500,
    limit: 2,
    headers: automation,
    count: 'MATCH (u:User) RETURN count(u) AS n',
  },
];

describe('every list walked page by page gives each item exactly once', () => {
  test.each(LISTS.map((list) => [list.path, list] as const))('%s', async (_path, list) => {
    const whole = await get(withQuery(list.path, `limit=${list.max}`), list.schema, list.headers);
    expect(whole.nextCursor).toBeNull();
    const expected = whole.items.map((item) => list.key(item as never));
    if (list.count) {
      const [row] = await read<{ n: number }>(db, list.count);
      expect(expected).toHaveLength(row?.n ?? -1);
    }

    const pages = await walk(list.path, list.schema, list.limit, list.headers);
    const walked = pages.flatMap((page) => page.items.map((item) => list.key(item as never)));
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(expected);
    // The fixture makes several pages of every list, and only the last page has no cursor.
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, -1).every((page) => page.items.length === list.limit && page.nextCursor !== null)).toBe(true);
    expect(pages[pages.length - 1]?.nextCursor).toBeNull();
  });
});

describe('a walk under writes', () => {
  test('actors added behind the cursor are not met, those ahead of it are met once, and nothing is skipped or repeated', async () => {
    const before = (await get('/api/actors?limit=500', ActorList)).items.map((a) => a.id);
    const first = await get('/api/actors?limit=5', ActorList);
    await loadFacts(db, {
      article: { id: 'paging-late-article', title: 'Late', publishedAt: '2024-09-01', text: 'Late news.' },
      actors: [
        { id: 'aaa-early', name: 'Aaa Early', kind: 'group' },
        { id: 'zzz-late', name: 'Zzz Late', kind: 'group' },
      ],
      events: [],
    });
    const rest = await walk('/api/actors', ActorList, 5, {}, first.nextCursor);
    const walked = [...first.items, ...rest.flatMap((page) => page.items)].map((a) => (a as { id: string }).id);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.filter((id) => id !== 'zzz-late')).toEqual(before);
    expect(walked).toContain('zzz-late');
    expect(walked).not.toContain('aaa-early');
  });

  test('who-did-what: an event dated ahead of the cursor is met once; one behind it is not', async () => {
    const before = (await get('/api/who-did-what?actor=paging-hub&limit=500', WhoDidWhatAnswer)).items.map((r) => r.event.id);
    const first = await get('/api/who-did-what?actor=paging-hub&limit=4', WhoDidWhatAnswer);
    const talks = (id: string, start: string, quote: string) => ({
      id,
      type: 'talks',
      title: id,
      date: { start },
      participants: [
        { actor: 'paging-hub', role: 'agent' },
        { actor: actorId(0), role: 'target' },
      ],
      sources: [{ quote }],
    });
    await loadFacts(db, {
      article: { id: 'paging-later-article', title: 'Later', publishedAt: '2024-12-01', text: 'Early talks. Late talks.' },
      actors: [],
      events: [talks('paging-talks-early', '2000-01-01', 'Early talks.'), talks('paging-talks-late', '2024-11-30', 'Late talks.')],
    });
    const rest = await walk('/api/who-did-what?actor=paging-hub', WhoDidWhatAnswer, 4, {}, first.nextCursor);
    const walked = [...first.items, ...rest.flatMap((page) => page.items)].map((r) => (r as { event: { id: string } }).event.id);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.filter((id) => id !== 'paging-talks-late')).toEqual(before);
    expect(walked[walked.length - 1]).toBe('paging-talks-late');
    expect(walked).not.toContain('paging-talks-early');
  });
});

describe('cursors are opaque and checked', () => {
  test.each(LISTS.map((list) => [list.path, list] as const))('%s: a cursor it did not give out is a 400 naming `cursor`', async (_path, list) => {
    const foreign = list.path.startsWith('/api/articles')
      ? (await get('/api/actors?limit=1', ActorList)).nextCursor
      : (await get('/api/articles?limit=1', ArticleList)).nextCursor;
    const forged = Buffer.from(JSON.stringify(['who-did-what', '2025-02-30', 'x'])).toString('base64url');
    for (const cursor of ['garbage', foreign ?? '', forged]) {
      const response = await fetch(app.baseUrl + withQuery(list.path, `cursor=${encodeURIComponent(cursor)}`), {
        headers: { accept: 'application/json', ...list.headers },
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { details?: Array<{ path: string }> };
      expect(body.details?.map((d) => d.path)).toContain('cursor');
    }
  });

  test('a day that does not exist inside an otherwise well-made cursor is refused before it reaches the database', async () => {
    const forged = Buffer.from(JSON.stringify(['who-did-what', '2025-02-30', 'x'])).toString('base64url');
    const { status, body } = await getError(app, `/api/who-did-what?cursor=${forged}`);
    expect(status).toBe(400);
    expect(body.details?.[0]?.path).toBe('cursor');
  });
});

describe('the actors page', () => {
  test('links to the next page of actors, which continues the list by name: every actor once', async () => {
    const crowd = Array.from({ length: 200 }, (_, i) => ({ id: `crowd-member-${String(i).padStart(3, '0')}`, name: `Crowd Member ${i % 50}`, kind: 'person' }));
    await loadFacts(db, { article: { id: 'paging-crowd-article', title: 'Crowd', publishedAt: '2024-10-01', text: 'A crowd.' }, actors: crowd, events: [] });
    const expected = (await get('/api/actors?limit=500', ActorList)).items.map((a) => a.id);
    expect(expected.length).toBeGreaterThan(200);

    const listed: string[] = [];
    let next: string | null = '/actors';
    let pages = 0;
    while (next && pages < 10) {
      const html = await (await fetch(app.baseUrl + next)).text();
      listed.push(...[...html.matchAll(/class="actor-card__name" href="\/actors\/([^"]+)"/g)].map((m) => m[1] as string));
      next = /<a href="([^"]+)" rel="next">More actors/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(listed).toEqual(expected);
  });
});
