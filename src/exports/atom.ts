import { TAXONOMY } from '../domain/taxonomy';
import type { ExportEvent } from './exports.schemas';
import { agentSide, primarySource, targetSide } from './records';
import { partialSpan, reportedOn } from './spans';
import { xmlAttribute, xmlEscape } from './xml';

/**
 * Atom 1.0 (RFC 4287). `atomFeed` writes any feed from plain entries, so other lists (a watchlist) can be
 * served the same way; `eventsFeed` turns events into entries. Ids are `tag:` URIs (RFC 4151) made from
 * stable ids only, so a reader never sees an entry twice; links are relative to the feed's address.
 */
export interface AtomEntry {
  /** A stable IRI: the same thing keeps it in every feed it appears in. */
  id: string;
  title: string;
  /** RFC 3339 instants. */
  updated: string;
  published?: string;
  link?: string;
  summary?: string;
  categories?: Array<{ term: string; label?: string }>;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own address (rel="self") and the page it stands for (rel="alternate"). */
  self: string;
  alternate: string;
  author: string;
  entries: readonly AtomEntry[];
}

/** The project's tag authority: fixed, so ids never depend on where the knowledge base is served. */
export const TAG_AUTHORITY = 'tag:diplomatic-events-kb,2025';

/** An event's entry id, the same in every feed it appears in (the events feed, a watchlist's). */
export const eventEntryId = (id: string) => `${TAG_AUTHORITY}:event/${id}`;

/** A day as the instant Atom wants: its start, in UTC. */
export const dayInstant = (day: string) => `${day}T00:00:00Z`;

const EPOCH = '1970-01-01T00:00:00Z';

function entryXml(entry: AtomEntry): string {
  const lines = [
    '  <entry>',
    `    <id>${xmlEscape(entry.id)}</id>`,
    `    <title type="text">${xmlEscape(entry.title)}</title>`,
    `    <updated>${entry.updated}</updated>`,
  ];
  if (entry.published) lines.push(`    <published>${entry.published}</published>`);
  if (entry.link) lines.push(`    <link rel="alternate" type="text/html" href="${xmlAttribute(entry.link)}"/>`);
  for (const category of entry.categories ?? []) {
    lines.push(`    <category term="${xmlAttribute(category.term)}"${category.label ? ` label="${xmlAttribute(category.label)}"` : ''}/>`);
  }
  if (entry.summary) lines.push(`    <summary type="text">${xmlEscape(entry.summary)}</summary>`);
  lines.push('  </entry>');
  return `${lines.join('\n')}\n`;
}

/** The whole feed; `updated` is its newest entry's (the epoch for an empty feed, so it never changes by itself). */
export function atomFeed(feed: AtomFeed): string {
  const updated =
    feed.entries
      .map((entry) => entry.updated)
      .sort()
      .at(-1) ?? EPOCH;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom">\n' +
    `  <id>${xmlEscape(feed.id)}</id>\n` +
    `  <title type="text">${xmlEscape(feed.title)}</title>\n` +
    `  <updated>${updated}</updated>\n` +
    `  <author><name>${xmlEscape(feed.author)}</name></author>\n` +
    `  <link rel="self" type="application/atom+xml" href="${xmlAttribute(feed.self)}"/>\n` +
    `  <link rel="alternate" type="text/html" href="${xmlAttribute(feed.alternate)}"/>\n` +
    feed.entries.map(entryXml).join('') +
    '</feed>\n'
  );
}

const names = (side: ReturnType<typeof agentSide>) => side.map(({ actor }) => actor.name).join(', ');

/** One event as an entry: updated when its latest article was published, its first quote as the summary. */
export function eventEntry(event: ExportEvent): AtomEntry {
  const { start, end } = partialSpan(event);
  const who = names(agentSide(event));
  const whom = names(targetSide(event));
  const parties = [who, whom].filter(Boolean).join(' → ');
  return {
    id: eventEntryId(event.id),
    title: event.title,
    updated: dayInstant(reportedOn(event)),
    link: `/events/${encodeURIComponent(event.id)}`,
    categories: [{ term: event.type, label: TAXONOMY[event.type].label }],
    summary: [`${end ? `${start} – ${end}` : start}${parties ? ` · ${parties}` : ''}`, event.summary, `“${primarySource(event).quote}”`]
      .filter(Boolean)
      .join('\n'),
  };
}

/** How many of the newest events a feed carries. */
export const FEED_ENTRIES = 50;

export async function* eventsFeedChunks(events: AsyncIterable<ExportEvent>, feed: Omit<AtomFeed, 'entries'>): AsyncGenerator<string> {
  const entries: AtomEntry[] = [];
  for await (const event of events) entries.push(eventEntry(event));
  yield atomFeed({ ...feed, entries });
}
