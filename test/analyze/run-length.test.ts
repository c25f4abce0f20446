import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_RATES,
  GC_TRAINING_COMPUTE,
  GH_GPU_PRICE_PERFORMANCE,
  GI_INVESTMENT,
  GS_ALGORITHMIC_EFFICIENCY,
  LITERATURE_RATES,
  POST_QUOTED_LENGTHS,
  RUN_LENGTH_CAVEATS,
  flopPerDollar,
  gaussLegendre,
  goldenSectionMaximize,
  hardwareIntegral,
  hardwarePricePerformance,
  logEffectiveCompute,
  numericalOptimalLength,
  optimalLength,
  optimalLengthSwapping,
  quantileType7,
  ratesFromComputeSlope,
  runLengthDistribution,
  scenarioLength,
  scenarioTable,
} from '../../pipeline/analyze/run-length.ts';

/** B(S)·A(S)·∫_S^T H(t) dt written out directly, levels 1 at t = 0. */
function effectiveComputeCheck(S: number, T: number, r: { gH: number; gI: number; gS: number }): number {
  return Math.exp((r.gI + r.gS) * S) * ((Math.exp(r.gH * T) - Math.exp(r.gH * S)) / r.gH);
}

const round = (x: number, dp: number) => Math.round(x * 10 ** dp) / 10 ** dp;
const RATE_GRID = [
  { gH: 0.28, gI: 0, gS: 0 },
  { gH: 0.28, gI: 0, gS: 0.54 },
  { gH: 0.28, gI: 1.03, gS: 0 },
  { gH: 0.28, gI: 1.03, gS: 0.54 },
  { gH: 1.2, gI: 0.1, gS: 0.05 },
  { gH: 0.05, gI: 0.3, gS: 2 },
  { gH: -0.1, gI: 0.5, gS: 0.2 },
];

