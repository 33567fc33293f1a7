import type { Request, Response } from 'express';
import { listActorNames } from '../actors/actors.service';
import type { Db } from '../db/query';
import { TYPE_GROUPS, TYPE_OPTIONS } from '../domain/labels';
import { getSeries } from '../stats/stats.service';
import { eventSpan, filterValues, ViewFiltersQuery } from './map.page';

/** Months when the events span up to this many years, else years: a chart of a few hundred bars at most. */
const MONTHLY_UP_TO_YEARS = 30;

export function trendsPage(db: Db) {
  return async (req: Request, res: Response) => {
    const query = ViewFiltersQuery.parse(req.query);
    const span = await eventSpan(db);
    const first = query.from ?? span.first;
    const last = query.to ?? span.last;
    const interval = Number(last.slice(0, 4)) - Number(first.slice(0, 4)) <= MONTHLY_UP_TO_YEARS ? 'month' : 'year';
    const filters = { actor: query.actor, type: query.type, from: query.from, to: query.to };
    const [actors, countries] = await Promise.all([
      listActorNames(db, 1000),
      // The country × type table is drawn by the server: readable without the script, and the script only adds charts.
      getSeries(db, { by: 'country', interval, top: 12, ...filters }),
    ]);
    const typesSeen = TYPE_OPTIONS.filter((t) => countries.table.some((row) => (row.types[t.id] ?? 0) > 0));
    res.render('pages/trends/index', {
      title: 'Trends',
      nav: 'map',
      scripts: ['/js/trends.js'],
      filters: filterValues(query),
      activeFilters: [query.actor, query.type, query.from, query.to].filter(Boolean).length,
      actors,
      types: TYPE_OPTIONS,
      typeGroups: TYPE_GROUPS,
      interval,
      table: { types: typesSeen, rows: countries.table.map((row) => ({ ...row, cells: typesSeen.map((t) => row.types[t.id] ?? 0) })) },
    });
  };
}
