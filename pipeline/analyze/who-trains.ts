/**
 * Who trains notable systems: the share of industry, academia and their collaborations over time
 * (with a seeded bootstrap interval on industry's share per period) and among record-setters;
 * counts by country; and open against closed weights, with how far the best open-weights system
 * trails the best closed one in compute (orders of magnitude, and years behind).
 */
import * as aq from 'arquero';
import { op } from 'arquero';
import { messages } from '../messages.ts';
import { parseDate } from '../values/dates.ts';
import type { NamedSystem, ShareEstimate, WhoTrains } from '../schema/fits.ts';
import { largestOf, namedSystem } from './named-systems.ts';
import { OPEN_LAG } from './published-figures.ts';
import { notComputed } from './outcome.ts';
import { countriesOf, primaryCountry, SECTORS, SEVERAL_COUNTRIES } from './record-fields.ts';
import { seriesOf } from './series.ts';
import { createRng, quantile } from './stats/index.ts';
import type { AnalysisTable } from './table.ts';
import { SEED_OFFSET } from './seeds.ts';
import { fitTrend, LOG10_2, type TrendOptions } from './trend.ts';

/** The periods whose sector shares get an interval: before large-scale runs, the large-scale era's start, and since 2020. */
export const SHARE_PERIODS: { label: string; from: number; to: number }[] = [
  { label: '2010–2014', from: 2010, to: 2014 },
  { label: '2015–2019', from: 2015, to: 2019 },
  { label: '2020 on', from: 2020, to: 9999 },
];

/** How many countries are shown on their own; the rest are grouped. */
export const TOP_COUNTRIES = 5;
export const OTHER_COUNTRIES = 'Other countries';

const r = (v: number, digits = 6) => Number(v.toPrecision(digits));
const zeroCounts = () => Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<string, number>;

/** Share of `flags` that are 1, with a percentile interval over resamples of the rows (seeded). */
export function bootstrapShare(flags: Uint8Array, resamples: number, seed: number): { share: number; lo: number; hi: number } {
  const n = flags.length;
  const share = flags.reduce((s, v) => s + v, 0) / n;
  if (resamples <= 0) return { share, lo: share, hi: share };
  const rng = createRng(seed);
  const draws = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let hits = 0;
    for (let k = 0; k < n; k++) hits += flags[rng.int(n)];
    draws[b] = hits / n;
  }
  draws.sort();
  return { share, lo: quantile(draws, 0.025), hi: quantile(draws, 0.975) };
}

function sectors(table: AnalysisTable, isRecordSetter: Uint8Array, trend: TrendOptions): WhoTrains['sectors'] {
  const rows: number[] = [];
  for (let i = 0; i < table.ids.length; i++) if (table.sector[i] >= 0) rows.push(i);
  if (rows.length === 0) return notComputed(messages.noFieldInData('its developers’ sector (industry, academia, ...)'), 0);
  const counted = aq
    .table({ year: rows.map((i) => Math.floor(table.year[i])), sector: rows.map((i) => SECTORS[table.sector[i]]) })
    .groupby('year', 'sector')
    .count()
    .orderby('year', 'sector')
    .objects() as { year: number; sector: string; count: number }[];
  const byYear = new Map<number, { year: number; n: number; counts: Record<string, number> }>();
  for (const c of counted) {
    let y = byYear.get(c.year);
    if (!y) byYear.set(c.year, (y = { year: c.year, n: 0, counts: zeroCounts() }));
    y.counts[c.sector] = c.count;
    y.n += c.count;
  }
  const industry = SECTORS.indexOf('industry');
  const periods: ShareEstimate[] = SHARE_PERIODS.map((p, k) => {
    const inPeriod = rows.filter((i) => Math.floor(table.year[i]) >= p.from && Math.floor(table.year[i]) <= p.to);
    const shares = zeroCounts();
    for (const i of inPeriod) shares[SECTORS[table.sector[i]]]++;
    for (const s of SECTORS) shares[s] = inPeriod.length ? r(shares[s] / inPeriod.length) : 0;
    const seed = trend.seed + SEED_OFFSET.industry_share + k;
    const boot = inPeriod.length ? bootstrapShare(Uint8Array.from(inPeriod, (i) => (table.sector[i] === industry ? 1 : 0)), trend.resamples, seed) : null;
    return {
      label: p.label,
      from: p.from,
      to: p.to,
      n: inPeriod.length,
      shares,
      industry: boot ? { share: r(boot.share), lo: r(boot.lo), hi: r(boot.hi), resamples: trend.resamples, seed } : null,
    };
  });
  const setters = zeroCounts();
  let settersN = 0;
  for (const i of rows) {
    if (isRecordSetter[i] && table.year[i] >= 2015) {
      setters[SECTORS[table.sector[i]]]++;
      settersN++;
    }
  }
  return { computed: true, n: rows.length, by_year: [...byYear.values()], periods, record_setters_since_2015: { n: settersN, counts: setters } };
}

