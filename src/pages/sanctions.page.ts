import type { Request, Response } from 'express';
import { z } from 'zod';
import { listActorNames } from '../actors/actors.service';
import type { Db } from '../db/query';
import { addYears, daysBetween, toDay } from '../domain/calendar';
import { IsoDate } from '../domain/dates';
import { Slug } from '../domain/model';
import { CHANGE_LABELS, sayKnownDate, sayPeriod, sayWhat } from '../domain/sanctions-words';
import type { ChangeView, InForceMeasure, MeasureView } from '../sanctions/sanctions.schemas';
import { allMeasures, measuresInForce } from '../sanctions/sanctions.service';
import { VIS_TIMELINE_SCRIPTS, VIS_TIMELINE_STYLES } from './assets';
import { blankAsUndefined } from './page-params';

export const SanctionsPageQuery = z.object({
  target: blankAsUndefined(Slug),
  authority: blankAsUndefined(Slug),
  on: blankAsUndefined(IsoDate),
});

/** Measures drawn on the chart at most (the API's cap), and listed as in force on the day. */
const MEASURES_SHOWN = 2000;
const IN_FORCE_SHOWN = 500;

/**
 * The days the chart and the slider cover: every known start and end, the day asked about and today, with a
 * year on each side (room for the starts nobody knows and for what is still in force). The slider counts days.
 */
export function chartSpan(measures: MeasureView[], on: string, today: string) {
  const days = measures.flatMap((m) => [m, ...m.exemptions]).flatMap((m) => [m.start?.date, m.end?.date]);
  const known = [...days.filter((d): d is string => d !== undefined), on, today].sort();
  const from = addYears(known[0] as string, -1);
  const to = addYears(known[known.length - 1] as string, 1);
  return { from, to, days: daysBetween(from, to), onDay: daysBetween(from, on) };
}

const changeWords = (c: ChangeView) => ({ label: CHANGE_LABELS[c.kind], dateText: sayKnownDate(c.date), event: c.event });

function inForceWords(m: InForceMeasure) {
  return {
    id: m.id,
    authority: m.authority,
    target: m.target,
    scope: m.scope,
    what: sayWhat(m.target, m.scope),
    period: sayPeriod(m.start, m.end),
    certain: m.certain,
    instrument: m.instrument,
    exemptions: m.exemptions.map((x) => ({ scope: x.scope, period: sayPeriod(x.start, x.end) })),
    changes: m.changes.map(changeWords),
  };
}

export function sanctionsPage(db: Db) {
  return async (req: Request, res: Response) => {
    const query = SanctionsPageQuery.parse(req.query);
    const today = toDay(new Date());
    const on = query.on ?? today;
    const filter = { target: query.target, authority: query.authority };
    const [measures, inForce, actors] = await Promise.all([
      allMeasures(db, { ...filter, limit: MEASURES_SHOWN }),
      measuresInForce(db, { ...filter, on, limit: IN_FORCE_SHOWN }),
      listActorNames(db, 1000),
    ]);
    const filters = { target: query.target ?? '', authority: query.authority ?? '' };
    res.render('pages/sanctions/index', {
      title: 'Sanctions',
      nav: 'sanctions',
      styles: VIS_TIMELINE_STYLES,
      scripts: [...VIS_TIMELINE_SCRIPTS, '/js/sanctions.js'],
      filters,
      activeFilters: [query.target, query.authority].filter(Boolean).length,
      actors,
      on,
      onText: sayKnownDate({ date: on, precision: 'day' }),
      span: chartSpan(measures.items, on, today),
      measureCount: measures.items.length,
      measuresCapped: measures.capped,
      inForce: inForce.items.map(inForceWords),
      inForceCapped: inForce.capped,
      measures: measures.items.map((m) => ({ id: m.id, authority: m.authority, what: sayWhat(m.target, m.scope), period: sayPeriod(m.start, m.end) })),
    });
  };
}
