/**
 * The effect of a snapshot on the report's headline: the deep-learning and large-scale era
 * doubling times, from the snapshot's records alone, through the same impute and analyze code as
 * the pipeline. Point estimates do not depend on the bootstrap, so it runs without resamples by default.
 */
import type { Assumptions } from '../ingest/assumptions.ts';
import { compareRecords } from '../normalize/merge.ts';
import type { HardwareSpec, NormalizedRecord } from '../schema/records.ts';
import { analyze } from '../stages/analyze.ts';
import { impute } from '../stages/impute.ts';

export interface Headline {
  /** Doubling time in months of each era, null where the era has too few systems to fit. */
  deep_learning: number | null;
  large_scale: number | null;
}

export interface HeadlineOptions {
  /** Bootstrap resamples passed to analyze (default 0: point estimates only). */
  resamples?: number;
}

export function headlineDoublings(
  records: readonly NormalizedRecord[],
  hardware: HardwareSpec[],
  assumptions: Assumptions,
  options: HeadlineOptions = {},
): Headline {
  const processed = impute([...records].sort(compareRecords), hardware, assumptions).records;
  const fits = analyze(processed, { resamples: options.resamples ?? 0 });
  const { deep_learning: dl, large_scale: ls } = fits.eras;
  return {
    deep_learning: dl.computed ? dl.doubling_months : null,
    large_scale: ls.computed ? ls.doubling_months : null,
  };
}
