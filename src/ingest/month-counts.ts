import type { ManagedTransaction } from 'neo4j-driver';
import { toParams } from '../db/plain';
import type { Count, Tally } from '../domain/type-tally';
import type { Contribution } from './tally';

/**
 * Counts of events per month, what the trends read instead of counting a million events:
 *  - one `(:MonthCount {id: 'YYYY-MM', month, total, byType})` per month that has events;
 *  - one `(:ActorMonth {id: 'actor|YYYY-MM', actor, month, total, byType})` per actor and month it took part in
 *    events, found by `actor`.
 * `month` is the month's first day (a date), `byType` counts in EVENT_TYPES order, as the actors' summaries.
 * An event counts in the month of its first day. Kept exact by the loader with the other summaries, from the
 * same contributions (summaries.ts); a month whose count falls to zero is removed. A database written before
 * they existed gets them from migration step 8.
 */

const monthOf = (date: string) => date.slice(0, 7);

export function tallyMonths(months: Tally, actorMonths: Tally, contributions: Contribution[], sign: 1 | -1): void {
  for (const { type, date, actors } of contributions) {
    const month = monthOf(date);
    months.add(month, type, sign);
    for (const actor of new Set(actors)) actorMonths.add(`${actor}|${month}`, type, sign);
  }
}

const addLists = (current: string) => `[i IN range(0, size(row.byType) - 1) | coalesce(${current}[i], 0) + row.byType[i]]`;

const APPLY_TO_MONTHS = `
  UNWIND $rows AS row
  MERGE (m:MonthCount {id: row.key})
  ON CREATE SET m.month = date(row.key + '-01')
  SET m.total = coalesce(m.total, 0) + row.total, m.byType = ${addLists('m.byType')}
  WITH m WHERE m.total <= 0
  DELETE m`;

const APPLY_TO_ACTOR_MONTHS = `
  UNWIND $rows AS row
  MERGE (m:ActorMonth {id: row.key})
  ON CREATE SET m.actor = split(row.key, '|')[0], m.month = date(split(row.key, '|')[1] + '-01')
  SET m.total = coalesce(m.total, 0) + row.total, m.byType = ${addLists('m.byType')}
  WITH m WHERE m.total <= 0
  DELETE m`;

export async function writeMonthChanges(tx: ManagedTransaction, months: Tally, actorMonths: Tally): Promise<void> {
  await writeMonthRows(tx, months.changes(), actorMonths.changes());
}

/** Adds these counts (each list in key order) to the months' and the actors' months'. */
export async function writeMonthRows(tx: ManagedTransaction, monthRows: readonly Count[], actorMonthRows: readonly Count[]): Promise<void> {
  if (monthRows.length > 0) await tx.run(APPLY_TO_MONTHS, toParams({ rows: monthRows }) as Record<string, unknown>);
  if (actorMonthRows.length > 0) await tx.run(APPLY_TO_ACTOR_MONTHS, toParams({ rows: actorMonthRows }) as Record<string, unknown>);
}
