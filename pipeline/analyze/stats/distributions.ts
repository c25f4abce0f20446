/**
 * The few distribution functions the analyze stage needs (Student t and normal tails, t quantiles),
 * written out so the project has no statistics dependency. Tails are computed directly (never as
 * 1 − CDF) because Davies' test reports p-values near 1e-13, which must keep their relative accuracy.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

const EPS = 1e-16;
const TINY = 1e-300;

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaCf(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b). `xc` is 1 − x supplied by the caller when it can be
 * formed without cancellation (as for the t tail, where 1 − x = t²/(ν + t²)).
 */
export function betaInc(x: number, a: number, b: number, xc = 1 - x): number {
  if (x <= 0) return 0;
  if (xc <= 0) return 1;
  const front = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(xc));
  // The continued fraction converges quickly only below the mean; use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaCf(x, a, b)) / a;
  return 1 - (front * betaCf(xc, b, a)) / b;
}

/** Upper tail P(T > t) of Student's t with `df` degrees of freedom (df > 0, not necessarily integer). */
export function ptUpper(t: number, df: number): number {
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const t2 = t * t;
  // P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2); both arguments formed without subtraction.
  const twoSided = betaInc(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
  return t >= 0 ? twoSided / 2 : 1 - twoSided / 2;
}

/** P(T ≤ t) for Student's t. */
export function pt(t: number, df: number): number {
  return ptUpper(-t, df);
}

/** Density of Student's t. */
export function dt(t: number, df: number): number {
  const logC = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Regularized upper incomplete gamma Q(a, x), for the normal tail. */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logFront = a * Math.log(x) - x - lgamma(a);
  if (x < a + 1) {
    // Series for P, then Q = 1 − P (x is small here, so P is not close to 1 in a harmful way).
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return 1 - sum * Math.exp(logFront);
  }
  // Continued fraction for Q (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(logFront) * h;
}

/** Upper tail P(Z > z) of the standard normal, accurate far into the tail. */
export function pnormUpper(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const q = 0.5 * gammaQ(0.5, (z * z) / 2); // = P(Z > |z|)
  return z >= 0 ? q : 1 - q;
}

/** Standard normal quantile (Acklam's rational approximation, ~1e-9), used as a starting value. */
function qnormApprox(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl || p > 1 - pl) {
    const q = Math.sqrt(-2 * Math.log(p < pl ? p : 1 - p));
    const v = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < pl ? v : -v;
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Relative step below which qt's Newton iteration is near the root, where a step that does not shrink is noise. */
const NEWTON_NOISE = 1e-12;

/** Quantile of Student's t: the t with P(T ≤ t) = p (R's qt(p, df)). */
export function qt(p: number, df: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  if (p < 0.5) return -qt(1 - p, df);
  if (p === 0.5) return 0;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  // Newton on the upper tail from the normal quantile. The CDF is concave for t > 0, so from
  // below the iterates increase monotonically to the root; the guard keeps us there. Close to
  // the root the steps shrink quadratically until they reach the rounding noise of ptUpper
  // (relative ~1e-14 at a thousand degrees of freedom, above the 1e-15 test): there a step no
  // smaller than the one before is that noise, not progress, and is not taken. (Without this the
  // loop ran all 200 iterations for large df, moving t at random in its 14th digit.)
  const target = 1 - p;
  let t = Math.max(qnormApprox(p), 0);
  let last = Infinity;
  for (let i = 0; i < 200; i++) {
    const step = (ptUpper(t, df) - target) / dt(t, df);
    const size = Math.abs(step);
    const scale = Math.max(1, Math.abs(t));
    if (size <= NEWTON_NOISE * scale && !(size < last)) break;
    t += step;
    last = size;
    if (size <= 1e-15 * scale) break;
  }
  return t;
}
