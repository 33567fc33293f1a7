import path from 'node:path';
import { formatPath, type FileProblem } from '../domain/errors';
import { type Actor, type Event, FactsFile, type Facts, WebAddress } from '../domain/model';
import { TAXONOMY } from '../domain/taxonomy';
import type { FactsEntry } from '../ingest/check-facts';
import { ActorMatcher, digest, type KnownActor, type ResolvedSide, slugOf } from './field-actors';
import type { FieldRecord } from './field-record';
import { typeOfRecord } from './field-types';

/** How the datasets call themselves in quotes and titles. */
const DATASET_LABEL = { gdelt: 'GDELT 2.0', polecat: 'POLECAT' } as const;
/** Each reason for skipping a record keeps this many of its places as examples. */
const EXAMPLES = 5;

/** The records left out, by reason: how many, and the first few places (`line 7`). */
export type Skipped = Map<string, { count: number; examples: string[] }>;

export interface FieldPlan {
  entries: FactsEntry[];
  skipped: Skipped;
  /** Records that became events. */
  events: number;
  /** Actors this import defines. */
  actors: number;
  problems: FileProblem[];
}

/** One article in the making: the events reported at one address. */
interface ArticleDraft {
  url: string;
  published: string;
  events: Event[];
  actors: Actor[];
}

/**
 * Turns a dataset's records into facts files, one per source address (pure: the actors the database holds are
 * passed in). The datasets carry no article text, only codes: each event's quote is a line saying what the
 * record codes (`GDELT 2.0 event 1234, 2025-09-11: BELARUS → UNITED STATES, CAMEO 0841`), and the article's
 * text is its records' lines, so every event still points at the words that report it. An article's id comes
 * from its address and the file's name: importing the file again changes nothing, and another file citing the
 * same address makes an article of its own instead of rewriting this one's.
 */
export function planFieldImport(file: string, records: readonly FieldRecord[], known: readonly KnownActor[]): FieldPlan {
  const matcher = new ActorMatcher(known);
  const skipped: Skipped = new Map();
  const skip = (reason: string, where: string) => {
    const entry = skipped.get(reason) ?? { count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < EXAMPLES) entry.examples.push(where);
    skipped.set(reason, entry);
  };
  const fileName = path.basename(file);
  const articles = new Map<string, ArticleDraft>();
  const seen = new Map<string, string>();
  const defined = new Set<string>();
  for (const record of records) {
    const first = seen.get(record.id);
    if (first) {
      skip(`the same event id again (first at ${first})`, record.where);
      continue;
    }
    seen.set(record.id, record.where);
    const match = typeOfRecord(record);
    if ('skip' in match) {
      skip(match.skip, record.where);
      continue;
    }
    if (record.url === null || !WebAddress.safeParse(record.url).success) {
      skip(record.url === null ? 'no source URL' : 'the source is not an http(s) address', record.where);
      continue;
    }
    const agent = matcher.resolve(record.agent);
    const target = matcher.resolve(record.target);
    if (agent === null && target === null) {
      skip('no actor on either side', record.where);
      continue;
    }
    const article = articles.get(record.url) ?? { url: record.url, published: record.published ?? record.date, events: [], actors: [] };
    articles.set(record.url, article);
    for (const side of [agent, target]) {
      if (side?.created && !defined.has(side.id)) {
        defined.add(side.id);
        article.actors.push(side.created);
      }
    }
    article.events.push(eventOf(record, match.type, agent, target, fileName));
  }
  const problems: FileProblem[] = [];
  const entries = [...articles.values()].map((article) => entryOf(file, fileName, article, problems));
  const events = entries.reduce((sum, e) => sum + e.facts.events.length, 0);
  return { entries, skipped, events, actors: defined.size, problems };
}

const sideLabel = (record: FieldRecord, which: 'agent' | 'target') => {
  const side = record[which];
  return side.name ?? side.code ?? side.country ?? '—';
};

/** The line that stands for the record in its article's text: what the record codes, in the dataset's terms. */
export function recordLine(record: FieldRecord): string {
  const coding = record.cameo ? `CAMEO ${record.cameo.code}` : `PLOVER ${record.plover?.event}${record.plover?.mode ? `/${record.plover.mode}` : ''}`;
  return `${DATASET_LABEL[record.dataset]} event ${record.id}, ${record.date}: ${sideLabel(record, 'agent')} → ${sideLabel(record, 'target')}, ${coding}`;
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function eventOf(record: FieldRecord, type: Event['type'], agent: ResolvedSide, target: ResolvedSide, fileName: string): Event {
  const participants: Event['participants'] = [];
  if (agent) participants.push({ actor: agent.id, role: 'agent' });
  if (target && !(agent && agent.id === target.id)) participants.push({ actor: target.id, role: 'target' });
  return {
    id: `${record.dataset}-${slugOf(record.id, 'event').slice(0, 180)}`,
    type,
    title: cut(`${TAXONOMY[type].label}: ${sideLabel(record, 'agent')} → ${sideLabel(record, 'target')}`, 300),
    date: { start: record.date },
    status: 'occurred',
    participants,
    sources: [{ quote: recordLine(record) }],
    origin: { format: record.dataset, file: cut(fileName, 300), id: record.id },
  };
}

function entryOf(file: string, fileName: string, article: ArticleDraft, problems: FileProblem[]): FactsEntry {
  const url = new URL(article.url);
  const dataset = article.events[0]?.origin?.format ?? 'gdelt';
  const id = `${dataset}-article-${digest(`${article.url}\n${fileName}`, 16)}`;
  const text = article.events.map((e) => e.sources[0]?.quote ?? '').join('\n\n');
  const input = {
    article: {
      id,
      title: cut(`${DATASET_LABEL[dataset]} events reported at ${url.host}${url.pathname}`, 500),
      publisher: cut(url.host, 200),
      url: article.url,
      publishedAt: article.published,
      text,
    },
    actors: article.actors,
    events: article.events,
  };
  const where = `${file} (${article.url})`;
  const parsed = FactsFile.safeParse(input);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => ({ file: where, path: formatPath(issue.path), reason: issue.message })));
    return { file: where, facts: input as unknown as Facts };
  }
  return { file: where, facts: parsed.data as Facts };
}
