/**
 * The named tables pages can embed with {{table "name"}}. A new table is a builder here; the
 * builders live beside the pages that use them (tables-*.ts).
 */
import { linkUrl } from './source-link.ts';
import * as fmt from './format.ts';
import { esc, htmlTable, link } from './html.ts';
import type { RenderModel } from './model.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { valueColumns } from './value-provenance.ts';
import { aiAndComputeTable, economicPeriodsTable, recordSettersTable, runLengthPostTable, runLengthRatesTable, runLengthSwappingTable, runLengthTable } from './tables-analysis.ts';
import { comparisonTable, coverageTable, likeForLikeTable, parameterGapTable } from './tables-literature.ts';
import { bicTable, breakpointsTable, eraAlternativesTable, erasTable, lowOutliersTable, rejectedFitsTable, segmentsTable } from './tables-eras.ts';
import { hardwareTable, uncertaintyTable, unitsTable, utilizationTable } from './tables-methods.ts';
import { disagreementsTable, imputationAuditTable, methodsTable, sensitivityTable, warningsTable } from './tables-quality.ts';
import { mergeReviewTable, upstreamRowsTable } from './tables-merge.ts';
import { trendTables } from './tables-trends.ts';

export function systemsTable(records: readonly ProcessedRecord[]): string {
  return htmlTable(
    records,
    [
      { title: 'System', value: (r: ProcessedRecord) => r.name },
      { title: 'Organization', value: (r) => r.organization },
      { title: 'Domain', value: (r) => r.domain },
      { title: 'Published', value: (r) => r.publicationDate },
      { title: 'Parameters', value: (r) => r.parameters, numeric: true, html: (r) => (r.parameters === null ? '' : esc(fmt.sci(r.parameters))) },
      { title: 'Training compute (FLOP)', value: (r) => r.flop?.flop ?? null, numeric: true, html: (r) => (r.flop ? esc(fmt.flop(r.flop.flop)) : '') },
      ...valueColumns<ProcessedRecord>((r) => r),
      { title: 'Paper', value: (r) => r.citation.title, html: (r) => `${link(linkUrl(r.citation.link), r.citation.title)} (${esc(r.citation.year)})` },
    ],
    { id: 'systems-table', sortable: true, label: 'All systems' },
  );
}

export function buildTables(model: RenderModel): Map<string, () => string> {
  const { fits, records, assumptions: a } = model;
  return new Map<string, () => string>([
    ['eras', () => erasTable(fits)],
    ['era-alternatives', () => eraAlternativesTable(fits)],
    ['low-outliers', () => lowOutliersTable(fits, records)],
    ['bic-by-k', () => bicTable(fits)],
    ['breakpoints', () => breakpointsTable(fits)],
    ['rejected-fits', () => rejectedFitsTable(fits)],
    ['segments', () => segmentsTable(fits)],
    ['record-setters', () => recordSettersTable(fits, records)],
    ['ai-and-compute', () => aiAndComputeTable(fits, records)],
    ['economic-periods', () => economicPeriodsTable(fits)],
    ['run-length', () => runLengthTable(fits)],
    ['run-length-post', () => runLengthPostTable(fits)],
    ['run-length-swapping', () => runLengthSwappingTable(fits)],
    ['like-for-like-eras', () => likeForLikeTable(fits.like_for_like.filter((r) => r.published.where.startsWith('summary')), 'Sevilla et al. (2022), summary table, beside our fits with the same definitions: on their window, and on all our data')],
    ['like-for-like-openai', () => likeForLikeTable(fits.like_for_like.filter((r) => r.published.where === 'Appendix E'), 'Sevilla et al. (2022), Appendix E: their trends on OpenAI\'s window, beside ours')],
    ['how-this-compares', () => comparisonTable([...fits.like_for_like.filter((r) => r.published.where.startsWith('summary')), ...fits.literature], 'Our trends beside the published figures, each fitted with the source\'s own definition and window')],
    ['epoch-frontier', () => comparisonTable(fits.literature.filter((r) => r.published.key.startsWith('epoch_')), 'Epoch AI\'s figures beside our fits with the same definition and window')],
    ['coverage', () => coverageTable(fits, 2010)],
    ['parameter-gap', () => parameterGapTable(fits)],
    ['run-length-rates', () => runLengthRatesTable(fits)],
    ['methods', () => methodsTable(fits, a)],
    ['imputation-audit', () => imputationAuditTable(records, a)],
    ['disagreements', () => disagreementsTable(records, model.disagreements, a)],
    ['sensitivity', () => sensitivityTable(fits)],
    ['upstream-rows', () => upstreamRowsTable(model.provenance)],
    ['merge-review', () => mergeReviewTable(model.provenance)],
    ['warnings', () => warningsTable(model.provenance)],
    ['uncertainty-factors', () => uncertaintyTable(a)],
    ['utilization', () => utilizationTable(a)],
    ['units', () => unitsTable()],
    ['hardware', () => hardwareTable(model.hardware)],
    ['systems', () => systemsTable(records)],
    ...[...trendTables(fits)].map(([name, t]): [string, () => string] => [name, t.html]),
  ]);
}

/** The CSV of each table that offers one (tables/<name>.csv), by name. */
export function buildTableDownloads(model: RenderModel): Map<string, () => string | null> {
  return new Map([...trendTables(model.fits)].map(([name, t]) => [name, t.csv]));
}
