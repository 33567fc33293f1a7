import { requireActor } from '../actors/actors.service';
import { cursorKeys } from '../db/keyset';
import type { Db } from '../db/query';
import { addYears, toDay } from '../domain/calendar';
import { pageFrom } from '../domain/cursor';
import { InvalidError } from '../domain/errors';
import { inForceOn } from '../domain/sanctions';
import { CHANGE_ORDER, listChanges, listMeasures, MEASURE_ORDER, type MeasureFilter, type StoredExemption, type StoredMeasure } from './sanctions.repository';
import type { ChangesAnswer, ChangesQuery, ExemptionView, InForceAnswer, InForceQuery, MeasuresAnswer, MeasuresQuery, MeasureView } from './sanctions.schemas';

type Named = { target?: string; authority?: string };

const filterOf = (query: Named): MeasureFilter => ({ target: query.target ?? null, authority: query.authority ?? null });

/**
 * Reads `rows` beside the checks of the actors the question names, each refused when unknown (404): an unknown
 * actor has no measures, so the read need not wait for the checks.
 */
async function checked<T>(db: Db, query: Named, rows: Promise<T>): Promise<T> {
  const names = [query.target, query.authority].filter((id): id is string => Boolean(id));
  const [found] = await Promise.all([rows, ...names.map((id) => requireActor(db, id))]);
  return found;
}

const withStartKnown = <T extends { start: unknown }>(period: T) => ({ ...period, startKnown: period.start !== null });

const exemptionView = (x: StoredExemption): ExemptionView => withStartKnown(x);

const measureView = (m: StoredMeasure, exemptions: StoredExemption[] = m.exemptions): MeasureView => ({
  ...withStartKnown(m),
  exemptions: exemptions.map(exemptionView),
});

/** A page of the measures in force on a day (today when none is given), each with the exemptions in force that day. */
export async function measuresInForce(db: Db, query: InForceQuery): Promise<InForceAnswer> {
  const after = cursorKeys(MEASURE_ORDER, query.cursor);
  const on = query.on ?? toDay(new Date());
  const rows = await checked(db, query, listMeasures(db, filterOf(query), on, query.limit + 1, after));
  const viewed = rows.map(({ item: m, keys }) => ({
    item: {
      ...measureView(
        m,
        m.exemptions.filter((x) => inForceOn(x, on).inForce),
      ),
      certain: inForceOn(m, on).certain,
    },
    keys,
  }));
  const page = pageFrom(viewed, query.limit, MEASURE_ORDER.codec);
  return { on, ...page, capped: page.nextCursor !== null };
}

/** A page of every measure (in force or not) with all its exemptions, for the page's chart. */
export async function allMeasures(db: Db, query: MeasuresQuery): Promise<MeasuresAnswer> {
  const after = cursorKeys(MEASURE_ORDER, query.cursor);
  const rows = await checked(db, query, listMeasures(db, filterOf(query), null, query.limit + 1, after));
  const page = pageFrom(
    rows.map(({ item, keys }) => ({ item: measureView(item), keys })),
    query.limit,
    MEASURE_ORDER.codec,
  );
  return { ...page, capped: page.nextCursor !== null };
}

/** The window a question names, completed: a year back from `to` (today), or a year on from `from` alone. */
function windowOf(query: ChangesQuery): { from: string; to: string } {
  const to = query.to ?? (query.from ? addYears(query.from, 1) : toDay(new Date()));
  const from = query.from ?? addYears(to, -1);
  if (from > to) throw new InvalidError('to', `must be on or after from (${from})`);
  return { from, to };
}

/** A page of the measures imposed, re-imposed, extended, eased or lifted in a window, each change with the events linked to it. */
export async function measureChanges(db: Db, query: ChangesQuery): Promise<ChangesAnswer> {
  const after = cursorKeys(CHANGE_ORDER, query.cursor);
  const window = windowOf(query);
  const rows = await checked(db, query, listChanges(db, { ...filterOf(query), ...window }, query.limit + 1, after));
  const viewed = rows.map(({ item, keys }) => ({ item: { ...item, measure: withStartKnown(item.measure) }, keys }));
  const page = pageFrom(viewed, query.limit, CHANGE_ORDER.codec);
  return { ...window, ...page, capped: page.nextCursor !== null };
}
