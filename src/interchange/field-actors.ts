import { createHash } from 'node:crypto';
import { ActorCode, type Country, countryByAlpha3, countryByName, SECTORS, type Sector } from '../domain/actor-codes';
import type { Actor, ActorKind } from '../domain/model';
import { slugify } from '../ingest/extract/gazetteer';
import type { FieldSide } from './field-record';

/** An actor the database holds, as much as matching a dataset's actors needs. */
export interface KnownActor {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
  country: string | null;
}

/** What a dataset's side of an event resolved to: a known actor, one this import defines, or nobody. */
export type ResolvedSide = { id: string; created?: Actor } | null;

export const nameKey = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** A short, stable suffix: the same text always gives the same id. */
export const digest = (text: string, length = 10): string => createHash('sha256').update(text).digest('hex').slice(0, length);

/** An id from a name; names with no Latin letters or digits (Cyrillic, Arabic) get one from their digest. */
export function slugOf(text: string, prefix: string): string {
  const slug = slugify(text).slice(0, 150).replace(/-+$/, '');
  return slug === '' ? `${prefix}-${digest(text)}` : slug;
}

const GOVERNMENT_SECTORS: readonly string[] = ['GOV', 'MIL', 'JUD', 'LEG', 'COP', 'SPY'];

function kindOf(sector: Sector | undefined): ActorKind {
  if (sector === undefined) return 'group';
  if (GOVERNMENT_SECTORS.includes(sector)) return 'government_body';
  if (sector === 'IGO' || sector === 'NGO') return 'organization';
  if (sector === 'BUS') return 'company';
  return 'group';
}

const asSector = (value: string | null | undefined): Sector | undefined =>
  value && (SECTORS as readonly string[]).includes(value) ? (value as Sector) : undefined;

/**
 * Matches a dataset's actors to the knowledge base's: by name or alias (case aside), then a bare country code
 * (GDELT's `BLR`, or a POLECAT actor with a country and no name) to the state of that ISO 3166-1 code. Codes with a
 * sector (BLRGOV) are not matched to a known actor by code alone: several actors share one (a president and
 * his government). Anyone else becomes a new actor, defined once however many rows name it.
 */
export class ActorMatcher {
  private readonly byName = new Map<string, string>();
  private readonly stateByCountry = new Map<string, string>();
  private readonly takenIds = new Set<string>();
  readonly created = new Map<string, Actor>();

  constructor(known: readonly KnownActor[]) {
    for (const actor of known) {
      this.takenIds.add(actor.id);
      for (const name of [actor.name, ...actor.aliases]) if (!this.byName.has(nameKey(name))) this.byName.set(nameKey(name), actor.id);
      if (actor.kind === 'state' && actor.country && !this.stateByCountry.has(actor.country)) this.stateByCountry.set(actor.country, actor.id);
    }
  }

  resolve(side: FieldSide): ResolvedSide {
    const countryCode = bareCountry(side);
    const byName = side.name === null ? undefined : this.byName.get(nameKey(side.name));
    if (byName) return this.found(byName);
    if (countryCode) {
      const state = this.stateByCountry.get(countryCode);
      if (state) return this.found(state);
      const country = countryByAlpha3(countryCode) as Country;
      const alias = side.name !== null && countryByName(side.name)?.alpha3 === countryCode ? [side.name] : [];
      return this.define({ name: country.name, kind: 'state', country: country.alpha3 }, alias);
    }
    if (side.name === null) return null;
    const code = side.code !== null && ActorCode.safeParse(side.code).success ? side.code : undefined;
    const country = [side.country, side.code?.slice(0, 3)].map((c) => (c ? countryByAlpha3(c) : undefined)).find(Boolean);
    const sector = asSector(side.sector) ?? asSector(country && side.code ? side.code.slice(3, 6) : side.code?.slice(0, 3));
    return this.define({ name: side.name, kind: kindOf(sector), country: country?.alpha3, sector, code }, []);
  }

  private found(id: string): ResolvedSide {
    return { id, created: this.created.get(id) };
  }

  /** A new actor, under an id no known actor has; its other names (GDELT's "BELARUS" for Belarus) become aliases. */
  private define(fields: Pick<Actor, 'name' | 'kind'> & Partial<Pick<Actor, 'country' | 'sector' | 'code'>>, otherNames: string[]): ResolvedSide {
    let id = slugOf(fields.name, 'actor');
    if (this.takenIds.has(id)) id = `${id.slice(0, 180)}-${digest(fields.name)}`;
    const aliases = [...new Set(otherNames.map((n) => n.trim()).filter((n) => n !== '' && nameKey(n) !== nameKey(fields.name)))];
    const actor: Actor = {
      id,
      name: fields.name,
      kind: fields.kind,
      aliases,
      ...(fields.country ? { country: fields.country } : {}),
      ...(fields.sector ? { sector: fields.sector } : {}),
      ...(fields.code && fields.code !== fields.country ? { code: fields.code } : {}),
    };
    this.takenIds.add(id);
    this.created.set(id, actor);
    for (const name of [actor.name, ...aliases]) this.byName.set(nameKey(name), id);
    if (actor.kind === 'state' && actor.country) this.stateByCountry.set(actor.country, id);
    return { id, created: actor };
  }
}

/** The ISO 3166-1 code a side names as a whole state: an actor code that is a country alone, or a country and nothing else. */
function bareCountry(side: FieldSide): string | undefined {
  if (side.code !== null) return /^[A-Z]{3}$/.test(side.code) && countryByAlpha3(side.code) ? side.code : undefined;
  if (side.sector !== null || side.country === null || !countryByAlpha3(side.country)) return undefined;
  // a country and no name, or the country's own name ("Belarus", "Republic of Belarus")
  return side.name === null || countryByName(side.name)?.alpha3 === side.country ? side.country : undefined;
}
