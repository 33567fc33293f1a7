import type { AddressInfo } from 'node:net';
import { createApp } from '../app';
import { loadConfig } from '../config/settings';
import { CORPUS_SHAPE } from '../corpus/generate';
import { writeCorpus } from '../corpus/write';
import { removeInstance, stopLocalNeo4j, type Connection } from '../db/local-neo4j';
import type { Db } from '../db/query';
import { ensureSchema } from '../db/schema';
import { createLogger } from '../http/logger';
import { loadFactsPaths } from '../ingest/load';
import { migrate } from '../migrations/migrations.service';
import { ensureMeasures } from '../sanctions/refresh';
import { BENCH_INSTANCE, benchDb, elapsedMs, log, round, startBenchNeo4j } from './common';

/**
 * The million-event database the query, page and HTTP benchmarks share. It is generated once, loaded
 * once with the project's own loader, and marked by a `(:BenchCorpus)` node holding the corpus's options;
 * later runs find the marker and skip the load. A database holding anything else is emptied first.
 */

const MARKER = `MATCH (m:BenchCorpus {id: 'corpus'}) RETURN m.events AS events, m.seed AS seed, m.shape AS shape, m.complete AS complete`;
const MARK = `MERGE (m:BenchCorpus {id: 'corpus'}) SET m.events = $events, m.seed = $seed, m.shape = $shape, m.complete = $complete`;
const ANY_NODE = 'MATCH (n) RETURN count(n) > 0 AS any LIMIT 1';

export interface BenchCorpus {
  connection: Connection;
  db: Db;
  events: number;
  seed: number;
  loadedNow: boolean;
}

interface Marker {
  events: number;
  seed: number;
  shape: number;
  complete: boolean;
}

async function marker(db: Db): Promise<Marker | undefined> {
  const { records } = await db.driver.executeQuery(MARKER, {}, { database: db.database });
  const record = records[0];
  if (!record) return undefined;
  return {
    events: Number(record.get('events')),
    seed: Number(record.get('seed')),
    // A marker written before shapes were recorded is shape 1.
    shape: Number(record.get('shape') ?? 1),
    complete: record.get('complete') === true,
  };
}

export async function openBenchCorpus(events: number, seed: number): Promise<BenchCorpus> {
  let connection = await startBenchNeo4j(BENCH_INSTANCE);
  let db = benchDb(connection);
  const found = await marker(db);
  const sameCorpus = found !== undefined && found.events === events && found.seed === seed && found.shape === CORPUS_SHAPE;
  if (found?.complete && sameCorpus) {
    log(`bench database: the corpus of ${events.toLocaleString('en')} events (seed ${seed}) is already loaded`);
    // Indexes added since the corpus was loaded (the measures' among them) must exist before anything is derived.
    await migrate(db, { log });
    await ensureMeasures(db, log);
    return { connection, db, events, seed, loadedNow: false };
  }
  const { records } = await db.driver.executeQuery(ANY_NODE, {}, { database: db.database });
  if (!sameCorpus && records[0]?.get('any') === true) {
    log('bench database: it holds another corpus; starting it empty');
    await db.driver.close();
    await stopLocalNeo4j(BENCH_INSTANCE.name, log);
    removeInstance(BENCH_INSTANCE.name);
    connection = await startBenchNeo4j(BENCH_INSTANCE);
    db = benchDb(connection);
  }
  const dir = writeCorpus(events, seed, undefined, (message: string) => process.stderr.write(message));
  log(`bench database: loading ${dir} with the project's loader (once; later runs reuse it) …`);
  await ensureSchema(db);
  await db.driver.executeQuery(MARK, { events, seed, shape: CORPUS_SHAPE, complete: false }, { database: db.database });
  const start = process.hrtime.bigint();
  let lastReport = Date.now();
  await loadFactsPaths(db, [dir], (progress) => {
    if (Date.now() - lastReport < 15_000) return;
    lastReport = Date.now();
    log(`  … ${progress.index.toLocaleString('en')} / ${progress.total.toLocaleString('en')} articles`);
  });
  await db.driver.executeQuery(MARK, { events, seed, shape: CORPUS_SHAPE, complete: true }, { database: db.database });
  log(`bench database: loaded in ${round(elapsedMs(start) / 1000, 1)} s`);
  return { connection, db, events, seed, loadedNow: true };
}

export interface RunningBenchApp {
  baseUrl: string;
  close: () => Promise<void>;
}

/** The real app, in this process, on an ephemeral loopback port; request logs are off. */
export async function startBenchApp(db: Db, timeoutS = 30): Promise<RunningBenchApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DB_TIMEOUT_S: String(timeoutS) });
  const appDb: Db = { ...db, timeoutMs: timeoutS * 1000 };
  const app = createApp({ db: appDb, config, logger: createLogger(config) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Actors by how many events they take part in, most active first (a degree read: no event is touched). */
export async function actorsByActivity(db: Db): Promise<Array<{ id: string; name: string; events: number }>> {
  const { records } = await db.driver.executeQuery(
    `MATCH (a:Actor) RETURN a.id AS id, a.name AS name, COUNT { (a)-[:PARTICIPATED_IN]->() } AS events ORDER BY events DESC, id`,
    {},
    { database: db.database },
  );
  return records.map((r) => ({ id: r.get('id') as string, name: r.get('name') as string, events: Number(r.get('events')) }));
}
