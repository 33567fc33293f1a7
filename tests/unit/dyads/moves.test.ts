import type { DyadEvent } from '../../../src/dyads/dyads.schemas';
import { countsBySide, ledger, sideOf, trend } from '../../../src/dyads/moves';

const members = { a: new Set(['france', 'macron']), b: new Set(['iran']) };
const p = (id: string, role: string) => ({ actor: { id }, role });

test('a move belongs to the side whose members did it; hosts act; a statement belongs to who made it', () => {
  expect(sideOf([p('macron', 'agent'), p('iran', 'target')], members)).toBe('a');
  expect(sideOf([p('iran', 'host'), p('france', 'guest')], members)).toBe('b');
  expect(sideOf([p('iran', 'source'), p('france', 'target')], members)).toBe('b');
  expect(sideOf([p('france', 'agent'), p('iran', 'agent')], members)).toBe('both');
  expect(sideOf([p('oman', 'mediator'), p('france', 'target'), p('iran', 'target')], members)).toBe('both');
});

const event = (id: string, side: DyadEvent['side'], type: DyadEvent['type'], start: string, precision: 'day' | 'month' | 'year' = 'day'): DyadEvent => ({
  id,
  side,
  type,
  title: id,
  label: type,
  date: { start, end: null, precision },
  participants: [],
  quote: null,
  article: null,
  linkedOnly: false,
});

const events = [
  event('detain', 'b', 'detention', '2024-01-10'),
  event('protest', 'a', 'criticism', '2024-01-20'),
  event('release', 'b', 'prisoner_release', '2024-03-02'),
  event('unfreeze', 'a', 'sanctions_lifted', '2024-03-05'),
  event('talks', 'both', 'talks', '2024-03-20'),
  event('old', 'a', 'agreement', '2019-01-01', 'year'),
];

test('the ledger lists concessions and reciprocal moves, with what answered what across the sides', () => {
  const result = ledger(events, [
    { from: 'unfreeze', to: 'release', kind: 'reciprocates' },
    { from: 'protest', to: 'detain', kind: 'causes' },
  ]);
  const lines = (list: typeof result.a) => list.map((l) => [l.event.id, l.inReturnFor.map((e) => e.id), l.answeredBy.map((e) => e.id)]);
  expect(lines(result.a)).toEqual([
    ['unfreeze', ['release'], []],
    ['old', [], []],
  ]);
  expect(lines(result.b)).toEqual([['release', [], ['unfreeze']]]);
});

test('counts by side, and a monthly trend that leaves out what is known only to the year', () => {
  expect(countsBySide(events)).toEqual({
    a: { criticism: 1, sanctions_lifted: 1, agreement: 1 },
    b: { detention: 1, prisoner_release: 1 },
    both: { talks: 1 },
  });
  const months = trend(events);
  expect(months.map((m) => m.month)).toEqual(['2024-01', '2024-03']);
  expect(months[0]).toMatchObject({ a: { events: 1, goldstein: -2 }, b: { events: 1, goldstein: -5 }, goldstein: -3.5, quad: [0, 0, 1, 1] });
  expect(months[1]).toMatchObject({ a: { events: 1, goldstein: 7 }, both: { events: 1, goldstein: 1 }, goldstein: 5, quad: [1, 2, 0, 0] });
});
