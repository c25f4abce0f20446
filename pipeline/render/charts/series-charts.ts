/** Charts of the Frontier, Parameters & data size and Economic periods pages. */
import { messages } from '../../messages.ts';
import type { Outcome, TrendFit } from '../../schema/fits.ts';
import { count, doublingText } from '../format.ts';
import { computedOrNull } from '../not-computed.ts';
import { POINT_COLUMNS, type ChartContext } from './chart-context.ts';
import { Q, QUANTITY_TOOLTIP, SYSTEM_TOOLTIP, type ChartDef, type NotDrawn } from './common.ts';
import { legendWithGrowth, type TrendLine } from './trends.ts';
import { quantityPoints } from './points.ts';
import { meanYear, scatterSpec } from './scatter.ts';

const TOP = 'In the running top 10';
const FRONTIER_COLORS: Record<string, string> = { 'Record-setter': '#e45756', [TOP]: '#4c78a8', 'Other systems': '#b0b0b0' };

export function frontierChart(c: ChartContext): ChartDef | NotDrawn {
  const f = c.model.fits.frontier;
  const title = 'The frontier: record-setters and the running top 10';
  const setters = new Set(f.record_setter_ids);
  const top = new Set(f.running_top_ids);
  const rows = c.points
    .filter((p) => p.year >= c.dlStart)
    .map((p) => ({ ...p, group: setters.has(p.id) ? 'Record-setter' : top.has(p.id) ? TOP : 'Other systems' }));
  if (rows.length === 0) return { name: 'frontier', title, notDrawn: messages.noSystemsSince(c.model.fits.eras.parameters.deep_learning_start) };
  const setterFit = computedOrNull(f.record_setters);
  const topFit = computedOrNull(f.running_top);
  const line = (key: string, label: string, fit: TrendFit | null): TrendLine[] => (fit ? [{ key, label, fit, xMean: meanYear(rows, (r) => r.group === key || (key === TOP && r.group === 'Record-setter' && top.has(r.id))) }] : []);
  const lines = [...line('Record-setter', 'Record-setters trend', setterFit), ...line(TOP, 'Running top 10 trend', topFit)];
  const domain = Object.keys(FRONTIER_COLORS);
  const steps = rows.filter((r) => r.group === 'Record-setter').sort((a, b) => a.year - b.year);
  return {
    name: 'frontier',
    title,
    caption: `Systems published from ${Math.floor(c.dlStart)} on: record-setters (each above every system published before it from ${Math.floor(c.dlStart)} on) in red, joined by a step line; the other systems in the running top 10 at their release (at most nine earlier systems had more compute: Epoch AI's frontier) in blue; the rest in grey. ${lines.length > 0 ? `Lines are the trends of the ${lines.map((l) => l.label.replace(/ trend$/, '').toLowerCase()).join(' and the ')} with their 95% band.` : 'No trend could be fitted to these systems.'}`,
    alt: `Scatter plot of ${count(rows.length)} systems from ${Math.floor(c.dlStart)} on with ${count(steps.length)} record-setters forming a rising staircase${setterFit ? `; the record-setters double every ${doublingText(setterFit)}` : ''}${topFit ? `, the running top 10 every ${doublingText(topFit)}` : ''}.`,
    spec: scatterSpec({
      description: 'Record-setting systems and the running top 10 at release, with their trends.',
      points: rows,
      color: { field: 'group', title: 'Systems (fitted trend)', domain, range: domain.map((d) => FRONTIER_COLORS[d]) },
      y: { field: 'flop', title: 'Training compute (FLOP)' },
      tooltip: SYSTEM_TOOLTIP,
      lines,
      legendLabels: legendWithGrowth(lines),
      hollowImputed: true,
      under: [{ data: { values: steps }, mark: { type: 'line', interpolate: 'step-after', color: '#e45756', strokeDash: [2, 2], opacity: 0.6 }, encoding: { x: { field: 'year', type: Q }, y: { field: 'flop', type: Q } } }],
    }),
    rows,
    columns: [...POINT_COLUMNS, { field: 'group', title: 'Group' }],
  };
}

