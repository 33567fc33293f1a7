import { ConflictError, InvalidError } from '../../../src/domain/errors';
import type { Draft, DraftEvent } from '../../../src/drafts/drafts.schemas';
import { acceptAbove, addActor, addEvent, discard, editEvent } from '../../../src/drafts/review';

const NOW = '2026-01-01T10:00:00.000Z';

function event(key: number, over: Partial<DraftEvent> = {}): DraftEvent {
  return {
    key,
    type: 'pardon',
    title: 'Alexander Lukashenko: pardon (prisoners)',
    date: { start: '2025-12-20' },
    agents: ['alexander-lukashenko'],
    targets: ['prisoners'],
    sources: [],
    figures: { count: 31, unit: 'prisoners' },
    place: null,
    quote: 'Lukashenko pardoned 31 prisoners.',
    alsoQuotedIn: [],
    links: [],
    confidence: 0.8,
    reasons: { trigger: 'pardoned', actors: [], date: 'its own phrase', flags: [], knownEvent: null },
    decision: 'pending',
    mergeInto: null,
    origin: 'extracted',
    log: [],
    ...over,
  };
}

const draft: Draft = {
  id: 'draft-abcdef123456',
  status: 'open',
  createdAt: NOW,
  createdBy: 'alice',
  updatedAt: NOW,
  article: {
    id: 'a',
    title: 'A',
    publisher: null,
    url: null,
    byline: null,
    publishedAt: '2025-12-21',
    text: 'Lukashenko pardoned 31 prisoners. Belarus thanked Norway.',
  },
  actors: [
    { id: 'alexander-lukashenko', name: 'Alexander Lukashenko', kind: 'person', known: true, aliases: [] },
    { id: 'prisoners', name: 'prisoners', kind: 'group', known: false, aliases: [] },
    { id: 'belarus', name: 'Belarus', kind: 'state', known: true, aliases: [] },
  ],
  events: [event(0), event(1, { type: 'talks', confidence: 0.5, quote: 'Belarus thanked Norway.' })],
  committed: null,
};

describe('reviewing a draft', () => {
  test('an edit replaces what it names, retitles the event, and logs the values before and after', () => {
    const next = editEvent(draft, 0, { type: 'prisoner_release', agents: ['belarus'], decision: 'accepted' }, 'bob', NOW);
    const edited = next.events[0]!;
    expect(edited).toMatchObject({ type: 'prisoner_release', agents: ['belarus'], decision: 'accepted', title: 'Belarus: prisoner release (prisoners)' });
    expect(edited.log.map((s) => [s.user, s.action])).toEqual([
      ['bob', 'edited'],
      ['bob', 'accepted'],
    ]);
    expect(edited.log[0]).toMatchObject({
      before: { type: 'pardon', agents: ['alexander-lukashenko'] },
      after: { type: 'prisoner_release', agents: ['belarus'] },
    });
    expect(draft.events[0]!.type).toBe('pardon');
  });

  test('an edit naming an actor the draft does not know, or a link to no event of it, is refused', () => {
    expect(() => editEvent(draft, 0, { agents: ['nobody'] }, 'bob', NOW)).toThrow(InvalidError);
    expect(() => editEvent(draft, 0, { links: [{ kind: 'reciprocates', to: 'draft:9' }] }, 'bob', NOW)).toThrow(/not an event of this draft/);
  });

  test('an event the extractor missed is added from a verbatim sentence only', () => {
    const { draft: next, key } = addEvent(draft, { quote: 'Belarus thanked Norway.', type: 'endorsement', agents: ['belarus'] }, 'bob', NOW);
    expect(key).toBe(2);
    expect(next.events[2]).toMatchObject({ origin: 'added', decision: 'accepted', date: { start: '2025-12-21' }, title: 'Belarus: praise or welcome' });
    expect(() => addEvent(draft, { quote: 'Belarus thanked Sweden.', type: 'endorsement' }, 'bob', NOW)).toThrow(/not found verbatim/);
  });

  test('accepting above a confidence takes only the pending events at or above it', () => {
    const { draft: next, accepted } = acceptAbove(draft, 0.8, 'bob', NOW);
    expect(accepted).toBe(1);
    expect(next.events.map((e) => e.decision)).toEqual(['accepted', 'pending']);
  });

  test('a new actor gets an id from its name; one already in the draft is reused', () => {
    const { draft: next, actor } = addActor(draft, { name: 'Ingrid Vatne', kind: 'person', aliases: ['I. Vatne'] }, NOW);
    expect(actor).toEqual({ id: 'ingrid-vatne', name: 'Ingrid Vatne', kind: 'person', known: false, aliases: ['I. Vatne'] });
    expect(addActor(next, { name: 'Ingrid Vatne', kind: 'person', aliases: [] }, NOW).draft).toBe(next);
  });

  test('a committed or discarded draft cannot be changed', () => {
    const closed = discard(draft, NOW);
    expect(closed.status).toBe('discarded');
    expect(() => editEvent(closed, 0, { decision: 'accepted' }, 'bob', NOW)).toThrow(ConflictError);
  });
});
