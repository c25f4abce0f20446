import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SegmentedNormalEquations } from '../../../pipeline/analyze/stats/normal-equations.ts';
import { bootstrapSegmented, createRng, selectSegmented } from '../../../pipeline/analyze/stats/index.ts';

/**
 * The iteration skips solves whose outcome it already knows: the pinned search's first round is
 * the full step's own solve, and a halved step that rounds to ψ itself can only find ψ's RSS again.
 * Skipping them must not change a single bit of any fit. The fingerprints below were taken from
 * the iteration before it skipped anything (main 696221e), on the same seeded data, and so were
 * the solve counts it did then (398,962; 40,690; 15,197). It now does 333,524; 21,663; 11,156.
 * A Node whose Math functions round differently would change the fingerprints without any change
 * here: retake them then with muggeo.ts as of 696221e, and check the current code gives the same.
 */

/** Seeded broken-line data with rounded x (ties and kinks, where the step overshoots) and noise. */
function dataset(seed: number): { x: number[]; y: number[]; breaks: number[] } {
  const rng = createRng(seed);
  const n = 40 + Math.floor(160 * rng.next());
  const k = 1 + Math.floor(3 * rng.next());
  const breaks = Array.from({ length: k }, (_, j) => 10 * ((j + 0.5 + 0.6 * (rng.next() - 0.5)) / k));
  const slopes = Array.from({ length: k + 1 }, () => 2 * rng.normal());
  const x = Array.from({ length: n }, () => Math.round(100 * rng.next()) / 10);
  const y = x.map((v) => {
    let f = slopes[0] * v;
    breaks.forEach((p, j) => (f += (slopes[j + 1] - slopes[j]) * Math.max(v - p, 0)));
    return f + 0.5 * rng.normal();
  });
  return { x, y, breaks };
}

/** The 1,000 points of the fit's start-up bench (bench/startup.bench.ts, seed 20261206). */
function benchPoints(): { x: number[]; y: number[] } {
  const rng = createRng(20261206);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const year = 1960 + 64 * rng.next();
    const log10 = 10 + 0.15 * (year - 1960) + 0.4 * Math.max(year - 2010, 0) + 0.3 * rng.normal();
    x.push(Number(year.toFixed(4)));
    y.push(Math.log10(Number((10 ** log10).toPrecision(6))));
  }
  return { x, y };
}

/** sha256 of the results' JSON (numbers print their shortest round-trip digits: bit for bit). */
const fingerprint = (results: unknown[]): string => createHash('sha256').update(JSON.stringify(results)).digest('hex');

const countSolves = () => vi.spyOn(SegmentedNormalEquations.prototype, 'solve');

afterEach(() => vi.restoreAllMocks());

describe('Muggeo iteration: solves it skips change no result', () => {
  it('selects the same fits, bit for bit, on 40 seeded data sets, with fewer solves', () => {
    const solves = countSolves();
    const results = Array.from({ length: 40 }, (_, i) => {
      const { x, y } = dataset(1000 + i);
      const sel = selectSegmented(x, y, { kMax: 3, seed: 7 });
      return { best: sel.best, fits: sel.fits, bic: sel.bicByK };
    });
    expect(fingerprint(results)).toBe('56f52a9d1d4450ae40e0a54686e70243a33c74a91c3a100ca97d85c4d4b16273');
    expect(solves.mock.calls.length).toBeLessThan(0.9 * 398_962);
  });

  it('draws the same bootstrap breakpoints, bit for bit, with segment rules and without', () => {
    const solves = countSolves();
    const results = [1, 2, 3, 4, 5, 6].map((i) => {
      const { x, y, breaks } = dataset(2000 + i);
      const rules = i % 2 === 0 ? { minSegmentLength: 1, minSegmentPoints: 5 } : {};
      const boot = bootstrapSegmented(x, y, { start: breaks, resamples: 200, seed: i, ...rules });
      return boot;
    });
    expect(fingerprint(results)).toBe('bc53f3b73349c5cdd153ecd7c850dba72bafd7b39c978300a0a4c505c433059e');
    expect(solves.mock.calls.length).toBeLessThan(0.6 * 40_690);
  });

  it("the fit bench's 1,000 points: the same selection with a quarter fewer solves", () => {
    const { x, y } = benchPoints();
    const solves = countSolves();
    const sel = selectSegmented(x, y, { kMax: 3 });
    expect(fingerprint([sel.best, sel.fits, sel.bicByK])).toBe('2280f8b496c8713f67d3cae86f3afc31f864af830a1949cc6ab1722acb3c629c');
    expect(solves.mock.calls.length).toBeLessThan(0.8 * 15_197);
  });
});
