/**
 * Tables of the Domains & scale, Who trains and Policy thresholds pages, each with a CSV of the
 * same rows (data-table.ts). A part of an analysis that was not computed shows its reason.
 */
import type { Anchor, CostSeries, Fits, NamedSystem, Outcome, ScaleQuantity, ShareEstimate, TrendFit } from '../schema/fits.ts';
import type { CsvCell } from '../io/csv-writer.ts';
import { messages } from '../messages.ts';
import { SECTOR_LABELS, SECTORS } from '../analyze/record-fields.ts';
import { thresholdText } from '../analyze/thresholds.ts';
import { count, dateText, fixed, flop, percent, sci } from './format.ts';
import { esc } from './html.ts';
import { dataTableCsv, dataTableHtml, type DataColumn, type DataTable } from './data-table.ts';
import { computedOrNull } from './not-computed.ts';
import { anchorHtml, anchorText, doublingCell, rateCell } from './trend-format.ts';

const r4 = (v: number) => Number(v.toPrecision(4));

/** CSV fields of a rate: growth per year with its interval, doubling time, systems, seed (empty when not computed). */
function rateFields<T>(prefix: string, get: (row: T) => Outcome<TrendFit>): Record<string, (row: T) => CsvCell> {
  const fit = (row: T) => computedOrNull(get(row));
  const boot = (row: T) => {
    const f = fit(row);
    return f ? computedOrNull(f.bootstrap) : null;
  };
  return {
    [`${prefix}systems`]: (row) => get(row).n,
    [`${prefix}growth_per_year`]: (row) => (fit(row) ? r4(fit(row)!.growth_per_year) : null),
    [`${prefix}growth_ci95_low`]: (row) => (boot(row) ? r4(boot(row)!.growth_per_year.lo) : null),
    [`${prefix}growth_ci95_high`]: (row) => (boot(row) ? r4(boot(row)!.growth_per_year.hi) : null),
    // No doubling time for a trend that does not rise (format.ts doublingText).
    [`${prefix}doubling_months`]: (row) => (fit(row) && fit(row)!.slope > 0 ? r4(fit(row)!.doubling_months) : null),
    [`${prefix}bootstrap_seed`]: (row) => boot(row)?.seed ?? null,
    [`${prefix}not_computed`]: (row) => {
      const r = get(row);
      return r.computed ? null : r.reason;
    },
  };
}

function rateColumns<T>(get: (row: T) => Outcome<TrendFit>, csvPrefix = ''): DataColumn<T>[] {
  return [
    { title: 'Systems fitted', value: (row) => get(row).n, numeric: true, csv: {} },
    { title: 'Growth per year', value: (row) => rateCell(get(row)), csv: rateFields(csvPrefix, get) },
    { title: 'Doubling time', value: (row) => doublingCell(get(row)), csv: {} },
  ];
}

const anchorColumn = <T,>(title: string, get: (row: T) => Anchor | null): DataColumn<T> => ({
  title,
  value: (row) => anchorText(get(row)),
  html: (row) => {
    const a = get(row);
    return a ? anchorHtml(a, true) : '';
  },
  csv: { [title.toLowerCase().replace(/[^a-z0-9]+/g, '_')]: (row) => anchorText(get(row)) },
});

const named = (s: NamedSystem | null, value: (v: number) => string) => (s ? `${s.name} (${s.date}, ${value(s.value)})` : '');

// ---- 1. Domains

export function domainTrendsTable(fits: Fits): DataTable<Fits['domain_trends']['domains'][number]> {
  const d = fits.domain_trends;
  return {
    name: 'domain-trends',
    caption: `Training-compute trend per domain, systems from ${dateText(d.from)} to ${dateText(d.to)} (low outliers left out)`,
    rows: d.domains,
    columns: [{ title: 'Domain', value: (row) => row.label }, ...rateColumns<Fits['domain_trends']['domains'][number]>((row) => row.trend)],
  };
}

