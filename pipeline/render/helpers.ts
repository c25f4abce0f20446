/**
 * Handlebars helpers that put numbers from fits.json into prose, and charts and tables into pages.
 * A helper given a missing value fails the build (the page's strict lookup names the path).
 */
import Handlebars from 'handlebars';
import { PipelineError } from '../errors.ts';
import type { TrendFit } from '../schema/fits.ts';
import type { ChartDef } from './charts/registry.ts';
import * as fmt from './format.ts';
import { esc, htmlTable, jsonForScript } from './html.ts';

export interface HelperState {
  charts: Map<string, ChartDef>;
  tables: Map<string, () => string>;
  /** Figure counter of the page being rendered. */
  figure: number;
  /** Charts used by the page, so the site writes their SVG and CSV. */
  used: Set<string>;
}

function requireFit(name: string, fit: unknown): TrendFit {
  if (fit === null || fit === undefined || typeof (fit as TrendFit).doubling_months !== 'number') {
    throw new PipelineError(`{{${name}}} needs a trend fit, and the value is ${fit === null ? 'null (too few systems to fit)' : 'missing'}`);
  }
  return fit as TrendFit;
}

function num(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new PipelineError(`{{${name}}} needs a number, got ${JSON.stringify(v)}`);
  return v;
}

export function registerHelpers(hbs: typeof Handlebars, state: HelperState): void {
  hbs.registerHelper('doubling', (fit: unknown) => fmt.doublingText(requireFit('doubling', fit)));
  hbs.registerHelper('growth', (fit: unknown) => fmt.growthText(requireFit('growth', fit)));
  hbs.registerHelper('span', (fit: unknown) => fmt.yearSpan(requireFit('span', fit)));
  hbs.registerHelper('flop', (v: unknown) => fmt.flop(num('flop', v)));
  hbs.registerHelper('count', (v: unknown) => fmt.count(num('count', v)));
  hbs.registerHelper('fixed', (v: unknown, digits: unknown) => fmt.fixed(num('fixed', v), typeof digits === 'number' ? digits : 1));
  hbs.registerHelper('months', (v: unknown) => fmt.months(num('months', v)));
  hbs.registerHelper('percent', (v: unknown) => `${fmt.fixed(100 * num('percent', v), 0)}%`);
  hbs.registerHelper('yearMonth', (v: unknown) => fmt.yearMonth(num('yearMonth', v)));
  hbs.registerHelper('chart', (name: unknown) => new Handlebars.SafeString(figure(state, String(name))));
  hbs.registerHelper('table', (name: unknown) => {
    const build = state.tables.get(String(name));
    if (!build) throw new PipelineError(`{{table "${String(name)}"}}: no such table; the tables are ${[...state.tables.keys()].join(', ')}`);
    return new Handlebars.SafeString(build());
  });
}

export function figure(state: HelperState, name: string): string {
  const chart = state.charts.get(name);
  if (!chart) throw new PipelineError(`{{chart "${name}"}}: no such chart; the charts are ${[...state.charts.keys()].join(', ')}`);
  state.used.add(name);
  const n = ++state.figure;
  const id = `fig-${esc(name)}`;
  const data =
    chart.rows.length > 0
      ? `<details class="show-data"><summary>Show data (${chart.rows.length} rows)</summary>${htmlTable(
          chart.rows,
          chart.columns.map((c) => ({ title: c.title, value: (r: Record<string, unknown>) => r[c.field] as string | number | null, numeric: typeof chart.rows[0][c.field] === 'number' })),
          { sortable: true },
        )}</details> <a class="download" href="charts/${esc(name)}.csv" download>CSV of the plotted data</a>`
      : '';
  return `<figure class="chart" id="${id}">
<div class="figure-title">Figure ${n}. ${esc(chart.title)}</div>
<div class="vega-chart" data-spec="spec-${esc(name)}" role="img" aria-label="${esc(chart.alt)}"></div>
<noscript><img src="charts/${esc(name)}.svg" alt="${esc(chart.alt)}" width="800"></noscript>
<script type="application/json" id="spec-${esc(name)}">${jsonForScript(chart.spec)}</script>
<figcaption>${esc(chart.caption)} ${data}</figcaption>
</figure>`;
}
