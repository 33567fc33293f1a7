import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { z } from 'zod';
import type { Db } from '../db/query';
import type { LinkKind } from '../domain/model';
import { FactsFile, type Facts } from '../domain/model';
import { checkFacts, type FactsEntry } from '../ingest/check-facts';
import { FactsValidationError, formatPath, type FileProblem } from '../domain/errors';
import { loadEntries, type LoadProgress, type LoadSummary } from '../ingest/load';
import { existingActorIds } from '../ingest/load.repository';
import { columnOf, disagreement, REQUIRED_IMPORT_COLUMNS, rowToEventInput, type CsvRow } from '../exports/csv';
import { articlesInDatabase, mergeEventLinks } from '../exports/exports.repository';
import { ExportEvent, type ActorRecord, type AffiliationRecord, type ArticleRecord } from '../exports/exports.schemas';
import { ploverToEventInput } from '../exports/plover';

/**
 * `kb import`: reads what `kb export --format plover|csv` wrote and loads it like any facts files:
 * everything is checked before the first write (all or nothing), then each article's facts are written
 * in one transaction (idempotent: importing twice changes nothing).
 *
 * Article texts are not exported (they can be long, and their rights are the publisher's). An article the
 * database already has keeps its stored text, and every quote must be found in it. An article it does not
 * have gets a text rebuilt from its quotes, one paragraph each, so every quote is verbatim in it and each
 * event still points at the sentence that reports it. Importing an article the database holds with events
 * the file does not carry is refused: the loader would detach them (a partial export of an article can
 * start a new knowledge base, but not overwrite what another one knows about that article).
 */
export const IMPORT_FORMATS = ['plover', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** `.jsonl`/`.ndjson` → plover, `.csv` → csv. */
export function formatFromFileName(file: string): ImportFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return 'plover';
  if (extension === '.csv') return 'csv';
  return undefined;
}

/** A record and where it was read from (`line 3`, `row 7`), for problems to point at. */
export interface ReadEvent {
  event: ExportEvent;
  where: string;
}

const issueProblems = (file: string, where: string, error: z.ZodError, pathOf: (p: readonly PropertyKey[]) => string): FileProblem[] =>
  error.issues.map((issue) => ({ file, path: `${where}: ${pathOf(issue.path)}`, reason: issue.message }));

