import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ActorDetail } from '../../src/actors/actors.schemas';
import { ArticleList } from '../../src/articles/articles.schemas';
import type { Db } from '../../src/db/query';
import { Committed, Draft, DraftList } from '../../src/drafts/drafts.schemas';
import { ConflictList, EventDetail, EventPage } from '../../src/events/events.schemas';
import { Graph } from '../../src/graph/graph.schemas';
import { History } from '../../src/history/history.schemas';
import { Stats } from '../../src/stats/stats.schemas';
import { TimelineWindow } from '../../src/timeline/timeline.schemas';
import { WhoDidWhatAnswer } from '../../src/who-did-what/who-did-what.schemas';
import { TokenCreated, TokenList } from '../../src/accounts/accounts.schemas';
import { addUsers, call, draftAccepted, ok, signIn, type Session } from '../helpers/review';
import { getOk, startTestApp, type RunningApp } from '../helpers/test-app';
import { contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * The review workbench through the API: drafts stay out of the graph until committed, writes need a session
 * (with its CSRF token) or a token, commits are atomic and happen once, and sources' claims are kept apart.
 */

const TOKEN = 'review-test-token-6b1e0c9d2a';
const ARTICLE = {
  title: 'Belarus frees more prisoners',
  published: '2025-12-21',
  text:
    'Belarus frees more prisoners\n\nOn Saturday, December 20, President Alexander Lukashenko pardoned 31 prisoners, his office said. ' +
    'Norwegian envoy Ingrid Vatne met Lukashenko in Minsk on Friday, December 19, for talks.',
};
const SECOND = {
  title: 'Lukashenko pardons 33',
  published: '2025-12-22',
  text: 'Lukashenko pardons 33\n\nOn December 20, President Alexander Lukashenko pardoned 33 prisoners, state media reported.',
};

let db: Db;
let app: RunningApp;
let alice: Session;
let bob: Session;
const automation = { token: TOKEN };
const Accepted = z.object({ accepted: z.number(), draft: Draft });

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  await addUsers(db, [
    { name: 'alice', role: 'editor' },
    { name: 'bob', role: 'editor' },
    { name: 'root', role: 'admin' },
  ]);
  app = await startTestApp(db, { KB_API_TOKEN: TOKEN, KB_WRITE_RATE_LIMIT: '100000', FETCH_ALLOW_PRIVATE: '1' });
  alice = await signIn(app, 'alice');
  bob = await signIn(app, 'bob');
});

afterAll(async () => {
  await app.close();
  await resetToSeed(db);
  await db.driver.close();
});

