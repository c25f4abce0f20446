/** The sampling rule of charts with too many points (pipeline/render/sample.ts). */
import { describe, expect, it } from 'vitest';
import { drawnPoints, sampleRanks } from '../../pipeline/render/sample.ts';

const points = Array.from({ length: 10_000 }, (_, i) => ({ id: `s${i}`, year: 1950 + ((i * 7919) % 76) + (i % 10) / 10 }));

describe('drawn points', () => {
  it('are all the points up to the limit', () => {
    const s = drawnPoints(points.slice(0, 50), () => false, 100);
    expect(s.drawn).toHaveLength(50);
    expect(s.total).toBe(50);
  });

  it('above it: every landmark, a point of every year, the rest in proportion to each year, in their order', () => {
    const landmark = (p: { id: string }) => p.id === 's17' || p.id === 's9999';
    const s = drawnPoints(points, landmark, 1000);
    expect(s.drawn).toHaveLength(1000);
    expect(s.total).toBe(10_000);
    expect(s.landmarks).toBe(2);
    expect(s.drawn.some((p) => p.id === 's17') && s.drawn.some((p) => p.id === 's9999')).toBe(true);
    const years = (xs: { year: number }[]) => new Set(xs.map((p) => Math.floor(p.year)));
    expect(years(s.drawn)).toEqual(years(points));
    // Stratified: each year's share of the sample is its share of the points, within a point or two.
    const count = (xs: { year: number }[], y: number) => xs.filter((p) => Math.floor(p.year) === y).length;
    for (const y of years(points)) expect(Math.abs(count(s.drawn, y) / 1000 - count(points, y) / 10_000)).toBeLessThan(0.003);
    // In the original order.
    const index = new Map(points.map((p, i) => [p.id, i]));
    const order = s.drawn.map((p) => index.get(p.id)!);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('are the same for the same data and seed, and another sample for another seed', () => {
    const a = drawnPoints(points, () => false, 500).drawn.map((p) => p.id);
    expect(drawnPoints(points, () => false, 500).drawn.map((p) => p.id)).toEqual(a);
    expect(drawnPoints(points, () => false, 500, 7).drawn.map((p) => p.id)).not.toEqual(a);
  });

  it('rank landmarks first, then one point per year', () => {
    const r = sampleRanks([2000.1, 2000.5, 2001.2, 2001.9, 2001.3], (i) => i === 4);
    expect(r[4]).toBe(-2);
    // Each year has a point ranked before every sampled one (a landmark may be its year's).
    expect(Math.min(r[0], r[1])).toBeLessThan(0);
    expect(Math.min(r[2], r[3], r[4])).toBeLessThan(0);
    expect([...r].filter((v) => v >= 0)).toHaveLength([...r].filter((v) => v >= 0).length);
    expect([...r].filter((v) => v > 0 && v < 1).length).toBeGreaterThan(0);
  });
});
