/**
 * Vega-Lite v6 spec of Epoch's run-length model ("The longest training run", 2022): the effective compute
 * of a run that must end by the deadline T, E(S) ∝ e^{(gH+gI+gS)·S}·(T − S) (hardware fixed at purchase),
 * normalised to its maximum, against the start time S in years before T, with the optimum
 * L* = 1/(gH+gI+gS) marked. Normalised, the curve depends only on L = T − S:
 * E(T−L)/E(T−L*) = g·L·e^{1 − g·L}, g = gH+gI+gS.
 * The interactive variant binds gH, gI, gS to sliders and recomputes curve and optimum in `calculate`
 * transforms over a `sequence` grid. Pure: no I/O.
 */
import type { TopLevelSpec } from 'vega-lite';
import { optimalLength } from '../../analyze/run-length-model.ts';

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

export type RateName = 'gH' | 'gI' | 'gS';

export interface RunLengthChartOptions {
  /** Growth rates per year: hardware price-performance, investment, software. */
  gH: number;
  gI: number;
  gS: number;
  /** The deadline, as a calendar year (for the start-year tooltip). */
  T: number;
  /** Right end of the x axis, years before T; default max(1, ⌈3·L*⌉) (static) or max(6, ⌈3·L*⌉) (interactive). */
  maxYears?: number;
  /** Grid points from 0 to maxYears, inclusive; default 241. */
  points?: number;
  /** Pixels, or 'container' to follow the page width (the report's figures). */
  width?: number | 'container';
  height?: number;
  title?: string;
  /** Sliders instead of a fixed curve. */
  interactive?: boolean;
  /** Slider ranges (interactive only); each widens to include the initial value. */
  sliders?: Partial<Record<RateName, SliderRange>>;
}

export const DEFAULT_SLIDERS: Readonly<Record<RateName, SliderRange>> = {
  gH: { min: 0.05, max: 1.5, step: 0.01 },
  gI: { min: 0, max: 2, step: 0.01 },
  gS: { min: 0, max: 1.5, step: 0.01 },
};

const SLIDER_LABELS: Record<RateName, string> = {
  gH: 'gH, hardware price-performance growth (/yr) ',
  gI: 'gI, investment growth (/yr) ',
  gS: 'gS, algorithmic efficiency growth (/yr) ',
};

const Q = 'quantitative' as const;
const X_TITLE = 'Start time S, years before the deadline T (= run length)';
const Y_TITLE = 'Effective compute of the run, relative to the best start';

function optimumLabel(L: number): string {
  return `optimum L* = ${L.toFixed(2)} years (${(12 * L).toFixed(1)} months)`;
}

export function runLengthChartSpec(opts: RunLengthChartOptions): TopLevelSpec {
  const { gH, gI, gS, T } = opts;
  const Lopt = optimalLength({ gH, gI, gS });
  if (!Number.isFinite(Lopt)) throw new RangeError(`runLengthChartSpec: gH + gI + gS must be > 0 (got ${gH + gI + gS})`);
  const maxYears = opts.maxYears ?? Math.max(opts.interactive ? 6 : 1, Math.ceil(3 * Lopt));
  const points = opts.points ?? 241;
  const step = maxYears / (points - 1);
  const x = { field: 'yearsBeforeDeadline', type: Q, title: X_TITLE, scale: { domain: [0, maxYears] }, axis: { labelOverlap: true, labelFlush: true } };
  const y = { field: 'relative', type: Q, title: Y_TITLE, scale: { domain: [0, 1.05] } };
  const tooltip = [
    { field: 'yearsBeforeDeadline', type: Q, title: 'run length (years)', format: '.2f' },
    { field: 'startYear', type: Q, title: 'start year', format: '.2f' },
    { field: 'relative', type: Q, title: 'relative effective compute', format: '.3f' },
  ];
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description:
      'Epoch AI model of the optimal training-run length: effective compute of a run ending at the deadline, ' +
      'normalised to its maximum, against how long before the deadline it starts.',
    title: opts.title ?? 'The longest sensible training run',
    width: opts.width ?? 560,
    height: opts.height ?? 320,
    ...(opts.width === 'container' ? { autosize: { type: 'fit-x' as const, contains: 'padding' as const } } : {}),
  } as const;
  const ruleLayer = { mark: { type: 'rule' as const, strokeDash: [4, 3], clip: true }, encoding: { x } };
  const textLayer = {
    mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, dx: 6, dy: -4, clip: true },
    encoding: { x, y: { datum: 1, type: Q, scale: y.scale }, text: { field: 'label', type: 'nominal' as const } },
  };

  if (!opts.interactive) {
    const curve = Array.from({ length: points }, (_, i) => {
      const L = i * step;
      const gL = (gH + gI + gS) * L;
      return { yearsBeforeDeadline: L, startYear: T - L, relative: gL * Math.exp(1 - gL) };
    });
    const optimum = [{ yearsBeforeDeadline: Lopt, startYear: T - Lopt, relative: 1, label: optimumLabel(Lopt) }];
    return {
      ...base,
      layer: [
        { data: { values: curve }, mark: { type: 'line' }, encoding: { x, y, tooltip } },
        { data: { values: optimum }, ...ruleLayer },
        { data: { values: optimum }, ...textLayer },
      ],
    };
  }

  const sliders = { ...DEFAULT_SLIDERS, ...opts.sliders };
  const params = (['gH', 'gI', 'gS'] as const).map((name) => {
    const value = opts[name];
    const r = sliders[name];
    return {
      name,
      value,
      bind: { input: 'range' as const, min: Math.min(r.min, value), max: Math.max(r.max, value), step: r.step, name: SLIDER_LABELS[name] },
    };
  });
  const g = '(gH + gI + gS)';
  const optimumTransforms = [
    { calculate: `1 / ${g}`, as: 'yearsBeforeDeadline' },
    { calculate: `${T} - datum.yearsBeforeDeadline`, as: 'startYear' },
    { calculate: "'optimum L* = ' + format(datum.yearsBeforeDeadline, '.2f') + ' years (' + format(12 * datum.yearsBeforeDeadline, '.1f') + ' months)'", as: 'label' },
  ];
  return {
    ...base,
    params,
    layer: [
      {
        data: { sequence: { start: 0, stop: points, step: 1, as: 'i' } },
        transform: [
          { calculate: `datum.i * ${step}`, as: 'yearsBeforeDeadline' },
          { calculate: `${T} - datum.yearsBeforeDeadline`, as: 'startYear' },
          { calculate: `${g} * datum.yearsBeforeDeadline * exp(1 - ${g} * datum.yearsBeforeDeadline)`, as: 'relative' },
        ],
        mark: { type: 'line' },
        encoding: { x, y, tooltip },
      },
      { data: { values: [{}] }, transform: optimumTransforms, ...ruleLayer },
      { data: { values: [{}] }, transform: optimumTransforms, ...textLayer },
    ],
  };
}

/** The slider variant of runLengthChartSpec. */
export function runLengthInteractiveChartSpec(opts: Omit<RunLengthChartOptions, 'interactive'>): TopLevelSpec {
  return runLengthChartSpec({ ...opts, interactive: true });
}
