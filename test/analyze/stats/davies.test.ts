import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../pipeline/errors.ts';
import { daviesTest } from '../../../pipeline/analyze/stats/index.ts';
import { g3 } from './reference.ts';

// Deterministic data, so R can reproduce them: i = 1..400, x = i/10,
// y = 2 + 0.5x + 0.3·max(x − 25, 0) + 2·sin(1.7i). Reference p-values from R 4.2.2, segmented 1.6-2:
//   davies.test(lm(y ~ x), ~x, k = 10)                                  2.58443191862857e-26 (n > 300: R's normal branch)
//   ... alternative = "less"                                             1
//   first 200 rows, alternative = "greater"                              0.251906466445462
//   first 200 rows, alternative = "less"                                 0.962272428587317
function wavy(): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 1; i <= 400; i++) {
    const v = i / 10;
    x.push(v);
    y.push(2 + 0.5 * v + 0.3 * Math.max(v - 25, 0) + Math.sin(i * 1.7) * 2);
  }
  return { x, y };
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('daviesTest matches R davies.test', () => {
  it('G3 (generator in expected.json): p = 6.416835593e-4, best at 10.222', () => {
    const { x, y } = g3();
    const r = daviesTest(x, y, { k: 10, alternative: 'two.sided' });
    expect(rel(r.pValue, 6.416835593e-4)).toBeLessThan(1e-6);
    expect(r.best).toBeCloseTo(10.222222, 5);
    expect(r.process).toHaveLength(10);
    expect(r.approximation).toBe('t');
  });

  it('uses the normal approximation for n > 300, as R', () => {
    const { x, y } = wavy();
    const r = daviesTest(x, y);
    expect(r.approximation).toBe('normal');
    expect(rel(r.pValue, 2.58443191862857e-26)).toBeLessThan(1e-6);
    expect(daviesTest(x, y, { alternative: 'less' }).pValue).toBe(1);
  });

  it('one-sided alternatives', () => {
    const { x, y } = wavy();
    const [xs, ys] = [x.slice(0, 200), y.slice(0, 200)];
    expect(rel(daviesTest(xs, ys, { alternative: 'greater' }).pValue, 0.251906466445462)).toBeLessThan(1e-6);
    expect(rel(daviesTest(xs, ys, { alternative: 'less' }).pValue, 0.962272428587317)).toBeLessThan(1e-6);
  });

  it('rejects bad k and too few points', () => {
    expect(() => daviesTest([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], { k: 1 })).toThrow(PipelineError);
    expect(() => daviesTest([1, 2, 3], [1, 2, 3])).toThrow(PipelineError);
  });
});