describe('a draft is invisible to every read route until it is committed', () => {
  let draft: Draft;
  let before: z.output<typeof Stats>;
  const quote = 'Norwegian envoy Ingrid Vatne met Lukashenko';
  /** What the read routes answer about the days and actors of the article. */
  const reads = async () => ({
    events: await getOk(app, '/api/events?limit=500', EventPage),
    who: await getOk(app, '/api/who-did-what?actor=alexander-lukashenko&from=2025-12-19', WhoDidWhatAnswer),
    timeline: await getOk(app, '/api/timeline?from=2025-12-19&to=2025-12-21', TimelineWindow),
    graph: await getOk(app, '/api/graph?actor=alexander-lukashenko', Graph),
    articles: await getOk(app, '/api/articles', ArticleList),
    csv: await (await fetch(`${app.baseUrl}/api/export?format=csv`)).text(),
    stats: await getOk(app, '/api/stats', Stats),
  });
  let readsBefore: Awaited<ReturnType<typeof reads>>;

  beforeAll(async () => {
    readsBefore = await reads();
    before = readsBefore.stats;
    draft = await draftAccepted(app, { session: alice }, ARTICLE);
  });

  test('the draft holds the events, each with a confidence and its reasons', () => {
    expect(draft.events.map((e) => e.type)).toEqual(['pardon', 'talks']);
    for (const event of draft.events) {
      expect(event.confidence).toBeGreaterThan(0);
      expect(event.confidence).toBeLessThanOrEqual(1);
      expect(event.reasons.date).toMatch(/^(its own phrase|the sentence opening)$/);
      expect(event.reasons.actors.length).toBeGreaterThan(0);
    }
    const vatne = draft.events[1]!.reasons.actors.find((a) => a.id === 'ingrid-vatne');
    expect(vatne?.how).toMatch(/proposed new actor/);
    expect(draft.events[1]!.reasons.flags).toContain('names an actor the knowledge base does not know yet');
  });

  test('no read route shows it: events, search, who-did-what, timeline, graph, actors, articles, exports, counts', async () => {
    const now = await reads();
    expect(now).toEqual(readsBefore);
    expect(now.csv).not.toContain(quote);
    expect((await getOk(app, '/api/events?q=Vatne', EventPage)).items).toEqual([]);
    expect((await fetch(`${app.baseUrl}/api/actors/ingrid-vatne`)).status).toBe(404);
  });

  test('committed, its events are there, marked reviewed, and findable by that status', async () => {
    const committed = await ok(app, 'POST', `/api/drafts/${draft.id}/commit`, { session: alice }, Committed);
    expect(committed.events.map((e) => e.merged)).toEqual([false, false]);
    const reviewed = await getOk(app, '/api/events?status=reviewed', EventPage);
    expect(reviewed.items.map((e) => e.id).sort()).toEqual(committed.events.map((e) => e.id).sort());
    expect(reviewed.items.every((e) => e.status === 'reviewed')).toBe(true);
    const auto = await getOk(app, '/api/events?status=auto&limit=500', EventPage);
    expect(auto.items.length).toBe(before.counts.events);
    const who = await getOk(app, '/api/who-did-what?actor=alexander-lukashenko&status=reviewed', WhoDidWhatAnswer);
    expect(who.items.map((row) => row.event.id).sort()).toEqual(committed.events.map((e) => e.id).sort());
    expect((await getOk(app, '/api/stats', Stats)).counts.events).toBe(before.counts.events + 2);
    const vatne = await getOk(app, '/api/events?q=Vatne', EventPage);
    expect(vatne.items).toHaveLength(1);
    expect((await getOk(app, '/api/actors/ingrid-vatne', ActorDetail)).status).toBe('reviewed');
    expect((await getOk(app, '/api/actors/belarus', ActorDetail)).status).toBe('auto');
  });

  test('the history of a committed event names each step and its user', async () => {
    const [talks] = (await getOk(app, '/api/events?status=reviewed&type=talks', EventPage)).items;
    const history = await getOk(app, `/api/events/${talks!.id}/history`, History);
    expect(history.status).toBe('reviewed');
    expect(history.items.map((c) => [c.user, c.action])).toEqual([
      ['extractor', 'drafted'],
      ['alice', 'accepted'],
      ['alice', 'accepted'],
    ]);
  });
});

describe('credentials', () => {
  const attempt = (who: Parameters<typeof call>[3]) => call(app, 'POST', '/api/drafts', who, Draft, { ...ARTICLE, title: 'Refused draft' });

  test('writing without a session or a token is 401, and writes nothing', async () => {
    const before = await contentFingerprint(db);
    const answer = await attempt(null);
    expect(answer.status).toBe(401);
    expect(await contentFingerprint(db)).toBe(before);
  });

  test("a session's write without its CSRF token is 403, with it the write is done", async () => {
    const before = await contentFingerprint(db);
    expect((await attempt({ session: bob, csrf: false })).status).toBe(403);
    expect((await call(app, 'POST', '/api/drafts', { session: { ...bob, csrf: alice.csrf } }, Draft, ARTICLE)).status).toBe(403);
    expect(await contentFingerprint(db)).toBe(before);
    const draft = await ok(app, 'POST', '/api/drafts', { session: bob }, Draft, {
      ...ARTICLE,
      title: 'Bob drafts',
      text: `${ARTICLE.text} Bob was here.`,
    });
    expect(draft.createdBy).toBe('bob');
  });

  test('a user makes a token, shown once; a script writes with it as that user; revoked, it is refused', async () => {
    const token = await ok(app, 'POST', '/api/tokens', { session: alice }, TokenCreated, { label: 'nightly' });
    expect(token.token).toMatch(/^kbt_/);
    const listed = await ok(app, 'GET', '/api/tokens', { session: alice }, TokenList);
    expect(JSON.stringify(listed)).not.toContain(token.token);
    const draft = await ok(app, 'POST', '/api/drafts', { token: token.token }, Draft, { ...ARTICLE, title: 'By script', id: 'by-script' });
    expect(draft.createdBy).toBe('alice');
    await ok(app, 'DELETE', `/api/tokens/${token.key}`, { session: alice }, z.object({ ok: z.literal(true) }));
    expect((await call(app, 'POST', '/api/drafts', { token: token.token }, Draft, { ...ARTICLE, id: 'by-script-2' })).status).toBe(401);
  });

  test('drafts are for signed-in users: the list is 401 without credentials', async () => {
    expect((await call(app, 'GET', '/api/drafts', null, DraftList)).status).toBe(401);
    const list = await ok(app, 'GET', '/api/drafts', { session: bob }, DraftList);
    expect(list.items.length).toBeGreaterThan(0);
  });

  test('managing users is for admins: an editor gets 403, an admin adds one', async () => {
    const user = { name: 'carol', role: 'editor', password: 'long enough password' };
    expect((await call(app, 'POST', '/api/users', { session: alice }, z.unknown(), user)).status).toBe(403);
    const root = await signIn(app, 'root');
    expect((await call(app, 'POST', '/api/users', { session: root }, z.looseObject({ name: z.string() }), user)).status).toBe(201);
    await signIn(app, 'carol', 'long enough password');
  });

  test('repeated failed sign-ins are refused for a while, with one message for a wrong name and a wrong password', async () => {
    // An app of its own: the refusal covers the address the tests sign in from.
    const guarded = await startTestApp(db);
    const tryOnce = async (name: string) => {
      const response = await fetch(`${guarded.baseUrl}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name, password: 'not the password' }),
      });
      return { status: response.status, text: await response.text() };
    };
    const wrongName = await tryOnce('nobody-at-all');
    const wrongPassword = await tryOnce('bob');
    expect(wrongName.status).toBe(401);
    expect(wrongPassword.status).toBe(401);
    const message = (text: string) => /class="form-error"[^>]*>([^<]*)</.exec(text)?.[1];
    expect(message(wrongName.text)).toBe(message(wrongPassword.text));
    let last = wrongPassword;
    for (let i = 0; i < 10 && last.status !== 429; i += 1) last = await tryOnce('bob');
    expect(last.status).toBe(429);
    const refused = await fetch(`${guarded.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'bob', password: 'correct horse battery staple' }),
    });
    expect(refused.status).toBe(429);
    await guarded.close();
  }, 90_000);
});

