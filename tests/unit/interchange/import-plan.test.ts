import type { ExportEvent } from '../../../src/exports/exports.schemas';
import { partialStart, phasesOf, planImport, type ReadEvent } from '../../../src/interchange/import';
import { attachFirstAppearances } from '../../../src/exports/records';
import { sampleEvent } from '../exports/sample';

const articleA = { id: 'article-a', title: 'A', publisher: null, url: null, publishedAt: '2024-01-02' };
const articleB = { id: 'article-b', title: 'B', publisher: null, url: null, publishedAt: '2024-01-03' };
const state = (id: string) => ({
  id,
  name: id.toUpperCase(),
  kind: 'state' as const,
  aliases: [],
  description: null,
  country: null,
  sector: null,
  code: null,
  wikidata: null,
});

function event(id: string, sources: ExportEvent['sources'], links: ExportEvent['links'] = []): ExportEvent {
  return {
    id,
    type: 'talks',
    title: `Event ${id}`,
    summary: null,
    status: 'occurred',
    date: { start: '2024-01-01', end: null, precision: 'day' },
    place: null,
    figures: null,
    participants: [
      { role: 'agent', actor: { ...state('aland'), affiliations: [] } },
      { role: 'target', actor: { ...state('bland'), affiliations: [] } },
    ],
    sources,
    links,
  };
}

const read = (...events: ExportEvent[]): ReadEvent[] => events.map((e, i) => ({ event: e, where: `line ${i + 1}` }));

test('a start date goes back to the precision it was given in', () => {
  expect(partialStart({ start: '2025-09-01', end: null, precision: 'month' })).toBe('2025-09');
  expect(partialStart({ start: '2020-01-01', end: null, precision: 'year' })).toBe('2020');
  expect(partialStart({ start: '2025-12-12', end: '2025-12-13', precision: 'day' })).toBe('2025-12-12');
});

test('articles sharing an event go to different loads; the others share the first', () => {
  expect(
    phasesOf(
      new Map([
        ['a', ['e1', 'e2']],
        ['b', ['e2', 'e3']],
        ['c', ['e4']],
      ]),
    ),
  ).toEqual([['a', 'c'], ['b']]);
});

test('an article the database lacks gets a text rebuilt from its quotes, one paragraph each', () => {
  const plan = planImport(
    'f.jsonl',
    read(
      event('e1', [
        { quote: 'First, "one".', article: articleA },
        { quote: 'Second.', article: articleA },
      ]),
    ),
    new Map(),
  );
  expect(plan.problems).toEqual([]);
  const entry = plan.loads[0]![0]!;
  expect(entry.facts.article.text).toBe('First, "one".\n\nSecond.');
  expect(entry.facts.events[0]!.sources).toEqual([{ quote: 'First, "one".' }, { quote: 'Second.' }]);
  expect(entry.facts.actors.map((a) => a.id)).toEqual(['aland', 'bland']);
});

test('an article the database has keeps its stored text', () => {
  const stored = new Map([['article-a', { text: 'Full text. First, "one". More.', events: ['e1'] }]]);
  const plan = planImport('f.jsonl', read(event('e1', [{ quote: 'First, "one".', article: articleA }])), stored);
  expect(plan.loads[0]?.[0]?.facts.article.text).toBe('Full text. First, "one". More.');
});

test('an article the database holds with events the file lacks is refused, naming them', () => {
  const stored = new Map([['article-a', { text: 'x', events: ['e1', 'e9'] }]]);
  const plan = planImport('f.jsonl', read(event('e1', [{ quote: 'q', article: articleA }])), stored);
  expect(plan.loads).toEqual([]);
  expect(plan.problems).toEqual([expect.objectContaining({ path: 'article article-a', reason: expect.stringContaining('e9') })]);
});