export function domainTrendsMatchedTable(fits: Fits): DataTable<Fits['domain_trends']['matched']['domains'][number]> {
  const m = fits.domain_trends.matched;
  return {
    name: 'domain-trends-matched',
    caption: `Our per-domain doubling times on Sevilla et al.'s window (${dateText(m.from)} to ${dateText(m.to)}) and domains, beside theirs`,
    rows: m.domains,
    columns: [
      { title: 'Domain (theirs)', value: (row) => row.label },
      { title: 'Our domains counted', value: (row) => row.includes.join(', ') },
      { title: 'Systems', value: (row) => row.n, numeric: true },
      { title: 'Our doubling time', value: (row) => (row.trend.computed ? doublingCell(row.trend) : `not computed: ${row.trend.reason}`), csv: rateFields('ours_', (row) => row.trend) },
      anchorColumn('Sevilla et al.', (row) => row.published),
    ],
  };
}

// ---- 2 and 3. Run scale, cost and power

type ScaleRow = { quantity: string; group: string; rate: Outcome<TrendFit>; anchor: Anchor | null };

function scaleRows(q: ScaleQuantity): ScaleRow[] {
  return [
    { quantity: q.label, group: 'All systems', rate: q.all, anchor: q.anchor_all },
    { quantity: q.label, group: 'Frontier systems', rate: q.frontier, anchor: q.anchor_frontier },
  ];
}

const scaleColumns: DataColumn<ScaleRow>[] = [
  { title: 'Quantity', value: (row) => row.quantity },
  { title: 'Group', value: (row) => row.group },
  ...rateColumns<ScaleRow>((row) => row.rate),
  anchorColumn('Published', (row) => row.anchor),
];

export function runScaleTable(fits: Fits): DataTable<ScaleRow> {
  return {
    name: 'run-scale',
    caption: `Growth of training duration, accelerator count and chip-hours since ${fits.run_scale.from.slice(0, 4)}, all systems and frontier systems, beside published rates`,
    rows: fits.run_scale.quantities.flatMap(scaleRows),
    columns: scaleColumns,
  };
}

type YearRow = { quantity: string; unit: string; year: number; n: number; median: number; max: number };

export function runScaleByYearTable(fits: Fits): DataTable<YearRow> {
  return {
    name: 'run-scale-by-year',
    caption: 'Training duration, accelerators and chip-hours per year: systems with a value, median and largest',
    rows: fits.run_scale.quantities.flatMap((q) => q.by_year.map((y) => ({ quantity: q.label, unit: q.unit, ...y }))),
    empty: messages.noRunScaleValues(fits.run_scale.from.slice(0, 4)),
    columns: [
      { title: 'Quantity', value: (row) => row.quantity },
      { title: 'Year', value: (row) => row.year, numeric: true, html: (row) => String(row.year) },
      { title: 'Systems', value: (row) => row.n, numeric: true },
      { title: 'Median', value: (row) => row.median, numeric: true, html: (row) => esc(sci(row.median)) },
      { title: 'Largest', value: (row) => row.max, numeric: true, html: (row) => esc(sci(row.max)) },
      { title: 'Unit', value: (row) => row.unit },
    ],
  };
}

type CostRow = { series: CostSeries; group: string; rate: Outcome<TrendFit>; anchor: Anchor | null };

export function costPowerTable(fits: Fits): DataTable<CostRow> {
  const c = fits.cost_and_power;
  const series = [...c.cost, c.acquisition_cost, c.power].filter((s) => s.n > 0);
  return {
    name: 'cost-and-power',
    caption: `Growth of training cost (each basis as stated, never mixed) and power draw since ${c.from.slice(0, 4)}, all and frontier systems`,
    rows: series.flatMap((s) => [
      { series: s, group: 'All systems', rate: s.all, anchor: null },
      { series: s, group: 'Frontier systems', rate: s.frontier, anchor: s.anchor_frontier },
    ]),
    empty: messages.noCostOrPower(c.from.slice(0, 4)),
    columns: [
      { title: 'Quantity', value: (row) => row.series.label },
      { title: 'Basis', value: (row) => row.series.unit },
      { title: 'Group', value: (row) => row.group },
      ...rateColumns<CostRow>((row) => row.rate),
      { title: 'Largest', value: (row) => named(row.series.largest, sci) },
      anchorColumn('Published', (row) => row.anchor),
    ],
  };
}

// ---- 4. Thresholds

const THRESHOLD_LABEL = (t: number) => `> ${thresholdText(t)}`;

type ThresholdYearRow = Fits['thresholds']['by_year'][number];

