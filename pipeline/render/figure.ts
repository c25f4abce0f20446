/**
 * The HTML of one numbered figure: title, the chart (embedded from its inline spec by site.js), the
 * static SVG as the no-JavaScript fallback, caption, and a "show data" table with a CSV of exactly
 * the rows plotted.
 */
import type { ChartColumn, ChartDef } from './charts/registry.ts';
import * as fmt from './format.ts';
import { esc, htmlTable, jsonForScript } from './html.ts';
import { messages } from '../messages.ts';

function cellText(v: unknown, format: ChartColumn['format']): string {
  if (typeof v !== 'number') return v === null || v === undefined ? '' : String(v);
  if (format === 'flop') return fmt.flop(v);
  if (format === 'sci') return fmt.sci(v);
  if (format === 'ratio') return fmt.fixed(v, v < 10 ? 2 : 0);
  return String(v);
}

function dataTable(chart: ChartDef): string {
  if (chart.rows.length === 0) return '';
  const table = htmlTable(
    chart.rows,
    chart.columns.map((c) => ({
      title: c.title,
      value: (r: Record<string, unknown>) => r[c.field] as string | number | null,
      html: (r: Record<string, unknown>) => esc(cellText(r[c.field], c.format)),
      numeric: typeof chart.rows[0][c.field] === 'number',
    })),
    { sortable: true, label: `Data of the figure: ${chart.title}` },
  );
  const csv = `<a class="download" href="charts/${esc(chart.name)}.csv" download>CSV of the plotted data</a>`;
  return `<details class="show-data"><summary>Show data (${fmt.count(chart.rows.length)} rows)</summary>${table}</details> ${csv}`;
}

export function figureHtml(chart: ChartDef, n: number): string {
  const name = esc(chart.name);
  // The chart's SVG takes its accessible name from the spec's description: make that the alt text.
  const spec = { ...chart.spec, description: chart.alt };
  return `<figure class="chart" id="fig-${name}" aria-labelledby="fig-${name}-title">
<div class="figure-title" id="fig-${name}-title">Figure ${n}. ${esc(chart.title)}</div>
<div class="vega-chart" data-spec="spec-${name}" data-label="${esc(chart.alt)}" data-error="${esc(messages.chartFailed)}"></div>
<noscript><img src="charts/${name}.svg" alt="${esc(chart.alt)}" width="800"></noscript>
<script type="application/json" id="spec-${name}">${jsonForScript(spec)}</script>
<figcaption>${esc(chart.caption)} ${dataTable(chart)}</figcaption>
</figure>`;
}
