/**
 * Every numeric command-line flag of every CLI is read by these two functions: a whole number
 * (`--resamples`, `--seed`, `--port`) or a decimal one (`--timeout`), each with its allowed range.
 * Anything else — empty, hexadecimal, an exponent, a fraction where a whole number is meant, a
 * sign, spaces, Infinity — is a usage error (exit code 2) naming the flag and the range.
 */
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import { EXIT_USAGE } from '../io/errno.ts';

const DIGITS = /^[0-9]+$/;
const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

/** `text` as a whole number in [min, max], or a usage error. Undefined gives `fallback`. */
export function integerFlag(flag: string, text: string | undefined, range: { min: number; max: number; fallback: number }): number {
  if (text === undefined) return range.fallback;
  const value = DIGITS.test(text) ? Number(text) : NaN;
  if (!(value >= range.min && value <= range.max)) throw new PipelineError(messages.badIntegerFlag(flag, text, range.min, range.max), [], EXIT_USAGE);
  return value;
}

/** `text` as a decimal number in [min, max] (digits, an optional fraction), or a usage error. */
export function decimalFlag(flag: string, text: string | undefined, range: { min: number; max: number; fallback: number; unit: string }): number {
  if (text === undefined) return range.fallback;
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  if (!(value >= range.min && value <= range.max)) {
    throw new PipelineError(messages.badNumberFlag(flag, text, range.min, range.max, range.unit), [], EXIT_USAGE);
  }
  return value;
}

/** The ranges of the numeric flags, shared by the CLIs and their help texts. */
export const FLAG_RANGES = {
  /** Bootstrap resamples: 0 (point estimates) to 1,000,000 (1,000 is the default; a million already takes minutes). */
  resamples: { min: 0, max: 1_000_000 },
  /** Random seed of `npm run fit`: an unsigned 32-bit integer. */
  seed: { min: 0, max: 4_294_967_295 },
  /** Download time limit of refresh, in seconds: up to an hour. */
  timeout: { min: 1, max: 3_600 },
  /** Largest export refresh accepts, in MB (after decompression). */
  maxMb: { min: 1, max: 2_000 },
  port: { min: 1, max: 65_535 },
  /** `npm run fit --min-segment-points`: rows per segment (0 for no minimum). */
  minSegmentPoints: { min: 0, max: 1_000_000_000 },
  /** `npm run fit --min-segment-length`: a length in units of x (0 for no minimum). */
  minSegmentLength: { min: 0, max: 1_000_000_000, unit: 'units of x' },
} as const;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The run date, YYYY-MM-DD: COMPUTE_TRENDS_TODAY when set (tests, reproducing a run), else today
 * in UTC. A value that is not a real day is a usage error, not a crash deep in a date check.
 */
export function runDate(env: Record<string, string | undefined>, now: () => Date = () => new Date()): string {
  const text = env.COMPUTE_TRENDS_TODAY;
  if (text === undefined) return now().toISOString().slice(0, 10);
  const m = ISO_DAY.exec(text);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number(m[1]) < 1900 || new Date(t).toISOString().slice(0, 10) !== text) {
    throw new PipelineError(messages.badRunDate(text), [], EXIT_USAGE);
  }
  return text;
}
