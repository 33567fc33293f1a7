import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';

/**
 * Driver values → plain JSON, in one place: Integers become numbers, temporal values
 * ISO strings, maps and lists are walked. Repositories call this once on what they return.
 *
 * It runs on every row of every answer (a dyad or a day's sanctions is some 3,000 maps), so it is written for
 * speed: plain loops instead of entries/fromEntries, the common cases (strings, numbers, plain maps, lists) decided
 * before the driver's type checks, and the maps and lists the driver has just decoded converted where they are
 * instead of copied (they belong to no one else: only what needs converting is replaced, and nothing is allocated
 * for the rest).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans first: they are most of what a query returns.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined || (item !== null && typeof item === 'object')) value[i] = toPlain(item);
    }
    return value;
  }
  // Maps a query returns are plain objects; everything else is one of the driver's value classes.
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) {
      const item = map[key];
      if (item === undefined || (item !== null && typeof item === 'object')) map[key] = toPlain(item);
    }
    return map;
  }
  if (neo4j.isInt(value)) return value.toNumber();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
}

/**
 * Plain JSON → query parameters: whole numbers are sent as Neo4j integers (JavaScript numbers would
 * arrive as floats, which LIMIT and integer properties refuse). Walks maps and lists.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toParams(v)]));
  }
  return value;
}
