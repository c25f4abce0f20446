import { describe, expect, it } from 'vitest';
import { defaultMinSegmentPoints, roomFor, segmentViolation } from '../../../pipeline/analyze/stats/admissible.ts';
import { SegmentSums } from '../../../pipeline/analyze/stats/sufficient.ts';

/** Sums of x = 0, 1, …, n − 1 (not centred), y irrelevant. */
function sumsOf(x: number[]): SegmentSums {
  return new SegmentSums(x, x.map(() => 0), 0, 0);
}

describe('segment rules', () => {
  const sums = sumsOf(Array.from({ length: 40 }, (_, i) => i)); // x = 0..39

  it('accepts a configuration whose every segment meets both minimums (inclusive)', () => {
    // Segments: [0, 9.5] (10 points, 9.5 long), (9.5, 29.5] (20), (29.5, 39] (10, 9.5 long).
    expect(segmentViolation(sums, [9.5, 29.5], 2, { minLength: 9.5, minPoints: 10 })).toBeNull();
  });

  it('names the first segment that is too short, with its length and the minimum', () => {
    expect(segmentViolation(sums, [9.5, 10.5], 2, { minLength: 2, minPoints: 0 })).toEqual({ kind: 'segment_too_short', segment: 2, length: 1, minimum: 2 });
    expect(segmentViolation(sums, [38.5], 1, { minLength: 2, minPoints: 0 })).toEqual({ kind: 'segment_too_short', segment: 2, length: 0.5, minimum: 2 });
  });

  it('names the first segment with too few points, counting rows x ≤ ψ to the left', () => {
    expect(segmentViolation(sums, [3, 20], 2, { minLength: 0, minPoints: 5 })).toEqual({ kind: 'too_few_points', segment: 1, points: 4, minimum: 5 });
    expect(segmentViolation(sums, [20, 36], 2, { minLength: 0, minPoints: 5 })).toEqual({ kind: 'too_few_points', segment: 3, points: 3, minimum: 5 });
  });

  it('judges a bootstrap resample by the rows of the data, not by how often they were drawn', () => {
    const w = new Float64Array(40).fill(1);
    for (let i = 0; i < 10; i++) w[i] = 0; // the first ten rows not drawn at all
    w[20] = 11;
    sums.setWeights(w);
    expect(segmentViolation(sums, [9.5], 1, { minLength: 0, minPoints: 10 })).toBeNull();
    sums.setWeights(null);
  });

  it('absorbs round-off at the minimum length', () => {
    expect(segmentViolation(sums, [2 - 1e-13], 1, { minLength: 2, minPoints: 0 })).toBeNull();
    expect(segmentViolation(sums, [2 - 1e-6], 1, { minLength: 2, minPoints: 0 })?.kind).toBe('segment_too_short');
  });

  it('says when no configuration of K breakpoints can fit at all', () => {
    expect(roomFor(sums, 1, { minLength: 19, minPoints: 20 })).toBeNull();
    expect(roomFor(sums, 1, { minLength: 20, minPoints: 0 })).toEqual({ kind: 'no_room', segments: 2, span: 39, points: 40, minLength: 20, minPoints: 0 });
    expect(roomFor(sums, 3, { minLength: 0, minPoints: 11 })?.kind).toBe('no_room');
  });

  it('default minimum points: max(5, ⌈√n⌉), growing with n but as a shrinking share', () => {
    expect([1, 20, 25, 26, 319, 970, 1e6].map(defaultMinSegmentPoints)).toEqual([5, 5, 5, 6, 18, 32, 1000]);
  });
});
