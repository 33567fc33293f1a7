import path from 'node:path';
import { PROJECT_ROOT } from '../config/paths';
import { readOne, type Db } from '../db/query';
import { loadFactsPaths, type LoadProgress, type LoadSummary } from './load';

/** The curated seed knowledge shipped with the project. */
export const SEED_FACTS_DIR = path.join(PROJECT_ROOT, 'seed', 'facts');

export function printProgress({ file, index, total, events }: LoadProgress): void {
  process.stderr.write(`  [${index}/${total}] ${path.basename(file)}: ${events} events\n`);
}

export function describeSummary(summary: LoadSummary): string {
  return (
    `Loaded ${summary.articles} article(s), ${summary.events} event(s), ${summary.actors} actor(s): ` +
    `${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships created, ` +
    `${summary.relationshipsDeleted} relationships removed.`
  );
}

export function loadSeed(db: Db, onProgress: (p: LoadProgress) => void = printProgress): Promise<LoadSummary> {
  return loadFactsPaths(db, [SEED_FACTS_DIR], onProgress);
}

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const count = await readOne<number>(db, 'MATCH (e:Event) RETURN count(e) AS n');
  return (count ?? 0) === 0;
}
