import { TAXONOMY } from '../domain/taxonomy';
import type { EventType } from '../domain/model';
import type { ActorRecord, ExportEvent } from './exports.schemas';
import { agentSide, primarySource, targetSide } from './records';

/**
 * PLOVER records (Open Event Data Alliance, "PLOVER: Event, Actor and Data Interchange Specification",
 * Data Fields chapter), one JSON object per line as the specification suggests (JSONL). Core fields:
 * id, date, enddate, actor, recipient, event, mode, context, event_loc, text, cite_info, link. Event types
 * that PLOVER drops (statements, appeals) or has no category for (nominations, elections) keep their
 * record with an empty `event` list, so nothing is lost; filter on `event` to get PLOVER proper.
 * Project fields beyond the core: `cameo` (the CAMEO code) and `kb`, the whole event as `kb import` reads it.
 */

/**
 * Mode and context per type, after the OEDA CAMEO→PLOVER mapping (CAMEO2PLOVER-2021) of each type's CAMEO
 * code, and the manual where the taxonomy's category differs (sanctions: SANCTION `discontinue`).
 */
const PLOVER_DETAIL: Record<EventType, { mode: string[]; context: string[] }> = {
  talks: { mode: [], context: ['diplomatic'] },
  nomination: { mode: [], context: [] },
  prisoner_release: { mode: ['release'], context: ['legal'] },
  pardon: { mode: [], context: ['legal'] },
  sanctions_lifted: { mode: ['ease'], context: ['economic'] },
  sanctions_imposed: { mode: ['discontinue'], context: ['economic'] },
  agreement: { mode: [], context: ['diplomatic'] },
  relations_restored: { mode: [], context: ['diplomatic'] },
  intent: { mode: [], context: ['diplomatic'] },
  statement: { mode: [], context: [] },
  endorsement: { mode: [], context: ['diplomatic'] },
  criticism: { mode: ['disapprove'], context: [] },
  appeal: { mode: [], context: [] },
  detention: { mode: ['arrest'], context: ['legal'] },
  election: { mode: [], context: ['elections'] },
  military_support: { mode: [], context: ['military'] },
};

/** A visit (CAMEO 042/043) is a meeting with a host and a guest; other talks have no mode. */
export function ploverMode(event: ExportEvent): string[] {
  if (event.type === 'talks') {
    const roles = new Set(event.participants.map((p) => p.role));
    return roles.has('host') && roles.has('guest') ? ['visit'] : [];
  }
  return PLOVER_DETAIL[event.type].mode;
}

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
  const { cameo, plover } = TAXONOMY[event.type];
  const source = primarySource(event);
  const { id, ...kb } = event;
  return {
    id,
    date: event.date.start,
    enddate: event.date.end,
    actor: agentSide(event).map(({ actor }) => entity(actor)),
    recipient: targetSide(event).map(({ actor }) => entity(actor)),
    event: plover === null ? [] : [plover],
    mode: ploverMode(event),
    context: PLOVER_DETAIL[event.type].context,
    event_loc: event.place === null ? null : { extracted_place: event.place },
    text: source.quote,
    cite_info: { title: source.article.title, url: source.article.url, publication: source.article.publisher },
    link: [...new Set(event.links.map((link) => link.to))],
    cameo,
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
