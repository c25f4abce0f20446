/**
 * Handlebars helpers that put numbers from fits.json into prose, and charts and tables into pages.
 * A helper given a missing value fails the build (the page's strict lookup names the path); one
 * given an analysis that was not computed fails it too, naming the reason: the page must say so in
 * a sentence instead ({{#if x.computed}} … {{else}}{{notComputed x "…"}}{{/if}}).
 *
 * Charts and tables go in as placeholders that the site swaps for their HTML after markdown-it has
 * run, so Markdown never re-reads (and can never re-interpret) generated HTML or the data in it.
 */
import Handlebars from 'handlebars';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import type { Anchor, LikeForLikeRow, Outcome, SegmentedBootstrapSummary, TrendComparison, TrendFit } from '../schema/fits.ts';
import { GH_DOUBLING_YEARS } from '../analyze/run-length-uncertainty.ts';
import { comparisonSentence, likeForLikeExplanation } from './claims.ts';
import type { ChartDef, NotDrawn } from './charts/registry.ts';
import { figureHtml } from './figure.ts';
import * as fmt from './format.ts';
import { esc } from './html.ts';
import { isNotComputed, notComputedText } from './not-computed.ts';
import { anchorHtml, doublingCi, growthCi } from './trend-format.ts';

export interface HelperState {
  charts: Map<string, ChartDef>;
  /** Charts whose analysis was not computed: {{chart}} writes a sentence instead. */
  notDrawn: Map<string, NotDrawn>;
  tables: Map<string, () => string>;
  /** Figure counter of the page being rendered. */
  figure: number;
  /** Charts used by the site, so it writes their SVG and CSV. */
  used: Set<string>;
  /** Tables used by the site, so it writes the CSV of those that offer one. */
  usedTables: Set<string>;
  /** Charts of the page being rendered, in order (the first is its link-preview image). */
  pageCharts: string[];
  /** HTML of the placeholders of the page being rendered. */
  blocks: string[];
  /** What the page being rendered needs loaded: charts, the Explorer, the Data page's table. */
  needs: Set<'charts' | 'explorer' | 'systems'>;
  /** Extra blocks: the Explorer, the systems table, the provenance block (built by the site). */
  extras: Map<string, () => string>;
}

export function createHelperState(charts: Map<string, ChartDef>, tables: Map<string, () => string>, notDrawn = new Map<string, NotDrawn>()): HelperState {
  return { charts, tables, notDrawn, figure: 0, used: new Set(), usedTables: new Set(), pageCharts: [], blocks: [], needs: new Set(), extras: new Map() };
}

/** Starts a new page: figures count from 1 again. */
export function resetPage(state: HelperState): void {
  state.figure = 0;
  state.pageCharts = [];
  state.blocks = [];
  state.needs = new Set();
}

function requireFit(name: string, fit: unknown): TrendFit {
  if (isNotComputed(fit)) throw new PipelineError(messages.helperNotComputed(name, fit.reason));
  if (fit === null || fit === undefined || typeof (fit as TrendFit).doubling_months !== 'number') {
    throw new PipelineError(messages.helperNeedsFit(name, fit));
  }
  return fit as TrendFit;
}

function num(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new PipelineError(messages.helperNeedsNumber(name, v));
  return v;
}

/** The economic periods by key, as a sentence names them. */
const PERIOD_NAMES: Record<string, string> = { diy: 'do-it-yourself', cloud: 'cloud', bespoke: 'bespoke' };

/** Hardware price-performance as the comparison sentences quote it. */
const HARDWARE_TEXT = `GPUs released 2006–2021, FLOP/s per dollar doubling every ${GH_DOUBLING_YEARS.median} years, 95% CI ${GH_DOUBLING_YEARS.lo}–${GH_DOUBLING_YEARS.hi}, Hobbhahn & Besiroglu 2022`;

function isComparison(v: unknown): v is TrendComparison {
  return typeof v === 'object' && v !== null && typeof (v as TrendComparison).verdict === 'string' && typeof (v as TrendComparison).growth_ratio === 'object';
}

const BLOCK = /<!--block:(\d+)-->/g;

function block(state: HelperState, html: string): Handlebars.SafeString {
  state.blocks.push(html);
  return new Handlebars.SafeString(`\n\n<!--block:${state.blocks.length - 1}-->\n\n`);
}

/** The rendered page with each placeholder replaced by its chart or table. */
export function fillBlocks(html: string, state: HelperState): string {
  return html.replace(/<p>\s*(<!--block:\d+-->)\s*<\/p>/g, '$1').replace(BLOCK, (_, i: string) => state.blocks[Number(i)]);
}

