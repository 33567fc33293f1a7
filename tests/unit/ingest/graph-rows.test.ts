import { FactsFile, type Facts } from '../../../src/domain/model';
import { toGraphRows } from '../../../src/ingest/graph-rows';
import { seedFactsObject } from '../../helpers/facts-fixtures';

const seed = FactsFile.parse(seedFactsObject()) as Facts;

describe('toGraphRows', () => {
  const rows = toGraphRows(seed);

  test('turns partial dates into first day, last day and precision', () => {
    const byId = Object.fromEntries(rows.events.map((e) => [e.id, e]));
    expect(byId['talks-minsk-2025-09']).toMatchObject({ date: '2025-09-01', endDate: null, lastDate: '2025-09-30', precision: 'month' });
    expect(byId['talks-minsk-2025-12']).toMatchObject({ date: '2025-12-12', endDate: '2025-12-13', lastDate: '2025-12-13', precision: 'day' });
    expect(byId['election-belarus-2020']).toMatchObject({ date: '2020-01-01', lastDate: '2020-12-31', precision: 'year' });
  });

  test('locates every quote in the article text and keeps the sources in order', () => {
    for (const source of rows.sources) expect(seed.article.text.slice(source.start, source.end)).toBe(source.quote);
    const potash = rows.sources.filter((s) => s.event === 'sanctions-lifted-potash-2025-12');
    expect(potash.map((s) => s.rank)).toEqual([0, 1, 2]);
  });

  test('groups links by kind and numbers reactions in file order', () => {
    expect(rows.links.reciprocates).toHaveLength(2);
    expect(rows.linkKeys).toContain('pardon-123-prisoners-2025-12|RECIPROCATES|sanctions-lifted-potash-2025-12');
    expect(rows.reactions.map((r) => r.id)).toEqual([1, 2, 3, 4, 5].map((n) => `minsk-talks-us-belarus-thaw-reaction-${n}`));
  });
});

describe('the seed facts', () => {
  test('quote whole sentences of the article: each starts a sentence and ends one', () => {
    const { text } = seed.article;
    for (const event of seed.events) {
      for (const { quote } of event.sources) {
        const at = text.indexOf(quote);
        const before = text.slice(Math.max(0, at - 2), at);
        expect([at === 0, before.endsWith('\n'), before === '. '].some(Boolean)).toBe(true);
        expect(quote).toMatch(/[.!?]$/);
      }
    }
  });

  test('cover every event type the article reports', () => {
    const types = new Set(seed.events.map((e) => e.type));
    for (const type of [
      'talks',
      'nomination',
      'prisoner_release',
      'pardon',
      'sanctions_lifted',
      'intent',
      'statement',
      'endorsement',
      'election',
      'military_support',
    ]) {
      expect(types).toContain(type);
    }
  });
});
