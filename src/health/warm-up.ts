import * as actors from '../actors/actors.service';
import { outsideBudget } from '../db/budget';
import { isDatabaseUnavailable } from '../db/errors';
import type { Db } from '../db/query';
import * as events from '../events/events.service';
import { EventsQuery } from '../events/events.schemas';
import * as graph from '../graph/graph.service';
import { GraphQuery } from '../graph/graph.schemas';
import * as timeline from '../timeline/timeline.service';
import { TimelineQuery } from '../timeline/timeline.schemas';
import * as whoDidWhat from '../who-did-what/who-did-what.service';
import { WhoDidWhatQuery } from '../who-did-what/who-did-what.schemas';
import { busiestActor } from './health.repository';

/**
 * A database just started (or back after a restart) has empty caches and no query plans: its first answers to the
 * hot routes take seconds, long enough to miss the API's deadline under load. Health says ready only once each hot
 * query has run once: the events list, an actor's profile and relationships, who-did-what, the graph and the
 * timeline, for the busiest actor (whose queries are the slowest to plan and to page in).
 */
export async function warmUp(db: Db): Promise<void> {
  const actor = await busiestActor(db);
  const lastYear = { from: new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };
  const hot: Array<() => Promise<unknown>> = [
    () => events.listEvents(db, EventsQuery.parse({})),
    () => graph.getGraph(db, GraphQuery.parse({})),
    () => timeline.getWindow(db, TimelineQuery.parse(lastYear)),
  ];
  if (actor) {
    hot.push(
      () => actors.getActor(db, actor),
      () => actors.getRelationships(db, actor, { limit: 20 }),
      () => events.listEvents(db, EventsQuery.parse({ actor })),
      () => whoDidWhat.answer(db, WhoDidWhatQuery.parse({ actor })),
      () => graph.getGraph(db, GraphQuery.parse({ actor })),
    );
  }
  for (const query of hot) {
    // Only a database that cannot answer stops the warm-up; any other failure is the route's own business.
    await query().catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) throw error;
    });
  }
}

/** Handles whose database has run the hot queries since it last failed to answer, and warm-ups under way. */
const warm = new WeakSet<Db>();
const warming = new WeakMap<Db, Promise<void>>();

/**
 * Resolves once the hot queries have run since the database was last seen down, starting them if they are not
 * running. They run outside the budget of the request that asked (a cold database may need longer than one
 * request may wait), once however many requests ask meanwhile.
 */
export function ensureWarm(db: Db): Promise<void> {
  if (warm.has(db)) return Promise.resolve();
  let running = warming.get(db);
  if (!running) {
    running = outsideBudget(() => warmUp(db))
      .then(() => void warm.add(db))
      .finally(() => warming.delete(db));
    warming.set(db, running);
  }
  return running;
}

export function markCold(db: Db): void {
  warm.delete(db);
}
