/**
 * The Explorer page's block: its controls' container, the Vega-Lite spec it draws with, and its
 * texts. The browser (reports/assets/explorer.js) reads the systems from data/systems.js, builds
 * the controls from the fields present there, and sets the spec's axes, colour and scales from
 * the reader's choices; filters and search go to the view through the Vega View API.
 */
import type { TopLevelSpec } from 'vega-lite';
import { siteText } from '../messages.ts';
import { POWER_OF_TEN_LABELS, Q, SCHEMA, ZOOM_PARAM } from './charts/common.ts';
import { esc, jsonForScript } from './html.ts';
import { BASE_CONFIG } from './charts/theme.ts';
import { MAX_DRAWN } from './sample.ts';

/** Category colours, readable on the light and the dark background. */
export const CATEGORY_PALETTE = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#8c8c8c'];

/** Axis settings by kind of field: the browser copies one onto x or y. */
const AXES = {
  log: { scale: { type: 'log' }, axis: { labelExpr: POWER_OF_TEN_LABELS, tickCount: 10, grid: true } },
  linear: { scale: { type: 'linear', zero: false }, axis: { format: '~s', grid: true } },
  date: { scale: { type: 'linear', zero: false }, axis: { format: 'd', tickMinStep: 1, grid: true } },
};

export function explorerSpec(): TopLevelSpec {
  const hit = 'datum.hit';
  return {
    $schema: SCHEMA,
    description: 'Scatter plot of the systems matching the Explorer filters, on the axes chosen.',
    width: 'container',
    height: 480,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { name: 'systems' },
    config: BASE_CONFIG,
    params: [{ name: 'searching', value: false }],
    encoding: {
      x: { field: 'x', type: Q, title: 'x', ...AXES.date },
      y: { field: 'y', type: Q, title: 'y', ...AXES.log },
    },
    layer: [
      {
        params: [ZOOM_PARAM],
        mark: { type: 'point', filled: true, size: 40, strokeWidth: 1, cursor: 'pointer' },
        encoding: {
          color: { field: 'c', type: 'nominal', title: 'Colour', legend: { orient: 'top', direction: 'horizontal', columns: 4, labelLimit: 240 } },
          opacity: { condition: { test: `!searching || ${hit}`, value: 0.8 }, value: 0.12 },
          tooltip: [
            { field: 'name', title: 'System' },
            { field: 'org', title: 'Organization' },
            { field: 'date', title: 'Published' },
            { field: 'x_text', title: 'x' },
            { field: 'y_text', title: 'y' },
            { field: 'c_text', title: 'Colour' },
            { field: 'by', title: 'Compute value by' },
          ],
          href: { field: 'href' },
        },
      },
      {
        transform: [{ filter: hit }],
        mark: { type: 'point', size: 220, strokeWidth: 2.5, filled: false, color: '#d6266e', aria: false },
      },
      {
        transform: [{ filter: hit }],
        mark: { type: 'text', align: 'left', dx: 10, dy: -8, fontSize: 13, fontWeight: 'bold', aria: false },
        encoding: { text: { field: 'name' } },
      },
    ],
  } as unknown as TopLevelSpec;
}

/** The Explorer's HTML: a container the browser fills, and what it needs to fill it. */
export function explorerHtml(): string {
  const config = { spec: explorerSpec(), axes: AXES, palette: CATEGORY_PALETTE, maxDrawn: MAX_DRAWN, text: siteText.explorer };
  return `<div class="explorer" id="explorer" data-state="loading">
<noscript><p>${esc(siteText.explorer.noData)}</p></noscript>
<script type="application/json" id="explorer-config">${jsonForScript(config)}</script>
</div>`;
}
