import fc from 'fast-check';
import { ACTORS_BY_NAME, ACTORS_BY_SCORE, RELATIONSHIP_ORDER } from '../../src/actors/actors.repository';
import { ARTICLE_ORDER } from '../../src/articles/articles.repository';
import type { Keyset } from '../../src/db/keyset';
import { ACTOR_KINDS, EVENT_TYPES } from '../../src/domain/taxonomy';
import { EXPORT_FORMATS } from '../../src/exports/exports.schemas';
import { HISTORY_ORDER } from '../../src/history/history.repository';
import { CHANGE_ORDER, MEASURE_ORDER } from '../../src/sanctions/sanctions.repository';
import { WHO_DID_WHAT_ORDER } from '../../src/who-did-what/who-did-what.repository';
import type { RouteSpec } from './junk';

/** Ids the seed holds, so that generated requests reach the database as often as they are refused. */
export const SEED_ACTORS = ['belarus', 'united-states', 'john-coale', 'alexander-lukashenko', 'belavia', 'viasna'] as const;
export const SEED_EVENTS = ['talks-minsk-2025-12', 'pardon-123-prisoners-2025-12', 'election-belarus-2020', 'sanctions-lifted-potash-2025-12'] as const;
export const SEED_ARTICLE = 'minsk-talks-us-belarus-thaw';

const actor = fc.constantFrom<string>(...SEED_ACTORS, 'atlantis');
const eventType = fc.constantFrom<string>(...EVENT_TYPES);
const day = fc.constantFrom('2020-01-01', '2024-02-29', '2025-09-01', '2025-12-31', '1900-01-01', '2100-12-31', '0001-01-01', '9999-12-31');
const limit = fc.integer({ min: 1, max: 500 }).map(String);
const words = fc.constantFrom('belavia', 'Washington', 'pardon prison', 'minsk', 'potash', 'Lukashenko');

const eventFilters = { actor, type: eventType, from: day, to: day, q: words };

/**
 * Cursors for a list: one it could have given out, one of its shape holding keys that are not (a day that does
 * not exist, a number for a name), one of another list, and plain junk.
 */
const cursorOf = (set: Keyset, good: unknown[], bad: unknown[]) =>
  fc.constantFrom(
    set.codec.encode(good),
    set.codec.encode(bad),
    ACTORS_BY_NAME.codec.encode(['Belarus', 'belarus']),
    WHO_DID_WHAT_ORDER.codec.encode(['2025-09-01', 'x']),
    'abc',
  );

const measureCursor = cursorOf(MEASURE_ORDER, ['belarus', 'belavia', 'united-states', '', 'x'], ['belarus', null, 'united-states', '', 'x']);

