import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../pipeline/analyze/stats/index.ts';

const draw = (seed: number, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('is reproducible from the seed and differs between seeds', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
    expect(draw(2 ** 40, 10)).not.toEqual(draw(0, 10)); // high bits of the seed count
  });

  it('gives uniforms in [0, 1) and ints in range (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const rng = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const u = rng.next();
          const k = rng.int(n);
          if (!(u >= 0 && u < 1) || !(Number.isInteger(k) && k >= 0 && k < n)) return false;
        }
        return true;
      }),
      { numRuns: 100 },
    );
  });

  it('has sensible moments', () => {
    const rng = createRng(7);
    const n = 100_000;
    let s = 0, s2 = 0, z = 0, z2 = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      s += u;
      s2 += u * u;
      const g = rng.normal();
      z += g;
      z2 += g * g;
    }
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
    expect(z / n).toBeCloseTo(0, 1);
    expect(z2 / n).toBeCloseTo(1, 1);
  });
});
