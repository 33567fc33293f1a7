import { LATEST_KEPT } from '../../../src/db/cypher';
import { EVENT_TYPES, LINK_KINDS } from '../../../src/domain/taxonomy';
import { DerivedData } from '../../../src/ingest/derived-rows';
import { bareEventRow, type GraphRows } from '../../../src/ingest/graph-rows';

type EventRow = GraphRows['events'][number];

const event = (id: string, date: string, place: string | null = null): EventRow => bareEventRow(id, EVENT_TYPES[1]!, date, place);

function article(id: string, events: Array<{ event: EventRow; actors: string[] }>, affiliations: GraphRows['affiliations'] = []): GraphRows {
  return {
    article: { id, title: id, publishedAt: '2024-01-01', text: '' },
    actors: [],
    events: events.map((e) => e.event),
    participants: events.flatMap(({ event: e, actors }) => actors.map((actor) => ({ event: e.id, actor, role: 'agent' }))),
    sources: [],
    sourceKeys: [],
    affiliations,
    links: Object.fromEntries(LINK_KINDS.map((kind) => [kind, []])) as unknown as GraphRows['links'],
    linkKeys: [],
    reactions: [],
  };
}

const STATES = new Map([
  ['belarus', { kind: 'state', name: 'Belarus', aliases: [] }],
  ['lithuania', { kind: 'state', name: 'Lithuania', aliases: [] }],
  ['minister', { kind: 'person', name: 'A minister', aliases: [] }],
]);

test("a pair's latest shared events are the LATEST_KEPT newest, then by id, however many it shares", () => {
  const derived = new DerivedData();
  const shared = Array.from({ length: 3 * LATEST_KEPT }, (_, i) => ({
    // Days repeat, so ties are broken by id; events arrive in no particular order.
    event: event(`e-${(i * 7919) % 1000}`, `2024-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 3) + 1}`),
    actors: ['minister', 'belarus', 'minister'],
  }));
  for (let i = 0; i < shared.length; i += 50) derived.add(article(`art-${i}`, shared.slice(i, i + 50)));
  const { pairs, actors, months, actorMonths } = derived.finish(STATES);
  const expected = shared
    .map((s) => s.event)
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date > b.date ? -1 : 1))
    .slice(0, LATEST_KEPT);
  expect(pairs).toHaveLength(1);
  expect(pairs[0]).toMatchObject({
    key: 'belarus|minister',
    total: shared.length,
    latestIds: expected.map((e) => e.id),
    latestDates: expected.map((e) => e.date),
  });
  // A participant named twice counts once.
  expect(actors.get('minister')).toMatchObject({ total: shared.length });
  expect(actors.get('minister')?.byType[1]).toBe(shared.length);
  expect(months.map((m) => m.key)).toEqual(Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}`));
  expect(months.reduce((sum, m) => sum + m.total, 0)).toBe(shared.length);
  expect(actorMonths.filter((m) => m.key.startsWith('belarus|'))).toHaveLength(12);
});

test('events are located at their place, else at their states once the actors are known; unknown place text is flagged', () => {
  const derived = new DerivedData();
  const rows = article(
    'art',
    [
      { event: event('in-minsk', '2024-01-01', 'Minsk'), actors: ['minister'] },
      { event: event('by-states', '2024-01-02'), actors: ['belarus', 'lithuania', 'minister'] },
      { event: event('nowhere-known', '2024-01-03', 'Xyzzy Plain'), actors: ['belarus'] },
    ],
    [
      {
        key: 'minister|belarus|minister',
        actor: 'minister',
        counterpart: 'belarus',
        role: 'minister',
        title: null,
        from: null,
        to: null,
        former: false,
        quote: null,
      },
    ],
  );
  const { unresolved, located } = derived.add(rows);
  expect([...unresolved]).toEqual(['nowhere-known']);
  expect(located).toEqual([{ event: 'in-minsk', place: expect.stringMatching(/^city:/), via: 'place' }]);
  const { locatedByState, places, roleLinks } = derived.finish(STATES);
  expect(locatedByState).toEqual([
    { event: 'by-states', place: 'country:BY', via: 'state' },
    { event: 'by-states', place: 'country:LT', via: 'state' },
    { event: 'nowhere-known', place: 'country:BY', via: 'state' },
  ]);
  expect(places.map((p) => p.id).sort()).toEqual([located[0]!.place, 'country:BY', 'country:LT'].sort());
  expect(roleLinks).toEqual(['belarus|minister']);
});
