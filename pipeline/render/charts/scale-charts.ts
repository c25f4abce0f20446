/**
 * Charts of the Domains & scale page: compute per domain, training duration (with the run-length
 * page's modelled optimum), accelerators, chip-hours, cost on each stated basis, power, and tokens
 * per parameter. Each plots the systems the analysis fitted, with its trends and 95% bands.
 */
import { chipCount, chipHours, coresPerChipOf, costOn } from '../../analyze/record-fields.ts';
import { DOMAIN_GROUPS } from '../../analyze/domain-trends.ts';
import { COST_BASIS_AXIS } from '../../analyze/cost-and-power.ts';
import { messages } from '../../messages.ts';
import type { Outcome, TrendFit } from '../../schema/fits.ts';
import type { ProcessedRecord } from '../../schema/records.ts';
import { count, sci } from '../format.ts';
import { computedOrNull } from '../not-computed.ts';
import { growthCi } from '../trend-format.ts';
import { POINT_COLUMNS, type ChartContext } from './chart-context.ts';
import { N, Q, QUANTITY_TOOLTIP, SYSTEM_TOOLTIP, type ChartDef, type NotDrawn } from './common.ts';
import { systemFields } from './points.ts';
import { meanYear, scatterSpec } from './scatter.ts';
import { DOMAIN_COLORS } from './series-charts.ts';
import { legendWithGrowth, type TrendLine } from './trends.ts';

/** A fit of a quantity in one unit drawn in another (hours as days): the same slope, the level shifted. */
const scaled = (fit: TrendFit, factor: number): TrendFit => ({ ...fit, intercept: fit.intercept + Math.log10(factor) });

export function domainTrendsChart(c: ChartContext): ChartDef | NotDrawn {
  const d = c.model.fits.domain_trends;
  const groupOf = new Map(DOMAIN_GROUPS.flatMap((g) => g.includes.map((k) => [k, g.label] as [string, string])));
  const rows = c.points.filter((p) => p.year >= c.dlStart && !c.lowOutliers.has(p.id)).map((p) => ({ ...p, domain_group: groupOf.get(p.domain) ?? 'Other' }));
  const title = 'Training compute by domain in the deep-learning era';
  if (rows.length === 0) return { name: 'domain-trends', title, notDrawn: messages.noSystemsSince(d.from) };
  const labels = DOMAIN_GROUPS.map((g) => g.label).filter((l) => rows.some((r) => r.domain_group === l));
  const lines: TrendLine[] = d.domains.flatMap((x) => {
    const fit = computedOrNull(x.trend);
    return fit && labels.includes(x.label) ? [{ key: x.label, label: `${x.label} trend`, fit, xMean: meanYear(rows, (r) => r.domain_group === x.label) }] : [];
  });
  const colors = DOMAIN_GROUPS.map((g) => g.key);
  return {
    name: 'domain-trends',
    title,
    caption: `Systems since ${Math.floor(c.dlStart)} coloured by domain (recommendation counted as other; low outliers left out), each domain with its least-squares trend and 95% band where it has enough systems. Hollow points are imputed by this pipeline.`,
    alt: `Scatter plot of ${count(rows.length)} systems' training compute since ${Math.floor(c.dlStart)} in ${labels.length} colours by domain; ${lines.map((l) => `${l.key} grows ${growthCi(l.fit)}`).join('; ')}.`,
    spec: scatterSpec({
      description: 'Training compute by domain, with a trend per domain.',
      points: rows,
      color: { field: 'domain_group', title: 'Domain (fitted trend)', domain: labels, range: labels.map((l) => DOMAIN_COLORS[colors[DOMAIN_GROUPS.findIndex((g) => g.label === l)]] ?? '#888') },
      y: { field: 'flop', title: 'Training compute (FLOP)' },
      tooltip: SYSTEM_TOOLTIP,
      lines,
      legendLabels: legendWithGrowth(lines),
      hollowImputed: true,
    }),
    rows,
    columns: [...POINT_COLUMNS, { field: 'domain_group', title: 'Domain' }],
  };
}

