import { ActorsQuery } from '../actors/actors.schemas';
import * as actorsService from '../actors/actors.service';
import { ArticlesQuery } from '../articles/articles.schemas';
import * as articles from '../articles/articles.service';
import { outsideBudget } from '../db/budget';
import { isDatabaseUnavailable } from '../db/errors';
import type { Db } from '../db/query';
import * as events from '../events/events.service';
import { EventsQuery } from '../events/events.schemas';
import * as graph from '../graph/graph.service';
import * as stats from '../stats/stats.service';
import { GraphQuery } from '../graph/graph.schemas';
import * as timeline from '../timeline/timeline.service';
import { TimelineQuery } from '../timeline/timeline.schemas';
import * as whoDidWhat from '../who-did-what/who-did-what.service';
import { WhoDidWhatQuery } from '../who-did-what/who-did-what.schemas';
import { busiestActors, databaseStartedAt, latestEvent } from './health.repository';

/**
 * A database just started (or back after a restart) has empty caches, no query plans and a JVM that has compiled
 * nothing yet: its first answers to the hot routes take seconds, long enough to spend a request's budget under
 * load. Health says ready only once the hot queries have run, all at once and several times over, round after
 * round, until a round is no longer clearly faster than the one before (at most MAX_ROUNDS): the events list and
 * the latest event's detail, an actor's profile and relationships, who-did-what, the graph, the timeline, the counts
 * and the articles, and what the timeline's and an actor's pages read besides (the actors' names, the story's
 * window); an actor's for the busiest actor (whose queries are the slowest to plan and to page in), and for the
 * busiest of each other order of magnitude of id length, which the database plans apart (busiestActors). A query
 * first planned under a burst of clients can take longer than a request may wait.
 */
const MAX_ROUNDS = 8;
/**
 * Each hot query runs this many times at once in a round: the driver opens the connections a burst of clients
 * will need, and the server compiles its code paths under concurrency, before the first client arrives.
 */
const CONCURRENT_COPIES = 4;
/** A round that takes more than this share of the one before is still warming up. */
const SETTLED = 0.8;

export async function warmUp(db: Db): Promise<void> {
  const hot = await hotQueries(db);
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const started = performance.now();
    await Promise.all(hot.flatMap((query) => Array.from({ length: CONCURRENT_COPIES }, () => query().catch(onlyIfUnavailable))));
    const took = performance.now() - started;
    if (took > previous * SETTLED) return;
    previous = took;
  }
}

/** Only a database that cannot answer stops the warm-up; any other failure is the route's own business. */
function onlyIfUnavailable(error: unknown): void {
  if (isDatabaseUnavailable(error)) throw error;
}

async function hotQueries(db: Db): Promise<Array<() => Promise<unknown>>> {
  const actors = await busiestActors(db);
  const event = await latestEvent(db);
  const lastYear = { from: new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };
  const hot: Array<() => Promise<unknown>> = [
    () => events.listEvents(db, EventsQuery.parse({})),
    () => graph.getGraph(db, GraphQuery.parse({})),
    () => timeline.getWindow(db, TimelineQuery.parse(lastYear)),
    () => stats.getStats(db, 5),
    () => articles.listArticles(db, ArticlesQuery.parse({})),
    () => actorsService.listActors(db, ActorsQuery.parse({})),
    () => actorsService.listActorNames(db, 1000),
    () => timeline.storyWindow(db, {}),
  ];
  if (event) hot.push(() => events.getEvent(db, event));
  for (const actor of actors) {
    hot.push(
      () => actorsService.getActor(db, actor),
      () => actorsService.getRelationships(db, actor, { limit: 20 }),
      () => events.listEvents(db, EventsQuery.parse({ actor })),
      () => whoDidWhat.answer(db, WhoDidWhatQuery.parse({ actor })),
      () => graph.getGraph(db, GraphQuery.parse({ actor })),
      () => timeline.storyWindow(db, { actor }),
    );
  }
  return hot;
}

/**
 * For each handle whose database has run the hot queries: which start of the database they ran after (its
 * start time), so that a restart nobody saw (no query failed while it was down) still makes it cold.
 */
const warmSince = new WeakMap<Db, string | undefined>();
const warming = new WeakMap<Db, Promise<void>>();

/**
 * Resolves once the hot queries have run since the database last started or was last seen down, starting them
 * if they are not running. They run outside the budget of the request that asked (a cold database may need
 * longer than one request may wait), once however many requests ask meanwhile.
 */
export function ensureWarm(db: Db): Promise<void> {
  if (warmSince.has(db)) return Promise.resolve();
  let running = warming.get(db);
  if (!running) {
    running = outsideBudget(async () => {
      const startedAt = await startOf(db);
      await warmUp(db);
      warmSince.set(db, startedAt);
    }).finally(() => warming.delete(db));
    warming.set(db, running);
  }
  return running;
}

/** Makes the handle cold when its database has started again since the hot queries last ran. */
export async function noticeRestart(db: Db): Promise<void> {
  if (!warmSince.has(db)) return;
  if ((await startOf(db)) !== warmSince.get(db)) markCold(db);
}

/** The database's start, or undefined where the account may not ask the system database (then only an outage makes it cold). */
async function startOf(db: Db): Promise<string | undefined> {
  return databaseStartedAt(db).catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) throw error;
    return undefined;
  });
}

export function markCold(db: Db): void {
  warmSince.delete(db);
}
