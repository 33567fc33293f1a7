import { keyset } from '../../../src/db/keyset';

describe('keyset paging in Cypher', () => {
  const articles = keyset('articles', [
    { expr: 'a.publishedAt', kind: 'date', desc: true },
    { expr: 'a.id', kind: 'string' },
  ]);

  test('the order, and the keys each row returns, are the same expressions, a day as its ISO text', () => {
    expect(articles.orderBy).toBe('a.publishedAt DESC, a.id');
    expect(articles.keys).toBe('[toString(a.publishedAt), a.id]');
  });

  test('the first page has no condition', () => {
    expect(articles.after(null)).toBe('true');
  });

  test('a later page seeks on the first key, then breaks ties key by key, values only as parameters', () => {
    expect(articles.after(['2024-01-28', 'x'])).toBe(
      '(a.publishedAt <= date($after[0]) AND (a.publishedAt < date($after[0]) OR (a.publishedAt = date($after[0]) AND a.id > $after[1])))',
    );
  });

  test('three keys nest their ties; date-times are compared as date-times', () => {
    const history = keyset('history', [
      { expr: 'c.at', kind: 'datetime' },
      { expr: 'coalesce(c.seq, 0)', kind: 'int' },
      { expr: 'c.id', kind: 'string' },
    ]);
    expect(history.after(['2024-06-01T10:00:00Z', 0, 'x'])).toBe(
      '(c.at >= datetime($after[0]) AND (c.at > datetime($after[0]) OR (c.at = datetime($after[0]) AND ' +
        '(coalesce(c.seq, 0) > $after[1] OR (coalesce(c.seq, 0) = $after[1] AND c.id > $after[2])))))',
    );
  });
});
