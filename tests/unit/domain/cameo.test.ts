import { cameoCodeOf, GOLDSTEIN, quadClass, scoreOf } from '../../../src/domain/cameo';
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

test('talks with a host and a guest are CAMEO 043, other talks 040; other types keep their code', () => {
  expect(cameoCodeOf('talks', ['host', 'guest'])).toBe('043');
  expect(cameoCodeOf('talks', ['agent', 'target'])).toBe('040');
  expect(cameoCodeOf('military_support', ['host', 'guest'])).toBe('072');
});

test('military support is material cooperation (072, +8.3), an armed attack material conflict (190, −10)', () => {
  expect(scoreOf('military_support')).toEqual({ goldstein: 8.3, quad: 2 });
  expect(scoreOf('armed_attack')).toEqual({ goldstein: -10, quad: 4 });
  expect(scoreOf('threat')).toEqual({ goldstein: -4.4, quad: 3 });
});

test('a lifting of sanctions is material cooperation, an imposition material conflict, a nomination unscored', () => {
  expect(scoreOf('sanctions_lifted')).toEqual({ goldstein: 7, quad: 2 });
  expect(scoreOf('sanctions_imposed')).toEqual({ goldstein: -8, quad: 4 });
  expect(scoreOf('criticism')).toEqual({ goldstein: -2, quad: 3 });
  expect(scoreOf('nomination')).toBeNull();
});
