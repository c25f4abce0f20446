/** Tables of the Frontier, Economic periods and Training-run length pages. */
import type { Fits, RunLengthEstimate } from '../schema/fits.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { messages } from '../messages.ts';
import { linkUrl } from './charts/points.ts';
import * as fmt from './format.ts';
import { esc, htmlTable, link } from './html.ts';
import { TableNotes } from './not-computed.ts';

export function recordSettersTable(fits: Fits, records: readonly ProcessedRecord[]): string {
  const byId = new Map(records.map((r) => [r.id, r]));
  const rows = fits.frontier.record_setter_ids.map((id) => byId.get(id)).filter((r): r is ProcessedRecord => r !== undefined && r.flop !== null);
  if (rows.length === 0) return `<p class="table-note">${esc(messages.noRows(messages.noSystemsWithCompute))}</p>`;
  return htmlTable(
    rows,
    [
      { title: 'System', value: (r) => r.name },
      { title: 'Organization', value: (r) => r.organization },
      { title: 'Published', value: (r) => r.publicationDate },
      { title: 'Training compute (FLOP)', value: (r) => r.flop!.flop, numeric: true, html: (r) => fmt.flop(r.flop!.flop) },
      { title: 'Method', value: (r) => r.flop!.method },
      { title: 'Source', value: (r) => r.citation.title, html: (r) => link(linkUrl(r.citation.link), r.citation.title) },
    ],
    { caption: 'Record-setters: each above every earlier system in training compute', sortable: true, fullFile: 'models.csv (the ids in fits.json, frontier.record_setter_ids)' },
  );
}

export function aiAndComputeTable(fits: Fits): string {
  const w = fits.ai_and_compute;
  const notes = new TableNotes();
  const table = htmlTable(
    [w],
    [
      { title: 'Window', value: (r) => `${r.from} to ${r.to}` },
      { title: 'Record-setters fitted', value: (r) => r.fit.n, numeric: true },
      { title: 'Doubling time, ours', value: (r) => notes.cell(r.fit, 'Our doubling time', fmt.doublingText) },
      { title: 'Published', value: (r) => fmt.months(r.published_doubling_months) },
      { title: 'Source', value: (r) => r.source },
    ],
    { caption: w.label },
  );
  return table + notes.html();
}

export function economicPeriodsTable(fits: Fits): string {
  const params = (v: number | null) => (v === null ? '' : fmt.sci(v));
  const notes = new TableNotes();
  const table = htmlTable(
    fits.economic_periods,
    [
      { title: 'Period', value: (p) => p.label },
      { title: 'Systems', value: (p) => p.n, numeric: true },
      { title: 'With compute', value: (p) => p.compute.n, numeric: true },
      { title: 'Compute doubling', value: (p) => notes.cell(p.compute, `${p.label}, compute`, fmt.doublingText) },
      { title: 'Compute growth', value: (p) => (p.compute.computed ? fmt.growthText(p.compute) : '') },
      { title: 'Parameter doubling', value: (p) => notes.cell(p.parameters, `${p.label}, parameters`, fmt.doublingText) },
      { title: 'Median parameters', value: (p) => p.median_parameters, numeric: true, html: (p) => params(p.median_parameters) },
      { title: 'Largest', value: (p) => p.max_parameters, numeric: true, html: (p) => params(p.max_parameters) },
    ],
    { caption: "Derek Jones's three economic periods: counts, compute and parameter trends, parameter statistics" },
  );
  return table + notes.html();
}

const TRENDS: [string, string][] = [
  ['deep_learning', 'Our deep-learning trend'],
  ['large_scale', 'Our large-scale trend'],
  ['frontier', 'Our frontier trend'],
];

function estimateCell(e: RunLengthEstimate): string {
  if (e.median === null || e.lo === null || e.hi === null) return fmt.duration(e.years);
  // One unit for the whole cell: months when every figure is under two years.
  const inMonths = Math.max(e.years, e.hi) < 2;
  const v = (y: number) => (inMonths ? fmt.fixed(12 * y) : fmt.fixed(y, 2));
  return `${v(e.years)} ${inMonths ? 'months' : 'years'} (median ${v(e.median)}, 90% ${v(e.lo)}–${v(e.hi)})`;
}

export function runLengthTable(fits: Fits): string {
  const notes = new TableNotes();
  const missing = (key: string) => ({ computed: false as const, reason: messages.trendNotComputed(key), n: 0 });
  const table = htmlTable(
    fits.run_length.rows,
    [
      { title: 'Scenario', value: (r) => r.label },
      { title: 'Optimal length', value: (r) => `L* = ${r.formula}` },
      { title: 'Literature rates', value: (r) => fmt.duration(r.literature_years) },
      ...TRENDS.map(([key, title]) => ({ title, value: (r: (typeof fits.run_length.rows)[number]) => notes.cell(r.ours[key] ?? missing(key), `${title}, ${r.label}`, estimateCell) })),
    ],
    { caption: 'Optimal training-run length by scenario: literature rates beside the compute growth of our own trends' },
  );
  return table + notes.html();
}

export function runLengthRatesTable(fits: Fits): string {
  const rl = fits.run_length;
  const rows = [
    ...Object.entries(rl.literature_rates).map(([symbol, r]) => ({ symbol, value: r.value, source: r.citation })),
    ...TRENDS.flatMap(([key, title]) => (rl.our_gC[key] == null ? [] : [{ symbol: 'gC', value: rl.our_gC[key]!, source: `${title} (slope × ln 10); gI = gC − gH` }])),
  ];
  return htmlTable(
    rows,
    [
      { title: 'Rate', value: (r) => r.symbol },
      { title: 'Per year (continuous)', value: (r) => r.value, numeric: true, html: (r) => fmt.fixed(r.value, 3) },
      { title: 'Doubling time', value: (r) => fmt.months((12 * Math.LN2) / r.value) },
      { title: 'Source', value: (r) => r.source },
    ],
    { caption: 'Growth rates: the literature values with their citations, and the compute growth our trends imply' },
  );
}
