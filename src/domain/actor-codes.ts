import countries from 'world-countries';
import { z } from 'zod';

/**
 * Standard actor codes. Countries are ISO 3166-1 codes from the `world-countries` package (the officially
 * assigned ones: a user-assigned code such as Kosovo's XKX is no ISO code). A CAMEO-style actor code is the
 * country's alpha-3 code followed by the actor's sector (CAMEO manual, chapter "Actor codes"): BLR for
 * Belarus, BLRGOV for its government and its president, BLROPP for its opposition; an international body
 * with no country is its sector alone (IGO).
 */
export const SECTORS = ['GOV', 'MIL', 'OPP', 'REB', 'NGO', 'IGO', 'BUS', 'MED', 'JUD', 'LEG', 'CVL', 'HRI', 'EDU', 'REL', 'SPY', 'COP'] as const;
export const Sector = z.enum(SECTORS);
export type Sector = z.infer<typeof Sector>;

export interface Country {
  alpha3: string;
  alpha2: string;
  name: string;
}

const ISO = countries.filter((country) => country.status === 'officially-assigned');
const BY_ALPHA3 = new Map<string, Country>(ISO.map((c) => [c.cca3, { alpha3: c.cca3, alpha2: c.cca2, name: c.name.common }]));

/** Every name a country goes by in English (common, official, alternative spellings), lower-cased. */
const BY_NAME = new Map<string, Country>();
for (const c of ISO) {
  const country = BY_ALPHA3.get(c.cca3) as Country;
  for (const name of [c.name.common, c.name.official, ...c.altSpellings]) {
    const key = name.toLowerCase();
    if (!BY_NAME.has(key)) BY_NAME.set(key, country);
  }
}

export function countryByAlpha3(alpha3: string): Country | undefined {
  return BY_ALPHA3.get(alpha3);
}

/** The country a state's name or aliases name ("Russia", "United States", "Republic of Belarus"), if any. */
export function countryByName(...names: readonly string[]): Country | undefined {
  for (const name of names) {
    const country = BY_NAME.get(name.trim().toLowerCase());
    if (country) return country;
  }
  return undefined;
}

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 3166-1 alpha-3 code in capitals (BLR)' })
  .refine((code) => BY_ALPHA3.has(code), { message: 'is not an ISO 3166-1 alpha-3 country code' });

/** A CAMEO-style actor code: three-letter parts, a country and/or sectors (BLR, BLRGOV, USAMIL, IGO). */
export const ActorCode = z.string().regex(/^(?:[A-Z]{3}){1,4}$/, { message: 'must be three-letter CAMEO parts in capitals (BLRGOV)' });

/** A Wikidata item id: Q and digits. */
export const WikidataId = z.string().regex(/^Q[1-9][0-9]*$/, { message: 'must be a Wikidata item id (Q184)' });

/**
 * Country plus sector. A state is its country alone; any other actor needs its sector (a Belarusian company
 * without one is not "BLR", which would make it the state); an international body may have no country (IGO).
 */
export function cameoActorCode(kind: string, country: string | null, sector: string | null): string | null {
  if (sector === null) return kind === 'state' ? country : null;
  return `${country ?? ''}${sector}`;
}

/** What an actor's codes settle to: a state's country found by its name, the code made from country and sector. */
export type ActorCodes = {
  country: string | null;
  countryAlpha2: string | null;
  sector: Sector | null;
  code: string | null;
  wikidata: string | null;
};

export function settleActorCodes(actor: {
  kind: string;
  name: string;
  aliases?: readonly string[];
  country?: string | null;
  sector?: Sector | null;
  code?: string | null;
  wikidata?: string | null;
}): ActorCodes {
  const country =
    (actor.country ? countryByAlpha3(actor.country) : undefined) ?? (actor.kind === 'state' ? countryByName(actor.name, ...(actor.aliases ?? [])) : undefined);
  const sector = actor.sector ?? null;
  return {
    country: country?.alpha3 ?? null,
    countryAlpha2: country?.alpha2 ?? null,
    sector,
    code: actor.code ?? cameoActorCode(actor.kind, country?.alpha3 ?? null, sector),
    wikidata: actor.wikidata ?? null,
  };
}
