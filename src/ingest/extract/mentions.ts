import { subjectBefore } from './clauses';
import { BARE_BODY, BARE_DEPARTMENT, BODY_HEAD, Discourse, GENERIC_MINISTRY, openingPronoun, possessiveAgents, STATE_TITLE } from './coreference';
import { GAZETTEER, slugify, STATE_TITLES } from './gazetteer';
import type { Lexicon, LexiconMatch } from './lexicon';
import { classifySpan } from './names';
import { type ActorRef, type Mention, uniqueActors } from './types';
import type { ActorKind } from '../../domain/model';

/**
 * A digest's section label in capitals ("NIGER — The military government …", "PERU AND CHILE - …") written as names
 * are, so that the names in it are found; the same length, so that offsets hold.
 */
function titleCasedLabel(sentence: string, labelEnd: number): string {
  const label = sentence.slice(0, labelEnd);
  if (!label) return sentence;
  const cased = label.toLowerCase().replace(/(^|[\s/-])(\p{Ll})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
  return cased.replace(/\bAnd\b/g, 'and') + sentence.slice(label.length);
}

/** Where a digest's section label in capitals ends ("NIGER — …"); 0 for none. */
function sectionLabelEnd(sentence: string): number {
  const label = /^[\p{Lu}\s/&,'’.-]{3,60}?(?=\s*(?:—|–|-|:)\s)/u.exec(sentence)?.[0];
  return label && /\p{Lu}{3}/u.test(label) ? label.length : 0;
}

/** A state by the adjective of its people: "belarusian" → belarus. */
const DEMONYM_STATE = new Map(GAZETTEER.filter((e) => e.kind === 'state').flatMap((e) => e.demonyms.map((d) => [d.toLowerCase(), e.id] as const)));

export type { Mention } from './types';
/** Nouns after a nationality that make the phrase an actor of its own: "Cuban exile groups", "Armenian soldiers". */
export const GROUP_HEADS: Record<string, ActorKind> = Object.fromEntries([
  ...`citizens nationals soldiers troops prisoners detainees hostages protesters demonstrators activists dissidents
  journalists lawmakers exiles groups refugees migrants students workers fishermen sailors civilians clergy tourists
  opposition businessmen scientists athletes pilgrims veterans officers unions rebels militants insurgents separatists
  guerrillas fighters gunmen settlers farmers villagers monks nationalists supporters residents youths protestors
  parties campaigners marchers crowds mourners teachers doctors nurses miners traders truckers senators legislators
  congressmen deputies hardliners donors creditors`
    .split(/\s+/)
    .map((w) => [w, 'group']),
  ...`academic journalist activist dissident official lawmaker minister diplomat citizen national soldier student
  businessman businesswoman blogger tourist worker researcher pilot sailor priest`
    .split(/\s+/)
    .map((w) => [w, 'person']),
  ...`firms companies company firm airline airlines carrier bank banks lender exporters exporter producer`.split(/\s+/).map((w) => [w, 'company']),
  ...`potash oil gas steel wheat grain fertiliser fertilizer fertilisers fertilizers timber diamonds gold coal uranium
  aluminium aluminum cotton cocoa coffee copper nickel`
    .split(/\s+/)
    .map((w) => [w, 'commodity']),
]);

/** The armed groups the gazetteer knows (Hamas, the FARC, the LTTE): who "the rebels" are once one is named. */
const ARMED_GROUPS = new Set(GAZETTEER.filter((e) => e.kind === 'group').map((e) => e.id));
/** "the rebels", "the guerrillas", "the rebel delegation": the armed group the article named last. */
const ARMED_GROUP_REFERENCE =
  /\b[Tt]he\s+(?:(?:rebels|guerrillas|insurgents|militants|separatists)\b|(?:rebel|guerrilla|insurgent|militant|separatist)\s+(?:group|movement|delegation|leadership|negotiators|side|commanders|fighters)\b)(?!\s+\p{Lu})/gu;
/** What the rebels are called beside their name, counted to them when the article's sides are weighed. */
const ARMED_GROUP_WORDS = /\b(?:rebels?|guerrillas?|insurgents?|militants?|separatists?)\b/gi;

/** The group nouns that name a state's armed forces. */
const FORCES = /\b(?:troops|soldiers|forces|officers)$/i;

/** Words after a nationality that describe the state acting through its institutions: "Kenyan police". */
const STATE_BODIES = String.raw`government|authorities|police|junta|regime|military|army|armed forces|security forces|state media|foreign ministry|ministry|administration|officials|leadership|cabinet|parliament|navy|embassy|courts?|prosecutors?`;
const STATE_BODY_WORD = new RegExp(String.raw`^(?:${STATE_BODIES})$`);
/** The same words alone name the article's state; "officials", "the embassy" alone are too vague to. */
const GOVERNMENT_WORDS = String.raw`government|authorities|police|junta|regime|military|army|security forces|state media|foreign ministry|administration`;
/** A role word after a group noun makes it a title or a compound: "opposition leader Teresa Alvarado", "the Saudi national security adviser". */
const ROLE_AFTER =
  /^\s+(?:leader|leaders|envoy|spokesman|spokeswoman|spokesperson|chief|head|figure|members?|minister|official|diplomat|lawmaker|activist|journalist|security|adviser|advisor|interests?|team|guard|assembly|council|committee|congress|elections?|unity|news|television|carrier|facility|facilities|fields?|installations?|plant|refinery|exports?|imports?|company|firm|giant|ministry|sector|industry|revenues?|prices?|output|production|tankers?|pipeline|terminal)\b/;

/** Role words that, after "the", refer back to the person last named with them: "the minister", "the envoy". */
const ROLE_NOUNS = new Set(
  'minister president premier envoy leader ambassador spokesman spokeswoman chancellor mediator negotiator secretary king queen emir sultan monarch emperor empress shah'.split(
    ' ',
  ),
);
const ROLE_PHRASE = new RegExp(
  String.raw`\b[Tt]he\s+(?:(?:foreign|prime|defence|defense|deputy|interior|special|senior|chief)\s+)?(${[...ROLE_NOUNS].join('|')})\b(?!\s*,?\s*\p{Lu})`,
  'gu',
);

const LOCATION_BEFORE = /\b(?:in|at|near|outside|inside|across|throughout|from)\s+(?:the\s+)?$/i;

/** What may stand between a nationality and a name it qualifies: "Belarusian President", "Syria's interim president,". */
const ROLE_WORDS = String.raw`president|prime|minister|foreign|leader|envoy|counterpart|interim|secretary|opposition|chief|spokesman|spokeswoman|spokesperson|deputy|special|former|ambassador|lawmakers?|diplomat|veteran|career|head|policy|state|of|the|defence|defense|military|army|general|official|activist|journalist|national|citizen|academic|senior|top|new|acting`;
const PARTY_NAME = /\bParty$/;
const STATE_OFFICE = new RegExp(`^(?:${GENERIC_MINISTRY.source})\\s+of\\s+(?:the\\s+)?`);
/** "'s neighbours", "'s Western allies": others, named by how they stand to the one before. */
const RELATED_TO = /^['’]s?\s+(?:[a-z-]+\s+)?(?:neighbou?rs|allies|rivals|enemies|critics|opponents|foes|detractors|adversaries|creditors|backers)\b/;
const TITLE_BETWEEN = new RegExp(String.raw`^(?:['’]s)?(?:\s*,?\s*(?:\p{Lu}[\p{L}-]*|${ROLE_WORDS})){0,6}\s*,?\s*$`, 'u');

export class ArticleActors {
  private readonly seen = new Map<string, ActorRef>();
  private readonly persons: ActorRef[] = [];
  private readonly states: ActorRef[] = [];
  private readonly personState = new Map<string, ActorRef>();
  /** The role words written before each person's name ("Foreign Minister Viktor Salei": minister), by id. */
  private readonly personRoles = new Map<string, Set<string>>();
  private readonly resolved = new Map<string, string>();
  private lastOrganization: ActorRef | null = null;
  private lastArmedGroup: ActorRef | null = null;
  /** What the sentences read so far leave to refer back to ("It", "Its foreign ministry", "the bloc"). */
  private readonly discourse = new Discourse();
  /** The actors the last sentence named only as places ("in Addis Ababa"): never what a later "They" refers to. */
  private placesOnly = new Set<string>();

  /**
   * `ranked`: the article's states, most named first (the first of equals first named), as `mainStates` gives them;
   * `sides`: its states and armed groups so ranked, as `mainSides` gives them (who "both sides" are).
   */
  constructor(
    private readonly lexicon: Lexicon,
    private readonly ranked: readonly ActorRef[],
    private readonly sides: readonly ActorRef[] = ranked,
  ) {}

  /** The state the article names most: who "the government" and "police" are when no one else is said. */
  get dominantState(): ActorRef | null {
    return this.ranked[0] ?? null;
  }

  actors(): ActorRef[] {
    return [...this.seen.values()];
  }

  /** How each actor was first recognised in the article (see Mention.how), by actor id. */
  resolutions(): ReadonlyMap<string, string> {
    return this.resolved;
  }

  stateOf(person: ActorRef): ActorRef | undefined {
    return this.personState.get(person.id);
  }

  /** "South Sudanese troops", "Sudanese forces": a nationality's armed forces act for its state. */
  forcesOf(actor: ActorRef): ActorRef {
    if (actor.kind !== 'group' || !FORCES.test(actor.name)) return actor;
    return this.stateNamedIn(actor.name) ?? actor;
  }

  /** The state a phrase names by its name, demonym or capital ("Russian border guards": Russia); null for none. */
  stateNamedIn(phrase: string): ActorRef | null {
    const match = this.lexicon.find(phrase).find((m) => m.actor.kind === 'state' && m.via !== 'city');
    if (!match) return null;
    if (!this.seen.has(match.actor.id)) this.seen.set(match.actor.id, match.actor);
    if (!this.resolved.has(match.actor.id)) this.resolved.set(match.actor.id, `the state of "${phrase.trim()}"`);
    return match.actor;
  }

  /**
   * The two states an article is about ("both sides", "the two governments"): the two it names most, so that a
   * state named in passing first ("spoke only through the Swiss") is not one of them; else the first two named. In
   * the order they were first named.
   */
  pair(): ActorRef[] {
    if (this.sides.length < 2) return this.states.slice(0, 2);
    const order = [...this.seen.values()];
    const seenAt = (a: ActorRef) => {
      const at = order.findIndex((s) => s.id === a.id);
      return at < 0 ? order.length : at;
    };
    return this.sides.slice(0, 2).sort((a, b) => seenAt(a) - seenAt(b));
  }

  /** The counted people or things of a figure ("123 prisoners") as an actor: the one named so, or a new group. */
  group(unit: string): ActorRef {
    // "political prisoners" is a known group of Belarusian ones only in an article about Belarus
    const named = this.lexicon.find(unit).find((m) => m.index === 0 && m.end === unit.length && !this.ofAnotherState(m.actor));
    const actor = named?.actor ?? this.propose(unit, 'group');
    if (!this.seen.has(actor.id)) this.seen.set(actor.id, actor);
    if (!this.resolved.has(actor.id))
      this.resolved.set(actor.id, named ? `the people counted, "${unit}"` : `proposed new group: the people counted, "${unit}"`);
    return actor;
  }

  /** "political prisoners" matched as a known group of another state's ("Belarusian political prisoners"), its nationality unsaid. */
  private foreignGroupByAlias(match: LexiconMatch, sentence: string): boolean {
    const said = sentence.slice(match.index, match.end).toLowerCase();
    return this.ofAnotherState(match.actor) && !said.startsWith(match.actor.name.split(/\s+/)[0]?.toLowerCase() ?? '');
  }

  /** A known group whose name opens with the demonym of a state the article does not name ("Belarusian political prisoners"). */
  private ofAnotherState(actor: ActorRef): boolean {
    if (actor.kind !== 'group') return false;
    const state = DEMONYM_STATE.get(actor.name.split(/\s+/)[0]?.toLowerCase() ?? '');
    return state !== undefined && !this.states.some((s) => s.id === state);
  }

  /** The agents (and targets) of the sentence's first event, for "It …", "Its …" and "They …" in a later sentence. */
  noteAgents(agents: readonly ActorRef[], targets: readonly ActorRef[] = []): void {
    const real = (a: ActorRef) => !this.placesOnly.has(a.id);
    this.discourse.noteEvent(agents.filter(real), targets.filter(real));
  }

  /** An organisation the parse found as a subject that no name matched ("The ELN guerrilla group"): known or new. */
  organization(name: string): ActorRef {
    const named = this.lexicon.find(name).find((m) => m.index === 0 && m.end === name.length);
    const actor = named?.actor ?? this.seen.get(slugify(name)) ?? this.propose(name, 'organization');
    if (!this.seen.has(actor.id)) this.seen.set(actor.id, actor);
    if (!this.resolved.has(actor.id)) this.resolved.set(actor.id, proposedOr(actor, `the subject "${name}" of the parse, an organisation`));
    return actor;
  }

  /** `organizations`: the spans the parser took for organisation names, offsets into the sentence (none without it). */
  mentionsIn(sentence: string, organizations: ReadonlyArray<{ start: number; end: number }> = []): Mention[] {
    const named = this.namedMentions(sentence, organizations);
    const described = this.describedMentions(sentence, named);
    const all = [...named, ...described].sort((a, b) => a.index - b.index);
    this.linkNationalities(sentence, all);
    // "Qatar's neighbours blockaded the emirate": those related to a state, not the state, are who act
    for (const mention of all) if (RELATED_TO.test(sentence.slice(mention.end))) mention.modifier = true;
    for (const mention of all) this.remember(mention);
    for (const mention of all) if (mention.actor.kind === 'person') this.noteRoles(sentence, mention);
    this.noteSentence(sentence, all);
    return all;
  }

  /** What this sentence leaves for the next to refer back to: its subject, the states it names, its places. */
  private noteSentence(sentence: string, mentions: Mention[]): void {
    const actors = mentions.filter((m) => !m.location);
    this.placesOnly = new Set(mentions.filter((m) => m.location && !actors.some((a) => a.actor.id === m.actor.id)).map((m) => m.actor.id));
    for (const m of actors) this.discourse.noteActor(m.actor);
    this.discourse.noteStates(actors.filter((m) => m.actor.kind === 'state').map((m) => m.actor));
    const heads = actors.filter((m) => !m.modifier);
    this.discourse.noteSubject(subjectBefore(sentence, heads, 0, sentence.length).map((m) => m.actor));
  }

  // --- names: the lexicon, then unknown capitalised names ---------------------------------------------------

  private namedMentions(sentence: string, organizations: ReadonlyArray<{ start: number; end: number }>): Mention[] {
    const labelEnd = sectionLabelEnd(sentence);
    const matches = this.lexicon.find(titleCasedLabel(sentence, labelEnd)).filter((m) => !this.foreignGroupByAlias(m, sentence));
    const whole = this.placeNamedOrganizations(sentence, organizations, matches);
    const outside = matches.filter((m) => !whole.some((o) => m.index < o.end && o.index < m.end));
    const lexical = [...whole, ...this.groupPhrases(sentence, outside)];
    const spans = this.nameSpans(sentence, lexical);
    // the states of a section label are where its items happen, not their actors
    return [...lexical, ...spans].map((m) => (m.end <= labelEnd ? { ...m, location: true } : m)).sort((a, b) => a.index - b.index);
  }

  /**
   * "the Washington Post", "the Phnom Penh Post", "the Mauritanian Students Union": an organisation whose name holds a
   * place (or opens with a nationality) is that organisation, kept whole, not the place's state and a fragment. Only
   * names the parser took for an organisation, that hold a state's name, capital or city with words of their own, and
   * that are not a state's institution ("the Chilean foreign ministry") or already a known name.
   */
  private placeNamedOrganizations(sentence: string, organizations: ReadonlyArray<{ start: number; end: number }>, matches: LexiconMatch[]): Mention[] {
    const found: Mention[] = [];
    for (const span of organizations) {
      const lead = /^(?:[Tt]he\s+)/.exec(sentence.slice(span.start, span.end))?.[0].length ?? 0;
      const [index, end] = [span.start + lead, span.end];
      const name = sentence.slice(index, end);
      const inside = matches.filter((m) => m.index >= index && m.end <= end);
      const exact = matches.some((m) => m.index === index && m.end === end);
      // "the Mauritanian Students Union": a nationality opening a name of capitalised words is part of that name
      const capitalised = name.split(/\s+/).every((word) => /^(?:\p{Lu}|of$|for$|and$|the$)/u.test(word));
      const place = inside.some((m) => m.actor.kind === 'state' && (m.via !== 'demonym' || capitalised));
      const lastWord = name.split(/\s+/).pop() ?? '';
      if (exact || !place || !/\s/.test(name) || !/^\p{Lu}/u.test(lastWord) || STATE_BODY_WORD.test(lastWord.toLowerCase())) continue;
      if (inside.some((m) => m.actor.kind === 'state' && m.index === index && m.end === end)) continue;
      // "the Ministry of Foreign Affairs of Ukraine": a state's office, which acts as the state (as "Ukraine's foreign ministry")
      if (STATE_OFFICE.test(name)) continue;
      const actor = this.seen.get(slugify(name)) ?? this.propose(name, 'organization');
      found.push(this.mention(sentence, index, end, actor, proposedOr(actor, `organisation name "${name}", kept whole`)));
    }
    return found;
  }

  /** A nationality followed by a group noun is that group, not the state: "four Armenian soldiers". */
  private groupPhrases(sentence: string, matches: LexiconMatch[]): Mention[] {
    const mentions: Mention[] = [];
    for (const match of matches) {
      if (mentions.some((m) => match.index < m.end)) continue; // swallowed by a group phrase ("French-Iranian")
      const group = match.actor.kind === 'state' && match.via === 'demonym' ? groupAfter(sentence, match) : null;
      if (group) {
        const actor = this.propose(group.name, group.kind);
        mentions.push(this.mention(sentence, group.index, group.end, actor, proposedOr(actor, `nationality and group "${group.name}"`)));
      } else {
        const how = proposedOr(match.actor, lexicalHow(match));
        mentions.push({ ...this.mention(sentence, match.index, match.end, match.actor, how), location: isLocation(sentence, match) });
      }
    }
    return mentions;
  }

  private nameSpans(sentence: string, taken: Mention[]): Mention[] {
    const mentions: Mention[] = [];
    for (const run of capitalisedRuns(sentence, taken)) {
      const last = run[run.length - 1];
      const earlier = last ? this.coreferent(last.text) : undefined; // "Sargsyan thanked …"
      if (earlier && last && run.length === 1) {
        mentions.push(this.mention(sentence, last.index, last.end, earlier, `surname "${last.text}" of the person named earlier`));
        continue;
      }
      const span = classifySpan(run, sentence.slice(Math.max(0, (run[0]?.index ?? 0) - 40), run[0]?.index ?? 0));
      if (!span) continue;
      const actor = this.coreferent(span.name) ?? this.propose(span.name, span.kind);
      mentions.push(this.mention(sentence, span.index, span.end, actor, proposedOr(actor, `name "${span.name}"`)));
    }
    return mentions;
  }

  /** "Carver" after "Helen Carver": a surname alone names the person already mentioned. */
  private coreferent(name: string): ActorRef | undefined {
    if (name.includes(' ')) return this.seen.get(slugify(name));
    // "Mr Nguyen" after "Nguyen Van Hoa": a family name may come first
    return this.persons.find((p) => p.name.split(/\s+/).pop() === name) ?? this.persons.find((p) => p.name.split(/\s+/)[0] === name && /\s/.test(p.name));
  }

  // --- descriptions: "the government", "she", "both sides", "human rights groups" ---------------------------

  private describedMentions(sentence: string, named: Mention[]): Mention[] {
    const found: Mention[] = [];
    const add = (index: number, text: string, actors: Array<ActorRef | null | undefined>, why: string, coreferent = true) => {
      const end = index + text.length;
      if ([...named, ...found].some((m) => index < m.end && m.index < end)) return;
      for (const actor of actors)
        if (actor) found.push({ ...this.mention(sentence, index, end, actor, proposedOr(actor, `"${text}": ${why}`)), ...(coreferent ? { coreferent } : {}) });
    };
    this.possessivesAcross(sentence, named, add);
    for (const m of sentence.matchAll(BARE_BODY)) add(m.index ?? 0, m[0], [this.discourse.lastBody()], 'the international body named last');
    for (const m of sentence.matchAll(BARE_DEPARTMENT)) {
      const place = this.governmentNear(sentence, m.index ?? 0, named, null);
      const earlier = place ? null : this.discourse.singleState((a) => this.personState.get(a.id));
      const [actor, why] = place
        ? [place, 'the state that governs where it happens']
        : earlier
          ? [earlier, 'the state the sentence before was about']
          : [this.dominantState, "the article's main state"];
      add(m.index ?? 0, m[0], [actor], `a state's department: ${why}`);
    }
    for (const m of sentence.matchAll(
      new RegExp(String.raw`\b(?:(?:the|its|their)\s+)?(?:(?:military|interim|new|local|central)\s+)?(?:${GOVERNMENT_WORDS})\b`, 'gi'),
    )) {
      if (followsState(sentence, m.index ?? 0, named)) continue;
      // "China lodged a protest with Japan, and its foreign ministry …": "its" is the state the sentence is about
      const owner = /^(?:its|their)\b/i.test(m[0])
        ? named.find((n) => n.actor.kind === 'state' && !n.location && !n.modifier && n.end <= (m.index ?? 0))
        : undefined;
      if (owner) add(m.index ?? 0, m[0], [owner.actor], 'the state named first in the sentence, whose it is', false);
      else
        add(
          m.index ?? 0,
          m[0],
          [this.governmentNear(sentence, m.index ?? 0, named)],
          "the state that governs where it happens, or the article's main state",
          false,
        );
    }
    for (const m of sentence.matchAll(/\b(?:his|her)\s+(?:government|country|administration)\b/gi)) {
      // "Guyana's president said his country would …": the state whose office-holder the sentence named before it
      const office = named.filter((n) => n.actor.kind === 'state' && !n.location && n.possessive && n.end <= (m.index ?? 0)).pop();
      if (office) {
        add(m.index ?? 0, m[0], [office.actor], 'the state of the office-holder named before it in the sentence');
        continue;
      }
      const person = this.persons[this.persons.length - 1];
      add(m.index ?? 0, m[0], [(person && this.personState.get(person.id)) ?? this.dominantState], 'the state of the person named last');
    }
    // read with case: "Human Rights Watch" is a name, "human rights groups" are not (case-blind, \p{Lu} is any letter)
    for (const m of sentence.matchAll(/\b(?:[Hh]uman\s+)?[Rr]ights\s+(?:groups|organi[sz]ations|activists|campaigners|defenders)\b(?!\s+\p{Lu})/gu)) {
      add(
        m.index ?? 0,
        m[0],
        [
          this.propose(
            m[0].replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
            'group',
          ),
        ],
        'a group',
        false,
      );
    }
    for (const m of sentence.matchAll(/\b[Tt]he\s+(?:group|organi[sz]ation)\b(?!\s+\p{Lu})/gu))
      add(m.index ?? 0, m[0], [this.lastOrganization], 'the organisation named last');
    for (const m of sentence.matchAll(ARMED_GROUP_REFERENCE)) {
      const here = named.filter((n) => ARMED_GROUPS.has(n.actor.id) && n.end <= (m.index ?? 0)).pop()?.actor;
      add(m.index ?? 0, m[0], [here ?? this.lastArmedGroup], 'the armed group named last');
    }
    for (const m of sentence.matchAll(/\b(?:[Bb]oth|[Tt]he two)\s+(?:\w+\s+)?(?:ministers|leaders|presidents|envoys|men|women)\b/g)) {
      const recent = this.discourse.lastTwoStates();
      if (this.persons.length >= 2) add(m.index ?? 0, m[0], this.persons.slice(-2), 'the two people named last');
      // "Tokayev hosted his Uzbek counterpart. The two leaders inked …": one of them named, both states told
      else if (recent.length === 2) add(m.index ?? 0, m[0], recent, 'the leaders of the two states the sentence before named');
      else add(m.index ?? 0, m[0], this.pair(), 'the leaders of the two states the article is about');
    }
    // "the countries" alone is too vague; "the neighbours" is the pair
    for (const m of sentence.matchAll(
      /\b(?:[Bb]oth|[Tt]he two|[Tt]he(?=\s+neighbou?rs))\s+(?:sides|countries|governments|nations|states|parties|neighbours|neighbors)\b/g,
    )) {
      // "After the meeting of the Chinese and Indian ministers, both sides agreed …", "urged Israel and Hamas … both sides":
      // the last two sides this sentence named before, states or armed groups
      const here = uniqueActors(
        named.filter((n) => (n.actor.kind === 'state' || n.actor.kind === 'group') && !n.location && n.end <= (m.index ?? 0)).map((n) => n.actor),
      ).slice(-2);
      const recent = this.discourse.lastTwoStates();
      // "the two sides", "both parties": the sides of the article's story, whoever the sentence before named
      const sides = /(?:sides|parties)$/.test(m[0]) && this.pair().length === 2;
      if (here.length === 2) add(m.index ?? 0, m[0], here, 'the last two sides named before it in the sentence');
      else if (recent.length === 2 && !sides) add(m.index ?? 0, m[0], recent, 'the two states the sentence before named');
      else add(m.index ?? 0, m[0], this.pair(), 'the two states the article is about');
    }
    // "Sweden recalled its ambassador. It also expelled …", "Suva hit back. It recalled …", "X met Y. They agreed …"
    const opening = openingPronoun(sentence);
    if (opening && !named.some((m) => m.index < opening.index)) {
      if (opening.plural)
        add(opening.index, opening.text, this.discourse.plural(), 'pronoun opening the sentence, for who took part in what the sentence before told');
      else add(opening.index, opening.text, [this.discourse.single()], 'pronoun opening the sentence, for who the sentence before was about');
    }
    for (const m of sentence.matchAll(STATE_TITLE)) {
      const title = (m[1] ?? '').toLowerCase();
      const state = this.discourse.lastStateThat((s) => STATE_TITLES[title]?.includes(s.id) ?? false);
      add(m.index ?? 0, m[0], [state], `the ${title} named last`);
    }
    for (const m of sentence.matchAll(BODY_HEAD))
      add(m.index ?? 0, m[0], [this.discourse.lastBodyNamed(m[1] ?? '')], 'the body named last with that word in its name');
    for (const m of sentence.matchAll(ROLE_PHRASE)) {
      const role = (m[1] ?? '').toLowerCase();
      const person = [...this.persons].reverse().find((p) => this.personRoles.get(p.id)?.has(role));
      if (person) add(m.index ?? 0, m[0], [person], `role "${m[0]}" of the person named earlier with it`);
    }
    // "the envoy, Ahmed Said, said he would …": a person named earlier in the sentence comes before one of an earlier
    // sentence, and the person an earlier sentence was about (its subject) before one it named later
    for (const m of sentence.matchAll(/\b(?:[Hh]e|[Ss]he)\b/g)) {
      const here = named.filter((n) => n.actor.kind === 'person' && n.end <= (m.index ?? 0)).pop();
      if (here) add(m.index ?? 0, m[0], [here.actor], 'pronoun for the person named earlier in the sentence');
      else if (this.discourse.personSubject())
        add(m.index ?? 0, m[0], [this.discourse.personSubject()], 'pronoun for the person the sentence before was about');
      else add(m.index ?? 0, m[0], [this.persons[this.persons.length - 1]], 'pronoun for the person named last');
    }
    return found;
  }

  /**
   * "police in Yangon" act for the state of Yangon; "troops fired on protesters in Khartoum, and police arrested …"
   * for the state of the place the sentence is in; "the government" otherwise for the article's main state.
   */
  private governmentNear(sentence: string, index: number, named: Mention[], otherwise: ActorRef | null = this.dominantState): ActorRef | null {
    // "HAVANA — …": a wire's dateline city says where it was filed, not whose government acts ("NIGER — …" does)
    const labelEnd = sectionLabelEnd(sentence);
    const dateline = (m: Mention) => m.end <= labelEnd && /\b(?:capital|city) "/.test(m.how);
    const places = named.filter((m) => m.location && m.actor.kind === 'state' && !dateline(m));
    const after = places.find((m) => m.index > index && m.index - index < 40);
    const before = places.filter((m) => m.end <= index).pop();
    return after?.actor ?? before?.actor ?? otherwise;
  }

  /**
   * "Its foreign ministry condemned …", "Their foreign ministers signed …", "Its special envoy met …" where the
   * sentence names no owner: the owner is who the sentence before was about. "Its information minister, Mohamed
   * Farah," introduces a person, who then acts for that owner.
   */
  private possessivesAcross(sentence: string, named: Mention[], add: (index: number, text: string, actors: Array<ActorRef | null>, why: string) => void): void {
    for (const p of possessiveAgents(sentence)) {
      const ownerInSentence = named.some((m) => !m.location && !m.modifier && m.end <= p.index && m.actor.kind !== 'person');
      if (ownerInSentence) continue;
      const stateOf = (a: ActorRef) => this.personState.get(a.id);
      const owners = p.plural ? this.discourse.pluralStates(stateOf) : [this.discourse.single()];
      const [owner] = owners;
      if (!owner) continue;
      if (p.named) {
        const person = named.find((m) => m.actor.kind === 'person' && m.index >= p.index + p.text.length && m.index - (p.index + p.text.length) < 4);
        if (person && owner.kind === 'state' && !this.personState.has(person.actor.id)) this.personState.set(person.actor.id, owner);
        continue;
      }
      add(p.index, p.text, owners, p.plural ? 'possessive, for the states the sentence before was about' : 'possessive, for who the sentence before was about');
    }
  }

  // --- bookkeeping ------------------------------------------------------------------------------------------

  /** A nationality or "X's president," right before a person names that person's state. */
  private linkNationalities(sentence: string, mentions: Mention[]): void {
    mentions.forEach((mention, i) => {
      // "Soviet Communist Party leader Leonid Brezhnev": a party named between the nationality and the person is theirs too
      const party = mentions[i + 1] && PARTY_NAME.test(mentions[i + 1]?.text ?? '') ? mentions[i + 1] : undefined;
      const next = mentions[party ? i + 2 : i + 1];
      if (mention.actor.kind !== 'state' || mention.location || !next || next.actor.kind !== 'person') return;
      const between = sentence.slice(mention.end, next.index);
      if (TITLE_BETWEEN.test(between)) {
        mention.modifier = true;
        if (party) party.modifier = true;
        if (!this.personState.has(next.actor.id)) this.personState.set(next.actor.id, mention.actor);
      }
    });
    mentions.forEach((mention, i) => {
      const next = mentions[i + 1];
      if (mention.actor.kind === 'person' && next?.actor.kind === 'state' && /^\s+of\s+$/.test(sentence.slice(mention.end, next.index))) {
        if (!this.personState.has(mention.actor.id)) this.personState.set(mention.actor.id, next.actor);
      }
    });
  }

  /** "Belarusian Foreign Minister Viktor Salei": the role words just before a person's name. */
  private noteRoles(sentence: string, mention: Mention): void {
    // "Foreign Minister Viktor Salei", "Its king, Hassan Alaoui,": the role right before the name or its apposition
    const before = /((?:[\p{L}-]+,?\s+){0,4})$/u.exec(sentence.slice(Math.max(0, mention.index - 50), mention.index))?.[1]?.replace(/,/g, '') ?? '';
    const roles = before
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => ROLE_NOUNS.has(w));
    if (roles.length === 0) return;
    const known = this.personRoles.get(mention.actor.id) ?? new Set<string>();
    for (const role of roles) known.add(role);
    this.personRoles.set(mention.actor.id, known);
  }

  private remember(mention: Mention): void {
    const { actor } = mention;
    if (!this.seen.has(actor.id)) this.seen.set(actor.id, actor);
    if (!this.resolved.has(actor.id)) this.resolved.set(actor.id, mention.how);
    if (actor.kind === 'person') {
      const at = this.persons.findIndex((p) => p.id === actor.id);
      if (at >= 0) this.persons.splice(at, 1);
      this.persons.push(actor);
    } else if (actor.kind === 'state' && !this.states.some((s) => s.id === actor.id)) {
      this.states.push(actor);
    } else if (actor.kind === 'organization' || actor.kind === 'group') {
      this.lastOrganization = actor;
      if (ARMED_GROUPS.has(actor.id)) this.lastArmedGroup = actor;
    }
  }

  private propose(name: string, kind: ActorKind): ActorRef {
    const id = slugify(name);
    return this.seen.get(id) ?? { id, name, kind, known: false };
  }

  private mention(sentence: string, index: number, end: number, actor: ActorRef, how: string): Mention {
    const possessive = /^['’]s?\b/.test(sentence.slice(end));
    return { index, end, text: sentence.slice(index, end), actor, location: false, modifier: false, possessive, how };
  }
}

const proposedOr = (actor: ActorRef, how: string) => (actor.known ? how : `proposed new actor (${how})`);

/** How a lexicon match names its actor, for a reviewer. */
function lexicalHow(match: LexiconMatch): string {
  const words = `"${match.text}"`;
  if (match.via === 'demonym') return `nationality ${words}`;
  if (match.via === 'capital') return `capital ${words} for its government`;
  if (match.via === 'city') return `city ${words} in it`;
  if (!match.actor.known) return `gazetteer name ${words}`;
  return match.text === match.actor.name ? `exact name ${words}` : `alias ${words}`;
}

/** "in Minsk" is where; "culminated in the United States announcing …" is still who. */
function isLocation(sentence: string, match: LexiconMatch): boolean {
  if (match.via === 'city') return true;
  const actsNext = /^\s+(?:\w+ing|said|says|has|have|had|was|were|is|are|will|would)\b/.test(sentence.slice(match.end));
  return match.actor.kind === 'state' && !actsNext && LOCATION_BEFORE.test(sentence.slice(Math.max(0, match.index - 15), match.index));
}

function groupAfter(sentence: string, match: LexiconMatch): { index: number; end: number; name: string; kind: ActorKind } | null {
  const rest = sentence.slice(match.end);
  if (match.via === 'demonym' && /(?:ans|is|ers)$/.test(match.text) && !/^\s*\p{Lu}/u.test(rest)) {
    return { index: match.index, end: match.end, name: match.text, kind: 'group' }; // "80 Venezuelans"
  }
  const hyphenated = /^(?:-\p{Lu}\p{L}+)*/u.exec(rest)?.[0] ?? ''; // "French-Iranian"
  const following = /^((?:\s+[a-z][a-z-]*){1,3})/.exec(rest.slice(hyphenated.length))?.[1]?.trim().split(/\s+/) ?? [];
  const headAt = following.findIndex((w) => GROUP_HEADS[w] !== undefined);
  if (headAt < 0) return null;
  const modifiers = following.slice(0, headAt);
  if (modifiers.some((w) => STATE_BODY_WORD.test(w) || /^(?:and|of|the|to|in|who|which|that)$/.test(w))) return null;
  const head = following[headAt] ?? '';
  // "the British prime minister('s office)": the one who holds a state's office, unnamed, acts for the state
  if (head === 'minister' && /\bthe\s+$/i.test(sentence.slice(Math.max(0, match.index - 4), match.index))) return null;
  const phrase = [...modifiers, head].join(' ');
  const end = match.end + hyphenated.length + rest.slice(hyphenated.length).indexOf(phrase) + phrase.length;
  if (ROLE_AFTER.test(sentence.slice(end)) || /^\s+\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(sentence.slice(end))) return null;
  return { index: match.index, end, name: sentence.slice(match.index, end), kind: GROUP_HEADS[head] ?? 'group' };
}

/** "Kenyan police", "Iran's foreign ministry": the state already stands for its institution. */
function followsState(sentence: string, index: number, named: Mention[]): boolean {
  return named.some((m) => m.actor.kind === 'state' && !m.location && m.end <= index && /^(?:['’]s)?\s+(?:[a-z]+\s+)?$/.test(sentence.slice(m.end, index)));
}

interface Word {
  text: string;
  index: number;
  end: number;
}

/** "al-Kadhimi", "el-Sisi", "d'Estaing": a name's particle joined to its capitalised part. */
const PARTICLE_NAME = /^(?:al|el|ad|ar|as|ash|at|an|ibn|bin|ben|d)[-'’]\p{Lu}/u;

/** Runs of capitalised words (joined by "of", "for", "de" …) that no lexicon match covers. */
function capitalisedRuns(sentence: string, taken: Mention[]): Word[][] {
  const words: Word[] = [...sentence.matchAll(/[\p{L}][\p{L}'’.-]*[\p{L}]|[\p{L}]/gu)].map((m) => ({
    text: m[0],
    index: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const runs: Word[][] = [];
  let run: Word[] = [];
  const flush = () => {
    while (run.length > 0 && /^\p{Ll}/u.test(run[run.length - 1]?.text ?? '') && !PARTICLE_NAME.test(run[run.length - 1]?.text ?? '')) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  words.forEach((word, i) => {
    const covered = taken.some((m) => word.index < m.end && m.index < word.end);
    const previous = words[i - 1];
    // "Nikita S. Khrushchev": a middle initial's full stop does not end the name
    const initial = previous !== undefined && /^\p{Lu}$/u.test(previous.text) && run.length > 1;
    const adjacent = previous !== undefined && (initial ? /^\.?\s+$/ : /^\s+$/).test(sentence.slice(previous.end, word.index));
    if (covered || !adjacent) flush();
    if (covered) return;
    // "Mustafa al-Kadhimi", "Abdel Fattah el-Sisi": a particle joined to a capitalised name is part of the name
    if (/^\p{Lu}/u.test(word.text) || (run.length > 0 && PARTICLE_NAME.test(word.text))) run.push(word);
    else if (run.length > 0 && /^(of|for|de|da|del|la|van|von|der|den|di|du|do|dos|das|al|bin|ibn|the)$/.test(word.text)) run.push(word);
    else flush();
  });
  flush();
  return runs;
}

/**
 * The sides an article's story is between: its states (named outright, not by a city in them) and the armed groups
 * the gazetteer knows, with "the rebels" and the like counted to the first such group named; most often first.
 */
export function mainSides(lexicon: Lexicon, text: string): ActorRef[] {
  const counts = namedCounts(lexicon, text, (m) => (m.actor.kind === 'state' && m.via !== 'city') || ARMED_GROUPS.has(m.actor.id));
  const group = [...counts.values()].filter((e) => ARMED_GROUPS.has(e.actor.id)).sort((a, b) => a.first - b.first)[0];
  if (group) group.count += [...text.matchAll(ARMED_GROUP_WORDS)].length;
  return mostNamed(counts);
}

/** The states the article names, most often first (the first of equals first named). */
export function mainStates(lexicon: Lexicon, text: string): ActorRef[] {
  return mostNamed(namedCounts(lexicon, text, (m) => m.actor.kind === 'state'));
}

interface NamedCount {
  actor: ActorRef;
  count: number;
  first: number;
}

/** How often the text names each actor the filter keeps, and where it first names it. */
function namedCounts(lexicon: Lexicon, text: string, keep: (match: LexiconMatch) => boolean): Map<string, NamedCount> {
  const counts = new Map<string, NamedCount>();
  for (const match of lexicon.find(text)) {
    if (!keep(match)) continue;
    const entry = counts.get(match.actor.id) ?? { actor: match.actor, count: 0, first: match.index };
    entry.count += 1;
    counts.set(match.actor.id, entry);
  }
  return counts;
}

/** Most often named first; of equals, the first named first. */
function mostNamed(counts: Map<string, NamedCount>): ActorRef[] {
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((entry) => entry.actor);
}
