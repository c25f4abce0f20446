/** The PipelineError a call throws, for tests of failures. */
import { expect } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';

/** The PipelineError fn throws (fails the test if it returns or throws something else). */
export function pipelineErrorOf(fn: () => unknown): PipelineError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PipelineError);
    return err as PipelineError;
  }
  throw new Error('expected a PipelineError, but the call returned');
}
