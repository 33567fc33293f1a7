import { toParams } from '../../db/plain';
import { runInBatches } from '../../db/query';
import { EVENT_TYPES } from '../../domain/taxonomy';
import type { Migration } from '../migration';

/**
 * Per-type counts (an actor's `eventsByType`, a pair's `byType`) are lists in the taxonomy's order, which only
 * grows at its end. Counts written before types were added are shorter: they read the same (a missing count is
 * none), but the loader writes full-length lists, so the shorter ones are padded with zeros to be alike.
 */
const PAD = [
  `MATCH (a:Actor) WHERE size(a.eventsByType) < $types
   CALL (a) { SET a.eventsByType = a.eventsByType + [i IN range(1, $types - size(a.eventsByType)) | 0] } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (p:ActorPair) WHERE size(p.byType) < $types
   CALL (p) { SET p.byType = p.byType + [i IN range(1, $types - size(p.byType)) | 0] } IN TRANSACTIONS OF 10000 ROWS`,
];

export const typeCountsPadded: Migration = {
  id: 4,
  name: 'per-type counts as long as the taxonomy',
  run: (db) => runInBatches(db, PAD, toParams({ types: EVENT_TYPES.length }) as Record<string, unknown>),
};