export function thresholdsByYearTable(fits: Fits): DataTable<ThresholdYearRow> {
  const t = fits.thresholds;
  const range = (v: number, lo: number, hi: number) => (lo === hi ? count(v) : `${count(v)} (${count(lo)}–${count(hi)})`);
  const columns: DataColumn<ThresholdYearRow>[] = [{ title: 'Year', value: (row) => row.year, numeric: true, html: (row) => String(row.year) }];
  t.thresholds.forEach((th, k) => {
    const key = `above_1e${Math.round(Math.log10(th))}`;
    columns.push({
      title: `New ${THRESHOLD_LABEL(th)}`,
      value: (row) => row.above[k],
      numeric: true,
      html: (row) => esc(range(row.above[k], row.above_low[k], row.above_high[k])),
      csv: { [key]: (row) => row.above[k], [`${key}_low`]: (row) => row.above_low[k], [`${key}_high`]: (row) => row.above_high[k] },
    });
    columns.push({
      title: `Total ${THRESHOLD_LABEL(th)}`,
      value: (row) => row.cumulative[k],
      numeric: true,
      html: (row) => esc(range(row.cumulative[k], row.cumulative_low[k], row.cumulative_high[k])),
      csv: { [`cumulative_${key}`]: (row) => row.cumulative[k], [`cumulative_${key}_low`]: (row) => row.cumulative_low[k], [`cumulative_${key}_high`]: (row) => row.cumulative_high[k] },
    });
  });
  if (t.possibly_over_1e23.computed) columns.push({ title: 'Possibly over 10²³ (no value)', value: (row) => row.possibly_over_1e23, numeric: true });
  return { name: 'thresholds-by-year', caption: 'Systems above each threshold per year and in total (in brackets: counting every value at the low and at the high end of its range)', rows: t.by_year, columns };
}

type TotalRow = Fits['thresholds']['totals'][number];

export function thresholdsNewestTable(fits: Fits): DataTable<TotalRow> {
  const list = (systems: NamedSystem[]) => systems.map((s) => `${s.name} (${s.date}, ${flop(s.value)})`).join('; ');
  return {
    name: 'thresholds-newest',
    caption: 'Systems above each threshold: how many, the first, and the newest',
    rows: fits.thresholds.totals,
    columns: [
      { title: 'Threshold', value: (row) => THRESHOLD_LABEL(row.threshold), csv: { threshold_flop: (row) => row.threshold } },
      { title: 'Systems', value: (row) => row.count, numeric: true, csv: { systems: (row) => row.count } },
      { title: 'Range', value: (row) => (row.low === row.high ? '' : `${count(row.low)}–${count(row.high)}`), csv: { systems_low: (row) => row.low, systems_high: (row) => row.high } },
      { title: 'First', value: (row) => named(row.first, flop) },
      { title: 'Newest', value: (row) => list(row.newest) },
    ],
  };
}

// ---- 5. Who trains

const sectorLabel = (s: string) => SECTOR_LABELS[s as keyof typeof SECTOR_LABELS] ?? s;

export function sectorPeriodsTable(fits: Fits): DataTable<ShareEstimate> {
  const s = fits.who_trains.sectors;
  const rows = s.computed ? s.periods : [];
  return {
    name: 'sector-shares',
    caption: 'Share of systems by developer sector and period; industry’s share with a 95% bootstrap interval',
    rows,
    columns: [
      { title: 'Period', value: (row) => row.label },
      { title: 'Systems', value: (row) => row.n, numeric: true },
      {
        title: SECTOR_LABELS.industry,
        value: (row) => (row.industry ? `${percent(row.industry.share)} (95% CI ${percent(row.industry.lo)}–${percent(row.industry.hi)})` : ''),
        csv: {
          industry_share: (row) => row.industry?.share ?? null,
          industry_ci95_low: (row) => row.industry?.lo ?? null,
          industry_ci95_high: (row) => row.industry?.hi ?? null,
          bootstrap_seed: (row) => row.industry?.seed ?? null,
        },
      },
      ...SECTORS.filter((k) => k !== 'industry').map(
        (k): DataColumn<ShareEstimate> => ({ title: sectorLabel(k), value: (row) => (row.n ? percent(row.shares[k]) : ''), csv: { [`${k}_share`]: (row) => row.shares[k] } }),
      ),
    ],
  };
}

type CountryRow = Extract<Fits['who_trains']['countries'], { computed: true }>['by_country'][number];

