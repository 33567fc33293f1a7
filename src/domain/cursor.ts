import { z } from 'zod';
import { isValidPartialDate } from './calendar';
import { InvalidError } from './errors';

/** The cursor of the events and the timeline: a page is "after this event" (date, id), so it stays stable as data grows. */
const Position = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string().min(1).max(200)]);
export interface CursorPosition {
  afterDate: string;
  afterId: string;
}

export function encodeCursor(date: string, id: string): string {
  return Buffer.from(JSON.stringify([date, id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [afterDate, afterId] = Position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { afterDate, afterId };
  } catch {
    throw new InvalidError('cursor', 'cursor is not one this API gave out');
  }
}

/**
 * The kinds of value a list's sort keys take, each checked as it comes back in a cursor: a key is handed to
 * the database as a parameter, and a day that does not exist would make the query fail instead of the request.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})(\[[\w/+-]+\])?$/;
const KEY_VALUES = {
  string: z.string().max(1000),
  int: z.number().int(),
  float: z.number(),
  date: z.string().refine((value) => DAY.test(value) && isValidPartialDate(value)),
  datetime: z.string().refine((value) => {
    const day = DATE_TIME.exec(value)?.[1];
    return day !== undefined && isValidPartialDate(day);
  }),
} as const;
export type KeyKind = keyof typeof KEY_VALUES;

/** Reads and writes the cursors of one list: its name, then the sort keys of the last item of a page. */
export interface KeysetCodec {
  encode: (keys: readonly unknown[]) => string;
  /** The keys a cursor holds; a cursor of another list, or one not given out, is an InvalidError naming `cursor`. */
  decode: (cursor: string) => unknown[];
}

/**
 * The cursor of a list ordered by keys of these kinds. The list's name goes into every cursor so that one
 * list refuses another's cursor (its keys may look alike and mean something else).
 */
export function keysetCodec(list: string, kinds: readonly KeyKind[]): KeysetCodec {
  const shape = z.tuple([z.literal(list), ...kinds.map((kind) => KEY_VALUES[kind])]);
  return {
    encode: (keys) => Buffer.from(JSON.stringify([list, ...keys])).toString('base64url'),
    decode: (cursor) => {
      try {
        const [, ...keys] = shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
        return keys;
      } catch {
        throw new InvalidError('cursor', 'cursor is not one this list gave out');
      }
    },
  };
}

/** The first `limit` of `rows` (read with one more, to know whether another page follows), and that page's cursor. */
export function pageFrom<T>(rows: ReadonlyArray<{ item: T; keys: unknown[] }>, limit: number, codec: KeysetCodec): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map((row) => row.item), nextCursor: rows.length > limit && last ? codec.encode(last.keys) : null };
}
