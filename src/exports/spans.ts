import { atPrecision, lastDay } from '../domain/calendar';
import type { ExportEvent } from './exports.schemas';

/** An event's dates written no more precisely than they are known: 2025-09 for "September 2025". */
export function partialSpan(event: ExportEvent): { start: string; end: string | null } {
  const { start, end, precision } = event.date;
  return { start: atPrecision(start, precision), end: end === null ? null : atPrecision(end, precision) };
}

/** The days an event may cover: from its first day to the last day its end (or its start) allows. */
export function daySpan(event: ExportEvent): { first: string; last: string } {
  const { start, end } = partialSpan(event);
  return { first: event.date.start, last: lastDay(end ?? start) };
}

/** The day a record was last told of: its latest article's publication day. */
export function reportedOn(event: ExportEvent): string {
  return (
    event.sources
      .map(({ article }) => article.publishedAt)
      .sort()
      .at(-1) ?? event.date.start
  );
}
