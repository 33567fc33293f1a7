import { EVENT_TYPES, TAXONOMY, type EventType } from '../domain/taxonomy';
import type { FieldRecord } from './field-record';

/** An event type, or why a record has none. */
export type TypeMatch = { type: EventType } | { skip: string };

const byCode = new Map<string, EventType>();
for (const type of EVENT_TYPES) {
  const code = TAXONOMY[type].cameo;
  // several types share a code (161: severed relations, recalled ambassadors…): the first in the taxonomy's order speaks for it
  if (code !== null && !byCode.has(code)) byCode.set(code, type);
}

/**
 * A root's general type, when the exact code and its base code are absent: the type whose code is the
 * root's residual code (`040` consult for root 04), else the one type of that root that stands for the
 * root's general meaning (CAMEO 1.1b3: 11 disapprove → criticise, 14 protest → demonstrate, 15 exhibit force
 * posture → mobilise). Roots whose codes the taxonomy covers only in part (05 diplomatic cooperation, 08
 * yield, 17 coerce) have no such type, nor those it has no type of (09 investigate, 10 demand, 18 assault,
 * 20 unconventional mass violence): their other codes are skipped.
 */
const ROOT_GENERAL: Readonly<Record<string, EventType>> = {
  '11': 'criticism',
  '14': 'protest',
  '15': 'mobilization',
};

/** GDELT: the exact CAMEO code, else its base code, else its root's general type. */
export function typeOfCameo(cameo: NonNullable<FieldRecord['cameo']>): TypeMatch {
  const type = byCode.get(cameo.code) ?? byCode.get(cameo.base) ?? byCode.get(`${cameo.root}0`) ?? ROOT_GENERAL[cameo.root];
  return type ? { type } : { skip: `no event type for CAMEO code ${cameo.code} (root ${cameo.root})` };
}

/**
 * POLECAT: the type of the PLOVER category and mode; else the category's type without a mode; else the
 * category's only type. A category the taxonomy splits by mode (SANCTION) needs a mode it knows.
 */
export function typeOfPlover(plover: NonNullable<FieldRecord['plover']>): TypeMatch {
  const ofCategory = EVENT_TYPES.filter((type) => TAXONOMY[type].plover === plover.event);
  const type =
    ofCategory.find((t) => plover.mode !== null && TAXONOMY[t].mode === plover.mode) ??
    ofCategory.find((t) => TAXONOMY[t].mode === null) ??
    (ofCategory.length === 1 ? ofCategory[0] : undefined);
  if (type) return { type };
  const mode = plover.mode === null ? 'no mode' : `mode "${plover.mode}"`;
  return { skip: `no event type for PLOVER ${plover.event} with ${mode}` };
}

export function typeOfRecord(record: FieldRecord): TypeMatch {
  if (record.cameo) return typeOfCameo(record.cameo);
  if (record.plover) return typeOfPlover(record.plover);
  return { skip: 'no event code' };
}
