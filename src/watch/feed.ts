import type { WatchedEvent } from './watch.schemas';

/**
 * A small Atom 1.0 writer for a watchlist's feed (RFC 4287): one entry per event, newest first. Every text is
 * escaped; the entry's id is the event's, so a reader shows each event once however often it polls.
 */

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

export interface FeedInput {
  /** The feed's own address, without its token: its id. */
  id: string;
  title: string;
  /** The app's address, for links to the events. */
  base: string;
  events: readonly WatchedEvent[];
}

export function atomFeed(input: FeedInput): string {
  const updated = input.events[0]?.addedAt ?? new Date(0).toISOString();
  const entries = input.events.map((event) => {
    const link = `${input.base}/events/${encodeURIComponent(event.id)}`;
    return [
      '  <entry>',
      `    <id>${escapeXml(`urn:diplomatic-events:event:${event.id}`)}</id>`,
      `    <title>${escapeXml(event.title)}</title>`,
      `    <updated>${escapeXml(event.addedAt)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <category term="${escapeXml(event.type)}"/>`,
      `    <summary>${escapeXml(`${event.type.replace(/_/g, ' ')} · ${event.date.start}${event.date.end ? ` – ${event.date.end}` : ''}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(input.id)}</id>`,
    `  <title>${escapeXml(input.title)}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${input.base}/watch`)}"/>`,
    '  <author><name>Diplomatic events</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
