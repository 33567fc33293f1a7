import fc from 'fast-check';

/**
 * What the fuzz tests throw at the app: generated junk for parameter values and names, plus the known
 * attack strings. Values are sent as raw bytes, percent-encoded, so invalid UTF-8 can be sent too.
 */

/** Strings that try to break out of a Cypher query, a Lucene query, HTML, a path or a log line. */
export const INJECTION_PAYLOADS: readonly string[] = [
  // Cypher: quotes, comments, new clauses, APOC and LOAD CSV
  "' OR 1=1 //",
  '" OR 1=1 //',
  "x' }) MATCH (n) DETACH DELETE n //",
  '") MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n //',
  "x'}) RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 //",
  '\\u0027) MATCH (n) SET n.pwned = true //',
  '1; MATCH (n) DETACH DELETE n',
  "' WITH 1 AS x CALL dbms.security.createUser('evil','evil',false) //",
  "' CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN 1 //",
  "' LOAD CSV FROM 'http://127.0.0.1:1/x' AS l RETURN l //",
  '$limit',
  '{limit}',
  '/* */ MATCH (n) DELETE n',
  'CREATE (:Pwned {at: timestamp()})',
  // Lucene query syntax in full-text search
  'title:*',
  '*:*',
  'a AND (',
  '"unclosed',
  '~~~~',
  '\\',
  'a^999999',
  '[a TO z]',
  '/.*/',
  // HTML and script
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, sent as plain text
  '{{7*7}}<%= 7*7 %>${7*7}',
  // paths, protocol and log breaking
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  'a\r\nX-Injected: 1',
  'line\nbreak {"level":60,"msg":"forged"}',
  '\u0000',
  'nul\u0000byte',
  // prototype pollution and JS oddities
  '__proto__',
  'constructor',
  'toString',
  '[object Object]',
  'undefined',
  'null',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '9007199254740993',
  '-1',
  // Unicode: right-to-left override, zero width, combining marks, emoji, homoglyphs, BOM
  '\u202Egnp.exe',
  'a\u200Bb',
  'e\u0301\u0301\u0301\u0301',
  '🇧🇾🏳️‍🌈👩‍👩‍👧',
  'ｂｅｌａｒｕｓ',
  '\uFEFFbelarus',
  'Ⅻ',
];

/** Values close to valid ones: off-by-one dates, numbers in odd forms, slugs with one wrong character. */
const nearMisses = fc.constantFrom(
  '2025-02-30',
  '2025-02-29',
  '2024-02-29',
  '2025-13-01',
  '2025-00-10',
  '0000-01-01',
  '9999-12-31',
  '2025-1-1',
  '+002025-01-01',
  '2025-01-01T00:00:00Z',
  ' 2025-01-01',
  '2025',
  '2025-09',
  '0',
  '1',
  '500',
  '501',
  '1.5',
  ' 5 ',
  '5abc',
  '1e2',
  '-5',
  'Belarus',
  'belarus-',
  '-belarus',
  'bela--rus',
  'belarus ',
  'talks',
  'TALKS',
  'type',
  'items',
  'buckets',
  'csv',
  'CSV',
);

/** Any value a parameter might carry: junk, near misses, attacks, huge or empty. */
export const junkValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 4, arbitrary: fc.constantFrom(...INJECTION_PAYLOADS) },
  { weight: 4, arbitrary: nearMisses },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 4000 }).map((n) => 'a'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => '界'.repeat(n)) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
);

/** Parameter names nobody declared, including ones that look like object paths or prototype keys. */
export const junkKey: fc.Arbitrary<string> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'limit[]', 'limit[0]', 'q.x', 'colour', '', ' ', 'LIMIT', 'Type', '%', 'a=b'),
);

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes a string byte by byte (UTF-8); lone surrogates become U+FFFD, as any client would send. */
export function encode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Raw bytes that are not UTF-8 at all, and percent signs that are not escapes. */
export const rawJunk: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('%', '%%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%ED%A0%80', '%F4%90%80%80', '%FF%FE'),
);

export interface RouteSpec {
  /** Path with an optional `:id` segment. */
  path: string;
  /** Values the route accepts for `:id`, to mix with junk. */
  ids?: readonly string[];
  /** The name the route gives the `:id` segment, when it is not `id` (a dyad's second actor is `b`). */
  idName?: string;
  /** Each query parameter with values it accepts, to mix with junk. */
  query: Record<string, fc.Arbitrary<string>>;
}

/** A request line for a route: its path (with a junk, raw or valid id) and a query of known and unknown keys. */
export function requestFor(spec: RouteSpec): fc.Arbitrary<{ url: string; keys: string[] }> {
  const known = Object.keys(spec.query);
  const value = (key: string) =>
    Object.hasOwn(spec.query, key)
      ? fc.oneof(
          { weight: 2, arbitrary: (spec.query[key] as fc.Arbitrary<string>).map(encode) },
          { weight: 3, arbitrary: junkValue.map(encode) },
          { weight: 1, arbitrary: rawJunk },
        )
      : junkValue.map(encode);
  const key = known.length > 0 ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: junkKey }) : junkKey;
  const pairs = fc.array(
    key.chain((k) => value(k).map((v) => [k, v] as const)),
    { maxLength: known.length + 2 },
  );
  const id = spec.ids
    ? fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...spec.ids).map(encode) },
        { weight: 3, arbitrary: junkValue.map(encode) },
        { weight: 1, arbitrary: rawJunk },
      )
    : fc.constant('');
  return fc.tuple(id, pairs).map(([idPart, list]) => {
    const path = spec.path.replace(':id', idPart === '' ? '%20' : idPart);
    const query = list.map(([k, v]) => `${encode(k)}=${v}`).join('&');
    return { url: query ? `${path}?${query}` : path, keys: list.map(([k]) => k) };
  });
}
