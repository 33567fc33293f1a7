import type { Db } from '../db/query';
import { deriveMeasures, lineKey, measureKeys, type Measure, type SanctionsEvent, type SanctionsParticipant } from '../domain/sanctions';
import {
  markAllForRebuild,
  MEASURES_VERSION,
  measuresVersion,
  readStaleEvents,
  rewriteLines,
  setMeasuresVersion,
  unmark,
  type Derive,
  type LineChunk,
  type StaleEvent,
} from './sanctions.repository';

/**
 * Keeping the measures in step with the events. They are derived data, like the activity summaries, but a
 * line's measures depend on all of its events in order, so a load does not recompute them: its transaction only
 * marks the events it wrote that are (or were) sanctions events (`markStale`), and after the load this refresh
 * recomputes each marked event's lines once, however many batches touched them: the lines it belongs to now,
 * and those of the measures derived from it so far (it may have left them). Lines go in chunks, one
 * transaction each: read the lines' events, derive, replace the lines' measures, unmark.
 */

/** Lines per transaction: a few hundred lines of a handful of events each, or fewer busy ones. */
const LINES_PER_CHUNK = 200;
/** Loads running meanwhile may mark events again; a few rounds catch up, later refreshes do the rest. */
const MAX_ROUNDS = 5;

const linesOf = (participants: SanctionsParticipant[]) => [...new Set(measureKeys({ participants }).map((k) => lineKey(k.authority, k.target)))].sort();

/**
 * Every measure of a set of events read whole (each line's events all among them): what a refresh of all their
 * lines writes. A bulk load derives its measures this way, from the events it imports.
 */
export function measuresOfEvents(events: readonly SanctionsEvent[]): Measure[] {
  const byLine = new Map<string, SanctionsEvent[]>();
  for (const event of events) {
    for (const line of linesOf(event.participants)) {
      const lineEvents = byLine.get(line) ?? [];
      lineEvents.push(event);
      byLine.set(line, lineEvents);
    }
  }
  return [...byLine.keys()].sort().flatMap((line) => {
    const [authority = '', target = ''] = line.split('|');
    return deriveMeasures(authority, target, byLine.get(line) ?? []);
  });
}

interface Plan {
  chunks: LineChunk[];
  /** Marked events without any line: nothing to recompute, only the mark to clear. */
  lineless: string[];
  /** Each marked event's lines by its participants when the plan was made. */
  current: Map<string, string[]>;
}

/**
 * Lines in a fixed order (so concurrent refreshes take locks in the same order), cut into chunks. An event is
 * read by every chunk holding one of its lines and unmarked by the last of them.
 */
export function planChunks(stale: StaleEvent[]): Plan {
  const current = new Map(stale.map((e) => [e.id, linesOf(e.participants)]));
  const linesOfEvent = new Map(stale.map((e) => [e.id, [...new Set([...(current.get(e.id) ?? []), ...e.lines])]]));
  const lines = [...new Set([...linesOfEvent.values()].flat())].sort();
  const chunkOf = new Map(lines.map((line, i) => [line, Math.floor(i / LINES_PER_CHUNK)]));
  const chunks: LineChunk[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_CHUNK) chunks.push({ lines: lines.slice(i, i + LINES_PER_CHUNK), marked: [], owned: [] });
  const lineless: string[] = [];
  for (const [id, eventLines] of linesOfEvent) {
    if (eventLines.length === 0) lineless.push(id);
    const indexes = [...new Set(eventLines.map((line) => chunkOf.get(line) as number))];
    for (const index of indexes) chunks[index]?.marked.push(id);
    if (indexes.length > 0) chunks[Math.max(...indexes)]?.owned.push(id);
  }
  return { chunks, lineless, current };
}

/**
 * The derivation of one chunk. An event it unmarks must have been read the same way by every chunk that used
 * it, with the lines the plan gave it: otherwise a load changed it meanwhile, and it stays marked for the next
 * round (its lines are recomputed then).
 */
function deriver(chunk: LineChunk, plan: Plan, seen: Map<string, string>): Derive {
  return (events) => {
    const byLine = new Map<string, SanctionsEvent[]>(chunk.lines.map((line) => [line, []]));
    const changed = new Set<string>();
    for (const event of events) {
      const lines = linesOf(event.participants);
      for (const line of lines) byLine.get(line)?.push(event);
      const state = JSON.stringify([event, lines]);
      if ((seen.get(event.id) ?? state) !== state || (plan.current.has(event.id) && plan.current.get(event.id)?.join() !== lines.join())) changed.add(event.id);
      seen.set(event.id, state);
    }
    // Read by an earlier chunk, gone now (no longer a sanctions event): that chunk derived from it.
    const read = new Set(events.map((e) => e.id));
    for (const id of chunk.owned) if (seen.has(id) && !read.has(id)) changed.add(id);
    const measures: Measure[] = [...byLine].flatMap(([line, lineEvents]) => {
      const [authority = '', target = ''] = line.split('|');
      return deriveMeasures(authority, target, lineEvents);
    });
    return { measures, remark: chunk.owned.filter((id) => changed.has(id)) };
  };
}

/** Recomputes the lines of every marked event; answers how many lines were rewritten. */
export async function refreshMeasures(db: Db): Promise<number> {
  let rewritten = 0;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const stale = await readStaleEvents(db);
    if (stale.length === 0) break;
    const plan = planChunks(stale);
    if (plan.lineless.length > 0) await unmark(db, plan.lineless);
    const seen = new Map<string, string>();
    for (const chunk of plan.chunks) {
      await rewriteLines(db, chunk, deriver(chunk, plan, seen));
      rewritten += chunk.lines.length;
    }
  }
  return rewritten;
}

/**
 * At start, and before loads: a database whose measures were never built (or by another version of the rule)
 * gets them from all its sanctions events; marks a crash left behind are refreshed.
 */
export async function ensureMeasures(db: Db, log: (message: string) => void = () => {}): Promise<void> {
  if ((await measuresVersion(db)) !== MEASURES_VERSION) {
    log('Deriving the sanctions measures of the events loaded so far (once) …');
    await markAllForRebuild(db);
    await refreshMeasures(db);
    await setMeasuresVersion(db);
    return;
  }
  await refreshMeasures(db);
}
