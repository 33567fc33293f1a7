import { cameoActorCode, countryByAlpha3, CountryCode, settleActorCodes } from '../../../src/domain/actor-codes';
import { Actor } from '../../../src/domain/model';

test('a state finds its ISO 3166-1 codes by its name or an alias, from the package list', () => {
  expect(settleActorCodes({ kind: 'state', name: 'Belarus' })).toMatchObject({ country: 'BLR', countryAlpha2: 'BY', code: 'BLR' });
  expect(settleActorCodes({ kind: 'state', name: 'Russia' })).toMatchObject({ country: 'RUS', countryAlpha2: 'RU' });
  expect(settleActorCodes({ kind: 'state', name: 'Freedonia', aliases: ['United States of America'] })).toMatchObject({ country: 'USA', countryAlpha2: 'US' });
  expect(settleActorCodes({ kind: 'state', name: 'Freedonia' })).toMatchObject({ country: null, code: null });
});

test('the CAMEO code is country and sector; a non-state without a sector has none; a given code wins', () => {
  expect(settleActorCodes({ kind: 'person', name: 'X', country: 'BLR', sector: 'GOV' }).code).toBe('BLRGOV');
  expect(settleActorCodes({ kind: 'company', name: 'X', country: 'BLR' }).code).toBeNull();
  expect(cameoActorCode('organization', null, 'IGO')).toBe('IGO');
  expect(settleActorCodes({ kind: 'person', name: 'X', country: 'USA', sector: 'GOV', code: 'USAGOVMIL' }).code).toBe('USAGOVMIL');
  expect(settleActorCodes({ kind: 'person', name: 'Y', wikidata: 'Q22686' }).wikidata).toBe('Q22686');
});

test('facts files are checked: unknown countries, lower case, bad sectors and Wikidata ids are refused by field', () => {
  const base = { id: 'x', name: 'X', kind: 'person' };
  expect(Actor.safeParse({ ...base, country: 'BLR', sector: 'GOV', wikidata: 'Q1' }).success).toBe(true);
  for (const [field, value] of [
    ['country', 'XXX'],
    ['country', 'blr'],
    ['country', 'XKX'],
    ['sector', 'ABC'],
    ['wikidata', 'Q0'],
    ['wikidata', '184'],
    ['code', 'BLRG'],
  ] as const) {
    const result = Actor.safeParse({ ...base, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  }
  expect(CountryCode.safeParse('UKR').success).toBe(true);
  expect(countryByAlpha3('UKR')?.alpha2).toBe('UA');
});
