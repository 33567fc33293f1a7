import type { Db } from '../db/query';
import { addDays, daysBetween, parseDay, toDay } from '../domain/calendar';
import { ploverText, TYPES_BY_CATEGORY } from '../domain/labels';
import { EVENT_TYPES, TAXONOMY } from '../domain/taxonomy';
import type { EventType } from '../domain/model';
import { requireActor } from '../actors/actors.service';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import * as repository from './timeline.repository';
import {
  BUCKET_UNITS,
  type BucketUnit,
  type TimelineBucket,
  type TimelineGroup,
  type TimelineItem,
  type TimelineQuery,
  type TimelineWindow,
} from './timeline.schemas';

/** Above this many events a window is shown as counts per bucket: vis-timeline slows past a few hundred items. */
export const ITEM_LIMIT = 300;
/** Items an actor-grouped window may place (an event sits in the row of each of its actors). */
export const PLACEMENT_LIMIT = 600;
/** Buckets per row at most, so a bucketed window stays near 500 boxes even with every type present. */
export const BUCKETS_PER_ROW = 30;
/** Rows when grouping by actor: the most active actors of the window, the rest under "Other actors". */
export const ACTOR_ROWS = 12;
/** Above this many events in a window, actor rows are the most active actors overall (counting each window's own leaders would read every event). */
export const EXACT_ACTOR_ROWS_LIMIT = 20_000;

const UNIT_DAYS: Record<BucketUnit, number> = { day: 1, week: 7, month: 30.44, quarter: 91.3, year: 365.25, decade: 3652.5, century: 36525 };

/** The finest bucket that keeps a row of the window within BUCKETS_PER_ROW. */
export function bucketUnitFor(from: string, to: string): BucketUnit {
  const days = daysBetween(from, to) + 1;
  return BUCKET_UNITS.find((unit) => days / UNIT_DAYS[unit] <= BUCKETS_PER_ROW) ?? 'century';
}

/** The day after the bucket that starts on `start` (exclusive end). */
export function bucketEnd(start: string, unit: BucketUnit): string {
  const date = parseDay(start);
  const months = { month: 1, quarter: 3, year: 12, decade: 120, century: 1200 } as Partial<Record<BucketUnit, number>>;
  if (unit === 'day') return addDays(start, 1);
  if (unit === 'week') return addDays(start, 7);
  date.setUTCMonth(date.getUTCMonth() + (months[unit] ?? 1));
  return toDay(date);
}

/** The first day of the bucket holding `day`, as Neo4j's date.truncate(unit, day) gives it. */
export function bucketStart(day: string, unit: BucketUnit): string {
  const [year = 0, month = 1] = day.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (unit) {
    case 'day':
      return day;
    case 'week': {
      const weekday = (parseDay(day).getUTCDay() + 6) % 7;
      return addDays(day, -weekday);
    }
    case 'month':
      return `${year}-${pad(month)}-01`;
    case 'quarter':
      return `${year}-${pad(month - ((month - 1) % 3))}-01`;
    case 'year':
      return `${year}-01-01`;
    case 'decade':
      return `${year - (year % 10)}-01-01`;
    case 'century':
      return `${year - (year % 100)}-01-01`;
  }
}

/** The buckets that cover [from, to], in order. */
export function bucketsCovering(from: string, to: string, unit: BucketUnit): Array<{ start: string; end: string }> {
  const buckets: Array<{ start: string; end: string }> = [];
  for (let start = bucketStart(from, unit); start <= to; start = bucketEnd(start, unit)) buckets.push({ start, end: bucketEnd(start, unit) });
  return buckets;
}

const typeGroup = (type: EventType): TimelineGroup => ({
  id: `type:${type}`,
  content: TAXONOMY[type].label,
  title: ploverText(type),
  kind: 'type',
  className: `group-type type-${type}`,
});
const actorGroup = (actor: { id: string; name: string }): TimelineGroup => ({
  id: `actor:${actor.id}`,
  content: actor.name,
  kind: 'actor',
  className: 'group-actor',
});
const OTHER_GROUP: TimelineGroup = { id: 'other', content: 'Other actors', kind: 'other', className: 'group-other' };

function toItem(event: repository.WindowEventRow, group: string, id: string): TimelineItem {
  const isRange = event.precision !== 'day' || event.lastDate > event.date;
  return {
    id,
    event: event.id,
    content: event.title,
    type: event.type,
    start: event.date,
    end: isRange ? addDays(event.lastDate, 1) : null,
    lastDate: event.lastDate,
    precision: event.precision,
    itemType: isRange ? 'range' : 'point',
    group,
    className: `type-${event.type} precision-${event.precision}`,
  };
}

