import type { Db } from '../../src/db/query';
import { read } from '../../src/db/query';
import { MapAnswer, MapEventPage, Resolution, UnresolvedPage } from '../../src/places/places.schemas';
import { eventsLocated } from '../../src/migrations/steps/005-events-located';
import { SeriesAnswer } from '../../src/stats/series.schemas';
import { loadFacts } from '../helpers/browse-fixtures';
import { getError, getOk, startTestApp, type RunningApp, useSeededApp } from '../helpers/test-app';

/** Places, the map's aggregation and the trends' series, through the API over the seed. */
let db: Db;
let app: RunningApp;

useSeededApp((suite) => ({ db, app } = suite));

const placesOf = async (id: string) =>
  (
    await read<{ place: string; via: string }>(db, 'MATCH (:Event {id: $id})-[l:LOCATED_AT]->(p:Place) RETURN p.name AS place, l.via AS via ORDER BY place', {
      id,
    })
  ).map((row) => `${row.place} (${row.via})`);

describe('places of the seed', () => {
  test('the talks are located at Minsk; events without a city at the countries of their states', async () => {
    expect(await placesOf('talks-minsk-2025-12')).toEqual(['Minsk (place)']);
    expect(await placesOf('election-belarus-2020')).toEqual(['Belarus (place)']);
    expect(await placesOf('nomination-coale-envoy-belarus')).toEqual(['United States (state)']);
    expect(await placesOf('military-support-russia-invasion-ukraine')).toEqual(['Belarus (state)', 'Russia (state)', 'Ukraine (state)']);
    // Events of people and groups alone (no state, no place) are not on the map.
    expect(await placesOf('statement-tsikhanouskaya-100-freed')).toEqual([]);
  });

  test('the gazetteer resolves cities, countries and "city, country"; an unknown place is null', async () => {
    const minsk = await getOk(app, '/api/places/resolve?q=Minsk,%20Belarus', Resolution);
    expect(minsk.place).toMatchObject({ name: 'Minsk', kind: 'city', country: 'BY', countryNumeric: '112' });
    expect(minsk.place?.lat).toBeCloseTo(53.9, 1);
    expect((await getOk(app, '/api/places/resolve?q=republic%20of%20belarus', Resolution)).place?.id).toBe('country:BY');
    expect((await getOk(app, '/api/places/resolve?q=Castle%20Borvane', Resolution)).place).toBeNull();
  });
});

