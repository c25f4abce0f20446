/**
 * The optimal length of a training run (Sevilla, Besiroglu, Dudney & Ho, "The longest training run",
 * Epoch AI, 2022, https://epoch.ai/blog/the-longest-training-run): closed forms, the objectives
 * they maximise, and a deterministic numerical optimiser that checks them.
 *
 * Time is in years; every rate is a continuous growth rate per year. A run starts at S and must end
 * by the deadline T; its length is L = T − S. Levels are 1 at the reference year t0 (default 0):
 * H(t) = e^{gH·(t−t0)} hardware price-performance (FLOP/$ per unit time), B(t) = e^{gI·(t−t0)} budget,
 * A(t) = e^{gS·(t−t0)} software (algorithmic) efficiency.
 *
 * Objective 1, hardware fixed at purchase ("fixed"): E(S) = B(S)·A(S)·H(S)·(T−S) ∝ e^{g·S}·(T−S),
 * g = gH+gI+gS; d ln E/dS = g − 1/(T−S) = 0 ⇒ L* = 1/g (a maximum: ln E is concave in S). With
 * gI = gS = 0 this is F_S(T) = H(S)·(T−S) and L* = 1/gH. If g ≤ 0 there is no finite optimum.
 *
 * Objective 2, hardware swapped for the newest at no cost ("swapping"): the budget B(S) and the
 * algorithms A(S) are fixed at the start, each moment's compute uses that moment's hardware:
 * E(S) = B(S)·A(S)·∫_S^T H(t) dt ∝ e^{a·S}·(e^{gH·T} − e^{gH·S})/gH, a = gI+gS;
 * dE/dS = 0 ⇔ a·(e^{gH·T} − e^{gH·S}) = gH·e^{gH·S} ⇔ e^{gH·L} = 1 + gH/a ⇒ L* = ln(1 + gH/a)/gH
 * (→ 1/a as gH → 0; ln E is concave in S). This is NOT 1/gH: delaying no longer buys better hardware,
 * so hardware progress drops out to first order (L* ≈ 1/a − gH/(2a²)), and with a ≤ 0 (no growth in
 * budgets or algorithms) a longer run is always better: no finite optimum.
 */

export interface GrowthRates {
  /** Hardware price-performance growth rate, per year. */
  gH: number;
  /** Investment (dollar budget) growth rate, per year; 0 when omitted. */
  gI?: number;
  /** Software (algorithmic efficiency) growth rate, per year; 0 when omitted. */
  gS?: number;
}

export type RunObjective = 'fixed' | 'swapping';

function checkRates({ gH, gI = 0, gS = 0 }: GrowthRates): { gH: number; gI: number; gS: number } {
  for (const [name, v] of [['gH', gH], ['gI', gI], ['gS', gS]] as const) {
    if (!Number.isFinite(v)) throw new RangeError(`run-length: rate ${name} must be a finite number, got ${v}`);
  }
  return { gH, gI, gS };
}

/** L* = 1/(gH+gI+gS) years (hardware fixed at purchase); +Infinity when gH+gI+gS ≤ 0 (no finite optimum). */
export function optimalLength(rates: GrowthRates): number {
  const { gH, gI, gS } = checkRates(rates);
  const g = gH + gI + gS;
  return g > 0 ? 1 / g : Number.POSITIVE_INFINITY;
}

/**
 * L* = ln(1 + gH/(gI+gS))/gH years when hardware is swapped mid-run (1/(gI+gS) when gH = 0);
 * +Infinity when gI+gS ≤ 0 or gH+gI+gS ≤ 0 (a longer run is then always better).
 */
export function optimalLengthSwapping(rates: GrowthRates): number {
  const { gH, gI, gS } = checkRates(rates);
  const a = gI + gS;
  if (!(a > 0) || !(a + gH > 0)) return Number.POSITIVE_INFINITY;
  return gH === 0 ? 1 / a : Math.log1p(gH / a) / gH;
}

/** Price-performance H(t) = e^{gH·(t−t0)} (FLOP per dollar per unit time, relative to t0). */
export function hardwarePricePerformance(t: number, gH: number, t0 = 0): number {
  return Math.exp(gH * (t - t0));
}

/** F_S(T) = H(S)·(T − S): FLOP per dollar of a run bought at S with hardware fixed until T. */
export function flopPerDollar(S: number, T: number, gH: number, t0 = 0): number {
  return hardwarePricePerformance(S, gH, t0) * (T - S);
}

/** ∫_S^T H(t) dt in closed form: e^{gH(S−t0)}·expm1(gH(T−S))/gH (T − S when gH = 0). */
export function hardwareIntegral(S: number, T: number, gH: number, t0 = 0): number {
  if (gH === 0) return T - S;
  return (Math.exp(gH * (S - t0)) * Math.expm1(gH * (T - S))) / gH;
}

