/**
 * The compute a record's own values imply must be possible too: parameters and tokens each within
 * their bounds can still give 6·N·D = 6e32 FLOP, and accelerators × time × peak can exceed any real
 * run. Each estimate the impute stage would make from the record (pipeline/estimators/) is bounded
 * like a stated compute (pipeline/schema/bounds.ts): an error outside the possible range, a
 * warning outside the usual one. Most records are cleared with a multiplication; the estimate's
 * formula is built only for a record out of bounds.
 */
import { hardwareEstimate } from '../estimators/hardware-time.ts';
import { operationsEstimate, tokenCount } from '../estimators/operations.ts';
import { messages } from '../messages.ts';
import { BOUNDS } from '../schema/bounds.ts';
import type { FlopEstimate, HardwareSpec, NormalizedRecord } from '../schema/records.ts';
import type { Assumptions } from '../ingest/assumptions.ts';
import { boundRange, formatLimit, judge } from '../ingest/plausibility.ts';

export interface EstimateVerdict {
  level: 'error' | 'warning';
  method: 'operations' | 'hardware';
  message: string;
  expected: string;
}

function verdictOn(estimate: FlopEstimate | null): EstimateVerdict | null {
  if (estimate === null) return null;
  const verdict = judge('training_compute_flop', estimate.flop, 'estimate');
  if (verdict === null) return null;
  const bound = BOUNDS.training_compute_flop;
  const method = estimate.method as EstimateVerdict['method'];
  if (verdict.level === 'warning') {
    const side = estimate.flop < (bound.warnMin ?? bound.min) ? 'below' : 'above';
    const limit = side === 'below' ? bound.warnMin : bound.warnMax;
    return { level: 'warning', method, message: messages.unusualValue(`the ${method} estimate ${estimate.formula}`, formatLimit(estimate.flop), side, formatLimit(limit!), 'FLOP'), expected: verdict.expected };
  }
  const side = !(estimate.flop >= bound.min) ? 'below' : 'above';
  return {
    level: 'error',
    method,
    message: messages.estimateOutOfBounds(method, estimate.formula, formatLimit(estimate.flop), side, formatLimit(side === 'below' ? bound.min : bound.max)),
    expected: boundRange(bound),
  };
}

/** The first estimate of the record out of its usual range (an error before a warning), or null. */
export function estimateVerdict(r: NormalizedRecord, hardware: ReadonlyMap<string, HardwareSpec>, a: Assumptions): EstimateVerdict | null {
  const verdicts: EstimateVerdict[] = [];
  const n = r.architecture === 'moe' ? r.activeParameters : r.parameters;
  if (n !== null) {
    const tokens = tokenCount(r, a);
    // The product alone first: the formula is built only when it is out of range.
    if (tokens !== null && judge('training_compute_flop', a.flop_per_parameter_per_token * n * tokens, 'estimate') !== null) {
      const v = verdictOn(operationsEstimate(r, a));
      if (v) verdicts.push(v);
    }
  }
  if (r.hardware !== null && (r.compute?.kind === 'accelerator-time' || (r.hardwareCount !== null && r.trainingTimeHours !== null))) {
    const v = verdictOn(hardwareEstimate(r, hardware, a));
    if (v) verdicts.push(v);
  }
  return verdicts.find((v) => v.level === 'error') ?? verdicts[0] ?? null;
}

/**
 * For records of an upstream export, which is never rejected for one bad row: a record whose
 * values give an impossible estimate loses the values the estimate multiplies (its accelerator
 * count and training time, or its dataset size and epochs), with a located warning, so that no
 * impossible compute is imputed from them. Returns the records, changed where needed.
 */
export function dropImpossibleEstimates(
  records: readonly NormalizedRecord[],
  hardware: ReadonlyMap<string, HardwareSpec>,
  a: Assumptions,
  warnings: { file?: string; line?: number; message: string }[],
): NormalizedRecord[] {
  return records.map((r) => {
    const verdict = estimateVerdict(r, hardware, a);
    if (verdict === null) return r;
    warnings.push({ file: r.origin.file, line: r.origin.line, message: `${verdict.message}${verdict.level === 'error' ? messages.estimateInputsDropped : ''}` });
    if (verdict.level === 'warning') return r;
    return verdict.method === 'hardware' ? { ...r, hardwareCount: null, trainingTimeHours: null } : { ...r, datasetSize: null, trainingTokens: null, epochs: null };
  });
}
