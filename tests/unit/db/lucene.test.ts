import { toLuceneQuery } from '../../../src/db/lucene';

describe('toLuceneQuery', () => {
  test('requires every word, as a prefix, lower-cased', () => {
    expect(toLuceneQuery('Potash  Sanctions')).toBe('potash* AND sanctions*');
  });

  test('escapes every Lucene operator so user text cannot steer the query', () => {
    expect(toLuceneQuery('a+b (c) "d" e:f g* h?')).toBe('a\\+b* AND \\(c\\)* AND \\"d\\"* AND e\\:f* AND g\\** AND h\\?*');
    expect(toLuceneQuery('AND OR NOT')).toBe('and* AND or* AND not*');
  });

  test('gives null for text with no words', () => {
    expect(toLuceneQuery('   ')).toBeNull();
  });
});