describe('the map', () => {
  test('the world view clusters the seed at Minsk and Belarus, the United States, Ukraine and Russia, with counts per type', async () => {
    const map = await getOk(app, '/api/map', MapAnswer);
    const byPlace = Object.fromEntries(map.clusters.map((c) => [c.places.map((p) => `${p.name} ${p.count}`).join(', '), c.count]));
    // At zoom 0 (cells of 20°) Minsk and the centre of Belarus share a cell: five events in Minsk, five in Belarus without a city.
    expect(byPlace).toEqual({ 'Belarus 5, Minsk 5': 10, 'United States 2': 2, 'Ukraine 1': 1, 'Russia 1': 1 });
    expect(map.clusters[0]?.types.talks).toBe(2);
    expect(map.total).toBe(14);
    const countries = Object.fromEntries(map.countries.map((c) => [c.country, c.count]));
    expect(countries).toEqual({ BY: 10, US: 2, UA: 1, RU: 1 });
    expect(map.countries.find((c) => c.country === 'BY')?.countryNumeric).toBe('112');
  });

  test('zooming in parts Minsk from the centre of Belarus; the filters narrow the counts', async () => {
    const near = await getOk(app, '/api/map?zoom=6', MapAnswer);
    expect(near.clusters.find((c) => c.places[0]?.name === 'Minsk')?.count).toBe(5);
    const talks = await getOk(app, '/api/map?type=talks', MapAnswer);
    expect(talks.total).toBe(2);
    const september = await getOk(app, '/api/map?from=2025-09-01&to=2025-09-30', MapAnswer);
    expect(september.countries.map((c) => [c.country, c.count])).toEqual([
      ['BY', 3],
      ['US', 1],
    ]);
    const unitedStates = await getOk(app, '/api/map?actor=united-states&zoom=3', MapAnswer);
    expect(unitedStates.countries.map((c) => [c.country, c.count])).toEqual([
      ['BY', 5],
      ['US', 2],
    ]);
  });

  test("a cluster's events are listed latest first, a page at a time", async () => {
    const map = await getOk(app, '/api/map?zoom=6', MapAnswer);
    const minsk = map.clusters.find((c) => c.places[0]?.name === 'Minsk')!;
    const { south, west, north, east } = minsk.bounds;
    const first = await getOk(app, `/api/map/events?south=${south}&west=${west}&north=${north}&east=${east}&limit=4`, MapEventPage);
    expect(first.items.map((e) => e.id)).toEqual([
      'pardon-123-prisoners-2025-12',
      'sanctions-lifted-potash-2025-12',
      'talks-minsk-2025-12',
      'intent-normalise-relations',
    ]);
    expect(first.items[0]?.places).toEqual(['Minsk']);
    const second = await getOk(app, `/api/map/events?south=${south}&west=${west}&north=${north}&east=${east}&limit=4&cursor=${first.nextCursor}`, MapEventPage);
    expect(second.items.map((e) => e.id)).toEqual(['talks-minsk-2025-09']);
    expect(second.nextCursor).toBeNull();
  });

  test('bad parameters are 400 naming the field; an unknown actor 404', async () => {
    expect((await getError(app, '/api/map?zoom=9')).body.details?.[0]?.path).toBe('zoom');
    expect((await getError(app, '/api/map/events?south=10&north=5&west=0&east=1')).body.details?.[0]?.path).toBe('north');
    expect((await getError(app, '/api/map?actor=nobody-at-all')).status).toBe(404);
  });
});

describe('unresolved places', () => {
  test('a place the gazetteer does not know stays text, is drawn at its states, and is listed for signed-in users only', async () => {
    await loadFacts(db, {
      article: { id: 'castle-talks', title: 'Talks at a castle', publishedAt: '2025-12-20', text: 'Belarus hosted talks at Castle Borvane.' },
      events: [
        {
          id: 'castle-talks-2025',
          type: 'talks',
          title: 'Talks at Castle Borvane',
          date: { start: '2025-12-19' },
          place: 'Castle Borvane',
          participants: [{ actor: 'belarus', role: 'host' }],
          sources: [{ quote: 'Belarus hosted talks at Castle Borvane.' }],
        },
      ],
    });
    expect(await placesOf('castle-talks-2025')).toEqual(['Belarus (state)']);
    expect((await getError(app, '/api/places/unresolved')).status).toBe(401);
    const withToken = await startTestApp(db, { KB_API_TOKEN: 'places-test-token-3f9a1c' });
    try {
      const response = await fetch(`${withToken.baseUrl}/api/places/unresolved`, { headers: { authorization: 'Bearer places-test-token-3f9a1c' } });
      const page = UnresolvedPage.parse(await response.json());
      expect(page.items.map((u) => [u.place, u.event.id])).toEqual([['Castle Borvane', 'castle-talks-2025']]);
    } finally {
      await withToken.close();
    }
  });

  test('events loaded before places existed are located by a migration', async () => {
    await db.driver.executeQuery('MATCH (:Event)-[l:LOCATED_AT]->() DELETE l', {}, { database: db.database });
    expect(await placesOf('talks-minsk-2025-12')).toEqual([]);
    await eventsLocated.run(db, () => {});
    expect(await placesOf('talks-minsk-2025-12')).toEqual(['Minsk (place)']);
    expect(await placesOf('nomination-coale-envoy-belarus')).toEqual(['United States (state)']);
  });
});

