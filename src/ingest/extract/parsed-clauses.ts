import type { EventType } from '../../domain/model';
import type { Token } from '../../nlp/parse.schemas';
import type { Mention } from './mentions';

/**
 * What the dependency parse says about the clause of a trigger: its head word, who its own subject is (shared
 * with the verb it is coordinated with, controlled by the verb it completes, or the noun a relative clause hangs
 * on), whether it is told in the past perfect, and which dates belong to it. Tokens are the sentence's own, with
 * offsets into the sentence; every answer is null or empty when the parse says nothing, and the rules decide.
 */
export class ParsedClauses {
  private readonly byIndex = new Map<number, Token>();
  private readonly children = new Map<number, Token[]>();

  constructor(
    readonly tokens: readonly Token[],
    private readonly text = '',
  ) {
    for (const t of tokens) this.byIndex.set(t.i, t);
    for (const t of tokens) if (t.head !== t.i && this.byIndex.has(t.head)) this.childrenOf(t.head).push(t);
  }

  get empty(): boolean {
    return this.tokens.length === 0;
  }

  /** The word that heads the words [start, end): the one whose head lies outside them (the first such). */
  headOf(start: number, end: number): Token | null {
    const inside = this.tokens.filter((t) => t.start >= start && t.end <= end && t.pos !== 'PUNCT');
    const within = (i: number) => inside.some((t) => t.i === i);
    return inside.find((t) => t.head === t.i || !within(t.head)) ?? null;
  }

  /** The verb that heads the trigger's words, when they are a verb's ("expelled two diplomats"); null for a noun. */
  verbOf(start: number, end: number): Token | null {
    const head = this.headOf(start, end);
    return head && (head.pos === 'VERB' || head.pos === 'AUX') ? head : null;
  }

  /**
   * The actors that do what the verb says: its own subject with what is coordinated to it; for a verb without
   * one, the subject of the verb it is coordinated with or completes ("met … and signed", "Speaking in Vienna, X
   * criticised"), the object of a verb of causing ("led Santiago to recall"), the noun a relative clause describes.
   * A passive verb's agent is its "by" phrase. Null when the parse names no subject that a mention covers.
   */
  agentsOf(verb: Token, heads: readonly Mention[]): Mention[] | null {
    const subject = this.subjectOf(verb, 0);
    if (!subject) return null;
    const found = subject.flatMap((t) => this.mentionsOfPhrase(t, heads));
    if (found.length > 0) return unique(found);
    const sent = subject.flatMap((t) => this.sentBy(t, heads));
    return sent.length > 0 ? unique(sent) : null;
  }

  /**
   * "Officials from both countries", "the foreign ministers of Brazil and Argentina", "officials in Kampala": people
   * who act for the states their "from", "of" or "in" phrase names.
   */
  private sentBy(noun: Token, heads: readonly Mention[]): Mention[] {
    if (!ACTING_FOR.test(noun.lemma)) return [];
    // "officials in Kampala": a capital stands for its government
    const preposition = this.childrenOf(noun.i).find((c) => c.dep === 'prep' && /^(?:from|of|in)$/i.test(c.text));
    const object = preposition ? this.childrenOf(preposition.i).find((c) => c.dep === 'pobj') : undefined;
    return object ? this.withConjuncts(object).flatMap((t) => this.mentionsOfPhrase(t, heads)) : [];
  }

  /**
   * The name of an organisation the verb's subject is, when no mention covers it: "The ELN guerrilla group", "the
   * FARC": a group, party or council noun with a proper name in it, or an acronym. Null otherwise.
   */
  unnamedOrganization(verb: Token, heads: readonly Mention[]): string | null {
    const subject = this.subjectOf(verb, 0)?.[0];
    if (!subject || this.mentionsOfPhrase(subject, heads).length > 0) return null;
    const span = this.coreSpan(subject);
    const words = this.tokens.filter((t) => t.start >= span.start && t.end <= span.end && t.dep !== 'det' && t.dep !== 'punct');
    const named = words.some((t) => t.pos === 'PROPN' && t.i !== subject.i);
    const acronym = subject.pos === 'PROPN' && /^\p{Lu}{2,6}$/u.test(subject.text);
    if (!acronym && !(named && ORGANIZATION_HEADS.has(subject.lemma.toLowerCase()))) return null;
    const first = words[0];
    return first ? this.text.slice(first.start, subject.end) : null;
  }

