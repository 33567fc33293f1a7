import type { EventType } from '../../domain/model';
import { clauseAt, subjectBefore, type Clause } from './clauses';
import type { Mention } from './mentions';
import type { Trigger } from './triggers';

/**
 * Who did it and to whom, read off the clause of a trigger: the subject and object of a verb, the "by" phrase
 * and subject of a passive, the possessor, modifier or light verb's subject of a noun ("the United States
 * announcing the lifting of sanctions"), the "between" phrase of talks. Returns no agents when the clause names
 * none; the caller decides whether an agent may be inferred.
 */
export interface Roles {
  agents: Mention[];
  targets: Mention[];
}

export interface RoleContext {
  sentence: string;
  heads: Mention[];
  clauses: Clause[];
  /** Where each trigger of the sentence starts: an object phrase ends where the next event is reported. */
  triggerStarts: number[];
}

/** Words that end an object phrase: what follows is a purpose, a time or a reason, not whom it was done to. */
const OBJECT_STOP = /\s(?:to|for|over|because|as|saying|amid|after|before|during|while|since|when|but|following|ahead|that|which|who|under)\s|;/;
const LIGHT_VERB =
  /^\s+(?:announced|announcing|announces|confirmed|confirming|ordered|approved|completed|declared|granted|carried out|conducted|reaffirmed|pledged|offered|provided|secured|brokered|began|begun|started|launched)\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[a-z-]+\s+){0,2}$/;
const SANCTIONS = new Set(['sanctions_lifted', 'sanctions_imposed']);
const VISIT = /^(?:visited|visits|visiting|travell?ed to|flew to|went to|arrived in)/i;

export function rolesOf(trigger: Trigger, context: RoleContext): Roles {
  const clause = clauseAt(context.clauses, trigger.index);
  if (trigger.form === 'noun') return nounRoles(trigger, clause, context);
  if (trigger.form === 'passive') return passiveRoles(trigger, clause, context);
  return verbRoles(trigger, clause, context);
}

function verbRoles(trigger: Trigger, clause: Clause, context: RoleContext): Roles {
  const agents = subjectOf(trigger, clause, context);
  const targets = trigger.type === 'intent' ? complementOf(trigger, clause, context) : objectOf(trigger, clause, context);
  return { agents, targets: VISIT.test(trigger.text) ? targets : targets.filter((t) => !agents.includes(t)) };
}

function passiveRoles(trigger: Trigger, clause: Clause, context: RoleContext): Roles {
  const by = byPhrase(trigger.end, clause, context);
  const undergoer = clause.kind === 'relative' ? clause.antecedent : subjectBefore(context.sentence, context.heads, clause.start, trigger.index);
  return { agents: by, targets: undergoer };
}