export function registerHelpers(hbs: typeof Handlebars, state: HelperState): void {
  // Handlebars passes its options object last: a helper's optional argument is absent when it is that object.
  const opt = (v: unknown) => (typeof v === 'number' ? v : undefined);
  hbs.registerHelper('doubling', (fit: unknown) => fmt.doublingText(requireFit('doubling', fit)));
  hbs.registerHelper('growth', (fit: unknown) => fmt.growthText(requireFit('growth', fit)));
  hbs.registerHelper('span', (fit: unknown) => fmt.yearSpan(requireFit('span', fit)));
  hbs.registerHelper('flop', (v: unknown) => fmt.flop(num('flop', v)));
  hbs.registerHelper('sci', (v: unknown) => fmt.sci(num('sci', v)));
  hbs.registerHelper('count', (v: unknown) => fmt.count(num('count', v)));
  hbs.registerHelper('fixed', (v: unknown, digits: unknown) => fmt.fixed(num('fixed', v), opt(digits) ?? 1));
  hbs.registerHelper('months', (v: unknown) => fmt.months(num('months', v)));
  hbs.registerHelper('years', (v: unknown) => fmt.duration(num('years', v)));
  hbs.registerHelper('percent', (v: unknown) => fmt.percent(num('percent', v)));
  hbs.registerHelper('bootstrapOutcome', (v: unknown) => {
    if (typeof v !== 'object' || v === null || (v as { computed?: unknown }).computed !== true || typeof (v as SegmentedBootstrapSummary).succeeded !== 'number') {
      throw new PipelineError(messages.helperNeedsBootstrap(v));
    }
    return fmt.bootstrapOutcome(v as SegmentedBootstrapSummary);
  });
  hbs.registerHelper('pvalue', (v: unknown) => fmt.pValue(num('pvalue', v)));
  hbs.registerHelper('yearMonth', (v: unknown) => fmt.yearMonth(num('yearMonth', v)));
  // Prose: years and dates in words ("from 2010 to 2025", "6 December 2024", "September 2017").
  hbs.registerHelper('period', (fit: unknown) => fmt.periodText(requireFit('period', fit)));
  hbs.registerHelper('date', (v: unknown) => {
    if (typeof v !== 'string') throw new PipelineError(messages.helperNeedsNumber('date', v));
    return fmt.dateText(v);
  });
  hbs.registerHelper('month', (v: unknown) => fmt.monthText(num('month', v)));
  // A comparison sentence whose words the intervals choose (render/claims.ts); '' if a trend is missing.
  hbs.registerHelper('compareTrends', (a: unknown, b: unknown, nameA: unknown, nameB: unknown, difference: unknown) =>
    comparisonSentence(a as Outcome<TrendFit>, b as Outcome<TrendFit>, String(nameA), String(nameB), isComparison(difference) ? difference : null),
  );
  // Each economic period against hardware price-performance, periods with one verdict in one sentence.
  hbs.registerHelper('versusHardware', (list: unknown) => {
    const rows = Array.isArray(list) ? (list as { key: string; verdict: string | null }[]) : [];
    const verdicts = [...new Set(rows.map((r) => r.verdict).filter((v): v is string => v !== null))];
    return verdicts
      .map((v) => messages.versusHardware(messages.periodList(rows.filter((r) => r.verdict === v).map((r) => PERIOD_NAMES[r.key] ?? r.key)), v, HARDWARE_TEXT))
      .join(' ');
  });
  hbs.registerHelper('explainDifference', (row: unknown) => likeForLikeExplanation(row as LikeForLikeRow));
  // {{notComputed path "The deep-learning trend"}}: the sentence saying why an analysis is missing.
  hbs.registerHelper('notComputed', (v: unknown, what: unknown) => {
    if (!isNotComputed(v)) throw new PipelineError(messages.helperNeedsNotComputed(v));
    return notComputedText(typeof what === 'string' ? what : 'This analysis', v);
  });
  // Rates of the trend pages: growth and doubling with their bootstrap intervals, and published figures with their source.
  hbs.registerHelper('growthCi', (fit: unknown) => growthCi(requireFit('growthCi', fit)));
  hbs.registerHelper('doublingCi', (fit: unknown) => doublingCi(requireFit('doublingCi', fit)));
  hbs.registerHelper('published', (anchor: unknown) => {
    if (anchor === null || typeof anchor !== 'object' || typeof (anchor as Anchor).citation !== 'string') throw new PipelineError(messages.helperNeedsAnchor(anchor));
    return new Handlebars.SafeString(anchorHtml(anchor as Anchor));
  });
  hbs.registerHelper('chart', (name: unknown) => {
    // A chart of an analysis that was not computed: the sentence saying so instead.
    const missing = state.notDrawn.get(String(name));
    if (missing) return block(state, `<p class="not-computed">${esc(messages.chartNotDrawn(missing.title, missing.notDrawn))}</p>`);
    const chart = state.charts.get(String(name));
    if (!chart) throw new PipelineError(messages.unknownChart(String(name), [...state.charts.keys(), ...state.notDrawn.keys()].sort()));
    state.used.add(chart.name);
    state.pageCharts.push(chart.name);
    state.needs.add('charts');
    return block(state, figureHtml(chart, ++state.figure));
  });
  hbs.registerHelper('table', (name: unknown) => {
    const build = state.tables.get(String(name));
    if (!build) throw new PipelineError(messages.unknownTable(String(name), [...state.tables.keys()]));
    state.usedTables.add(String(name));
    if (name === 'systems') state.needs.add('systems');
    return block(state, build());
  });
  // {{explorer}}: the Explorer; {{provenance}}: where the data came from and what each step kept.
  hbs.registerHelper('explorer', () => {
    state.needs.add('explorer');
    state.needs.add('charts');
    return block(state, state.extras.get('explorer')!());
  });
  hbs.registerHelper('provenance', () => block(state, state.extras.get('provenance')!()));
}