/** Every read route of the JSON API with the parameters it declares. */
export const API_ROUTES: Record<string, RouteSpec> = {
  'GET /api/events': { path: '/api/events', query: { ...eventFilters, limit, cursor: fc.constantFrom('WyIyMDI1LTA5LTAxIiwieCJd', 'abc') } },
  'GET /api/events/:id': { path: '/api/events/:id', ids: SEED_EVENTS, query: {} },
  'GET /api/actors': {
    path: '/api/actors',
    query: {
      q: words,
      kind: fc.constantFrom<string>(...ACTOR_KINDS),
      limit,
      cursor: fc.oneof(
        cursorOf(ACTORS_BY_NAME, ['John Coale', 'john-coale'], [7, 'john-coale']),
        cursorOf(ACTORS_BY_SCORE, [1.5, 'Belavia', 'belavia'], ['high', 'x', 'y']),
      ),
    },
  },
  'GET /api/actors/:id': { path: '/api/actors/:id', ids: SEED_ACTORS, query: {} },
  'GET /api/actors/:id/relationships': {
    path: '/api/actors/:id/relationships',
    ids: SEED_ACTORS,
    query: { limit, cursor: cursorOf(RELATIONSHIP_ORDER, [2, 'belarus'], [2.5, 'belarus']) },
  },
  'GET /api/articles': { path: '/api/articles', query: { limit, cursor: cursorOf(ARTICLE_ORDER, ['2025-12-14', SEED_ARTICLE], ['2025-13-14', SEED_ARTICLE]) } },
  'GET /api/articles/:id': { path: '/api/articles/:id', ids: [SEED_ARTICLE], query: {} },
  'GET /api/who-did-what': {
    path: '/api/who-did-what',
    query: {
      actor,
      action: eventType,
      target: actor,
      from: day,
      to: day,
      limit,
      cursor: cursorOf(WHO_DID_WHAT_ORDER, ['2025-09-01', 'talks-minsk-2025-12'], ['2025-02-30', 'x']),
    },
  },
  'GET /api/connections': {
    path: '/api/connections',
    query: { from: actor, to: actor, maxHops: fc.integer({ min: 0, max: 7 }).map(String), via: fc.constantFrom('events', 'roles', 'both', 'trains') },
  },
  'GET /api/dyads/:a/:b': { path: '/api/dyads/united-states/:id', ids: SEED_ACTORS, idName: 'b', query: { from: day, to: day, limit } },
  'GET /api/timeline': {
    path: '/api/timeline',
    query: { from: day, to: day, actor, type: eventType, groupBy: fc.constantFrom('type', 'actor') },
  },
  'GET /api/graph': { path: '/api/graph', query: { actor, type: eventType, from: day, to: day, limit: fc.integer({ min: 1, max: 200 }).map(String) } },
  'GET /api/stats': { path: '/api/stats', query: { latest: fc.integer({ min: 1, max: 50 }).map(String) } },
  'GET /api/export': { path: '/api/export', query: { ...eventFilters, format: fc.constantFrom<string>(...EXPORT_FORMATS) } },
  'GET /api/sanctions': { path: '/api/sanctions', query: { target: actor, authority: actor, on: day, limit, cursor: measureCursor } },
  'GET /api/sanctions/changes': {
    path: '/api/sanctions/changes',
    query: { target: actor, authority: actor, from: day, to: day, limit, cursor: cursorOf(CHANGE_ORDER, ['2025-09-01', 'm', 1], ['2025-09-01', 'm', 'first']) },
  },
  'GET /api/sanctions/measures': { path: '/api/sanctions/measures', query: { target: actor, authority: actor, limit, cursor: measureCursor } },
  'GET /api/events/:id/history': {
    path: '/api/events/:id/history',
    ids: SEED_EVENTS,
    query: { limit, cursor: cursorOf(HISTORY_ORDER, ['2025-12-14T10:00:00Z', 0, 'x'], ['2025-02-30T10:00:00Z', 0, 'x']) },
  },
  'GET /api/health': { path: '/api/health', query: {} },
  'GET /api/openapi.json': { path: '/api/openapi.json', query: {} },
};

/** Every server-rendered page with the parameters its form uses. */
export const PAGE_ROUTES: Record<string, RouteSpec> = {
  'GET /': { path: '/', query: {} },
  'GET /timeline': {
    path: '/timeline',
    query: { from: day, to: day, actor, type: eventType, group: fc.constantFrom('type', 'actor'), cursor: fc.constant('abc') },
  },
  'GET /events/:id': { path: '/events/:id', ids: SEED_EVENTS, query: {} },
  'GET /actors': {
    path: '/actors',
    query: { q: words, kind: fc.constantFrom<string>(...ACTOR_KINDS), cursor: cursorOf(ACTORS_BY_NAME, ['John Coale', 'john-coale'], [7, 'x']) },
  },
  'GET /actors/:id': { path: '/actors/:id', ids: SEED_ACTORS, query: {} },
  'GET /graph': { path: '/graph', query: { actor, type: eventType, from: day, to: day } },
  'GET /connections': {
    path: '/connections',
    query: { from: actor, to: actor, maxHops: fc.integer({ min: 1, max: 5 }).map(String), via: fc.constantFrom('events', 'roles', 'both') },
  },
  'GET /dyads/:a/:b': { path: '/dyads/united-states/:id', ids: SEED_ACTORS, idName: 'b', query: { from: day, to: day } },
  'GET /sanctions': { path: '/sanctions', query: { target: actor, authority: actor, on: day } },
  'GET /articles': { path: '/articles', query: { cursor: cursorOf(ARTICLE_ORDER, ['2025-12-14', SEED_ARTICLE], ['2025-13-14', SEED_ARTICLE]) } },
  'GET /articles/:id': { path: '/articles/:id', ids: [SEED_ARTICLE], query: {} },
  'GET /search': { path: '/search', query: { q: words } },
};
