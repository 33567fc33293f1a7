import { loadEnvFile } from '../config/env-file';
import { loadConfig } from '../config/settings';
import { closeDb, connectDb } from '../db/context';
import { describeSummary, loadSeed, SEED_FACTS_DIR } from '../ingest/seed';
import { describeCliError } from './errors';

/** `npm run seed`: validates and loads seed/facts into the database (idempotent). */
async function main(): Promise<void> {
  loadEnvFile();
  const { db, uri } = await connectDb(loadConfig());
  try {
    process.stderr.write(`Loading ${SEED_FACTS_DIR} into ${uri} …\n`);
    console.log(describeSummary(await loadSeed(db)));
  } finally {
    await closeDb(db);
  }
}

main().catch((error: unknown) => {
  console.error(describeCliError(error).message);
  process.exit(1);
});
