import type { Event, Facts } from '../../../src/domain/model';
import { assignIds, chooseMatches, principalActors, renameEvents, reportedEventQueries } from '../../../src/ingest/known-events';

const event = (id: string, participants: Event['participants'], date: Event['date'] = { start: '2025-12-13' }): Event => ({
  id,
  type: 'pardon',
  title: id,
  date,
  status: 'occurred',
  participants,
  sources: [{ quote: 'q' }],
});

const match = (index: number, id: string) => ({ index, id, title: id, definedIn: 'other', reportedHere: false });

describe('principal actors of a new event', () => {
  test('are its agents and hosts', () => {
    expect(
      principalActors(
        event('e', [
          { actor: 'a', role: 'agent' },
          { actor: 'h', role: 'host' },
          { actor: 't', role: 'target' },
          { actor: 's', role: 'source' },
        ]),
      ),
    ).toEqual(['a', 'h']);
  });

  test('are its sources when nobody did it (a statement)', () => {
    expect(
      principalActors(
        event('e', [
          { actor: 's', role: 'source' },
          { actor: 't', role: 'target' },
        ]),
      ),
    ).toEqual(['s']);
  });

  test('are none when it names only whom it was done to: such an event is never merged', () => {
    const facts = { events: [event('e', [{ actor: 't', role: 'target' }])] } as Facts;
    expect(reportedEventQueries(facts)).toEqual([]);
  });

  test('are asked for with the first and last day the event may cover', () => {
    const facts = { events: [event('e', [{ actor: 'a', role: 'agent' }], { start: '2025-12', end: '2026' })] } as Facts;
    expect(reportedEventQueries(facts)).toEqual([{ index: 0, type: 'pardon', date: '2025-12-01', lastDate: '2026-12-31', agents: ['a'] }]);
  });
});

describe('choosing matches', () => {
  test('each new event takes its first candidate; each existing event is taken once', () => {
    const chosen = chooseMatches([match(0, 'x'), match(0, 'y'), match(1, 'x'), match(1, 'z'), match(2, 'x')]);
    expect([...chosen.entries()].map(([i, m]) => [i, m.id])).toEqual([
      [0, 'x'],
      [1, 'z'],
    ]);
  });
});

describe('ids of events that are not merged', () => {
  test('keep their draft id when it is free', () => {
    expect(assignIds(['a', 'b'], new Set(), new Set())).toEqual(['a', 'b']);
  });

  test('take the first free suffix when another article holds the id, or a merge reserved it', () => {
    expect(assignIds(['a', 'b'], new Set(['b']), new Set(['a', 'a-2']))).toEqual(['a-3', 'b-2']);
  });

  test('never collide with each other', () => {
    expect(new Set(assignIds(['a', 'a', 'a'], new Set(), new Set())).size).toBe(3);
  });
});

test('renaming events updates links and reactions that refer to them', () => {
  const facts = {
    events: [event('a', [{ actor: 'x', role: 'agent' }]), event('b', [{ actor: 'x', role: 'agent' }])],
    links: [{ from: 'a', to: 'b', kind: 'follows' }],
    reactions: [{ author: 'r', text: 't', stance: 'mixed', about: ['b'] }],
  } as unknown as Facts;
  const renamed = renameEvents(facts, new Map([['b', 'known-event']]));
  expect(renamed.events.map((e) => e.id)).toEqual(['a', 'known-event']);
  expect(renamed.links).toEqual([{ from: 'a', to: 'known-event', kind: 'follows' }]);
  expect(renamed.reactions[0]?.about).toEqual(['known-event']);
});
