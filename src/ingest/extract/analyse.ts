import type { Figures, EventType } from '../../domain/model';
import type { Token } from '../../nlp/parse.schemas';
import { clauseAt, findSpeech, splitClauses, type Clause, type Speech } from './clauses';
import { referencesOf } from './coreference';
import { BARE_WEEKDAY, findDates, lastDayOf, opensAsLabel, type DateMention, type DraftDate } from './dates';
import { findFigures } from './figures';
import type { ArticleActors, Mention } from './mentions';
import { namedEventDate } from './named-events';
import { ParsedClauses } from './parsed-clauses';
import { groupSubjectOf } from './parsed-subject';
import { rolesOf, type RoleContext } from './roles';
import { findTriggers, maskQuotations, type Trigger } from './triggers';
import { type ActorRef, type Evidence, uniqueActors } from './types';

/** An event read from one sentence, before dates are inherited and duplicates across sentences merged. */
export interface SentenceEvent {
  type: EventType;
  agents: ActorRef[];
  targets: ActorRef[];
  sources: ActorRef[];
  date: DraftDate | null;
  figures: Figures | null;
  place: string | null;
  quote: string;
  /** Where in the sentence the event is reported, to attach dates and figures to the nearest event. */
  at: number;
  /** The words that report it ("pardoned", "talks"); null for a statement read from a speech verb alone. */
  trigger: string | null;
  /** Where its date was read: a date phrase of its own, or one that opens the sentence; null: none in it. */
  dateFrom: 'its own phrase' | 'the sentence opening' | 'an earlier sentence of its paragraph' | null;
  /** Reported inside what someone said ("X said that Y did Z"): true as the speaker claims it. */
  reported: boolean;
  /** Told as background: in the past perfect ("had expelled") or dated before the month of publication. */
  background: boolean;
  /** The parse's token that heads its trigger (index into the text's tokens); null without a parse. */
  head: number | null;
  evidence: Evidence;
  /** A proposal put forward ("unveiled a plan"): an act of its day, whose later dates are not its own. */
  proposal?: boolean;
  /** How its actors were reached by referring back ("Its foreign ministry", "They"), by actor id; none by name. */
  resolved?: Record<string, string>;
}

/** Reported content about a state of affairs or a tally over time is a claim, not an event report. */
const AGGREGATE = /\b(?:remain|remains|remained|still|in recent (?:months|weeks|years)|so far|to date|since|over the past|in total|altogether)\b/i;
/** "Resolution 598, which calls for a ceasefire": what a text says is its content, not an act of anyone's. */
const DOCUMENT_SAYS =
  /\b(?:resolution|plan|proposal|agreement|accord|treaty|law|bill|text|declaration|document|charter|communiqu[eé])(?:\s+\d+)?,?\s+(?:which|that)\s+(?:also\s+)?$/i;
