/**
 * The frontier (issue 18, item 4): record-setters counted from the deep-learning era so that an
 * early estimate cannot hold the record into the era, and Epoch AI's running top 10 at release.
 * Each checked against the definition computed the slow way on the same points.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFrontier, recordSetters, runningTop } from '../../pipeline/analyze/frontier.ts';
import { seriesOf, type Series } from '../../pipeline/analyze/series.ts';
import { createRng } from '../../pipeline/analyze/stats/index.ts';
import { tableFromColumns, type AnalysisTable } from '../../pipeline/analyze/table.ts';
import { computed } from '../helpers/fits.ts';

function table(year: number[], flop: number[], names?: string[]): AnalysisTable {
  const n = year.length;
  return tableFromColumns({
    ids: Array.from({ length: n }, (_, i) => `r${String(i).padStart(4, '0')}`),
    names: names ?? Array.from({ length: n }, (_, i) => `R${i}`),
    year: Float64Array.from(year),
    dateStart: Float64Array.from(year),
    dateEnd: Float64Array.from(year),
    language: new Uint8Array(n),
    trainingHours: new Float64Array(n).fill(NaN),
    flop: Float64Array.from(flop),
    method: new Int8Array(n),
    thirdParty: new Uint8Array(n),
    parameters: new Float64Array(n).fill(NaN),
    languageTokens: new Float64Array(n).fill(NaN),
    firstDate: '',
    lastDate: '',
  });
}

const series = (x: number[], y: number[]): Series => ({ ids: x.map((_, i) => `s${String(i).padStart(3, '0')}`), names: x.map((_, i) => `S${i}`), x: Float64Array.from(x), y: Float64Array.from(y) });

/** The definitions, by brute force: at most k − 1 points at or before x with a larger y; a record beats every earlier point (ties at one x by id). */
function topByDefinition(s: Series, k: number): number[] {
  return [...s.x.keys()].filter((i) => [...s.x.keys()].filter((j) => s.x[j] <= s.x[i] && s.y[j] > s.y[i]).length <= k - 1);
}
function recordsByDefinition(s: Series): number[] {
  const before = (j: number, i: number) => s.x[j] < s.x[i] || (s.x[j] === s.x[i] && s.ids[j] < s.ids[i]);
  return [...s.x.keys()].filter((i) => [...s.x.keys()].every((j) => !before(j, i) || s.y[j] < s.y[i]));
}

describe('runningTop and recordSetters', () => {
  it('match their definitions on random points with ties, sorted or not', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 30; trial++) {
      const n = 5 + Math.floor(rng.next() * 60);
      const x = Array.from({ length: n }, () => 2000 + Math.floor(rng.next() * 20) / 2);
      const y = Array.from({ length: n }, () => Math.round(rng.next() * 40) / 4);
      const unsorted = series(x, y);
      const order = [...x.keys()].sort((a, b) => x[a] - x[b] || a - b);
      const sorted: Series = { ids: order.map((i) => unsorted.ids[i]), names: order.map((i) => unsorted.names[i]), x: Float64Array.from(order, (i) => x[i]), y: Float64Array.from(order, (i) => y[i]) };
      for (const s of [unsorted, sorted]) {
        for (const k of [1, 3, 10]) expect([...runningTop(s, k)].sort((a, b) => a - b)).toEqual(topByDefinition(s, k));
        expect([...recordSetters(s)].sort((a, b) => a - b)).toEqual(recordsByDefinition(s));
      }
    }
  });

  it('the running top 10 holds every system while fewer than ten are published, and none for k = 0', () => {
    const s = series([2001, 2002, 2003], [5, 1, 3]);
    expect([...runningTop(s, 10)]).toEqual([0, 1, 2]);
    expect(runningTop(s, 0).size).toBe(0);
    // The record-setters of the same points: only the first; a lower point never sets a record.
    expect([...recordSetters(s)]).toEqual([0]);
  });
});

describe('analyzeFrontier', () => {
  // Two early CPU-cluster estimates far above their time (2007), then a deep-learning era whose
  // systems rise one order of magnitude a year from 10^17 and pass 10^21 in 2014.
  const year = [2007.3, 2007.6, 2009.5, 2010.2, 2011.2, 2012.2, 2013.2, 2014.2, 2015.2, 2016.2, 2017.2, 2018.2];
  const flop = [1e21, 5e20, 1e15, 1e17, 1e18, 1e19, 1e20, 3e21, 1e22, 1e23, 1e24, 1e25];
  const names = ['N-gram A', 'N-gram B', ...year.slice(2).map((_, i) => `DL${i}`)];
  const t = table(year, flop, names);
  const trend = { resamples: 100, seed: 3, noise: 0 };
  const f = analyzeFrontier(t, trend, '2010-01-01');

  it('counts record-setters from the era start, so an early estimate cannot hold the record into the era', () => {
    // Counted over all time, nothing from 2010 to 2013 sets a record: the 2007 estimate holds it.
    const all = seriesOf(t, t.flop);
    expect([...recordSetters(all)].map((i) => all.names[i])).toEqual(['N-gram A', 'DL5', 'DL6', 'DL7', 'DL8', 'DL9']);
    // From 2010, every deep-learning system is a record.
    expect(f.record_setter_ids).toEqual(t.ids.slice(3));
    expect(computed(f.record_setters).n).toBe(9);
    // They rise about one order of magnitude a year (the 3e21 of 2014 a little above the line).
    expect(computed(f.record_setters).slope).toBeGreaterThan(0.95);
    expect(computed(f.record_setters).slope).toBeLessThan(1.1);
  });

  it('names the record that stood at the era start and the system that first beat it', () => {
    expect(f.held_record).toEqual({ id: 'r0000', name: 'N-gram A', year: 2007.3, flop: 1e21, until: { id: 'r0007', name: 'DL5', year: 2014.2 } });
    expect(f.record_from).toBe('2010-01-01');
  });

  it('the running top 10 counts every earlier system, the 2007 ones included, and keeps members published from the era start', () => {
    // Up to 2016 fewer than eleven systems exist: all are in the top 10. From then on each new one is the largest.
    expect(f.running_top_n).toBe(10);
    expect(f.running_top_ids).toEqual(t.ids.slice(3));
    expect(computed(f.running_top).n).toBe(9);
  });

  it('leaves the record-setters not computed, with a reason, when fewer than four exist', () => {
    const few = analyzeFrontier(table([2011, 2012, 2013], [1e18, 1e19, 1e20]), trend, '2010-01-01');
    expect(few.record_setters.computed).toBe(false);
    expect(few.record_setters.n).toBe(3);
    expect(few.held_record).toBeNull();
  });
});
