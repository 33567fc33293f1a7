import { read, type Db } from '../../src/db/query';
import { FactsValidationError, type FileProblem } from '../../src/domain/errors';
import { loadFactsPaths } from '../../src/ingest/load';
import { loadSeed } from '../../src/ingest/seed';
import { seedFactsObject, smallFacts, tempFactsDir, writeFacts } from '../helpers/facts-fixtures';
import { clearDatabase, contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

let db: Db;
beforeAll(() => {
  db = openTestDb();
});
afterAll(() => db.driver.close());

/** Loads and expects a refusal; returns its problems and checks the database did not change at all. */
async function expectRefused(paths: string[]): Promise<FileProblem[]> {
  const before = await contentFingerprint(db);
  const error = await loadFactsPaths(db, paths).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FactsValidationError);
  expect(await contentFingerprint(db)).toBe(before);
  return (error as FactsValidationError).problems;
}

describe('loading the seed', () => {
  beforeAll(() => clearDatabase(db));

  test('into an empty database creates every article, actor, event and reaction', async () => {
    const summary = await loadSeed(db, () => {});
    expect(summary).toMatchObject({ articles: 1, events: 13, actors: 14 });
    const [counts] = await read<Record<string, number>>(
      db,
      'RETURN COUNT { (:Event) } AS events, COUNT { (:Actor) } AS actors, COUNT { (:Reaction) } AS reactions, COUNT { ()-[:RECIPROCATES]->() } AS reciprocal',
    );
    expect(counts).toEqual({ events: 13, actors: 14, reactions: 5, reciprocal: 2 });
  });

  test('a second time changes nothing', async () => {
    const before = await contentFingerprint(db);
    const summary = await loadSeed(db, () => {});
    expect(summary).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0, nodesDeleted: 0 });
    expect(await contentFingerprint(db)).toBe(before);
  });

  test('reports progress per article', async () => {
    const seen: number[] = [];
    await loadSeed(db, (p) => seen.push(p.index));
    expect(seen).toEqual([1]);
  });

  test('stores every quote with its offsets in the article text', async () => {
    const rows = await read<{ ok: boolean }>(
      db,
      'MATCH (:Event)-[r:REPORTED_IN]->(a:Article) RETURN substring(a.text, r.start, r.end - r.start) = r.quote AS ok',
    );
    expect(rows.length).toBeGreaterThanOrEqual(13);
    expect(rows.every((row) => row.ok)).toBe(true);
  });
});

describe('a bad file', () => {
  beforeEach(() => resetToSeed(db));

  test('in the middle of a folder refuses the whole load and leaves the database unchanged', async () => {
    const dir = tempFactsDir();
    writeFacts(dir, 'a-good.yaml', smallFacts('one'));
    const bad = smallFacts('two');
    bad.events[0].participants[0].actor = 'atlantis';
    writeFacts(dir, 'b-bad.yaml', bad);
    writeFacts(dir, 'c-good.yaml', smallFacts('three'));
    const problems = await expectRefused([dir]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringContaining('b-bad.yaml'),
        path: 'events[0].participants[0].actor',
        reason: expect.stringContaining('atlantis'),
      }),
    ]);
  });

  test('with an unknown field names the field', async () => {
    const facts = smallFacts('x');
    facts.events[0].colour = 'red';
    const [problem] = await expectRefused([writeFacts(tempFactsDir(), 'f.yaml', facts)]);
    expect(problem).toMatchObject({ path: 'events[0]', reason: expect.stringMatching(/colour/) });
  });

  test('with a quote that is not in its article', async () => {
    const facts = smallFacts('x');
    facts.events[0].sources[0].quote = 'Envoys met on the moon.';
    const [problem] = await expectRefused([writeFacts(tempFactsDir(), 'f.json', facts)]);
    expect(problem).toMatchObject({ path: 'events[0].sources[0].quote', reason: expect.stringMatching(/not found verbatim/) });
  });

  test('with duplicate ids, within a file and across files', async () => {
    const dir = tempFactsDir();
    const first = smallFacts('x');
    first.events.push({ ...first.events[0] });
    writeFacts(dir, 'a.yaml', first);
    const second = seedFactsObject();
    second.article.id = 'another-article';
    second.events = [{ ...second.events[0] }];
    second.links = [];
    second.reactions = [];
    writeFacts(dir, 'b.yaml', second);
    const problems = await expectRefused([dir]);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['events[1].id']));
    const { existing } = { existing: await read<{ id: string }>(db, "MATCH (e:Event {id: 'talks-minsk-2025-12'}) RETURN e.id AS id") };
    expect(existing).toHaveLength(1);
  });

  test.each([
    ['2025-02-30', 'a day that does not exist'],
    ['2025-13', 'a month that does not exist'],
    ['12/03/2025', 'a date in another format'],
  ])('with the date %s (%s)', async (start) => {
    const facts = smallFacts('x');
    facts.events[0].date.start = start;
    const [problem] = await expectRefused([writeFacts(tempFactsDir(), 'f.yaml', facts)]);
    expect(problem).toMatchObject({ path: 'events[0].date.start', reason: expect.stringMatching(/real date/) });
  });

  test('with an end before its start', async () => {
    const facts = smallFacts('x');
    facts.events[0].date = { start: '2024-03-03', end: '2024-02' };
    const [problem] = await expectRefused([writeFacts(tempFactsDir(), 'f.yaml', facts)]);
    expect(problem).toMatchObject({ path: 'events[0].date.end' });
  });

  test('that is not YAML at all', async () => {
    const dir = tempFactsDir();
    require('node:fs').writeFileSync(`${dir}/broken.yaml`, 'article: [unclosed\n  - : :');
    const [problem] = await expectRefused([dir]);
    expect(problem).toMatchObject({ path: '', reason: expect.stringMatching(/not valid YAML/) });
  });

  test('with a link to an event nobody defined', async () => {
    const facts = smallFacts('x');
    facts.links = [{ from: 'talks-x', to: 'no-such-event', kind: 'follows' }];
    const [problem] = await expectRefused([writeFacts(tempFactsDir(), 'f.yaml', facts)]);
    expect(problem).toMatchObject({ path: 'links[0].to', reason: 'unknown event "no-such-event"' });
  });
});

