import { atPrecision } from './calendar';
import { formatPartialDate } from './date-words';
import type { ChangeKind, KnownDate } from './sanctions';

/**
 * Sanctions measures in words, one set for the page and its script: what changed, and a measure's period as
 * precisely as it is known ("start unknown – September 2025", "10 March 2020 – still in force").
 */

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  imposed: 'Imposed',
  reimposed: 'Re-imposed',
  extended: 'Extended',
  eased: 'Eased',
  lifted: 'Lifted',
};

export const START_UNKNOWN = 'start unknown';
export const STILL_IN_FORCE = 'still in force';

/** A start or end as precisely as it is known: "12 December 2025", "September 2025". */
export const sayKnownDate = (known: KnownDate) => formatPartialDate(atPrecision(known.date, known.precision));

export function sayPeriod(start: KnownDate | null, end: KnownDate | null): string {
  return `${start ? sayKnownDate(start) : START_UNKNOWN} – ${end ? sayKnownDate(end) : STILL_IN_FORCE}`;
}

interface Named {
  name: string;
}

/** Who is sanctioned, and on what: "Belarus: Belarusian potash", or "Belarus" for the whole target. */
export const sayWhat = (target: Named, scope: Named | null) => (scope ? `${target.name}: ${scope.name}` : target.name);
