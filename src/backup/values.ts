import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isPoint, isTime } from 'neo4j-driver';
import type { PropertyValue } from './backup.schemas';

/**
 * Stored values ↔ the backup's JSON, losslessly: an integer stays an integer and a float a float (JSON has one
 * kind of number, so floats are tagged), temporal and spatial values keep every field (zone and nanoseconds).
 */

const num = (value: unknown): number => (neo4j.isInt(value) ? value.toNumber() : (value as number));

function encodeScalar(value: unknown): PropertyValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return { $float: Number.isFinite(value) ? value : (String(value) as 'NaN') };
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : { $int: value.toString() };
  if (isDate(value)) return { $date: { year: num(value.year), month: num(value.month), day: num(value.day) } };
  const time = (v: { hour: unknown; minute: unknown; second: unknown; nanosecond: unknown }) => ({
    hour: num(v.hour),
    minute: num(v.minute),
    second: num(v.second),
    nanosecond: num(v.nanosecond),
  });
  if (isDateTime(value)) {
    return {
      $dateTime: {
        year: num(value.year),
        month: num(value.month),
        day: num(value.day),
        ...time(value),
        timeZoneOffsetSeconds: value.timeZoneOffsetSeconds === undefined ? null : num(value.timeZoneOffsetSeconds),
        timeZoneId: value.timeZoneId ?? null,
      },
    };
  }
  if (isLocalDateTime(value)) return { $localDateTime: { year: num(value.year), month: num(value.month), day: num(value.day), ...time(value) } };
  if (isTime(value)) return { $time: { ...time(value), timeZoneOffsetSeconds: num(value.timeZoneOffsetSeconds) } };
  if (isLocalTime(value)) return { $localTime: time(value) };
  if (isDuration(value)) {
    return { $duration: { months: num(value.months), days: num(value.days), seconds: num(value.seconds), nanoseconds: num(value.nanoseconds) } };
  }
  if (isPoint(value)) return { $point: { srid: num(value.srid), x: value.x, y: value.y, z: value.z ?? null } };
  throw new Error(`a stored value of an unknown kind: ${String(value)}`);
}

export function encodeValue(value: unknown): PropertyValue {
  if (Array.isArray(value)) return value.map(encodeScalar) as PropertyValue;
  return encodeScalar(value);
}

export function encodeProperties(props: Record<string, unknown>): Record<string, PropertyValue> {
  return Object.fromEntries(Object.entries(props).map(([key, value]) => [key, encodeValue(value)]));
}

const FLOAT_WORDS: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

function decodeScalar(value: PropertyValue): unknown {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return neo4j.int(value);
  if (Array.isArray(value)) throw new Error('a list inside a list cannot be stored');
  if ('$int' in value) return neo4j.int(value.$int);
  if ('$float' in value) return typeof value.$float === 'number' ? value.$float : FLOAT_WORDS[value.$float];
  if ('$date' in value) return new neo4j.types.Date(value.$date.year, value.$date.month, value.$date.day);
  if ('$localTime' in value) {
    const t = value.$localTime;
    return new neo4j.types.LocalTime(t.hour, t.minute, t.second, t.nanosecond);
  }
  if ('$time' in value) {
    const t = value.$time;
    return new neo4j.types.Time(t.hour, t.minute, t.second, t.nanosecond, t.timeZoneOffsetSeconds);
  }
  if ('$localDateTime' in value) {
    const t = value.$localDateTime;
    return new neo4j.types.LocalDateTime(t.year, t.month, t.day, t.hour, t.minute, t.second, t.nanosecond);
  }
  if ('$dateTime' in value) {
    const t = value.$dateTime;
    return new neo4j.types.DateTime(
      t.year,
      t.month,
      t.day,
      t.hour,
      t.minute,
      t.second,
      t.nanosecond,
      t.timeZoneOffsetSeconds ?? undefined,
      t.timeZoneId ?? undefined,
    );
  }
  if ('$duration' in value) {
    const d = value.$duration;
    return new neo4j.types.Duration(d.months, d.days, d.seconds, d.nanoseconds);
  }
  const p = value.$point;
  return p.z === null ? new neo4j.types.Point(p.srid, p.x, p.y) : new neo4j.types.Point(p.srid, p.x, p.y, p.z);
}

export function decodeProperties(props: Record<string, PropertyValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([key, value]) => [key, Array.isArray(value) ? value.map(decodeScalar) : decodeScalar(value)]));
}
