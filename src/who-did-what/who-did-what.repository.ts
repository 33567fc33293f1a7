import { read, type Db } from '../db/query';
import { AGENT_ROLES, TARGET_ROLES } from '../domain/taxonomy';
import type { WhoDidWhatRow } from './who-did-what.schemas';

export interface WhoDidWhatFilter {
  actor: string | null;
  action: string | null;
  target: string | null;
  from: string | null;
  to: string | null;
}

/** Each event read as agent side → type → target side, with its first quote. `label` is added by the service. */
const WHO_DID_WHAT = `
  MATCH (e:Event)
  WHERE ($action IS NULL OR e.type = $action)
    AND ($from IS NULL OR e.lastDate >= date($from))
    AND ($to IS NULL OR e.date <= date($to))
    AND ($actor IS NULL OR EXISTS { MATCH (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e) })
    AND ($target IS NULL OR EXISTS {
      MATCH (:Actor {id: $target})-[p:PARTICIPATED_IN]->(e) WHERE p.role IN $targetRoles })
  WITH e ORDER BY e.date, e.id LIMIT $limit
  MATCH (e)-[r:REPORTED_IN]->(art:Article)
  WITH e, r, art ORDER BY art.publishedAt, r.rank
  WITH e, head(collect({ quote: r.quote, article: art { .id, .title } })) AS source
  RETURN {
    event: e { .id, .title },
    who: CASE WHEN EXISTS { MATCH (:Actor)-[p:PARTICIPATED_IN]->(e) WHERE p.role IN $agentRoles }
         THEN COLLECT { MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e) WHERE p.role IN $agentRoles
                        RETURN DISTINCT a { .id, .name, .kind } AS a ORDER BY a.name }
         ELSE COLLECT { MATCH (a:Actor)-[p:PARTICIPATED_IN {role: 'source'}]->(e)
                        RETURN DISTINCT a { .id, .name, .kind } AS a ORDER BY a.name } END,
    saidBy: COLLECT { MATCH (a:Actor)-[p:PARTICIPATED_IN {role: 'source'}]->(e)
                      RETURN DISTINCT a { .id, .name, .kind } AS a ORDER BY a.name },
    did: e.type,
    toWhom: COLLECT { MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e) WHERE p.role IN $targetRoles
                      RETURN DISTINCT a { .id, .name, .kind } AS a ORDER BY a.name },
    date: { start: toString(e.date), end: toString(e.endDate), precision: e.precision },
    place: e.place,
    figures: CASE WHEN e.figureCount IS NULL THEN null
             ELSE { count: e.figureCount, unit: e.figureUnit, approximate: coalesce(e.figureApproximate, false) } END,
    quote: source.quote,
    article: source.article
  } AS row
  ORDER BY row.date.start, row.event.id`;

export async function whoDidWhat(db: Db, filter: WhoDidWhatFilter, limit: number): Promise<Array<Omit<WhoDidWhatRow, 'label'>>> {
  const params = { ...filter, limit, agentRoles: AGENT_ROLES, targetRoles: TARGET_ROLES };
  const rows = await read<{ row: Omit<WhoDidWhatRow, 'label'> }>(db, WHO_DID_WHAT, params);
  return rows.map((r) => r.row);
}
