import fs from 'node:fs';
import path from 'node:path';
import YAML, { type YAMLMap, type YAMLSeq } from 'yaml';
import { z } from 'zod';
import { loadConfig } from '../config/settings';
import type { Db } from '../db/query';
import { IsoDate } from '../domain/dates';
import { FactsValidationError, InvalidError } from '../domain/errors';
import { Article, Slug, type Actor, type Facts } from '../domain/model';
import type { Principal } from '../domain/principal';
import { TAXONOMY } from '../domain/taxonomy';
import { DraftRequest, type Draft } from '../drafts/drafts.schemas';
import * as drafts from '../drafts/drafts.service';
import type { ArticleForDraft } from '../drafts/drafts.service';
import type { Extraction } from '../ingest/extract';
import { ArticleIngested } from '../ingest/ingest.schemas';
import { draftFacts, ingestArticle, knownActorsOf, mergeDraft, type ArticleInput, type IngestResult } from '../ingest/ingest.service';
import { bulkLoadFactsPaths, bulkTarget, describeBulkSummary } from '../ingest/bulk-load';
import { readFactsText } from '../ingest/facts-files';
import { loadEntries, loadFactsPaths, readFactsPaths, type LoadProgress } from '../ingest/load';
import type { MergeDecision } from '../ingest/known-events';
import { describeSummary, SEED_FACTS_DIR } from '../ingest/seed';
import { isStdio, readStdin, STDIN_NAME } from './stdio';

/**
 * `kb extract`, `kb load` and `kb ingest`: from an article's text to draft facts, from facts files to the
 * knowledge base, and both in one step (declared in ingest.command.ts). Standard output carries only the
 * result (one JSON object with --json); notes and progress go to standard error. `-` reads the article or the
 * facts from standard input, and `extract --out -` writes the facts file to standard output.
 */

/** Where a command writes: the result, and notes for the person at the terminal. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const terminal: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const ArticleOptions = z.object({
  published: IsoDate,
  title: Article.shape.title.optional(),
  id: Slug.optional(),
  publisher: Article.shape.publisher,
  url: Article.shape.url,
});

export const ExtractOptions = ArticleOptions.extend({
  json: z.boolean().optional(),
  out: z
    .string()
    .regex(/^-$|\.(ya?ml|json)$/i, { message: 'must name a .yaml, .yml or .json file, or be - for standard output' })
    .optional(),
  offline: z.boolean().optional(),
}).refine((options) => !(options.json && isStdio(options.out)), {
  path: ['out'],
  message: 'cannot be - (standard output) together with --json, which prints there',
});
export type ExtractOptions = z.input<typeof ExtractOptions>;

export const IngestOptions = ArticleOptions.extend({
  published: IsoDate.optional(),
  json: z.boolean().optional(),
  /** false (`--no-review`): load what the extractor drafted at once, marked auto; true: a draft to review. */
  review: z.boolean().default(true),
});
export type IngestOptions = z.input<typeof IngestOptions>;

/** The article in a text file, or on standard input (`-`); its title defaults to its first line. */
async function readArticle(file: string, options: z.infer<typeof ArticleOptions>): Promise<ArticleInput> {
  const text = isStdio(file) ? await readStdin() : fs.readFileSync(file, 'utf8');
  const firstLine =
    text
      .split('\n')
      .find((line) => line.trim().length > 0)
      ?.trim() ?? (isStdio(file) ? STDIN_NAME : path.basename(file));
  const input: ArticleInput = {
    title: options.title ?? Article.shape.title.parse(firstLine.slice(0, 500)),
    text: Article.shape.text.parse(text),
    publishedAt: options.published,
  };
  if (options.id) input.id = options.id;
  if (options.publisher) input.publisher = options.publisher;
  if (options.url) input.url = options.url;
  return input;
}

/** The seed's actors: what names are resolved against when no database is reachable. */
export function seedActors(): Actor[] {
  const byId = new Map(readFactsPaths([SEED_FACTS_DIR]).flatMap(({ facts }) => facts.actors.map((a) => [a.id, a] as const)));
  return [...byId.values()];
}

/** The extraction in the shape `kb extract --json` promises: actors by name, quotes verbatim. */
export function extractionJson(extraction: Extraction) {
  const names = new Map(extraction.actors.map((a) => [a.id, a.name]));
  const name = (id: string) => names.get(id) ?? id;
  return {
    events: extraction.events.map((e) => ({
      type: e.type,
      date: e.date && { start: e.date.start, end: e.date.end, precision: e.date.precision },
      agents: e.agents.map(name),
      targets: e.targets.map(name),
      figures: e.figures,
      place: e.place,
      quote: e.quote,
      background: e.background,
      // actors reached by referring back ("Its foreign ministry"), by name, with how
      resolved: Object.fromEntries(Object.entries(e.resolved ?? {}).map(([id, how]) => [name(id), how])),
    })),
    actors: extraction.actors.map(({ id, name: actorName, kind, known }) => ({ id, name: actorName, kind, known })),
  };
}

