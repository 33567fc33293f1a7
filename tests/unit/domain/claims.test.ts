import { resolveClaims, type Claim } from '../../../src/domain/claims';

const claim = (article: string, publishedAt: string, over: Partial<Claim> = {}): Claim => ({
  article,
  publishedAt,
  date: { start: '2025-12-13', end: null, precision: 'day' },
  figures: { count: 123, unit: 'prisoners' },
  place: 'Minsk',
  participants: [{ actor: 'alexander-lukashenko', role: 'agent' }],
  ...over,
});

describe('the values an event shows from its sources', () => {
  test('one claim: its own values, no conflict', () => {
    expect(resolveClaims([claim('a', '2025-12-14')])).toEqual({
      date: { start: '2025-12-13', end: null, precision: 'day' },
      figures: { count: 123, unit: 'prisoners' },
      place: 'Minsk',
      conflicts: [],
    });
  });

  test('the most specific date that agrees with the others wins; a month then a day inside it', () => {
    const month = claim('a', '2025-12-01', { date: { start: '2025-12-01', end: null, precision: 'month' } });
    const day = claim('b', '2025-12-20', { date: { start: '2025-12-13', end: null, precision: 'day' } });
    expect(resolveClaims([day, month]).date).toEqual(day.date);
    expect(resolveClaims([day, month]).conflicts).toEqual([]);
  });

  test('dates that do not overlap are a conflict; the first report is shown until an editor chooses', () => {
    const first = claim('a', '2025-12-14');
    const other = claim('b', '2025-12-20', { date: { start: '2025-12-18', end: null, precision: 'day' } });
    expect(resolveClaims([other, first])).toMatchObject({ date: first.date, conflicts: ['date'] });
    expect(resolveClaims([other, first], { date: 'b' })).toMatchObject({ date: other.date, conflicts: [] });
  });

  test('figures or places that differ are conflicts; the same figure written in other case is not', () => {
    const a = claim('a', '2025-12-14');
    expect(resolveClaims([a, claim('b', '2025-12-15', { figures: { count: 33, unit: 'prisoners' } })]).conflicts).toEqual(['figures']);
    expect(resolveClaims([a, claim('b', '2025-12-15', { figures: { count: 123, unit: 'Prisoners ' } })]).conflicts).toEqual([]);
    expect(resolveClaims([a, claim('b', '2025-12-15', { place: 'Vilnius' })]).conflicts).toEqual(['place']);
    expect(resolveClaims([a, claim('b', '2025-12-15', { figures: null, place: null })]).conflicts).toEqual([]);
  });

  test('two sources naming who did it with no one in common contradict each other', () => {
    const a = claim('a', '2025-12-14');
    const other = claim('b', '2025-12-15', { participants: [{ actor: 'belarus', role: 'agent' }] });
    expect(resolveClaims([a, other]).conflicts).toEqual(['participants']);
    const overlapping = claim('b', '2025-12-15', {
      participants: [
        { actor: 'belarus', role: 'agent' },
        { actor: 'alexander-lukashenko', role: 'host' },
      ],
    });
    expect(resolveClaims([a, overlapping]).conflicts).toEqual([]);
  });

  test('a choice naming an article that makes no claim changes nothing', () => {
    const a = claim('a', '2025-12-14');
    const b = claim('b', '2025-12-15', { figures: { count: 33, unit: 'prisoners' } });
    expect(resolveClaims([a, b], { figures: 'nobody' })).toMatchObject({ figures: a.figures, conflicts: ['figures'] });
  });
});
