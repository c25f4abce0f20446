/**
 * Charts of the Policy thresholds and Who trains pages: systems above each compute threshold over
 * time; sector shares and countries per year; the best open-weights and closed systems so far.
 */
import { SECTOR_LABELS, SECTORS } from '../../analyze/record-fields.ts';
import { thresholdText } from '../../analyze/thresholds.ts';
import { count, flop, percent } from '../format.ts';
import type { ChartContext } from './chart-context.ts';
import { base, interactionParams, LEGEND_OPACITY, LEGEND_TOP_LEFT, logY, N, Q, SOLID_SYMBOLS, type ChartDef, type NotDrawn } from './common.ts';
import { systemFields } from './points.ts';

const THRESHOLD_COLORS = ['#4c78a8', '#54a24b', '#f58518', '#e45756'];
const POSSIBLY = 'Possibly over 10²³ (no value)';

const yearAxis = { field: 'year', type: Q, title: 'Year', axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false, nice: false, padding: 10 } };

/** Lines with points per group over years, on a linear y: the shape of the count and share charts. */
function linesSpec(o: { description: string; rows: object[]; color: { field: string; title: string; domain: string[]; range: string[] }; y: object; tooltip: object[]; band?: { lo: string; hi: string } }) {
  const color = { field: o.color.field, type: N, title: o.color.title, scale: { domain: o.color.domain, range: o.color.range }, legend: { ...LEGEND_TOP_LEFT, ...SOLID_SYMBOLS } };
  const rows = o.rows as Record<string, unknown>[];
  return {
    ...base(o.description),
    layer: [
      ...(o.band
        ? [{ data: { values: rows }, mark: { type: 'area', opacity: 0.15 }, encoding: { x: yearAxis, y: { field: o.band.lo, type: Q }, y2: { field: o.band.hi }, color, detail: { field: o.color.field, type: N } } }]
        : []),
      { data: { values: rows }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x: yearAxis, y: o.y, color, opacity: LEGEND_OPACITY } },
      { data: { values: rows }, params: interactionParams(o.color.field), mark: { type: 'point', filled: true, size: 40 }, encoding: { x: yearAxis, y: o.y, color, opacity: LEGEND_OPACITY, tooltip: o.tooltip } },
    ],
  };
}

export function thresholdCountsChart(c: ChartContext): ChartDef | NotDrawn {
  const t = c.model.fits.thresholds;
  const title = 'Systems above each compute threshold, cumulative';
  if (!t.status.computed) return { name: 'threshold-counts', title, notDrawn: t.status.reason };
  const labels = t.thresholds.map((th) => `More than ${thresholdText(th)} FLOP`);
  const rows = t.by_year.flatMap((y) => [
    ...t.thresholds.map((_, k) => ({
      year: y.year,
      threshold: labels[k],
      new_systems: y.above[k],
      cumulative: y.cumulative[k],
      cumulative_low: y.cumulative_low[k],
      cumulative_high: y.cumulative_high[k],
    })),
    ...(y.possibly_over_1e23 !== null && t.possibly_over_1e23.computed
      ? [{ year: y.year, threshold: POSSIBLY, new_systems: y.possibly_over_1e23, cumulative: NaN, cumulative_low: NaN, cumulative_high: NaN }]
      : []),
  ]);
  // The possibly-over series counts new systems only; its cumulative is its running sum.
  let running = 0;
  for (const r of rows) if (r.threshold === POSSIBLY) r.cumulative = r.cumulative_low = r.cumulative_high = running += r.new_systems;
  const domain = [...labels, ...(rows.some((r) => r.threshold === POSSIBLY) ? [POSSIBLY] : [])];
  const last = t.by_year.at(-1);
  return {
    name: 'threshold-counts',
    title,
    caption: `How many systems in the data had been trained with more than 10²³, 10²⁴, 10²⁵ and 10²⁶ FLOP by the end of each year; the shaded band counts every value at the low and at the high end of its uncertainty range. The EU AI Act presumes systemic risk above 10²⁵ FLOP; the US executive order of 2023 required reports above 10²⁶.`,
    alt: `Line chart of cumulative counts per year of systems above four compute thresholds${last ? `; by ${last.year}: ${t.thresholds.map((th, k) => `${count(last.cumulative[k])} above ${thresholdText(th)} FLOP`).join(', ')}` : ''}.`,
    spec: linesSpec({
      description: 'Cumulative number of systems above each training-compute threshold, per year.',
      rows,
      color: { field: 'threshold', title: 'Threshold', domain, range: domain.map((_, k) => (k < THRESHOLD_COLORS.length ? THRESHOLD_COLORS[k] : '#9467bd')) },
      y: { field: 'cumulative', type: Q, title: 'Systems above the threshold (cumulative)' },
      tooltip: [
        { field: 'threshold', title: 'Threshold' },
        { field: 'year', title: 'Year' },
        { field: 'new_systems', title: 'New that year' },
        { field: 'cumulative', title: 'Total by the end of the year' },
        { field: 'cumulative_low', title: 'Total, low ends of the ranges' },
        { field: 'cumulative_high', title: 'Total, high ends of the ranges' },
      ],
      band: { lo: 'cumulative_low', hi: 'cumulative_high' },
    }) as unknown as ChartDef['spec'],
    rows,
    columns: [
      { field: 'year', title: 'Year' },
      { field: 'threshold', title: 'Threshold' },
      { field: 'new_systems', title: 'New that year' },
      { field: 'cumulative', title: 'Total' },
      { field: 'cumulative_low', title: 'Total (low ends)' },
      { field: 'cumulative_high', title: 'Total (high ends)' },
    ],
  };
}