export const DOMAIN_COLORS: Record<string, string> = {
  language: '#4c78a8',
  vision: '#f58518',
  multimodal: '#e45756',
  games: '#72b7b2',
  speech: '#54a24b',
  recommendation: '#eeca3b',
  other: '#b279a2',
};

function quantityChart(
  c: ChartContext,
  o: { name: string; title: string; noun: string; yTitle: string; fit: Outcome<TrendFit>; value: Parameters<typeof quantityPoints>[1]; caption: string; trendCaption: string },
): ChartDef | NotDrawn {
  const rows = quantityPoints(c.model.records, o.value, c.dlStart);
  // Nothing to plot: the trend's own reason says what is missing.
  if (rows.length === 0) return { name: o.name, title: o.title, notDrawn: o.fit.computed ? messages.noSystemsWithCompute : o.fit.reason };
  const fit = computedOrNull(o.fit);
  const domain = Object.keys(DOMAIN_COLORS).filter((d) => rows.some((r) => r.domain === d));
  const trendKey = 'Trend (all shown)';
  const lines: TrendLine[] = fit ? [{ key: trendKey, label: `${o.noun} trend`, fit, xMean: meanYear(rows, () => true) }] : [];
  return {
    name: o.name,
    title: o.title,
    caption: `${o.caption} ${o.fit.computed ? o.trendCaption : `No trend line: ${o.fit.reason}.`}`,
    alt: `Scatter plot of ${o.noun.toLowerCase()} against publication date for ${count(rows.length)} systems since ${Math.floor(c.dlStart)}, log scale, coloured by domain${fit ? `; the trend doubles every ${doublingText(fit)}` : ''}.`,
    spec: scatterSpec({
      description: `${o.noun} of notable ML systems over time${fit ? ', with the fitted trend' : ''}.`,
      points: rows,
      color: { field: 'domain', title: fit ? 'Domain (fitted trend)' : 'Domain', domain: [...domain, ...(fit ? [trendKey] : [])], range: [...domain.map((d) => DOMAIN_COLORS[d]), '#555'] },
      y: { field: 'value', title: o.yTitle },
      tooltip: QUANTITY_TOOLTIP(o.noun),
      lines,
      legendLabels: legendWithGrowth(lines),
      legendColumns: 4,
    }),
    rows: rows as unknown as Record<string, unknown>[],
    columns: [
      { field: 'name', title: 'System' },
      { field: 'organization', title: 'Organization' },
      { field: 'date', title: 'Published' },
      { field: 'domain', title: 'Domain' },
      { field: 'value', title: o.noun, format: 'sci' },
    ],
  };
}

export function parametersChart(c: ChartContext): ChartDef | NotDrawn {
  return quantityChart(c, {
    name: 'parameters',
    title: 'Parameters of notable ML systems over time',
    noun: 'Parameters',
    yTitle: 'Trainable parameters',
    fit: c.model.fits.parameters_trend,
    value: (r) => r.parameters,
    caption: `Trainable parameters (log scale) of systems published since ${Math.floor(c.dlStart)}, coloured by domain. Mixture-of-experts models count all their parameters.`,
    trendCaption: 'The line is the least-squares trend over all of them, with its 95% band.',
  });
}

export function tokensChart(c: ChartContext): ChartDef | NotDrawn {
  return quantityChart(c, {
    name: 'training-tokens',
    title: 'Training tokens of language models over time',
    noun: 'Training tokens',
    yTitle: 'Tokens processed in training',
    fit: c.model.fits.dataset_trend,
    value: (r) => (r.domain === 'language' ? r.tokensProcessed : null),
    caption: `Tokens processed in training (reported, or dataset size × epochs; log scale) by language models published since ${Math.floor(c.dlStart)}.`,
    trendCaption: 'The line is the least-squares trend, with its 95% band.',
  });
}
