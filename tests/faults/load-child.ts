import { closeDb, openDb } from '../../src/db/context';
import { loadFactsPaths } from '../../src/ingest/load';

/**
 * A loader in a process of its own, for the crash test to kill: loads the facts files under argv[2] into
 * the database named by NEO4J_URI, printing `loaded <n>` as each article's transaction commits.
 */
async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  const password = process.env.NEO4J_PASSWORD;
  const dir = process.argv[2];
  if (!uri || !password || !dir) throw new Error('usage: NEO4J_URI=… NEO4J_PASSWORD=… load-child.ts <facts dir>');
  const db = openDb({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password }, { DB_TIMEOUT_S: 3 });
  try {
    await loadFactsPaths(db, [dir], ({ index }) => process.stdout.write(`loaded ${index}\n`));
    process.stdout.write('done\n');
  } finally {
    await closeDb(db);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
