import { z } from 'zod';
import { InvalidError } from './errors';

/** Keyset pagination over (date, id): a page is "after this event", so it stays stable as data grows. */
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

/** Keyset pagination over any sort keys (a time and an id, …): the keys of the last item, opaque to clients. */
const Keys = z.array(z.string().min(1).max(200)).min(1).max(4);

export function encodeKeyset(keys: readonly string[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

export function decodeKeyset(cursor: string, count: number): string[] {
  try {
    const keys = Keys.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (keys.length !== count) throw new Error('wrong length');
    return keys;
  } catch {
    throw new InvalidError('cursor', 'cursor is not one this API gave out');
  }
}
