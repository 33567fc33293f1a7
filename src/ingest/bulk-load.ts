import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/settings';
import { devInstance } from '../db/connection';
import { openDb, type DbSettings } from '../db/context';
import { importDatabase, instanceDir, startLocalNeo4j, stopLocalNeo4j, type InstanceOptions, type Log } from '../db/local-neo4j';
import type { Db } from '../db/query';
import { ConflictError } from '../domain/errors';
import { listFactsFiles } from './facts-files';
import { ImportFileWriter } from './import-files';
import { adoptCurrentShape } from '../migrations/migrations.service';
import { setMeasuresVersion } from '../sanctions/sanctions.repository';
import { checkFactsFiles } from './load';
import { databaseName, fillEmptyAliases, heldNodes } from './load.repository';

/**
 * `kb load --bulk`: a first load into an empty database through Neo4j's offline importer, which writes the store
 * files directly instead of running transactions. In order:
 *  1. the target is checked: the project's own Neo4j (started if need be), and empty;
 *  2. every facts file is read and checked exactly as the online loader checks them (checkFactsFiles), and the
 *     graph it would write goes into import CSV files (import-files.ts); any problem, and nothing else happens;
 *  3. the server is stopped, `neo4j-admin database import full` writes the database, the server is started;
 *  4. the actors without aliases get their empty list (which an import file cannot state); the schema is built and
 *     every migration step recorded as applied, and the measures as of this version, since the import files hold
 *     what the steps and the measures' refresh would derive (summaries, pairs' latest events, places, counts per
 *     month, measures: derived-rows.ts).
 * A failure in 1–3 leaves the database as it was (the importer's own failure included: importDatabase puts the
 * old files back).
 */

export interface BulkPhases {
  /** Reading and checking the facts, writing the import files. */
  writeCsvMs: number;
  /** Stopping the server, the import, starting the server. */
  importMs: number;
  /** The schema, its indexes populated. */
  buildMs: number;
}

export interface BulkSummary {
  articles: number;
  /** Rows of the import files: nodes and relationships written by the importer. */
  rows: number;
  phases: BulkPhases;
}

export interface BulkOptions {
  /** Settings of the database handles it opens (the deadline of a query; the database's name). */
  settings?: DbSettings;
  log?: Log;
}

/** The instance a bulk load writes: the project's own; a server named by NEO4J_URI is out of its reach. */
export function bulkTarget(config: Config): InstanceOptions {
  if (config.NEO4J_URI) {
    throw new ConflictError(
      `kb load --bulk writes the database files of the project's own Neo4j with neo4j-admin while that server is stopped; ` +
        `NEO4J_URI names another server (${config.NEO4J_URI}), whose files it cannot reach. Load into it with kb load (without --bulk), or unset NEO4J_URI.`,
    );
  }
  return devInstance(config);
}

async function refuseUnlessEmpty(db: Db, instance: InstanceOptions): Promise<void> {
  const held = await heldNodes(db);
  if (held > 0) {
    throw new ConflictError(
      `The database of Neo4j (${instance.name}) holds ${held.toLocaleString('en')} nodes: kb load --bulk only loads into an empty database, ` +
        'since neo4j-admin database import writes a whole database. Load into this one with kb load (without --bulk), ' +
        'or take a backup (kb backup) and empty it first.',
    );
  }
}

const elapsed = (start: number) => Math.round(performance.now() - start);

/** Loads the facts files under `paths` into the empty database of a project-managed instance; see above. */
export async function bulkLoadFactsPaths(instance: InstanceOptions, paths: readonly string[], options: BulkOptions = {}): Promise<BulkSummary> {
  const log = options.log ?? (() => {});
  const settings = options.settings ?? { DB_TIMEOUT_S: 600, DB_BUDGET_S: 600 };
  const files = paths.flatMap(listFactsFiles);
  const workDir = path.join(instanceDir(instance.name), 'bulk-import');
  fs.rmSync(workDir, { recursive: true, force: true });
  let db = openDb(await startLocalNeo4j(instance, log), settings);
  try {
    await refuseUnlessEmpty(db, instance);
    const database = await databaseName(db);

    let started = performance.now();
    log('Checking the facts and writing the import files …');
    const writer = new ImportFileWriter(path.join(workDir, 'csv'));
    let articles: number;
    try {
      articles = await checkFactsFiles(db, files, (_file, rows) => writer.add(rows));
    } catch (error) {
      writer.abandon();
      throw error;
    }
    const importFiles = writer.finish();
    const writeCsvMs = elapsed(started);

    // The app (or anything else) may have written meanwhile: the importer would replace what it wrote.
    await refuseUnlessEmpty(db, instance);
    await db.driver.close();
    started = performance.now();
    log(`Importing ${importFiles.rows.toLocaleString('en')} nodes and relationships with neo4j-admin (the server is stopped meanwhile) …`);
    await stopLocalNeo4j(instance.name, log);
    try {
      log((await importDatabase(instance, database, importFiles, workDir, log)).trim().split('\n').slice(-6).join('\n'));
    } finally {
      // Started again whatever happens: after a failed import, on the database as it was.
      db = openDb(await startLocalNeo4j(instance, log), settings);
    }
    const importMs = elapsed(started);

    started = performance.now();
    log('Building the schema …');
    await fillEmptyAliases(db);
    await adoptCurrentShape(db);
    await setMeasuresVersion(db);
    const buildMs = elapsed(started);
    return { articles, rows: importFiles.rows, phases: { writeCsvMs, importMs, buildMs } };
  } finally {
    await db.driver.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

export function describeBulkSummary(summary: BulkSummary): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const { writeCsvMs, importMs, buildMs } = summary.phases;
  return (
    `Loaded ${summary.articles.toLocaleString('en')} article(s) in bulk: ${summary.rows.toLocaleString('en')} nodes and relationships imported ` +
    `(import files ${s(writeCsvMs)}, import ${s(importMs)}, schema ${s(buildMs)}).`
  );
}