/** Most frequent actors first (ties by name): the rows of an actor-grouped window. */
function leadingActors(events: repository.WindowEventRow[], limit: number) {
  const counts = new Map<string, { id: string; name: string; count: number }>();
  for (const actor of events.flatMap((e) => e.actors)) {
    const entry = counts.get(actor.id) ?? { ...actor, count: 0 };
    entry.count += 1;
    counts.set(actor.id, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, limit);
}

function placeByActor(events: repository.WindowEventRow[]): { groups: TimelineGroup[]; items: TimelineItem[] } {
  const leaders = leadingActors(events, ACTOR_ROWS);
  const rowOf = new Set(leaders.map((a) => a.id));
  const items = events.flatMap((event) => {
    const rows = event.actors.filter((a) => rowOf.has(a.id)).map((a) => `actor:${a.id}`);
    return (rows.length > 0 ? rows : ['other']).map((group) => toItem(event, group, `${event.id}@${group}`));
  });
  const groups = leaders.map(actorGroup);
  if (items.some((item) => item.group === 'other')) groups.push(OTHER_GROUP);
  return { groups, items };
}

function placeByType(events: repository.WindowEventRow[]): { groups: TimelineGroup[]; items: TimelineItem[] } {
  const present = new Set(events.map((e) => e.type));
  return {
    groups: TYPES_BY_CATEGORY.filter((t) => present.has(t)).map(typeGroup),
    items: events.map((event) => toItem(event, `type:${event.type}`, event.id)),
  };
}

async function windowFilter(db: Db, query: { from: string; to: string; actor?: string; type?: string }): Promise<repository.WindowFilter> {
  if (query.actor) await requireActor(db, query.actor);
  return {
    from: query.from,
    to: query.to,
    actor: query.actor ?? null,
    type: query.type ?? null,
  };
}

/** A page of a window's events in date order, for reading without the timeline; `cursor` is the previous page's nextCursor. */
export async function listWindow(
  db: Db,
  query: { from: string; to: string; actor?: string; type?: string },
  limit: number,
  cursor?: string,
): Promise<{ items: repository.WindowEventRow[]; nextCursor: string | null }> {
  const filter = await windowFilter(db, query);
  const rows = await repository.windowEvents(db, filter, limit + 1, cursor === undefined ? undefined : decodeCursor(cursor));
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.date, last.id) : null };
}

/** How many of the latest events the first window is chosen from, and the share of them it must hold. */
const STORY_EVENTS = 200;
const STORY_SHARE = 0.8;
/** Events outside a window are counted up to this many (the edge markers say "1,000+"). */
export const OUTSIDE_CAP = 1000;

/**
 * The first window of a timeline that names no dates: where its story is. Of the latest events (within the
 * filters), the shortest stretch of days that holds most of them, padded on both sides, so a few old events of
 * context (an election years before) do not squeeze the story into a sliver. No events: this year.
 */
