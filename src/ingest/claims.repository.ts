import type { ManagedTransaction } from 'neo4j-driver';
import { spanDays } from '../db/cypher';
import { rekeyParticipations } from '../db/participation-order';
import { toParams, toPlain } from '../db/plain';
import { atPrecision, lastDay } from '../domain/calendar';
import { resolveClaims, type Choices, type Claim, type ClaimField } from '../domain/claims';

/**
 * Keeps an event's shown values and open conflicts in step with its sources' claims (domain/claims.ts), in the
 * transaction that adds a claim or a choice. Claims live on REPORTED_IN (`r.claim`, one per article);
 * choices on the event (`e.choices`, JSON of field → article); open conflicts as `e.conflicts` (field
 * names) and `e.conflicted`, both set only while there are any, so the index of conflicted events stays small
 * and an event one article reports carries neither.
 */

const CLAIMS_OF = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  WHERE COUNT { MATCH (e)-[:REPORTED_IN]->(art:Article) RETURN DISTINCT art } > 1 OR e.conflicted IS NOT NULL OR e.choices IS NOT NULL
  RETURN id, e.choices AS choices, coalesce(e.conflicts, []) AS before,
         COLLECT { MATCH (e)-[r:REPORTED_IN]->(art:Article) WHERE r.claim IS NOT NULL
                   RETURN DISTINCT { article: art.id, publishedAt: toString(art.publishedAt), claim: r.claim } AS c } AS claims`;

const SHOW = `
  UNWIND $rows AS row
  MATCH (e:Event {id: row.id})
  SET e.date = date(row.date.start), e.endDate = date(row.date.end), e.lastDate = date(row.lastDate),
      e.spanDays = ${spanDays('date(row.date.start)', 'date(row.lastDate)')},
      e.precision = row.date.precision,
      e.figureCount = row.figures.count, e.figureUnit = row.figures.unit, e.figureApproximate = row.figures.approximate,
      e.place = row.place,
      e.conflicts = CASE WHEN size(row.conflicts) > 0 THEN row.conflicts ELSE null END,
      e.conflicted = CASE WHEN size(row.conflicts) > 0 THEN true ELSE null END`;

interface ClaimsRow {
  id: string;
  choices: string | null;
  before: ClaimField[];
  claims: Array<{ article: string; publishedAt: string; claim: string }>;
}

export interface Settled {
  id: string;
  /** Conflicts this write opened. */
  opened: ClaimField[];
}

/** Recomputes what these events show from their claims; returns the conflicts each write opened. */
export async function settleClaims(tx: ManagedTransaction, ids: readonly string[]): Promise<Settled[]> {
  if (ids.length === 0) return [];
  const { records } = await tx.run(CLAIMS_OF, { ids: [...ids] });
  const rows = records.map((r) => toPlain(r.toObject()) as ClaimsRow).filter((row) => row.claims.length > 0);
  const shown = rows.map((row) => {
    const claims: Claim[] = row.claims.map((c) => ({ article: c.article, publishedAt: c.publishedAt, ...JSON.parse(c.claim) }));
    const choices = row.choices ? (JSON.parse(row.choices) as Choices) : {};
    return { row, result: resolveClaims(claims, choices) };
  });
  const writes = shown.map(({ row, result }) => ({
    id: row.id,
    date: result.date,
    lastDate: result.date.end ?? lastDay(atPrecision(result.date.start, result.date.precision)),
    figures: result.figures ?? { count: null, unit: null, approximate: null },
    place: result.place,
    conflicts: result.conflicts,
  }));
  if (writes.length > 0) await tx.run(SHOW, toParams({ rows: writes }) as Record<string, unknown>);
  // The date shown may have changed: its participations' place in their actors' date order with it.
  await rekeyParticipations(
    tx,
    writes.map((w) => w.id),
  );
  return shown.map(({ row, result }) => ({ id: row.id, opened: result.conflicts.filter((f) => !row.before.includes(f)) }));
}