const SECTOR_COLORS = ['#4c78a8', '#f58518', '#54a24b', '#b279a2'];

export function sectorSharesChart(c: ChartContext): ChartDef | NotDrawn {
  const s = c.model.fits.who_trains.sectors;
  const title = 'Who develops notable systems: share by sector per year';
  if (!s.computed) return { name: 'sector-shares', title, notDrawn: s.reason };
  const from = Math.floor(c.dlStart);
  const rows = s.by_year.filter((y) => y.year >= from).flatMap((y) => SECTORS.map((k) => ({ year: y.year, sector: SECTOR_LABELS[k], systems: y.counts[k], of: y.n, share: Number((y.counts[k] / y.n).toFixed(4)) })));
  const domain = SECTORS.map((k) => SECTOR_LABELS[k]);
  const latest = s.periods.at(-1);
  return {
    name: 'sector-shares',
    title,
    caption: `Share of each year’s systems since ${from} developed by industry alone, academia alone, both together, or others (government, research collectives), from the developers’ organization kinds as the upstream records them. Years with few systems swing widely: hover for the counts.`,
    alt: `Line chart of the yearly shares of industry, academia, collaborations and others among ${count(s.n)} systems${latest?.industry ? `; industry's share since ${latest.from} is ${percent(latest.industry.share)}` : ''}.`,
    spec: linesSpec({
      description: 'Share of systems per year by developer sector.',
      rows,
      color: { field: 'sector', title: 'Developers', domain, range: SECTOR_COLORS },
      y: { field: 'share', type: Q, title: 'Share of the year’s systems', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      tooltip: [
        { field: 'sector', title: 'Developers' },
        { field: 'year', title: 'Year' },
        { field: 'systems', title: 'Systems' },
        { field: 'of', title: 'Systems that year' },
        { field: 'share', title: 'Share', format: '.0%' },
      ],
    }) as unknown as ChartDef['spec'],
    rows,
    columns: [
      { field: 'year', title: 'Year' },
      { field: 'sector', title: 'Developers' },
      { field: 'systems', title: 'Systems' },
      { field: 'of', title: 'Systems that year' },
      { field: 'share', title: 'Share', format: 'ratio' },
    ],
  };
}

const COUNTRY_COLORS = ['#4c78a8', '#e45756', '#f58518', '#54a24b', '#72b7b2', '#b0b0b0', '#b279a2'];

export function countriesChart(c: ChartContext): ChartDef | NotDrawn {
  const s = c.model.fits.who_trains.countries;
  const title = 'Systems per year by the developers’ country';
  if (!s.computed) return { name: 'countries', title, notDrawn: s.reason };
  const from = Math.floor(c.dlStart);
  const rows = s.by_year.filter((y) => y.year >= from).flatMap((y) => s.groups.map((g) => ({ year: y.year, country: g, systems: y.counts[g] ?? 0 })));
  return {
    name: 'countries',
    title,
    caption: `Systems per year since ${from} by their developers’ country: the ${s.groups.filter((g) => g !== 'Other countries' && g !== 'Several countries').length} countries most often alone, other countries together, and systems whose developers are in several countries (or only "multinational").`,
    alt: `Line chart of systems per year for ${s.groups.join(', ')}, from ${count(s.n)} systems with a known country.`,
    spec: linesSpec({
      description: 'Systems per year by the developers’ country.',
      rows,
      color: { field: 'country', title: 'Country', domain: s.groups, range: s.groups.map((_, k) => COUNTRY_COLORS[k % COUNTRY_COLORS.length]) },
      y: { field: 'systems', type: Q, title: 'Systems published that year' },
      tooltip: [
        { field: 'country', title: 'Country' },
        { field: 'year', title: 'Year' },
        { field: 'systems', title: 'Systems' },
      ],
    }) as unknown as ChartDef['spec'],
    rows,
    columns: [
      { field: 'year', title: 'Year' },
      { field: 'country', title: 'Country' },
      { field: 'systems', title: 'Systems' },
    ],
  };
}

const OPEN = 'Open weights';
const CLOSED = 'Closed (API, hosted or unreleased)';

export function openClosedChart(c: ChartContext): ChartDef | NotDrawn {
  const o = c.model.fits.who_trains.openness;
  const title = 'The best open-weights and closed systems over time';
  if (!o.computed) return { name: 'open-closed', title, notDrawn: o.reason };
  const rows = c.model.records
    .filter((r) => r.flop !== null && r.openWeights !== null)
    .map((r) => ({ ...systemFields(r), flop: r.flop!.flop, flop_text: flop(r.flop!.flop), access: r.openWeights ? OPEN : CLOSED, accessibility: r.accessibility ?? '' }));
  // Each kind's running best, drawn as a step line from one record to the next.
  // Each kind's line runs on to the newest system of either kind, so both end at the same date.
  const end = rows.reduce((m, r) => Math.max(m, r.year), -Infinity);
  const steps = [OPEN, CLOSED].flatMap((kind) => {
    let best = 0;
    const raised = rows
      .filter((r) => r.access === kind)
      .sort((a, b) => a.year - b.year)
      .flatMap((r) => (r.flop > best ? [{ year: r.year, best: (best = r.flop), access: kind, name: r.name }] : []));
    const last = raised.at(-1);
    return last && last.year < end ? [...raised, { ...last, year: end }] : raised;
  });
  const latest = o.lag.at(-1)!;
  const color = { field: 'access', type: N, title: 'Weights', scale: { domain: [OPEN, CLOSED], range: ['#54a24b', '#e45756'] }, legend: { ...LEGEND_TOP_LEFT, ...SOLID_SYMBOLS } };
  return {
    name: 'open-closed',
    title,
    caption: `Training compute of systems whose weights are open (green) or not (red), with each kind's record so far as a step line. The gap between the lines is how far the best open model trails the best closed one.`,
    alt: `Scatter plot of ${count(rows.length)} open and closed systems' training compute over time with two rising step lines; as of ${latest.as_of} the best open system (${latest.best_open.name}) trails the best closed one (${latest.best_closed.name}) by ${latest.orders_of_magnitude.toFixed(2)} orders of magnitude.`,
    spec: {
      ...base('Training compute of open-weights and closed systems, with each kind’s running record.'),
      layer: [
        { data: { values: steps }, mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 }, encoding: { x: { field: 'year', type: Q }, y: { field: 'best', type: Q }, color } },
        {
          data: { values: rows },
          params: interactionParams('access'),
          mark: { type: 'point', filled: true, size: 40 },
          encoding: {
            x: { field: 'year', type: Q, title: 'Publication date', axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false } },
            y: logY('flop', 'Training compute (FLOP)'),
            color,
            opacity: LEGEND_OPACITY,
            tooltip: [
              { field: 'name', title: 'System' },
              { field: 'organization', title: 'Organization' },
              { field: 'date', title: 'Published' },
              { field: 'flop_text', title: 'Training compute (FLOP)' },
              { field: 'accessibility', title: 'Accessibility' },
              { field: 'source', title: 'Source' },
            ],
            href: { field: 'link' },
          },
        },
      ],
    } as unknown as ChartDef['spec'],
    rows,
    columns: [
      { field: 'name', title: 'System' },
      { field: 'organization', title: 'Organization' },
      { field: 'date', title: 'Published' },
      { field: 'flop', title: 'Training compute (FLOP)', format: 'flop' },
      { field: 'access', title: 'Weights' },
    ],
  };
}
