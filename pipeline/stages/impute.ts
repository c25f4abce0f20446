/**
 * Stage 3, impute: gives every record a training-compute value where its inputs allow, with the
 * method, formula, assumptions, source and uncertainty range, plus the consistency audit.
 */
import type { Assumptions } from '../ingest/assumptions.ts';
import { imputeRecord } from '../impute/precedence.ts';
import type { HardwareSpec, NormalizedRecord, ProcessedRecord } from '../schema/records.ts';

export interface ImputeOutput {
  records: ProcessedRecord[];
  /** Records whose reported and estimated FLOP differ by more than the audit factor. */
  disagreements: ProcessedRecord[];
}

export function impute(records: NormalizedRecord[], hardware: HardwareSpec[], assumptions: Assumptions): ImputeOutput {
  const hw = new Map(hardware.map((h) => [h.id, h]));
  const processed = records.map((r) => imputeRecord(r, hw, assumptions));
  const limit = assumptions.audit_disagreement_factor;
  const disagreements = processed.filter((r) => r.audit !== null && (r.audit.ratio > limit || r.audit.ratio < 1 / limit));
  return { records: processed, disagreements };
}