function countries(table: AnalysisTable): WhoTrains['countries'] {
  const rows: number[] = [];
  const primary: string[] = [];
  // The countries of a million systems are written a few hundred ways: each way is read once.
  const primaryOf = new Map<string, string | null>();
  for (let i = 0; i < table.ids.length; i++) {
    const text = table.countries[i];
    let country = primaryOf.get(text);
    if (country === undefined) primaryOf.set(text, (country = primaryCountry(text)));
    if (country === null) continue;
    rows.push(i);
    primary.push(country);
  }
  if (rows.length === 0) return notComputed(messages.noFieldInData('its developers’ country'), 0);
  // Every country a system names (a collaboration counts for each), by arquero's unroll and group-by.
  const involved = aq
    .table({ row: rows, country: rows.map((i) => countriesOf(table.countries[i])) })
    .unroll('country')
    .groupby('country')
    .rollup({ rows: op.array_agg('row') })
    .objects() as { country: string; rows: number[] }[];
  const primaryCounts = new Map(
    (aq.table({ country: primary }).groupby('country').count().objects() as { country: string; count: number }[]).map((c) => [c.country, c.count]),
  );
  const byCountry = involved
    .map((c) => ({
      country: c.country,
      systems: primaryCounts.get(c.country) ?? 0,
      involved: c.rows.length,
      with_flop: c.rows.filter((i) => table.flop[i] > 0).length,
      above_1e23: c.rows.filter((i) => table.flop[i] > 1e23).length,
      largest: largestOf(table, table.flop, c.rows),
    }))
    .sort((a, b) => b.involved - a.involved || b.systems - a.systems || (a.country < b.country ? -1 : 1));
  // The chart's groups: the countries most often alone, then the rest together.
  const single = [...primaryCounts].filter(([c]) => c !== SEVERAL_COUNTRIES && c !== 'Multinational').sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = single.slice(0, TOP_COUNTRIES).map(([c]) => c);
  const groupOf = (c: string) => (top.includes(c) ? c : c === SEVERAL_COUNTRIES || c === 'Multinational' ? SEVERAL_COUNTRIES : OTHER_COUNTRIES);
  const groups = [...top, ...(single.length > TOP_COUNTRIES ? [OTHER_COUNTRIES] : []), ...(primary.some((c) => groupOf(c) === SEVERAL_COUNTRIES) ? [SEVERAL_COUNTRIES] : [])];
  const counted = aq
    .table({ year: rows.map((i) => Math.floor(table.year[i])), group: primary.map(groupOf) })
    .groupby('year', 'group')
    .count()
    .orderby('year')
    .objects() as { year: number; group: string; count: number }[];
  const byYear = new Map<number, Record<string, number>>();
  for (const c of counted) {
    let y = byYear.get(c.year);
    if (!y) byYear.set(c.year, (y = Object.fromEntries(groups.map((g) => [g, 0]))));
    y[c.group] = c.count;
  }
  return { computed: true, n: rows.length, by_country: byCountry, by_year: [...byYear].map(([year, counts]) => ({ year, counts })), groups };
}

interface Step {
  year: number;
  /** The row at this step, and the best compute so far with the row holding it. */
  row: number;
  best: number;
  bestRow: number;
}

/** Running best (largest compute so far) of one kind of system, in date order, by arquero's rolling window. */
function runningBest(table: AnalysisTable, rows: number[]): Step[] {
  const ordered = aq
    .table({ year: rows.map((i) => table.year[i]), flop: rows.map((i) => table.flop[i]), row: rows })
    .orderby('year', 'row')
    .derive({ best: aq.rolling((d: { flop: number }) => op.max(d.flop)) })
    .objects() as { year: number; row: number; flop: number; best: number }[];
  // The holder of the best: the first row to reach it (arquero 8 has no argmax window).
  let bestRow = -1;
  return ordered.map((o) => {
    if (o.flop === o.best && (bestRow < 0 || o.flop > table.flop[bestRow])) bestRow = o.row;
    return { year: o.year, row: o.row, best: o.best, bestRow };
  });
}