function describeExtraction(title: string, extraction: Extraction): string {
  const json = extractionJson(extraction);
  const lines = [`Draft facts of "${title}": ${json.events.length} event(s)`];
  for (const e of json.events) {
    const date = e.date ? `${e.date.start}${e.date.end ? `..${e.date.end}` : ''}${e.date.precision === 'day' ? '' : ` (${e.date.precision})`}` : 'undated';
    const who = `${e.agents.join(', ') || '?'}${e.targets.length > 0 ? ` → ${e.targets.join(', ')}` : ''}`;
    const extras = [e.figures && `${e.figures.count} ${e.figures.unit}`, e.place && `in ${e.place}`].filter(Boolean).join(', ');
    lines.push(`  ${TAXONOMY[e.type].label.padEnd(22)} ${date.padEnd(24)} ${who}${extras ? `  [${extras}]` : ''}`);
    lines.push(`    "${e.quote}"`);
  }
  const proposed = json.actors.filter((a) => !a.known);
  if (proposed.length > 0) lines.push(`New actors: ${proposed.map((a) => `${a.name} (${a.kind})`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A facts file in the seed's format: the article's text stays in its own file (`textFile`, relative to the
 * facts file; to the current folder when the facts go to standard output), empty sections are left out, and
 * events the knowledge base already has say so in a comment. An article that came on standard input has no
 * file of its own (`textFile` null): its text is written into the facts.
 */
export function factsFileText(facts: Facts, out: string, textFile: string | null, decisions: readonly MergeDecision[]): string {
  const { text: _text, ...meta } = facts.article;
  const document = {
    article: textFile ? { ...meta, textFile: path.relative(path.dirname(path.resolve(out)), path.resolve(textFile)) } : facts.article,
    actors: facts.actors,
    events: facts.events,
    ...(facts.affiliations.length > 0 ? { affiliations: facts.affiliations } : {}),
    ...(facts.links.length > 0 ? { links: facts.links } : {}),
    ...(facts.reactions.length > 0 ? { reactions: facts.reactions } : {}),
  };
  if (/\.json$/i.test(out)) return `${JSON.stringify(document, null, 2)}\n`;
  const yaml = new YAML.Document(document);
  yaml.commentBefore =
    ` Draft facts extracted by \`kb extract\` from ${textFile ? path.basename(textFile) : STDIN_NAME}: review them, then \`kb load\` this file.\n` +
    ' Every quote must stay a verbatim sentence of the article.';
  const events = yaml.get('events', true) as YAMLSeq<YAMLMap> | undefined;
  for (const decision of decisions) {
    const node = events?.items[decision.index];
    if (node && decision.merged) {
      node.commentBefore =
        ` Already in the knowledge base as "${decision.title}": loading adds this article's quote and participants\n` +
        ' to it; its title, date and other properties stay as the article that first reported it gave them.';
    }
  }
  return yaml.toString({ lineWidth: 0 });
}

function writeWhole(file: string, content: string): void {
  const partial = `${file}.partial`;
  try {
    fs.writeFileSync(partial, content);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * `kb extract`: draft facts of an article. With a database (`db`), names are resolved against its actors and
 * `--out` re-points events it already has; without one, against the seed's actors.
 */
export async function runExtract(file: string, rawOptions: ExtractOptions, db: Db | null, output: Output = terminal): Promise<void> {
  const options = ExtractOptions.parse(rawOptions);
  const input = await readArticle(file, options);
  const knownActors = db ? await knownActorsOf(db, (note) => output.err(`note: ${note}\n`)) : seedActors();
  const draft = await draftFacts(input, knownActors);
  if (options.out) {
    const prepared = db ? await mergeDraft(db, draft.facts) : { facts: draft.facts, decisions: [] };
    const text = factsFileText(prepared.facts, options.out, isStdio(file) ? null : file, prepared.decisions);
    if (isStdio(options.out)) output.out(text);
    else writeWhole(options.out, text);
    const merged = prepared.decisions.filter((d) => d.merged);
    for (const d of merged) output.err(`note: events[${d.index}] is already in the knowledge base as ${d.id} ("${d.title}")\n`);
    const written = isStdio(options.out) ? 'Wrote the facts to standard output' : `Wrote ${options.out}`;
    output.err(`${written}: ${prepared.facts.events.length} event(s), ${merged.length} already known; review them, then \`kb load\` them\n`);
  }
  if (options.json) output.out(`${JSON.stringify(extractionJson(draft.extraction))}\n`);
  else if (!options.out) output.out(describeExtraction(input.title, draft.extraction));
}

/**
 * `kb load`: validates every file first (nothing is written if any is refused), then one transaction per article.
 * `-` (alone) is one facts document on standard input, YAML or JSON; a `textFile` in it is read from the current folder.
 */
export async function runLoad(db: Db, paths: string[], output: Output = terminal): Promise<void> {
  const progress = (p: LoadProgress) => output.err(`  [${p.index}/${p.total}] ${path.basename(p.file)}: ${p.events} events\n`);
  const summary = paths.length === 1 && isStdio(paths[0]) ? await loadStdin(db, progress) : await loadFactsPaths(db, paths, progress);
  output.out(`${describeSummary(summary)}\n`);
}

/**
 * `kb load --bulk`: the facts files into the empty database of the project's own Neo4j, through neo4j-admin's
 * offline importer (ingest/bulk-load.ts); a remote NEO4J_URI or a database holding anything is refused.
 */
export async function runBulkLoad(paths: string[], output: Output = terminal, config = loadConfig()): Promise<void> {
  const instance = bulkTarget(config);
  // A batch command: the summaries' and places' passes over a large graph may each take minutes.
  const settings = { ...config, DB_TIMEOUT_S: Math.max(config.DB_TIMEOUT_S, 600) };
  const summary = await bulkLoadFactsPaths(instance, paths, { settings, log: (message) => output.err(`${message}\n`) });
  output.out(`${describeBulkSummary(summary)}\n`);
}

async function loadStdin(db: Db, progress: (p: LoadProgress) => void) {
  const { facts, problems } = readFactsText(STDIN_NAME, await readStdin(), process.cwd());
  if (!facts) throw new FactsValidationError(problems);
  return loadEntries(db, [{ file: STDIN_NAME, facts }], progress);
}

function describeIngest(result: IngestResult): string {
  if (!result.created) {
    return `"${result.article.title}" (${result.article.id}) is already in the knowledge base with this text; nothing was written. It reports ${result.events.length} event(s).\n`;
  }
  const lines = [`Ingested "${result.article.title}" as ${result.article.id}: ${result.events.length} event(s)`];
  for (const e of result.events) lines.push(`  ${e.merged ? 'merged' : 'new   '}  ${e.id}  ${e.title}`);
  const created = result.actors.filter((a) => a.created);
  lines.push(
    `Actors: ${result.actors.length - created.length} known${created.length > 0 ? `, ${created.length} new: ${created.map((a) => a.name).join(', ')}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

const isAddress = (source: string) => /^https?:\/\//i.test(source);

/** The article a file or an address holds; an address is fetched as the web page's form would fetch it. */
async function articleFrom(source: string, options: z.infer<typeof IngestOptions>): Promise<ArticleForDraft> {
  if (isAddress(source)) {
    const request = DraftRequest.parse({ url: source, title: options.title, published: options.published, publisher: options.publisher, id: options.id });
    return drafts.articleOf(request, drafts.fetchLimitsOf(loadConfig()));
  }
  if (!options.published) throw new InvalidError('published', 'give the day the article was published (YYYY-MM-DD)');
  return readArticle(source, { ...options, published: options.published });
}

/** Whoever runs the command: drafts made from the command line say so. */
const commandLine = (): Principal => ({ name: `cli:${process.env.USER ?? 'kb'}`, role: 'editor', via: 'setting' });

/** `kb ingest <file|url>`: a draft to review in the workbench (the default), or with `--no-review` loaded at once. */
export async function runIngest(db: Db, source: string, rawOptions: IngestOptions, output: Output = terminal): Promise<void> {
  const options = IngestOptions.parse(rawOptions);
  if (options.review) await runIngestDraft(db, source, options, output);
  else await runIngestNow(db, source, options, output);
}

/** The article as a draft to review: nothing enters the graph until an editor commits it. */
export async function runIngestDraft(db: Db, source: string, rawOptions: IngestOptions, output: Output = terminal): Promise<Draft> {
  const options = IngestOptions.parse(rawOptions);
  const { draft, created } = await drafts.createDraft(db, await articleFrom(source, options), commandLine());
  if (options.json) output.out(`${JSON.stringify(draft)}\n`);
  else output.out(`${created ? 'Drafted' : 'Already drafted'} "${draft.article.title}": ${draft.events.length} event(s) to review at /review/${draft.id}\n`);
  return draft;
}

/** `--no-review`: what the extractor drafted, loaded at once and marked auto (see ingestArticle). */
export async function runIngestNow(db: Db, source: string, rawOptions: IngestOptions, output: Output = terminal): Promise<IngestResult> {
  const options = IngestOptions.parse(rawOptions);
  const article = await articleFrom(source, options);
  const input: ArticleInput = { ...article, publisher: article.publisher ?? undefined, url: article.url ?? undefined };
  const result = await ingestArticle(db, input, (note) => output.err(`note: ${note}\n`));
  if (options.json) {
    const { created: _created, ...body } = result;
    output.out(`${JSON.stringify(ArticleIngested.parse(body))}\n`);
  } else output.out(describeIngest(result));
  return result;
}