// The window ends with the seed's article, before the castle talks loaded above.
describe('series', () => {
  test("by type and month: the seed's months, each counted by type", async () => {
    const series = await getOk(app, '/api/stats/series?by=type&interval=month&from=2025-01-01&to=2025-12-14', SeriesAnswer);
    expect(series.buckets[0]).toBe('2025-09');
    expect(series.buckets.at(-1)).toBe('2025-12');
    const talks = series.series.find((s) => s.key === 'talks')!;
    expect(talks.label).toBe('Talks and visits');
    expect(talks.counts).toEqual([1, 0, 0, 1]);
    expect(series.table).toEqual([]);
  });

  test('by actor: the most active first; by country: the country × type table', async () => {
    const actors = await getOk(app, '/api/stats/series?by=actor&interval=year&top=2&to=2025-12-14', SeriesAnswer);
    expect(actors.series.map((s) => [s.key, s.total])).toEqual([
      ['belarus', 9],
      ['john-coale', 7],
    ]);
    const countries = await getOk(app, '/api/stats/series?by=country&interval=year&to=2025-12-14', SeriesAnswer);
    expect(countries.series[0]).toMatchObject({ key: 'BY', label: 'Belarus' });
    expect(countries.table.find((row) => row.key === 'BY')?.types.talks).toBe(2);
  });

  test('over the whole history, read from the counts per month, the series are those the events give', async () => {
    const everything = 'from=1900-01-01&to=2100-12-31';
    for (const query of [
      'by=type&interval=month',
      'by=type&interval=year',
      'by=type&interval=month&actor=belarus',
      'by=type&interval=month&type=talks',
      'by=actor&interval=month&top=5',
      'by=actor&interval=year&type=pardon',
    ]) {
      const fromCounts = await getOk(app, `/api/stats/series?${query}`, SeriesAnswer);
      const fromEvents = await getOk(app, `/api/stats/series?${query}&${everything}`, SeriesAnswer);
      expect({ query, series: fromCounts.series }).toEqual({ query, series: fromEvents.series });
      expect(fromCounts.series.length).toBeGreaterThan(0);
    }
  });

  test('bad parameters are 400 naming the field', async () => {
    expect((await getError(app, '/api/stats/series?by=mood')).body.details?.[0]?.path).toBe('by');
    expect((await getError(app, '/api/stats/series?interval=week')).body.details?.[0]?.path).toBe('interval');
  });
});

// Last: the events it loads would change the counts the tests above expect.
describe('windows of an actor', () => {
  test("an actor's window holds its events that began before it and last into it, not those that ended before", async () => {
    const event = (id: string, date: { start: string; end?: string }) => ({
      id,
      type: 'talks',
      title: `Talks ${id}`,
      date,
      place: 'Vienna',
      participants: [{ actor: 'span-envoy', role: 'agent' }],
      sources: [{ quote: 'The envoy held talks in Vienna.' }],
    });
    await loadFacts(db, {
      article: { id: 'span-talks', title: 'Long talks', publishedAt: '2024-08-02', text: 'The envoy held talks in Vienna.' },
      actors: [{ id: 'span-envoy', name: 'Span Envoy', kind: 'person' }],
      events: [
        event('span-three-years', { start: '2021-03-01', end: '2024-02-01' }), // longer than a year, into the window
        event('span-a-year', { start: '2023' }), // the whole of 2023: ended before the window
        event('span-ended', { start: '2022-01-10', end: '2022-06-01' }),
        event('span-within', { start: '2024-03-05' }),
        event('span-after', { start: '2024-08-01' }),
      ],
    });
    const window = 'actor=span-envoy&from=2024-01-01&to=2024-06-30';
    expect((await getOk(app, `/api/map?${window}`, MapAnswer)).total).toBe(2);
    const listed = await getOk(app, `/api/map/events?${window}&south=40&west=10&north=55&east=25`, MapEventPage);
    expect(listed.items.map((e) => e.id)).toEqual(['span-within', 'span-three-years']);
    const series = await getOk(app, `/api/stats/series?by=type&interval=year&${window}`, SeriesAnswer);
    expect(series.series.map((s) => [s.key, s.total])).toEqual([['talks', 2]]);
  });
});
