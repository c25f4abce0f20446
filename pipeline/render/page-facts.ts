/**
 * Values for the pages beyond fits.json: the provenance block, data-quality shares, the constants
 * the Methods page quotes (read from the code and assumptions that use them, never retyped), and
 * the run-length caveats.
 */
import { RUN_LENGTH_CAVEATS } from '../analyze/run-length-scenarios.ts';
import { PFS_DAY_FLOP, SECONDS_PER_DAY, TFS_DAY_FLOP } from '../normalize/compute-units.ts';
import { CHART_THEMES } from './charts/theme.ts';
import { flop, percent } from './format.ts';
import { jsonForScript } from './html.ts';
import type { RenderModel } from './model.ts';
import { funnelRows, sourceRows } from './provenance.ts';

export function pageFacts(model: RenderModel): Record<string, unknown> {
  const { fits, records, assumptions: a } = model;
  const withFlop = fits.data.with_flop;
  const imputed = (fits.data.by_method.operations ?? 0) + (fits.data.by_method.hardware ?? 0);
  // The bootstrap settings the pages quote: the deep-learning era's, else the overall trend's.
  const withBoot = [fits.eras.deep_learning, fits.overall].find((f) => f.computed && f.bootstrap.computed);
  const boot = withBoot?.computed && withBoot.bootstrap.computed ? withBoot.bootstrap : null;
  return {
    sources: sourceRows(model.provenance),
    funnel: funnelRows(model.provenance, records, fits),
    quality: {
      imputed,
      imputed_share: withFlop ? percent(imputed / withFlop) : '0%',
      third_party_share: withFlop ? percent(fits.data.third_party / withFlop) : '0%',
      audited: records.filter((r) => r.audit !== null).length,
      disagreements: model.disagreements.length,
      without_flop: fits.data.records - withFlop,
    },
    constants: {
      pfs_day: flop(PFS_DAY_FLOP, 3),
      tfs_day: flop(TFS_DAY_FLOP, 3),
      seconds_per_day: SECONDS_PER_DAY.toLocaleString('en-US'),
      flop_per_parameter_per_token: a.flop_per_parameter_per_token,
      tokens_per_word: a.tokens_per_word,
      audit_factor: a.audit_disagreement_factor,
    },
    bootstrap: boot ? { resamples: boot.resamples, seed: boot.seed, noise: boot.noise.toFixed(3) } : { resamples: 0, seed: 0, noise: '0' },
    run_length_caveats: RUN_LENGTH_CAVEATS,
    chart_themes: jsonForScript(CHART_THEMES),
  };
}
