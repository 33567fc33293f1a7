import { read, readOne, type Db } from '../db/query';
import { ActorKind, type Actor } from '../domain/model';

/** The reads that ingesting a new article needs: known actors, events it may re-report, ids already taken. */

/** Actor resolution reads every actor into memory; past this many, the rest are left out (and the fact is logged). */
export const MAX_KNOWN_ACTORS = 20_000;

const KNOWN_ACTORS = `
  MATCH (a:Actor)
  RETURN a { .id, .name, .kind, aliases: coalesce(a.aliases, []), .description } AS actor
  ORDER BY a.id
  LIMIT $limit`;

/** The actors the knowledge base holds, with their aliases, as the extractor takes them; at most `limit`. */
export async function readKnownActors(db: Db, limit = MAX_KNOWN_ACTORS): Promise<Actor[]> {
  const rows = await read<{ actor: { id: string; name: string; kind: string; aliases: string[]; description: string | null } }>(db, KNOWN_ACTORS, { limit });
  return rows.flatMap(({ actor }) => {
    const kind = ActorKind.safeParse(actor.kind);
    if (!kind.success) return [];
    const known: Actor = { id: actor.id, name: actor.name, kind: kind.data, aliases: actor.aliases };
    if (actor.description) known.description = actor.description;
    return [known];
  });
}

/** A new event, reduced to what decides whether the knowledge base already has it. */
export interface ReportedEventQuery {
  index: number;
  type: string;
  /** First and last day the new event may cover (ISO days). */
  date: string;
  lastDate: string;
  /** The new event's principal actors; never empty. */
  agents: string[];
}

export interface ReportedEventMatch {
  index: number;
  id: string;
  title: string;
  definedIn: string | null;
  /** Whether this very article already reports the event (a repeated load). */
  reportedHere: boolean;
}

/**
 * For each new event, the existing events of the same type whose dates overlap its dates and in which every
 * one of its principal actors takes part as agent, host, guest or source. The (type, date) index narrows the
 * search. Candidates already reported by this article come first, then the oldest.
 */
const FIND_REPORTED_EVENTS = `
  UNWIND $events AS row
  MATCH (e:Event)
  WHERE e.type = row.type AND e.date <= date(row.lastDate) AND e.lastDate >= date(row.date)
    AND all(agent IN row.agents WHERE EXISTS {
          MATCH (:Actor {id: agent})-[p:PARTICIPATED_IN]->(e) WHERE p.role IN $principalRoles })
  WITH row, e, EXISTS { (e)-[:REPORTED_IN]->(:Article {id: $articleId}) } AS reportedHere
  ORDER BY row.index, reportedHere DESC, e.date, e.id
  RETURN row.index AS index, e.id AS id, e.title AS title, e.definedIn AS definedIn, reportedHere`;

/** Roles in which an existing event's actor counts as one of its principals. */
export const PRINCIPAL_ROLES = ['agent', 'host', 'guest', 'source'] as const;

export function findReportedEvents(db: Db, articleId: string, events: ReportedEventQuery[]): Promise<ReportedEventMatch[]> {
  if (events.length === 0) return Promise.resolve([]);
  return read<ReportedEventMatch>(db, FIND_REPORTED_EVENTS, { articleId, events, principalRoles: [...PRINCIPAL_ROLES] });
}

const EVENT_IDS_TAKEN = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  WHERE NOT (coalesce(e.definedIn, '') = $articleId
             OR (e.definedIn IS NULL AND EXISTS { (e)-[:REPORTED_IN]->(:Article {id: $articleId}) }))
  RETURN collect(e.id) AS ids`;

/** Which of these event ids already name an event that another article defines. */
export async function eventIdsTaken(db: Db, articleId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await readOne<string[]>(db, EVENT_IDS_TAKEN, { articleId, ids })) ?? []);
}

const STORED_ARTICLE = `
  MATCH (a:Article {id: $id})
  RETURN a { .id, .title, .text } AS article`;

export function findStoredArticle(db: Db, id: string): Promise<{ id: string; title: string; text: string } | undefined> {
  return readOne(db, STORED_ARTICLE, { id });
}

export interface ArticleReport {
  events: Array<{ id: string; type: string; title: string; merged: boolean }>;
  actors: Array<{ id: string; name: string }>;
}

/**
 * What an article stored earlier reports: its events (`merged` when another article defines them) and the
 * actors it names as their participants.
 */
const ARTICLE_REPORT = `
  MATCH (art:Article {id: $id})
  CALL (art) {
    MATCH (e:Event)-[r:REPORTED_IN]->(art)
    WITH e, min(r.start) AS position
    ORDER BY position, e.id
    RETURN collect(e { .id, .type, .title, merged: coalesce(e.definedIn <> $id, false) }) AS events
  }
  CALL (art) {
    MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e:Event)-[:REPORTED_IN]->(art)
    WHERE $id IN coalesce(p.articles, [e.definedIn])
    WITH DISTINCT a
    ORDER BY a.id
    RETURN collect(a { .id, .name }) AS actors
  }
  RETURN { events: events, actors: actors } AS report`;

export async function readArticleReport(db: Db, id: string): Promise<ArticleReport> {
  return (await readOne<ArticleReport>(db, ARTICLE_REPORT, { id })) ?? { events: [], actors: [] };
}