describe('closed forms', () => {
  it('hardware only: L* = 1/gH; with budgets and software: 1/(gH+gI+gS)', () => {
    expect(optimalLength({ gH: 0.5 })).toBe(2);
    expect(optimalLength({ gH: 0.2, gI: 0.3, gS: 0.5 })).toBeCloseTo(1, 15);
    expect(optimalLength({ gH: 0.2, gI: -0.3 })).toBe(Number.POSITIVE_INFINITY);
    expect(optimalLength({ gH: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(() => optimalLength({ gH: Number.NaN })).toThrow(RangeError);
  });

  it('swapping: L* = ln(1 + gH/(gI+gS))/gH, → 1/(gI+gS) as gH → 0, none without growing budgets or algorithms', () => {
    expect(optimalLengthSwapping({ gH: 0.3, gI: 0.2, gS: 0.1 })).toBeCloseTo(Math.log(2) / 0.3, 14);
    expect(optimalLengthSwapping({ gH: 0, gI: 0.5 })).toBe(2);
    expect(optimalLengthSwapping({ gH: 1e-9, gI: 0.5 })).toBeCloseTo(2, 8);
    expect(optimalLengthSwapping({ gH: 0.3 })).toBe(Number.POSITIVE_INFINITY);
    expect(optimalLengthSwapping({ gH: -0.6, gI: 0.5 })).toBe(Number.POSITIVE_INFINITY);
    // first order in gH: L* ≈ 1/a − gH/(2a²)
    const a = 2;
    const gH = 0.01;
    expect(optimalLengthSwapping({ gH, gI: a })).toBeCloseTo(1 / a - gH / (2 * a * a), 5);
  });

  it('swapping does not return to 1/gH once budgets grow: hardware progress drops out instead', () => {
    const r = DEFAULT_RATES;
    const swap = optimalLengthSwapping(r);
    expect(swap).toBeCloseTo(Math.log1p(r.gH / (r.gI + r.gS)) / r.gH, 14);
    expect(round(swap, 3)).toBe(0.586);
    expect(Math.abs(swap - 1 / r.gH)).toBeGreaterThan(2.9);
    // hardware + investment only (no software): still far from 1/gH
    expect(optimalLengthSwapping({ gH: r.gH, gI: r.gI })).toBeCloseTo(Math.log(1 + r.gH / r.gI) / r.gH, 14);
    expect(optimalLengthSwapping({ gH: r.gH, gI: r.gI })).toBeLessThan(1);
  });
});

describe('objectives and the hardware integral', () => {
  it('F_S(T) = H(S)·(T − S)', () => {
    expect(flopPerDollar(2, 5, 0.3)).toBeCloseTo(Math.exp(0.6) * 3, 14);
    expect(hardwarePricePerformance(2030, 0.3, 2020)).toBeCloseTo(Math.exp(3), 12);
  });

  it('∫_S^T H closed form equals Gauss–Legendre quadrature', () => {
    for (const gH of [0.28, 1.5, -0.4, 1e-7]) {
      for (const [S, T] of [[0, 1], [-3.5, 0.2], [2020, 2030.5]]) {
        const closed = hardwareIntegral(S, T, gH, T);
        const quad = gaussLegendre((t) => hardwarePricePerformance(t, gH, T), S, T);
        expect(Math.abs(quad - closed) / closed).toBeLessThan(1e-12);
      }
    }
    expect(hardwareIntegral(1, 4, 0)).toBe(3);
  });

  it('ln E matches the product form it stands for', () => {
    const r = { gH: 0.3, gI: 0.4, gS: 0.2 };
    expect(Math.exp(logEffectiveCompute(-1, 0.5, r))).toBeCloseTo(Math.exp(0.9 * -1) * 1.5, 14);
    expect(Math.exp(logEffectiveCompute(-1, 0.5, r, 'swapping'))).toBeCloseTo(effectiveComputeCheck(-1, 0.5, r), 12);
    expect(logEffectiveCompute(1, 1, r)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('numerical optimiser confirms the closed forms', () => {
  it('golden-section search finds the maximum of F_S(T) itself (not its log) at L = 1/gH', () => {
    for (const gH of [0.1, GH_GPU_PRICE_PERFORMANCE.value, 2]) {
      const r = goldenSectionMaximize((S) => flopPerDollar(S, 0, gH), -50, 0);
      expect(Math.abs(-r.x - 1 / gH)).toBeLessThan(1e-6);
    }
  });

  it('and of e^{(gI+gS)·S}·F_S(T) at L = 1/(gH+gI+gS)', () => {
    const { gH, gI, gS } = DEFAULT_RATES;
    const r = goldenSectionMaximize((S) => Math.exp((gI + gS) * S) * flopPerDollar(S, 0, gH), -50, 0);
    expect(Math.abs(-r.x - optimalLength(DEFAULT_RATES))).toBeLessThan(1e-6);
  });

  it.each(RATE_GRID)('fixed hardware, rates %o', (rates) => {
    for (const T of [0, 2030]) {
      const num = numericalOptimalLength(rates, { T });
      expect(num.atBoundary).toBe(false);
      expect(Math.abs(num.L - optimalLength(rates))).toBeLessThan(1e-6);
    }
  });

  it.each(RATE_GRID.filter((r) => r.gI + r.gS > 0))('swapping, rates %o, integral closed and by quadrature', (rates) => {
    for (const integral of ['closed', 'quadrature'] as const) {
      for (const T of [0, 2030]) {
        const num = numericalOptimalLength(rates, { objective: 'swapping', integral, T });
        expect(num.atBoundary).toBe(false);
        expect(Math.abs(num.L - optimalLengthSwapping(rates))).toBeLessThan(1e-6);
      }
    }
  });

  it('swapping with no growth in budgets or algorithms: the best start is the earliest one allowed', () => {
    const num = numericalOptimalLength({ gH: 0.28 }, { objective: 'swapping', maxYears: 40 });
    expect(num.atBoundary).toBe(true);
    const fixed = numericalOptimalLength({ gH: 0.1, gI: -0.2 }, { maxYears: 40 });
    expect(fixed.atBoundary).toBe(true);
  });

  it('a plain grid search over S agrees with the swapping closed form (no golden section involved)', () => {
    const r = DEFAULT_RATES;
    let best = { L: 0, v: Number.NEGATIVE_INFINITY };
    for (let i = 1; i <= 200_000; i++) {
      const L = i * 1e-5;
      const v = logEffectiveCompute(-L, 0, r, 'swapping', { integral: 'quadrature', panels: 4 });
      if (v > best.v) best = { L, v };
    }
    expect(Math.abs(best.L - optimalLengthSwapping(r))).toBeLessThan(2e-5);
  });

  it('property: numerical = closed form for random positive rates (both objectives)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.02, max: 3, noNaN: true }),
        fc.double({ min: 0.02, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (gH, gI, gS) => {
          const r = { gH, gI, gS };
          const fixed = numericalOptimalLength(r);
          const swap = numericalOptimalLength(r, { objective: 'swapping' });
          return Math.abs(fixed.L - optimalLength(r)) < 1e-6 && Math.abs(swap.L - optimalLengthSwapping(r)) < 1e-6;
        },
      ),
      { seed: 20220817, numRuns: 60 },
    );
  });

  it('is deterministic', () => {
    expect(numericalOptimalLength(DEFAULT_RATES, { objective: 'swapping', integral: 'quadrature' })).toEqual(
      numericalOptimalLength(DEFAULT_RATES, { objective: 'swapping', integral: 'quadrature' }),
    );
  });
});

describe('literature rates', () => {
  it('carry their values and citations', () => {
    expect(GH_GPU_PRICE_PERFORMANCE.value).toBe(Math.LN2 / 2.46);
    expect(round(GH_GPU_PRICE_PERFORMANCE.value, 4)).toBe(0.2818);
    expect(GC_TRAINING_COMPUTE.value).toBe(1.31);
    expect(round((12 * Math.LN2) / GC_TRAINING_COMPUTE.value, 1)).toBe(6.3); // doubling time, months
    expect(GI_INVESTMENT.value).toBe(1.31 - Math.LN2 / 2.46);
    expect(round(GI_INVESTMENT.value, 2)).toBe(1.03);
    expect(GS_ALGORITHMIC_EFFICIENCY.value).toBe(Math.log(44) / 7);
    expect(round(GS_ALGORITHMIC_EFFICIENCY.value, 3)).toBe(0.541);
    for (const rate of Object.values(LITERATURE_RATES)) {
      expect(rate.citation.text.length).toBeGreaterThan(20);
      expect(rate.citation.url).toMatch(/^https:\/\//);
    }
    expect(GH_GPU_PRICE_PERFORMANCE.citation.text).toContain('Hobbhahn & Besiroglu (2022)');
    expect(GS_ALGORITHMIC_EFFICIENCY.citation.text).toContain('arXiv:2005.04305');
    expect(DEFAULT_RATES).toEqual({ gH: GH_GPU_PRICE_PERFORMANCE.value, gI: GI_INVESTMENT.value, gS: GS_ALGORITHMIC_EFFICIENCY.value });
  });
});

describe('scenario table', () => {
  const rows = scenarioTable();
  const byId = Object.fromEntries(rows.map((r) => [r.scenario, r]));
  const { gH, gI, gS } = DEFAULT_RATES;

  it('recomputes every cell from the rates', () => {
    expect(rows.map((r) => r.scenario)).toEqual(['hardware', 'hardware+software', 'hardware+investment', 'hardware+investment+software']);
    const expected = { hardware: 1 / gH, 'hardware+software': 1 / (gH + gS), 'hardware+investment': 1 / (gH + gI), 'hardware+investment+software': 1 / (gH + gI + gS) };
    for (const row of rows) {
      expect(row.years).toBeCloseTo(expected[row.scenario as keyof typeof expected], 12);
      expect(row.months).toBeCloseTo(12 * row.years, 12);
      expect(row.label.length).toBeGreaterThan(0);
      expect(row.formula).toMatch(/^1\//);
    }
    expect(byId['hardware+investment'].years).toBeCloseTo(1 / GC_TRAINING_COMPUTE.value, 12);
  });

  it('matches the rounded numbers that follow from the rates', () => {
    expect(round(byId.hardware.years, 2)).toBe(3.55);
    expect(round(byId['hardware+software'].years, 2)).toBe(1.22);
    expect(round(byId['hardware+investment'].years, 2)).toBe(0.76);
    expect(round(byId['hardware+investment+software'].months, 1)).toBe(6.5);
    expect(round(byId.hardware.years, 2)).toBe(POST_QUOTED_LENGTHS.hardware.value);
    expect(round(byId['hardware+software'].years, 2)).toBe(POST_QUOTED_LENGTHS['hardware+software'].value);
  });

  it('records where the quoted months do not follow from gC = 1.31/yr', () => {
    // 1/1.31 yr = 9.160 months: the post prints 9.12 (that needs gC ≈ 1.316/yr) and "9.1 months" does not round from it either.
    expect(round(byId['hardware+investment'].months, 2)).toBe(9.16);
    expect(round(byId['hardware+investment'].months, 1)).toBe(9.2);
    expect(Math.abs(byId['hardware+investment'].months - POST_QUOTED_LENGTHS['hardware+investment'].value)).toBeLessThan(0.05);
    // 1/(1.31 + ln44/7) yr = 6.484 months: 6.48 at two decimals, the post prints 6.49.
    expect(round(byId['hardware+investment+software'].months, 2)).toBe(6.48);
    expect(Math.abs(byId['hardware+investment+software'].months - POST_QUOTED_LENGTHS['hardware+investment+software'].value)).toBeLessThan(0.01);
  });

  it('adds the swapping row on request, computed from the same rates', () => {
    const withSwap = scenarioTable(DEFAULT_RATES, { includeSwapping: true });
    expect(withSwap).toHaveLength(5);
    const swap = withSwap[4];
    expect(swap.scenario).toBe('swapping');
    expect(swap.years).toBeCloseTo(Math.log(1 + gH / (gI + gS)) / gH, 12);
    expect(round(swap.months, 1)).toBe(7.0);
  });

  it('follows other rates', () => {
    const r = { gH: 0.5, gI: 0.5, gS: 1 };
    expect(scenarioTable(r).map((row) => row.years)).toEqual([2, 2 / 3, 1, 0.5]);
  });
});

describe('rates from a fitted compute slope', () => {
  it('gC = slope·ln 10, gI = gC − gH', () => {
    const { gC, gI, gH } = ratesFromComputeSlope(0.5, 0.3);
    expect(gC).toBeCloseTo(0.5 * Math.log(10), 14);
    expect(gI).toBeCloseTo(0.5 * Math.log(10) - 0.3, 14);
    expect(gH).toBe(0.3);
    const back = ratesFromComputeSlope(1.31 / Math.LN10, GH_GPU_PRICE_PERFORMANCE.value);
    expect(back.gI).toBeCloseTo(GI_INVESTMENT.value, 12);
  });
});

describe('Monte Carlo run-length distribution', () => {
  afterEach(() => vi.restoreAllMocks());
  const gH = GH_GPU_PRICE_PERFORMANCE.value;
  const gS = GS_ALGORITHMIC_EFFICIENCY.value;

  it('quantile type 7 matches R', () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileType7(x, 0.05)).toBeCloseTo(1.45, 12);
    expect(quantileType7(x, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantileType7(x, 0.95)).toBeCloseTo(9.55, 12);
    expect(quantileType7([7], 0.95)).toBe(7);
  });

  it('maps each slope sample to L and summarises with the median and the 5/95 quantiles', () => {
    const slopes = [0.4, 0.5, 0.55, 0.6, 0.7];
    const d = runLengthDistribution({ slopeSamples: slopes, gH, gS, scenario: 'hardware+investment+software' });
    const L = slopes.map((s) => 1 / (s * Math.LN10 + gS)).sort((a, b) => a - b);
    expect(d.lengths).toEqual(L);
    expect(d.median).toBeCloseTo(L[2], 14);
    expect(d.lo).toBeCloseTo(L[0] + 0.2 * (L[1] - L[0]), 14);
    expect(d.hi).toBeCloseTo(L[3] + 0.8 * (L[4] - L[3]), 14);
    expect(d).toMatchObject({ n: 5, used: 5, excluded: 0 });
    const hi = runLengthDistribution({ slopeSamples: slopes, gH, gS, scenario: 'hardware+investment' });
    expect(hi.median).toBeCloseTo(1 / (0.55 * Math.LN10), 14);
    const hw = runLengthDistribution({ slopeSamples: slopes, gH, gS, scenario: 'hardware' });
    expect([hw.lo, hw.median, hw.hi]).toEqual([1 / gH, 1 / gH, 1 / gH]);
    const sw = runLengthDistribution({ slopeSamples: slopes, gH, gS, scenario: 'swapping' });
    expect(sw.median).toBeCloseTo(optimalLengthSwapping({ gH, gI: 0.55 * Math.LN10 - gH, gS }), 14);
  });

  it('counts and excludes samples whose denominator is ≤ 0', () => {
    const slopes = [-0.5, -0.3, 0, 0.5, 0.6];
    const d = runLengthDistribution({ slopeSamples: slopes, gH, gS, scenario: 'hardware+investment+software' });
    // −0.3·ln10 + gS = −0.15 ≤ 0 and −0.5·ln10 + gS < 0 are excluded; 0 gives 1/gS
    expect(d).toMatchObject({ n: 5, used: 3, excluded: 2 });
    expect(d.note).toContain('2 of 5');
    const hi = runLengthDistribution({ slopeSamples: slopes, gH, gS, scenario: 'hardware+investment' });
    expect(hi).toMatchObject({ used: 2, excluded: 3 });
    const none = runLengthDistribution({ slopeSamples: [-1], gH, gS, scenario: 'hardware+investment' });
    expect([none.median, none.lo, none.hi, none.used]).toEqual([null, null, null, 0]);
    expect(scenarioLength('hardware+investment', { gH, gI: -gH, gS })).toBe(Number.POSITIVE_INFINITY);
  });

  it('resamples deterministically from a seed and never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const slopes = Array.from({ length: 50 }, (_, i) => 0.45 + i * 0.005);
    const a = runLengthDistribution({ slopeSamples: slopes, gH, gS, scenario: 'hardware+investment+software', seed: 7, draws: 2000 });
    const b = runLengthDistribution({ slopeSamples: slopes, gH, gS, scenario: 'hardware+investment+software', seed: 7, draws: 2000 });
    const c = runLengthDistribution({ slopeSamples: slopes, gH, gS, scenario: 'hardware+investment+software', seed: 8, draws: 2000 });
    expect(a).toEqual(b);
    expect(a.lengths).not.toEqual(c.lengths);
    expect(a.n).toBe(2000);
    expect(a.median).toBeGreaterThan(1 / (0.695 * Math.LN10 + gS));
    expect(a.median).toBeLessThan(1 / (0.45 * Math.LN10 + gS));
    expect(spy).not.toHaveBeenCalled();
  });

  it('rejects empty or non-finite samples', () => {
    expect(() => runLengthDistribution({ slopeSamples: [], gH, gS, scenario: 'hardware' })).toThrow(RangeError);
    expect(() => runLengthDistribution({ slopeSamples: [Number.NaN], gH, gS, scenario: 'hardware' })).toThrow(RangeError);
  });
});

describe('caveats', () => {
  it('lists the source caveats as plain strings', () => {
    expect(RUN_LENGTH_CAVEATS.length).toBeGreaterThanOrEqual(3);
    const all = RUN_LENGTH_CAVEATS.join(' ');
    expect(all).toMatch(/stochastic/i);
    expect(all).toMatch(/rent/i);
    expect(all).toMatch(/cloud/i);
    expect(all).toMatch(/failure/i);
    expect(all).toMatch(/engineering/i);
    for (const c of RUN_LENGTH_CAVEATS) expect(typeof c).toBe('string');
  });
});
