import { describe, expect, it } from 'vitest';
import { analyzeRunScale, yearlySummary } from '../../pipeline/analyze/run-scale.ts';
import { createRng } from '../../pipeline/analyze/stats/index.ts';
import { analysisTable, tableFromColumns } from '../../pipeline/analyze/table.ts';
import { SEED_OFFSET } from '../../pipeline/analyze/seeds.ts';
import type { Fits } from '../../pipeline/schema/fits.ts';
import type { ProcessedRecord } from '../../pipeline/schema/records.ts';
import { hardware, record } from '../helpers/records.ts';

const runLength = { rows: [{ scenario: 'hardware', label: 'Hardware improvements', formula: '1/gH', literature_years: 3.5, ours: {} }] } as unknown as Fits['run_length'];
const trend = { resamples: 300, seed: 13, noise: 0.3 };

describe('analyzeRunScale', () => {
  // Durations growing 1.3×/year for all, chips 1.8×/year; frontier rows (every fourth) twice as long.
  const rng = createRng(8);
  const n = 120;
  const year = Float64Array.from({ length: n }, (_, i) => 2008 + (16 * i) / n);
  const frontier = Uint8Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0));
  const hours = Float64Array.from(year, (y, i) => 10 * 1.3 ** (y - 2010) * (frontier[i] ? 2 : 1) * 10 ** (0.05 * rng.normal()));
  const chips = Float64Array.from(year, (y) => 8 * 1.8 ** (y - 2010) * 10 ** (0.05 * rng.normal()));
  const table = tableFromColumns({
    ids: Array.from({ length: n }, (_, i) => `s${i}`),
    year,
    trainingHours: hours,
    chips,
    chipHours: Float64Array.from(hours, (h, i) => h * chips[i]),
    chipHoursStated: Uint8Array.from(hours, (_, i) => (i % 10 === 0 ? 1 : 0)),
  });
  const r = analyzeRunScale(table, frontier, '2010-01-01', runLength, trend);
  const q = Object.fromEntries(r.quantities.map((x) => [x.key, x]));
  const recent = year.filter((y) => y >= 2010).length;

  it('recovers the planted growth of duration, chips and chip-hours from the deep-learning start', () => {
    for (const [key, growth] of [['duration', 1.3], ['chips', 1.8], ['chip_hours', 1.3 * 1.8]] as const) {
      const all = q[key].all;
      if (!all.computed) throw new Error(all.reason);
      expect(all.n, key).toBe(recent);
      expect(all.growth_per_year, key).toBeGreaterThan(growth * 0.97);
      expect(all.growth_per_year, key).toBeLessThan(growth * 1.03);
      expect(all.bootstrap).toMatchObject({ computed: true, seed: trend.seed + SEED_OFFSET[key] });
      expect(q[key].frontier).toMatchObject({ computed: true, bootstrap: { seed: trend.seed + SEED_OFFSET[key] + 1 } });
    }
  });

  it('fits the frontier systems apart, beside Epoch AI’s published duration growth', () => {
    const f = q.duration.frontier;
    expect(f.n).toBe(Array.from(year).filter((y, i) => y >= 2010 && frontier[i]).length);
    expect(f.computed && f.growth_per_year).toBeGreaterThan(1.25);
    expect(q.duration.anchor_all).toMatchObject({ value: 1.2, verified: true });
    expect(q.chips.anchor_all).toBeNull();
    expect(r.frontier.ids).toHaveLength(f.n);
    expect(r.frontier.epoch_flag).toBeNull();
  });

  it('says how many chip-hours are stated and how many derived, and passes the run-length bound on', () => {
    const kept = Array.from(year, (y, i) => (y >= 2010 ? i : -1)).filter((i) => i >= 0);
    expect(r.chip_hours_stated).toBe(kept.filter((i) => i % 10 === 0).length);
    expect(r.chip_hours_stated + r.chip_hours_derived).toBe(recent);
    expect(r.run_length_bound).toEqual([{ scenario: 'hardware', label: 'Hardware improvements', years: 3.5 }]);
  });

  it('summarizes each year by arquero as a plain count, median and maximum would', () => {
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    for (const y of yearlySummary(table, hours, rows)) {
      const values = Array.from(hours).filter((_, i) => Math.floor(year[i]) === y.year).sort((a, b) => a - b);
      const m = values.length;
      const median = m % 2 ? values[(m - 1) / 2] : (values[m / 2 - 1] + values[m / 2]) / 2;
      expect([y.n, y.median, y.max]).toEqual([m, Number(median.toPrecision(6)), Number(values[m - 1].toPrecision(6))]);
    }
  });

  it('compares the frontier with an upstream flag where records carry it', () => {
    const flagged = tableFromColumns({ ...table, frontierFlag: Int8Array.from(frontier, (f, i) => (i % 8 === 0 ? 1 : 0)) });
    const e = analyzeRunScale(flagged, frontier, '2010-01-01', runLength, { ...trend, resamples: 0 }).frontier.epoch_flag!;
    expect(e.flagged).toBe(recent);
    expect(e.theirs_only).toBe(0);
    expect(e.both + e.ours_only).toBe(Array.from(year).filter((y, i) => y >= 2010 && frontier[i]).length);
  });

  it('reads TPU cores as chips through the accelerator table', () => {
    const records = [record({ id: 'a', hardwareCount: 1024, hardwareCountIsCores: true, hardware: 'google-tpu-v3', trainingTimeHours: 10 })] as ProcessedRecord[];
    const t = analysisTable(records.map((r) => ({ ...r, flop: null, flopLow: null, flopHigh: null, tokensProcessed: null, audit: null })), [hardware({ id: 'google-tpu-v3', coresPerChip: 2 })]);
    expect([t.chips[0], t.chipHours[0], t.chipHoursStated[0]]).toEqual([512, 5120, 0]);
  });

  it('prefers the chip-hours a record states to chips × hours', () => {
    const r = { ...record({ id: 'b', hardwareCount: 64, hardware: 'nvidia-v100', trainingTimeHours: 10, chipHours: 1000 }), flop: null, flopLow: null, flopHigh: null, tokensProcessed: null, audit: null };
    const t = analysisTable([r], [hardware()]);
    expect([t.chips[0], t.chipHours[0], t.chipHoursStated[0]]).toEqual([64, 1000, 1]);
  });
});
