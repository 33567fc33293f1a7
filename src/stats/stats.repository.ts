import { dateView } from '../db/cypher';
import { read, readOne, type Db } from '../db/query';
import type { Stats } from './stats.schemas';

/** Counts come from Neo4j's count store; the span and the latest events from the e.date index, in order. */
const COUNTS = `
  RETURN { events: COUNT { (:Event) }, actors: COUNT { (:Actor) }, articles: COUNT { (:Article) },
           reactions: COUNT { (:Reaction) } } AS counts`;

const FIRST_EVENT = `MATCH (e:Event) WHERE e.date IS NOT NULL RETURN toString(e.date) AS day ORDER BY e.date ASC LIMIT 1`;

const LATEST_EVENTS = `
  MATCH (e:Event) WHERE e.date IS NOT NULL
  WITH e ORDER BY e.date DESC, e.id LIMIT $limit
  RETURN e { .id, .type, .title, date: ${dateView('e')} } AS event`;

/**
 * The latest events an editor reviewed (committed from a draft: `review: 'reviewed'`; events loaded without review
 * carry no mark). Through the (review, date) index, which holds only reviewed events: a few rows read, however many
 * events were loaded automatically. The hint keeps that plan whatever the statistics say.
 */
const LATEST_REVIEWED = `
  MATCH (e:Event) USING INDEX e:Event(review, date) WHERE e.review = 'reviewed' AND e.date IS NOT NULL
  WITH e ORDER BY e.review DESC, e.date DESC, e.id LIMIT $limit
  RETURN e { .id, .type, .title, date: ${dateView('e')} } AS event`;

export async function readLatestReviewed(db: Db, limit: number): Promise<Stats['latest']> {
  const rows = await read<{ event: Stats['latest'][number] }>(db, LATEST_REVIEWED, { limit });
  return rows.map((row) => row.event);
}

export async function readStats(db: Db, latest: number): Promise<Stats> {
  const [counts, first, events] = await Promise.all([
    readOne<Stats['counts']>(db, COUNTS),
    readOne<string>(db, FIRST_EVENT),
    read<{ event: Stats['latest'][number] }>(db, LATEST_EVENTS, { limit: latest }),
  ]);
  const latestEvents = events.map((row) => row.event);
  const last = latestEvents[0]?.date.start;
  return {
    counts: counts ?? { events: 0, actors: 0, articles: 0, reactions: 0 },
    span: first && last ? { first, last } : null,
    latest: latestEvents,
  };
}
