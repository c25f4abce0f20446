/**
 * Muggeo's (2003) iterative estimation of the breakpoints of y = a + b·x + Σ δ_j (x − ψ_j)+ ,
 * on the sufficient statistics of `SegmentSums` (so each iteration costs O(K log n), not O(n)).
 *
 * Each iteration regresses y on 1, x, U_j = (x − ψ_j)+ and V_j = −I(x > ψ_j); the V_j coefficients
 * γ_j are the first-order correction, ψ_j ← ψ_j + γ_j/δ_j. Between two data points the model is
 * exactly linear in (δ_j, δ_j·ψ_j), so once ψ stops crossing data points the update is exact and
 * the iteration lands on the local minimum. As in R's segmented, ψ is kept within [lo, hi] (inner
 * quantiles of x) and ordered, every segment keeps at least `minPoints` distinct x values, and a
 * step that does not lower the RSS is halved.
 *
 * One addition to R: the RSS has kinks where ψ_j crosses a data point, and a minimum can sit on
 * one (muggeo1.csv's K = 2 optimum has ψ_2 exactly at x = 12.1608…). There the Muggeo step for ψ_j
 * keeps overshooting, the halved joint step barely moves the other ψ, and R stops early with an
 * RSS above the minimum. When the full step fails we first try the exact optimum within the
 * current gaps between data points (ψ_j pinned at a gap edge where its target leaves the gap),
 * which lands on such kink minima in one step.
 */
import { SegmentedNormalEquations } from './normal-equations.ts';
import { segmentViolation, type SegmentRules } from './admissible.ts';
import type { SegmentSums } from './sufficient.ts';

/** Constraints and stopping rules for one run of the iteration. */
export interface MuggeoOptions {
  /** Admissible range for every ψ, in the centred units of the sums. */
  lo: number;
  hi: number;
  /** Minimum number of distinct x values (with positive weight) in every segment. */
  minPoints: number;
  /** Iteration cap (R's it.max is 30; exact steps make 100 generous). */
  maxIter: number;
  /**
   * Segment rules (admissible.ts) every accepted step must also meet: a constrained run. Absent or
   * null for an unconstrained run, as R's.
   */
  rules?: SegmentRules | null;
}

/** Outcome of one run; ψ is written into the caller's array. */
export interface MuggeoRun {
  /** RSS at the final ψ; Infinity when the start was infeasible or the fit singular. */
  rss: number;
  iterations: number;
  /** True when the last Muggeo step no longer moved ψ (or could not lower the RSS). */
  converged: boolean;
}

const MAX_HALVINGS = 30;

/** Reusable solver for up to `kMax` breakpoints; all buffers are allocated here, once. */
export class MuggeoSolver {
  private readonly ne: SegmentedNormalEquations;
  private readonly cand: Float64Array;
  private readonly target: Float64Array;
  /** The full Muggeo targets of the current iteration, before clamping (the pinned search starts from them). */
  private readonly fullTarget: Float64Array;
  private readonly lowEdge: Float64Array;
  private readonly highEdge: Float64Array;
  private readonly free: Uint8Array;
  private readonly allFree: Uint8Array;

  constructor(readonly sums: SegmentSums, readonly kMax: number) {
    this.ne = new SegmentedNormalEquations(sums, kMax);
    this.cand = new Float64Array(kMax);
    this.target = new Float64Array(kMax);
    this.fullTarget = new Float64Array(kMax);
    this.lowEdge = new Float64Array(kMax);
    this.highEdge = new Float64Array(kMax);
    this.free = new Uint8Array(kMax);
    this.allFree = new Uint8Array(kMax).fill(1);
  }

  /**
   * Are ψ[0..k) (sorted) within [lo, hi] with ≥ minPoints distinct x in every segment (and, in a
   * constrained run, within the segment rules)?
   */
  feasible(psi: ArrayLike<number>, k: number, o: MuggeoOptions): boolean {
    const sd = this.sums.sd;
    let prev = sd[0];
    for (let j = 0; j < k; j++) {
      if (!(psi[j] >= o.lo && psi[j] <= o.hi)) return false;
      const left = sd[this.sums.tail(psi[j])];
      if (prev - left < o.minPoints) return false;
      prev = left;
    }
    if (prev < o.minPoints) return false;
    return !o.rules || segmentViolation(this.sums, psi, k, o.rules) === null;
  }

  /** RSS of the continuous model at sorted ψ (Infinity if singular); no feasibility check. */
  rssAt(psi: ArrayLike<number>, k: number): number {
    return this.ne.solve(psi, k, null);
  }

  /** Coefficients [a, b, δ_1..δ_k] (centred units) at sorted ψ into `out`; returns the RSS. */
  coefficients(psi: ArrayLike<number>, k: number, out: Float64Array): number {
    const rss = this.ne.solve(psi, k, null);
    for (let i = 0; i < 2 + k; i++) out[i] = this.ne.b[i];
    return rss;
  }

  /**
   * Muggeo targets ψ_j + γ_j/δ_j for the free j (pinned j keep their ψ) into `out`.
   * Returns false when the augmented fit is singular.
   */
  private targets(psi: ArrayLike<number>, k: number, free: Uint8Array, out: Float64Array): boolean {
    if (this.ne.solve(psi, k, free) === Infinity) return false;
    let c = 0;
    for (let j = 0; j < k; j++) {
      if (!free[j]) {
        out[j] = psi[j];
        continue;
      }
      const t = psi[j] + this.ne.b[2 + k + c] / this.ne.b[2 + j];
      out[j] = Number.isNaN(t) ? psi[j] : t; // δ_j = γ_j = 0: nothing to learn about ψ_j
      c++;
    }
    return true;
  }

