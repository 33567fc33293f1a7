import type { Migration } from './migration';
import { schema } from './steps/001-schema';
import { activitySummaries } from './steps/002-activity-summaries';
import { pairsLatestEvents } from './steps/003-pairs-latest-events';
import { typeCountsPadded } from './steps/004-type-counts-padded';
import { eventsLocated } from './steps/005-events-located';
import { stateCodes } from './steps/006-state-codes';
import { reviewedEventsIndex } from './steps/007-reviewed-events-index';
import { monthCounts } from './steps/008-month-counts';
import { measuresLineOrder } from './steps/009-measures-line-order';
import { participationOrder } from './steps/010-participation-order';
import { eventSpans } from './steps/011-event-spans';
import { placeCounts } from './steps/012-place-counts';
import { affiliationKeys } from './steps/013-affiliation-keys';

/**
 * Every step, in order. A new step is a new file in steps/ (numbered after the last), appended here; a step
 * once released is never changed, only followed by another.
 */
export const MIGRATIONS: readonly Migration[] = [
  schema,
  activitySummaries,
  pairsLatestEvents,
  typeCountsPadded,
  eventsLocated,
  stateCodes,
  reviewedEventsIndex,
  monthCounts,
  measuresLineOrder,
  participationOrder,
  eventSpans,
  placeCounts,
  affiliationKeys,
];

/** The shape this version of the code writes and reads: the id of its last step. */
export const LATEST_MIGRATION = MIGRATIONS.at(-1)?.id ?? 0;
