import fs from 'node:fs';
import path from 'node:path';
import { AFFILIATION_KEY } from '../db/affiliation-key';
import type { Db } from '../db/query';
import { LINK_KINDS, LINK_RELATIONSHIP } from '../domain/taxonomy';
import type { LinkKind } from '../domain/model';
import { toGraphRows } from '../ingest/graph-rows';
import { addRows, corpusFacts, emptyCounts, type RowCounts } from './corpus-rows';
import { elapsedMs } from './common';

/**
 * The comparison path of the load benchmark: the same corpus written as CSV files into the server's import
 * folder, then loaded by Neo4j's own `LOAD CSV … CALL { … } IN TRANSACTIONS`, run as auto-commit queries.
 * The statements write exactly the stated graph the project's loader writes (same MERGE keys, same properties,
 * including `definedIn`, `addedAt`, the actors' codes, each quote's claim and the `articles` list of the
 * relationships an article states); what the loader derives alongside (summaries, pairs, counts per month,
 * places, measures) the benchmark builds afterwards, timed apart, by the migration steps that build it for any
 * database written without it.
 */

const LIST_SEPARATOR = '\u001f';

function csvField(value: unknown): string {
  // An empty field is read as null, which the statements turn into an empty list; "" would be one empty string.
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '';
  const text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  constructor(
    file: string,
    readonly columns: readonly string[],
  ) {
    this.fd = fs.openSync(file, 'w');
    this.write(`${columns.join(',')}\n`);
  }
  private write(text: string) {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  row(values: Record<string, unknown>) {
    this.write(`${this.columns.map((column) => csvField(values[column])).join(',')}\n`);
  }
  flush() {
    fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
  }
}

const linkFile = (kind: LinkKind) => `links-${kind}.csv`;

/** Writes the corpus as CSV files into `importDir`; returns the row counts (the same for every path). */
export async function writeCorpusCsv(corpusDir: string, importDir: string): Promise<RowCounts> {
  fs.mkdirSync(importDir, { recursive: true });
  const open = (name: string, columns: string[]) => new CsvFile(path.join(importDir, name), columns);
  const articles = open('articles.csv', ['id', 'title', 'publisher', 'url', 'publishedAt', 'text']);
  const actors = open('actors.csv', ['id', 'name', 'kind', 'aliases', 'aliasText', 'description', 'country', 'countryAlpha2', 'sector', 'code', 'wikidata']);
  const events = open('events.csv', [
    'id',
    'definedIn',
    'type',
    'title',
    'summary',
    'date',
    'endDate',
    'lastDate',
    'precision',
    'place',
    'status',
    'figureCount',
    'figureUnit',
    'figureApproximate',
  ]);
  const participants = open('participants.csv', ['event', 'actor', 'role', 'article']);
  const sources = open('sources.csv', ['event', 'article', 'quote', 'start', 'end', 'rank', 'claim']);
  const affiliations = open('affiliations.csv', ['actor', 'counterpart', 'role', 'title', 'from', 'to', 'former', 'article', 'quote']);
  const links = Object.fromEntries(LINK_KINDS.map((kind) => [kind, open(linkFile(kind), ['from', 'to', 'article'])])) as Record<LinkKind, CsvFile>;
  const counts = emptyCounts();
  for await (const facts of corpusFacts(corpusDir)) {
    const rows = toGraphRows(facts);
    if (rows.reactions.length > 0) throw new Error('the CSV comparison does not write reactions; the generated corpus has none');
    addRows(counts, rows);
    const article = rows.article.id;
    articles.row(rows.article);
    for (const actor of rows.actors) actors.row(actor);
    for (const event of rows.events) events.row({ ...event, definedIn: article });
    for (const participant of rows.participants) participants.row({ ...participant, article });
    for (const source of rows.sources) sources.row({ ...source, article });
    for (const affiliation of rows.affiliations) affiliations.row({ ...affiliation, article });
    for (const kind of LINK_KINDS) for (const link of rows.links[kind]) links[kind].row({ ...link, article });
  }
  for (const file of [articles, actors, events, participants, sources, affiliations, ...Object.values(links)]) file.close();
  return counts;
}

const BATCH = 'IN TRANSACTIONS OF 10000 ROWS';
const from = (file: string) => `LOAD CSV WITH HEADERS FROM 'file:///${file}' AS row`;
const STATED_BY_ARTICLE = `r.articles = CASE WHEN row.article IN coalesce(r.articles, []) THEN r.articles
                                         ELSE coalesce(r.articles, []) + row.article END`;

/** One statement per file, nodes first; each one auto-commits every 10,000 rows. */
export const LOAD_CSV_STATEMENTS: Array<{ name: string; cypher: string }> = [
  {
    name: 'articles',
    cypher: `${from('articles.csv')} CALL (row) {
      MERGE (a:Article {id: row.id})
      SET a.title = row.title, a.publisher = row.publisher, a.url = row.url,
          a.publishedAt = date(row.publishedAt), a.text = row.text } ${BATCH}`,
  },
  {
    name: 'actors',
    cypher: `${from('actors.csv')} CALL (row) {
      MERGE (a:Actor {id: row.id})
      SET a.name = row.name, a.kind = row.kind,
          a.aliases = CASE WHEN row.aliases IS NULL THEN [] ELSE split(row.aliases, '${LIST_SEPARATOR}') END,
          a.aliasText = coalesce(row.aliasText, ''), a.description = row.description,
          a.country = coalesce(row.country, a.country), a.countryAlpha2 = coalesce(row.countryAlpha2, a.countryAlpha2),
          a.sector = coalesce(row.sector, a.sector), a.code = coalesce(row.code, a.code), a.wikidata = coalesce(row.wikidata, a.wikidata) } ${BATCH}`,
  },
  {
    name: 'events',
    cypher: `${from('events.csv')} CALL (row) {
      MERGE (e:Event {id: row.id})
      ON CREATE SET e.addedAt = datetime()
      SET e.definedIn = row.definedIn, e.type = row.type, e.title = row.title, e.summary = row.summary,
          e.date = date(row.date), e.endDate = date(row.endDate), e.lastDate = date(row.lastDate),
          e.precision = row.precision, e.place = row.place, e.status = row.status,
          e.figureCount = toInteger(row.figureCount), e.figureUnit = row.figureUnit,
          e.figureApproximate = toBoolean(row.figureApproximate) } ${BATCH}`,
  },
  {
    name: 'participants',
    cypher: `${from('participants.csv')} CALL (row) {
      MATCH (e:Event {id: row.event})
      MATCH (a:Actor {id: row.actor})
      MERGE (a)-[r:PARTICIPATED_IN {role: row.role}]->(e)
      SET ${STATED_BY_ARTICLE} } ${BATCH}`,
  },
  {
    name: 'sources',
    cypher: `${from('sources.csv')} CALL (row) {
      MATCH (e:Event {id: row.event})
      MATCH (art:Article {id: row.article})
      MERGE (e)-[r:REPORTED_IN {quote: row.quote}]->(art)
      SET r.start = toInteger(row.start), r.end = toInteger(row.end), r.rank = toInteger(row.rank), r.claim = row.claim } ${BATCH}`,
  },
  {
    name: 'affiliations',
    cypher: `${from('affiliations.csv')} CALL (row) {
      MATCH (a:Actor {id: row.actor})
      MATCH (c:Actor {id: row.counterpart})
      MERGE (a)-[r:AFFILIATED_WITH {key: ${AFFILIATION_KEY('row.actor', 'row.counterpart', 'row.role')}}]->(c)
      SET r.role = row.role, r.title = row.title, r.from = row.from, r.to = row.to, r.former = toBoolean(row.former),
          r.article = row.article, r.quote = row.quote } ${BATCH}`,
  },
  ...LINK_KINDS.map((kind) => ({
    name: `links (${kind})`,
    cypher: `${from(linkFile(kind))} CALL (row) {
      MATCH (a:Event {id: row.from})
      MATCH (b:Event {id: row.to})
      MERGE (a)-[r:${LINK_RELATIONSHIP[kind]}]->(b)
      SET ${STATED_BY_ARTICLE} } ${BATCH}`,
  })),
];

/** Runs the LOAD CSV statements (auto-commit, as CALL … IN TRANSACTIONS requires); returns ms per statement. */
export async function runLoadCsv(db: Db): Promise<Array<{ name: string; ms: number }>> {
  const timings: Array<{ name: string; ms: number }> = [];
  const session = db.driver.session({ database: db.database });
  try {
    for (const { name, cypher } of LOAD_CSV_STATEMENTS) {
      const start = process.hrtime.bigint();
      await session.run(cypher);
      timings.push({ name, ms: elapsedMs(start) });
    }
  } finally {
    await session.close();
  }
  return timings;
}

/** The folder the server reads `file:///` URLs from. */
export async function serverImportDir(db: Db): Promise<string> {
  const { records } = await db.driver.executeQuery(
    "SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.import' RETURN value",
    {},
    { database: db.database },
  );
  const value = records[0]?.get('value') as string | undefined;
  if (!value) throw new Error('the server reports no import folder (server.directories.import); LOAD CSV cannot read files');
  return value;
}
