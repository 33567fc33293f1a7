import { countryOfState, resolvePlace } from '../../../src/places/gazetteer';
import { clusterPlaces, countByCountry } from '../../../src/places/clusters';
import type { PlaceCount } from '../../../src/places/places.repository';

describe('the gazetteer', () => {
  test('finds capitals, large cities and countries by their names, accents and case aside', () => {
    expect(resolvePlace('Minsk')).toMatchObject({ kind: 'city', country: 'BY', name: 'Minsk' });
    expect(resolvePlace('bogota')).toMatchObject({ kind: 'city', country: 'CO' });
    expect(resolvePlace('Republic of Belarus')).toMatchObject({ id: 'country:BY', countryNumeric: '112' });
    expect(resolvePlace('the United States')).toMatchObject({ id: 'country:US' });
    expect(resolvePlace('Geneva')).toMatchObject({ kind: 'city', country: 'CH' });
  });

  test("a country's name wins over a city's; a city named with its country is that country's", () => {
    expect(resolvePlace('Mexico')?.id).toBe('country:MX');
    expect(resolvePlace('Mexico City')).toMatchObject({ kind: 'city', country: 'MX' });
    expect(resolvePlace('Paris')?.country).toBe('FR');
    expect(resolvePlace('Minsk, Belarus')?.name).toBe('Minsk');
  });

  test('what it does not know is undefined; a state is found by its name or an alias', () => {
    expect(resolvePlace('Castle Borvane')).toBeUndefined();
    expect(resolvePlace('   ')).toBeUndefined();
    expect(countryOfState('Republic of Kalori 3', ['Belarus'])?.id).toBe('country:BY');
    expect(countryOfState('Viasna', [])).toBeUndefined();
  });
});

const at = (name: string, lat: number, lon: number, country: string, types: Record<string, number>): PlaceCount => ({
  place: { id: name, name, kind: 'city', country, countryName: country, countryNumeric: '000', lat, lon },
  types,
  count: Object.values(types).reduce((a, b) => a + b, 0),
});

describe('clusters', () => {
  const places = [
    at('Minsk', 53.9, 27.57, 'BY', { talks: 3 }),
    at('Vilnius', 54.69, 25.28, 'LT', { talks: 1, pardon: 2 }),
    at('Lima', -12, -77, 'PE', { statement: 1 }),
  ];

  test('near places share a cell at the world view and part when zoomed in; counts and types add up', () => {
    const world = clusterPlaces(places, 0);
    expect(world.map((c) => [c.places.map((p) => p.name), c.count, c.types])).toEqual([
      [['Minsk', 'Vilnius'], 6, { talks: 4, pardon: 2 }],
      [['Lima'], 1, { statement: 1 }],
    ]);
    expect(world[0]!.lat).toBeCloseTo((53.9 * 3 + 54.69 * 3) / 6, 5);
    expect(clusterPlaces(places, 6).map((c) => c.places[0]!.name)).toEqual(['Minsk', 'Vilnius', 'Lima']);
    const { south, north, west, east } = world[0]!.bounds;
    expect([south, north, west, east]).toEqual([50, 70, 20, 40]);
  });

  test('countries add up their places, busiest first', () => {
    expect(countByCountry(places).map((c) => [c.country, c.count])).toEqual([
      ['BY', 3],
      ['LT', 3],
      ['PE', 1],
    ]);
  });
});
