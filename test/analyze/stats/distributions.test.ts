import { describe, expect, it } from 'vitest';
import { pnormUpper, pt, ptUpper, qt, quantile, quantiles } from '../../../pipeline/analyze/stats/index.ts';

// Reference values printed by R 4.2.2 with digits = 16.
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('distribution functions agree with R', () => {
  it('normal and t tails keep relative accuracy far out', () => {
    expect(rel(pnormUpper(10), 7.619853024160527e-24)).toBeLessThan(1e-12);
    expect(rel(1 - pnormUpper(-1.5), 0.06680720126885807)).toBeLessThan(1e-12);
    expect(rel(ptUpper(8, 197), 5.22048749854985e-14)).toBeLessThan(1e-10);
    expect(rel(pt(-2.5, 3.5), 0.03784732190474503)).toBeLessThan(1e-12);
  });

  it('qt inverts pt', () => {
    expect(rel(qt(0.975, 34), 2.032244509317718)).toBeLessThan(1e-12);
    expect(rel(qt(0.025, 7), -2.364624251592784)).toBeLessThan(1e-12);
    expect(rel(qt(0.999, 2.5), 13.822193110866)).toBeLessThan(1e-11);
    expect(rel(qt(0.975, 1), 12.70620473617471)).toBeLessThan(1e-12);
  });

  it('qt at the degrees of freedom of a thousand-point fit stops at the noise of pt, as close to R', () => {
    // ptUpper's relative error grows with df (~1e-14 here); Newton's iterates stop where it does.
    expect(rel(qt(0.975, 500), 1.964719837467367)).toBeLessThan(1e-12);
    expect(rel(qt(0.975, 998), 1.962343846216334)).toBeLessThan(1e-12);
    expect(rel(qt(0.975, 5000), 1.960438551706507)).toBeLessThan(1e-11);
    // The same arguments give the same bits (the stopping rule depends on nothing else).
    expect(qt(0.975, 998)).toBe(qt(0.975, 998));
    expect(qt(0.025, 998)).toBe(-qt(0.975, 998));
  });
});

describe('quantile (type 7, as R)', () => {
  it('matches R quantile(c(1,2,3,4,10), c(.1,.5,.9))', () => {
    const q = quantiles([10, 3, 1, 4, 2], [0.1, 0.5, 0.9]).map((v) => v.value);
    expect(q[0]).toBeCloseTo(1.4, 14);
    expect(q[1]).toBe(3);
    expect(q[2]).toBeCloseTo(7.6, 13);
  });

  it('handles the ends, single values and NaN in samples', () => {
    const s = Float64Array.from([1, 2, 3]);
    expect(quantile(s, 0)).toBe(1);
    expect(quantile(s, 1)).toBe(3);
    expect(quantile([5], 0.3)).toBe(5);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
    expect(quantiles([NaN, 1, 3], [0.5])[0].value).toBe(2);
  });
});
