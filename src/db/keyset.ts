import { keysetCodec, type KeyKind, type KeysetCodec } from '../domain/cursor';

/**
 * Keyset paging in Cypher: a list's order as sort keys, from which come its ORDER BY, the keys each row
 * returns (what the next page's cursor holds), and the condition "after the cursor's row". A page seeks from
 * the cursor instead of skipping the rows before it, and stays right when rows are added before it.
 *
 * A key's expression must never be null (comparisons with null are false: the row would be lost), and the last
 * key must be unique (an id), so that no two rows tie.
 */
export interface SortKey {
  /** A fixed Cypher expression over the list's variables, never user text. */
  expr: string;
  kind: KeyKind;
  desc?: boolean;
}

export interface Keyset {
  codec: KeysetCodec;
  /** The keys in ORDER BY form. */
  orderBy: string;
  /** A list expression of the row's keys, to be returned beside it as `keys`. */
  keys: string;
  /** The condition of rows after the cursor's (its keys in `$after`), or `true` for the first page. */
  after: (cursor: unknown[] | null) => string;
}

/** How a key's value in `$after` is made comparable with the key: temporal values travel as ISO strings. */
function parameter(key: SortKey, index: number): string {
  const value = `$after[${index}]`;
  if (key.kind === 'date') return `date(${value})`;
  if (key.kind === 'datetime') return `datetime(${value})`;
  return value;
}

/** key1 beyond, or key1 equal and the rest beyond: the rows after the cursor in the keys' order. */
function beyond(keys: readonly SortKey[], index: number): string {
  const key = keys[index] as SortKey;
  const strictly = `${key.expr} ${key.desc ? '<' : '>'} ${parameter(key, index)}`;
  if (index === keys.length - 1) return strictly;
  return `(${strictly} OR (${key.expr} = ${parameter(key, index)} AND ${beyond(keys, index + 1)}))`;
}

/**
 * A key as the row returns it: a day as its ISO text, which is what the cursor holds. The database writes it;
 * returned as a date, the driver would build a date object for every row (a dozen 64-bit integer operations
 * each: a millisecond for a page of a hundred) only for it to be written as the same text.
 */
const returned = (key: SortKey) => (key.kind === 'date' ? `toString(${key.expr})` : key.expr);

export function keyset(list: string, keys: readonly [SortKey, ...SortKey[]]): Keyset {
  const [first] = keys;
  // The first key also as a plain range, which an index on it can seek.
  const range = `${first.expr} ${first.desc ? '<=' : '>='} ${parameter(first, 0)}`;
  return {
    codec: keysetCodec(
      list,
      keys.map((key) => key.kind),
    ),
    orderBy: keys.map((key) => (key.desc ? `${key.expr} DESC` : key.expr)).join(', '),
    keys: `[${keys.map(returned).join(', ')}]`,
    after: (cursor) => (cursor === null ? 'true' : `(${range} AND ${beyond(keys, 0)})`),
  };
}

/** A cursor's keys, or null for the first page (a cursor of another list is refused, 400 naming `cursor`). */
export const cursorKeys = (set: Keyset, cursor: string | undefined): unknown[] | null => (cursor === undefined ? null : set.codec.decode(cursor));
