import { describe, expect, it } from 'vitest';
import { fitTrend, fitTrendWithSamples } from '../../pipeline/analyze/trend.ts';
import type { Series } from '../../pipeline/analyze/series.ts';
import { messages } from '../../pipeline/messages.ts';
import { computed } from '../helpers/fits.ts';

function series(points: [number, number][]): Series {
  return { ids: points.map((_, i) => `s${i}`), names: points.map((_, i) => `S${i}`), x: Float64Array.from(points, (p) => p[0]), y: Float64Array.from(points, (p) => p[1]) };
}
const opts = { resamples: 50, seed: 1, noise: 0 };
const subject = { noun: 'language model', detail: 'with a training-token count published since 2010' };

describe('a trend the data cannot support is not computed, with its reason and n', () => {
  it('no points at all', () => {
    expect(fitTrend(series([]), { ...opts, subject })).toEqual({ computed: false, reason: messages.tooFewForTrend(0, 5, subject.noun, subject.detail), n: 0 });
    expect(messages.tooFewForTrend(0, 5, subject.noun, subject.detail)).toBe('there are no language models with a training-token count published since 2010');
  });

  it('fewer points than the minimum', () => {
    const s = series([[2010, 1], [2011, 2], [2012, 3]]);
    expect(fitTrend(s, opts)).toEqual({ computed: false, reason: 'there are only 3 systems with a compute value, and a trend needs at least 5', n: 3 });
    expect(fitTrend(series([[2010, 1]]), { ...opts, minPoints: 4 })).toMatchObject({ reason: 'there is only 1 system with a compute value, and a trend needs at least 4' });
    expect(computed(fitTrend(s, { ...opts, minPoints: 3 })).slope).toBeCloseTo(1, 12);
  });

  it('one publication date for every point', () => {
    const s = series(Array.from({ length: 6 }, (_, i) => [2020, i] as [number, number]));
    expect(fitTrend(s, opts)).toEqual({ computed: false, reason: messages.oneDateOnly(6, 'system', 'with a compute value'), n: 6 });
  });

  it('without samples for the Monte Carlo', () => {
    expect(fitTrendWithSamples(series([]), opts).slopeSamples).toHaveLength(0);
  });

  it('a computed trend says so, and so does its bootstrap (or why it has none)', () => {
    const s = series(Array.from({ length: 20 }, (_, i) => [2000 + i, 0.5 * i + (i % 3) / 10] as [number, number]));
    const fit = computed(fitTrend(s, opts));
    expect(computed(fit.bootstrap).resamples).toBe(50);
    expect(computed(fitTrend(s, { ...opts, resamples: 0 })).bootstrap).toEqual({ computed: false, reason: messages.bootstrapNotRun, n: 0 });
  });
});