  /** "led Santiago to recall its ambassador", "forced X to close": an act that another one caused, so done. */
  causedAct(verb: Token | null): boolean {
    if (verb?.dep !== 'xcomp') return false;
    const governor = this.byIndex.get(verb.head);
    // "led Santiago to recall", and a result told by a participle: "…, prompting Berlin to expel two diplomats"
    const told = governor?.tag === 'VBD' || governor?.tag === 'VBN' || (governor?.tag === 'VBG' && governor.dep === 'advcl');
    return !!governor && CAUSING.has(governor.lemma.toLowerCase()) && told;
  }

  /** "two detained French researchers": a participle before a noun describes it, it reports no act. */
  isAttributive(start: number, end: number): boolean {
    const head = this.headOf(start, end);
    return head !== null && head.pos === 'VERB' && head.dep === 'amod';
  }

  /** The verb whose clause holds the words [start, end): their head, or the first verb above it; -1 without a parse. */
  clauseVerbOf(start: number, end: number): number {
    let at = this.headOf(start, end);
    for (let hops = 0; at && hops < 10; hops += 1) {
      if (at.pos === 'VERB') return at.i;
      if (at.head === at.i) return at.i;
      at = this.byIndex.get(at.head) ?? null;
    }
    return -1;
  }

  /** "citizens convicted of espionage": a past participle on a noun, describing it. */
  isReducedRelative(start: number, end: number): boolean {
    const head = this.headOf(start, end);
    return head !== null && head.pos === 'VERB' && head.dep === 'acl' && head.tag === 'VBN';
  }

  /** Is the verb told in the past perfect ("had expelled", "had been signed")? Such a clause tells background. */
  isPastPerfect(verb: Token): boolean {
    return this.childrenOf(verb.i).some((c) => c.dep.startsWith('aux') && /^had$/i.test(c.text));
  }

  /**
   * The event head a date phrase belongs to: up the heads from it to the first of `heads` (a date in a clause
   * dates that clause, not the clause around it). 'elsewhere' when it lies within what a preposition of a verb
   * names ("blamed X for an attack on a border post in July" does not date the blaming); null when the parse
   * does not say.
   */
  ownerOf(start: number, end: number, heads: readonly Token[]): Token | 'elsewhere' | null {
    let at = this.headOf(start, end);
    const wanted = new Set(heads.map((v) => v.i));
    for (let hops = 0; at && hops < 12; hops += 1) {
      if (wanted.has(at.i)) return at;
      // "held in China since December": a state that lasts from then, not when an act was done
      if (hops === 1 && at.pos === 'ADP' && /^since$/i.test(at.text)) return 'elsewhere';
      if (hops > 0 && at.pos === 'VERB') return null;
      // "blamed X for [an attack … in July]", "accused X of …", "after [the talks in May]": what the phrase names
      if (hops > 2 && at.pos === 'ADP' && CONTENT_PREPOSITIONS.test(at.text)) return 'elsewhere';
      if (at.head === at.i) return null;
      at = this.byIndex.get(at.head) ?? null;
    }
    return null;
  }

  /**
   * Is `word` in a relative clause on a noun below `governor` ("would reopen the crossings, a move Caracas
   * welcomed")? Such a clause reports an act of its own, not what the governor wishes or plans.
   */
  inRelativeClauseBelow(word: Token | null, governor: Token | null): boolean {
    if (!word || !governor) return false;
    let relative = false;
    let at: Token | undefined = word;
    for (let hops = 0; at && hops < 8; hops += 1) {
      if (at.dep === 'relcl') relative = true;
      if (at.head === governor.i) return relative;
      if (at.head === at.i) return false;
      at = this.byIndex.get(at.head);
    }
    return false;
  }

