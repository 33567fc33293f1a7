import { FactsFile, type Facts } from '../../../src/domain/model';
import { EVENT_TYPES } from '../../../src/domain/taxonomy';
import { precisionOf } from '../../../src/domain/calendar';
import { generateCorpus } from '../../../src/corpus/generate';
import { checkFacts } from '../../../src/ingest/check-facts';

const corpus = (events: number, seed: number) => [...generateCorpus({ events, seed })];

describe('the synthetic corpus', () => {
  const documents = corpus(3000, 7);
  const events = documents.flatMap((d) => d.events);

  test('has exactly the events asked for, and is the same for the same seed', () => {
    expect(events).toHaveLength(3000);
    expect(JSON.stringify(corpus(300, 7))).toBe(JSON.stringify(corpus(300, 7)));
    expect(JSON.stringify(corpus(300, 8))).not.toBe(JSON.stringify(corpus(300, 7)));
  });

  test('passes the same validation as any facts file: schema, references, verbatim quotes', () => {
    const entries = documents.map((facts, i) => ({ file: `doc-${i}`, facts: FactsFile.parse(facts) as Facts }));
    expect(checkFacts(entries, new Set())).toEqual([]);
  });

  test('covers every event type, all three precisions and 1990–2026', () => {
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    expect(new Set(events.map((e) => precisionOf(e.date.start)))).toEqual(new Set(['day', 'month', 'year']));
    const years = events.map((e) => Number(e.date.start.slice(0, 4)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1990);
    expect(Math.max(...years)).toBeLessThanOrEqual(2026);
  });

  test('skews activity: the busiest actor takes part in many times more events than the median one', () => {
    const counts = new Map<string, number>();
    for (const e of events) for (const p of e.participants) counts.set(p.actor, (counts.get(p.actor) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(20 * sorted[Math.floor(sorted.length / 2)]!);
  });

  test('includes affiliations and reciprocal links', () => {
    expect(documents.some((d) => d.affiliations.length > 0)).toBe(true);
    expect(documents.some((d) => d.links.some((l) => l.kind === 'reciprocates'))).toBe(true);
  });
});