describe('facts that refer to what the database already has', () => {
  beforeAll(() => resetToSeed(db));

  test('may name seed actors without redefining them', async () => {
    const facts = smallFacts('ref');
    facts.actors = [{ id: 'freedonia', name: 'Freedonia', kind: 'state' }];
    facts.events[0].participants[1].actor = 'belarus';
    await loadFactsPaths(db, [writeFacts(tempFactsDir(), 'f.yaml', facts)], () => {});
    const rows = await read<{ id: string }>(db, "MATCH (:Actor {id: 'belarus'})-[:PARTICIPATED_IN]->(e:Event {id: 'talks-ref'}) RETURN e.id AS id");
    expect(rows).toEqual([{ id: 'talks-ref' }]);
  });

  test('two articles of one load naming an actor: the later definition wins, a code it leaves out is kept', async () => {
    const dir = tempFactsDir();
    const first = smallFacts('codes-a');
    first.actors = [{ id: 'codes-actor', name: 'Codes Actor', kind: 'organization', wikidata: 'Q7184', description: 'First.' }, first.actors[1]!];
    first.events[0].participants[0].actor = 'codes-actor';
    const second = smallFacts('codes-b');
    second.actors = [{ id: 'codes-actor', name: 'Codes Actor', kind: 'organization', description: 'Second.' }, second.actors[1]!];
    second.events[0].participants[0].actor = 'codes-actor';
    writeFacts(dir, 'a.yaml', first);
    writeFacts(dir, 'b.yaml', second);
    await loadFactsPaths(db, [dir], () => {});
    const rows = await read<{ wikidata: string; description: string }>(
      db,
      "MATCH (a:Actor {id: 'codes-actor'}) RETURN a.wikidata AS wikidata, a.description AS description",
    );
    expect(rows).toEqual([{ wikidata: 'Q7184', description: 'Second.' }]);
  });

  test('an edited file replaces what its article said before', async () => {
    const dir = tempFactsDir();
    const facts = smallFacts('edit');
    await loadFactsPaths(db, [writeFacts(dir, 'f.yaml', facts)], () => {});
    facts.events[0].participants = [{ actor: 'freedonia', role: 'host' }];
    await loadFactsPaths(db, [writeFacts(dir, 'f.yaml', facts)], () => {});
    const rows = await read<{ actor: string; role: string }>(
      db,
      "MATCH (a:Actor)-[p:PARTICIPATED_IN]->(:Event {id: 'talks-edit'}) RETURN a.id AS actor, p.role AS role",
    );
    expect(rows).toEqual([{ actor: 'freedonia', role: 'host' }]);
  });
});