const FRONTIER = 'Frontier systems';
const OTHERS = 'Other systems';
const ALL = 'All systems';
const SCALE_COLORS = { [FRONTIER]: '#e45756', [OTHERS]: '#9aa5b1', [ALL]: '#4c78a8' };

interface ScaleOptions {
  name: string;
  title: string;
  noun: string;
  yTitle: string;
  /** The plotted value of a record (in the plotted unit), or null. */
  value: (r: ProcessedRecord) => number | null;
  all: Outcome<TrendFit>;
  frontier: Outcome<TrendFit>;
  /** Plotted unit ÷ fitted unit (1/24 for hours drawn as days). */
  factor?: number;
  caption: string;
  under?: object[];
}

/** A quantity over time: frontier systems in red, the rest in grey, the all-systems and frontier trends. */
function scaleChart(c: ChartContext, o: ScaleOptions): ChartDef | NotDrawn {
  const frontier = new Set(c.model.fits.run_scale.frontier.ids);
  const rows = c.model.records.flatMap((r) => {
    const v = r.year >= c.dlStart ? o.value(r) : null;
    if (v === null || !(v > 0) || !Number.isFinite(v)) return [];
    return [{ ...systemFields(r), value: v, value_text: sci(v), group: frontier.has(r.id) ? FRONTIER : OTHERS }];
  });
  // Nothing to plot: the trend's own reason says what is missing.
  if (rows.length === 0) return { name: o.name, title: o.title, notDrawn: o.all.computed ? messages.noPointsToPlot : o.all.reason };
  const lines: TrendLine[] = [];
  const all = computedOrNull(o.all);
  const front = computedOrNull(o.frontier);
  if (all) lines.push({ key: ALL, label: `${o.noun} trend, all systems`, fit: scaled(all, o.factor ?? 1), xMean: meanYear(rows, () => true) });
  if (front) lines.push({ key: FRONTIER, label: `${o.noun} trend, frontier systems`, fit: scaled(front, o.factor ?? 1), xMean: meanYear(rows, (r) => r.group === FRONTIER) });
  const domain = [FRONTIER, OTHERS, ...(all ? [ALL] : [])];
  const fitted = [all ? `all systems grow ${growthCi(all)}` : '', front ? `frontier systems ${growthCi(front)}` : ''].filter(Boolean).join(', ');
  return {
    name: o.name,
    title: o.title,
    caption: o.caption,
    alt: `Scatter plot of ${count(rows.length)} systems' ${o.noun.toLowerCase()} against publication date since ${Math.floor(c.dlStart)}, log scale, frontier systems in red${fitted ? `; ${fitted}` : ''}.`,
    spec: scatterSpec({
      description: `${o.noun} of notable ML systems over time, with the trends of all and of frontier systems.`,
      points: rows,
      color: { field: 'group', title: 'Systems (fitted trend)', domain, range: domain.map((d) => SCALE_COLORS[d as keyof typeof SCALE_COLORS]) },
      y: { field: 'value', title: o.yTitle },
      tooltip: QUANTITY_TOOLTIP(o.noun),
      lines,
      legendLabels: legendWithGrowth(lines),
      under: o.under,
    }),
    rows,
    columns: [
      { field: 'name', title: 'System' },
      { field: 'organization', title: 'Organization' },
      { field: 'date', title: 'Published' },
      { field: 'value', title: o.noun, format: 'sci' },
      { field: 'group', title: 'Group' },
    ],
  };
}

/** The scenarios whose rule is labelled: the Training-run length page's figure (all three rates) and Epoch's original ~15-month bound. */
const LABELLED_SCENARIOS = new Set(['hardware+investment+software', 'hardware+software']);

/**
 * Horizontal dashed rules at the run-length page's modelled optimal run lengths (in days). Two are
 * labelled at the right edge; the others, close to them on a log axis, carry their label as a tooltip.
 */
