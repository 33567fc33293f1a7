import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { read, type Db } from '../../src/db/query';
import { FactsValidationError } from '../../src/domain/errors';
import { EventDetail } from '../../src/events/events.schemas';
import { getEvent } from '../../src/events/events.service';
import { detectFormat, importFile } from '../../src/interchange/import';
import { ensureBuilt, runKb, testDbEnv } from '../helpers/cli';
import { startTestApp } from '../helpers/test-app';
import { contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

/** Issue 14, part 4: `kb import` of the field's data — a GDELT 2.0 events file and a POLECAT file (tests/fixtures/). */
const FIXTURES = path.resolve(__dirname, '../fixtures');
const GDELT = path.join(FIXTURES, 'gdelt-sample.export.CSV');
const POLECAT = path.join(FIXTURES, 'polecat-sample.txt');
const HOSTILE = 'O\'Brien "Ξ" <b>&amp; Co, Кремль';
const ARABIC = 'وزارة الخارجية';

let db: Db;
let tmp: string;

beforeAll(async () => {
  db = openTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-field-import-'));
});

afterAll(async () => {
  await resetToSeed(db);
  await db.driver.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface StoredEvent {
  id: string;
  type: string;
  date: string;
  review: string | null;
  origin: { format: string; file: string; id: string };
  participants: Array<{ actor: string; role: string }>;
  article: { id: string; url: string; text: string; quote: string };
}

/** What the database holds of the imported events, read straight from the graph. */
async function importedEvents(format: string): Promise<Map<string, StoredEvent>> {
  const rows = await read<StoredEvent>(
    db,
    `MATCH (e:Event {originFormat: $format})-[r:REPORTED_IN]->(a:Article)
     RETURN e.id AS id, e.type AS type, toString(e.date) AS date, e.review AS review,
            {format: e.originFormat, file: e.originFile, id: e.originId} AS origin,
            COLLECT { MATCH (x:Actor)-[p:PARTICIPATED_IN]->(e) RETURN {actor: x.id, role: p.role} AS p ORDER BY p.role } AS participants,
            {id: a.id, url: a.url, text: a.text, quote: r.quote} AS article`,
    { format },
  );
  return new Map(rows.map((row) => [row.id, row]));
}

const actor = async (id: string) => (await read<{ a: Record<string, unknown> }>(db, 'MATCH (a:Actor {id: $id}) RETURN a {.*} AS a', { id }))[0]?.a;

const actorNamed = async (name: string) => (await read<{ a: Record<string, unknown> }>(db, 'MATCH (a:Actor {name: $name}) RETURN a {.*} AS a', { name }))[0]?.a;

async function refusal(file: string, format: 'gdelt' | 'polecat'): Promise<FactsValidationError> {
  const error = await importFile(db, file, format).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FactsValidationError);
  return error as FactsValidationError;
}

function variant(source: string, name: string, edit: (lines: string[]) => void): string {
  const lines = fs.readFileSync(source, 'utf8').split('\n');
  edit(lines);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

const setField = (lines: string[], line: number, column: number, value: string) => {
  const fields = (lines[line - 1] as string).split('\t');
  fields[column] = value;
  lines[line - 1] = fields.join('\t');
};

describe('the format is told from the file', () => {
  test('GDELT by its 61 tab-separated columns (whatever its .CSV name says), POLECAT by its header', () => {
    expect(detectFormat(GDELT)).toBe('gdelt');
    expect(detectFormat(POLECAT)).toBe('polecat');
  });
});

describe('GDELT 2.0 events file', () => {
  beforeAll(async () => {
    await resetToSeed(db);
  });

  test('maps events by CAMEO code and actors by name and country code; one article per URL; auto, with their origin', async () => {
    const summary = await importFile(db, GDELT, 'gdelt');
    expect({ events: summary.events, articles: summary.articles }).toEqual({ events: 5, articles: 4 });
    const events = await importedEvents('gdelt');
    expect([...events.keys()].sort()).toEqual(['gdelt-1200000001', 'gdelt-1200000002', 'gdelt-1200000003', 'gdelt-1200000004', 'gdelt-1200000009']);

    const release = events.get('gdelt-1200000001') as StoredEvent;
    // 0841 is prisoner_release's own code; BELARUS and UNITED STATES are the seed's states, matched by name
    expect(release).toMatchObject({ type: 'prisoner_release', date: '2025-09-11', review: null });
    expect(release.origin).toEqual({ format: 'gdelt', file: 'gdelt-sample.export.CSV', id: '1200000001' });
    expect(release.participants).toEqual([
      { actor: 'belarus', role: 'agent' },
      { actor: 'united-states', role: 'target' },
    ]);
    expect(release.article.url).toBe('https://example.org/news/belarus-frees-52');
    expect(release.article.quote).toBe('GDELT 2.0 event 1200000001, 2025-09-11: BELARUS → UNITED STATES, CAMEO 0841');
    // the API shows where it came from, and that no editor reviewed it
    const detail = EventDetail.parse(await getEvent(db, 'gdelt-1200000001'));
    expect({ origin: detail.origin, status: detail.status, cameo: detail.cameo }).toEqual({ origin: release.origin, status: 'auto', cameo: '0841' });
    expect(EventDetail.parse(await getEvent(db, 'talks-minsk-2025-12')).origin).toBeNull();
    // and so does its page; an article's own event says nothing of the kind
    const app = await startTestApp(db);
    try {
      const page = await (await fetch(`${app.baseUrl}/events/gdelt-1200000001`)).text();
      expect(/<p class="muted" data-origin>([^<]*<code>[^<]*<\/code>)*[^<]*/.exec(page)?.[0].replace(/<\/?code>/g, '')).toBe(
        '<p class="muted" data-origin>Imported from GDELT 2.0: file gdelt-sample.export.CSV, record 1200000001. The dataset carries no article text; the quote above describes the record.',
      );
      expect(await (await fetch(`${app.baseUrl}/events/talks-minsk-2025-12`)).text()).not.toContain('data-origin');
    } finally {
      await app.close();
    }

    // 043 (host a visit) is absent: talks, by its root's residual code 040; the two events of one URL share its article
    const visit = events.get('gdelt-1200000002') as StoredEvent;
    expect(visit.type).toBe('talks');
    expect(visit.participants.map((p) => p.actor)).toEqual(['alexander-lukashenko', 'john-coale']);
    expect(visit.article.id).toBe(release.article.id);
    expect(release.article.text).toContain(visit.article.quote);

    // 112 (accuse): criticism, the general type of root 11; MONGOLIA becomes a state with its ISO code
    expect(events.get('gdelt-1200000009')?.type).toBe('criticism');
    expect(await actor('mongolia')).toMatchObject({ kind: 'state', country: 'MNG', countryAlpha2: 'MN', code: 'MNG' });
  });

  test('new actors keep their names exactly, with country, sector and CAMEO code', async () => {
    const events = await importedEvents('gdelt');
    const hostile = events.get('gdelt-1200000003') as StoredEvent;
    expect(hostile.type).toBe('criticism');
    expect(hostile.participants).toHaveLength(1);
    expect(await actor(hostile.participants[0]?.actor as string)).toMatchObject({
      name: HOSTILE,
      kind: 'group',
      country: 'RUS',
      sector: 'OPP',
      code: 'RUSOPP',
    });
    expect(hostile.article.quote).toBe(`GDELT 2.0 event 1200000003, 2025-09-12: ${HOSTILE} → —, CAMEO 111`);
    expect(hostile.article.url).toBe('https://example.org/news/ru?x=1&y=2');

    const threat = events.get('gdelt-1200000004') as StoredEvent;
    expect(threat.type).toBe('threat');
    expect(await actorNamed(ARABIC)).toMatchObject({ kind: 'government_body', country: 'IRN', sector: 'GOV', code: 'IRNGOV' });
    expect(threat.participants.map((p) => p.actor)).toContain('israel');
    expect(await actor('israel')).toMatchObject({ name: 'Israel', kind: 'state', country: 'ISR' });
  });

  test('reports what it skipped, a count per reason with the first lines', async () => {
    const summary = await importFile(db, GDELT, 'gdelt');
    expect(summary.notes).toEqual(
      expect.arrayContaining([
        '1 skipped: no event type for CAMEO code 0842 (root 08) (line 5)',
        '1 skipped: no event type for CAMEO code 180 (root 18) (line 6)',
        '1 skipped: no source URL (line 7)',
        '1 skipped: no actor on either side (line 8)',
      ]),
    );
    expect(summary.notes).toHaveLength(4);
  });

  test('importing the file again changes nothing', async () => {
    const before = await contentFingerprint(db);
    await importFile(db, GDELT, 'gdelt');
    expect(await contentFingerprint(db)).toBe(before);
  });

  test('a bad row stops the file before anything is written, naming file, line, column and reason', async () => {
    await resetToSeed(db);
    const before = await contentFingerprint(db);
    const badDay = variant(GDELT, 'bad-day.tsv', (lines) => setField(lines, 3, 1, '20251341'));
    expect((await refusal(badDay, 'gdelt')).problems).toEqual([{ file: badDay, path: 'line 3: Day', reason: 'must be a real date written YYYY-MM-DD' }]);

    const badCode = variant(GDELT, 'bad-code.tsv', (lines) => setField(lines, 2, 26, '04x'));
    expect((await refusal(badCode, 'gdelt')).problems[0]).toEqual({
      file: badCode,
      path: 'line 2: EventCode',
      reason: 'must be a CAMEO event code (three or four digits)',
    });

    const short = variant(GDELT, 'short.tsv', (lines) => {
      lines[3] = (lines[3] as string).split('\t').slice(0, 58).join('\t');
    });
    expect((await refusal(short, 'gdelt')).problems).toEqual([
      { file: short, path: 'line 4', reason: 'has 58 tab-separated fields; a GDELT 2.0 events row has 61' },
    ]);
    expect(await contentFingerprint(db)).toBe(before);
  });
});

describe('POLECAT file', () => {
  beforeAll(async () => {
    await resetToSeed(db);
  });

  test('maps events by PLOVER category and mode, actors by name and country', async () => {
    const summary = await importFile(db, POLECAT, 'polecat');
    expect(summary.events).toBe(4);
    const events = await importedEvents('polecat');
    expect(Object.fromEntries([...events].map(([id, e]) => [id, e.type]))).toEqual({
      'polecat-p-20250911-001': 'prisoner_release', // RETREAT release
      'polecat-p-20250911-002': 'talks', // CONSULT visit: CONSULT's type
      'polecat-p-20250912-004': 'diplomats_expelled', // SANCTION expel
      'polecat-p-20250913-006': 'criticism', // ACCUSE allege: ACCUSE's only type
    });
    const release = events.get('polecat-p-20250911-001') as StoredEvent;
    expect(release.participants.map((p) => p.actor)).toEqual(['belarus', 'united-states']);
    expect(release.origin).toEqual({ format: 'polecat', file: 'polecat-sample.txt', id: 'p-20250911-001' });
    expect(release.review).toBeNull();
    expect(events.get('polecat-p-20250913-006')?.participants.map((p) => p.actor)).toEqual(['viasna', 'belarus']);

    const expel = events.get('polecat-p-20250912-004') as StoredEvent;
    expect(expel.article.url).toBe('https://example.org/polecat/expel?a=1&b=2');
    const [agent, target] = expel.participants.map((p) => p.actor);
    expect(await actor(agent as string)).toMatchObject({
      name: 'Ministry of Foreign Affairs of O\'Brien "Ξ" <b>&amp; Co, Москва',
      country: 'RUS',
      sector: 'GOV',
      kind: 'government_body',
    });
    expect(await actor(target as string)).toMatchObject({ name: 'دولة قطر', country: 'QAT' });

    expect(summary.notes).toEqual(['1 skipped: no event type for PLOVER SANCTION with no mode (line 4)', '1 skipped: no source URL (line 6)']);
  });

  test('a file without the required columns, or with a bad row, is refused whole', async () => {
    await resetToSeed(db);
    const before = await contentFingerprint(db);
    const noType = variant(POLECAT, 'no-type.txt', (lines) => {
      lines[0] = (lines[0] as string).replace('Event Type', 'Kind');
    });
    expect((await refusal(noType, 'polecat')).problems).toEqual([{ file: noType, path: 'line 1', reason: 'missing column(s) Event Type: not a POLECAT file' }]);

    const badType = variant(POLECAT, 'bad-type.txt', (lines) => setField(lines, 3, 2, 'HUG'));
    const problems = (await refusal(badType, 'polecat')).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: badType, path: 'line 3: Event Type' });
    expect(problems[0]?.reason).toMatch(/^must be a PLOVER event category/);
    expect(await contentFingerprint(db)).toBe(before);
  });
});

describe('kb import', () => {
  beforeAll(() => ensureBuilt());

  test('tells GDELT from the file, loads it, and says on standard error what it skipped', async () => {
    await resetToSeed(db);
    const run = await runKb(['import', GDELT], { env: testDbEnv() });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Loaded 4 article\(s\), 5 event\(s\)/);
    expect(run.stderr).toContain(`Importing ${GDELT} (gdelt)`);
    expect(run.stderr).toContain('note: 1 skipped: no source URL (line 7)');
  });
});
