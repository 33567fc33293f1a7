import { prng } from '../corpus/generate';
import { addDays } from '../domain/calendar';
import { EVENT_TYPES } from '../domain/taxonomy';

/**
 * The hot read routes the query and HTTP benchmarks request, with their parameters. Actors are chosen
 * across the whole skew: ten by rank of activity (1st, 2nd, 5th, 10th, 30th, 100th, 300th, 1000th, 2000th
 * and the least active), so one request in ten asks about the busiest actor of the corpus.
 */

export const ACTOR_RANKS = [1, 2, 5, 10, 30, 100, 300, 1000, 2000];
export interface Route {
  name: string;
  paths: string[];
}

/** The p95 each route must keep at a million events: paths may search the whole graph; the rest read a few rows. */
export const P95_TARGET_MS = (route: string) => (route.startsWith('connections') ? 100 : 50);
/** The API's own time over the driver's at p50 may be this ratio, or this many milliseconds, whichever is larger. */
export const OVERHEAD_RATIO = 1.3;
export const OVERHEAD_FLOOR_MS = 3;

export function buildRoutes(actors: Array<{ id: string; name: string }>, count: number, seed: number): Route[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const times = (make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));
  const actor = (i: number) => (actors[i % actors.length] as { id: string }).id;
  // A word of an actor's name, as a person would type it to find its events ("Kalori", not "Republic").
  const nameWord = (i: number) => {
    const words = (actors[i % actors.length] as { name: string }).name.split(' ');
    return words.find((w) => /^[A-Z][a-z]{3,}$/.test(w) && !['Republic', 'Council', 'Movement', 'Corporation'].includes(w)) ?? words[0]!;
  };
  const windowStart = () => addDays(`${1991 + Math.floor(random() * 35)}-01-01`, Math.floor(random() * 330));
  return [
    {
      name: 'timeline-30d',
      paths: times(() => {
        const from = windowStart();
        return `/api/timeline?from=${from}&to=${addDays(from, 29)}`;
      }),
    },
    {
      name: 'timeline-1y',
      paths: times(() => {
        const year = 1991 + Math.floor(random() * 35);
        return `/api/timeline?from=${year}-01-01&to=${year}-12-31`;
      }),
    },
    { name: 'who-did-what-actor', paths: times((i) => `/api/who-did-what?actor=${actor(i)}`) },
    { name: 'who-did-what-actor-type', paths: times((i) => `/api/who-did-what?actor=${actor(i)}&action=${pick(EVENT_TYPES)}`) },
    { name: 'actor-events', paths: times((i) => `/api/events?actor=${actor(i)}&limit=50`) },
    { name: 'actor-profile', paths: times((i) => `/api/actors/${actor(i)}`) },
    { name: 'actor-relationships', paths: times((i) => `/api/actors/${actor(i)}/relationships`) },
    { name: 'graph-neighbourhood', paths: times((i) => `/api/graph?actor=${actor(i)}`) },
    { name: 'search-events', paths: times((i) => `/api/events?q=${encodeURIComponent(nameWord(i))}&limit=50`) },
    { name: 'search-actors', paths: times((i) => `/api/actors?q=${encodeURIComponent(nameWord(i))}&limit=30`) },
    // A busy actor and a quiet one (five ranks apart), so that paths take more than one step.
    ...(['both', 'events', 'roles'] as const).map((via) => ({
      name: `connections-${via}`,
      paths: times((i) => `/api/connections?from=${actor(i)}&to=${actor(i + 5)}&via=${via}`),
    })),
    { name: 'dyad', paths: times((i) => `/api/dyads/${actor(i)}/${actor(i + 1)}`) },
    { name: 'sanctions-on-day', paths: times(() => `/api/sanctions?on=${windowStart()}`) },
    { name: 'sanctions-on-day-target', paths: times((i) => `/api/sanctions?on=${windowStart()}&target=${actor(i)}`) },
    // Last, so that the routes above keep the parameters they were measured with.
    // The map's clusters (whole span or a year, some for one type or actor) and a cluster's events; the trends' series.
    { name: 'map-world', paths: times((i) => (i % 2 === 0 ? '/api/map' : `/api/map?zoom=2&type=${pick(EVENT_TYPES)}`)) },
    {
      name: 'map-year',
      paths: times((i) => {
        const year = 1991 + Math.floor(random() * 35);
        return `/api/map?zoom=${i % 4}&from=${year}-01-01&to=${year}-12-31${i % 3 === 0 ? `&actor=${actor(i)}` : ''}`;
      }),
    },
    { name: 'map-cluster-events', paths: times(() => '/api/map/events?south=40&west=20&north=60&east=40&limit=20') },
    { name: 'series-type-month', paths: times((i) => `/api/stats/series?by=type&interval=month${i % 2 === 0 ? '' : `&actor=${actor(i)}`}`) },
    { name: 'series-actor-year', paths: times(() => `/api/stats/series?by=actor&interval=year&type=${pick(EVENT_TYPES)}`) },
    { name: 'series-country-year', paths: times(() => '/api/stats/series?by=country&interval=year') },
  ];
}

export function benchActors<T>(ranked: readonly T[]): T[] {
  return [...ACTOR_RANKS.filter((rank) => rank <= ranked.length).map((rank) => ranked[rank - 1] as T), ranked[ranked.length - 1] as T];
}