describe('committing', () => {
  test('two editors committing the same draft at once write its events once', async () => {
    const draft = await draftAccepted(
      app,
      { session: alice },
      { ...SECOND, title: 'Twice committed', text: SECOND.text.replace('33', '35').replace('Lukashenko pardons 33', 'Twice committed') },
    );
    const before = (await getOk(app, '/api/stats', Stats)).counts;
    const answers = await Promise.all([alice, bob].map((session) => call(app, 'POST', `/api/drafts/${draft.id}/commit`, { session }, Committed)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await getOk(app, '/api/stats', Stats)).counts.articles).toBe(before.articles + 1);
  });

  test('a commit that fails its checks writes nothing and leaves the draft open', async () => {
    const draft = await draftAccepted(app, { session: alice }, { ...SECOND, title: 'Nobody named', text: `${SECOND.text} Prisoners were freed on Sunday.` });
    await ok(app, 'PATCH', `/api/drafts/${draft.id}/events/0`, { session: alice }, Draft, { agents: [], targets: [], sources: [] });
    const before = await contentFingerprint(db);
    const answer = await call(app, 'POST', `/api/drafts/${draft.id}/commit`, { session: alice }, Committed);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/names nobody/);
    const after = await ok(app, 'GET', `/api/drafts/${draft.id}`, { session: alice }, Draft);
    expect(after.status).toBe('open');
    expect(await contentFingerprint(db)).toBe(before);
  });
});

describe("sources' own claims", () => {
  let pardon: string;
  beforeAll(async () => {
    const [committed] = (await getOk(app, '/api/events?status=reviewed&type=pardon', EventPage)).items.filter((e) => e.figures?.count === 31);
    pardon = committed!.id;
    const draft = await ok(app, 'POST', '/api/drafts', { session: bob }, Draft, SECOND);
    expect(draft.events[0]?.reasons.knownEvent?.id).toBe(pardon);
    await ok(app, 'PATCH', `/api/drafts/${draft.id}/events/0`, { session: bob }, Draft, { mergeInto: pardon, decision: 'accepted' });
    const committed2 = await ok(app, 'POST', `/api/drafts/${draft.id}/commit`, { session: bob }, Committed);
    expect(committed2.events).toEqual([{ key: 0, id: pardon, merged: true }]);
  });

  test('a second article with another figure keeps its claim and flags the conflict', async () => {
    const event = await getOk(app, `/api/events/${pardon}`, EventDetail);
    expect(event.claims.map((c) => [c.article.title, c.figures?.count])).toEqual([
      [ARTICLE.title, 31],
      [SECOND.title, 33],
    ]);
    expect(event.conflicts).toEqual(['figures']);
    expect(event.figures?.count).toBe(31);
    const conflicts = await getOk(app, '/api/conflicts', ConflictList);
    expect(conflicts.items.map((c) => [c.event.id, c.conflicts, c.claims])).toEqual([[pardon, ['figures'], 2]]);
  });

  test("an editor's choice settles it: the event shows the chosen value, the other claim stays, the history says who", async () => {
    const second = (await getOk(app, `/api/events/${pardon}`, EventDetail)).claims[1]!.article.id;
    const settled = await ok(app, 'POST', `/api/events/${pardon}/choices`, { session: alice }, EventDetail, { field: 'figures', article: second });
    expect(settled.figures?.count).toBe(33);
    expect(settled.conflicts).toEqual([]);
    expect(settled.claims).toHaveLength(2);
    expect((await getOk(app, '/api/conflicts', ConflictList)).items).toEqual([]);
    const history = await getOk(app, `/api/events/${pardon}/history`, History);
    expect(history.items.slice(-3).map((c) => [c.user, c.action])).toEqual([
      ['bob', 'merged'],
      ['bob', 'claim added'],
      ['alice', 'conflict resolved'],
    ]);
  });
});

