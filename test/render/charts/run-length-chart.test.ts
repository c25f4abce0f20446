import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATES, optimalLength } from '../../../pipeline/analyze/run-length.ts';
import { runLengthChartSpec, runLengthInteractiveChartSpec } from '../../../pipeline/render/charts/run-length-chart.ts';

type Logger = NonNullable<NonNullable<Parameters<typeof compile>[1]>['logger']>;

/** Compiles with a logger that records every warning and error instead of printing it. */
function compileStrict(spec: TopLevelSpec) {
  const messages: string[] = [];
  let lvl = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return lvl;
      lvl = l;
      return logger;
    },
    error(...args: unknown[]) { messages.push(`error: ${args.join(' ')}`); return logger; },
    warn(...args: unknown[]) { messages.push(`warn: ${args.join(' ')}`); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  const out = compile(spec, { logger: logger as Logger });
  return { vg: out.spec, messages };
}

/** Runs the compiled Vega spec headless and returns every dataset's rows. */
async function runView(vg: ReturnType<typeof compileStrict>['vg'], signals: Record<string, number> = {}) {
  const view = new View(parse(vg), { renderer: 'none' });
  for (const [k, v] of Object.entries(signals)) view.signal(k, v);
  await view.runAsync();
  const rows = (vg.data ?? []).flatMap((d) => view.data(d.name) as Record<string, unknown>[]);
  view.finalize();
  return rows;
}

const opts = { ...DEFAULT_RATES, T: 2030 };

function layers(spec: TopLevelSpec): Record<string, any>[] {
  expect('layer' in spec).toBe(true);
  return (spec as unknown as { layer: Record<string, any>[] }).layer;
}

describe('static run-length chart', () => {
  const spec = runLengthChartSpec(opts);

  it('compiles without errors or warnings', () => {
    const { vg, messages } = compileStrict(spec);
    expect(messages).toEqual([]);
    expect(vg.marks?.length).toBeGreaterThanOrEqual(3);
    expect((spec as { $schema?: string }).$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
  });

  it('marks the optimum at the closed form L* = 1/(gH+gI+gS), with a rule and a label', () => {
    const [curve, rule, text] = layers(spec);
    const Lopt = optimalLength(DEFAULT_RATES);
    expect(rule.mark.type).toBe('rule');
    expect(text.mark.type).toBe('text');
    expect(rule.data.values[0].yearsBeforeDeadline).toBe(Lopt);
    expect(rule.data.values[0].startYear).toBeCloseTo(2030 - Lopt, 12);
    expect(text.data.values[0].label).toBe('optimum L* = 0.54 years (6.5 months)');
    const values = curve.data.values as { yearsBeforeDeadline: number; relative: number }[];
    const g = DEFAULT_RATES.gH + DEFAULT_RATES.gI + DEFAULT_RATES.gS;
    for (const v of values) {
      expect(v.relative).toBeLessThanOrEqual(1 + 1e-12);
      expect(v.relative).toBeCloseTo(g * v.yearsBeforeDeadline * Math.exp(1 - g * v.yearsBeforeDeadline), 12);
    }
    const best = values.reduce((a, b) => (b.relative > a.relative ? b : a));
    expect(Math.abs(best.yearsBeforeDeadline - Lopt)).toBeLessThanOrEqual(values[1].yearsBeforeDeadline);
  });

  it('follows other rates (hardware only: 1/gH)', () => {
    const hw = runLengthChartSpec({ gH: DEFAULT_RATES.gH, gI: 0, gS: 0, T: 2030 });
    expect(layers(hw)[1].data.values[0].yearsBeforeDeadline).toBe(1 / DEFAULT_RATES.gH);
    expect(layers(hw)[0].encoding.x.scale.domain).toEqual([0, 11]);
    expect(compileStrict(hw).messages).toEqual([]);
  });

  it('refuses rates with no finite optimum', () => {
    expect(() => runLengthChartSpec({ gH: 0.2, gI: -0.5, gS: 0, T: 2030 })).toThrow(RangeError);
  });
});

describe('interactive run-length chart', () => {
  const spec = runLengthInteractiveChartSpec(opts);

  it('compiles without errors or warnings', () => {
    const { messages } = compileStrict(spec);
    expect(messages).toEqual([]);
  });

  it('binds gH, gI, gS to range sliders', () => {
    const params = (spec as { params?: { name: string; value: number; bind: Record<string, unknown> }[] }).params ?? [];
    expect(params.map((p) => p.name)).toEqual(['gH', 'gI', 'gS']);
    for (const p of params) {
      expect(p.value).toBe(DEFAULT_RATES[p.name as 'gH' | 'gI' | 'gS']);
      expect(p.bind.input).toBe('range');
      expect(typeof p.bind.min).toBe('number');
      expect(typeof p.bind.max).toBe('number');
      expect(typeof p.bind.step).toBe('number');
      expect(p.bind.min as number).toBeLessThanOrEqual(p.value);
      expect(p.bind.max as number).toBeGreaterThanOrEqual(p.value);
    }
    expect(params[0].bind.min as number).toBeGreaterThan(0); // gH > 0 keeps the optimum finite
    const { vg } = compileStrict(spec);
    for (const name of ['gH', 'gI', 'gS']) {
      const signal = vg.signals?.find((s) => s.name === name) as { bind?: { input?: string } } | undefined;
      expect(signal?.bind?.input).toBe('range');
    }
  });

  it('generates the grid with a sequence and recomputes through calculate transforms', () => {
    const [curve, rule, text] = layers(spec);
    expect(curve.data.sequence).toMatchObject({ start: 0, stop: 241, step: 1, as: 'i' });
    const calcs = (curve.transform as { calculate: string }[]).map((t) => t.calculate).join(' ');
    expect(calcs).toContain('gH + gI + gS');
    expect(rule.transform[0]).toEqual({ calculate: '1 / (gH + gI + gS)', as: 'yearsBeforeDeadline' });
    expect(text.encoding.text.field).toBe('label');
  });

  it('evaluates, in Vega, to the closed-form optimum, and moves with the sliders', async () => {
    const { vg } = compileStrict(spec);
    const check = async (rates: { gH: number; gI: number; gS: number }) => {
      const rows = await runView(vg, rates);
      const optimum = rows.find((r) => typeof r.label === 'string');
      expect(optimum?.yearsBeforeDeadline as number).toBeCloseTo(optimalLength(rates), 12);
      const curve = rows.filter((r) => typeof r.i === 'number');
      expect(curve).toHaveLength(241);
      const best = curve.reduce((a, b) => ((b.relative as number) > (a.relative as number) ? b : a));
      expect(Math.abs((best.yearsBeforeDeadline as number) - optimalLength(rates))).toBeLessThanOrEqual(6 / 240);
      expect(best.relative as number).toBeLessThanOrEqual(1 + 1e-12);
    };
    await check(DEFAULT_RATES);
    await check({ gH: DEFAULT_RATES.gH, gI: 0, gS: 0 });
    await check({ gH: 0.5, gI: 0.25, gS: 0.25 });
  });
});