/** The last step at or before `at` (steps in date order), or null. */
function bestAt(steps: Step[], at: number): Step | null {
  let found: Step | null = null;
  for (const s of steps) {
    if (s.year > at) break;
    found = s;
  }
  return found;
}

/** The rows that raised the best so far, from `from` on, in row order. */
function raisedBest(steps: Step[], from: number): Int32Array {
  const rows = steps.filter((s, k) => (k === 0 || s.best > steps[k - 1].best) && s.year >= from).map((s) => s.row);
  return Int32Array.from(rows).sort();
}

function openness(table: AnalysisTable, trend: TrendOptions): WhoTrains['openness'] {
  const open: number[] = [];
  const closed: number[] = [];
  let unknown = 0;
  for (let i = 0; i < table.ids.length; i++) {
    const kind = table.openWeights[i];
    if (kind < 0) {
      unknown++;
      continue;
    }
    if (table.flop[i] > 0) (kind === 1 ? open : closed).push(i);
  }
  const openCount = table.openWeights.reduce((n, v) => n + (v === 1 ? 1 : 0), 0);
  const closedCount = table.openWeights.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
  if (openCount + closedCount === 0) return notComputed(messages.noFieldInData('whether its weights are open'), 0);
  if (open.length === 0 || closed.length === 0) return notComputed(messages.opennessNeedsBoth(open.length, closed.length), open.length + closed.length);
  const openSteps = runningBest(table, open);
  const closedSteps = runningBest(table, closed);
  const named = (row: number): NamedSystem => namedSystem(table, row, table.flop[row]);
  const start = Math.max(Math.floor(openSteps[0].year), Math.floor(closedSteps[0].year));
  const lastYear = Number(table.lastDate.slice(0, 4));
  const dates = [...Array.from({ length: Math.max(0, lastYear - start) }, (_, k) => `${start + k}-12-31`), table.lastDate];
  const lag = dates.map((asOf) => {
    const at = parseDate(asOf).year;
    const o = bestAt(openSteps, at)!;
    const c = bestAt(closedSteps, at)!;
    // When the closed frontier first reached the best open system's compute (it may never have: then no lag).
    const caught = closedSteps.find((s) => s.best >= o.best);
    const behind = c.best > o.best && caught !== undefined;
    const years = behind ? Math.max(0, at - caught.year) : 0;
    return {
      as_of: asOf,
      best_open: named(o.bestRow),
      best_closed: named(c.bestRow),
      orders_of_magnitude: r(Math.log10(c.best / o.best), 4),
      open_so_far: openSteps.filter((s) => s.year <= at).length,
      closed_so_far: closedSteps.filter((s) => s.year <= at).length,
      years: r(years, 4),
      years_at_least: behind && caught === closedSteps[0],
    };
  });
  // The systems that raised each kind's best from 2010 on, fitted as the frontier's record-setters are.
  const raised = (steps: Step[]) => raisedBest(steps, 2010);
  const opts = { ...trend, noise: LOG10_2, minPoints: 4 };
  return {
    computed: true,
    open: openCount,
    closed: closedCount,
    unknown,
    lag,
    open_trend: fitTrend(seriesOf(table, table.flop, raised(openSteps)), {
      ...opts,
      seed: trend.seed + SEED_OFFSET.open_record_setters,
      subject: { noun: 'open-weights record-setter', detail: 'published since 2010' },
    }),
    closed_trend: fitTrend(seriesOf(table, table.flop, raised(closedSteps)), {
      ...opts,
      seed: trend.seed + SEED_OFFSET.closed_record_setters,
      subject: { noun: 'closed-weights record-setter', detail: 'published since 2010' },
    }),
    anchor: OPEN_LAG,
  };
}

/** `isRecordSetter[i]` is nonzero for a table row that the frontier analysis lists as a record-setter. */
export function analyzeWhoTrains(table: AnalysisTable, isRecordSetter: Uint8Array, trend: TrendOptions): WhoTrains {
  return { sectors: sectors(table, isRecordSetter, trend), countries: countries(table), openness: openness(table, trend) };
}
