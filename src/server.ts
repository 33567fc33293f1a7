import { createApp } from './app';
import { scheduleBackups } from './backup/schedule';
import { packageVersion } from './cli/version';
import { loadEnvFile } from './config/env-file';
import { loadConfig } from './config/settings';
import { closeDb, connectDb } from './db/context';
import { ensureWarm } from './health/warm-up';
import { closeServer, listen } from './http/listen';
import { createLogger } from './http/logger';
import { prepareForWrites } from './ingest/load';
import { closeSharedParser, useParserHooks } from './nlp/shared';
import { databaseIsEmpty, describeSummary, loadSeed } from './ingest/seed';
import { deliveryOptionsOf, startDeliveries } from './watch/webhooks';

/**
 * Process entry: config (the environment, then .env) → database (the project's own unless NEO4J_URI) → its pending
 * migrations (a database from a newer version stops the start) → seed if empty → the hot queries once → scheduled
 * backups → listen.
 */
async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const logger = createLogger(config);
  // the extractor's parser is started on the first draft; why it cannot be, and its install, go to the log
  useParserHooks({ note: (message) => logger.warn(message), progress: (message) => logger.info(`parser: ${message}`) });
  const { db, uri } = await connectDb(config);
  await prepareForWrites(db, say);
  if (config.SEED_ON_START === 'always' || (config.SEED_ON_START === 'auto' && (await databaseIsEmpty(db)))) {
    say('The database is empty: loading the seed knowledge …');
    say(describeSummary(await loadSeed(db)));
  }
  // The hot queries once before listening: the first clients do not pay for a cold database (health/warm-up.ts).
  // A warm-up that runs out of time (a busy server) does not stop the start: health stays "warming" and retries it.
  await ensureWarm(db).catch((error: unknown) => logger.warn({ err: error }, 'the warm-up did not finish; /api/health will run it again'));
  const stopBackups = config.BACKUP_DIR
    ? scheduleBackups(db, { dir: config.BACKUP_DIR, everyMs: config.BACKUP_EVERY, keep: config.BACKUP_KEEP, appVersion: packageVersion() }, (message, error) =>
        error ? logger.error({ err: error }, message) : logger.info(message),
      )
    : () => {};
  const app = createApp({ db, config, logger });
  const stopDeliveries =
    config.WEBHOOK_INTERVAL_S > 0 ? startDeliveries(db, deliveryOptionsOf(config), config.WEBHOOK_INTERVAL_S * 1000, (m) => logger.warn(m)) : () => {};
  const server = listen(app, config.PORT, config.HOST, () => {
    say(`Ready: http://${linkHost(config.HOST)}:${config.PORT} (database ${uri})`);
  });
  const shutdown = (signal: string) => {
    logger.info(`${signal}: finishing in-flight requests, then closing the database driver`);
    stopBackups();
    stopDeliveries();
    closeServer(server)
      .then(() => Promise.all([closeDb(db), closeSharedParser()]))
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** The address the app listens on, as a link writes it: this machine as localhost, IPv6 in brackets. */
function linkHost(host: string): string {
  if (['127.0.0.1', '0.0.0.0', '::'].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Start-up messages are for the person at the terminal; request logs stay structured (pino). */
function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
