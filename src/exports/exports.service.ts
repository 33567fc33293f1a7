import { requireActor } from '../actors/actors.service';
import { toLuceneQuery } from '../db/lucene';
import type { Db } from '../db/query';
import { Download } from '../domain/route';
import type { EventFilter } from '../events/events.repository';
import { eventsFeedChunks, FEED_ENTRIES, TAG_AUTHORITY } from './atom';
import { csvChunks } from './csv';
import * as repository from './exports.repository';
import type { ExportFormat, ExportQuery } from './exports.schemas';
import { ftmChunks } from './ftm';
import { gexfChunks } from './gexf';
import { graphmlChunks } from './graphml';
import { jsonldChunks } from './jsonld';
import { ploverChunks } from './plover';
import { stixChunks } from './stix';
import { timelinejsChunks } from './timelinejs';

/** How each format is served: its media type and the end of its file name. */
export const EXPORT_MEDIA: Record<ExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  plover: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'plover.jsonl' },
  jsonld: { contentType: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  ftm: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'ftm.json' },
  stix: { contentType: 'application/stix+json; charset=utf-8; version=2.1', extension: 'stix.json' },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
  timelinejs: { contentType: 'application/json; charset=utf-8', extension: 'timeline.json' },
  atom: { contentType: 'application/atom+xml; charset=utf-8', extension: 'atom' },
};

/**
 * A file name that says what is in the file: `kb-events-actor-belarus-from-2025-09-01.csv`. Only ids,
 * type names and dates go into it (all slugs or digits); free text does not, it only adds `-search`.
 */
export function exportFileName(query: ExportQuery): string {
  const parts = [query.format === 'graphml' || query.format === 'gexf' ? 'kb-actor-network' : 'kb-events'];
  if (query.actor) parts.push('actor', query.actor);
  if (query.type) parts.push(query.type.replace(/_/g, '-'));
  if (query.from) parts.push('from', query.from);
  if (query.to) parts.push('to', query.to);
  if (query.q) parts.push('search');
  return `${parts.join('-')}.${EXPORT_MEDIA[query.format].extension}`;
}

/**
 * Checks the request (an unknown actor is refused before any byte is written) and prepares the file: its
 * text comes in pieces of about 64 KB, read page by page as they are pulled.
 */
export async function prepareExport(db: Db, query: ExportQuery): Promise<Download> {
  if (query.actor) await requireActor(db, query.actor);
  const filter: EventFilter = {
    actor: query.actor,
    type: query.type,
    from: query.from,
    to: query.to,
    status: query.status,
    lucene: query.q && toLuceneQuery(query.q),
  };
  const { contentType } = EXPORT_MEDIA[query.format];
  return new Download(contentType, exportFileName(query), batched(render(db, query, filter)));
}

/** The address of the page a feed stands for, and of the feed itself: the same filters, as query parameters. */
export function filterSearch(query: Omit<ExportQuery, 'format'>): string {
  const params = new URLSearchParams();
  for (const key of ['actor', 'type', 'from', 'to', 'status', 'q'] as const) {
    const value = query[key];
    if (value) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

function render(db: Db, query: ExportQuery, filter: EventFilter): AsyncIterable<string> {
  const title = exportTitle(query);
  switch (query.format) {
    case 'csv':
      return csvChunks(repository.exportEvents(db, filter, { firstAppearances: true }));
    case 'plover':
      return ploverChunks(repository.exportEvents(db, filter, { firstAppearances: true }));
    case 'jsonld':
      return jsonldChunks(repository.exportEvents(db, filter));
    case 'graphml':
      return graphmlChunks(repository.networkNodes(db, filter), repository.sharedEventEdges(db, filter), repository.affiliationEdges(db, filter));
    case 'ftm':
      return ftmChunks(repository.exportEvents(db, filter, { firstAppearances: true }));
    case 'stix':
      return stixChunks(repository.exportEvents(db, filter));
    case 'gexf':
      return gexfChunks(() => repository.exportEvents(db, filter));
    case 'timelinejs':
      return timelinejsChunks(repository.exportEvents(db, filter), title);
    case 'atom': {
      const search = filterSearch(query);
      const self = `/api/export${search ? `${search}&` : '?'}format=atom`;
      const feed = { id: `${TAG_AUTHORITY}:events${search}`, title, self, alternate: `/timeline${search}`, author: 'Diplomatic events knowledge base' };
      return eventsFeedChunks(repository.newestEvents(db, filter, FEED_ENTRIES), feed);
    }
  }
}

/** What a feed or timeline is called: the filters in words (ids and dates only, as in the file name). */
function exportTitle(query: ExportQuery): string {
  const parts = ['Diplomatic events'];
  if (query.actor) parts.push(`of ${query.actor}`);
  if (query.type) parts.push(`(${query.type.replace(/_/g, ' ')})`);
  if (query.from) parts.push(`from ${query.from}`);
  if (query.to) parts.push(`to ${query.to}`);
  if (query.q) parts.push(`matching “${query.q}”`);
  return parts.join(' ');
}

/** Joins small pieces into writes of about `size` characters: fewer, larger writes to the socket or file. */
async function* batched(chunks: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer: string[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    buffer.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) yield buffer.join('');
}
