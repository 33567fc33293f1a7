import type { Db } from '../db/query';
import { ensureSchema } from '../db/schema';
import { checkFacts, type FactsEntry } from './check-facts';
import { FactsValidationError, listFactsFiles, readFactsFile, type FileProblem } from './facts-file';
import { toGraphRows } from './graph-rows';
import { existingActorIds, writeArticleFacts, type WriteCounts } from './load.repository';

export interface LoadProgress {
  file: string;
  index: number;
  total: number;
  events: number;
}

export interface LoadSummary extends WriteCounts {
  articles: number;
  events: number;
  actors: number;
}

/** Reads every facts file under the given paths; throws FactsValidationError listing every problem found. */
export function readFactsPaths(paths: readonly string[]): FactsEntry[] {
  const entries: FactsEntry[] = [];
  const problems: FileProblem[] = [];
  for (const file of paths.flatMap(listFactsFiles)) {
    const result = readFactsFile(file);
    problems.push(...result.problems);
    if (result.facts) entries.push({ file, facts: result.facts });
  }
  if (problems.length > 0) throw new FactsValidationError(problems);
  return entries;
}

/** Actor ids the entries refer to without defining: these must already be in the database. */
function undefinedActorRefs(entries: readonly FactsEntry[]): string[] {
  const defined = new Set(entries.flatMap(({ facts }) => facts.actors.map((a) => a.id)));
  const referenced = entries.flatMap(({ facts }) => [
    ...facts.events.flatMap((e) => e.participants.map((p) => p.actor)),
    ...facts.affiliations.flatMap((a) => [a.actor, a.counterpart]),
  ]);
  return [...new Set(referenced)].filter((id) => !defined.has(id));
}

/**
 * Checks every entry before the first write, so a bad file anywhere in a load leaves the database as it
 * was; then writes one transaction per article. Idempotent: a second load of the same files changes nothing.
 */
export async function loadEntries(
  db: Db,
  entries: readonly FactsEntry[],
  onProgress: (progress: LoadProgress) => void = () => {},
): Promise<LoadSummary> {
  const known = await existingActorIds(db, undefinedActorRefs(entries));
  const problems = checkFacts(entries, known);
  if (problems.length > 0) throw new FactsValidationError(problems);
  await ensureSchema(db);
  const summary: LoadSummary = { articles: 0, events: 0, actors: 0, nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0, nodesDeleted: 0 };
  for (const [index, { file, facts }] of entries.entries()) {
    const counts = await writeArticleFacts(db, toGraphRows(facts));
    summary.articles += 1;
    summary.events += facts.events.length;
    summary.actors += facts.actors.length;
    summary.nodesCreated += counts.nodesCreated;
    summary.relationshipsCreated += counts.relationshipsCreated;
    summary.relationshipsDeleted += counts.relationshipsDeleted;
    summary.nodesDeleted += counts.nodesDeleted;
    onProgress({ file, index: index + 1, total: entries.length, events: facts.events.length });
  }
  return summary;
}

export async function loadFactsPaths(db: Db, paths: readonly string[], onProgress?: (p: LoadProgress) => void) {
  return loadEntries(db, readFactsPaths(paths), onProgress);
}