/** "after talks", "following two days of negotiations": an event named as what came before. */
const FOLLOWED = /\b(?:after|following)\s+(?:(?:the|a|an|two|three|several|lengthy|long|\w+-\w+|days|weeks|months|of)\s+){0,3}$/i;
/** "before", "until", "once" and a subject: a clause of a time that may be still to come. */
const TIME_TO_COME = /\b(?:before|until|unless|once)\s+(?:[\p{L}'’-]+\s+){1,5}$/iu;
/** "The Security Council voted to extend the embargo": a body's vote or decision to act is the act. */
const DECIDED_TO = /\b(?:voted|votes|decided|decides)\s+(?:(?:unanimously|overwhelmingly|narrowly|on\s+\w+)\s+)?to\s+$/i;
/** "The talks had nearly collapsed": what almost happened did not. */
const NEAR_MISS = /\b(?:nearly|almost)\s+$/i;
const NEGATION = /\b(?:not|no|never|denied|deny|denies|without|neither|nor|refused to|failed to)\b(?:\s+\S+){0,3}\s*$/i;
const HEDGE =
  /\b(?:will|would|could|may|might|shall|set to|expected to|potential|possible|proposed|planned|future|considering|weighing|mulling|exploring)\s+(?:\S+\s+)?$/i;
/** "warned Beijing of consequences if it supplied arms": what a condition supposes did not happen. */
const CONDITION = /\b(?:if|unless)\s+(?:[\p{L}'’-]+\s+){1,3}$/iu;
/** "80 Venezuelans detained in the US": a participle after a noun describes people, it reports no arrest. */
const AFTER_NOUN = /\b(?:[a-z]+s|journalist|academic|official|citizen|national|activist|dissident|those|people)\s+(?:\w+ly\s+)?$/;
const STATE_AGENTS = /\b(?:police|authorities|forces|officials|troops|guards|agents|officers)\s+$/;
/** Acts of armed forces: "South Sudanese troops attacked" is the state's act. */
const ARMED: ReadonlySet<EventType> = new Set(['armed_attack', 'mobilization']);
/** Types whose agent, when the sentence names none, is the state that holds the people or the vote. */
/** What sides undergo together ("talks broke down", "talks resumed", "fighting erupted between …"), done by both. */
const UNDERGONE_BY_SIDES: ReadonlySet<EventType> = new Set(['rejection', 'talks', 'armed_attack']);
const INFERRED_AGENT: ReadonlySet<EventType> = new Set(['prisoner_release', 'pardon', 'detention', 'election', 'conviction']);
/** A verdict that condemns what it is said of: "was a provocation", "is illegal", "were baseless", "violated international law". */
const DAMNING_VERDICT =
  /\b(?:violated|violates|breached|breaches|flouted|flouts)\s+(?:international\s+law|the\s+(?:charter|treaty|ceasefire|truce|agreement|accord))\b|\b(?:was|is|were|are|had been|has been|would be)\s+(?:a\s+|an\s+)?(?:(?:clear|flagrant|blatant|serious|grave|gross|direct|dangerous|unacceptable|terrible|historic|big|huge)\s+)?(?:provocation|violation|breach|illegal|unlawful|unacceptable|baseless|unfounded|illegitimate|irresponsible|absurd|mistake|interference|aggression|hostile|regrettable|discriminatory)\b|\b(?:was|is|were|are|had been|has been)\s+(?:(?:solely|fully|entirely|squarely|wholly)\s+responsible|(?:(?:solely|fully|entirely|squarely|wholly)\s+)?to\s+blame)\s+for\b/i;
/** "has said he will not negotiate": a plan denied is neither a plan nor a claim about how things stand. */
const NEGATED_PLAN =
  /^\W*(?:that\s+)?(?:[\w'’-]+\s+){1,4}?(?:will|would|shall|could|can)\s*(?:not|never|n['’]t)\b|^\W*(?:that\s+)?(?:[\w'’-]+\s+){1,4}?(?:won['’]t|cannot)\b/i;
const TALLY_AFTER = /^\s+(?:only\s+)?(?:once|twice|three times|four times|several times|many times|repeatedly)\b/i;
/** A plan to give aid: a verb of giving or raising, then the aid within a few words. */
const AID_PLAN =
  /^(?:[\w'’-]+\s+){0,3}?(?:give|provide|send|ship|deliver|double|triple|increase|raise|donate|contribute|fund|finance|supply)\w*\s+(?:[\w'’$€£.,-]+\s+){0,4}?(?:contributions?|aid|assistance|funding|donations?|relief|grants?|loans?|food|wheat|grain|rice|flour|medicines?|vaccines?|tents|blankets|supplies|tonnes|tons)\b/i;
/** A label in capitals opening a paragraph, then a dash (a hyphen between spaces, as plain text writes one) or colon. */
const SECTION_LABEL = /^\s*(?:\d+\.\s*)?\p{Lu}[\p{Lu} &'’.-]{1,40}?\s*(?:[—–:]|\s-)\s/u;
/** A wire report's opening "PLACE, Month Day —", its place in capitals. */
const DATELINE = /^\s*\p{Lu}{2,}[\p{Lu} .'’-]*(?:,\s*[\p{L} .]{2,30}?)?,\s+[\p{L}\d .,()]{3,30}?\s*[—–-]{1,2}\s/u;
/** "detained by Russian border guards": who held the people a release lets go. */
const HELD_BY = /\b(?:detained|held|captured|seized|abducted|arrested|kidnapped|jailed)\s+by\s+((?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3})/u;
/** "accused the army of shelling a market": what an accusation alleges is not reported as having happened. */
const ALLEGED = /\b(?:accus|alleg|blam|charg)\w*\b[^.;]*\b(?:of|for)\s+$/i;

/**
 * What the sentences before told: the last day an event was dated by, the last date of any precision an event had
 * from its own words ("In October 2018 …", for "Two years later" and "That December"), and the type of the last event.
 */
export interface BeforeSentence {
  day: string | null;
  date?: DraftDate | null;
  type: EventType | null;
}

/** "Bahrain and Sudan followed suit", "Canada did the same": the act told just before, by other actors. */
export const SUIT_FOLLOWED = /\b(?:followed|follows|following)\s+suit\b|\b(?:did|does|do)\s+(?:the\s+same|likewise)\b/;

function withSuitFollowed(triggers: Trigger[], sentence: string, previous: EventType | null): Trigger[] {
  const suit = SUIT_FOLLOWED.exec(sentence);
  if (!suit || !previous || triggers.some((t) => t.index <= suit.index && suit.index < t.end)) return triggers;
  const index = suit.index;
  const trigger: Trigger = { type: previous, index, end: index + suit[0].length, text: suit[0], form: 'verb', swap: false, governsComplement: false };
  return [...triggers, trigger].sort((a, b) => a.index - b.index);
}

/**
 * `tokens`: the sentence's tokens from the dependency parse, `organizations` the spans its entity recogniser took for
 * organisation names, both with offsets into the sentence (none without a parser).
 */
export function analyseSentence(
  sentence: string,
  publishedAt: string,
  actors: ArticleActors,
  tokens: readonly Token[] = [],
  organizations: ReadonlyArray<{ start: number; end: number }> = [],
  before: BeforeSentence = { day: null, type: null },
): SentenceEvent[] {
  // "HORN OF AFRICA — …", "KAMPALA — …": a digest's section label or a wire's place names no one who acts
  const labelEnd = SECTION_LABEL.exec(sentence)?.[0].length ?? 0;
  const mentions = actors.mentionsIn(sentence, organizations).filter((m) => m.index >= labelEnd);
  const heads = mentions.filter((m) => !m.location && !m.modifier);
  const speech = findSpeech(sentence, mentions);
  const clauses = splitClauses(sentence, mentions, speech);
  const parsed = new ParsedClauses(tokens, sentence);
  const triggers = reported(
    withParsedTriggers(withSuitFollowed(findTriggers(sentence), sentence, before.type), parsed, sentence),
    sentence,
    clauses,
    speech,
    parsed,
  );
  const context: RoleContext = {
    sentence,
    heads,
    clauses,
    triggerStarts: triggers
      .map((t) => t.index)
      .concat(speech ? [speech.verbIndex] : [])
      .sort((a, b) => a - b),
  };
  // a question asks, it reports nothing ("Who was freed?")
  if (/\?\s*$/.test(sentence)) return [];
  const events = withGappedDonors(withExchange(eventsFor(triggers, context, mentions, speech, actors, parsed), sentence, actors), sentence, heads);
  if (events.length === 0 && speech && !NEGATED_PLAN.test(sentence.slice(speech.content.start, speech.content.end)) && !anonymousSource(sentence, speech))
    events.push(statementOf(sentence, speech, heads));
  else if (speech) {
    // "said the measures were illegal and recalled its envoy": the verdict is a criticism of its own
    const verdict = verdictBeforeEvents(sentence, speech, events);
    if (verdict) events.push(verdict);
  }
  attachDates(events, triggers, sentence, publishedAt, parsed, before, speech);
  attachFigures(events, sentence, actors);
  const first = events.find((e) => e.type !== 'statement');
  if (first) actors.noteAgents(first.agents, first.type === 'talks' ? first.targets : []);
  for (const e of events) e.resolved = referencesOf(e, mentions);
  return events;
}

// --- which triggers report an event ---------------------------------------------------------------------

/**
 * The trigger words' finds, and the agreements the parse finds told by a participle on the deal's noun with a date
 * of its own ("a treaty signed in Lomé on 4 May 1994"); without one, the deal is named, not reported as an event.
 */
function withParsedTriggers(triggers: Trigger[], parsed: ParsedClauses, sentence: string): Trigger[] {
  const verbs = parsed
    .verbTriggers()
    .filter((v) => !triggers.some((t) => t.index < v.end && v.index < t.end))
    .map((v) => ({ ...parsedTrigger(v.type, v.index, v.end, sentence), ...(v.passive && DEALS.has(v.type) ? { form: 'passive' as const } : {}) }));
  const participles = parsed.dealParticiples();
  if (participles.length === 0) return [...triggers, ...verbs].sort((a, b) => a.index - b.index);
  const dates = findDates(sentence, '2999-12-31');
  const dated = (d: { verb: Token }) => dates.some((m) => parsed.ownerOf(m.index, m.end, [d.verb]) === d.verb);
  const added: Trigger[] = participles
    .filter((d) => dated(d) && !triggers.some((t) => t.index < d.end && d.index < t.end))
    .map((d) => ({
      type: d.peace ? 'peace_agreement' : 'agreement',
      index: d.index,
      end: d.end,
      text: sentence.slice(d.index, d.end),
      form: 'verb',
      swap: false,
      governsComplement: false,
      fromParse: true,
    }));
  return [...triggers, ...verbs, ...added].sort((a, b) => a.index - b.index);
}

function parsedTrigger(type: EventType, index: number, end: number, sentence: string): Trigger {
  return { type, index, end, text: sentence.slice(index, end), form: 'verb', swap: false, governsComplement: GOVERNING.has(type), fromParse: true };
}

/** The types whose complement ("urged X to free them") is a wish, not an event (as in the trigger words). */
const GOVERNING: ReadonlySet<EventType> = new Set(['appeal', 'intent', 'threat']);

function reported(triggers: Trigger[], sentence: string, clauses: Clause[], speech: Speech | null, parsed: ParsedClauses): Trigger[] {
  const masked = maskQuotations(sentence);
  const aggregate = speech !== null && AGGREGATE.test(sentence.slice(speech.content.start, speech.content.end));
  const kept = triggers.filter((t) => {
    const clause = clauseAt(clauses, t.index);
    const before = masked.slice(clause.start, t.index);
    if (NEGATION.test(before) || CONDITION.test(before) || NEAR_MISS.test(before)) return false;
    // "before Armenia and Azerbaijan sign a peace treaty": a time still to come, told in the present
    if (TIME_TO_COME.test(before) && t.form === 'verb' && /^(?:sign|signs|agree|agrees|meet|meets|reach|reaches|lift|lifts|end|ends)\b/i.test(t.text))
      return false;
    if (t.form !== 'noun' && parsed.isAttributive(t.index, t.end)) return false;
    // "it met only twice": a count of occasions tallies events, it reports none
    if (TALLY_AFTER.test(sentence.slice(t.end, t.end + 30))) return false;
    // "two Lithuanian citizens convicted of espionage": a participle after a noun describes people, unless dated
    if (t.form !== 'noun' && parsed.isReducedRelative(t.index, t.end)) return hasOwnDate(sentence.slice(t.end, clause.end)) && datesItself(t, sentence, parsed);
    if (t.type !== 'criticism' && ALLEGED.test(before)) return false;
    if (DOCUMENT_SAYS.test(masked.slice(0, t.index))) return false;
    // "urged X to free": a wish; "a step that led Santiago to recall its ambassador": done
    if (!t.governsComplement && /\bto\s+(?:\w+ly\s+)?$/.test(before) && !DECIDED_TO.test(before) && !parsed.causedAct(parsed.verbOf(t.index, t.end)))
      return false;
    const governed = (g: Trigger) =>
      clauseAt(clauses, g.index) === clause &&
      !parsed.inRelativeClauseBelow(parsed.headOf(t.index, t.end), parsed.headOf(g.index, g.end)) &&
      !parsed.standsApartFrom(parsed.verbOf(t.index, t.end), parsed.headOf(g.index, g.end));
    // "agreed to set aside the dispute, after talks brokered by Turkey": what came before the plan is no part of it
    const cameBefore = t.form === 'noun' && FOLLOWED.test(masked.slice(0, t.index));
    if (!t.governsComplement && !cameBefore && triggers.some((g) => g.governsComplement && g.index < t.index && governed(g))) return false;
    if (aggregate && speech && !t.governsComplement && t.index >= speech.content.start && t.index < speech.content.end) return false;
    if (isReducedParticiple(t, before)) return hasOwnDate(sentence.slice(t.end, clause.end));
    return true;
  });
  return onePerClause(
    kept.map((t) => pledgedAid(hedged(t, masked), masked)),
    clauses,
    parsed,
  );
}

/** "12 protesters jailed during demonstrations last year": the participle describes the people it follows. */
function isReducedParticiple(trigger: Trigger, before: string): boolean {
  return trigger.type === 'detention' && trigger.form === 'verb' && AFTER_NOUN.test(before) && !STATE_AGENTS.test(before);
}

/** "Mexico will reopen its embassy": a planned act is a stated intent. */
function hedged(trigger: Trigger, masked: string): Trigger {
  if (trigger.governsComplement || !HEDGE.test(masked.slice(Math.max(0, trigger.index - 30), trigger.index))) return trigger;
  return { ...trigger, type: 'intent' };
}

/** "said Oslo would double its contribution to the refugee agency": aid promised is a pledge of aid, not a plan. */
function pledgedAid(trigger: Trigger, masked: string): Trigger {
  if (trigger.type !== 'intent' || !AID_PLAN.test(masked.slice(trigger.index, trigger.index + 120))) return trigger;
  return { ...trigger, type: 'aid_pledged', governsComplement: false };
}

/** Several words of one clause ("hosted … for two days of talks") report one meeting; verbs say more than nouns. */
function onePerClause(triggers: Trigger[], clauses: Clause[], parsed: ParsedClauses): Trigger[] {
  // with the parse, two verbs ("met … on Wednesday and travelled to Riyadh two days later") are two clauses
  const sameClause = (a: Trigger, b: Trigger) =>
    clauseAt(clauses, a.index) === clauseAt(clauses, b.index) && parsed.clauseVerbOf(a.index, a.end) === parsed.clauseVerbOf(b.index, b.end);
  return triggers.filter((t) => {
    if (t.type !== 'talks' && t.type !== 'intent') return true;
    const rivals = triggers.filter((o) => o.type === t.type && sameClause(o, t));
    const best = rivals.find((o) => o.form !== 'noun') ?? rivals[0];
    return best === t;
  });
}

/** With a parse, a date phrase that the trigger's own verb governs ("shepherds detained … walked free on Monday" has none). */
function datesItself(trigger: Trigger, sentence: string, parsed: ParsedClauses): boolean {
  const verb = parsed.verbOf(trigger.index, trigger.end);
  if (parsed.empty || !verb) return true;
  return findDates(sentence, '2999-12-31').some((m) => parsed.ownerOf(m.index, m.end, [verb]) === verb);
}

function hasOwnDate(text: string): boolean {
  const phrase = text.split(',')[0] ?? '';
  return /\b(?:in|on|since|during|last|earlier)\b/.test(phrase) && findDates(phrase, '2999-12-31').length > 0;
}

// --- participants ---------------------------------------------------------------------------------------

function eventsFor(
  triggers: Trigger[],
  context: RoleContext,
  mentions: Mention[],
  speech: Speech | null,
  actors: ArticleActors,
  clauses: ParsedClauses,
): SentenceEvent[] {
  const events: SentenceEvent[] = [];
  // releases first: a detention in the same sentence ("soldiers who were captured") is by whoever releases them
  const ordered = [...triggers].sort((a, b) => Number(a.type === 'detention') - Number(b.type === 'detention'));
  for (const trigger of ordered) {
    const clause = clauseAt(context.clauses, trigger.index);
    const reduced = isReducedParticiple(trigger, context.sentence.slice(clause.start, trigger.index));
    const roles = reduced ? { agents: [], targets: [] } : rolesOf(trigger, context);
    const verb = trigger.form === 'noun' || reduced ? null : clauses.verbOf(trigger.index, trigger.end);
    // "let go by Britain": a passive's "by" phrase, which the parse misses on a participle, names who did it
    const byPhrase = trigger.form === 'passive' && roles.agents.length > 0;
    const parsedAgents = verb && !trigger.undergone && !byPhrase ? clauses.agentsOf(verb, context.heads) : null;
    const ruleAgents = trigger.form === 'noun' ? roles.agents.filter((m) => clauses.phraseOfNoun(m, trigger.index, trigger.end)) : roles.agents;
    let agents = (parsedAgents ?? ruleAgents).map((m) => (ARMED.has(trigger.type) ? actors.forcesOf(m.actor) : m.actor));
    let agentFrom: Evidence['agent'] = parsedAgents ? 'the parse' : 'the rules';
    const location = mentions.find((m) => m.location && m.index >= clause.start && m.index < clause.end && m.actor.kind === 'state');
    // "…, but several Republican senators denounced it": a group the parse gives as its subject, over an actor of another clause
    const group = agents.length === 0 || (parsedAgents === null && verb !== null) ? groupSubjectOf(clauses.tokens, trigger.index) : null;
    if (group) [agents, agentFrom] = [[actors.group(group)], 'the parse'];
    const organization = agents.length === 0 && verb ? clauses.unnamedOrganization(verb, context.heads) : null;
    if (organization) [agents, agentFrom] = [[actors.organization(organization)], 'the parse'];
    if (agents.length === 0 && trigger.form === 'passive' && DEALS.has(trigger.type)) {
      // "The agreement was reached after four days of talks": the story's deal, made by its two sides
      const storys = /\b(?:the|this|that)\s+(?:[\w-]+\s+)?$/i.test(context.sentence.slice(clause.start, trigger.index));
      const between = dealSides(context.sentence, clause, context.heads, actors);
      [agents, agentFrom] = [between.length === 0 && storys ? actors.pair() : between, 'inferred'];
    }
    // "Relations were broken off in 1962", "Talks between Egypt and Ethiopia broke down", "Talks resumed in Oslo": by
    // the sides the "between" phrase names, else (a failure) the two states the sentence named before, else by the
    // article's two sides
    if (agents.length === 0 && trigger.undergone && (RELATIONS.has(trigger.type) || UNDERGONE_BY_SIDES.has(trigger.type))) {
      const between = dealSides(context.sentence, clause, context.heads, actors);
      const before = uniqueActors(context.heads.filter((m) => m.end <= trigger.index && m.actor.kind === 'state').map((m) => m.actor)).slice(-2);
      // fighting is only ever its "between" phrase's: the story's two sides may not be the ones who fought
      const sides =
        between.length > 1 ? between : trigger.type === 'armed_attack' ? [] : trigger.type === 'rejection' && before.length === 2 ? before : actors.pair();
      [agents, agentFrom] = [sides, 'inferred'];
    }
    if (agents.length === 0) {
      if (!INFERRED_AGENT.has(trigger.type) || (trigger.form === 'noun' && !namesAnEvent(context.sentence, trigger))) continue;
      agents = inferredAgent(trigger, events, location, context, actors);
      agentFrom = 'inferred';
    }
    // talks that broke down were the sides' own: nobody underwent their failure
    let targets = trigger.undergone && trigger.type === 'rejection' ? [] : roles.targets.map((m) => m.actor);
    if (trigger.type === 'talks' && location) {
      if (/^(?:visited|visits|visiting|travell?ed to|flew to|went to|arrived in)/i.test(trigger.text)) targets = [...targets, location.actor];
      else if (!agents.some((a) => a.id === location.actor.id)) agents = [...agents, location.actor];
    }
    const sources = speech && trigger.index >= speech.content.start && trigger.index < speech.content.end ? speech.speakers.map((m) => m.actor) : [];
    const reportedSpeech = sources.length > 0;
    const base = {
      type: groundTaken(trigger, targets) ? ('armed_attack' as const) : trigger.type,
      sources,
      date: null,
      figures: null,
      place: location?.text ?? null,
      quote: context.sentence,
      at: trigger.index,
      trigger: trigger.text,
      dateFrom: null,
      reported: reportedSpeech,
      background: verb ? clauses.isPastPerfect(verb) : false,
      head: (verb ?? clauses.headOf(trigger.index, trigger.end))?.i ?? null,
      evidence: { trigger: trigger.fromParse ? 'the parse' : 'trigger words', agent: agents.length === 0 ? 'none' : agentFrom } as Evidence,
      ...(trigger.proposal ? { proposal: true } : {}),
    };
    const sides = trigger.swap && agents.length > 1 ? agents.map((a) => [a]) : [agents];
    for (const side of sides) {
      const others = trigger.swap && agents.length > 1 ? agents.filter((a) => !side.includes(a)) : [];
      events.push({ ...base, agents: uniqueActors(side), targets: uniqueActors([...targets, ...others]).filter((t) => !side.includes(t)) });
    }
    // an exchange is also one event of its own, by both sides, beside each side's release
    if (trigger.swap && agents.length > 1) events.push({ ...base, type: 'prisoner_exchange', agents: uniqueActors(agents), targets: [] });
  }
  return events.sort((a, b) => a.at - b.at);
}

/** "captured Damascus", "seized Aleppo": what was captured is a place (standing for its state), not a person. */
function groundTaken(trigger: Trigger, targets: readonly ActorRef[]): boolean {
  return (
    trigger.type === 'detention' &&
    /^(?:captured|captures|seized|seizes)\b/i.test(trigger.text) &&
    targets.length > 0 &&
    targets.every((t) => t.kind === 'state')
  );
}

/** Relations between two states, which may be told as undergone by no one named ("relations were restored"). */
const RELATIONS: ReadonlySet<EventType> = new Set(['relations_severed', 'relations_restored']);

/** Deals, which both sides make. */
const DEALS: ReadonlySet<EventType> = new Set(['agreement', 'peace_agreement', 'ceasefire']);

/**
 * "An agreement between Malaysia and Indonesia was signed", "The deal was reached after midnight": a deal told in
 * the passive with no one named as its maker was made by the sides its "between" phrase names, else by the two states
 * the article is about.
 */
function dealSides(sentence: string, clause: Clause, heads: readonly Mention[], actors: ArticleActors): ActorRef[] {
  const text = sentence.slice(clause.start, clause.end);
  for (const between of text.matchAll(/\bbetween\s+/gi)) {
    const from = clause.start + (between.index ?? 0) + between[0].length;
    const until = betweenPhraseEnd(sentence, from);
    const sides = heads.filter((m) => m.index >= from && m.index < until).map((m) => actors.stateOf(m.actor) ?? m.actor);
    if (sides.length > 1) return uniqueActors(sides);
  }
  return [];
}

/**
 * Where a "between" phrase starting at `from` ends: at a full stop, a comma or a preposition, past the roles that
 * describe its first side ("between Ali Shamkhani, secretary of Iran's security council, and Musaed Al-Aiban").
 */
function betweenPhraseEnd(sentence: string, from: number): number {
  let at = from;
  for (;;) {
    const stop = sentence.slice(at).search(/[.;]|,\s+(?!and\b)|\s+(?:on|in|at|after|over|for)\s/);
    if (stop < 0) return sentence.length;
    const appositive = /^,\s+[^,.;]{1,80},\s+and\s+/.exec(sentence.slice(at + stop));
    if (!appositive || at > from) return at + stop;
    at += stop + appositive[0].length;
  }
}

/** ", Sweden 8 million", " and Denmark a further $5 million": a donor and its sum, the verb told once before them. */
const GAPPED_SUM = /^\s+(?:(?:a\s+further|another|an\s+additional)\s+)?(?:[$€£]\s?[\d.,]+|[\d.,]+\s*(?:million|billion|m\b|bn\b))/;

/**
 * "Norway pledged 10 million dollars and Sweden 8 million": each donor named with a sum after the one who pledged
 * (or gave) pledged (or gave) too, on the same terms.
 */
function withGappedDonors(events: SentenceEvent[], sentence: string, heads: readonly Mention[]): SentenceEvent[] {
  const gapped: SentenceEvent[] = [];
  for (const event of events) {
    if (event.type !== 'aid_pledged' && event.type !== 'aid_provided') continue;
    for (const donor of heads) {
      if (donor.index <= event.at || donor.actor.kind === 'person' || event.agents.some((a) => a.id === donor.actor.id)) continue;
      if (!GAPPED_SUM.test(sentence.slice(donor.end)) || !/(?:,|\band)\s*(?:the\s+)?$/i.test(sentence.slice(event.at, donor.index))) continue;
      if ([...events, ...gapped].some((e) => e.type === event.type && e.agents.some((a) => a.id === donor.actor.id))) continue;
      gapped.push({ ...event, agents: [donor.actor], targets: event.targets.filter((t) => t.id !== donor.actor.id), at: donor.index });
    }
  }
  if (gapped.length === 0) return events;
  // no donor is another's target: the rules took the names after the verb for whom it was given to
  const donors = new Set(gapped.map((e) => e.agents[0]?.id));
  return [...events, ...gapped].map((e) => ({ ...e, targets: e.targets.filter((t) => !donors.has(t.id)) })).sort((a, b) => a.at - b.at);
}

/**
 * "let go by Britain … in return for the crew that Tehran handed back": two sides' releases, one for the other, are
 * also one prisoner exchange by both.
 */
function withExchange(events: SentenceEvent[], sentence: string, actors: ArticleActors): SentenceEvent[] {
  if (!/\bin (?:return|exchange)\b/i.test(sentence) || events.some((e) => e.type === 'prisoner_exchange')) return events;
  const releases = events.filter((e) => e.type === 'prisoner_release' && e.agents.length > 0);
  const [first] = releases;
  const second = releases[1] ?? (first ? returnedRelease(first, sentence, actors) : null);
  if (!first || !second || second.agents.some((a) => first.agents.some((b) => b.id === a.id))) return events;
  if (!releases[1]) events.push(second);
  const exchange: SentenceEvent = { ...first, type: 'prisoner_exchange', agents: uniqueActors([...first.agents, ...second.agents]), targets: [] };
  return [...events, exchange].sort((a, b) => a.at - b.at);
}

/**
 * "Honduras frees 200 Salvadoran prisoners of war in exchange for 60 Honduran soldiers": one side's release told, the
 * other's is the state of the people the first let go (named between the release and "in exchange for"), releasing in
 * turn. Null when no other state is named there.
 */
const PEOPLE_IN_RETURN =
  /\bin (?:return|exchange) for\s+(?:[\w'’-]+\s+){0,3}?(?:prisoners|soldiers|detainees|captives|hostages|citizens|nationals|fishermen|sailors|crewmen|servicemen|pilots|civilians)\b/i;

function returnedRelease(release: SentenceEvent, sentence: string, actors: ArticleActors): SentenceEvent | null {
  // people given back for people: "in return for maps of minefields" is no exchange of prisoners
  const swap = PEOPLE_IN_RETURN.exec(sentence.slice(release.at));
  if (!swap) return null;
  const other = actors.stateNamedIn(sentence.slice(release.at, release.at + swap.index));
  if (!other || release.agents.some((a) => a.id === other.id || actors.stateOf(a)?.id === other.id)) return null;
  return { ...release, agents: [other], targets: uniqueActors(release.agents), figures: null };
}

/**
 * A noun with no actor names an event only when it is pinned down: "the release of 52 political prisoners",
 * "the 2020 presidential election"; "the release of political prisoners" is a topic.
 */
function namesAnEvent(sentence: string, trigger: Trigger): boolean {
  if (trigger.type === 'election') return /\b(?:1[89]|20)\d\d\b[^,.;]{0,20}$/.test(sentence.slice(Math.max(0, trigger.index - 30), trigger.index));
  return findFigures(sentence.slice(trigger.end, trigger.end + 60)).some((f) => f.index < 12);
}

function inferredAgent(trigger: Trigger, earlier: SentenceEvent[], location: Mention | undefined, context: RoleContext, actors: ArticleActors): ActorRef[] {
  if (trigger.type === 'prisoner_release') {
    // "shepherds detained by Russian border guards walked free": whoever held them let them go
    const holder = HELD_BY.exec(context.sentence.slice(0, trigger.index));
    const state = holder ? actors.stateNamedIn(holder[1] ?? '') : null;
    if (state) return [state];
  }
  if (trigger.type === 'detention') {
    // whoever releases or pardons people held them: the state a releasing leader acts for
    const releaser = earlier.find((e) => e.type === 'prisoner_release' || e.type === 'pardon');
    if (releaser) return uniqueActors(releaser.agents.map((a) => actors.stateOf(a) ?? a));
  }
  if (location) return [location.actor];
  if (trigger.type === 'election') {
    const state = context.heads.find((m) => m.actor.kind === 'state');
    if (state) return [state.actor];
  }
  return actors.dominantState ? [actors.dominantState] : [];
}

/** The criticism a speech's damning verdict passes when it comes before every event reported in what was said. */
function verdictBeforeEvents(sentence: string, speech: Speech, events: SentenceEvent[]): SentenceEvent | null {
  const content = maskQuotations(sentence).slice(speech.content.start, speech.content.end);
  const verdict = DAMNING_VERDICT.exec(content);
  if (!verdict || events.some((e) => e.type === 'criticism')) return null;
  const verdictEnd = speech.content.start + verdict.index + verdict[0].length;
  if (events.some((e) => e.at >= speech.content.start && e.at < verdictEnd)) return null;
  const speakers = uniqueActors(speech.speakers.map((m) => m.actor));
  if (speakers.length === 0) return null;
  return spokenEvent(sentence, speech, { type: 'criticism', agents: speakers, targets: [], trigger: verdict[0] });
}

/** "one Australian official said", "a Western diplomat said": a source the article does not name. */
const UNNAMED_BEFORE = /\b(?:one|a|an|another|some|several|two|three|many)\s+(?:(?:senior|western|local|foreign|regional|former|veteran)\s+)?$/i;

/** '…," said Aminata Fall, a historian at …': a speaker the article introduces as an onlooker, not one who acts. */
const ONLOOKER_AFTER =
  /^,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:historian|professor|academic|scholar|analyst|commentator|economist|lecturer|expert|trader|vendor|shopkeeper|resident|farmer|driver|fisherman|student|teacher|taxi driver)\b|^,\s+who\s+(?:sells|runs|owns|lives|works|farms|drives|teaches|studies)\b/iu;

/**
 * A quotation from a source the article leaves unnamed ("a Western diplomat said"), or from an onlooker it names (a
 * historian, a trader), is commentary, not a statement an analyst records.
 */
function anonymousSource(sentence: string, speech: Speech): boolean {
  if (!/^\s*["“‘']/.test(sentence.slice(speech.content.start, speech.content.end))) return false;
  const commentary = (m: Mention) =>
    UNNAMED_BEFORE.test(sentence.slice(Math.max(0, m.index - 30), m.index)) || ONLOOKER_AFTER.test(sentence.slice(m.end, m.end + 60));
  return speech.speakers.length > 0 && speech.speakers.every(commentary);
}

/** An event read from a speech itself (its speakers the agents), not from a trigger in what was said. */
function spokenEvent(sentence: string, speech: Speech, event: Pick<SentenceEvent, 'type' | 'agents' | 'targets' | 'trigger'>): SentenceEvent {
  return {
    ...event,
    sources: [],
    date: null,
    figures: null,
    place: null,
    quote: sentence,
    at: Math.max(speech.content.start, speech.verbIndex),
    dateFrom: null,
    reported: false,
    background: false,
    head: null,
    evidence: { trigger: event.trigger ? 'trigger words' : 'a speech verb', agent: event.agents.length === 0 ? 'none' : 'the rules' },
  };
}

/**
 * What someone said: a statement, or criticism when it passes a damning verdict on an act ("said the exercise was a
 * provocation", "said the claim was baseless").
 */
function statementOf(sentence: string, speech: Speech, heads: Mention[]): SentenceEvent {
  const speakers = uniqueActors(speech.speakers.map((m) => m.actor));
  const about = heads.filter((m) => m.index >= speech.content.start && m.end <= speech.content.end && !speakers.includes(m.actor));
  const verdict = DAMNING_VERDICT.exec(maskQuotations(sentence).slice(speech.content.start, speech.content.end));
  return spokenEvent(sentence, speech, {
    type: verdict ? 'criticism' : 'statement',
    agents: speakers,
    targets: uniqueActors(about.map((m) => m.actor)),
    trigger: verdict ? verdict[0] : null,
  });
}

// --- dates and figures ------------------------------------------------------------------------------------

/**
 * Each date goes to the event reported nearest to it; a date that opens the sentence ("In September 2025, …")
 * dates every event in it. Dates after publication are plans, never when something happened; an intent is
 * dated by when it was stated, so dates inside its complement ("to meet in December") are not its own.
 */
function attachDates(
  events: SentenceEvent[],
  triggers: Trigger[],
  sentence: string,
  publishedAt: string,
  parsed: ParsedClauses,
  before: BeforeSentence,
  speech: Speech | null,
): void {
  if (events.length === 0) return;
  for (const e of events) {
    const end = triggers.find((t) => t.index === e.at)?.end;
    // "support for Russia's full-scale invasion | of Ukraine": the trigger's words and the phrase they open
    const named = end === undefined ? null : namedEventDate(sentence.slice(e.at, end + 30));
    if (named) {
      dateOnce(e, named, 'its own phrase');
      e.background = true;
    }
  }
  const found = findDates(sentence, publishedAt, before.day, before.date ?? null).filter((m) => m.date.start <= publishedAt);
  // "JUBA, May 11 — … took hold on Thursday": a wire's dateline is when it was filed, not when its events happened
  const datelineEnd = DATELINE.exec(sentence)?.[0].length ?? 0;
  const filed = (m: DateMention) => m.end <= datelineEnd;
  const mentions = found.some((m) => !filed(m)) ? found.filter((m) => !filed(m)) : found;
  const since = (index: number) => /\bsince\s+$/i.test(sentence.slice(Math.max(0, index - 7), index));
  // an intent is dated by when it was stated ("…, its foreign ministry said on Thursday"), a claim "since 2022" by when it was made
  const stated = (index: number) =>
    (speech !== null && speech.content.end < sentence.length && index >= speech.content.end) || TRAILING_ATTRIBUTION.test(sentence.slice(0, index));
  // "vowed on Friday to respond": a date between the intent's verb and its "to" is when it was stated
  const beforeTo = (e: SentenceEvent, index: number) => /^[^,.;]{0,25}\s+to\s/.test(sentence.slice(index)) && !/\bto\s/.test(sentence.slice(e.at, index));
  // "The US, which brokered a meeting last year, welcomed the summit": the date of a relative clause that reports an
  // event of its own is that event's, and its event without one is dated from outside (", which in turn removed …");
  // a clause that reports none ("accepted a truce, which took effect on 4 November") dates the act it describes,
  // though one on a person ("Kishida, who took office in 2021, met …") only when the sentence gives that act no date
  const { relative, datedWithin, onPerson } = relativeClauses(
    sentence,
    events.map((e) => e.at),
    mentions.map((m) => m.index),
  );
  const eligibleFor = (mention: DateMention) =>
    events.filter(
      (e) =>
        (relative(e.at) === relative(mention.index) || (relative(mention.index) < 0 && !datedWithin(e.at))) &&
        !(
          e.type === 'intent' &&
          plansAhead(e) &&
          mention.index > e.at &&
          !beforeTo(e, mention.index) &&
          !stated(mention.index) &&
          !saidOn(e, mention, sentence)
        ) &&
        !(e.type === 'statement' && since(mention.index)),
    );
  // a year inside the words of a verb's object ("withdrew from a 2019 agreement") describes the object, not the act
  const inObject = (index: number) => triggers.some((t) => t.form !== 'noun' && index > t.index && index < t.end);
  // "ignored a 1904 boundary treaty": a year before a noun says which thing, not when the act was done, unless the
  // noun is the event ("the 2022 presidential election")
  const describesNoun = (m: DateMention) =>
    m.date.precision === 'year' &&
    /\b(?:a|an|the|its|their|his|her)\s+$/i.test(sentence.slice(Math.max(0, m.index - 6), m.index)) &&
    /^\s+[a-z]/.test(sentence.slice(m.end)) &&
    !triggers.some((t) => t.index >= m.end && t.index - m.end < 25);
  const outside = mentions.filter((m) => !inObject(m.index) && !describesNoun(m));
  const rest = parsed.empty ? outside : outside.filter((m) => !dateOwnClause(m, eligibleFor(m), parsed));
  const firstAt = Math.min(...events.map((e) => e.at));
  const opens = (m: DateMention) => m.end <= firstAt && m.index < 25;
  const opening = rest.find(opens);
  // "On Thursday, … restoring relations, broken off when troops landed in April 1982": an earlier date later in the
  // sentence is a background event's own, before the opening date fills the rest
  const earlierThanOpening = (m: DateMention) => opening !== undefined && !opens(m) && lastDayOf(m.date) < opening.date.start;
  const ordered = [...rest.filter(earlierThanOpening), ...rest.filter((m) => !earlierThanOpening(m))];
  for (const mention of [...ordered.filter((m) => !onPerson(m.index)), ...ordered.filter((m) => onPerson(m.index))]) {
    const eligible = eligibleFor(mention);
    if (opens(mention)) {
      for (const e of eligible) dateOnce(e, mention.date, 'the sentence opening');
      continue;
    }
    const nearest = nearestTo(mention.index, mention.end, eligible, triggers, sentence);
    // the events one trigger reports (each side of an exchange, and the exchange) share its date, and so does the verb
    // a "when" clause tells the time of ("relations, broken off when Argentine troops landed … in April 1982")
    const shares = (e: SentenceEvent) => nearest !== undefined && (e.at === nearest.at || sameOccasion(e, nearest, parsed));
    for (const e of eligible) if (shares(e)) dateOnce(e, mention.date, 'its own phrase');
  }
  // "July 2018 — Abiy visits Asmara; the two leaders declare …": a timeline's label dates every event of its line
  const label = mentions.find((m) => opensAsLabel(sentence, m));
  if (label) for (const e of events) dateOnce(e, label.date, 'the sentence opening');
  shareCoordinatedDates(events, triggers, sentence, parsed);
  if (!parsed.empty) dateByEarlierEvent(events, outside, sentence, publishedAt, parsed);
  const monthStart = `${publishedAt.slice(0, 7)}-01`;
  for (const e of events) if (e.date && e.dateFrom === 'its own phrase' && lastDayOf(e.date) < monthStart) e.background = true;
}

/**
 * The relative clauses (", which … ,") of a sentence: `relative` says which one holding one of the events (at
 * `eventsAt`) a position lies in, by the clause's start (-1 for none); `datedWithin`, whether that clause also holds
 * a date phrase (at `datesAt`), which then is its events' own; `onPerson`, whether a position lies in a clause on a
 * person or a named actor (", who … ,", "The European Union, which …") that holds no event.
 */
function relativeClauses(
  sentence: string,
  eventsAt: readonly number[],
  datesAt: readonly number[],
): { relative: (index: number) => number; datedWithin: (index: number) => boolean; onPerson: (index: number) => boolean } {
  const spans = [...sentence.matchAll(/,\s+(which|who|whose)\s+/g)].map((m) => {
    const start = m.index ?? 0;
    const close = sentence.indexOf(',', start + m[0].length);
    const end = close < 0 ? sentence.length : close;
    const within = (at: number) => at >= start && at < end;
    // "The European Union, which granted …": a clause on a named actor, as one on a person is
    const onActor = m[1] !== 'which' || /\p{Lu}[\p{L}.'’-]*$/u.test(sentence.slice(0, start));
    return { start, end, person: onActor, holdsEvent: eventsAt.some(within), holdsDate: datesAt.some(within) };
  });
  const spanAt = (index: number) => spans.find((span) => index >= span.start && index < span.end);
  return {
    relative: (index) => {
      const span = spanAt(index);
      return span?.holdsEvent ? span.start : -1;
    },
    datedWithin: (index) => {
      const span = spanAt(index);
      return !!span?.holdsEvent && span.holdsDate;
    },
    onPerson: (index) => {
      const span = spanAt(index);
      return !!span && span.person && !span.holdsEvent;
    },
  };
}

/** "after the war of August 2008", "following the coup in 2021": a phrase that names an earlier event by its date. */
const AFTER_DATED_EVENT = /\b(?:after|following)\s+(?:the|a|an|its|their)\s+(?:[\p{L}-]+\s+){0,3}?(?:of|in)\s+$/iu;

/**
 * "Georgia cut diplomatic ties with Russia after the war of August 2008": an act told in the past tense with no
 * date of its own, whose sentence names only an earlier event's month or year, years before publication, took
 * place after that event: its month or year is the nearest the article says, and the act is background. (The
 * parse gives such a date to the event it names; without this the act would take the day of publication.)
 */
function dateByEarlierEvent(events: SentenceEvent[], mentions: DateMention[], sentence: string, publishedAt: string, parsed: ParsedClauses): void {
  const after = mentions.filter((m) => m.date.precision !== 'day' && AFTER_DATED_EVENT.test(sentence.slice(Math.max(0, m.index - 60), m.index)));
  const only = after.length === 1 && mentions.length === 1 ? after[0]! : null;
  if (!only || lastDayOf(only.date) >= `${Number(publishedAt.slice(0, 4)) - 1}${publishedAt.slice(4)}`) return;
  for (const e of events) {
    const verb = e.head === null ? null : parsed.token(e.head);
    if (e.date !== null || verb?.tag !== 'VBD' || e.type === 'intent' || e.type === 'statement') continue;
    dateOnce(e, only.date, 'its own phrase');
    e.background = true;
  }
}

/**
 * "Kenya vowed to retaliate on Monday": a bare weekday after a plan is when it was stated (news puts the day
 * after the verb's phrase, and a weekday read back from publication is past); a plan's own day is "next Monday", a
 * date, or a weekday after a schedule ("is due to fly to Iran on Monday").
 */
const saidOn = (e: SentenceEvent, mention: DateMention, sentence: string) =>
  !SCHEDULED.test(e.trigger ?? '') && !WILL_BEFORE.test(sentence.slice(0, e.at)) && BARE_WEEKDAY.test(mention.text.trim());
/** "said he would travel to Washington on Monday": a plan told with "will" or "would" is dated by its own weekday. */
const WILL_BEFORE = /\b(?:will|would|shall)\s+(?:(?:also|then|soon|now)\s+)?$/i;
/** A plan told as a schedule ("is due to fly to Iran on Monday"), whose weekday is still to come. */
const SCHEDULED = /^(?:(?:is|are|was|were)\s+(?:also\s+)?(?:due|scheduled|slated|set|expected)\s+to|will|shall)\b/i;

/** An intent told as a plan ("agreed to meet in May"), whose later dates are the plan's; a proposal put forward is an act of its day. */
const plansAhead = (e: SentenceEvent) => !e.proposal;

/** "…, the president said on Monday": a date in the attribution that closes a sentence (its speaker known or not). */
const TRAILING_ATTRIBUTION = /,\s*[^,;"“”]{1,60}?\b(?:said|says|told reporters|announced|added|confirmed|stated|declared)\s+(?:on\s+)?$/;

/**
 * A date phrase inside an event's own clause ("released 14 fishermen on Monday", "a treaty signed in Lomé on 4 May
 * 1994") dates that event, whatever stands nearer to it in the words; true when the parse gave it an owner.
 */
function dateOwnClause(mention: DateMention, events: SentenceEvent[], parsed: ParsedClauses): boolean {
  const heads = events.map((e) => (e.head === null ? null : parsed.token(e.head))).filter((t): t is Token => t !== null);
  const owner = parsed.ownerOf(mention.index, mention.end, heads);
  if (owner === 'elsewhere') return true;
  if (!owner) return false;
  // and the verb a "when" clause tells the time of ("relations, broken off when troops landed … in April 1982"), or
  // what was done where the dated verb went
  const owned = events.find((e) => e.head === owner.i);
  for (const e of events) if (e.head === owner.i || (owned && sameOccasion(e, owned, parsed))) dateOnce(e, mention.date, 'its own phrase');
  return true;
}

/** Told of one occasion: `event` the verb of `dated`'s "when" clause, or an act of the place `dated` went to. */
function sameOccasion(event: SentenceEvent, dated: SentenceEvent, parsed: ParsedClauses): boolean {
  return toldWhen(event, dated, parsed) || (dated.head !== null && parsed.whereClauseVisit(event.head)?.i === dated.head);
}

/** Is `clause`'s event told in a "when" clause on the words that report `event` (which it then dates)? */
function toldWhen(event: SentenceEvent, clause: SentenceEvent, parsed: ParsedClauses): boolean {
  const host = parsed.whenClauseHost(clause.head);
  if (!host) return false;
  return event.head === host.i || (event.trigger !== null && host.start >= event.at && host.end <= event.at + event.trigger.length);
}

/** "broke off relations on Thursday and closed its embassy": a verb coordinated with a dated one shares its date. */
function shareCoordinatedDates(events: SentenceEvent[], triggers: Trigger[], sentence: string, parsed: ParsedClauses): void {
  const ordered = [...events].sort((a, b) => a.at - b.at);
  for (let i = 1; i < ordered.length; i++) {
    const [prev, event] = [ordered[i - 1]!, ordered[i]!];
    const prevEnd = triggers.find((t) => t.index === prev.at)?.end ?? prev.at;
    // "… on Thursday, while Qatar('s minister, Ali Nasser,) promised …": told as happening at the same time
    const between = sentence.slice(prevEnd, event.at);
    const joined = /^[^,;]*\band\s+$/.test(between) || /^[^;]*,\s*while\s+[^;]*$/.test(between) || parsed.toldWith(prev.head, event.head);
    if (event.date === null && prev.date !== null && prevEnd <= event.at && joined) {
      dateOnce(event, prev.date, prev.dateFrom ?? 'its own phrase');
      // "In 2012 Ghana had expelled …, and Togo had closed …": background told alike
      event.background ||= prev.background;
    }
    // "cut ties in January 2016 after protesters stormed the embassy": what it came after is of its month or before
    if (event.date === null && prev.date !== null && prev.date.precision !== 'day' && prevEnd <= event.at && /^[^,;]*\bafter\s+[^,;]*$/.test(between)) {
      dateOnce(event, prev.date, prev.dateFrom ?? 'its own phrase');
      event.background ||= prev.background;
    }
  }
  // "dismissed the sanctions and recalled its ambassador on Tuesday": one subject's two acts, the date told once at the end
  for (let i = ordered.length - 2; i >= 0; i--) {
    const [event, next] = [ordered[i]!, ordered[i + 1]!];
    if (event.date === null && next.date !== null && next.dateFrom === 'its own phrase' && parsed.conjoined(event.head, next.head) && sameAgents(event, next))
      dateOnce(event, next.date, 'its own phrase');
  }
}

const sameAgents = (a: SentenceEvent, b: SentenceEvent) =>
  a.agents.length > 0 && a.agents.length === b.agents.length && a.agents.every((x) => b.agents.some((y) => y.id === x.id));

function dateOnce(event: SentenceEvent, date: DraftDate, from: NonNullable<SentenceEvent['dateFrom']>): void {
  if (event.date !== null) return;
  event.date = date;
  event.dateFrom = from;
}

/**
 * The event reported nearest a date phrase; a date that ends one coordinated clause ("broke off relations on
 * Thursday and closed its embassy") belongs to the words before it, not to those after the "and".
 */
function nearestTo(index: number, end: number, events: SentenceEvent[], triggers: Trigger[], sentence: string): SentenceEvent | undefined {
  const distance = (e: SentenceEvent) => {
    const trigger = triggers.find((t) => t.index === e.at);
    const triggerEnd = trigger?.end ?? e.at;
    if (index >= triggerEnd) return index - triggerEnd;
    if (end > e.at) return 0;
    return e.at - end + (/^\s*(?:,\s*)?and\b/.test(sentence.slice(end, e.at)) ? sentence.length : 0);
  };
  return [...events].sort((a, b) => distance(a) - distance(b))[0];
}

const COUNTED: ReadonlySet<EventType> = new Set(['prisoner_release', 'pardon', 'detention', 'statement', 'sanctions_imposed', 'sanctions_lifted']);

/** A count belongs to the nearest counted event before it; counted people become the target when none is named. */
function attachFigures(events: SentenceEvent[], sentence: string, actors: ArticleActors): void {
  for (const figure of findFigures(maskQuotations(sentence))) {
    const candidates = events.filter((e) => COUNTED.has(e.type) && e.at <= figure.index && e.figures === null);
    const owner = candidates[candidates.length - 1];
    if (!owner) continue;
    owner.figures = figure.figures;
    if (owner.targets.length === 0 && owner.type !== 'statement') owner.targets = [actors.group(figure.figures.unit)];
  }
}
