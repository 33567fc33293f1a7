import { read, write, type Db } from '../../db/query';
import { countryByName } from '../../domain/actor-codes';
import type { Migration } from '../migration';

/**
 * For a database loaded before actors had codes: gives each state that has no country the ISO codes its name
 * or an alias names, and its CAMEO code. Idempotent (only states without a country are touched); answers how
 * many it coded. The loader does the same for every state it writes, so new loads need none of this.
 */
const UNCODED_STATES = `
  MATCH (a:Actor {kind: 'state'}) WHERE a.country IS NULL
  RETURN a.id AS id, a.name AS name, coalesce(a.aliases, []) AS aliases`;

const SET_CODES = `
  UNWIND $rows AS row
  MATCH (a:Actor {id: row.id}) WHERE a.country IS NULL
  SET a.country = row.country, a.countryAlpha2 = row.countryAlpha2, a.code = coalesce(a.code, row.country)`;

export async function backfillStateCodes(db: Db): Promise<number> {
  const states = await read<{ id: string; name: string; aliases: string[] }>(db, UNCODED_STATES);
  const rows = states.flatMap(({ id, name, aliases }) => {
    const country = countryByName(name, ...aliases);
    return country ? [{ id, country: country.alpha3, countryAlpha2: country.alpha2 }] : [];
  });
  if (rows.length > 0) await write(db, SET_CODES, { rows });
  return rows.length;
}

export const stateCodes: Migration = {
  id: 6,
  name: 'states coded by their names (ISO 3166, CAMEO)',
  async run(db, log) {
    const coded = await backfillStateCodes(db);
    if (coded > 0) log(`actor codes: ${coded} states coded`);
  },
};
