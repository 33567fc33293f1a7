import { EVENT_TYPES } from '../domain/taxonomy';
import type { ActorKind, EventType, Actor, Affiliation, Event, EventLink, FactsFile } from '../domain/model';

/**
 * A deterministic synthetic corpus in the project's facts format, for measuring scale: articles of a
 * handful of events each, actors with a realistic skew (a few very active states and leaders, a long tail),
 * every event type spread over 1990–2026 with day, month and year precision, quotes that occur verbatim
 * in their article, affiliations and reciprocal links. Same options, same corpus, byte for byte.
 */

export interface CorpusOptions {
  events: number;
  seed: number;
  eventsPerArticle?: number;
}

/** mulberry32: a small, fast PRNG; good enough for synthetic data and fully reproducible. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'ri', 'ven', 'dor', 'sa', 'mi', 'tra', 'bel', 'nor', 'zan', 'qui', 'ost', 'ar', 'len', 'vo', 'du', 'fel', 'ga', 'mon'];
const FIRST = [
  'Anna',
  'Boris',
  'Carla',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kofi',
  'Lena',
  'Marek',
  'Nadia',
  'Omar',
  'Paula',
  'Ravi',
  'Sofia',
  'Tomas',
  'Yara',
];
const KIND_SHARE: Array<[ActorKind, number]> = [
  ['state', 0.08],
  ['person', 0.6],
  ['organization', 0.12],
  ['group', 0.1],
  ['company', 0.08],
  ['commodity', 0.02],
];

const VERB: Record<EventType, string> = {
  talks: 'held talks with',
  nomination: 'nominated',
  prisoner_release: 'released prisoners held by',
  pardon: 'pardoned detainees linked to',
  sanctions_lifted: 'lifted sanctions on',
  sanctions_imposed: 'imposed sanctions on',
  agreement: 'signed an agreement with',
  relations_restored: 'restored diplomatic relations with',
  intent: 'said it intends to normalise relations with',
  statement: 'issued a statement about',
  endorsement: 'praised',
  criticism: 'criticised',
  appeal: 'urged',
  detention: 'detained members of',
  election: 'held an election observed by',
  military_support: 'backed military operations against',
  relations_severed: 'broke off diplomatic relations with',
  ambassador_recalled: 'recalled its ambassador from',
  diplomats_expelled: 'expelled diplomats of',
  embassy_closed: 'closed its embassy in',
  rejection: 'rejected a proposal by',
  threat: 'threatened sanctions against',
  ceasefire: 'agreed a ceasefire with',
  peace_agreement: 'signed a peace agreement with',
  treaty_ratified: 'ratified a treaty with',
  treaty_withdrawal: 'withdrew from a treaty with',
  aid_pledged: 'pledged aid to',
  aid_provided: 'delivered aid to',
  cooperation: 'held a joint exercise with',
  conviction: 'convicted members of',
  prisoner_exchange: 'exchanged prisoners with',
  protest: 'protested against',
  mobilization: 'massed troops near',
  armed_attack: 'attacked',
};

/**
 * Where synthetic events happen: capitals and large cities the gazetteer knows, the first far more often
 * (Zipf-like, as news clusters in capitals), and a few names it does not know, which stay text.
 */
