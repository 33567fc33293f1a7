import { TAXONOMY, type EventType } from './taxonomy';

/**
 * The conflict–cooperation weight of the CAMEO codes the taxonomy uses, on the Goldstein (1992) scale from
 * −10 (most conflictual) to +10 (most cooperative), as GDELT and ICEWS apply it to CAMEO. A new event type's
 * code needs its weight here (a unit test checks every code of the taxonomy has one).
 */
export const GOLDSTEIN: Readonly<Record<string, number>> = {
  '010': 0, // make public statement
  '020': 3, // make an appeal or request
  '030': 4, // express intent to cooperate
  '043': 2.8, // host a visit
  '051': 3.4, // praise or endorse
  '054': 6, // grant diplomatic recognition
  '057': 8, // sign formal agreement
  '0841': 7, // return, release person(s)
  '085': 7, // ease economic sanctions, boycott, embargo
  '111': -2, // criticize or denounce
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

/** An event type's CAMEO weight and class, or null for the types CAMEO has no code for (nominations, elections). */
export function scoreOf(type: EventType): { goldstein: number; quad: QuadClass } | null {
  const code = TAXONOMY[type].cameo;
  if (code === null) return null;
  const goldstein = GOLDSTEIN[code];
  return goldstein === undefined ? null : { goldstein, quad: quadClass(code) };
}