  /**
   * "agreed to resume talks and signed 13 agreements": a verb in the past or present tense that the parse joins to an
   * infinitive is joined, in fact, to the finite verb above it (an infinitive's conjuncts are infinitives).
   */
  private finiteBesideInfinitive(word: Token): boolean {
    return word.dep === 'conj' && /^VB[DZ]$/.test(word.tag) && this.byIndex.get(word.head)?.tag === 'VB';
  }

  /**
   * "agreed on a plan to remove mines, and in June the rebels declared a ceasefire": a verb with a subject of its own
   * that does not hang below another word is a clause of its own, outside that word's complement, as is a finite verb
   * beside an infinitive. False without a parse.
   */
  standsApartFrom(word: Token | null, governor: Token | null): boolean {
    if (!word || !governor) return false;
    // "agreed to resume talks and signed 13 agreements": the governor's own conjunct, or an infinitive's finite one
    if ((word.dep === 'conj' && word.head === governor.i) || this.finiteBesideInfinitive(word)) return true;
    if (!this.childrenOf(word.i).some((c) => c.dep === 'nsubj' || c.dep === 'nsubjpass')) return false;
    let at: Token | undefined = word;
    for (let hops = 0; at && hops < 10; hops += 1) {
      if (at.head === governor.i) return false;
      if (at.head === at.i) return true;
      at = this.byIndex.get(at.head);
    }
    return false;
  }

  /**
   * Does a mention after a noun trigger belong to the noun's own phrase ("the release of … by Bahrain")? Not when
   * another verb stands between them ("The release followed an appeal by Kuwait's emir"); true before it or without
   * a parse.
   */
  phraseOfNoun(mention: { index: number; end: number }, start: number, end: number): boolean {
    const noun = this.headOf(start, end);
    let at = mention.index >= end ? this.headOf(mention.index, mention.end) : null;
    if (!noun || !at) return true;
    let between = false;
    for (let hops = 0; at && hops < 10; hops += 1) {
      // the noun's own words ("a ceasefire declared by both governments"), the verb it is the object of ("drew
      // condemnation from the African Union"), or the sides of the noun's verb ("Negotiations resumed … between A and B")
      if (at.i === noun.i || (at.start >= start && at.end <= end)) return true;
      // a participle on the noun itself: "a cessation of hostilities mediated by Russia"
      const described = this.byIndex.get(at.head);
      if (at.dep === 'acl' && described && described.start >= start && described.end <= end) return true;
      if (at.i === noun.head && (noun.dep === 'dobj' || (between && noun.dep.startsWith('nsubj')))) return true;
      between ||= at.pos === 'ADP' && /^between$/i.test(at.text);
      if (at.pos === 'VERB' || at.pos === 'AUX' || at.head === at.i) return false;
      at = this.byIndex.get(at.head) ?? null;
    }
    return false;
  }

  /** Are the two tokens coordinated verbs ("expelled …, and … had closed")? */
  conjoined(a: number | null, b: number | null): boolean {
    const [x, y] = [a === null ? null : this.token(a), b === null ? null : this.token(b)];
    if (!x || !y || x.pos !== 'VERB' || y.pos !== 'VERB') return false;
    return (y.dep === 'conj' && y.head === x.i) || (x.dep === 'conj' && x.head === y.i);
  }