test('an event reported by two articles is written with each, in two loads; links go where both events exist', () => {
  const events = read(
    event('e1', [{ quote: 'A says e1.', article: articleA }], [{ kind: 'follows', to: 'e3' }]),
    event('e2', [
      { quote: 'A says e2.', article: articleA },
      { quote: 'B says e2.', article: articleB },
    ]),
    event('e3', [{ quote: 'B says e3.', article: articleB }], [{ kind: 'causes', to: 'outside' }]),
  );
  const plan = planImport('f.jsonl', events, new Map());
  expect(plan.problems).toEqual([]);
  expect(plan.loads.map((load) => load.map((entry) => entry.facts.article.id))).toEqual([['article-a'], ['article-b']]);
  const [a, b] = plan.loads.map((load) => load[0]!);
  expect(a!.facts.events.map((e) => e.id)).toEqual(['e1', 'e2']);
  expect(b!.facts.events.map((e) => e.id)).toEqual(['e2', 'e3']);
  expect(b!.facts.events[0]!.sources).toEqual([{ quote: 'B says e2.' }]);
  // e1 → e3 crosses loads: no single load holds both, so it is written after them
  expect(plan.crossLinks).toEqual([{ from: 'e1', to: 'e3', kind: 'follows' }]);
  expect(a!.facts.links).toEqual([]);
  expect(b!.facts.links).toEqual([]);
  expect(plan.notes).toEqual(['1 link(s) to events not in the file were left out']);
});

test('conflicting descriptions of one actor are problems, with both places', () => {
  const first = event('e1', [{ quote: 'q1', article: articleA }]);
  const second = event('e2', [{ quote: 'q2', article: articleA }]);
  second.participants[0] = { role: 'agent', actor: { ...state('aland'), name: 'Other name' } };
  const plan = planImport('f.jsonl', read(first, second), new Map());
  expect(plan.problems).toEqual([expect.objectContaining({ path: 'line 2', reason: expect.stringContaining('line 1') })]);
});

test('affiliations and reactions travel once, where an actor or article first appears', () => {
  const coale = { ...state('coale'), kind: 'person' as const };
  const affiliation = {
    role: 'envoy_to' as const,
    counterpart: state('bland'),
    title: 'Envoy',
    from: '2025-11',
    to: null,
    former: false,
    article: articleA,
    quote: 'A says e1.',
  };
  const e1 = event('e1', [{ quote: 'A says e1.', article: articleA }]);
  e1.participants.push({ role: 'source', actor: coale });
  const e2 = event('e2', [{ quote: 'A says e2.', article: articleA }]);
  e2.participants.push({ role: 'source', actor: coale });
  const lookup = {
    affiliations: (id: string) => (id === 'coale' ? [affiliation] : []),
    reactions: (id: string) => (id === 'article-a' ? [{ author: 'X', text: 'Hm', stance: 'mixed' as const, about: ['e1', 'gone'] }] : []),
  };
  const strip = (e: ExportEvent) => ({ ...e, participants: e.participants.map(({ role, actor: { affiliations: _a, ...actor } }) => ({ role, actor })) });
  const seen = { actors: new Set<string>(), articles: new Set<string>() };
  const written = [...attachFirstAppearances([strip(e1)], seen, lookup), ...attachFirstAppearances([strip(e2)], seen, lookup)];
  expect(written[0]?.participants[2]?.actor.affiliations).toEqual([{ ...affiliation, article: { ...articleA, reactions: lookup.reactions('article-a') } }]);
  expect(written[0]?.participants[0]?.actor.affiliations).toEqual([]);
  expect(written[0]?.sources[0]?.article.reactions).toBeUndefined();
  expect(written[1]?.participants[2]?.actor.affiliations).toBeUndefined();
  expect(written[1]?.sources[0]?.article.reactions).toBeUndefined();

  const plan = planImport('f.jsonl', read(...written), new Map());
  expect(plan.problems).toEqual([]);
  const facts = plan.loads[0]?.[0]?.facts;
  expect(facts?.affiliations).toEqual([
    expect.objectContaining({ actor: 'coale', counterpart: 'bland', role: 'envoy_to', from: '2025-11', source: { quote: 'A says e1.' } }),
  ]);
  expect(facts?.reactions).toEqual([{ author: 'X', text: 'Hm', stance: 'mixed', about: ['e1'] }]);
  expect(plan.notes).toContain('1 reader reaction reference(s) to events not in the file were left out');
});

test('the sample event with its link out of the file imports without the link', () => {
  const plan = planImport('f.jsonl', read(sampleEvent()), new Map());
  expect(plan.problems).toEqual([]);
  expect(plan.loads[0]?.[0]?.facts.links).toEqual([]);
  expect(plan.loads[0]?.[0]?.facts.events[0]).toMatchObject({
    date: { start: '2024-03', end: '2024-03-31' },
    figures: { count: 3, unit: 'rounds', approximate: true },
  });
});
