import { loadConfig } from '../config';
import { resolveConnection } from '../db/connection';
import { createDriver } from '../db/driver';
import { FactsValidationError } from './facts-file';
import { describeSummary, loadSeed, SEED_FACTS_DIR } from './seed';

/** `npm run seed`: validates and loads seed/facts into the database (idempotent). */
async function main(): Promise<void> {
  const config = loadConfig();
  const connection = await resolveConnection(config);
  const driver = createDriver(connection, config);
  try {
    process.stderr.write(`Loading ${SEED_FACTS_DIR} into ${connection.uri} …\n`);
    const summary = await loadSeed({ driver, database: config.NEO4J_DATABASE, timeoutMs: config.DB_TIMEOUT_S * 1000 });
    console.log(describeSummary(summary));
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof FactsValidationError ? error.message : error);
  process.exit(1);
});