  /**
   * Does `later` add to the moment of `earlier`'s clause: a verb coordinated with it or with a verb that governs it
   * ("answered the next day by ordering …, and its minister, X, accused …"), a participle that adds to that clause
   * ("pulled out of the pact on Wednesday, accusing N'Djamena of …"), or an act told as the manner or cause of
   * the same verb ("expelled the ambassador in 1994 after accusing him …", "responded by closing …")?
   */
  toldWith(earlier: number | null, later: number | null): boolean {
    if (this.conjoined(earlier, later)) return true;
    const y = later === null ? null : this.token(later);
    if (y?.pos !== 'VERB' || earlier === null) return false;
    const above = this.verbsAbove(earlier);
    if (above.has(y.head) && (y.dep === 'conj' || (y.dep === 'advcl' && y.tag === 'VBG'))) return true;
    // "after accusing", "by closing": a gerund under a preposition of a verb above both
    if (y.tag !== 'VBG' || y.dep !== 'pcomp') return false;
    const preposition = this.token(y.head);
    const governor = preposition ? this.token(preposition.head) : null;
    if (!governor || !/^(?:after|by|before)$/i.test(preposition?.text ?? '')) return false;
    return above.has(governor.i) || [...above].some((verb) => this.conjoined(verb, governor.i));
  }

  /** The verbs from a word up through its governors (four steps at most). */
  private verbsAbove(i: number): Set<number> {
    const verbs = new Set<number>();
    let at = this.token(i);
    for (let hops = 0; at && hops < 4; hops += 1) {
      if (at.pos === 'VERB') verbs.add(at.i);
      if (at.head === at.i) break;
      at = this.token(at.head);
    }
    return verbs;
  }

  token(i: number): Token | null {
    return this.byIndex.get(i) ?? null;
  }

  /** The word a "when" clause headed by `clause` is attached to ("broken" in "broken off when troops landed …"), if it is one. */
  whenClauseHost(clause: number | null): Token | null {
    const word = clause === null ? null : this.token(clause);
    if (word?.dep !== 'advcl' || !this.childrenOf(word.i).some((c) => c.dep === 'advmod' && /^when$/i.test(c.text))) return null;
    return this.token(word.head);
  }

  /**
   * The verb whose place a "where" clause headed by `clause` tells of ("flew" in "flew to Beijing, where he and Xi
   * agreed …"): what was done there was done on that visit.
   */
  whereClauseVisit(clause: number | null): Token | null {
    const word = clause === null ? null : this.token(clause);
    if (word?.dep !== 'relcl' || !this.childrenOf(word.i).some((c) => c.dep === 'advmod' && /^where$/i.test(c.text))) return null;
    const place = this.token(word.head);
    const preposition = place?.dep === 'pobj' ? this.token(place.head) : null;
    const verb = preposition ? this.token(preposition.head) : null;
    return verb?.pos === 'VERB' ? verb : null;
  }

  // --- subjects -------------------------------------------------------------------------------------------

