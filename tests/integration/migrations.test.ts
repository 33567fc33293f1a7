import path from 'node:path';
import { restoreBackup } from '../../src/backup/backup.service';
import { recordingDb } from '../../src/bench/recording-db';
import { read, type Db } from '../../src/db/query';
import { migrate, NewerDatabaseError, planMigrations } from '../../src/migrations/migrations.service';
import { LATEST_MIGRATION, MIGRATIONS } from '../../src/migrations/steps';
import { readLatestReviewed } from '../../src/stats/stats.repository';
import { clearDatabase, contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

/** A database written by the previous release (tests/fixtures/README.md says how it was made). */
const PREVIOUS_RELEASE = path.join(__dirname, '..', 'fixtures', 'previous-release-ec1ce02.jsonl.gz');

let db: Db;

beforeAll(() => {
  db = openTestDb();
});

afterAll(async () => {
  await resetToSeed(db);
  await db.driver.close();
});

const count = async (cypher: string) => (await read<{ n: number }>(db, cypher))[0]!.n;

/** The activity summaries, as the pages read them: per actor, per pair, the role links. */
async function summaries(): Promise<unknown> {
  return {
    actors: await read(db, 'MATCH (a:Actor) WHERE a.eventTotal > 0 RETURN a.id AS id, a.eventTotal AS total, a.eventsByType AS byType ORDER BY id'),
    pairs: await read(db, 'MATCH (p:ActorPair) RETURN p.id AS id, p.total AS total, p.byType AS byType ORDER BY id'),
    roleLinks: await read(db, 'MATCH (l:RoleLink) RETURN l.id AS id ORDER BY id'),
  };
}

test("the previous release's database is migrated: every step applied and recorded, its summaries as this version's loader keeps them", async () => {
  await resetToSeed(db);
  const expected = await summaries();
  await clearDatabase(db);
  await restoreBackup(db, PREVIOUS_RELEASE, { migrate: false });
  expect(await count("MATCH (v:SummaryVersion {id: 'activity'}) RETURN count(v) AS n")).toBe(1);

  const dryRun = await migrate(db, { dryRun: true });
  expect(dryRun.applied).toEqual([]);
  expect(dryRun.pending.map((step) => step.id)).toEqual(MIGRATIONS.map((step) => step.id));
  expect(await count('MATCH (m:Migration) RETURN count(m) AS n')).toBe(0);

  const before = Date.now();
  await migrate(db);
  const { applied, pending } = await planMigrations(db);
  expect(pending).toEqual([]);
  expect(applied.map((step) => [step.id, step.name])).toEqual(MIGRATIONS.map((step) => [step.id, step.name]));
  for (const step of applied) {
    expect(Date.parse(step.appliedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(step.durationMs).toBeGreaterThanOrEqual(0);
  }
  expect(await count("MATCH (v:SummaryVersion {id: 'activity'}) RETURN count(v) AS n")).toBe(0);
  expect(await count("SHOW CONSTRAINTS YIELD name WHERE name = 'migration_id' RETURN count(*) AS n")).toBe(1);
  expect(await summaries()).toEqual(expected);
  // The user and the draft the previous release wrote are still there.
  expect(await count("MATCH (u:User {name: 'editor1'}) WHERE u.passwordHash IS NOT NULL RETURN count(u) AS n")).toBe(1);
  expect(await count("MATCH (d:Draft {status: 'open'}) RETURN count(d) AS n")).toBe(1);
});

test('migrating again changes nothing, and every step run twice leaves the database as once', async () => {
  const migrated = await contentFingerprint(db);
  expect((await migrate(db)).pending).toEqual([]);
  expect(await contentFingerprint(db)).toBe(migrated);
  await db.driver.executeQuery('MATCH (m:Migration) DELETE m');
  const once = await contentFingerprint(db);
  for (const step of MIGRATIONS) await step.run(db, () => {});
  expect(await contentFingerprint(db)).toBe(once);
});

test('a database migrated by a newer version is refused with a message saying so', async () => {
  await db.driver.executeQuery("MERGE (m:Migration {id: $id}) SET m.name = 'from a later release', m.appliedAt = datetime(), m.durationMs = 1", {
    id: LATEST_MIGRATION + 1,
  });
  const refusal = migrate(db);
  await expect(refusal).rejects.toBeInstanceOf(NewerDatabaseError);
  await expect(refusal).rejects.toThrow(
    `its last step is ${LATEST_MIGRATION + 1} ("from a later release"), this version knows steps up to ${LATEST_MIGRATION}`,
  );
});

test('step 7 gives a database that had the schema step the index of reviewed events by date, which the dashboard reads through', async () => {
  await resetToSeed(db);
  await migrate(db);
  await db.driver.executeQuery('DROP INDEX event_review_date IF EXISTS', {}, { database: db.database });
  await db.driver.executeQuery('MATCH (m:Migration {id: 7}) DELETE m', {}, { database: db.database });
  expect((await planMigrations(db)).pending.map((step) => step.id)).toEqual([7]);

  await migrate(db);
  expect(await count("SHOW INDEXES YIELD name WHERE name = 'event_review_date' RETURN count(*) AS n")).toBe(1);
  // The dashboard's own query, as it runs.
  const recorder = recordingDb(db);
  await readLatestReviewed(recorder.db, 6);
  const [query] = recorder.take();
  const { summary } = await db.driver.executeQuery(`EXPLAIN ${query!.cypher}`, query!.params, { database: db.database });
  expect(JSON.stringify(summary.plan)).toContain('e:Event(review, date)');
});

test("step 10 gives every participation its place in its actor's date order, missing or stale, and the indexes over them", async () => {
  await resetToSeed(db);
  await migrate(db);
  const keyed =
    'MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e:Event) WHERE p.actor = a.id AND p.type = e.type AND p.date = e.date AND p.event = e.id RETURN count(p) AS n';
  const all = await count('MATCH ()-[p:PARTICIPATED_IN]->() RETURN count(p) AS n');
  expect(all).toBeGreaterThan(10);
  expect(await count(keyed)).toBe(all);
  await db.driver.executeQuery('MATCH ()-[p:PARTICIPATED_IN]->() REMOVE p.actor, p.type, p.date, p.event', {}, { database: db.database });
  await db.driver.executeQuery(
    "MATCH ()-[p:PARTICIPATED_IN]->(e) WITH p, e LIMIT 1 SET p.actor = 'someone-else', p.type = e.type, p.date = e.date, p.event = e.id",
    {},
    { database: db.database },
  );
  await db.driver.executeQuery('DROP INDEX participation_type_order IF EXISTS', {}, { database: db.database });
  await db.driver.executeQuery('MATCH (m:Migration {id: 10}) DELETE m', {}, { database: db.database });
  expect((await planMigrations(db)).pending.map((step) => step.id)).toEqual([10]);

  await migrate(db);
  expect(await count(keyed)).toBe(all);
  expect(await count("SHOW INDEXES YIELD name WHERE name IN ['participation_order', 'participation_type_order'] RETURN count(*) AS n")).toBe(2);
});

test('step 13 keys every affiliation and makes it unique, removing the copies a race wrote before the constraint existed', async () => {
  await resetToSeed(db);
  await migrate(db);
  const all = await count('MATCH ()-[r:AFFILIATED_WITH]->() RETURN count(r) AS n');
  expect(all).toBeGreaterThan(0);
  const keyed = "MATCH (a:Actor)-[r:AFFILIATED_WITH]->(c:Actor) WHERE r.key = a.id + '|' + c.id + '|' + r.role RETURN count(r) AS n";
  expect(await count(keyed)).toBe(all);
  const copy = 'MATCH (a:Actor)-[r:AFFILIATED_WITH]->(c:Actor) WITH a, r, c LIMIT 1 CREATE (a)-[x:AFFILIATED_WITH]->(c) SET x = properties(r)';
  await expect(db.driver.executeQuery(copy, {}, { database: db.database })).rejects.toMatchObject({
    code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
  });
  const migrated = await contentFingerprint(db);

  // A database of the release before: no constraint, no keys, and one affiliation written twice.
  await db.driver.executeQuery('DROP CONSTRAINT affiliation_key IF EXISTS', {}, { database: db.database });
  await db.driver.executeQuery('MATCH ()-[r:AFFILIATED_WITH]->() REMOVE r.key', {}, { database: db.database });
  await db.driver.executeQuery(copy, {}, { database: db.database });
  expect(await count('MATCH ()-[r:AFFILIATED_WITH]->() RETURN count(r) AS n')).toBe(all + 1);
  await db.driver.executeQuery('MATCH (m:Migration {id: 13}) DELETE m', {}, { database: db.database });
  expect((await planMigrations(db)).pending.map((step) => step.id)).toEqual([13]);

  await migrate(db);
  expect(await count(keyed)).toBe(all);
  expect(await contentFingerprint(db)).toBe(migrated);
  expect(await count("SHOW CONSTRAINTS YIELD name WHERE name = 'affiliation_key' RETURN count(*) AS n")).toBe(1);
});
