/**
 * Past this many events an actor is "dense": instead of expanding its own events (cost grows with them),
 * queries that want a few of its events in date order walk the date index in order and keep the events it
 * takes part in (the busiest actor of a million-event corpus is found in one index entry of three).
 */
export const DENSE_ACTOR_EVENTS = 10_000;

export const isDense = (degree: number) => degree >= DENSE_ACTOR_EVENTS;