function runLengthRules(c: ChartContext) {
  const bounds = c.model.fits.run_scale.run_length_bound.map((b) => ({
    value: Number((b.years * 365.25).toPrecision(6)),
    label: `Optimal run length, ${b.label.toLowerCase()}: ${b.years < 2 ? `${(12 * b.years).toFixed(1)} months` : `${b.years.toFixed(1)} years`}`,
    main: LABELLED_SCENARIOS.has(b.scenario),
  }));
  const right = c.model.records.reduce((m, r) => Math.max(m, r.year), -Infinity);
  return [
    {
      data: { values: bounds },
      mark: { type: 'rule', strokeDash: [6, 4], color: '#b36b00', strokeWidth: 1.2 },
      encoding: { y: { field: 'value', type: Q }, opacity: { condition: { test: 'datum.main', value: 0.9 }, value: 0.35 }, tooltip: [{ field: 'label', title: 'Modelled bound (Training-run length page)' }] },
    },
    {
      // Named as a landmark label: charts.js leaves such labels out on a phone, where they would run
      // past the plot's left edge; the rules keep their tooltips and the caption names them.
      name: 'landmark-labels-run-length',
      data: { values: bounds.filter((b) => b.main) },
      mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -2, fontSize: 10, color: '#8a5200' },
      encoding: { x: { datum: right, type: Q }, y: { field: 'value', type: Q }, text: { field: 'label', type: N } },
    },
  ];
}

export function scaleCharts(c: ChartContext): (ChartDef | NotDrawn)[] {
  const rs = c.model.fits.run_scale;
  const cores = coresPerChipOf(c.model.hardware);
  const q = (key: string) => rs.quantities.find((x) => x.key === key)!;
  const since = Math.floor(c.dlStart);
  const frontierText = `Frontier systems (red) are among the ${rs.frontier.k} most compute-intensive systems up to their publication date.`;
  const charts: (ChartDef | NotDrawn)[] = [
    scaleChart(c, {
      name: 'training-duration',
      title: 'Training duration over time, with the modelled optimal run length',
      noun: 'Training duration',
      yTitle: 'Training duration (days)',
      value: (r) => (r.trainingTimeHours === null ? null : r.trainingTimeHours / 24),
      all: q('duration').all,
      frontier: q('duration').frontier,
      factor: 1 / 24,
      caption: `Wall-clock training time (log scale) of systems since ${since}, with the trends of all systems and of frontier systems and their 95% bands. ${frontierText} Dashed orange rules: the optimal run lengths Epoch's model gives at the literature rates (Training-run length page), labelled for all three rates together (the page's figure) and for hardware and software alone (Epoch's original bound of about 15 months); hover a rule for its scenario. A run much longer is outpaced by one that starts later on better hardware and algorithms.`,
      under: runLengthRules(c),
    }),
    scaleChart(c, {
      name: 'training-chips',
      title: 'Accelerators per training run over time',
      noun: 'Accelerators (chips)',
      yTitle: 'Accelerators (chips)',
      value: (r) => chipCount(r, cores),
      all: q('chips').all,
      frontier: q('chips').frontier,
      caption: `Accelerators used to train systems since ${since} (TPU cores converted to chips; log scale), with the trends of all and of frontier systems. ${frontierText}`,
    }),
    scaleChart(c, {
      name: 'training-chip-hours',
      title: 'Chip-hours per training run over time',
      noun: 'Chip-hours',
      yTitle: 'Chip-hours',
      value: (r) => chipHours(r, cores)?.value ?? null,
      all: q('chip_hours').all,
      frontier: q('chip_hours').frontier,
      caption: `Accelerator-hours of training runs since ${since} (stated, or chips × training hours; log scale), with the trends of all and of frontier systems. ${frontierText}`,
    }),
  ];
  const cp = c.model.fits.cost_and_power;
  for (const s of cp.cost) {
    charts.push(
      scaleChart(c, {
        name: s.key,
        title: `Training cost over time (${s.unit})`,
        noun: 'Training cost',
        yTitle: `Training cost (${COST_BASIS_AXIS[s.basis!]})`,
        value: (r) => costOn(r, s.basis!),
        all: s.all,
        frontier: s.frontier,
        caption: `Training cost of systems since ${since} in ${s.unit} (log scale), with the trends of all and of frontier systems. Only costs on this basis are drawn and fitted. ${frontierText}`,
      }),
    );
  }
  {
    charts.push(
      scaleChart(c, {
        name: 'training-power',
        title: 'Power drawn by training runs over time',
        noun: 'Training power draw',
        yTitle: 'Power draw (megawatts)',
        value: (r) => (r.powerDrawWatts !== null ? r.powerDrawWatts / 1e6 : null),
        all: cp.power.all,
        frontier: cp.power.frontier,
        factor: 1e-6,
        caption: `Power drawn by the training cluster (megawatts, log scale) of systems since ${since}, with the trends of all and of frontier systems. ${frontierText}`,
      }),
    );
  }
  return charts;
}