  /**
   * The exact minimiser over the current pattern (each ψ_j confined to the gap between the data
   * points around it), by an active set: targets that leave their gap are pinned at its edge and
   * the others re-solved. Used when a plain step overshoots a kink. Written to `this.cand`.
   * Its first round, every ψ_j free at `psi`, is the solve `run` has just done for the full step,
   * so it starts from that step's targets (`this.fullTarget`) instead of solving it again.
   */
  private pinnedCandidate(psi: Float64Array, k: number, o: MuggeoOptions): boolean {
    const { sums, lowEdge, highEdge, free, cand, target, fullTarget } = this;
    for (let j = 0; j < k; j++) {
      const m = sums.tail(psi[j]);
      lowEdge[j] = Math.max(m > 0 ? sums.x[m - 1] : -Infinity, o.lo);
      highEdge[j] = Math.min(m < sums.n ? sums.x[m] : Infinity, o.hi);
      free[j] = 1;
      cand[j] = psi[j];
    }
    for (let round = 0; round <= k; round++) {
      if (round === 0) for (let j = 0; j < k; j++) target[j] = fullTarget[j];
      else if (!this.targets(cand, k, free, target)) return false;
      let pinnedNow = false;
      for (let j = 0; j < k; j++) {
        if (!free[j]) continue;
        if (target[j] < lowEdge[j] || target[j] > highEdge[j]) {
          cand[j] = target[j] < lowEdge[j] ? lowEdge[j] : highEdge[j];
          free[j] = 0;
          pinnedNow = true;
        }
      }
      if (!pinnedNow) {
        for (let j = 0; j < k; j++) cand[j] = target[j];
        return true;
      }
      for (let j = 0; j < k; j++) if (free[j]) cand[j] = psi[j]; // re-solve from inside the gaps
    }
    return false;
  }

  /** Try `cand` (re-sorted); if feasible and strictly better than `rss`, copy it into psi. */
  private accept(psi: Float64Array, k: number, rss: number, o: MuggeoOptions): number {
    const c = this.cand;
    // A step may carry one ψ past another; the model is symmetric in the ψ. Sorted in place (k ≤ 3
    // in practice): a subarray and its sort per step were most of what the search allocated.
    for (let i = 1; i < k; i++) {
      const v = c[i];
      let j = i - 1;
      for (; j >= 0 && c[j] > v; j--) c[j + 1] = c[j];
      c[j + 1] = v;
    }
    if (!this.feasible(c, k, o)) return rss;
    const r = this.rssAt(c, k);
    if (!(r < rss)) return rss;
    for (let j = 0; j < k; j++) psi[j] = c[j];
    return r;
  }

  /** Iterate from the start in `psi` (sorted, centred units); the result overwrites `psi`. */
  run(psi: Float64Array, k: number, o: MuggeoOptions): MuggeoRun {
    if (k === 0) return { rss: this.rssAt(psi, 0), iterations: 0, converged: true };
    const { cand, target, fullTarget, allFree } = this;
    if (!this.feasible(psi, k, o)) return { rss: Infinity, iterations: 0, converged: false };
    let rss = this.rssAt(psi, k);
    const xtol = 1e-12 * Math.max(o.hi - o.lo, 1e-300);
    for (let it = 1; it <= o.maxIter; it++) {
      // 1. The full Muggeo step (clamped to the admissible range).
      if (!this.targets(psi, k, allFree, target)) return { rss, iterations: it, converged: false };
      for (let j = 0; j < k; j++) fullTarget[j] = target[j];
      let move = 0;
      for (let j = 0; j < k; j++) {
        target[j] = Math.min(Math.max(target[j], o.lo), o.hi);
        move = Math.max(move, Math.abs(target[j] - psi[j]));
        cand[j] = target[j];
      }
      if (move <= xtol) return { rss, iterations: it, converged: true };
      let r = this.accept(psi, k, rss, o);
      // 2. It overshot: the exact optimum within the current gaps, pinning ψ at kinks.
      if (r === rss && this.pinnedCandidate(psi, k, o)) r = this.accept(psi, k, rss, o);
      // 3. Still no descent: halve the step towards the targets, as R's line search. These are
      // the clamped Muggeo targets or, when the pinned search ran, the targets of its last round
      // (unclamped: a candidate outside [lo, hi] is not feasible). Once the halved step rounds
      // away (the candidate is ψ itself, as near a minimum where the step is already tiny), every
      // smaller one does too (rounding is monotone) and would only find ψ's own RSS again: the
      // search ends there, as it would after the last halving.
      if (r === rss) {
        for (let h = 0.5, tries = 0; tries < MAX_HALVINGS && r === rss; tries++, h /= 2) {
          let moved = false;
          for (let j = 0; j < k; j++) {
            cand[j] = psi[j] + h * (target[j] - psi[j]);
            if (cand[j] !== psi[j]) moved = true;
          }
          if (!moved) break;
          r = this.accept(psi, k, rss, o);
        }
      }
      // No admissible move lowers the RSS: ψ is a local minimum (possibly at a kink).
      if (r === rss) return { rss, iterations: it, converged: true };
      rss = r;
    }
    return { rss, iterations: o.maxIter, converged: false };
  }
}
