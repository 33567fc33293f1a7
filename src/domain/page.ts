import { z } from 'zod';

/**
 * The contract every list of the API shares: a page of `items` in a stable order and an opaque `nextCursor`,
 * passed back as `cursor` for the next page (null on the last). Cursors are made in cursor.ts; this module is
 * only shapes, so that browser scripts may import the answers' types.
 */

/** The `cursor` parameter of every paged list. */
export const CursorParam = z.string().max(2000).optional().describe('nextCursor of the previous page; left out for the first page');

/** The answer of every paged list: a page of items and the cursor of the next one. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass it back as `cursor` for the next page; null on the last page'),
  });
