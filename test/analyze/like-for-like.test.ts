import { describe, expect, it } from 'vitest';
import { DEFAULT_ERA_PARAMETERS } from '../../pipeline/analyze/eras.ts';
import { analyzeFrontier } from '../../pipeline/analyze/frontier.ts';
import { fitDefinition, likeForLike } from '../../pipeline/analyze/like-for-like.ts';
import type { PublishedTrend } from '../../pipeline/analyze/literature.ts';
import { createRng } from '../../pipeline/analyze/stats/index.ts';
import { tableFromColumns, type AnalysisTable } from '../../pipeline/analyze/table.ts';
import { yearWindow } from '../../pipeline/analyze/windows.ts';
import { computed } from '../helpers/fits.ts';

/** Systems from 2010 to 2024 growing 0.6 orders of magnitude a year; from 2016 one in four is 100× larger. */
function table(extra: { year: number; flop: number }[] = []): AnalysisTable {
  const rng = createRng(5);
  const rows: { year: number; flop: number }[] = [];
  for (let i = 0; i < 400; i++) {
    const year = 2010 + (14 * i) / 400;
    const big = year >= 2016 && i % 4 === 0;
    rows.push({ year, flop: 10 ** (16 + 0.6 * (year - 2010) + (big ? 2 : 0) + 0.3 * rng.normal()) });
  }
  rows.push(...extra);
  rows.sort((a, b) => a.year - b.year);
  const n = rows.length;
  const year = Float64Array.from(rows, (r) => r.year);
  return tableFromColumns({
    ids: rows.map((_, i) => `s${String(i).padStart(4, '0')}`),
    names: rows.map((_, i) => `S${i}`),
    year,
    dateStart: year,
    dateEnd: year,
    language: new Uint8Array(n),
    trainingHours: new Float64Array(n).fill(NaN),
    flop: Float64Array.from(rows, (r) => r.flop),
    method: new Int8Array(n),
    thirdParty: new Uint8Array(n),
    parameters: new Float64Array(n).fill(NaN),
    languageTokens: new Float64Array(n).fill(NaN),
    firstDate: '2010-01-01',
    lastDate: '2024-01-01',
  });
}

const trend = { resamples: 200, seed: 3, noise: Math.log10(2) };
const subject = { noun: 'system', detail: 'in the test' };

function published(over: Partial<PublishedTrend>): PublishedTrend {
  return { key: 'k', label: 'L', definition: 'regular-scale', from: '2010-01-01', to: '2022-02-28', n: 72, doubling_months: 6, doubling_ci95: [5, 7.5], growth_per_year: null, source: { text: 'src', url: 'https://example.org' }, where: 'Table 1', ...over };
}

describe('fits with a source’s own definition and window', () => {
  const t = table();

  it('regular-scale leaves the large-scale systems out, and both follow the generating slope', () => {
    const w = yearWindow('2010-01-01', '2022-02-28');
    const regular = computed(fitDefinition(t, { definition: 'regular-scale' }, w, DEFAULT_ERA_PARAMETERS, trend, subject));
    const all = computed(fitDefinition(t, { definition: 'all' }, w, DEFAULT_ERA_PARAMETERS, trend, subject));
    const large = computed(fitDefinition(t, { definition: 'large-scale' }, yearWindow('2015-09-01', '2022-02-28'), DEFAULT_ERA_PARAMETERS, trend, subject));
    expect(regular.n + large.n).toBe(all.n);
    expect(large.n).toBeGreaterThan(10);
    expect(regular.slope).toBeGreaterThan(0.5);
    expect(regular.slope).toBeLessThan(0.7);
    expect(regular.x_range[1]).toBeLessThanOrEqual(2022.16);
  });

  it('the verdicts compare intervals: a published 6 months agrees, a published 2 months does not', () => {
    const agrees = likeForLike(t, published({ doubling_months: 6, doubling_ci95: [5, 7.5] }), DEFAULT_ERA_PARAMETERS, trend, 100);
    expect(agrees.same_vs_published).toBe('consistent');
    expect(agrees.current_vs_same).toBe('no_difference');
    expect(computed(agrees.current).n).toBeGreaterThan(computed(agrees.same_window).n);
    const faster = likeForLike(t, published({ doubling_months: 2, doubling_ci95: [1.8, 2.2] }), DEFAULT_ERA_PARAMETERS, trend, 100);
    expect(faster.same_vs_published).toBe('slower');
  });

  it('a closed era’s "to date" fit takes the era’s own window', () => {
    const row = likeForLike(t, published({ definition: 'all', from: '2012-01-01', to: '2015-12-31', current_window: ['1900-01-01', '2015-12-31'] }), DEFAULT_ERA_PARAMETERS, trend, 100);
    expect(computed(row.current).x_range[1]).toBeLessThan(2016);
    expect(computed(row.current).n).toBeGreaterThan(computed(row.same_window).n);
  });
});

describe('the frontier', () => {
  it('records count from the era’s start: a giant from 2007 holds none of them', () => {
    const t = table([{ year: 2007.5, flop: 1e22 }]);
    const f = analyzeFrontier(t, trend, '2010-01-01');
    expect(f.record_setter_ids).not.toContain('s0000');
    expect(f.record_setter_ids[0]).toBe('s0001');
    expect(computed(f.record_setters).n).toBe(f.record_setter_ids.length);
    // The running top 10 counts the 2007 system: it keeps the early, small systems out.
    expect(f.running_top_ids).not.toContain('s0000');
    expect(f.running_top_ids.length).toBeLessThan(t.ids.length - 1);
    expect(computed(f.running_top).slope).toBeGreaterThan(0.4);
  });
});

describe('the record that stood at the era’s start', () => {
  it('names it and the first later system to beat it', () => {
    const t = table([{ year: 2007.5, flop: 10 ** 19.5 }]);
    const f = analyzeFrontier(t, { resamples: 0, seed: 1, noise: 0 }, '2010-01-01');
    expect(f.held_record?.id).toBe('s0000');
    const until = f.held_record!.until!;
    const i = t.ids.indexOf(until.id);
    expect(t.flop[i]).toBeGreaterThan(10 ** 19.5);
    for (let j = 1; j < i; j++) expect(t.flop[j]).toBeLessThanOrEqual(10 ** 19.5);
    expect(analyzeFrontier(table(), { resamples: 0, seed: 1, noise: 0 }, '2010-01-01').held_record).toBeNull();
  });
});
