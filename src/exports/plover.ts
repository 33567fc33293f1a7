import { ploverCoding } from '../domain/cameo';
import type { ActorRecord, ExportEvent } from './exports.schemas';
import { agentSide, primarySource, targetSide } from './records';

/**
 * PLOVER records (Open Event Data Alliance, "PLOVER: Event, Actor and Data Interchange Specification",
 * Data Fields chapter), one JSON object per line as the specification suggests (JSONL). Core fields:
 * id, date, enddate, actor, recipient, event, mode, context, event_loc, text, cite_info, link. Each record
 * has one `event` category and one `mode` (or null), and `context` as a list, all read from the taxonomy.
 * Event types PLOVER drops (statements) or has no category for (nominations, elections) keep their record
 * with `event: null` and the reason in `no_event`, so nothing is lost; filter on `event` to get PLOVER proper.
 * Project fields beyond the core: `no_event`, `cameo` (the CAMEO code) and `kb`, the whole event as
 * `kb import` reads it.
 */

/** An event's PLOVER coding: its type's category, mode and context; talks with a host and a guest are a visit. */
export const ploverEvent = (event: Pick<ExportEvent, 'type' | 'participants'>) =>
  ploverCoding(
    event.type,
    event.participants.map((p) => p.role),
  );

/**
 * PLOVER's actor object: the name as written, the CAMEO-style `code` and `sector`, and as `identifier_id` the
 * Wikidata id the manual asks for (null where none is known); `kb_id` is the project's own stable id.
 */
const entity = (actor: ActorRecord) => ({
  entity_text: actor.name,
  code: actor.code,
  sector: actor.sector,
  country: actor.country,
  identifier_id: actor.wikidata,
  identifier_text: actor.name,
  kb_id: actor.id,
});

export function ploverRecord(event: ExportEvent) {
  const coding = ploverEvent(event);
  const source = primarySource(event);
  const { id, ...kb } = event;
  return {
    id,
    date: event.date.start,
    enddate: event.date.end,
    actor: agentSide(event).map(({ actor }) => entity(actor)),
    recipient: targetSide(event).map(({ actor }) => entity(actor)),
    event: coding.event,
    mode: coding.mode,
    context: coding.context,
    event_loc: event.place === null ? null : { extracted_place: event.place },
    text: source.quote,
    cite_info: { title: source.article.title, url: source.article.url, publication: source.article.publisher },
    link: [...new Set(event.links.map((link) => link.to))],
    ...(coding.noEvent === null ? {} : { no_event: `no PLOVER category: ${coding.noEvent}` }),
    cameo: coding.cameo,
    kb,
  };
}

/**
 * One record as one line. JSON.stringify never writes a raw line break inside a string; U+2028 and U+2029
 * are escaped too, so tools that also split lines on them read the same records.
 */
export function ploverLine(event: ExportEvent): string {
  return `${JSON.stringify(ploverRecord(event))
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}\n`;
}

export async function* ploverChunks(events: AsyncIterable<ExportEvent>): AsyncGenerator<string> {
  for await (const event of events) yield ploverLine(event);
}

/** The event a PLOVER line written by `kb export` describes, before validation; issue paths start at `kb`. */
export function ploverToEventInput(record: unknown): { input: unknown; problem?: string } {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return { input: undefined, problem: 'not a JSON object' };
  const { id, kb } = record as { id?: unknown; kb?: unknown };
  if (kb === null || typeof kb !== 'object' || Array.isArray(kb)) {
    return { input: undefined, problem: 'no "kb" object: only records written by `kb export --format plover` can be imported' };
  }
  return { input: { id, ...(kb as Record<string, unknown>) } };
}