  private subjectOf(verb: Token, depth: number): Token[] | null {
    if (depth > 4) return null;
    const own = this.childrenOf(verb.i);
    const passive = own.some((c) => c.dep === 'nsubjpass' || c.dep === 'auxpass');
    if (passive) {
      const by = own.find((c) => c.dep === 'agent');
      const pobj = by ? this.childrenOf(by.i).find((c) => c.dep === 'pobj') : undefined;
      return pobj ? this.withConjuncts(pobj) : null;
    }
    const subject = own.find((c) => c.dep === 'nsubj');
    // "Moscow said it would leave the pact": a pronoun in what someone says stands for the speaker
    if (subject && verb.dep === 'ccomp' && /^(?:it|they|he|she|we)$/i.test(subject.text)) {
      const speech = this.byIndex.get(verb.head);
      if (speech && SPEECH_LEMMAS.has(speech.lemma.toLowerCase())) return this.subjectOf(speech, depth + 1);
    }
    // "ordered by Niger's government, after it accused Benin": "it" in a clause that hangs on another is that one's subject
    if (subject && (verb.dep === 'advcl' || verb.dep === 'conj') && /^(?:it|they)$/i.test(subject.text)) {
      const governor = this.byIndex.get(verb.head);
      const found = governor && governor.i !== verb.i && (governor.pos === 'VERB' || governor.pos === 'AUX') ? this.subjectOf(governor, depth + 1) : null;
      if (found) return found;
    }
    if (subject) {
      // "who visited", "that led": a relative pronoun stands for the noun the clause describes
      if (verb.dep === 'relcl' && /^(?:who|which|that)$/i.test(subject.text)) {
        const noun = this.byIndex.get(verb.head);
        return noun ? this.withConjuncts(noun) : null;
      }
      return this.withConjuncts(subject);
    }
    const governor = this.byIndex.get(verb.head);
    if (!governor || governor.i === verb.i) return null;
    const misparsed = this.conjunctBefore(verb);
    if (misparsed) return [misparsed];
    if (verb.dep === 'conj' || verb.dep === 'advcl') {
      return governor.pos === 'VERB' || governor.pos === 'AUX' ? this.subjectOf(governor, depth + 1) : null;
    }
    if (verb.dep === 'xcomp') {
      const object = this.childrenOf(governor.i).find((c) => c.dep === 'dobj');
      return object ? this.withConjuncts(object) : this.subjectOf(governor, depth + 1);
    }
    // "a treaty signed in Lomé": a participle describing a noun is done by the subject of the clause the noun is in
    if (verb.dep === 'acl') {
      const above = this.verbAbove(governor);
      return above ? this.subjectOf(above, depth + 1) : null;
    }
    // "responded by threatening": the verb of a prepositional phrase of a verb
    if (verb.dep === 'pobj' || verb.dep === 'pcomp') {
      const verbAbove = governor.dep === 'prep' ? this.byIndex.get(governor.head) : undefined;
      return verbAbove && verbAbove.pos === 'VERB' ? this.subjectOf(verbAbove, depth + 1) : null;
    }
    return null;
  }

  /**
   * "North Korea withdrew from the agency and Washington pressed for sanctions": a name right before a verb without a
   * subject, which the parse took for a conjunct of the noun before "and", is that verb's subject.
   */
  private conjunctBefore(verb: Token): Token | null {
    const name = this.byIndex.get(verb.i - 1);
    const and = this.byIndex.get(verb.i - 2);
    if (!name || !and || name.pos !== 'PROPN' || name.dep !== 'conj' || and.dep !== 'cc' || name.head === verb.i) return null;
    return name;
  }

  /** The nearest verb up the heads from a token, through nouns and prepositions only. */
  private verbAbove(token: Token): Token | null {
    let at: Token | undefined = token;
    for (let hops = 0; at && hops < 6; hops += 1) {
      if (at.pos === 'VERB') return at;
      if (at.head === at.i || !['NOUN', 'PROPN', 'ADP'].includes(at.pos)) return null;
      at = this.byIndex.get(at.head);
    }
    return null;
  }

  /**
   * Agreements told by a participle on the deal's noun ("a treaty signed in Lomé on 4 May 1994", "the accord
   * concluded in Oslo"), which the trigger words (a verb before its object) do not find.
   */
  dealParticiples(): Array<{ index: number; end: number; peace: boolean; verb: Token }> {
    const found: Array<{ index: number; end: number; peace: boolean; verb: Token }> = [];
    for (const t of this.tokens) {
      if (t.dep !== 'acl' || !DEAL_VERBS.has(t.lemma.toLowerCase()) || t.tag !== 'VBN') continue;
      const noun = this.byIndex.get(t.head);
      if (!noun || !DEAL_NOUNS.has(noun.lemma.toLowerCase())) continue;
      const peace = this.childrenOf(noun.i).some((c) => /^peace$/i.test(c.text));
      found.push({ index: t.start, end: t.end, peace, verb: t });
    }
    return found;
  }

  /**
   * Verbs that report an event of the taxonomy by their lemma, whatever their form ("backed a proposal", "blamed
   * X for", "received her counterpart"), and plans told in reported speech ("said it would reopen …"): each verb
   * heading a clause is a candidate of its own.
   */
  verbTriggers(): Array<{ type: EventType; index: number; end: number; verb: Token; passive: boolean }> {
    const found: Array<{ type: EventType; index: number; end: number; verb: Token; passive: boolean }> = [];
    for (const t of this.tokens) {
      if (t.pos !== 'VERB' || !CLAUSE_HEADS.has(t.dep)) continue;
      const type = this.lemmaType(t) ?? (this.isStatedPlan(t) ? 'intent' : null);
      const passive = this.childrenOf(t.i).some((c) => c.dep === 'nsubjpass');
      if (type) found.push({ type, index: t.start, end: t.end, verb: t, passive });
    }
    return found;
  }

