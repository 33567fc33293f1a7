import { toParams } from '../../db/plain';
import { runInBatches, type Db } from '../../db/query';
import { EVENT_TYPES } from '../../domain/taxonomy';
import type { Migration } from '../migration';

/** Every count per month computed again from the events, as the loader keeps them (ingest/month-counts.ts). */
export const REBUILD_MONTH_COUNTS = [
  'MATCH (m:MonthCount) CALL (m) { DELETE m } IN TRANSACTIONS OF 10000 ROWS',
  'MATCH (m:ActorMonth) CALL (m) { DELETE m } IN TRANSACTIONS OF 10000 ROWS',
  `MATCH (e:Event) WHERE e.date IS NOT NULL
   WITH date.truncate('month', e.date) AS month, e.type AS type, count(*) AS n
   WITH month, collect({ type: type, n: n }) AS counts
   CALL (month, counts) {
     CREATE (:MonthCount {
       id: substring(toString(month), 0, 7), month: month, total: reduce(s = 0, c IN counts | s + c.n),
       byType: [t IN $types | reduce(s = 0, c IN counts | s + CASE WHEN c.type = t THEN c.n ELSE 0 END)]
     })
   } IN TRANSACTIONS OF 1000 ROWS`,
  `MATCH (a:Actor) WHERE EXISTS { (a)-[:PARTICIPATED_IN]->() }
   CALL (a) {
     MATCH (a)-[:PARTICIPATED_IN]->(e:Event) WHERE e.date IS NOT NULL
     WITH DISTINCT e
     WITH date.truncate('month', e.date) AS month, e.type AS type, count(*) AS n
     WITH month, collect({ type: type, n: n }) AS counts
     CREATE (:ActorMonth {
       id: a.id + '|' + substring(toString(month), 0, 7), actor: a.id, month: month, total: reduce(s = 0, c IN counts | s + c.n),
       byType: [t IN $types | reduce(s = 0, c IN counts | s + CASE WHEN c.type = t THEN c.n ELSE 0 END)]
     })
   } IN TRANSACTIONS OF 100 ROWS`,
];

/** Every count per month and per actor and month computed again from the events. */
export const rebuildMonthCounts = (db: Db): Promise<void> =>
  runInBatches(db, REBUILD_MONTH_COUNTS, toParams({ types: [...EVENT_TYPES] }) as Record<string, unknown>);

/** The counts per month and per actor and month (ingest/month-counts.ts), computed from the events (their constraints: step 7). */
export const monthCounts: Migration = {
  id: 8,
  name: 'event counts per month, and per actor and month, for the trends',
  run: (db) => rebuildMonthCounts(db),
};