describe('articles by address', () => {
  let server: http.Server;
  let base: string;
  const PAGE = `<!doctype html><html><head><title>Envoys meet in Minsk | Test Wire</title>
    <meta property="article:published_time" content="2025-12-23T08:00:00Z"></head><body><header>Menu</header>
    <article><h1>Envoys meet in Minsk</h1><p class="byline">By Jane Roe</p>
    <p>On Monday, December 22, US envoy John Coale met President Alexander Lukashenko in Minsk for talks on further prisoner releases.</p>
    <p>Belarus freed 12 prisoners on Tuesday, December 23, the presidential press service said, and more releases were expected before the new year.</p>
    </article><footer>Contact</footer></body></html>`;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/article') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      if (req.url === '/data') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}');
      if (req.url === '/huge') return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${'x'.repeat(3_100_000)}</p>`);
      if (req.url?.startsWith('/loop')) return void res.writeHead(302, { location: `/loop${Math.random()}` }).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a page becomes a draft: its main text, title, byline and date', async () => {
    const draft = await ok(app, 'POST', '/api/drafts', automation, Draft, { url: `${base}/article` });
    expect(draft.article).toMatchObject({ publishedAt: '2025-12-23', byline: 'By Jane Roe', url: `${base}/article` });
    expect(draft.article.title).toMatch(/Envoys meet in Minsk/);
    expect(draft.article.text).toContain('US envoy John Coale met President Alexander Lukashenko');
    expect(draft.article.text).not.toMatch(/Menu|Contact/);
    expect(draft.events.map((e) => e.type)).toEqual(expect.arrayContaining(['talks', 'prisoner_release']));
  });

  test.each([
    ['not a web page', '/data', /not a web page/],
    ['over the size limit', '/huge', /larger than/],
    ['too many redirects', '/loop', /redirects/],
  ])('%s: a 400 that says so, and nothing stored', async (_what, path, message) => {
    const drafts = (await ok(app, 'GET', '/api/drafts?limit=200', automation, DraftList)).items.length;
    const answer = await call(app, 'POST', '/api/drafts', automation, Draft, { url: `${base}${path}`, published: '2025-12-23' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(message);
    expect((await ok(app, 'GET', '/api/drafts?limit=200', automation, DraftList)).items.length).toBe(drafts);
  });

  test('an unreachable host: a 400 that says so', async () => {
    const answer = await call(app, 'POST', '/api/drafts', automation, Draft, { url: 'http://127.0.0.1:9/article', published: '2025-12-23' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/could not be reached/);
  });

  test('loopback and private addresses are refused unless the setting allows them', async () => {
    const guarded = await startTestApp(db, { KB_API_TOKEN: TOKEN });
    try {
      for (const url of [`${base}/article`, 'http://10.1.2.3/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x']) {
        const answer = await call(guarded, 'POST', '/api/drafts', automation, Draft, { url, published: '2025-12-23' });
        expect(answer.status).toBe(400);
        expect(JSON.stringify(answer.body)).toMatch(/private, loopback or link-local/);
      }
    } finally {
      await guarded.close();
    }
  });
});

test('accepting every event above a confidence leaves the doubtful ones pending', async () => {
  const draft = await ok(app, 'POST', '/api/drafts', { session: alice }, Draft, { ...ARTICLE, id: 'confidence-check', title: 'Confidence check' });
  const threshold = Math.max(...draft.events.map((e) => e.confidence));
  const { draft: after } = await ok(app, 'POST', `/api/drafts/${draft.id}/accept`, { session: alice }, Accepted, { confidence: threshold });
  for (const event of after.events) expect(event.decision).toBe(event.confidence >= threshold ? 'accepted' : 'pending');
  await ok(app, 'DELETE', `/api/drafts/${draft.id}`, { session: alice }, Draft);
});