/** 5-point Gauss–Legendre nodes and weights on [−1, 1]. */
const GL5 = [
  [0, 128 / 225],
  [Math.sqrt(5 - 2 * Math.sqrt(10 / 7)) / 3, (322 + 13 * Math.sqrt(70)) / 900],
  [-Math.sqrt(5 - 2 * Math.sqrt(10 / 7)) / 3, (322 + 13 * Math.sqrt(70)) / 900],
  [Math.sqrt(5 + 2 * Math.sqrt(10 / 7)) / 3, (322 - 13 * Math.sqrt(70)) / 900],
  [-Math.sqrt(5 + 2 * Math.sqrt(10 / 7)) / 3, (322 - 13 * Math.sqrt(70)) / 900],
] as const;

/** Composite 5-point Gauss–Legendre quadrature of f over [a, b] with `panels` equal panels (deterministic, smooth in a and b). */
export function gaussLegendre(f: (t: number) => number, a: number, b: number, panels = 16): number {
  const h = (b - a) / panels;
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * h;
    for (const [x, w] of GL5) sum += w * f(mid + (x * h) / 2);
  }
  return (sum * h) / 2;
}

/** ln E(S) for the chosen objective (levels 1 at t0); `integral: 'quadrature'` evaluates ∫H numerically. */
export function logEffectiveCompute(
  S: number,
  T: number,
  rates: GrowthRates,
  objective: RunObjective = 'fixed',
  opts: { t0?: number; integral?: 'closed' | 'quadrature'; panels?: number } = {},
): number {
  const { gH, gI, gS } = checkRates(rates);
  const t0 = opts.t0 ?? 0;
  if (!(S < T)) return Number.NEGATIVE_INFINITY;
  if (objective === 'fixed') return (gH + gI + gS) * (S - t0) + Math.log(T - S);
  const integral =
    opts.integral === 'quadrature'
      ? gaussLegendre((t) => hardwarePricePerformance(t, gH, t0), S, T, opts.panels)
      : hardwareIntegral(S, T, gH, t0);
  return (gI + gS) * (S - t0) + Math.log(integral);
}

export interface GoldenSectionResult {
  x: number;
  fx: number;
  iterations: number;
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/** Deterministic golden-section search for the maximum of a unimodal f on [lo, hi]. */
export function goldenSectionMaximize(
  f: (x: number) => number,
  lo: number,
  hi: number,
  { tol = 1e-11, maxIter = 500 }: { tol?: number; maxIter?: number } = {},
): GoldenSectionResult {
  if (!(lo < hi)) throw new RangeError(`goldenSectionMaximize: need lo < hi, got [${lo}, ${hi}]`);
  let a = lo;
  let b = hi;
  let c = b - INV_PHI * (b - a);
  let d = a + INV_PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  let iterations = 0;
  while (b - a > tol * Math.max(1, Math.abs(a) + Math.abs(b)) && iterations < maxIter) {
    iterations++;
    if (fc >= fd) {
      b = d; d = c; fd = fc;
      c = b - INV_PHI * (b - a); fc = f(c);
    } else {
      a = c; c = d; fc = fd;
      d = a + INV_PHI * (b - a); fd = f(d);
    }
  }
  const x = (a + b) / 2;
  return { x, fx: f(x), iterations };
}

export interface NumericalOptimum {
  /** Best start time found. */
  S: number;
  /** Its run length T − S, years. */
  L: number;
  /** True when the maximum sits at the far end of the bracket (no interior optimum within maxYears). */
  atBoundary: boolean;
  iterations: number;
}

/**
 * Maximise ln E(S) over S ∈ (T − maxYears, T) by golden-section search (log space, so calendar
 * years do not overflow). Confirms optimalLength / optimalLengthSwapping numerically.
 */
export function numericalOptimalLength(
  rates: GrowthRates,
  opts: { objective?: RunObjective; T?: number; maxYears?: number; integral?: 'closed' | 'quadrature'; panels?: number; tol?: number } = {},
): NumericalOptimum {
  const T = opts.T ?? 0;
  const maxYears = opts.maxYears ?? 100;
  const objective = opts.objective ?? 'fixed';
  const f = (S: number) =>
    logEffectiveCompute(S, T, rates, objective, { t0: T, integral: opts.integral, panels: opts.panels });
  const r = goldenSectionMaximize(f, T - maxYears, T, { tol: opts.tol });
  const L = T - r.x;
  return { S: r.x, L, atBoundary: L > maxYears * (1 - 1e-6), iterations: r.iterations };
}
