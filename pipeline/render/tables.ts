/**
 * The named tables pages can embed with {{table "name"}}. A new table is a builder here; the
 * builders live beside the pages that use them (tables-*.ts).
 */
import { linkUrl } from './charts/points.ts';
import * as fmt from './format.ts';
import { esc, htmlTable, link } from './html.ts';
import type { RenderModel } from './model.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { aiAndComputeTable, economicPeriodsTable, recordSettersTable, runLengthRatesTable, runLengthTable } from './tables-analysis.ts';
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
      { title: 'Method', value: (r) => r.flop?.method ?? '' },
      { title: 'Source', value: (r) => r.citation.title, html: (r) => `${link(linkUrl(r.citation.link), r.citation.title)} (${esc(r.citation.year)})` },
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
    ['ai-and-compute', () => aiAndComputeTable(fits)],
    ['economic-periods', () => economicPeriodsTable(fits)],
    ['run-length', () => runLengthTable(fits)],
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
