import { GOLDSTEIN, quadClass, scoreOf } from '../../../src/domain/cameo';
import { EVENT_TYPES, TAXONOMY } from '../../../src/domain/taxonomy';

test('every CAMEO code of the taxonomy has its Goldstein weight, within the scale', () => {
  for (const type of EVENT_TYPES) {
    const code = TAXONOMY[type].cameo;
    if (code === null) continue;
    expect([type, GOLDSTEIN[code]]).toEqual([type, expect.any(Number)]);
    expect(Math.abs(GOLDSTEIN[code]!)).toBeLessThanOrEqual(10);
  }
});

test('the quad class follows the root of the code', () => {
  expect(['010', '043', '057', '0841', '085', '111', '163', '173', '190'].map(quadClass)).toEqual([1, 1, 1, 2, 2, 3, 4, 4, 4]);
});

test('a lifting of sanctions is material cooperation, an imposition material conflict, a nomination unscored', () => {
  expect(scoreOf('sanctions_lifted')).toEqual({ goldstein: 7, quad: 2 });
  expect(scoreOf('sanctions_imposed')).toEqual({ goldstein: -8, quad: 4 });
  expect(scoreOf('criticism')).toEqual({ goldstein: -2, quad: 3 });
  expect(scoreOf('nomination')).toBeNull();
});