/** Reads PLOVER lines (JSONL) one at a time; every bad line is reported, none is thrown on. */
export async function readPloverFile(file: string): Promise<{ events: ReadEvent[]; problems: FileProblem[] }> {
  const events: ReadEvent[] = [];
  const problems: FileProblem[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    const where = `line ${number}`;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      problems.push({ file, path: where, reason: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const { input, problem } = ploverToEventInput(json);
    if (problem) {
      problems.push({ file, path: where, reason: problem });
      continue;
    }
    const parsed = ExportEvent.safeParse(input);
    if (parsed.success) events.push({ event: parsed.data, where });
    else problems.push(...issueProblems(file, where, parsed.error, (p) => (p[0] === 'id' ? 'id' : `kb.${formatPath(p)}`)));
  }
  return { events, problems };
}

/** Reads CSV rows (RFC 4180) as a stream; the rows of one event are joined into it, and must agree. */
export async function readCsvFile(file: string): Promise<{ events: ReadEvent[]; problems: FileProblem[] }> {
  const problems: FileProblem[] = [];
  const firstRows = new Map<string, { row: Partial<CsvRow>; number: number }>();
  const parser = fs.createReadStream(file).pipe(parseCsv({ columns: true, bom: true, relax_column_count: false }));
  let number = 1; // the header is row 1
  let header: string[] | undefined;
  try {
    for await (const row of parser as AsyncIterable<Partial<CsvRow>>) {
      number += 1;
      if (!header) {
        header = Object.keys(row);
        const missing = REQUIRED_IMPORT_COLUMNS.filter((column) => !header?.includes(column));
        if (missing.length > 0) {
          problems.push({ file, path: 'row 1', reason: `missing column(s) ${missing.join(', ')}: only files written by \`kb export --format csv\` can be imported` });
          break;
        }
      }
      const id = row.event_id ?? '';
      const first = firstRows.get(id);
      if (!first) firstRows.set(id, { row, number });
      else {
        const column = disagreement(first.row, row);
        if (column) problems.push({ file, path: `row ${number}: ${column}`, reason: `differs from row ${first.number} of the same event "${id}"` });
      }
    }
  } catch (error) {
    problems.push({ file, path: `row ${number + 1}`, reason: `not valid CSV: ${(error as Error).message}` });
  }
  const events: ReadEvent[] = [];
  for (const { row, number: rowNumber } of firstRows.values()) {
    const where = `row ${rowNumber}`;
    const { input, jsonProblems } = rowToEventInput(row);
    if (jsonProblems.length > 0) {
      problems.push(...jsonProblems.map((reason) => ({ file, path: where, reason })));
      continue;
    }
    const parsed = ExportEvent.safeParse(input);
    if (parsed.success) events.push({ event: parsed.data, where });
    else {
      problems.push(
        ...issueProblems(file, where, parsed.error, (p) => {
          const column = columnOf(p);
          const inner = column.startsWith('kb_') ? formatPath(p.slice(1)) : '';
          return inner ? `${column}${inner.startsWith('[') ? '' : '.'}${inner}` : column;
        }),
      );
    }
  }
  return { events, problems };
}

export async function readImportFile(file: string, format: ImportFormat): Promise<ReadEvent[]> {
  const { events, problems } = format === 'plover' ? await readPloverFile(file) : await readCsvFile(file);
  if (problems.length > 0) throw new FactsValidationError(problems);
  if (events.length === 0) throw new FactsValidationError([{ file, path: '', reason: 'no events in the file' }]);
  return events;
}

/** What the database already holds of an article the file names. */
export interface StoredArticle {
  text: string;
  events: string[];
}

export interface ImportPlan {
  /** Loads run one after another; within one, an event is in at most one article (see `phasesOf`). */
  loads: FactsEntry[][];
  /**
   * Links between events that no one load holds together (their articles share another event, so they are
   * in different loads): written after the last load, when both events exist. Rare.
   */
  crossLinks: Array<{ from: string; to: string; kind: LinkKind }>;
  /** What was left out, and why (links and reaction references to events not in the file). */
  notes: string[];
  problems: FileProblem[];
}

type FactsInput = z.input<typeof FactsFile>;
type EventInput = NonNullable<FactsInput['events']>[number];
type AffiliationInput = NonNullable<FactsInput['affiliations']>[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const definedOrUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The partial date a stored date stands for: 2025-09-01 at month precision is 2025-09. */
export function partialStart(date: ExportEvent['date']): string {
  return date.precision === 'year' ? date.start.slice(0, 4) : date.precision === 'month' ? date.start.slice(0, 7) : date.start;
}

/**
 * Groups articles into loads so that no event is in two articles of one load: the loader refuses an event
 * id defined twice in one load, yet an event reported by two articles must be written with each. Greedy:
 * each article goes to the first load that has none of its events. Usually there is one load.
 */
export function phasesOf(articleEvents: Map<string, string[]>): string[][] {
  const phases: Array<{ articles: string[]; events: Set<string> }> = [];
  for (const [article, events] of articleEvents) {
    let phase = phases.find((p) => events.every((id) => !p.events.has(id)));
    if (!phase) phases.push((phase = { articles: [], events: new Set() }));
    phase.articles.push(article);
    for (const id of events) phase.events.add(id);
  }
  return phases.map((p) => p.articles);
}

/**
 * Turns exported events back into facts files, one per article (pure: what the database holds is passed in).
 * Actors are defined in the first file of the first load that names them; the others refer to them.
 */
export function planImport(file: string, read: readonly ReadEvent[], stored: ReadonlyMap<string, StoredArticle>): ImportPlan {
  const problems: FileProblem[] = [];
  const notes: string[] = [];
  const actors = new Map<string, { record: Omit<ActorRecord, 'affiliations'>; where: string }>();
  const articles = new Map<string, { record: Omit<ArticleRecord, 'reactions'>; where: string }>();
  const reactions = new Map<string, NonNullable<ArticleRecord['reactions']>>();
  const affiliations = new Map<string, { holder: string; affiliation: AffiliationRecord }>();
  /** article id → event id → its quotes from that article, in order */
  const articleEvents = new Map<string, Map<string, string[]>>();
  const articleAffiliations = new Map<string, Array<{ holder: string; affiliation: AffiliationRecord }>>();
  const events = new Map<string, { event: ExportEvent; where: string }>();

  const defineActor = (actor: ActorRecord, where: string) => {
    const { affiliations: _roles, ...record } = actor;
    const known = actors.get(record.id);
    if (!known) actors.set(record.id, { record, where });
    else if (!same(known.record, record)) {
      problems.push({ file, path: where, reason: `actor "${record.id}" is described differently at ${known.where}` });
    }
  };
  const defineArticle = ({ reactions: articleReactions, ...record }: ArticleRecord, where: string) => {
    const known = articles.get(record.id);
    if (!known) {
      articles.set(record.id, { record, where });
      articleEvents.set(record.id, new Map());
    } else if (!same(known.record, record)) {
      problems.push({ file, path: where, reason: `article "${record.id}" is described differently at ${known.where}` });
    }
    if (articleReactions && !reactions.has(record.id)) reactions.set(record.id, articleReactions);
  };

  for (const { event, where } of read) {
    const previous = events.get(event.id);
    if (previous) {
      problems.push({ file, path: where, reason: `event "${event.id}" is already at ${previous.where}` });
      continue;
    }
    events.set(event.id, { event, where });
    for (const { actor } of event.participants) {
      defineActor(actor, where);
      for (const affiliation of actor.affiliations ?? []) {
        defineActor(affiliation.counterpart, where);
        defineArticle(affiliation.article, where);
        const key = `${actor.id}|${affiliation.role}|${affiliation.counterpart.id}`;
        const known = affiliations.get(key);
        if (known) {
          if (!same(known.affiliation, affiliation)) problems.push({ file, path: where, reason: `affiliation ${key} is described twice, differently` });
          continue;
        }
        const entry = { holder: actor.id, affiliation };
        affiliations.set(key, entry);
        const list = articleAffiliations.get(affiliation.article.id) ?? [];
        list.push(entry);
        articleAffiliations.set(affiliation.article.id, list);
      }
    }
    for (const source of event.sources) {
      defineArticle(source.article, where);
      const byEvent = articleEvents.get(source.article.id) as Map<string, string[]>;
      const quotes = byEvent.get(event.id) ?? [];
      if (!quotes.includes(source.quote)) quotes.push(source.quote);
      byEvent.set(event.id, quotes);
    }
  }

  for (const [articleId, byEvent] of articleEvents) {
    const held = stored.get(articleId);
    const missing = held?.events.filter((id) => !byEvent.has(id)) ?? [];
    if (missing.length > 0) {
      problems.push({
        file,
        path: `article ${articleId}`,
        reason:
          `the database holds this article with ${missing.length} event(s) the file does not carry (${missing.slice(0, 5).join(', ')}` +
          `${missing.length > 5 ? ', …' : ''}); importing would detach them. Import a complete export of the article instead.`,
      });
    }
  }
  if (problems.length > 0) return { loads: [], crossLinks: [], notes, problems };

  const phases = phasesOf(new Map([...articleEvents].map(([id, byEvent]) => [id, [...byEvent.keys()]])));
  const entryOf = new Map<string, { index: number }>();
  for (const articleIds of phases) articleIds.forEach((id, index) => entryOf.set(id, { index }));

  // A link goes where both its events are written: a file holding both, or (across files of one load) the later one.
  const links: Array<{ from: string; to: string; kind: ExportEvent['links'][number]['kind']; article: string }> = [];
  const crossLinks: ImportPlan['crossLinks'] = [];
  let outside = 0;
  for (const { event } of events.values()) {
    for (const link of event.links) {
      if (!events.has(link.to)) {
        outside += 1;
        continue;
      }
      const placement = placeLink(event.id, link.to);
      if (placement) links.push({ from: event.id, to: link.to, kind: link.kind, article: placement });
      else crossLinks.push({ from: event.id, to: link.to, kind: link.kind });
    }
  }
  if (outside > 0) notes.push(`${outside} link(s) to events not in the file were left out`);

  function placeLink(from: string, to: string): string | undefined {
    for (const articleIds of phases) {
      const holding = (id: string) => articleIds.filter((a) => articleEvents.get(a)?.has(id));
      const withFrom = holding(from);
      const withTo = holding(to);
      if (withFrom.length === 0 || withTo.length === 0) continue;
      const together = withFrom.find((a) => withTo.includes(a));
      if (together) return together;
      const index = (a: string) => entryOf.get(a)?.index ?? 0;
      return [...withFrom, ...withTo].sort((a, b) => index(b) - index(a))[0];
    }
    return undefined;
  }

  const defined = new Set<string>();
  let reactionRefsDropped = 0;
  const loads = phases.map((articleIds) => {
    const phaseEvents = new Set(articleIds.flatMap((a) => [...(articleEvents.get(a)?.keys() ?? [])]));
    return articleIds.map((articleId): FactsEntry => {
      const meta = (articles.get(articleId) as { record: Omit<ArticleRecord, 'reactions'> }).record;
      const byEvent = articleEvents.get(articleId) as Map<string, string[]>;
      const articleAffs = articleAffiliations.get(articleId) ?? [];
      const eventIds = new Set(byEvent.keys());
      const factsEvents: EventInput[] = [...byEvent].map(([id, quotes]) => {
        const { event } = events.get(id) as { event: ExportEvent };
        return {
          id,
          type: event.type,
          title: event.title,
          summary: definedOrUndefined(event.summary),
          date: { start: partialStart(event.date), end: definedOrUndefined(event.date.end) },
          place: definedOrUndefined(event.place),
          status: event.status,
          figures: event.figures ?? undefined,
          participants: event.participants.map(({ actor, role }) => ({ actor: actor.id, role })),
          sources: quotes.map((quote) => ({ quote })),
        };
      });
      const factsAffiliations: AffiliationInput[] = articleAffs.map(({ holder, affiliation: a }) => ({
        actor: holder,
        counterpart: a.counterpart.id,
        role: a.role,
        title: definedOrUndefined(a.title),
        from: definedOrUndefined(a.from),
        to: definedOrUndefined(a.to),
        former: a.former,
        source: a.quote === null ? undefined : { quote: a.quote },
      }));
      const referenced = [
        ...factsEvents.flatMap((e) => e.participants.map((p) => p.actor)),
        ...factsAffiliations.flatMap((a) => [a.actor, a.counterpart]),
      ];
      const actorDefinitions = [...new Set(referenced)]
        .filter((id) => !defined.has(id))
        .map((id) => {
          defined.add(id);
          const { record } = actors.get(id) as { record: Omit<ActorRecord, 'affiliations'> };
          return { ...record, description: definedOrUndefined(record.description) };
        });
      const articleReactions = (reactions.get(articleId) ?? []).map((reaction) => {
        const about = reaction.about.filter((id) => phaseEvents.has(id));
        reactionRefsDropped += reaction.about.length - about.length;
        return { ...reaction, about };
      });
      const quotes = [...new Set([...byEvent.values()].flat().concat(articleAffs.flatMap(({ affiliation: a }) => (a.quote ? [a.quote] : []))))];
      const text = stored.get(articleId)?.text ?? quotes.join('\n\n');
      const input: FactsInput = {
        article: {
          id: meta.id,
          title: meta.title,
          ...(meta.publisher === null ? {} : { publisher: meta.publisher }),
          ...(meta.url === null ? {} : { url: meta.url }),
          publishedAt: meta.publishedAt,
          text,
        },
        actors: actorDefinitions,
        events: factsEvents,
        affiliations: factsAffiliations,
        links: links
          .filter((l) => l.article === articleId || (eventIds.has(l.from) && eventIds.has(l.to)))
          .map(({ from, to, kind }) => ({ from, to, kind })),
        reactions: articleReactions,
      };
      const where = `${file} (article ${articleId})`;
      const parsed = FactsFile.safeParse(input);
      if (!parsed.success) {
        problems.push(...parsed.error.issues.map((issue) => ({ file: where, path: formatPath(issue.path), reason: issue.message })));
        return { file: where, facts: input as unknown as Facts };
      }
      // The schema trims texts; a stored text is kept exactly as the database has it (offsets and all).
      const { article, ...rest } = parsed.data;
      return { file: where, facts: { ...rest, article: { ...(article as Facts['article']), text } } };
    });
  });
  if (reactionRefsDropped > 0) notes.push(`${reactionRefsDropped} reader reaction reference(s) to events not in the file were left out`);
  return { loads, crossLinks, notes, problems };
}

export interface ImportSummary extends LoadSummary {
  notes: string[];
}

/** Reads, checks (everything, before any write) and loads an exported file. */
export async function importFile(
  db: Db,
  file: string,
  format: ImportFormat,
  onProgress: (progress: LoadProgress) => void = () => {},
): Promise<ImportSummary> {
  const read = await readImportFile(file, format);
  const articleIds = [...new Set(read.flatMap(({ event }) => [
    ...event.sources.map((s) => s.article.id),
    ...event.participants.flatMap((p) => (p.actor.affiliations ?? []).map((a) => a.article.id)),
  ]))];
  const plan = planImport(file, read, await articlesInDatabase(db, articleIds));
  if (plan.problems.length > 0) throw new FactsValidationError(plan.problems);

  // Every load is checked before the first is written; actors defined by an earlier load count as known.
  const allActors = plan.loads.flat().flatMap(({ facts }) => [
    ...facts.events.flatMap((e) => e.participants.map((p) => p.actor)),
    ...facts.affiliations.flatMap((a) => [a.actor, a.counterpart]),
  ]);
  const known = await existingActorIds(db, [...new Set(allActors)]);
  const problems: FileProblem[] = [];
  for (const load of plan.loads) {
    problems.push(...checkFacts(load, known));
    for (const { facts } of load) for (const actor of facts.actors) known.add(actor.id);
  }
  if (problems.length > 0) throw new FactsValidationError(problems);

  const summary: ImportSummary = { articles: 0, events: 0, actors: 0, nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0, nodesDeleted: 0, notes: plan.notes };
  for (const load of plan.loads) {
    const done = await loadEntries(db, load, onProgress);
    for (const key of ['nodesCreated', 'relationshipsCreated', 'relationshipsDeleted', 'nodesDeleted'] as const) summary[key] += done[key];
  }
  if (plan.crossLinks.length > 0) {
    const counts = await mergeEventLinks(db, plan.crossLinks);
    summary.relationshipsCreated += counts.relationshipsCreated;
  }
  summary.articles = plan.loads.flat().length;
  summary.events = read.length;
  summary.actors = new Set(plan.loads.flat().flatMap(({ facts }) => facts.actors.map((a) => a.id))).size;
  return summary;
}
