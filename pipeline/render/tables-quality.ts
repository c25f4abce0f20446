/** Tables of the Data quality page. */
import type { Assumptions } from '../ingest/assumptions.ts';
import type { Fits } from '../schema/fits.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { messages } from '../messages.ts';
import { auditRows } from './charts/period-charts.ts';
import * as fmt from './format.ts';
import { htmlTable, link } from './html.ts';

const METHOD_NOTES: Record<string, string> = {
  reported: 'stated in FLOP by a source',
  converted: 'stated in another unit (pf/s-days, ...) and converted',
  operations: 'imputed: 6 × parameters × tokens',
  hardware: 'imputed: accelerators × time × peak × utilization',
};

export function methodsTable(fits: Fits, a: Assumptions): string {
  const total = fits.data.with_flop;
  const rows = Object.entries(fits.data.by_method).map(([method, n]) => ({ method, n }));
  return htmlTable(
    rows,
    [
      { title: 'Method', value: (r) => r.method },
      { title: 'What it means', value: (r) => METHOD_NOTES[r.method] ?? '' },
      { title: 'Systems', value: (r) => r.n, numeric: true },
      { title: 'Share', value: (r) => (total ? r.n / total : 0), numeric: true, html: (r) => fmt.percent(total ? r.n / total : 0) },
      { title: 'Uncertainty factor', value: (r) => (a.uncertainty_factor as Record<string, number>)[r.method] ?? null, numeric: true },
    ],
    { caption: `How each of the ${fmt.count(total)} compute values was obtained` },
  );
}

type AuditRow = ReturnType<typeof auditRows>[number];

function auditTable(rows: readonly AuditRow[], caption: string): string {
  return htmlTable(
    rows,
    [
      { title: 'System', value: (r) => r.name },
      { title: 'Published', value: (r) => r.date },
      { title: 'Stated FLOP', value: (r) => r.flop, numeric: true, html: (r) => fmt.flop(r.flop) },
      { title: 'Stated as', value: (r) => r.method },
      { title: 'Estimated FLOP', value: (r) => r.estimate, numeric: true, html: (r) => fmt.flop(r.estimate) },
      { title: 'Estimate method', value: (r) => r.estimate_method },
      { title: 'Stated ÷ estimated', value: (r) => r.ratio, numeric: true, html: (r) => fmt.fixed(r.ratio, r.ratio < 10 ? 2 : 0) },
      { title: 'Source', value: (r) => r.source, html: (r) => link(r.link, r.source) },
    ],
    { caption, sortable: true, fullFile: 'audit.csv' },
  );
}

/** Every record whose stated value could be checked, largest disagreement first. */
export function imputationAuditTable(records: readonly ProcessedRecord[], a: Assumptions): string {
  const rows = auditRows(records, a.audit_disagreement_factor).sort((x, y) => Math.abs(Math.log(y.ratio)) - Math.abs(Math.log(x.ratio)) || (x.id < y.id ? -1 : 1));
  return auditTable(rows, 'Imputation audit: stated compute against an independent estimate, largest disagreement first');
}

/** The impute stage's disagreements (beyond the audit factor), as it listed them. */
export function disagreementsTable(records: readonly ProcessedRecord[], disagreements: readonly string[], a: Assumptions): string {
  const ids = new Set(disagreements);
  const rows = auditRows(records, a.audit_disagreement_factor).filter((r) => ids.has(r.id));
  if (rows.length === 0) return `<p>No stated value differs from its independent estimate by more than ${a.audit_disagreement_factor}×.</p>`;
  return auditTable(rows, `Stated and estimated compute differ by more than ${a.audit_disagreement_factor}×`);
}

export function sensitivityTable(fits: Fits): string {
  const base = fits.sensitivity[0];
  const delta = (fit: { doubling_months: number } | null, ref: { doubling_months: number } | null) =>
    fit && ref && fit !== ref ? ` (${fit.doubling_months >= ref.doubling_months ? '+' : '−'}${fmt.fixed(Math.abs(fit.doubling_months - ref.doubling_months))})` : '';
  return htmlTable(
    fits.sensitivity,
    [
      { title: 'Values used', value: (s) => s.label },
      { title: 'Methods', value: (s) => s.methods.join(', ') },
      { title: 'Deep-learning doubling', value: (s) => (s.deep_learning ? `${fmt.doublingText(s.deep_learning)}${delta(s.deep_learning, base?.deep_learning ?? null)}` : messages.noFit) },
      { title: 'Systems', value: (s) => s.deep_learning?.n ?? 0, numeric: true },
      { title: 'Large-scale doubling', value: (s) => (s.large_scale ? `${fmt.doublingText(s.large_scale)}${delta(s.large_scale, base?.large_scale ?? null)}` : messages.noFit) },
      { title: 'Systems ', value: (s) => s.large_scale?.n ?? 0, numeric: true },
    ],
    { caption: 'Sensitivity: the headline doubling times with and without imputed values (change in months in brackets)' },
  );
}
