import { EVENT_TYPES } from '../domain/taxonomy';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportFiles } from '../db/local-neo4j';
import { daysBetween } from '../domain/calendar';
import { LINK_KINDS, LINK_RELATIONSHIP } from '../domain/taxonomy';
import { DerivedData, type Derived, type LocatedRow } from './derived-rows';
import type { GraphRows } from './graph-rows';
import { measureSortKeys } from '../db/cypher';

/**
 * The import files of `neo4j-admin database import full`: the graph the loader (load.repository.ts) writes
 * into an empty database, as node and relationship CSV files with the same ids, labels, properties and types.
 * What the loader derives alongside is here too, computed from the same definitions (derived-rows.ts): the activity
 * summaries, actor pairs and their latest shared events, role links, counts per month, places, sanctions measures.
 * The schema is built once the database holds these (bulk-load.ts).
 *
 * Articles, events and their participants and sources are streamed to their files as they come (each event is
 * defined by one article in a load: check-facts.ts refuses a duplicate). What several articles may state is
 * gathered and written at the end, merged as the loader's MERGE … SET merges it, in load order:
 *  - an actor: the last definition's name, kind, aliases and description; each code the last one given;
 *  - an affiliation (actor, counterpart, role): the last statement's properties;
 *  - an event link (from, type, to): the articles that state it, in order.
 */

/** How a value is typed in an import file's header (`name:type`); plain strings need none. */
type Column = readonly [name: string, type?: 'long' | 'double' | 'boolean' | 'date' | 'datetime' | 'string[]' | 'long[]' | 'date[]'];

/** A field: an absent value is empty and unquoted (no property), a string always quoted (so '' stays ''). */
function field(value: unknown, delimiter: string): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return quote(value.join(delimiter));
  return typeof value === 'string' ? quote(value) : String(value);
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

class CsvWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  /** Whether a value spans lines: the importer reads such files more slowly, so it is told which they are. */
  multiline = false;

  constructor(
    readonly file: string,
    columns: readonly Column[],
    private readonly delimiter = '',
  ) {
    this.fd = fs.openSync(file, 'w');
    this.push(`${columns.map(([name, type]) => (type ? `${name}:${type}` : name)).join(',')}\n`);
  }

  row(values: readonly unknown[]): void {
    const line = values.map((value) => field(value, this.delimiter)).join(',');
    if (!this.multiline && /[\r\n]/.test(line)) this.multiline = true;
    this.push(`${line}\n`);
    this.rows += 1;
  }

  private push(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 22) this.flush();
  }

  private flush(): void {
    fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** Characters unlikely in text, tried in turn as the list delimiter: the first that no alias holds is used. */
const DELIMITER_CANDIDATES = ['\u001f', '\u001e', '\u001d', '\u001c', '\u0007', '\u0001'];

type ActorRow = GraphRows['actors'][number];
type AffiliationRow = GraphRows['affiliations'][number] & { article: string };

/** The properties the loader leaves as they were when a later definition gives none (coalesce). */
const CODES = ['country', 'countryAlpha2', 'sector', 'code', 'wikidata'] as const;

export class ImportFileWriter {
  private readonly files: { node: Array<{ label: string; writer: CsvWriter }>; relationship: Array<{ type: string; writer: CsvWriter }> } = {
    node: [],
    relationship: [],
  };
  private readonly articles: CsvWriter;
  private readonly events: CsvWriter;
  private readonly participants: CsvWriter;
  private readonly sources: CsvWriter;
  private readonly reactions: CsvWriter;
  private readonly reactionsOn: CsvWriter;
  private readonly reactionsAbout: CsvWriter;
  private readonly locatedAt: CsvWriter;
  private readonly derived = new DerivedData();
  private readonly actors = new Map<string, ActorRow>();
  private readonly affiliations = new Map<string, AffiliationRow>();
  private readonly links = new Map<string, { kind: (typeof LINK_KINDS)[number]; from: string; to: string; articles: string[] }>();
  /** When the database learned of the events (`addedAt`): the moment of the load, as the loader's datetime(). */
  private readonly addedAt = new Date().toISOString();

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.articles = this.node('Article', 'articles', [['id:ID(Article)'], ['title'], ['publisher'], ['url'], ['publishedAt', 'date'], ['text']]);
    this.events = this.node('Event', 'events', [
      ['id:ID(Event)'],
      ['definedIn'],
      ['addedAt', 'datetime'],
      ['type'],
      ['title'],
      ['summary'],
      ['date', 'date'],
      ['endDate', 'date'],
      ['lastDate', 'date'],
      // The span the loader's statement works out from the two dates (db/cypher.ts, spanDays).
      ['spanDays', 'long'],
      ['precision'],
      ['place'],
      ['status'],
      ['figureCount', 'long'],
      ['figureUnit'],
      ['figureApproximate', 'boolean'],
      ['placeUnresolved', 'boolean'],
    ]);
    // With the keys of the actor's date order, as the loader's CREATE writes them (db/participation-order.ts).
    this.participants = this.relationship('PARTICIPATED_IN', 'participants', [
      [':START_ID(Actor)'],
      [':END_ID(Event)'],
      ['role'],
      ['articles', 'string[]'],
      ['actor'],
      ['type'],
      ['date', 'date'],
      ['event'],
    ]);
    this.sources = this.relationship('REPORTED_IN', 'sources', [
      [':START_ID(Event)'],
      [':END_ID(Article)'],
      ['quote'],
      ['start', 'long'],
      ['end', 'long'],
      ['rank', 'long'],
      ['claim'],
    ]);
    this.reactions = this.node('Reaction', 'reactions', [['id:ID(Reaction)'], ['author'], ['text'], ['stance']]);
    this.reactionsOn = this.relationship('ON', 'reactions-on', [[':START_ID(Reaction)'], [':END_ID(Article)']]);
    this.reactionsAbout = this.relationship('ABOUT', 'reactions-about', [[':START_ID(Reaction)'], [':END_ID(Event)']]);
    this.locatedAt = this.relationship('LOCATED_AT', 'located-at', [[':START_ID(Event)'], [':END_ID(Place)'], ['via']]);
  }

  private node(label: string, name: string, columns: Column[], delimiter?: string): CsvWriter {
    const writer = new CsvWriter(path.join(this.dir, `${name}.csv`), columns, delimiter);
    this.files.node.push({ label, writer });
    return writer;
  }

  private relationship(type: string, name: string, columns: Column[], delimiter = '\u001f'): CsvWriter {
    const writer = new CsvWriter(path.join(this.dir, `${name}.csv`), columns, delimiter);
    this.files.relationship.push({ type, writer });
    return writer;
  }

  /** One article's rows (in load order). */
  add(rows: GraphRows): void {
    const article = rows.article.id;
    const a = rows.article;
    this.articles.row([a.id, a.title, a.publisher ?? null, a.url ?? null, a.publishedAt, a.text]);
    for (const actor of rows.actors) this.mergeActor(actor);
    const { unresolved, located } = this.derived.add(rows);
    for (const e of rows.events) {
      this.events.row([
        e.id,
        article,
        this.addedAt,
        e.type,
        e.title,
        e.summary,
        e.date,
        e.endDate,
        e.lastDate,
        daysBetween(e.date, e.lastDate),
        e.precision,
        e.place,
        e.status,
        e.figureCount,
        e.figureUnit,
        e.figureApproximate,
        unresolved.has(e.id) ? true : null,
      ]);
    }
    this.locate(located);
    // As the loader's CREATE does: once per key (a repeated participant or quote is written once, the first).
    const seen = new Set<string>();
    const events = new Map(rows.events.map((e) => [e.id, e]));
    for (const p of rows.participants) {
      const key = `${p.event}|${p.actor}|${p.role}`;
      const event = events.get(p.event);
      if (!seen.has(key)) this.participants.row([p.actor, p.event, p.role, [article], p.actor, event?.type, event?.date, p.event]);
      seen.add(key);
    }
    for (const s of rows.sources) {
      const key = `source|${s.event}|${s.quote}`;
      if (!seen.has(key)) this.sources.row([s.event, article, s.quote, s.start, s.end, s.rank, s.claim]);
      seen.add(key);
    }
    for (const affiliation of rows.affiliations) {
      this.affiliations.set(`${affiliation.actor}|${affiliation.counterpart}|${affiliation.role}`, { ...affiliation, article });
    }
    for (const kind of LINK_KINDS) {
      for (const { from, to } of rows.links[kind]) {
        const key = `${from}|${kind}|${to}`;
        const link = this.links.get(key) ?? { kind, from, to, articles: [] };
        if (!link.articles.includes(article)) link.articles.push(article);
        this.links.set(key, link);
      }
    }
    for (const r of rows.reactions) {
      this.reactions.row([r.id, r.author, r.text, r.stance]);
      this.reactionsOn.row([r.id, article]);
      for (const event of new Set(r.about)) this.reactionsAbout.row([r.id, event]);
    }
  }

  private locate(rows: readonly LocatedRow[]): void {
    for (const { event, place, via } of rows) this.locatedAt.row([event, place, via]);
  }

  private mergeActor(actor: ActorRow): void {
    const before = this.actors.get(actor.id);
    const merged = { ...actor };
    for (const code of CODES) if (merged[code] === null && before) (merged as Record<string, unknown>)[code] = before[code];
    this.actors.set(actor.id, merged);
  }

  /** Closes the files without writing the rest (the load was refused; the files are deleted). */
  abandon(): void {
    for (const { writer } of [...this.files.node, ...this.files.relationship]) writer.close();
  }

  /** Writes what was gathered, closes every file and says what the importer is to read. */
  finish(): ImportFiles & { rows: number } {
    const aliases = [...this.actors.values()].flatMap((a) => a.aliases);
    const delimiter = DELIMITER_CANDIDATES.find((c) => !aliases.some((alias) => alias.includes(c)));
    if (!delimiter) throw new Error('every candidate list delimiter occurs in some alias; load with kb load instead');
    const derived = this.derived.finish(this.actors);
    const actors = this.node(
      'Actor',
      'actors',
      [
        ['id:ID(Actor)'],
        ['name'],
        ['kind'],
        ['aliases', 'string[]'],
        ['aliasText'],
        ['description'],
        ...CODES.map((c): Column => [c]),
        ['eventTotal', 'long'],
        ['eventsByType', 'long[]'],
      ],
      delimiter,
    );
    for (const a of this.actors.values()) {
      const summary = derived.actors.get(a.id);
      actors.row([a.id, a.name, a.kind, a.aliases, a.aliasText, a.description, ...CODES.map((c) => a[c]), summary?.total, summary?.byType]);
    }
    const affiliations = this.relationship('AFFILIATED_WITH', 'affiliations', [
      [':START_ID(Actor)'],
      [':END_ID(Actor)'],
      ['key'],
      ['role'],
      ['title'],
      ['from'],
      ['to'],
      ['former', 'boolean'],
      ['article'],
      ['quote'],
    ]);
    for (const f of this.affiliations.values()) affiliations.row([f.actor, f.counterpart, f.key, f.role, f.title, f.from, f.to, f.former, f.article, f.quote]);
    for (const kind of LINK_KINDS) {
      const writer = this.relationship(
        LINK_RELATIONSHIP[kind],
        `links-${kind}`,
        [[':START_ID(Event)'], [':END_ID(Event)'], ['articles', 'string[]']],
        delimiter,
      );
      for (const link of this.links.values()) if (link.kind === kind) writer.row([link.from, link.to, link.articles]);
    }
    this.writeDerived(derived, delimiter);
    const all = [...this.files.node.map((f) => f.writer), ...this.files.relationship.map((f) => f.writer)];
    for (const writer of all) writer.close();
    // Files without rows are left out: the importer has nothing to read in them.
    return {
      nodes: this.files.node.filter(({ writer }) => writer.rows > 0).map(({ label, writer }) => ({ label, file: writer.file })),
      relationships: this.files.relationship.filter(({ writer }) => writer.rows > 0).map(({ type, writer }) => ({ type, file: writer.file })),
      multiline: all.filter((w) => w.multiline).map((w) => w.file),
      arrayDelimiter: delimiter,
      rows: all.reduce((sum, w) => sum + w.rows, 0),
    };
  }

  /** The summaries, pairs, role links, counts per month and places (derived-rows.ts), as the loader writes them. */
  private writeDerived(derived: Derived, delimiter: string): void {
    this.locate(derived.locatedByState);
    const places = this.node(
      'Place',
      'places',
      [
        ['id:ID(Place)'],
        ['name'],
        ['kind'],
        ['country'],
        ['countryName'],
        ['countryNumeric'],
        ['lat', 'double'],
        ['lon', 'double'],
        ['eventTotal', 'long'],
        ['eventsByType', 'long[]'],
      ],
      delimiter,
    );
    const placeTotals = new Map(derived.placeCounts.places.map((count) => [count.key, count]));
    const zeros = EVENT_TYPES.map(() => 0);
    for (const p of derived.places) {
      const count = placeTotals.get(p.id);
      places.row([p.id, p.name, p.kind, p.country, p.countryName, p.countryNumeric, p.lat, p.lon, count?.total ?? 0, count?.byType ?? zeros]);
    }
    const placeYears = this.node(
      'PlaceYear',
      'place-years',
      [['id:ID(PlaceYear)'], ['place'], ['year', 'long'], ['total', 'long'], ['byType', 'long[]']],
      delimiter,
    );
    for (const m of derived.placeCounts.years) {
      const [place, year] = m.key.split('|') as [string, string];
      placeYears.row([m.key, place, Number(year), m.total, m.byType]);
    }
    const placeMonths = this.node(
      'PlaceMonth',
      'place-months',
      [['id:ID(PlaceMonth)'], ['place'], ['month', 'date'], ['total', 'long'], ['byType', 'long[]'], ['carried', 'long[]']],
      delimiter,
    );
    for (const m of derived.placeCounts.months) {
      const [place, month] = m.key.split('|') as [string, string];
      placeMonths.row([m.key, place, `${month}-01`, m.total, m.byType, m.carried]);
    }
    const pairs = this.node(
      'ActorPair',
      'actor-pairs',
      [['id:ID(ActorPair)'], ['total', 'long'], ['byType', 'long[]'], ['latestIds', 'string[]'], ['latestDates', 'date[]']],
      delimiter,
    );
    const inPair = this.relationship('IN_PAIR', 'in-pair', [[':START_ID(Actor)'], [':END_ID(ActorPair)']]);
    for (const pair of derived.pairs) {
      pairs.row([pair.key, pair.total, pair.byType, pair.latestIds, pair.latestDates]);
      for (const actor of pair.key.split('|')) inPair.row([actor, pair.key]);
    }
    const roleLinks = this.node('RoleLink', 'role-links', [['id:ID(RoleLink)']]);
    const inRole = this.relationship('IN_ROLE', 'in-role', [[':START_ID(Actor)'], [':END_ID(RoleLink)']]);
    for (const id of derived.roleLinks) {
      roleLinks.row([id]);
      for (const actor of id.split('|')) inRole.row([actor, id]);
    }
    const months = this.node('MonthCount', 'month-counts', [['id:ID(MonthCount)'], ['month', 'date'], ['total', 'long'], ['byType', 'long[]']], delimiter);
    for (const m of derived.months) months.row([m.key, `${m.key}-01`, m.total, m.byType]);
    const actorMonths = this.node(
      'ActorMonth',
      'actor-months',
      [['id:ID(ActorMonth)'], ['actor'], ['month', 'date'], ['total', 'long'], ['byType', 'long[]']],
      delimiter,
    );
    for (const m of derived.actorMonths) {
      const [actor, month] = m.key.split('|') as [string, string];
      actorMonths.row([m.key, actor, `${month}-01`, m.total, m.byType]);
    }
    this.writeMeasures(derived.measures);
  }

  /** The sanctions measures as sanctions.repository.ts stores them: a node each, CHANGED_BY its events in order. */
  private writeMeasures(measures: Derived['measures']): void {
    const nodes = this.node('Measure', 'measures', [
      ['id:ID(Measure)'],
      ['key'],
      ['authority'],
      ['target'],
      ['scope'],
      ['scopeKey'],
      ['startKey'],
      ['exemptionOf'],
      ['start', 'date'],
      ['startPrecision'],
      ['end', 'date'],
      ['endPrecision'],
      ['instrument'],
      ['reimposes'],
    ]);
    const changes = this.relationship('CHANGED_BY', 'measure-changes', [[':START_ID(Measure)'], [':END_ID(Event)'], ['change'], ['order', 'long']]);
    for (const m of measures) {
      const { scopeKey, startKey } = measureSortKeys(m);
      nodes.row([
        m.id,
        m.key,
        m.authority,
        m.target,
        m.scope,
        scopeKey,
        startKey,
        m.exemptionOf,
        m.start?.date,
        m.start?.precision,
        m.end?.date,
        m.end?.precision,
        m.instrument,
        m.reimposes,
      ]);
      m.changes.forEach((change, order) => changes.row([m.id, change.event, change.kind, order]));
    }
  }
}
