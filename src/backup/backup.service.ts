import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import neo4j from 'neo4j-driver';
import type { z } from 'zod';
import type { Db } from '../db/query';
import { ConflictError, type FileProblem } from '../domain/errors';
import { formatPath } from '../domain/errors';
import { migrate } from '../migrations/migrations.service';
import { LATEST_MIGRATION } from '../migrations/steps';
import * as repo from './backup.repository';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupHeader, NodeLine, RelationshipLine, TrailerLine, type BackupHeader as Header } from './backup.schemas';
import { decodeProperties, encodeProperties } from './values';

export interface BackupCounts {
  nodes: number;
  relationships: number;
}

/** A backup file that cannot be restored: every problem found (file, line and field, reason). Nothing was written. */
export class BackupFileError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(
      `Refused the backup (${problems.length} problem(s)); nothing was restored:\n` +
        problems.map((p) => `  ${p.file}: ${p.path || '(file)'}: ${p.reason}`).join('\n'),
    );
    this.name = 'BackupFileError';
  }
}

/** Writes a line, waiting when the compressor is full (a million-node graph streams through, never held whole). */
async function writeLine(out: Writable, value: unknown, failed: Promise<void>): Promise<void> {
  // A reader that went away (a closed pipe) fails the pipeline: the wait ends with it.
  if (!out.write(`${JSON.stringify(value)}\n`)) await Promise.race([once(out, 'drain'), failed]);
}

/**
 * Streams everything the database holds to `out`, gzip-compressed, from one read transaction: every node with its
 * labels and properties, then every relationship, whatever their kind, so a backup holds what a later version adds.
 */
export async function createBackup(db: Db, out: Writable, appVersion: string): Promise<BackupCounts> {
  const gzip = zlib.createGzip();
  // Ends `out` when the backup is complete, and settles once it has taken everything (a file: flushed and closed).
  const written = pipeline(gzip, out);
  written.catch(() => {}); // awaited below; a failure before then is the transaction's to report
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  const tx = await session.beginTransaction();
  const numbers = new Map<string, number>();
  let relationships = 0;
  try {
    const header: Header = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      appVersion,
      migration: await repo.lastMigration(tx),
    };
    await writeLine(gzip, header, written);
    for await (const node of repo.streamNodes(tx)) {
      const n = numbers.size;
      numbers.set(node.id, n);
      await writeLine(gzip, { n, labels: node.labels, props: encodeProperties(node.props) }, written);
    }
    for await (const rel of repo.streamRelationships(tx)) {
      await writeLine(gzip, { from: numbers.get(rel.from), to: numbers.get(rel.to), type: rel.type, props: encodeProperties(rel.props) }, written);
      relationships += 1;
    }
    await writeLine(gzip, { end: { nodes: numbers.size, relationships } }, written);
    await tx.commit();
  } catch (error) {
    gzip.destroy(error as Error);
    throw error;
  } finally {
    if (tx.isOpen()) await tx.rollback();
    await session.close();
  }
  gzip.end();
  await written;
  return { nodes: numbers.size, relationships };
}

type Line = { kind: 'node'; value: NodeLine } | { kind: 'relationship'; value: RelationshipLine };

/** The lines of a backup after its header, each checked (the first pass reports, the second writes). */
async function* readLines(file: string, onProblem: (problem: FileProblem) => void): AsyncGenerator<Line | { kind: 'header'; value: Header }> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  let stage: 'header' | 'nodes' | 'relationships' | 'ended' = 'header';
  const nodes = new Set<number>();
  let relationships = 0;
  const problem = (path: string, reason: string) => onProblem({ file, path: `line ${number}${path ? `: ${path}` : ''}`, reason });
  const check = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) problem(formatPath(issue.path), issue.message);
    return undefined;
  };
  try {
    for await (const text of lines) {
      number += 1;
      if (text.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        problem('', 'not JSON');
        continue;
      }
      const keys = json !== null && typeof json === 'object' ? Object.keys(json) : [];
      if (stage === 'header') {
        stage = 'nodes';
        const header = check(BackupHeader, json);
        if (!header) return;
        if (header.migration > LATEST_MIGRATION) {
          problem('migration', `made by a newer version (its database had migration ${header.migration}; this version knows up to ${LATEST_MIGRATION})`);
          return;
        }
        yield { kind: 'header', value: header };
      } else if (stage === 'ended') {
        problem('', 'a line after the end');
      } else if (keys.includes('end')) {
        stage = 'ended';
        const trailer = check(TrailerLine, json);
        if (trailer && (trailer.end.nodes !== nodes.size || trailer.end.relationships !== relationships)) {
          problem('end', `says ${trailer.end.nodes} nodes and ${trailer.end.relationships} relationships; the file holds ${nodes.size} and ${relationships}`);
        }
      } else if (keys.includes('n')) {
        if (stage !== 'nodes') problem('n', 'a node after the relationships');
        const node = check(NodeLine, json);
        if (!node) {
          // Its relationships are not reported again for want of it.
          const n = (json as { n: unknown }).n;
          if (typeof n === 'number') nodes.add(n);
          continue;
        }
        if (nodes.has(node.n)) problem('n', `node ${node.n} appears twice`);
        nodes.add(node.n);
        yield { kind: 'node', value: node };
      } else {
        stage = 'relationships';
        const rel = check(RelationshipLine, json);
        if (!rel) continue;
        relationships += 1;
        if (!nodes.has(rel.from)) problem('from', `no node ${rel.from} before it`);
        if (!nodes.has(rel.to)) problem('to', `no node ${rel.to} before it`);
        yield { kind: 'relationship', value: rel };
      }
    }
    if (number === 0) problem('', 'empty: no header');
    else if (stage !== 'ended') problem('', 'cut short: no end line (the backup did not finish, or the file was truncated)');
  } catch (error) {
    onProblem({ file, path: `line ${number + 1}`, reason: `unreadable: ${(error as Error).message}` });
  }
}

