/**
 * Turns what a person typed into a Lucene query for Neo4j's full-text indexes: every word must match
 * (as a prefix), and Lucene's operators are escaped, so user text can neither break nor steer the query.
 * Words are lower-cased because wildcard terms skip the analyzer (and "AND"/"OR" stop being operators).
 */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function toLuceneQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => `${word.replace(SPECIAL, '\\$&')}*`);
  return words.length === 0 ? null : words.join(' AND ');
}
