/**
 * A hook for the kill tests (test/reliability/kill.test.ts). With COMPUTE_TRENDS_PAUSE_AT=<point>
 * the orchestrator stops at that point: it prints "paused at <point>" on stderr and sleeps up to
 * a minute, so a test can SIGKILL it exactly there instead of guessing with timers. Points: a
 * stage name (before that stage runs), `publish` (every stage done, nothing published yet) and
 * `swap` (the publication journaled and data/processed swapped in, reports/site not yet); for
 * refresh (pipeline/refresh/commit.ts) `refresh-commit`, `refresh-rename` and `refresh-last`.
 * Unset, it costs one environment lookup.
 */
import { writeSync } from 'node:fs';
import { messages } from '../messages.ts';

export const PAUSE_ENV = 'COMPUTE_TRENDS_PAUSE_AT';
const PAUSE_MS = 60_000;

export function pauseAt(point: string): void {
  if (process.env[PAUSE_ENV] !== point) return;
  // Synchronous write and sleep: nothing else of the run may proceed while paused.
  writeSync(2, `${messages.pausedAt(point)}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
}
