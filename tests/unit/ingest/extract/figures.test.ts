import { findFigures } from '../../../../src/ingest/extract/figures';

const figures = (text: string) => findFigures(text).map((f) => f.figures);

describe('findFigures', () => {
  it('reads a plain count and its unit', () => {
    expect(figures('President Lukashenko pardoned 123 prisoners.')).toEqual([{ count: 123, unit: 'prisoners' }]);
  });

  it('marks approximate counts and reads thousands separators', () => {
    expect(figures('approximately 1,200 political prisoners remain incarcerated')).toEqual([{ count: 1200, unit: 'political prisoners', approximate: true }]);
    expect(figures('nearly 100 political hostages had been freed')).toEqual([{ count: 100, unit: 'political hostages', approximate: true }]);
    expect(figures('more than 5,800 prisoners')).toEqual([{ count: 5800, unit: 'prisoners', approximate: true }]);
  });

  it('reads numbers written as words', () => {
    expect(figures('Caracas freed ten American citizens who had been held')).toEqual([{ count: 10, unit: 'American citizens' }]);
  });

  it('counts no spans of time and no parts of dates', () => {
    expect(figures('two days of talks on December 13, 2025, the first in five years')).toEqual([]);
    expect(figures('the 2020 presidential elections')).toEqual([]);
  });
});
