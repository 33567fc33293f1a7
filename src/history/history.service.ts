import type { Db } from '../db/query';
import { NotFoundError } from '../domain/errors';
import { readEventHistory } from './history.repository';
import type { History } from './history.schemas';

/**
 * An event's history, oldest first. An event loaded without review (a facts file, a bulk load) has no recorded
 * steps: its history says where it was loaded from.
 */
export async function eventHistory(db: Db, id: string): Promise<History> {
  const row = await readEventHistory(db, id);
  if (!row) throw new NotFoundError('event', id);
  const items = row.items.map((c) => ({ ...c, before: parse(c.before), after: parse(c.after) }));
  if (items.length === 0 && row.definedIn) {
    items.push({ at: '', user: 'loader', action: 'added', summary: `Loaded without review from the facts of article "${row.definedIn}"`, before: null, after: null });
  }
  return { id: row.id, status: row.status, items };
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
