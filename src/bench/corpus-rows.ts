import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { FactsFile, type Facts } from '../domain/model';
import { LINK_KINDS } from '../domain/taxonomy';
import type { GraphRows } from '../ingest/graph-rows';

/**
 * Reading a generated corpus (JSON Lines shards, one facts document per line) back, and counting its rows
 * the one way every load path is measured by: articles + actors + events + participants + sources +
 * affiliations + links + reactions, i.e. every node and every relationship a load writes.
 */

export function corpusShards(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Every facts document of the corpus, in order, parsed with the schema (so defaults are filled in). */
export async function* corpusFacts(dir: string): AsyncGenerator<Facts> {
  for (const shard of corpusShards(dir)) {
    const lines = readline.createInterface({ input: fs.createReadStream(shard, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const parsed = FactsFile.parse(JSON.parse(line));
      if (!('text' in parsed.article)) throw new Error(`${shard}: generated articles carry their text inline`);
      yield { ...parsed, article: parsed.article };
    }
  }
}

export interface RowCounts {
  articles: number;
  actors: number;
  events: number;
  participants: number;
  sources: number;
  affiliations: number;
  links: number;
  reactions: number;
}

export const emptyCounts = (): RowCounts => ({ articles: 0, actors: 0, events: 0, participants: 0, sources: 0, affiliations: 0, links: 0, reactions: 0 });

export function addRows(counts: RowCounts, rows: GraphRows): void {
  counts.articles += 1;
  counts.actors += rows.actors.length;
  counts.events += rows.events.length;
  counts.participants += rows.participants.length;
  counts.sources += rows.sources.length;
  counts.affiliations += rows.affiliations.length;
  counts.links += LINK_KINDS.reduce((sum, kind) => sum + rows.links[kind].length, 0);
  counts.reactions += rows.reactions.length;
}

export const totalRows = (counts: RowCounts) => Object.values(counts).reduce((sum, n) => sum + n, 0);