function nounRoles(trigger: Trigger, clause: Clause, context: RoleContext): Roles {
  const { sentence, heads } = context;
  if (trigger.type === 'talks') return talksNounRoles(trigger, clause, context);
  const inside = SANCTIONS.has(trigger.type) ? heads.filter((m) => m.index >= trigger.index && m.end <= trigger.end) : []; // "lifting of US sanctions"
  const before = heads.filter((m) => m.index >= clause.start && m.end <= trigger.index);
  const last = before[before.length - 1];
  const gap = last ? sentence.slice(last.end, trigger.index) : '';
  // "Belarus's support for …", "US sanctions": the owner or the modifier of the noun
  const possessor = last && (/^['’]s?\s+(?:[a-z-]+\s+){0,2}$/.test(gap) || /^\s+$/.test(gap)) ? [last] : [];
  const lightVerb = last && LIGHT_VERB.test(gap) ? subjectChainEndingWith(last, before, sentence) : [];
  const fromOrBy = phraseAfter(/^[^,.;]{0,40}?\b(?:by|from)\s+/, trigger.end, clause, context);
  // "Coale's appointment" names the appointee; only "Trump's nomination of Coale" names who nominated
  const possessorActs = trigger.type !== 'nomination' || /^\s+of\b/.test(sentence.slice(trigger.end));
  // "a ceasefire between Sudan and South Sudan": both sides did it
  const between = trigger.type === 'ceasefire' ? phraseAfter(/^\s+between\s+/, trigger.end, clause, context) : [];
  const agents = unique([...inside, ...(possessorActs ? possessor : []), ...lightVerb, ...fromOrBy, ...between]);
  const targets = objectOf(trigger, clause, context).filter((t) => !agents.includes(t));
  if (!possessorActs) targets.unshift(...possessor);
  return { agents, targets };
}

/** "talks between A and B", "A's involvement in talks in Minsk", "talks with B". */
function talksNounRoles(trigger: Trigger, clause: Clause, context: RoleContext): Roles {
  const between = phraseAfter(/^[^.;]{0,60}?\bbetween\s+/, trigger.end, clause, context);
  const partners = phraseAfter(/^\s+with\s+/, trigger.end, clause, context);
  if (between.length > 0) return { agents: between, targets: [] };
  // "shuttle diplomacy by Thailand's foreign minister", "a telephone call from Kenya's president"
  const by = phraseAfter(/^\s+(?:by|from)\s+/, trigger.end, clause, context);
  if (by.length > 0) return { agents: by, targets: partners };
  return { agents: subjectOf(trigger, clause, context), targets: partners };
}

function subjectOf(trigger: Trigger, clause: Clause, context: RoleContext): Mention[] {
  const own = subjectBefore(context.sentence, context.heads, clause.start, trigger.index);
  // "Ghana, which had recalled …": the noun the clause describes; "the deal, which Kenya and Tanzania signed": its own
  if (clause.kind === 'relative') return own.length > 0 ? own : clause.antecedent;
  if (own.length > 0) return own;
  // a clause opened by a verb ("… but denied …") shares the subject of the clause before it
  const earlier = context.clauses.filter((c) => c.end <= clause.start && c.kind === 'main').reverse();
  for (const c of earlier) {
    const subject = subjectBefore(context.sentence, context.heads, c.start, c.end);
    if (subject.length > 0) return subject;
  }
  return [];
}

function objectOf(trigger: Trigger, clause: Clause, context: RoleContext): Mention[] {
  const rest = context.sentence.slice(trigger.end, clause.end);
  const stop = OBJECT_STOP.exec(rest);
  const nextTrigger = context.triggerStarts.find((start) => start >= trigger.end) ?? clause.end;
  // "welcomed the accord, and the AU chairman, Moussa Faki, praised …": the next act's subject is not this one's object
  const nextSubject = nextTrigger < clause.end ? context.sentence.slice(trigger.end, nextTrigger).search(/,\s+and\s+(?!(?:then|also|later)\b)/) : -1;
  const until = Math.min(trigger.end + (stop ? stop.index : rest.length), nextSubject < 0 ? nextTrigger : trigger.end + nextSubject);
  // "expelled three Ugandan diplomats": the trigger's own words hold the state whose envoys were sent home
  const within = OBJECT_IN_TRIGGER.has(trigger.type)
    ? context.heads.filter((m) => m.index > trigger.index && m.end <= trigger.end && m.actor.kind === 'state')
    : [];
  return [...within, ...context.heads.filter((m) => m.index >= trigger.end && m.end <= until)];
}

/** Types whose trigger words run through their object ("expelled three Ugandan diplomats"). */
const OBJECT_IN_TRIGGER: ReadonlySet<EventType> = new Set(['diplomats_expelled']);

/** What an intent is about: "to normalise relations with Belarus". */
function complementOf(trigger: Trigger, clause: Clause, context: RoleContext): Mention[] {
  return context.heads.filter((m) => m.index >= trigger.end && m.end <= clause.end);
}

function byPhrase(from: number, clause: Clause, context: RoleContext): Mention[] {
  return phraseAfter(/^[^;]{0,80}?\bby\s+/, from, clause, context);
}

/** The actors of the phrase that `opener` finds after `from`, up to where the coordination ends. */
function phraseAfter(opener: RegExp, from: number, clause: Clause, context: RoleContext): Mention[] {
  const rest = context.sentence.slice(from, clause.end);
  const open = opener.exec(rest);
  if (!open) return [];
  const start = from + open.index + open[0].length;
  const candidates = context.heads.filter((m) => m.index >= start && m.end <= clause.end);
  const first = candidates[0];
  if (!first || first.index - start > 40) return [];
  return chainFrom(candidates, context.sentence);
}

const CHAIN_GAP = /^(?:['’]s)?\s*,?\s*(?:(?:and|&)\s+)?(?:(?:the|a|an)\s+)?(?:[\p{Lu}][\p{L}.-]*\s+|[a-z-]+\s+(?=\p{Lu})|of\s+)*$/u;

function chainFrom(candidates: Mention[], sentence: string): Mention[] {
  const chain = candidates.slice(0, 1);
  for (let i = 1; i < candidates.length; i += 1) {
    const previous = candidates[i - 1] as Mention;
    const current = candidates[i] as Mention;
    if (!CHAIN_GAP.test(sentence.slice(previous.end, current.index))) break;
    chain.push(current);
  }
  return chain;
}

function subjectChainEndingWith(last: Mention, before: Mention[], sentence: string): Mention[] {
  const chain = [last];
  for (let i = before.indexOf(last) - 1; i >= 0; i -= 1) {
    const current = before[i] as Mention;
    if (!CHAIN_GAP.test(sentence.slice(current.end, (chain[0] as Mention).index))) break;
    chain.unshift(current);
  }
  return chain;
}

function unique(mentions: Mention[]): Mention[] {
  return mentions.filter((m, i) => mentions.findIndex((o) => o.actor.id === m.actor.id) === i);
}
