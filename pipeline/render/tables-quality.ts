/** Tables of the Data quality page. */
import type { Assumptions } from '../ingest/assumptions.ts';
import type { Fits, Outcome, TrendFit } from '../schema/fits.ts';
import type { Provenance } from '../schema/provenance.ts';
import { TableNotes } from './not-computed.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { messages } from '../messages.ts';
import { auditRows } from './charts/period-charts.ts';
import * as fmt from './format.ts';
import { esc, htmlTable, link } from './html.ts';

const METHOD_NOTES: Record<string, string> = {
  stated: 'stated in FLOP by the authors',
  converted: 'stated by the authors in another unit (pf/s-days, ...) and converted',
  'third-party': 'estimated by a third party (Epoch AI, OpenAI, ...)',
  operations: 'imputed by this pipeline: 6 × parameters × tokens',
  hardware: 'imputed by this pipeline: accelerators × time × peak × utilization',
};

/** The uncertainty factor of a method: assumptions.yaml spells third-party as third_party. */
const factorOf = (a: Assumptions, method: string): number | null => (a.uncertainty_factor as Record<string, number>)[method.replace('-', '_')] ?? null;

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
      { title: 'Uncertainty factor', value: (r) => factorOf(a, r.method), numeric: true },
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
      { title: 'Value used (FLOP)', value: (r) => r.flop, numeric: true, html: (r) => fmt.flop(r.flop) },
      { title: 'Value by', value: (r) => r.value_by },
      { title: 'Estimated FLOP', value: (r) => r.estimate, numeric: true, html: (r) => fmt.flop(r.estimate) },
      { title: 'Estimate method', value: (r) => r.estimate_method },
      { title: 'Used ÷ estimated', value: (r) => r.ratio, numeric: true, html: (r) => fmt.fixed(r.ratio, r.ratio < 10 ? 2 : 0) },
      { title: 'Source of the value', value: (r) => r.value_source, html: (r) => link(r.value_link, r.value_source) },
    ],
    { caption, sortable: true, fullFile: 'audit.csv' },
  );
}

/** Every record whose stated value could be checked, largest disagreement first. */
export function imputationAuditTable(records: readonly ProcessedRecord[], a: Assumptions): string {
  const rows = auditRows(records, a.audit_disagreement_factor).sort((x, y) => Math.abs(Math.log(y.ratio)) - Math.abs(Math.log(x.ratio)) || (x.id < y.id ? -1 : 1));
  if (rows.length === 0) return `<p class="table-note">${esc(messages.noRows(messages.noAudit))}</p>`;
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
  const notes = new TableNotes();
  // The change is the difference of the two values as printed (one decimal), so that it always
  // agrees with them: 5.4 and 5.5 differ by +0.1, whatever the digits behind them.
  const delta = (fit: TrendFit, ref: Outcome<TrendFit> | undefined) => {
    if (!ref?.computed || fit === ref || !(fit.slope > 0) || !(ref.slope > 0)) return '';
    const d = Math.round(10 * Number(fmt.fixed(fit.doubling_months))) - Math.round(10 * Number(fmt.fixed(ref.doubling_months)));
    return d === 0 ? ' (no change)' : ` (${d > 0 ? '+' : '−'}${fmt.fixed(Math.abs(d) / 10)})`;
  };
  const table = htmlTable(
    fits.sensitivity,
    [
      { title: 'Values used', value: (s) => s.label },
      { title: 'Methods', value: (s) => s.methods.join(', ') },
      { title: 'Deep-learning doubling', value: (s) => notes.cell(s.deep_learning, `${s.label}, deep-learning`, (f) => `${fmt.doublingText(f)}${delta(f, base?.deep_learning)}`) },
      { title: 'Systems', value: (s) => s.deep_learning.n, numeric: true },
      { title: 'Large-scale doubling', value: (s) => notes.cell(s.large_scale, `${s.label}, large-scale`, (f) => `${fmt.doublingText(f)}${delta(f, base?.large_scale)}`) },
      { title: 'Systems ', value: (s) => s.large_scale.n, numeric: true },
    ],
    { caption: 'Sensitivity: the headline doubling times on the values of each provenance (change in months in brackets)' },
  );
  return table + notes.html();
}

/**
 * The warnings of the run — values kept though outside the range the literature reports
 * (pipeline/schema/bounds.ts), upstream values dropped as impossible, ignored columns — with
 * where each is, so a reader can check them.
 */
export function warningsTable(provenance: Provenance): string {
  if (provenance.warnings.length === 0) return `<p>${messages.noWarnings}</p>`;
  return htmlTable(
    provenance.warnings,
    [
      { title: 'Where', value: (w) => [w.file, w.line, w.column].filter((v) => v !== undefined).join(':') },
      { title: 'Warning', value: (w) => w.message },
    ],
    { caption: `${fmt.count(provenance.warnings.length)} warning${provenance.warnings.length === 1 ? '' : 's'} about the input data`, sortable: true },
  );
}
