import { z } from 'zod';

/**
 * The backup file: gzip-compressed JSON lines. The first line is the header, then every node, then every
 * relationship, then a trailer with the counts (a file cut short has none, and is refused). Nodes are numbered
 * in the file (`n`); relationships name their ends by those numbers. The format has its own version: a later
 * version of the code reads the versions before it (`BackupHeader` is a union of them) and restores them into
 * the shape it expects, through the migrations the header's `migration` says are missing.
 */
export const BACKUP_FORMAT = 'kb-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Labels, relationship types and property names go into Cypher as quoted names: only plain identifiers are taken. */
const Name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)');

const Int = z.number().int();
/** Neo4j's temporal and spatial values, by their fields (lossless, and rebuilt with the driver's own types). */
const TypedValue = z.union([
  z.object({ $int: z.string().regex(/^-?\d+$/) }).strict(),
  z.object({ $float: z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]) }).strict(),
  z.object({ $date: z.object({ year: Int, month: Int, day: Int }).strict() }).strict(),
  z.object({ $localTime: z.object({ hour: Int, minute: Int, second: Int, nanosecond: Int }).strict() }).strict(),
  z.object({ $time: z.object({ hour: Int, minute: Int, second: Int, nanosecond: Int, timeZoneOffsetSeconds: Int }).strict() }).strict(),
  z
    .object({
      $localDateTime: z.object({ year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int }).strict(),
    })
    .strict(),
  z
    .object({
      $dateTime: z
        .object({
          year: Int,
          month: Int,
          day: Int,
          hour: Int,
          minute: Int,
          second: Int,
          nanosecond: Int,
          timeZoneOffsetSeconds: Int.nullable(),
          timeZoneId: z.string().nullable(),
        })
        .strict(),
    })
    .strict(),
  z.object({ $duration: z.object({ months: Int, days: Int, seconds: Int, nanoseconds: Int }).strict() }).strict(),
  z.object({ $point: z.object({ srid: Int, x: z.number(), y: z.number(), z: z.number().nullable() }).strict() }).strict(),
]);

/** A stored value: a string, a boolean, an integer (a JSON number; `$int` beyond 2^53), a float and the typed ones tagged. */
const Scalar = z.union([z.string(), z.boolean(), z.number().int(), TypedValue]);
export const PropertyValue = z.union([Scalar, z.array(Scalar)]);
export type PropertyValue = z.infer<typeof PropertyValue>;
const Properties = z.record(Name, PropertyValue, {
  error: (issue) => (issue.code === 'invalid_key' ? 'a property name must be a plain identifier (letters, digits, _)' : undefined),
});

export const BackupHeader = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_FORMAT_VERSION),
    createdAt: z.iso.datetime({ offset: true }),
    appVersion: z.string(),
    /** The last migration the database had: a restore applies those after it. */
    migration: z.number().int().min(0),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeader>;

export const NodeLine = z.object({ n: z.number().int().min(0), labels: z.array(Name), props: Properties }).strict();
export type NodeLine = z.infer<typeof NodeLine>;

export const RelationshipLine = z.object({ from: z.number().int().min(0), to: z.number().int().min(0), type: Name, props: Properties }).strict();
export type RelationshipLine = z.infer<typeof RelationshipLine>;

export const TrailerLine = z.object({ end: z.object({ nodes: z.number().int().min(0), relationships: z.number().int().min(0) }).strict() }).strict();
export type TrailerLine = z.infer<typeof TrailerLine>;
