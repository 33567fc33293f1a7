import { readOne, type Db } from './query';

/**
 * Past this many events an actor is "dense": instead of expanding its own events (cost grows with them),
 * queries that want a few of its events in date order walk the date index in order and keep the events it
 * takes part in (the busiest actor of a million-event corpus is found in one index entry of three).
 */
export const DENSE_ACTOR_EVENTS = 10_000;

/** The floor and ceiling of Neo4j dates: a range predicate on e.date that lets the index supply date order. */
export const MIN_DATE = 'date({year: -999999999})';
export const MAX_DATE = 'date({year: 999999999})';

const ACTOR_DEGREE = `MATCH (a:Actor {id: $id}) RETURN COUNT { (a)-[:PARTICIPATED_IN]->() } AS degree`;

/** How many events an actor takes part in, read from its node's degree (no expansion); undefined: no such actor. */
export function actorDegree(db: Db, id: string): Promise<number | undefined> {
  return readOne<number>(db, ACTOR_DEGREE, { id });
}

export const isDense = (degree: number) => degree >= DENSE_ACTOR_EVENTS;
