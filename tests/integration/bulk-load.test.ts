import fs from 'node:fs';
import path from 'node:path';
import { read, type Db } from '../../src/db/query';
import { FactsValidationError } from '../../src/domain/errors';
import { BATCH_ROWS, type BatchSize, loadEntries, loadFactsPaths, readFactsPaths } from '../../src/ingest/load';
import { generateCorpus } from '../../src/corpus/generate';
import { smallFacts, tempFactsDir } from '../helpers/facts-fixtures';
import { contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

/** JSON Lines facts files and the batched load: many articles per transaction, each still all or nothing. */
let db: Db;
beforeAll(() => {
  db = openTestDb();
});
afterAll(async () => {
  await resetToSeed(db);
  await db.driver.close();
});
beforeEach(() => resetToSeed(db));

function writeLines(dir: string, name: string, documents: unknown[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${documents.map((d) => JSON.stringify(d)).join('\n')}\n`);
  return file;
}

/** Small batches: several of them from a few dozen articles. */
const SMALL: BatchSize = { rows: BATCH_ROWS, articles: 20 };
const EVENTS = (SMALL.articles + 5) * 2;

const count = async (cypher: string) => (await read<{ n: number }>(db, cypher))[0]?.n ?? 0;

describe('a JSON Lines facts file', () => {
  test('loads every line, across several batches, and loading it again changes nothing', async () => {
    const documents = [...generateCorpus({ events: EVENTS, seed: 7, eventsPerArticle: 2 })];
    const file = writeLines(tempFactsDir(), 'corpus.jsonl', documents);
    const summary = await loadFactsPaths(db, [file], undefined, { batchSize: SMALL });
    expect(summary.articles).toBe(documents.length);
    expect(await count("MATCH (e:Event) WHERE e.id STARTS WITH 'synthetic-' RETURN count(e) AS n")).toBe(EVENTS);
    const once = await contentFingerprint(db);
    const again = await loadFactsPaths(db, [file], undefined, { batchSize: SMALL });
    expect(again.nodesCreated + again.relationshipsCreated + again.relationshipsDeleted + again.nodesDeleted).toBe(0);
    expect(await contentFingerprint(db)).toBe(once);
  });

  test('with a bad line is refused whole, the problem named with its line', async () => {
    const dir = tempFactsDir();
    const bad = smallFacts('two');
    bad.events[0].participants[0].actor = 'atlantis';
    const file = writeLines(dir, 'facts.jsonl', [smallFacts('one'), bad, smallFacts('three')]);
    fs.appendFileSync(file, '{"article": \n');
    const before = await contentFingerprint(db);
    const error = await loadFactsPaths(db, [file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactsValidationError);
    expect((error as FactsValidationError).problems).toEqual([
      expect.objectContaining({ file: `${file}:4`, path: '', reason: expect.stringMatching(/not valid JSON/) }),
      expect.objectContaining({ file: `${file}:2`, path: 'events[0].participants[0].actor', reason: expect.stringContaining('atlantis') }),
    ]);
    expect(await contentFingerprint(db)).toBe(before);
  });

  test('may refer to actors defined on a later line', async () => {
    const first = smallFacts('early');
    const later = smallFacts('late');
    first.actors = first.actors.filter((a: { id: string }) => a.id !== 'freedonia');
    const file = writeLines(tempFactsDir(), 'facts.jsonl', [first, later]);
    await loadFactsPaths(db, [file]);
    expect(await count("MATCH (:Actor {id: 'freedonia'})-[:PARTICIPATED_IN]->(e:Event {id: 'talks-early'}) RETURN count(e) AS n")).toBe(1);
  });
});

describe('a load of several files, checked by several threads (src/ingest/parallel-check.ts)', () => {
  test('writes, two batches in flight, the graph a load checked and written one at a time writes', async () => {
    const documents = [...generateCorpus({ events: EVENTS, seed: 11, eventsPerArticle: 2 })];
    const dir = tempFactsDir();
    const third = Math.ceil(documents.length / 3);
    for (let part = 0; part < 3; part += 1) writeLines(dir, `part-${part}.jsonl`, documents.slice(part * third, (part + 1) * third));
    const summary = await loadFactsPaths(db, [dir], undefined, { checkThreads: 2, batchSize: SMALL });
    expect(summary.articles).toBe(documents.length);
    const parallel = await contentFingerprint(db);
    await resetToSeed(db);
    // One batch (one transaction) at a time, every batch's summaries written with it: the loader's other path.
    await loadEntries(db, readFactsPaths([dir]), undefined, undefined, SMALL);
    expect(await contentFingerprint(db)).toBe(parallel);
  });

  test('finds the problems one thread finds, in the same order, and writes nothing', async () => {
    const dir = tempFactsDir();
    const unknownActor = smallFacts('two');
    unknownActor.events[0].participants[0].actor = 'atlantis';
    const badQuote = smallFacts('four');
    badQuote.events[0].sources[0].quote = 'Envoys met on the moon.';
    writeLines(dir, 'a.jsonl', [smallFacts('one'), unknownActor]);
    const second = writeLines(dir, 'b.jsonl', [smallFacts('three'), smallFacts('one'), badQuote]);
    fs.appendFileSync(second, '{"article": \n');
    writeLines(dir, 'c.jsonl', [smallFacts('five')]);
    const before = await contentFingerprint(db);
    const refusal = (checkThreads: number) => loadFactsPaths(db, [dir], undefined, { checkThreads }).catch((e: unknown) => e);
    const parallel = await refusal(3);
    const oneThread = await refusal(1);
    expect(parallel).toBeInstanceOf(FactsValidationError);
    expect(oneThread).toBeInstanceOf(FactsValidationError);
    const problems = (parallel as FactsValidationError).problems;
    expect(problems).toEqual((oneThread as FactsValidationError).problems);
    expect(problems.map((p) => [path.basename(p.file), p.path])).toEqual([
      ['b.jsonl:4', ''],
      ['b.jsonl:2', 'article.id'],
      ['b.jsonl:2', 'events[0].id'],
      ['a.jsonl:2', 'events[0].participants[0].actor'],
      ['b.jsonl:3', 'events[0].sources[0].quote'],
    ]);
    expect(await contentFingerprint(db)).toBe(before);
  });
});