export async function storyWindow(db: Db, filter: { actor?: string; type?: string }): Promise<{ from: string; to: string }> {
  const days = (await repository.latestStartDays(db, { actor: filter.actor ?? null, type: filter.type ?? null }, STORY_EVENTS)).reverse();
  if (days.length === 0) {
    const year = new Date().getUTCFullYear();
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  const [from, to] = widened(days, densestStretch(days, Math.max(1, Math.ceil(days.length * STORY_SHARE))));
  const pad = Math.max(14, Math.round(daysBetween(from, to) * 0.08));
  return { from: addDays(from, -pad), to: addDays(to, pad) };
}

/**
 * The stretch widened to the events near it: an event within half the stretch's length (or 90 days) of its
 * ends is part of the story too; only the far ones stay outside.
 */
export function widened(sortedDays: readonly string[], [from, to]: [string, string]): [string, string] {
  const reach = Math.max(90, daysBetween(from, to) / 2);
  const near = sortedDays.filter((day) => (day < from ? daysBetween(day, from) : day > to ? daysBetween(to, day) : 0) <= reach);
  return [near[0] ?? from, near[near.length - 1] ?? to];
}

/** The first and last day of the shortest run of `count` consecutive days in the sorted list; the latest on ties. */
export function densestStretch(sortedDays: readonly string[], count: number): [string, string] {
  let best: [string, string] = [sortedDays[sortedDays.length - count] as string, sortedDays[sortedDays.length - 1] as string];
  for (let i = sortedDays.length - count; i >= 0; i -= 1) {
    const first = sortedDays[i] as string;
    const last = sortedDays[i + count - 1] as string;
    if (daysBetween(first, last) < daysBetween(best[0], best[1])) best = [first, last];
  }
  return best;
}

/**
 * The events of a window, grouped into rows; when the window holds more than ITEM_LIMIT events (or an
 * actor-grouped window more than PLACEMENT_LIMIT placements), counts per bucket instead of items.
 */
export async function getWindow(db: Db, query: TimelineQuery): Promise<TimelineWindow> {
  const filter = await windowFilter(db, query);
  // The edge markers' counts do not depend on what the window shows: read beside it, not before it.
  const [outside, shown] = await Promise.all([repository.countOutside(db, filter, OUTSIDE_CAP), windowContents(db, filter, query)]);
  return { from: query.from, to: query.to, groupBy: query.groupBy, outside, ...shown };
}

/** The window's events as items, or, when there are too many to place, their counts per bucket. */
async function windowContents(
  db: Db,
  filter: repository.WindowFilter,
  query: TimelineQuery,
): Promise<Omit<TimelineWindow, 'from' | 'to' | 'groupBy' | 'outside'>> {
  // More events starting in the window than ITEM_LIMIT means buckets, whatever else overlaps it: an index-only
  // count settles that without reading the window's events and its look-back (a year of index entries).
  const dense = !filter.actor && (await repository.countStartingIn(db, filter)) > ITEM_LIMIT;
  const events = dense ? [] : await repository.windowEvents(db, filter, ITEM_LIMIT + 1);
  if (!dense && events.length <= ITEM_LIMIT) {
    const placed = query.groupBy === 'actor' ? placeByActor(events) : placeByType(events);
    if (placed.items.length <= PLACEMENT_LIMIT) {
      return { mode: 'items', bucket: null, total: events.length, ...placed, buckets: [] };
    }
  }
  const unit = bucketUnitFor(query.from, query.to);
  const { groups, rows, total } = query.groupBy === 'actor' ? await actorBuckets(db, filter, unit) : await typeBuckets(db, filter, unit);
  // Every type's row shares the window's few bucket starts: each end is worked out once.
  const ends = new Map<string, string>();
  const endOf = (start: string) => ends.get(start) ?? ends.set(start, bucketEnd(start, unit)).get(start)!;
  const buckets: TimelineBucket[] = rows.map((row) => ({
    id: `${row.key}|${row.start}`,
    group: row.key,
    start: row.start,
    end: endOf(row.start),
    count: row.count,
    className: row.key.startsWith('type:') ? `bucket type-${row.key.slice(5)}` : 'bucket',
  }));
  return { mode: 'buckets', bucket: unit, total, groups, items: [], buckets };
}

/** Counts by start day, per type: from the (type, date) index alone unless an actor narrows the window. */
async function typeBuckets(db: Db, filter: repository.WindowFilter, unit: BucketUnit) {
  const rows = await repository.bucketsByType(db, filter, unit, bucketsCovering(filter.from, filter.to, unit), EVENT_TYPES);
  const present = new Set(rows.map((row) => row.key));
  const groups = TYPES_BY_CATEGORY.filter((t) => present.has(`type:${t}`)).map(typeGroup);
  return { groups, rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
}

/**
 * Counts by start day, per actor. A window of moderate size gets its own most active actors and an
 * "Other actors" row; a huge one (more than EXACT_ACTOR_ROWS_LIMIT events) the most active actors overall,
 * whose events alone are read.
 */
async function actorBuckets(db: Db, filter: repository.WindowFilter, unit: BucketUnit) {
  const total = await repository.countStartingIn(db, filter);
  if (total > EXACT_ACTOR_ROWS_LIMIT && !filter.actor) {
    const leaders = await repository.mostActiveActors(db, ACTOR_ROWS);
    const rows = await repository.bucketsOfActors(
      db,
      filter,
      unit,
      leaders.map((a) => a.id),
    );
    return { groups: leaders.map(actorGroup), rows, total };
  }
  const leaders = await repository.topWindowActors(db, filter, ACTOR_ROWS);
  const rows = await repository.bucketsByActor(
    db,
    filter,
    unit,
    leaders.map((a) => a.id),
  );
  const groups = leaders.map(actorGroup);
  if (rows.some((row) => row.key === 'other')) groups.push(OTHER_GROUP);
  return { groups, rows, total };
}