  private lemmaType(verb: Token): EventType | null {
    const own = this.childrenOf(verb.i);
    const passiveSubject = own.find((c) => c.dep === 'nsubjpass');
    if (passiveSubject) return PASSIVE_ACTS.find((a) => a.verbs.has(verb.lemma.toLowerCase()) && a.nouns.has(passiveSubject.lemma.toLowerCase()))?.type ?? null;
    const object = own.find((c) => c.dep === 'dobj');
    const acted = this.actOnObject(verb, object);
    if (acted) return acted;
    const heard = this.lemmaWithItsWords(verb, own, object);
    if (heard) return heard;
    const type = VERB_LEMMAS[verb.lemma.toLowerCase()];
    if (!type) return null;
    // "received her counterpart", "asked both governments to …": the verb reports the event only with its object
    if ((verb.lemma === 'receive' || verb.lemma === 'ask') && !object) return null;
    if (verb.lemma === 'ask' && !own.some((c) => c.dep === 'xcomp' || c.dep === 'ccomp')) return null;
    // "attacked Peru's decision", "attacked the government for …": words, not arms
    if (type === 'armed_attack' && (ABSTRACT_OBJECTS.has(object?.lemma.toLowerCase() ?? '') || own.some((c) => c.dep === 'prep' && /^for$/i.test(c.text))))
      return 'criticism';
    return type;
  }

  /**
   * An act told by its verb and what it acts on, in any tense ("seized two Indian trawlers and their 23 crewmen",
   * "gave Mozambique 12 million dollars"): the verb's lemma with its object's, or one coordinated with it. Null when
   * no pair of the lexicon fits.
   */
  private actOnObject(verb: Token, object: Token | undefined): EventType | null {
    const lemma = verb.lemma.toLowerCase();
    for (const o of object ? this.withConjuncts(object) : []) {
      const act = OBJECT_ACTS.find((a) => a.verbs.has(lemma) && a.nouns.has(o.lemma.toLowerCase()));
      if (act) return act.type;
    }
    return null;
  }

  /**
   * Verbs whose type their own words settle, whatever the tense: "meet" with no object or a person or state met
   * (not "meet a deadline"), "agree on" anything or "agree" terms, "brushed the complaint aside", "telephoned his counterpart",
   * "picketed the ministry".
   */
  private lemmaWithItsWords(verb: Token, own: readonly Token[], object: Token | undefined): EventType | null {
    const lemma = verb.lemma.toLowerCase();
    const particle = own.find((c) => c.dep === 'prt')?.lemma.toLowerCase();
    const preposition = (words: RegExp) => own.some((c) => c.dep === 'prep' && words.test(c.text));
    if (lemma === 'meet') return !object || object.pos === 'PROPN' || MET.has(object.lemma.toLowerCase()) ? 'talks' : null;
    // "agree on" anything, and "agreed a new tariff" (a deal's terms as its object)
    if (lemma === 'agree' && (preposition(/^(?:on|upon)$/i) || object?.pos === 'NOUN')) return 'agreement';
    if (lemma === 'brush' && (particle === 'aside' || own.some((c) => c.dep === 'advmod' && /^aside$/i.test(c.text)))) return 'rejection';
    if ((lemma === 'telephone' || lemma === 'phone') && object) return 'talks';
    if (lemma === 'picket') return 'protest';
    return null;
  }

