/**
 * Values for the pages beyond fits.json: the provenance block, data-quality shares, the constants
 * the Methods page quotes (read from the code and assumptions that use them, never retyped), and
 * the run-length caveats.
 */
import { exportDateOf } from '../adapters/epoch.ts';
import { AMODEI_HERNANDEZ_2018, EPOCH_FRONTIER_2024, EPOCH_NOTABLE_SINCE_2010, JONES_2022, SEVILLA_2022, SEVILLA_2022_APPENDIX_E, SEVILLA_2022_SUMMARY_POST, SEVILLA_DATA_END, VILLALOBOS_2022 } from '../analyze/literature.ts';
import { LONGEST_TRAINING_RUN_CITATION, POST_ERRATA, POST_SWAPPING, RUN_LENGTH_CAVEATS } from '../analyze/run-length-scenarios.ts';
import { messages } from '../messages.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { PFS_DAY_FLOP, SECONDS_PER_DAY, TFS_DAY_FLOP } from '../values/compute-units.ts';
import { CHART_THEMES } from './charts/theme.ts';
import { count, dateText, flop, percent } from './format.ts';
import { jsonForScript } from './html.ts';
import type { RenderModel } from './model.ts';
import { funnelRows, sourceRows } from './provenance.ts';

/** How many compute values each producer gave: the authors, each third party by name, this pipeline. */
export function valueCounts(records: readonly ProcessedRecord[]) {
  let authors = 0;
  let pipeline = 0;
  const parties = new Map<string, number>();
  for (const r of records) {
    const p = r.flop?.provenance;
    if (!p) continue;
    if (p.kind === 'authors') authors++;
    else if (p.kind === 'pipeline') pipeline++;
    else parties.set(p.estimatedBy ?? 'unnamed', (parties.get(p.estimatedBy ?? 'unnamed') ?? 0) + 1);
  }
  const by_party = [...parties].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([by, n]) => ({ by, n, text: `${by} ${count(n)}` }));
  const epoch = parties.get('Epoch AI') ?? 0;
  return { authors, pipeline, third_party: by_party.reduce((n, p) => n + p.n, 0), by_party, parties_text: by_party.map((p) => p.text).join(', '), epoch };
}

/** The years the parameter-gap test sees a gap in, sees none in, and cannot test, as lists in words. */
function gapYears(fits: RenderModel['fits']) {
  const t = fits.parameter_gap_test;
  const years = (keep: (g: boolean | null) => boolean) => (t.computed ? t.by_year.filter((y) => keep(y.gap)).map((y) => y.year) : []);
  return { yes: messages.yearList(years((g) => g === true)), no: messages.yearList(years((g) => g === false)), untested: messages.yearList(years((g) => g === null)) };
}

/** The date of the data: the exports' dates and the newest curated system, in words; the newest run above 1e25 FLOP. */
export function dataDate(model: RenderModel) {
  const exports = model.provenance.files.filter((f) => f.kind === 'external').map((f) => exportDateOf(f.file)).filter((d): d is string => d !== null).sort();
  const curated = model.records.filter((r) => r.origin.dataset === 'curated').reduce((d, r) => (r.publicationDate > d ? r.publicationDate : d), '');
  const big = model.fits.coverage.newest_above_1e25;
  const bigRecord = big ? model.records.find((r) => r.id === big.id) : undefined;
  return {
    exports: exports.map(dateText).join(' and '),
    has_exports: exports.length > 0,
    curated: curated ? dateText(curated) : '',
    text: messages.dataAsOf(exports.map(dateText).join(' and '), curated ? dateText(curated) : ''),
    newest_above_1e25: big ? { name: big.name, date: dateText(bigRecord?.publicationDate ?? String(Math.floor(big.year))), flop: flop(big.flop) } : null,
  };
}

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
    values: valueCounts(records),
    gap_years: gapYears(fits),
    data_date: dataDate(model),
    notable: {
      curated: records.filter((r) => r.origin.dataset === 'curated').length,
      matched: model.provenance.merge?.matched ?? 0,
      upstream_only: records.filter((r) => r.origin.dataset !== 'curated').length,
      curated_only: records.filter((r) => r.origin.dataset === 'curated').length - (model.provenance.merge?.matched ?? 0),
    },
    run_length_post: { errata: POST_ERRATA, swapping: POST_SWAPPING, citation: LONGEST_TRAINING_RUN_CITATION },
    literature: { sevilla: SEVILLA_2022, sevilla_post: SEVILLA_2022_SUMMARY_POST, appendix_e: SEVILLA_2022_APPENDIX_E, openai: AMODEI_HERNANDEZ_2018, epoch_frontier: EPOCH_FRONTIER_2024, epoch_notable: EPOCH_NOTABLE_SINCE_2010, villalobos: VILLALOBOS_2022, jones: JONES_2022, data_end: dateText(SEVILLA_DATA_END).replace(/^\d+ /, '') },
    chart_themes: jsonForScript(CHART_THEMES),
  };
}
