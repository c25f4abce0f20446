/** Tables of the Frontier, Economic periods and Training-run length pages. */
import { POST_ERRATA, POST_QUOTED_LENGTHS, POST_SWAPPING } from '../analyze/run-length-scenarios.ts';
import type { Fits, RunLengthEstimate } from '../schema/fits.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { messages } from '../messages.ts';
import { linkUrl } from './source-link.ts';
import * as fmt from './format.ts';
import { esc, htmlTable, link } from './html.ts';
import { TableNotes } from './not-computed.ts';
import { valueColumns } from './value-provenance.ts';

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
      ...valueColumns<ProcessedRecord>((r) => r),
      { title: 'Paper', value: (r) => r.citation.title, html: (r) => link(linkUrl(r.citation.link), r.citation.title) },
    ],
    { caption: `Record-setters from ${fmt.dateText(fits.frontier.record_from)}: each above every system published before it from that date`, sortable: true, fullFile: 'models.csv (the ids in fits.json, frontier.record_setter_ids)' },
  );
}

export function aiAndComputeTable(fits: Fits, records: readonly ProcessedRecord[]): string {
  const w = fits.ai_and_compute;
  const names = new Map(records.map((r) => [r.id, r.name]));
  const notes = new TableNotes();
  const verdict = (v: string | null) => (v === null ? '' : v === 'consistent' ? 'consistent (the intervals meet)' : v === 'faster' ? 'faster than published' : 'slower than published');
  const table = htmlTable(
    [w],
    [
      { title: 'Window', value: (r) => `${fmt.dateText(r.from)} to ${fmt.dateText(r.to)}` },
      { title: 'Record-setters fitted', value: (r) => `${r.fit.n}: ${r.ids.map((id) => names.get(id) ?? id).join(', ')}` },
      { title: 'Doubling time, ours', value: (r) => notes.cell(r.fit, 'Our doubling time', (f) => `${fmt.doublingText(f)}; ${fmt.growthText(f)}`) },
      { title: 'Published', value: (r) => fmt.months(r.published_doubling_months) },
      { title: 'Verdict', value: (r) => verdict(r.verdict) },
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
  ['frontier', 'Our record-setters trend'],
];

/**
 * A run length with its Monte Carlo median and 90% interval, in one unit (months when every figure
 * is under two years). An interval that collapses to a point (no input of the formula is
 * uncertain) is not printed as one: the cell says so.
 */
export function estimateCell(e: RunLengthEstimate): string {
  if (e.median === null || e.lo === null || e.hi === null) return fmt.duration(e.years);
  const inMonths = Math.max(e.years, e.hi) < 2;
  const v = (y: number) => (inMonths ? fmt.fixed(12 * y) : fmt.fixed(y, 2));
  const unit = inMonths ? 'months' : 'years';
  if (v(e.lo) === v(e.hi)) return `${v(e.years)} ${unit} (${messages.noRunLengthSpread})`;
  return `${v(e.years)} ${unit} (median ${v(e.median)}, 90% ${v(e.lo)}–${v(e.hi)})`;
}

type RunRow = Fits['run_length']['rows'][number];

function runLengthColumns(notes: TableNotes) {
  const missing = (key: string) => ({ computed: false as const, reason: messages.trendNotComputed(key), n: 0 });
  return [
    { title: 'Scenario', value: (r: RunRow) => r.label },
    { title: 'Optimal length', value: (r: RunRow) => `L* = ${r.formula}` },
    { title: 'Literature rates', value: (r: RunRow) => estimateCell(r.literature) },
    ...TRENDS.map(([key, title]) => ({ title, value: (r: RunRow) => notes.cell(r.ours[key] ?? missing(key), `${title}, ${r.label}`, estimateCell) })),
  ];
}

export function runLengthTable(fits: Fits): string {
  const notes = new TableNotes();
  const table = htmlTable(fits.run_length.rows, runLengthColumns(notes), {
    caption: 'Optimal training-run length by scenario, recomputed: the literature rates beside the compute growth of our own trends, each with the median and 90% interval of a Monte Carlo over gC, gH and gS',
  });
  return table + notes.html();
}

/** The post's own table, as published and as earlier copies print it, beside our recomputation. */
export function runLengthPostTable(fits: Fits): string {
  const rows = fits.run_length.rows;
  const quoted = (id: string) => POST_QUOTED_LENGTHS[id as keyof typeof POST_QUOTED_LENGTHS];
  return htmlTable(
    rows,
    [
      { title: 'Scenario (as the post names it)', value: (r) => r.label },
      { title: 'Formula', value: (r) => `1/${r.formula.replace(/^1\//, '').replace(/ = 1\/gC$/, '')}` },
      { title: 'As published (revision of 28 June 2023)', value: (r) => (quoted(r.scenario) ? `${quoted(r.scenario).value} ${quoted(r.scenario).unit}` : '') },
      {
        title: 'Copies before the corrections',
        value: (r) =>
          r.scenario === POST_ERRATA.scenario
            ? `${POST_ERRATA.before.value} ${POST_ERRATA.before.unit} (corrected on ${fmt.dateText(POST_ERRATA.corrected_on)})`
            : r.scenario === POST_ERRATA.earlier_correction.scenario
              ? `changed on ${fmt.dateText(POST_ERRATA.earlier_correction.on)} (the earlier value is not quoted here)`
              : 'unchanged',
      },
      { title: 'Recomputed here from the post’s rates', value: (r) => estimateCell(r.literature) },
    ],
    { caption: 'Epoch AI’s table ("The longest training run", Sevilla, Besiroglu, Dudney & Ho 2022), as published and recomputed; in brackets the median and 90% interval with gH and gS uncertain' },
  );
}

/** Hardware swapped mid-run: the post's result as it states it, and this report's own variant. */
export function runLengthSwappingTable(fits: Fits): string {
  const notes = new TableNotes();
  const ours = fits.run_length.swapping_ours;
  const rows = [
    { who: 'Epoch AI’s post, as stated', formula: `L* = ${POST_SWAPPING.formula}`, literature: `between ${POST_SWAPPING.range_years[0]} and ${POST_SWAPPING.range_years[1]} years (${messages.unverifiedQuotation})`, ours: null as RunRow | null },
    { who: 'This report’s variant (derived on the Methods page)', formula: `L* = ${ours.formula}`, literature: estimateCell(ours.literature), ours },
  ];
  const table = htmlTable(
    rows,
    [
      { title: 'Model', value: (r) => r.who },
      { title: 'Optimal length', value: (r) => r.formula },
      { title: 'Literature rates', value: (r) => r.literature },
      ...TRENDS.map(([key, title]) => ({ title, value: (r: (typeof rows)[number]) => (r.ours ? notes.cell(r.ours.ours[key] ?? { computed: false as const, reason: messages.trendNotComputed(key), n: 0 }, `${title}, swapping`, estimateCell) : '—') })),
    ],
    { caption: 'Hardware swapped for the newest generation mid-run: the post’s result, and this report’s own variant with its rates' },
  );
  return table + notes.html();
}

export function runLengthRatesTable(fits: Fits): string {
  const rl = fits.run_length;
  const rows = [
    ...Object.entries(rl.literature_rates).map(([symbol, r]) => ({ symbol, value: r.value, ci: r.ci95, source: r.citation })),
    ...TRENDS.flatMap(([key, title]) => (rl.our_gC[key] == null ? [] : [{ symbol: 'gC', value: rl.our_gC[key]!, ci: null as [number, number] | null, source: `${title} (slope × ln 10); gI = gC − gH` }])),
  ];
  const doubling = (v: number) => fmt.fixed((12 * Math.LN2) / v);
  return htmlTable(
    rows,
    [
      { title: 'Rate', value: (r) => r.symbol },
      { title: 'Per year (continuous)', value: (r) => r.value, numeric: true, html: (r) => `${fmt.fixed(r.value, 3)}${r.ci ? ` (95% ${fmt.fixed(r.ci[0], 3)}–${fmt.fixed(r.ci[1], 3)})` : ''}` },
      { title: 'Doubling time', value: (r) => `${fmt.months((12 * Math.LN2) / r.value)}${r.ci ? ` (95% ${doubling(r.ci[1])}–${doubling(r.ci[0])})` : ''}` },
      { title: 'Source', value: (r) => r.source },
    ],
    { caption: 'Growth rates: the literature values with their citations (and intervals where the Monte Carlo draws them), and the compute growth our trends imply' },
  );
}
