import { cursorKeys } from '../db/keyset';
import type { Db } from '../db/query';
import { pageFrom } from '../domain/cursor';
import { NotFoundError } from '../domain/errors';
import { HISTORY_ORDER, readEventHistory } from './history.repository';
import type { History, HistoryQuery } from './history.schemas';

/**
 * A page of an event's history, oldest first. An event loaded without review (a facts file, a bulk load) has no
 * recorded steps: its history says where it was loaded from.
 */
export async function eventHistory(db: Db, id: string, query: HistoryQuery): Promise<History> {
  const after = cursorKeys(HISTORY_ORDER, query.cursor);
  const row = await readEventHistory(db, id, query.limit + 1, after);
  if (!row) throw new NotFoundError('event', id);
  const rows = row.rows.map(({ item, keys }) => ({ item: { ...item, before: parse(item.before), after: parse(item.after) }, keys }));
  const page = pageFrom(rows, query.limit, HISTORY_ORDER.codec);
  if (page.items.length === 0 && after === null && row.definedIn) {
    page.items.push({
      at: '',
      user: 'loader',
      action: 'added',
      summary: `Loaded without review from the facts of article "${row.definedIn}"`,
      before: null,
      after: null,
    });
  }
  return { id: row.id, status: row.status, ...page };
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