const PLACES = [
  'Washington',
  'Moscow',
  'Beijing',
  'Brussels',
  'Kyiv',
  'Minsk',
  'London',
  'Paris',
  'Berlin',
  'Geneva',
  'New York',
  'Ankara',
  'Tehran',
  'Doha',
  'Vienna',
  'Warsaw',
  'Tokyo',
  'New Delhi',
  'Cairo',
  'Riyadh',
  'Nairobi',
  'Addis Ababa',
  'Brasília',
  'Buenos Aires',
  'Mexico City',
  'Ottawa',
  'Canberra',
  'Seoul',
  'Jakarta',
  'Abu Dhabi',
  'Istanbul',
  'Vilnius',
  'Tbilisi',
  'Baku',
  'Astana',
  'Tashkent',
  'Islamabad',
  'Kabul',
  'Baghdad',
  'Damascus',
  'Havana',
  'Caracas',
  'Pretoria',
  'Lagos',
  'Dakar',
  'Hanoi',
  'Manila',
  'Singapore',
  'Oslo',
  'Helsinki',
];
const UNKNOWN_PLACES = ['Castle Borvane', 'the border crossing at Ostkal', 'Lake Venmiri resort'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

class Corpus {
  private readonly random: () => number;
  readonly actors: Actor[];
  private readonly cumulative: number[];
  private readonly defined = new Set<string>();
  private readonly byId: Map<string, Actor>;
  private readonly states: Actor[];
  /** Places are drawn from a stream of their own, so the rest of the corpus is what it was before they existed. */
  private readonly placeRandom: () => number;

  constructor(readonly options: CorpusOptions) {
    this.random = prng(options.seed);
    this.placeRandom = prng(options.seed ^ 0x5f3759df);
    this.actors = this.makeActors(Math.max(50, Math.round(Math.sqrt(options.events) * 4)));
    this.byId = new Map(this.actors.map((actor) => [actor.id, actor]));
    this.states = this.actors.filter((actor) => actor.kind === 'state');
    // Zipf-like weights: actor i is chosen with weight 1 / (i + 1)^1.1.
    let total = 0;
    this.cumulative = this.actors.map((_, i) => (total += 1 / (i + 1) ** 1.1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private name(): string {
    const parts = this.int(2, 3);
    const word = Array.from({ length: parts }, () => this.pick(SYLLABLES)).join('');
    return word[0]!.toUpperCase() + word.slice(1);
  }

  private makeActors(count: number): Actor[] {
    return Array.from({ length: count }, (_, i) => {
      const kind = this.kindFor();
      const base =
        kind === 'person'
          ? `${this.pick(FIRST)} ${this.name()}`
          : kind === 'state'
            ? `Republic of ${this.name()}`
            : `${this.name()} ${kind === 'company' ? 'Corporation' : kind === 'commodity' ? 'grain' : kind === 'group' ? 'Movement' : 'Council'}`;
      const name = `${base} ${i + 1}`;
      return { id: `${kind}-${i + 1}`, name, kind, aliases: kind === 'state' ? [`${this.name()} ${i + 1}`] : [] };
    });
  }

  private kindFor(): ActorKind {
    let roll = this.random();
    for (const [kind, share] of KIND_SHARE) if ((roll -= share) < 0) return kind;
    return 'person';
  }

  /** A skewed choice: the first actors are chosen far more often than the tail. */
  private skewedActor(): Actor {
    const target = this.random() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return this.actors[low]!;
  }

  /** A date between 1990 and 2026: mostly days, some months, a few years; some multi-day spans. */
  private date(): { span: Event['date']; words: string } {
    const year = this.int(1990, 2026);
    const month = this.int(1, 12);
    const day = this.int(1, 28);
    const roll = this.random();
    const mm = String(month).padStart(2, '0');
    if (roll < 0.05) return { span: { start: String(year) }, words: `in ${year}` };
    if (roll < 0.2) return { span: { start: `${year}-${mm}` }, words: `in ${MONTHS[month - 1]} ${year}` };
    const start = `${year}-${mm}-${String(day).padStart(2, '0')}`;
    if (roll < 0.3) {
      // Spans end by the 28th, a day every month has.
      const last = Math.min(28, day + this.int(1, 3));
      if (last === day) return { span: { start }, words: `on ${day} ${MONTHS[month - 1]} ${year}` };
      const end = `${year}-${mm}-${String(last).padStart(2, '0')}`;
      return { span: { start, end }, words: `from ${day} to ${Number(end.slice(8))} ${MONTHS[month - 1]} ${year}` };
    }
    return { span: { start }, words: `on ${day} ${MONTHS[month - 1]} ${year}` };
  }

  /** Most events name a city; one in six names none (drawn at its states' countries), one in fifty an unknown place. */
  private place(): string | undefined {
    const roll = this.placeRandom();
    if (roll < 1 / 6) return undefined;
    if (roll < 1 / 6 + 1 / 50) return UNKNOWN_PLACES[Math.floor(this.placeRandom() * UNKNOWN_PLACES.length)];
    return PLACES[Math.min(PLACES.length - 1, Math.floor(PLACES.length * this.placeRandom() ** 2))];
  }

  private distinctPair(): [Actor, Actor] {
    const agent = this.skewedActor();
    let target = this.skewedActor();
    while (target.id === agent.id) target = this.skewedActor();
    return [agent, target];
  }

  /** Actors an article uses that no earlier article defined: each actor is defined once, where it first appears. */
  private newlyUsed(ids: Iterable<string>): Actor[] {
    const fresh: Actor[] = [];
    for (const id of ids) {
      if (this.defined.has(id)) continue;
      this.defined.add(id);
      fresh.push(this.byId.get(id)!);
    }
    return fresh;
  }

  article(index: number, eventCount: number): FactsFile {
    const articleId = `synthetic-article-${index + 1}`;
    const sentences: string[] = [];
    const events: Event[] = [];
    const used = new Set<string>();
    for (let i = 0; i < eventCount; i++) {
      const type = EVENT_TYPES[(index * 7 + i * 3 + this.int(0, EVENT_TYPES.length - 1)) % EVENT_TYPES.length]!;
      const [agent, target] = this.distinctPair();
      const { span, words } = this.date();
      const place = this.place();
      const count = type === 'prisoner_release' || type === 'pardon' ? this.int(2, 400) : undefined;
      const quote = `${agent.name} ${VERB[type]} ${target.name} ${words}${count ? `, freeing ${count} people` : ''} (report ${index + 1}.${i + 1}).`;
      sentences.push(quote);
      used.add(agent.id).add(target.id);
      events.push({
        id: `synthetic-event-${index + 1}-${i + 1}`,
        type,
        title: `${agent.name} ${VERB[type]} ${target.name}`,
        date: span,
        ...(place ? { place } : {}),
        status: 'occurred',
        ...(count ? { figures: { count, unit: 'prisoners' } } : {}),
        participants: [
          { actor: agent.id, role: type === 'talks' ? 'host' : type === 'statement' ? 'source' : 'agent' },
          { actor: target.id, role: type === 'talks' ? 'guest' : 'target' },
        ],
        sources: [{ quote }],
      });
    }
    const links = this.reciprocalLinks(events);
    const affiliations = this.affiliations(used, sentences, index);
    for (const a of affiliations) used.add(a.counterpart);
    return {
      article: { id: articleId, title: `Synthetic report ${index + 1}`, publishedAt: '2026-01-01', text: sentences.join(' ') },
      actors: this.newlyUsed(used),
      events,
      affiliations,
      links,
      reactions: [],
    };
  }

  /** A release answered by a lifting of sanctions in the same article is linked as reciprocal. */
  private reciprocalLinks(events: Event[]): EventLink[] {
    const release = events.find((e) => e.type === 'prisoner_release' || e.type === 'pardon');
    const lifted = events.find((e) => e.type === 'sanctions_lifted');
    return release && lifted ? [{ from: release.id, to: lifted.id, kind: 'reciprocates' }] : [];
  }

  /** About one article in five says what role one of its people holds toward a state. */
  private affiliations(used: Set<string>, sentences: string[], index: number): Affiliation[] {
    const person = [...used].map((id) => this.byId.get(id)!).find((a) => a.kind === 'person');
    if (!person || this.states.length === 0 || this.random() > 0.2) return [];
    const state = this.pick(this.states);
    const role = this.pick(['president_of', 'envoy_to', 'member_of'] as const);
    const from = String(this.int(1990, 2025));
    const quote = `${person.name} has served as ${role.replace(/_/g, ' ')} ${state.name} since ${from} (profile ${index + 1}).`;
    sentences.push(quote);
    return [{ actor: person.id, counterpart: state.id, role, from, source: { quote } }];
  }
}

/** Yields the corpus one article at a time, so a million events never sit in memory at once. */
export function* generateCorpus(options: CorpusOptions): Generator<FactsFile> {
  const corpus = new Corpus(options);
  const perArticle = options.eventsPerArticle ?? 10;
  let remaining = options.events;
  for (let index = 0; remaining > 0; index++) {
    const count = Math.min(perArticle, remaining);
    remaining -= count;
    yield corpus.article(index, count);
  }
}