const OPTIMAL = 'Compute-optimal (Hoffmann et al.)';

export function tokensPerParameterChart(c: ChartContext): ChartDef | NotDrawn {
  const t = c.model.fits.tokens_per_parameter;
  const rows = c.model.records.flatMap((r) => {
    const params = r.activeParameters !== null && r.activeParameters > 0 ? r.activeParameters : r.parameters;
    if (r.domain !== 'language' || r.year < c.dlStart || r.tokensProcessed === null || !(r.tokensProcessed > 0) || params === null || !(params > 0)) return [];
    const v = r.tokensProcessed / params;
    return [{ ...systemFields(r), value: v, value_text: sci(v), group: 'Language models' }];
  });
  const title = 'Tokens per parameter of language models over time';
  if (rows.length === 0) return { name: 'tokens-per-parameter', title, notDrawn: t.trend.computed ? messages.noPointsToPlot : t.trend.reason };
  const fit = computedOrNull(t.trend);
  const key = 'Trend';
  const lines: TrendLine[] = fit ? [{ key, label: 'Tokens-per-parameter trend', fit, xMean: meanYear(rows, () => true) }] : [];
  const optimal = [{ value: t.optimal.value, label: `${OPTIMAL}: about ${t.optimal.value} tokens per parameter` }];
  return {
    name: 'tokens-per-parameter',
    title,
    caption: `Tokens processed in training per parameter (active parameters for mixture-of-experts models where stated; log scale) of language models since ${Math.floor(c.dlStart)}, with the trend and its 95% band. The dashed rule marks the compute-optimal ratio of about ${t.optimal.value} (Hoffmann et al. 2022); points above it trained on more data than compute-optimal for their size.`,
    alt: `Scatter plot of ${count(rows.length)} language models' tokens per parameter over time, log scale, with a dashed rule at ${t.optimal.value}${fit ? `; the ratio grows ${growthCi(fit)}` : ''}.`,
    spec: scatterSpec({
      description: 'Tokens per parameter of language models over time, against the compute-optimal ratio.',
      points: rows,
      color: { field: 'group', title: 'Systems (fitted trend)', domain: ['Language models', ...(fit ? [key] : [])], range: ['#4c78a8', '#555'] },
      y: { field: 'value', title: 'Training tokens per parameter' },
      tooltip: QUANTITY_TOOLTIP('Tokens per parameter'),
      lines,
      legendLabels: legendWithGrowth(lines),
      under: [{ data: { values: optimal }, mark: { type: 'rule', strokeDash: [6, 4], color: '#b36b00', strokeWidth: 1.5 }, encoding: { y: { field: 'value', type: Q }, tooltip: [{ field: 'label', title: 'Reference' }] } }],
      // The rule's label over the points, at the left where the early years have few of them; left
      // out on a phone like the landmark labels (charts.js), the rule keeping its tooltip.
      over: [
        {
          name: 'landmark-labels-optimal',
          data: { values: optimal },
          mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -2, fontSize: 10, color: '#8a5200' },
          encoding: { x: { datum: rows.reduce((m, r) => Math.min(m, r.year), Infinity), type: Q }, y: { field: 'value', type: Q }, text: { field: 'label', type: N } },
        },
      ],
    }),
    rows,
    columns: [
      { field: 'name', title: 'System' },
      { field: 'organization', title: 'Organization' },
      { field: 'date', title: 'Published' },
      { field: 'value', title: 'Tokens per parameter', format: 'sci' },
    ],
  };
}
