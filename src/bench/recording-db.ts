import neo4j, { type Driver } from 'neo4j-driver';
import type { Db } from '../db/query';
import { elapsedMs } from './common';

/**
 * A Db whose driver remembers every query the app sends through it (text, parameters as sent, and when it
 * ran), so the query benchmark can run exactly the same Cypher again through the raw driver and compare.
 */

export interface RecordedQuery {
  cypher: string;
  params: Record<string, unknown>;
  startedAt: number;
  endedAt: number;
}

export interface Recorder {
  db: Db;
  /** Starts a fresh recording; returns what the previous one captured. */
  take: () => RecordedQuery[];
}

export function recordingDb(db: Db): Recorder {
  let recorded: RecordedQuery[] = [];
  const origin = process.hrtime.bigint();
  const now = () => elapsedMs(origin);
  const driver = new Proxy(db.driver, {
    get(target, property, receiver) {
      if (property !== 'executeQuery') return Reflect.get(target, property, receiver);
      return (cypher: string, params: Record<string, unknown> = {}, config?: unknown) => {
        const entry: RecordedQuery = { cypher, params, startedAt: now(), endedAt: Number.NaN };
        recorded.push(entry);
        const result = (target.executeQuery as (...args: unknown[]) => Promise<unknown>)(cypher, params, config);
        return result.finally(() => (entry.endedAt = now()));
      };
    },
  }) as Driver;
  return {
    db: { ...db, driver },
    take: () => {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}

/**
 * Groups queries the way the app ran them: a query that started while another of its group was still
 * running belongs to that group (the service ran them with Promise.all); groups run one after another.
 */
export function waves(queries: readonly RecordedQuery[]): RecordedQuery[][] {
  const groups: RecordedQuery[][] = [];
  let current: RecordedQuery[] = [];
  let currentEnd = -Infinity;
  for (const query of [...queries].sort((a, b) => a.startedAt - b.startedAt)) {
    if (current.length > 0 && query.startedAt >= currentEnd) {
      groups.push(current);
      current = [];
      currentEnd = -Infinity;
    }
    current.push(query);
    currentEnd = Math.max(currentEnd, query.endedAt);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Runs recorded queries again through the raw driver, same text and parameters, same concurrency; ms. */
export async function replay(driver: Driver, database: string | undefined, queries: readonly RecordedQuery[]): Promise<number> {
  const start = process.hrtime.bigint();
  for (const wave of waves(queries)) {
    await Promise.all(wave.map((query) => driver.executeQuery(query.cypher, query.params, { routing: neo4j.routing.READ, database })));
  }
  return elapsedMs(start);
}
