/**
 * Fitted trend lines drawn over the points, coloured like them, with a 95% band, and their doubling
 * time and growth in the legend and tooltips.
 */
import type { TrendFit } from '../../schema/fits.ts';
import { doublingText, growthText, trendShort } from '../format.ts';
import { LEGEND_OPACITY, N, Q } from './common.ts';

export interface TrendLine {
  /** The legend value the line belongs to (shares the colour scale of the points). */
  key: string;
  label: string;
  fit: TrendFit;
  /** Mean x of the fitted points; the band is narrowest there (default: middle of x_range). */
  xMean?: number;
}

const STEPS = 24;

/**
 * Points along each fitted line with its 95% band. The band combines the uncertainty of the
 * level at the mean x (residual SD / √n) with that of the slope — the bootstrap interval where the
 * fit has one, else ±1.96 SE — so it widens away from the data's centre like an OLS confidence band.
 * `keyField` names the line's legend value the same way the points name theirs, so the legend
 * filters lines and points together.
 */
export function trendRows(lines: readonly TrendLine[], yField = 'flop', keyField = 'key') {
  return lines.flatMap(({ key, label, fit, xMean }) => {
    const [x0, x1] = fit.x_range;
    const mean = xMean ?? (x0 + x1) / 2;
    const boot = fit.bootstrap.computed ? fit.bootstrap.slope : null;
    const halfSlope = boot ? (boot.hi - boot.lo) / 2 : 1.96 * fit.slope_se;
    const halfLevel = (1.96 * fit.residual_sd) / Math.sqrt(Math.max(1, fit.n));
    return Array.from({ length: STEPS + 1 }, (_, i) => {
      const x = x0 + ((x1 - x0) * i) / STEPS;
      const y = fit.intercept + fit.slope * x;
      const half = Math.hypot(halfLevel, halfSlope * (x - mean));
      return {
        [keyField]: key,
        trend: label,
        year: Number(x.toFixed(4)),
        [yField]: Number((10 ** y).toPrecision(6)),
        lo: Number((10 ** (y - half)).toPrecision(6)),
        hi: Number((10 ** (y + half)).toPrecision(6)),
        doubling: doublingText(fit),
        growth: growthText(fit),
        n: fit.n,
        band: boot ? '95% band (bootstrap slope interval)' : '95% band (±1.96 SE)',
      };
    });
  });
}

export interface TrendColor {
  /** Field holding each line's legend value (the points' colour field). */
  field: string;
  domain: string[];
  range: string[];
  /** The points' legend, repeated so the layers' legends merge without conflicts. */
  legend?: object;
}

/** The band (area) and line layers of the fitted trends, coloured like their points. */
export function trendLayers(lines: readonly TrendLine[], color: TrendColor, yField = 'flop') {
  const values = trendRows(lines, yField, color.field);
  const tooltip = [
    { field: 'trend', title: 'Trend' },
    { field: 'doubling', title: 'Doubling time' },
    { field: 'growth', title: 'Growth' },
    { field: 'n', title: 'Systems fitted' },
    { field: 'band', title: 'Shaded' },
  ];
  const x = { field: 'year', type: Q };
  // The points' legend covers the lines (the scale is shared); same settings, so they merge cleanly.
  const colorEnc = { field: color.field, type: N, scale: { domain: color.domain, range: color.range }, ...(color.legend ? { legend: color.legend } : {}) };
  return [
    {
      data: { values },
      mark: { type: 'area' as const },
      encoding: {
        x,
        y: { field: 'lo', type: Q },
        y2: { field: 'hi' },
        color: colorEnc,
        opacity: { condition: { param: 'legendFilter', value: 0.2 }, value: 0.03 },
        detail: { field: 'trend', type: N },
        tooltip,
      },
    },
    {
      data: { values },
      mark: { type: 'line' as const, strokeWidth: 2.5 },
      encoding: { x, y: { field: yField, type: Q }, color: colorEnc, opacity: LEGEND_OPACITY, detail: { field: 'trend', type: N }, tooltip },
    },
  ];
}

/** A legend label expression adding each trend's doubling time and growth to its entry. */
export function legendWithGrowth(lines: readonly TrendLine[]): string {
  return lines.reduceRight(
    (rest, l) => `datum.label === ${JSON.stringify(l.key)} ? ${JSON.stringify(`${l.key} (${trendShort(l.fit)})`)} : ${rest}`,
    'datum.label',
  );
}

