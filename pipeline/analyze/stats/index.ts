/**
 * The numerical core of the analyze stage: OLS, continuous segmented regression (Muggeo's
 * algorithm, K chosen by BIC), Davies' test, bootstraps, seeded random numbers and quantiles.
 * Results agree with R (lm, segmented 1.6) on the reference data in ../shared/reference/segmented.
 */
export { ols, gaussianLogLik, bicFromRss, type OlsFit } from './ols.ts';
export {
  fitSegmented,
  fitSegmentedOutcome,
  selectSegmented,
  type SearchOptions,
  type SegmentedOptions,
  type SelectOptions,
  type SegmentedSelection,
  type RejectedFit,
  type KOutcome,
} from './segmented.ts';
export { defaultMinSegmentPoints, type SegmentRules } from './admissible.ts';
export type { SegmentViolation, NoRoom, RejectionReason } from '../../schema/fits.ts';
export { predictSegmented, type Breakpoint, type SegmentedFit } from './segmented-summary.ts';
export { daviesTest, type Alternative, type DaviesOptions, type DaviesResult } from './davies.ts';
export {
  bootstrapOls,
  bootstrapSegmented,
  type BootstrapOptions,
  type OlsBootstrap,
  type SegmentedBootstrap,
  type SegmentedBootstrapOptions,
} from './bootstrap.ts';
export { createRng, type Rng } from './rng.ts';
export { quantile, quantiles, DEFAULT_PROBS, type QuantileValue } from './quantile.ts';
export { pt, ptUpper, qt, pnormUpper } from './distributions.ts';
