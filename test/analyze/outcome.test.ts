import { describe, expect, it } from 'vitest';
import { guarded, hasTwoDates, notComputed } from '../../pipeline/analyze/outcome.ts';
import { PipelineError } from '../../pipeline/errors.ts';
import { messages } from '../../pipeline/messages.ts';

describe('guarded', () => {
  it('turns a PipelineError of the numerical core into a reason', () => {
    const out = guarded(7, () => {
      throw new PipelineError('ols: x is constant, so the slope is undefined');
    });
    expect(out).toEqual(notComputed(messages.analysisFailed('ols: x is constant, so the slope is undefined'), 7));
  });

  it('lets other errors through: they are bugs, not data', () => {
    expect(() => guarded(1, () => { throw new TypeError('bug'); })).toThrow(TypeError);
  });

  it('hasTwoDates', () => {
    expect([[], [1], [1, 1], [1, 2]].map((x) => hasTwoDates(x))).toEqual([false, false, false, true]);
  });
});
