import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { read, type Db } from '../../src/db/query';
import { runExtract, runIngestNow, runLoad, type Output } from '../../src/cli/ingest.action';
import { ArticleDetail } from '../../src/articles/articles.schemas';
import { EventDetail, EventPage } from '../../src/events/events.schemas';
import { Graph } from '../../src/graph/graph.schemas';
import { ArticleConflictError } from '../../src/ingest/ingest.service';
import { ArticleIngested } from '../../src/ingest/ingest.schemas';
import { loadFactsPaths } from '../../src/ingest/load';
import { loadSeed } from '../../src/ingest/seed';
import { TimelineWindow } from '../../src/timeline/timeline.schemas';
import { ensureBuilt, KB } from '../helpers/cli';
import { smallFacts, tempFactsDir, writeFacts } from '../helpers/facts-fixtures';
import { getOk, parseExact, startTestApp, type RunningApp } from '../helpers/test-app';
import { contentFingerprint, openTestDb, resetToSeed, testConnection } from '../helpers/test-db';

/**
 * Issue 4: `kb ingest`, `kb extract` and `kb load` against the suite's Neo4j, and one event reported by
 * several articles. The articles are written for these tests; the first re-reports, in other words and a day
 * later, the seed's pardon of 123 prisoners, and reports a meeting the seed does not have.
 */

const PARDON = 'pardon-123-prisoners-2025-12';
const SEED_ARTICLE = 'minsk-talks-us-belarus-thaw';

const FOLLOW_UP = [
  'Belarus frees prisoners as Washington eases pressure',
  '',
  'On Saturday, December 13, President Lukashenko pardoned 123 prisoners, his office said.',
  '',
  "Poland's foreign minister Radek Sikorski met Lithuanian President Gitanas Nauseda in Vilnius on Monday, December 15, to discuss the border with Belarus.",
  '',
].join('\n');
const FOLLOW_UP_ID = 'belarus-frees-prisoners-as-washington-eases-pressure';
const PARDON_QUOTE = 'On Saturday, December 13, President Lukashenko pardoned 123 prisoners, his office said.';
const MEETING_QUOTE = FOLLOW_UP.split('\n')[4] as string;

let db: Db;
let app: RunningApp;
let dir: string;

/** Captures what a command prints. */
function capture(): Output & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

function writeArticle(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const kb = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  promisify(execFile)(process.execPath, [KB, ...args], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });

function testDbEnv(): NodeJS.ProcessEnv {
  const { uri, user, password } = testConnection();
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
}