const MAX_PROBLEMS = 100;

/** Reads the whole file once, checking every line; throws BackupFileError listing what is wrong. */
export async function checkBackup(file: string): Promise<Header & BackupCounts> {
  const problems: FileProblem[] = [];
  let header: Header | undefined;
  const counts = { nodes: 0, relationships: 0 };
  for await (const line of readLines(file, (p) => problems.push(p))) {
    if (line.kind === 'header') header = line.value;
    else counts[line.kind === 'node' ? 'nodes' : 'relationships'] += 1;
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length > 0 || !header) throw new BackupFileError(problems);
  return { ...header, ...counts };
}

/** Rows written per transaction. */
const BATCH = 5_000;

/**
 * Restores a backup into an empty database (or, with `force`, into one it empties first), then applies the
 * migrations the backup's database had not had (unless `migrate` is false: the tests of migrations). The file is checked whole before anything is written; a failure
 * while writing removes what the restore wrote, so the database is left empty, never half-restored.
 */
export async function restoreBackup(
  db: Db,
  file: string,
  options: { force?: boolean; log?: (message: string) => void; migrate?: boolean } = {},
): Promise<Header & BackupCounts> {
  const log = options.log ?? (() => {});
  const checked = await checkBackup(file);
  if (!(await repo.isEmpty(db))) {
    if (!options.force) throw new ConflictError('The database is not empty: restore into an empty one, or pass --force to replace everything it holds.');
    log('Emptying the database (--force) …');
    await repo.wipe(db);
  }
  try {
    await writeAll(db, file);
  } catch (error) {
    await repo.wipe(db).catch(() => {});
    throw error;
  }
  if (options.migrate === false) return checked;
  const { pending } = await migrate(db, { log });
  if (pending.length > 0) log(`Migrated the restored database: ${pending.map((step) => `${step.id} ${step.name}`).join(', ')}.`);
  return checked;
}

async function writeAll(db: Db, file: string): Promise<void> {
  let nodes = new Map<string, Array<{ key: number; props: Record<string, unknown> }>>();
  let rels = new Map<string, Array<{ from: string; to: string; props: Record<string, unknown> }>>();
  /** Each node's element id in the database, by its number in the file. */
  const created = new Map<number, string>();
  let size = 0;
  const flush = async () => {
    const [nodeGroups, relGroups] = [nodes, rels];
    [nodes, rels, size] = [new Map(), new Map(), 0];
    const session = db.driver.session({ database: db.database });
    try {
      await session.executeWrite(async (tx) => {
        for (const [labels, rows] of nodeGroups) {
          for (const [key, id] of await repo.createNodes(tx, labels === '' ? [] : labels.split(':'), rows)) created.set(key, id);
        }
        for (const [type, rows] of relGroups) await repo.createRelationships(tx, type, rows);
      });
    } finally {
      await session.close();
    }
  };
  const failed = (p: FileProblem) => {
    throw new BackupFileError([p]);
  };
  for await (const line of readLines(file, failed)) {
    if (line.kind === 'node') {
      const key = [...line.value.labels].sort().join(':');
      const rows = nodes.get(key) ?? [];
      rows.push({ key: line.value.n, props: decodeProperties(line.value.props) });
      nodes.set(key, rows);
    } else if (line.kind === 'relationship') {
      // Nodes are written before the relationships that need them.
      if (nodes.size > 0) await flush();
      const rows = rels.get(line.value.type) ?? [];
      rows.push({ from: created.get(line.value.from)!, to: created.get(line.value.to)!, props: decodeProperties(line.value.props) });
      rels.set(line.value.type, rows);
    } else continue;
    size += 1;
    if (size >= BATCH) await flush();
  }
  await flush();
}

/** A backup's file name: when it was taken, sortable as text. */
export function backupFileName(date = new Date()): string {
  return `kb-backup-${date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.jsonl.gz`;
}

/** A backup written to `file` whole or not at all (to a neighbour first, renamed when complete). */
export async function backupToFile(db: Db, file: string, appVersion: string): Promise<BackupCounts> {
  const partial = `${file}.partial`;
  try {
    const counts = await createBackup(db, fs.createWriteStream(partial), appVersion);
    fs.renameSync(partial, file);
    return counts;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