export function countriesTable(fits: Fits): DataTable<CountryRow> {
  const c = fits.who_trains.countries;
  return {
    name: 'countries',
    caption: 'Systems by the developers’ country: alone, and counting every country of a collaboration',
    rows: c.computed ? c.by_country : [],
    columns: [
      { title: 'Country', value: (row) => row.country },
      { title: 'Systems (this country alone)', value: (row) => row.systems, numeric: true },
      { title: 'Systems (involved)', value: (row) => row.involved, numeric: true },
      { title: 'With compute', value: (row) => row.with_flop, numeric: true },
      { title: 'Above 10²³ FLOP', value: (row) => row.above_1e23, numeric: true },
      { title: 'Largest', value: (row) => named(row.largest, flop) },
    ],
  };
}

type LagRow = Extract<Fits['who_trains']['openness'], { computed: true }>['lag'][number];

export function openClosedLagTable(fits: Fits): DataTable<LagRow> {
  const o = fits.who_trains.openness;
  return {
    name: 'open-closed-lag',
    caption: 'The best open-weights and the best closed system so far, and how far the open one trails',
    rows: o.computed ? o.lag : [],
    columns: [
      { title: 'As of', value: (row) => row.as_of },
      { title: 'Best open weights', value: (row) => named(row.best_open, flop), csv: { best_open: (row) => row.best_open.name, best_open_flop: (row) => row.best_open.value } },
      { title: 'Best closed', value: (row) => named(row.best_closed, flop), csv: { best_closed: (row) => row.best_closed.name, best_closed_flop: (row) => row.best_closed.value } },
      { title: 'Gap (orders of magnitude)', value: (row) => row.orders_of_magnitude, numeric: true, html: (row) => fixed(row.orders_of_magnitude, 2) },
      { title: 'Open / closed systems so far', value: (row) => `${count(row.open_so_far)} / ${count(row.closed_so_far)}`, csv: { open_systems_so_far: (row) => row.open_so_far, closed_systems_so_far: (row) => row.closed_so_far } },
      {
        title: 'Years behind',
        value: (row) => row.years,
        numeric: true,
        html: (row) => `${row.years_at_least ? '≥ ' : ''}${fixed(row.years, 1)}`,
        csv: { years_behind: (row) => row.years, years_behind_is_lower_bound: (row) => row.years_at_least },
      },
    ],
  };
}

// ---- 6. Tokens per parameter

type TppRow = Fits['tokens_per_parameter']['by_year'][number];

export function tokensPerParameterTable(fits: Fits): DataTable<TppRow> {
  const t = fits.tokens_per_parameter;
  return {
    name: 'tokens-per-parameter',
    caption: `Tokens per parameter of language models per year, against the compute-optimal ${t.optimal.value}`,
    rows: t.by_year,
    columns: [
      { title: 'Year', value: (row) => row.year, numeric: true, html: (row) => String(row.year) },
      { title: 'Models', value: (row) => row.n, numeric: true },
      { title: 'Median', value: (row) => row.median, numeric: true, html: (row) => esc(sci(row.median)) },
      { title: 'Largest', value: (row) => row.max, numeric: true, html: (row) => esc(sci(row.max)) },
      { title: `Above ${t.optimal.value}`, value: (row) => row.above_optimal, numeric: true },
    ],
  };
}

/** A table's two renderings, built when asked for. */
export interface TableOutputs {
  html: () => string;
  /** Null for a table without rows: the page links no CSV. */
  csv: () => string | null;
}

const outputs = <T,>(build: () => DataTable<T>): TableOutputs => ({
  html: () => dataTableHtml(build()),
  csv: () => {
    const t = build();
    return t.rows.length > 0 ? dataTableCsv(t) : null;
  },
});

/** Every table of the trend pages, by name. */
export function trendTables(fits: Fits): Map<string, TableOutputs> {
  const builders = [
    domainTrendsTable,
    domainTrendsMatchedTable,
    runScaleTable,
    runScaleByYearTable,
    costPowerTable,
    thresholdsByYearTable,
    thresholdsNewestTable,
    sectorPeriodsTable,
    countriesTable,
    openClosedLagTable,
    tokensPerParameterTable,
  ] as ((fits: Fits) => DataTable<unknown>)[];
  return new Map(builders.map((b) => [b(fits).name, outputs(() => b(fits))]));
}
