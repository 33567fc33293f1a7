import fs from 'node:fs';
import type { Db } from '../../src/db/query';
import { EVENT_TYPES } from '../../src/domain/taxonomy';
import { loadFactsPaths } from '../../src/ingest/load';
import { tempFactsDir, writeFacts } from './facts-fixtures';

/** Fixtures of the browsing pages' tests (timeline, graph, pages). */

/** Writes a facts file into a fresh temporary folder and loads it through the real loader. */
export async function loadFacts(db: Db, facts: unknown): Promise<void> {
  const dir = tempFactsDir();
  try {
    writeFacts(dir, 'facts.json', facts);
    await loadFactsPaths(db, [dir]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One article reporting `count` events spread over the days of `year` (several per day), among five
 * actors, cycling through the event types: enough to make a window too dense to draw item by item.
 */
export function bulkFacts(count: number, year: number) {
  const sentence = (i: number) => `Bulk event number ${i} happened.`;
  const actors = [0, 1, 2, 3, 4].map((i) => ({ id: `bulk-actor-${i}`, name: `Bulk Actor ${i}`, kind: 'state' }));
  const events = Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(year, 0, 1 + Math.floor((i * 365) / count)));
    return {
      id: `bulk-event-${i}`,
      type: EVENT_TYPES[i % EVENT_TYPES.length],
      title: `Bulk event ${i}`,
      date: { start: day.toISOString().slice(0, 10) },
      participants: [
        { actor: `bulk-actor-${i % 5}`, role: 'agent' },
        { actor: `bulk-actor-${(i + 1) % 5}`, role: 'target' },
      ],
      sources: [{ quote: sentence(i) }],
    };
  });
  return {
    article: {
      id: `bulk-article-${year}`,
      title: `A dense year: ${year}`,
      publishedAt: `${year}-12-31`,
      text: events.map((_, i) => sentence(i)).join(' '),
    },
    actors,
    events,
  };
}
