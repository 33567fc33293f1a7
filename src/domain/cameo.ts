import { TAXONOMY, type EventType, type Role } from './taxonomy';

/**
 * The conflict–cooperation weight of the CAMEO codes the taxonomy uses, on the Goldstein (1992) scale from
 * −10 (most conflictual) to +10 (most cooperative), as GDELT and ICEWS apply it to CAMEO (GDELT's
 * CAMEO.goldsteinscale.txt). A new event type's code needs its weight here (a unit test checks every code of
 * the taxonomy has one, and that docs/cameo-plover-crosswalk.md gives the same weight).
 */
export const GOLDSTEIN: Readonly<Record<string, number>> = {
  '010': 0, // make public statement
  '020': 3, // make an appeal or request
  '030': 4, // express intent to cooperate
  '033': 5.2, // express intent to provide material aid
  '040': 1, // consult
  '043': 2.8, // host a visit
  '051': 3.4, // praise or endorse
  '054': 6, // grant diplomatic recognition
  '057': 8, // sign formal agreement
  '060': 6, // engage in material cooperation
  '070': 7, // provide aid
  '072': 8.3, // provide military aid
  '081': 5, // ease administrative sanctions
  '0841': 7, // return, release person(s)
  '085': 7, // ease economic sanctions, boycott, embargo
  '0871': 9, // declare truce, ceasefire
  '111': -2, // criticize or denounce
  '116': -2, // find guilty or liable (legally)
  '120': -4, // reject
  '130': -4.4, // threaten
  '141': -6.5, // demonstrate or rally
  '154': -7.2, // mobilize or increase armed forces
  '160': -4, // reduce relations
  '161': -4, // reduce or break diplomatic relations
  '163': -8, // impose embargo, boycott, or sanctions
  '173': -5, // arrest, detain
  '190': -10, // use conventional military force
};

/** CAMEO's four classes, read from a code's root: verbal and material cooperation, verbal and material conflict. */
export const QUAD_CLASSES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'] as const;
export type QuadClass = 1 | 2 | 3 | 4;

export function quadClass(code: string): QuadClass {
  const root = Number(code.slice(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

/**
 * An event's CAMEO code: its type's, except that talks with a host and a guest are CAMEO's "host a visit"
 * (043; the host is the agent side), while other talks stay the residual "consult" (040).
 */
export function cameoCodeOf(type: EventType, roles: Iterable<Role> = []): string | null {
  if (type === 'talks') {
    const present = new Set(roles);
    if (present.has('host') && present.has('guest')) return '043';
  }
  return TAXONOMY[type].cameo;
}

/** An event's PLOVER coding: its type's category, mode and context, and why it has no category, if so. */
export function ploverCoding(type: EventType, roles: Iterable<Role> = []) {
  const entry: { plover: string | null; mode: string | null; context: readonly string[]; outsidePlover?: string } = TAXONOMY[type];
  const cameo = cameoCodeOf(type, roles);
  // a talk with a host and a guest is PLOVER's CONSULT `visit`, as CAMEO's 043
  const mode = type === 'talks' ? (cameo === '043' ? 'visit' : null) : entry.mode;
  return { event: entry.plover, mode, context: [...entry.context], noEvent: entry.outsidePlover ?? null, cameo };
}

/** A CAMEO code's weight and class, or null for no code (nominations, elections). */
export function scoreOfCode(code: string | null): { goldstein: number; quad: QuadClass } | null {
  if (code === null) return null;
  const goldstein = GOLDSTEIN[code];
  return goldstein === undefined ? null : { goldstein, quad: quadClass(code) };
}

/** An event type's CAMEO weight and class, or null for the types CAMEO has no code for (nominations, elections). */
export function scoreOf(type: EventType): { goldstein: number; quad: QuadClass } | null {
  return scoreOfCode(TAXONOMY[type].cameo);
}