  /** "said it would reopen": a verb with "will"/"would" in what a speech verb reports, not negated. */
  private isStatedPlan(verb: Token): boolean {
    if (verb.dep !== 'ccomp') return false;
    const speech = this.byIndex.get(verb.head);
    if (!speech || !SPEECH_LEMMAS.has(speech.lemma.toLowerCase())) return false;
    const own = this.childrenOf(verb.i);
    return own.some((c) => c.dep === 'aux' && /^(?:will|would|shall|'ll)$/i.test(c.text)) && !own.some((c) => c.dep === 'neg');
  }

  private withConjuncts(token: Token): Token[] {
    const all = [token];
    for (let i = 0; i < all.length; i += 1) {
      for (const c of this.childrenOf((all[i] as Token).i)) if (c.dep === 'conj' && (c.pos === 'PROPN' || c.pos === 'NOUN')) all.push(c);
    }
    return all;
  }

  /**
   * The mentions a noun phrase names: those within the noun and its modifiers, possessor and apposition ("Togo's
   * president, Faure Gnassingbé"), not within its clauses or its prepositional phrases, but a government "in"
   * a place acts for that place's state.
   */
  private mentionsOfPhrase(noun: Token, heads: readonly Mention[]): Mention[] {
    const span = this.coreSpan(noun);
    return heads.filter((m) => m.index < span.end && m.end > span.start && !m.location);
  }

  private coreSpan(noun: Token): { start: number; end: number } {
    let start = noun.start;
    let end = noun.end;
    const visit = (t: Token) => {
      for (const c of this.childrenOf(t.i)) {
        if (!CORE.has(c.dep)) continue;
        start = Math.min(start, c.start);
        end = Math.max(end, c.end);
        visit(c);
      }
    };
    visit(noun);
    return { start, end };
  }

  private childrenOf(i: number): Token[] {
    let list = this.children.get(i);
    if (!list) {
      list = [];
      this.children.set(i, list);
    }
    return list;
  }
}

/** People who act for the state or body their "from", "of" or "in" phrase names (lemmas). */
const ACTING_FOR = /^(?:official|diplomat|negotiator|delegate|delegation|representative|envoy|minister|leader|president|troop|force|soldier|officer)$/i;

/** Nouns that make a phrase with a proper name in it an organisation: "the ELN guerrilla group". */
const ORGANIZATION_HEADS = new Set([
  'group',
  'party',
  'movement',
  'front',
  'council',
  'committee',
  'commission',
  'agency',
  'organisation',
  'organization',
  'alliance',
  'coalition',
  'militia',
  'union',
  'court',
]);

/** What one attacks with words: "attacked the decision", "attacked the plan". */
const ABSTRACT_OBJECTS = new Set(
  'decision policy plan proposal remark remarks comment statement move stance position law bill report deal agreement accord approach claim idea record handling choice ruling verdict speech'.split(
    ' ',
  ),
);

/** Verbs by which one act makes another happen: their complement reports an act done. */
const CAUSING = new Set(['lead', 'prompt', 'force', 'compel', 'cause', 'spur', 'push', 'drive']);

/** Prepositions whose phrase names another event or a reason, not when the verb's act happened. */
const CONTENT_PREPOSITIONS = /^(?:for|of|over|about|against|after|following|since|before)$/i;

/** The dependencies of a verb that heads a clause of its own. */
const CLAUSE_HEADS = new Set(['ROOT', 'conj', 'ccomp', 'xcomp', 'advcl', 'relcl', 'acl', 'pcomp']);
const SPEECH_LEMMAS = new Set(['say', 'tell', 'announce', 'confirm', 'state', 'declare']);
/** Verbs whose lemma alone says the type; the trigger words find the rest (and those that need their object). */
const VERB_LEMMAS: Record<string, EventType> = {
  back: 'endorsement',
  support: 'endorsement',
  endorse: 'endorsement',
  welcome: 'endorsement',
  praise: 'endorsement',
  hail: 'endorsement',
  blame: 'criticism',
  condemn: 'criticism',
  denounce: 'criticism',
  criticise: 'criticism',
  criticize: 'criticism',
  deplore: 'criticism',
  decry: 'criticism',
  lambast: 'criticism',
  castigate: 'criticism',
  chide: 'criticism',
  rebuke: 'criticism',
  censure: 'criticism',
  refuse: 'rejection',
  reject: 'rejection',
  ask: 'appeal',
  urge: 'appeal',
  receive: 'talks',
  discuss: 'talks',
  attack: 'armed_attack',
  shell: 'armed_attack',
  bomb: 'armed_attack',
  bombard: 'armed_attack',
  strafe: 'armed_attack',
  ambush: 'armed_attack',
};

/** Acts told in the passive, by the verb and what underwent it: "sanctions were lifted", "diplomats were expelled". */
const PASSIVE_ACTS: ReadonlyArray<{ type: EventType; verbs: ReadonlySet<string>; nouns: ReadonlySet<string> }> = [
  { type: 'sanctions_lifted', verbs: new Set(['lift', 'ease', 'remove', 'suspend', 'waive', 'relax']), nouns: new Set(['sanction', 'embargo', 'restriction']) },
  { type: 'sanctions_imposed', verbs: new Set(['impose', 'introduce', 'extend', 'tighten', 'expand']), nouns: new Set(['sanction', 'embargo', 'restriction']) },
  { type: 'diplomats_expelled', verbs: new Set(['expel']), nouns: new Set(['diplomat', 'ambassador', 'envoy', 'attaché', 'attache', 'consul']) },
  { type: 'ambassador_recalled', verbs: new Set(['recall']), nouns: new Set(['ambassador', 'envoy']) },
  { type: 'embassy_closed', verbs: new Set(['close', 'shut']), nouns: new Set(['embassy', 'consulate', 'mission']) },
  // "an agreement between A and B was signed", "the deal was reached after nine hours"
  {
    type: 'agreement',
    verbs: new Set(['sign', 'reach', 'conclude', 'seal', 'strike', 'finalise', 'finalize', 'clinch', 'ink']),
    nouns: new Set(['agreement', 'accord', 'deal', 'pact', 'memorandum', 'protocol', 'convention']),
  },
];

const set = (words: string) => new Set(words.split(' '));
const MONEY_OBJECTS = set('dollar euro pound franc yen mark krone guilder ecu');

/**
 * Acts told by a verb and its object, whatever the tense: the trigger words list the forms and the objects they
 * expect, this the lemmas of both.
 */
const OBJECT_ACTS: ReadonlyArray<{ type: EventType; verbs: ReadonlySet<string>; nouns: ReadonlySet<string> }> = [
  // people held, not boats alone ("seized their boats off Hawar")
  { type: 'detention', verbs: set('seize arrest detain capture'), nouns: set('crewman crew fisherman sailor') },
  // "gave Mozambique 12 million dollars", not "gave Havana relief without …"
  { type: 'aid_provided', verbs: set('give'), nouns: MONEY_OBJECTS },
  {
    type: 'aid_provided',
    verbs: set('donate deliver airlift'),
    nouns: new Set([...set('aid assistance relief supply food medicine tent blanket vaccine grain wheat rice'), ...MONEY_OBJECTS]),
  },
];

/** Whom one meets: "meet his counterpart", "met the delegation". */
const MET = set('counterpart leader minister president delegation envoy official premier king prime chancellor');

const DEAL_VERBS = new Set(['sign', 'conclude', 'seal', 'reach', 'agree', 'negotiate', 'broker', 'finalise', 'finalize']);
const DEAL_NOUNS = new Set(['treaty', 'agreement', 'accord', 'deal', 'pact', 'memorandum', 'protocol', 'convention']);

/** The dependents that belong to a noun's own name: "the Chilean foreign ministry", "Togo's president, Faure G.". */
const CORE = new Set(['compound', 'amod', 'poss', 'det', 'nmod', 'flat', 'case', 'appos', 'nummod']);

function unique(mentions: Mention[]): Mention[] {
  return mentions.filter((m, i) => mentions.findIndex((o) => o.actor.id === m.actor.id) === i);
}
