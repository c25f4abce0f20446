/** Formula numbers (pipeline/estimators/format-number.ts) are what the general formatters wrote. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formulaNumber } from '../../pipeline/estimators/format-number.ts';
import { formatPlain, formatScientific } from '../../pipeline/values/format.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** The formula as it was before the shortcut. */
function reference(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e6) return formatPlain(Number(n.toPrecision(6)));
  return formatScientific(n, 4);
}

const outcome = (f: () => string) => {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).name}: ${(e as Error).message}`;
  }
};

/** Where notation, rounding or the branch changes, and the ends of the double range. */
const EDGES = [
  0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1e-3, 0.00099999995, 0.000999999,
  -1e-3, 0.5, 1, 9.5, 99999.95, 999999.4, 999999.5, -999999.5, 999999.9, 1e6, 1e21, 9.9995e20, 9.99951e20, 1e-7, 9.9995e-8, 1 / 3, 0.1 + 0.2,
  6, 174.6e9, 300e9, NaN, Infinity, -Infinity,
];

const anyDouble = fc.oneof(
  fc.double(),
  fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -330, max: 310 }), fc.boolean()).map(([m, e, neg]) => (neg ? -1 : 1) * m * 10 ** e),
  // Decimals that sit on a rounding tie of 4 or 6 digits.
  fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -12, max: 30 })).map(([m, e]) => Number(`${m}5e${e}`)),
  fc.constantFrom(...EDGES),
);

describe('formulaNumber', () => {
  it('writes what formatPlain(toPrecision(6)) / formatScientific(n, 4) wrote, at the edges', () => {
    for (const n of EDGES) expect(outcome(() => formulaNumber(n)), String(n)).toBe(outcome(() => reference(n)));
  });

  it('writes what they wrote for any double', () => {
    fc.assert(
      fc.property(anyDouble, (n) => {
        expect(outcome(() => formulaNumber(n))).toBe(outcome(() => reference(n)));
      }),
      { seed: SEED, numRuns: RUNS * 200 },
    );
  });
});
