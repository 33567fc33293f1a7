import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../../src/config/paths';
import { FactsFile } from '../../../../src/domain/model';
import { extract, toFactsFile } from '../../../../src/ingest/extract';
import { recall, score } from '../../../../src/ingest/extract/score';
import { loadEvalCases, seedCase } from '../../../../eval/load';

const seed = seedCase(join(PROJECT_ROOT, 'seed', 'facts', 'minsk-talks-us-belarus-thaw.yaml'));
const input = { text: seed.text, publishedAt: seed.publishedAt, title: seed.title, articleId: seed.name };

describe('extraction of the seed article', () => {
  const extraction = extract(input, seed.knownActors);

  it('finds at least 90% of the curated events (type, overlapping date, a gold agent)', () => {
    const result = score(seed.gold, extraction.events);
    expect(recall(result)).toBeGreaterThanOrEqual(0.9);
  });

  it('quotes every event with a verbatim sentence of the article', () => {
    for (const event of extraction.events) {
      for (const quote of [event.quote, ...event.alsoQuotedIn]) expect(seed.text).toContain(quote);
    }
  });

  it('resolves mentions to the known actors instead of proposing duplicates', () => {
    const proposed = extraction.actors.filter((a) => !a.known).map((a) => a.id);
    expect(proposed).not.toContain('lukashenko');
    expect(extraction.events.find((e) => e.type === 'talks')?.agents).toContain('alexander-lukashenko');
  });

  it('writes a facts file that passes the FactsFile schema, with verbatim quotes and known actor ids', () => {
    const file = FactsFile.parse(toFactsFile(input, extraction, seed.knownActors));
    const ids = new Set([...seed.knownActors, ...file.actors].map((a) => a.id));
    expect(file.events.length).toBe(extraction.events.length);
    for (const event of file.events) {
      for (const source of event.sources) expect(seed.text).toContain(source.quote);
      for (const participant of event.participants) expect(ids.has(participant.actor)).toBe(true);
    }
    expect(file.events.find((e) => e.type === 'election')?.date).toEqual({ start: '2020' });
    expect(file.events.find((e) => e.type === 'talks' && e.date.start.startsWith('2025-09'))?.date).toEqual({ start: '2025-09' });
  });
});

describe('extraction of the held-out evaluation articles', () => {
  it('keeps recall and precision at 80% or more', () => {
    const totals = { gold: 0, extracted: 0, matched: 0 };
    for (const c of loadEvalCases().filter((x) => x.split === 'heldout')) {
      const s = score(c.gold, extract({ text: c.text, publishedAt: c.publishedAt }, c.knownActors).events);
      totals.gold += s.gold;
      totals.extracted += s.extracted;
      totals.matched += s.matched;
    }
    expect(totals.gold).toBeGreaterThan(0);
    expect(totals.matched / totals.gold).toBeGreaterThanOrEqual(0.8);
    expect(totals.matched / totals.extracted).toBeGreaterThanOrEqual(0.8);
  });
});
