import type { Db } from '../db/query';
import { FactsValidationError, type FileProblem } from '../domain/errors';
import { checkFacts, type FactsEntry } from '../ingest/check-facts';
import { loadEntries, type LoadProgress, type LoadSummary } from '../ingest/load';
import { existingActorIds, noWrites } from '../ingest/load.repository';
import { articlesInDatabase, mergeEventLinks } from '../exports/exports.repository';
import { importFieldFile } from './field-import';
import type { ImportFormat } from './formats';
import { planImport, type ImportPlan } from './plan';
import { readCsvFile } from './read-csv';
import type { ReadEvent } from './read-event';
import { readPloverFile } from './read-plover';

export { partialStart, phasesOf, planImport, type ImportPlan, type StoredArticle } from './plan';
export { readCsvFile } from './read-csv';
export type { ReadEvent } from './read-event';
export { readPloverFile } from './read-plover';
export { detectFormat, formatFromContent, formatFromFileName, IMPORT_FORMATS, type ImportFormat } from './formats';
export { describeSkipped, importFieldFile, readFieldFile } from './field-import';

/** The formats `kb export` writes and `kb import` reads back whole. */
type ExportedFormat = Extract<ImportFormat, 'plover' | 'csv'>;

/**
 * `kb import`: reads what `kb export --format plover|csv` wrote and loads it like any facts files:
 * everything is checked before the first write (all or nothing), then each article's facts are written
 * in one transaction (idempotent: importing twice changes nothing).
 *
 * Article texts are not exported (they can be long, and their rights are the publisher's). An article the
 * database already has keeps its stored text, and every quote must be found in it. An article it does not
 * have gets a text rebuilt from its quotes, one paragraph each, so every quote is verbatim in it and each
 * event still points at the sentence that reports it. Importing an article the database holds with events
 * the file does not carry is refused: the loader would detach them (a partial export of an article can
 * start a new knowledge base, but not overwrite what another one knows about that article).
 */
export async function readImportFile(file: string, format: ExportedFormat): Promise<ReadEvent[]> {
  const { events, problems } = format === 'plover' ? await readPloverFile(file) : await readCsvFile(file);
  if (problems.length > 0) throw new FactsValidationError(problems);
  if (events.length === 0) throw new FactsValidationError([{ file, path: '', reason: 'no events in the file' }]);
  return events;
}

export interface ImportSummary extends LoadSummary {
  notes: string[];
}

/**
 * Reads, checks (everything, before any write) and loads an exported file, or a field dataset's
 * (`field-import.ts`: GDELT 2.0, POLECAT), whose notes then say what was skipped and why.
 */
export async function importFile(db: Db, file: string, format: ImportFormat, onProgress: (progress: LoadProgress) => void = () => {}): Promise<ImportSummary> {
  if (format === 'gdelt' || format === 'polecat') return importFieldFile(db, file, format, onProgress);
  const read = await readImportFile(file, format);
  const plan = planImport(file, read, await articlesInDatabase(db, articleIdsOf(read)));
  if (plan.problems.length > 0) throw new FactsValidationError(plan.problems);
  await checkLoads(db, plan.loads);
  const summary = await writePlan(db, plan, onProgress);
  const entries = plan.loads.flat();
  summary.articles = entries.length;
  summary.events = read.length;
  summary.actors = new Set(entries.flatMap(({ facts }) => facts.actors.map((a) => a.id))).size;
  return summary;
}

/** Every article the records name, as a source or as the report of an affiliation. */
function articleIdsOf(read: readonly ReadEvent[]): string[] {
  return [
    ...new Set(
      read.flatMap(({ event }) => [
        ...event.sources.map((s) => s.article.id),
        ...event.participants.flatMap((p) => (p.actor.affiliations ?? []).map((a) => a.article.id)),
      ]),
    ),
  ];
}

/** Every load is checked before the first is written; actors defined by an earlier load count as known. */
async function checkLoads(db: Db, loads: readonly FactsEntry[][]): Promise<void> {
  const allActors = loads
    .flat()
    .flatMap(({ facts }) => [
      ...facts.events.flatMap((e) => e.participants.map((p) => p.actor)),
      ...facts.affiliations.flatMap((a) => [a.actor, a.counterpart]),
    ]);
  const known = await existingActorIds(db, [...new Set(allActors)]);
  const problems: FileProblem[] = [];
  for (const load of loads) {
    problems.push(...checkFacts(load, known));
    for (const { facts } of load) for (const actor of facts.actors) known.add(actor.id);
  }
  if (problems.length > 0) throw new FactsValidationError(problems);
}

async function writePlan(db: Db, plan: ImportPlan, onProgress: (progress: LoadProgress) => void): Promise<ImportSummary> {
  const summary: ImportSummary = { articles: 0, events: 0, actors: 0, ...noWrites(), notes: plan.notes };
  for (const load of plan.loads) {
    const done = await loadEntries(db, load, onProgress);
    for (const key of ['nodesCreated', 'relationshipsCreated', 'relationshipsDeleted', 'nodesDeleted'] as const) summary[key] += done[key];
  }
  if (plan.crossLinks.length > 0) {
    const counts = await mergeEventLinks(db, plan.crossLinks);
    summary.relationshipsCreated += counts.relationshipsCreated;
  }
  return summary;
}