beforeAll(async () => {
  ensureBuilt();
  db = openTestDb();
  app = await startTestApp(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-ingest-'));
});

afterAll(async () => {
  await app.close();
  await db.driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('kb ingest of an article that re-reports a seed event and reports a new one', () => {
  let file: string;
  let printed: ReturnType<typeof capture>;
  let result: Awaited<ReturnType<typeof runIngestNow>>;

  beforeAll(async () => {
    await resetToSeed(db);
    file = writeArticle('follow-up.txt', FOLLOW_UP);
    printed = capture();
    result = await runIngestNow(db, file, { published: '2025-12-15' }, printed);
  });

  test('answers with the article, the merged pardon and the new meeting', () => {
    expect(result.created).toBe(true);
    expect(result.article).toEqual({ id: FOLLOW_UP_ID, title: 'Belarus frees prisoners as Washington eases pressure' });
    expect(result.events).toEqual([
      { id: PARDON, type: 'pardon', title: 'Lukashenko pardons 123 prisoners', merged: true },
      { id: expect.stringMatching(/^talks-radek-sikorski/), type: 'talks', title: expect.stringContaining('Radek Sikorski'), merged: false },
    ]);
    expect(result.actors).toEqual(
      expect.arrayContaining([
        { id: 'alexander-lukashenko', name: 'Alexander Lukashenko', created: false },
        { id: 'radek-sikorski', name: 'Radek Sikorski', created: true },
      ]),
    );
    expect(printed.stdout()).toMatch(/merged\s+pardon-123-prisoners-2025-12/);
  });

  test('the new event appears in /api/events, the timeline and the graph, with its quote', async () => {
    const meeting = result.events[1]!.id;
    const page = await getOk(app, '/api/events?type=talks&from=2025-12-15&to=2025-12-15', EventPage);
    expect(page.items.map((e) => e.id)).toEqual([meeting]);
    expect(page.items[0]).toMatchObject({
      date: { start: '2025-12-15', end: null, precision: 'day' },
      place: 'Vilnius',
      sources: [{ article: { id: FOLLOW_UP_ID, title: 'Belarus frees prisoners as Washington eases pressure' }, quote: MEETING_QUOTE }],
    });
    const timeline = await getOk(app, '/api/timeline?from=2025-12-01&to=2025-12-31', TimelineWindow);
    expect(timeline.items.map((i) => i.event)).toContain(meeting);
    const graph = await getOk(app, '/api/graph?actor=radek-sikorski', Graph);
    expect(graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['radek-sikorski', 'gitanas-nauseda']));
  });

  test('the pardon is not duplicated: its page shows the quotes of both articles', async () => {
    const pardons = await getOk(app, '/api/events?type=pardon&from=2025-12-01&to=2025-12-31', EventPage);
    expect(pardons.items.map((e) => e.id)).toEqual([PARDON]);
    const pardon = await getOk(app, `/api/events/${PARDON}`, EventDetail);
    expect(pardon.title).toBe('Lukashenko pardons 123 prisoners');
    expect(pardon.date).toEqual({ start: '2025-12-12', end: '2025-12-13', precision: 'day' });
    const sources = pardon.sources.map((s) => [s.article.id, s.quote]);
    expect(sources).toEqual([
      [SEED_ARTICLE, expect.stringContaining('announced the pardon of 123 individuals')],
      [SEED_ARTICLE, expect.stringContaining('President Lukashenko pardoned 123 prisoners')],
      [FOLLOW_UP_ID, PARDON_QUOTE],
    ]);
    // the seed's participants stay; the new article adds what it says
    const participants = pardon.participants.map((p) => `${p.actor.id}|${p.role}`);
    expect(participants).toEqual(expect.arrayContaining(['alexander-lukashenko|agent', 'belarusian-political-prisoners|target']));
  });

  test('the event page shows the quotes of both articles, each linked to its article', async () => {
    const response = await fetch(`${app.baseUrl}/events/${PARDON}`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('announced the pardon of 123 individuals');
    expect(html).toContain(PARDON_QUOTE);
    expect(html).toContain(`href="/articles/${SEED_ARTICLE}`);
    expect(html).toContain(`href="/articles/${FOLLOW_UP_ID}`);
  });

  test('the article page lists both of its events with their quotes', async () => {
    const body = await getOk(app, `/api/articles/${FOLLOW_UP_ID}`, ArticleDetail);
    expect(body.events.map((e) => [e.id, e.quotes[0]!.quote])).toEqual([
      [PARDON, PARDON_QUOTE],
      [result.events[1]!.id, MEETING_QUOTE],
    ]);
  });

  test('ingesting it a second time changes nothing and says so', async () => {
    const before = await contentFingerprint(db);
    const again = capture();
    const second = await runIngestNow(db, file, { published: '2025-12-15' }, again);
    expect(await contentFingerprint(db)).toBe(before);
    expect(second.created).toBe(false);
    expect(second.events).toEqual(result.events);
    expect(again.stdout()).toMatch(/already in the knowledge base.*nothing was written/);
  });

  test('reloading the seed keeps what the second article stated, and changes nothing else', async () => {
    const before = await contentFingerprint(db);
    await loadSeed(db, () => {});
    expect(await contentFingerprint(db)).toBe(before);
  });

  test('the same article id with another text is refused, and nothing is written', async () => {
    const before = await contentFingerprint(db);
    const edited = writeArticle('edited.txt', FOLLOW_UP.replace('123', '124'));
    await expect(runIngestNow(db, edited, { published: '2025-12-15', id: FOLLOW_UP_ID }, capture())).rejects.toBeInstanceOf(ArticleConflictError);
    expect(await contentFingerprint(db)).toBe(before);
  });

  test('--json prints what was created as one JSON object', async () => {
    const other = writeArticle('other.txt', 'Trump pardons\n\nDonald Trump pardoned five prisoners on December 13, 2025.\n');
    const printedJson = capture();
    await runIngestNow(db, other, { published: '2025-12-16', json: true }, printedJson);
    const body = parseExact(ArticleIngested, JSON.parse(printedJson.stdout()), 'kb ingest --json');
    expect(body).toEqual({
      article: { id: 'trump-pardons', title: 'Trump pardons' },
      events: [{ id: expect.stringMatching(/^pardon-donald-trump/), type: 'pardon', title: expect.any(String), merged: false }],
      actors: expect.arrayContaining([{ id: 'donald-trump', name: 'Donald Trump', created: false }]),
    });
  });
});

describe('merging reports', () => {
  beforeEach(() => resetToSeed(db));

  test('another actor, or other dates, make another event even of the same type', async () => {
    const file = writeArticle(
      'pardons.txt',
      'Other pardons\n\nDonald Trump pardoned five prisoners on December 13, 2025.\n\nAlexander Lukashenko pardoned 30 prisoners in March 2024.\n',
    );
    const result = await runIngestNow(db, file, { published: '2025-12-16' }, capture());
    expect(result.events.map((e) => [e.type, e.merged])).toEqual([
      ['pardon', false],
      ['pardon', false],
    ]);
    const pardons = await read<{ id: string }>(db, "MATCH (e:Event {type: 'pardon'}) RETURN e.id AS id ORDER BY id");
    expect(pardons).toHaveLength(3);
  });

  test("an article re-reporting two linked seed events keeps their link and the seed's participants", async () => {
    const file = writeArticle(
      'potash.txt',
      'Potash deal and pardons\n\nThe United States lifted sanctions on Belarusian potash on December 13, 2025.\n\nThe same day Alexander Lukashenko pardoned 123 prisoners.\n',
    );
    const result = await runIngestNow(db, file, { published: '2025-12-16' }, capture());
    expect(result.events.map((e) => [e.id, e.merged])).toEqual([
      ['sanctions-lifted-potash-2025-12', true],
      [PARDON, true],
    ]);
    const links = await read<{ n: number }>(
      db,
      `MATCH (:Event {id: '${PARDON}'})-[r:RECIPROCATES]-(:Event {id: 'sanctions-lifted-potash-2025-12'}) RETURN count(r) AS n`,
    );
    expect(links).toEqual([{ n: 1 }]);
    const seedParticipants = await read<{ n: number }>(
      db,
      "MATCH (:Actor)-[p:PARTICIPATED_IN]->(:Event {id: 'sanctions-lifted-potash-2025-12'}) WHERE 'minsk-talks-us-belarus-thaw' IN p.articles RETURN count(p) AS n",
    );
    expect(seedParticipants).toEqual([{ n: 4 }]);
  });
});

describe('the loader, when two articles report one event', () => {
  beforeAll(() => resetToSeed(db));

  /** A second article about the event `talks-shared` of the first one, naming only Freedonia. */
  function secondReport(participants: Array<{ actor: string; role: string }>) {
    const text = 'Freedonia met Sylvania in Geneva on 3 March 2024, a Freedonian paper reports.';
    return {
      article: { id: 'article-second-report', title: 'A second report', publishedAt: '2024-03-05', text },
      events: [{ ...smallFacts('shared').events[0], title: 'Another title', participants, sources: [{ quote: text }] }],
    };
  }

  const participantsOf = (id: string) =>
    read<{ key: string }>(db, 'MATCH (a:Actor)-[p:PARTICIPATED_IN]->(:Event {id: $id}) RETURN a.id + "|" + p.role AS key ORDER BY key', { id });

  test("a second article does not strip the first article's participants, nor redefine the event", async () => {
    const folder = tempFactsDir();
    await loadFactsPaths(db, [writeFacts(folder, 'first.yaml', smallFacts('shared'))], () => {});
    await loadFactsPaths(db, [writeFacts(folder, 'second.yaml', secondReport([{ actor: 'freedonia', role: 'host' }]))], () => {});
    expect((await participantsOf('talks-shared')).map((r) => r.key)).toEqual(['freedonia|agent', 'freedonia|host', 'sylvania|target']);
    const [event] = await read<{ title: string; sources: number }>(
      db,
      "MATCH (e:Event {id: 'talks-shared'}) RETURN e.title AS title, COUNT { (e)-[:REPORTED_IN]->() } AS sources",
    );
    expect(event).toEqual({ title: 'Freedonia and Sylvania meet (shared)', sources: 2 });
  });

  test('an edited second article withdraws only its own statements', async () => {
    const folder = tempFactsDir();
    await loadFactsPaths(db, [writeFacts(folder, 'second.yaml', secondReport([{ actor: 'sylvania', role: 'target' }]))], () => {});
    expect((await participantsOf('talks-shared')).map((r) => r.key)).toEqual(['freedonia|agent', 'sylvania|target']);
    const [stated] = await read<{ articles: string[] }>(
      db,
      "MATCH (:Actor {id: 'sylvania'})-[p:PARTICIPATED_IN]->(:Event {id: 'talks-shared'}) RETURN p.articles AS articles",
    );
    expect(stated?.articles).toEqual(['article-shared', 'article-second-report']);
  });
});

describe('kb extract', () => {
  let file: string;
  beforeAll(async () => {
    await resetToSeed(db);
    file = writeArticle('follow-up.txt', FOLLOW_UP);
  });

  test('--json prints exactly one JSON object on standard output, with verbatim quotes', async () => {
    const { stdout } = await kb(['extract', file, '--published', '2025-12-15', '--json', '--offline']);
    const body = JSON.parse(stdout);
    expect(Object.keys(body).sort()).toEqual(['actors', 'events']);
    expect(body.events).toHaveLength(2);
    expect(body.events[0]).toEqual({
      type: 'pardon',
      date: { start: '2025-12-13', end: null, precision: 'day' },
      agents: ['Alexander Lukashenko'],
      targets: ['prisoners'],
      figures: { count: 123, unit: 'prisoners' },
      place: null,
      quote: PARDON_QUOTE,
      background: false,
      resolved: {},
    });
    for (const event of body.events) expect(FOLLOW_UP).toContain(event.quote);
    // an actor reached only by "It" says so, by name
    const reference = writeArticle('reference.txt', 'Sweden recalled its ambassador on Monday.\nIt also expelled two Russian diplomats on Tuesday.\n');
    const referred = JSON.parse((await kb(['extract', reference, '--published', '2025-12-15', '--json', '--offline'])).stdout);
    expect(referred.events[1].resolved).toEqual({ Sweden: expect.stringMatching(/"It": pronoun opening the sentence/) });
    expect(body.actors).toEqual(expect.arrayContaining([{ id: 'alexander-lukashenko', name: 'Alexander Lukashenko', kind: 'person', known: true }]));
  });

  test('resolves names against the actors of the knowledge base when it is reachable', async () => {
    await loadFactsPaths(db, [writeFacts(tempFactsDir(), 'f.yaml', smallFacts('known'))], () => {});
    const text = writeArticle('freedonia.txt', 'Freedonia news\n\nFreedonia pardoned 12 prisoners on 2 March 2024.\n');
    const online = capture();
    await runExtract(text, { published: '2024-03-04', json: true }, db, online);
    expect(JSON.parse(online.stdout()).actors).toEqual(expect.arrayContaining([{ id: 'freedonia', name: 'Freedonia', kind: 'state', known: true }]));
    const offline = capture();
    await runExtract(text, { published: '2024-03-04', json: true }, null, offline);
    expect(JSON.parse(offline.stdout()).actors).not.toEqual(expect.arrayContaining([expect.objectContaining({ id: 'freedonia', known: true })]));
  });

  test("--out writes a facts file in the seed's format that kb load accepts; loading it twice changes nothing", async () => {
    const out = path.join(dir, 'facts', 'follow-up.yaml');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const notes = capture();
    await runExtract(file, { published: '2025-12-15', out }, db, notes);
    const written = YAML.parse(fs.readFileSync(out, 'utf8'));
    expect(written.article).toEqual({
      id: FOLLOW_UP_ID,
      title: 'Belarus frees prisoners as Washington eases pressure',
      publishedAt: '2025-12-15',
      textFile: '../follow-up.txt',
    });
    expect(written.events[0].id).toBe(PARDON);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/# Already in the knowledge base as "Lukashenko pardons 123 prisoners"/);
    expect(notes.stderr()).toMatch(/events\[0\] is already in the knowledge base as pardon-123-prisoners-2025-12/);

    const loaded = capture();
    await runLoad(db, [out], loaded);
    expect(loaded.stdout()).toMatch(/^Loaded 1 article\(s\), 2 event\(s\)/);
    const pardon = await getOk(app, `/api/events/${PARDON}`, EventDetail);
    expect(pardon.sources.map((s) => s.article.id)).toEqual([SEED_ARTICLE, SEED_ARTICLE, FOLLOW_UP_ID]);
    const before = await contentFingerprint(db);
    await runLoad(db, [out], capture());
    expect(await contentFingerprint(db)).toBe(before);
  });
});

describe('kb load from the command line', () => {
  beforeAll(() => resetToSeed(db));

  test('a refused file prints file, path and reason, exits non-zero and writes nothing', async () => {
    const before = await contentFingerprint(db);
    const bad = smallFacts('bad');
    bad.events[0].participants[0].actor = 'atlantis';
    const file = writeFacts(tempFactsDir(), 'bad.yaml', bad);
    const error = await kb(['load', file], testDbEnv()).then(
      () => undefined,
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toContain(`${file}: events[0].participants[0].actor: unknown actor "atlantis"`);
    expect(await contentFingerprint(db)).toBe(before);
  });

  test('a good file is loaded, with a summary on standard output', async () => {
    const file = writeFacts(tempFactsDir(), 'good.yaml', smallFacts('cli'));
    const { stdout } = await kb(['load', file], testDbEnv());
    expect(stdout).toMatch(/^Loaded 1 article\(s\), 1 event\(s\), 2 actor\(s\)/);
    expect(await read(db, "MATCH (e:Event {id: 'talks-cli'}) RETURN e.id AS id")).toEqual([{ id: 'talks-cli' }]);
  });
});
