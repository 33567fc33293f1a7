import { countryByAlpha3 } from '../domain/actor-codes';
import type { Db } from '../db/query';
import { FactsValidationError } from '../domain/errors';
import { loadEntries, type LoadProgress, type LoadSummary } from '../ingest/load';
import { noWrites } from '../ingest/load.repository';
import { nameKey, slugOf } from './field-actors';
import { planFieldImport, type Skipped } from './field-facts';
import type { FieldRecord } from './field-record';
import { knownActors } from './interchange.repository';
import { readGdeltFile } from './read-gdelt';
import { readPolecatFile } from './read-polecat';

export type FieldFormat = 'gdelt' | 'polecat';

export interface FieldImportSummary extends LoadSummary {
  notes: string[];
  skipped: Skipped;
}

/** Every row checked first: any bad one refuses the whole file, naming file, line, column and reason. */
export async function readFieldFile(file: string, format: FieldFormat): Promise<FieldRecord[]> {
  const { records, problems } = format === 'gdelt' ? await readGdeltFile(file) : await readPolecatFile(file);
  if (problems.length > 0) throw new FactsValidationError(problems);
  if (records.length === 0) throw new FactsValidationError([{ file, path: '', reason: 'no events in the file' }]);
  return records;
}

/** The names, countries and would-be ids the records' actors may match in the database. */
function actorQuery(records: readonly FieldRecord[]) {
  const sides = records.flatMap((r) => [r.agent, r.target]);
  const names = new Set<string>();
  const countries = new Set<string>();
  const ids = new Set<string>();
  for (const side of sides) {
    if (side.name !== null) {
      names.add(nameKey(side.name));
      ids.add(slugOf(side.name, 'actor'));
    }
    for (const code of [side.country, side.code?.slice(0, 3)]) {
      const country = code ? countryByAlpha3(code) : undefined;
      if (country) {
        countries.add(country.alpha3);
        ids.add(slugOf(country.name, 'actor'));
      }
    }
  }
  return { names: [...names], countries: [...countries], ids: [...ids] };
}

/** What was left out, a line a reason: `12 skipped: no source URL (line 4, line 9, …)`. */
export function describeSkipped(skipped: Skipped): string[] {
  return [...skipped]
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([reason, { count, examples }]) => `${count} skipped: ${reason} (${examples.join(', ')}${count > examples.length ? ', …' : ''})`);
}

/**
 * `kb import` of a GDELT 2.0 events file or a POLECAT file: every row read and checked, mapped to the knowledge
 * base's types and actors (what does not map is skipped and counted by reason), the resulting facts checked like
 * any facts file, then written (all or nothing, `auto`, each event with its origin). Idempotent.
 */
export async function importFieldFile(
  db: Db,
  file: string,
  format: FieldFormat,
  onProgress: (progress: LoadProgress) => void = () => {},
): Promise<FieldImportSummary> {
  const records = await readFieldFile(file, format);
  const plan = planFieldImport(file, records, await knownActors(db, actorQuery(records)));
  if (plan.problems.length > 0) throw new FactsValidationError(plan.problems);
  const notes = describeSkipped(plan.skipped);
  if (plan.entries.length === 0) {
    return { articles: 0, events: 0, actors: 0, ...noWrites(), notes, skipped: plan.skipped };
  }
  // loadEntries checks the facts (references, quotes, ids) before its first write
  const summary = await loadEntries(db, plan.entries, onProgress);
  return { ...summary, events: plan.events, actors: plan.actors, notes, skipped: plan.skipped };
}
