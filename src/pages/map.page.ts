import type { Request, Response } from 'express';
import { z } from 'zod';
import { listActorNames } from '../actors/actors.service';
import type { Db } from '../db/query';
import { IsoDate } from '../domain/dates';
import { TYPE_GROUPS, TYPE_OPTIONS } from '../domain/labels';
import { EventType, Slug } from '../domain/model';
import { mapClusters } from '../places/places.service';
import { getStats } from '../stats/stats.service';
import { blankAsUndefined } from './page-params';

/** The filters of the map and the trends, as the address and the form give them (blank fields mean none). */
export const ViewFiltersQuery = z.object({
  actor: blankAsUndefined(Slug),
  type: blankAsUndefined(EventType),
  from: blankAsUndefined(IsoDate),
  to: blankAsUndefined(IsoDate),
});
export type ViewFilters = z.infer<typeof ViewFiltersQuery>;

export const MapPageQuery = ViewFiltersQuery.extend({ shade: blankAsUndefined(z.literal('countries')) });

/** The first and last day the knowledge base's events cover: the date brush's range. */
export async function eventSpan(db: Db): Promise<{ first: string; last: string }> {
  const { span } = await getStats(db, 1);
  const today = new Date().toISOString().slice(0, 10);
  return span ?? { first: today, last: today };
}

/** The form's values: every filter as text, blank when unset. */
export const filterValues = (q: ViewFilters) => ({ actor: q.actor ?? '', type: q.type ?? '', from: q.from ?? '', to: q.to ?? '' });

export function mapPage(db: Db) {
  return async (req: Request, res: Response) => {
    const query = MapPageQuery.parse(req.query);
    const [actors, span, map] = await Promise.all([
      listActorNames(db, 1000),
      eventSpan(db),
      // The countries are listed under the map too: what the map shows, readable without the script.
      mapClusters(db, { zoom: 0, actor: query.actor, type: query.type, from: query.from, to: query.to }),
    ]);
    const filters = filterValues(query);
    res.render('pages/map/index', {
      title: 'Map',
      nav: 'map',
      scripts: ['/js/map.js'],
      filters,
      shade: query.shade === 'countries',
      activeFilters: [query.actor, query.type, query.from, query.to].filter(Boolean).length,
      actors,
      types: TYPE_OPTIONS,
      typeGroups: TYPE_GROUPS,
      span,
      total: map.total,
      countries: map.countries,
    });
  };
}
