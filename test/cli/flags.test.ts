/**
 * Every numeric flag of every CLI is read by one function (pipeline/cli/flags.ts): a family of
 * malformed and out-of-range values, each refused with exit code 2 and the allowed range, run
 * through each CLI's main in-process.
 */
import { describe, expect, it } from 'vitest';
import { decimalFlag, FLAG_RANGES, integerFlag, runDate } from '../../pipeline/cli/flags.ts';
import { main as pipelineMain } from '../../pipeline/cli.ts';
import { main as fitMain } from '../../pipeline/fit-cli.ts';
import { main as previewMain } from '../../pipeline/preview.ts';
import { main as refreshMain } from '../../pipeline/refresh/cli.ts';
import { runMain, type CliMain } from '../../pipeline/cli/edge.ts';
import { messages } from '../../pipeline/messages.ts';
import { memoryIo } from '../helpers/cli-io.ts';
import { pipelineErrorOf } from '../helpers/errors.ts';

/** Values no whole-number flag accepts, whatever its range. */
const NOT_WHOLE = ['', ' ', '0x10', '0X1f', '0b1', '0o7', '1e3', '1E2', '1.5', '1.', '.5', '-1', '+5', ' 5', '5 ', '1_000', '1,000', 'Infinity', '-Infinity', 'NaN', '１２', '٣', 'ten', '5\u200b'];

interface NumericFlag {
  cli: string;
  main: CliMain;
  flag: string;
  args: string[];
  range: { min: number; max: number };
  decimal?: string;
}

const FLAGS: NumericFlag[] = [
  { cli: 'pipeline', main: pipelineMain, flag: '--resamples', args: [], range: FLAG_RANGES.resamples },
  { cli: 'refresh', main: refreshMain, flag: '--resamples', args: ['--diff'], range: FLAG_RANGES.resamples },
  { cli: 'refresh', main: refreshMain, flag: '--max-mb', args: ['--diff'], range: FLAG_RANGES.maxMb },
  { cli: 'refresh', main: refreshMain, flag: '--timeout', args: ['--diff'], range: FLAG_RANGES.timeout, decimal: 'seconds' },
  { cli: 'fit', main: fitMain, flag: '--seed', args: ['--input', 'x.csv', '--x', 'a', '--y', 'b'], range: FLAG_RANGES.seed },
];

function badValues(f: NumericFlag): string[] {
  const outside = [String(f.range.max + 1), '99999999999999999999', ...(f.range.min > 0 ? [String(f.range.min - 1)] : [])];
  // A decimal flag takes a fraction; it still refuses the rest.
  return [...(f.decimal ? NOT_WHOLE.filter((v) => !['1.5', '1.'].includes(v) && v !== '.5') : NOT_WHOLE), ...outside, ...(f.decimal ? ['0.5', '3600.5'] : [])];
}

describe('numeric flags', () => {
  const cases = FLAGS.flatMap((f) => badValues(f).map((v) => [`${f.cli} ${f.flag}=${JSON.stringify(v)}`, f, v] as const));

  it('the family covers every numeric flag of every CLI', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
  });

  it.each(cases)('%s is a usage error naming the range', async (_name, f, value) => {
    const io = memoryIo();
    const code = await runMain(f.main, [...f.args, `${f.flag}=${value}`], io);
    expect(code).toBe(2);
    const expected = f.decimal
      ? messages.badNumberFlag(f.flag, value, f.range.min, f.range.max, f.decimal)
      : messages.badIntegerFlag(f.flag, value, f.range.min, f.range.max);
    // As printed: terminal-safe (a zero-width space in the value is shown escaped, not sent).
    expect(io.stderr).toEqual([`error: ${expected}`]);
  });

  it('accepts the ends of each range', () => {
    for (const f of FLAGS) {
      const read = (v: string) => (f.decimal ? decimalFlag(f.flag, v, { ...f.range, fallback: 0, unit: f.decimal }) : integerFlag(f.flag, v, { ...f.range, fallback: 0 }));
      expect(read(String(f.range.min))).toBe(f.range.min);
      expect(read(String(f.range.max))).toBe(f.range.max);
    }
    expect(decimalFlag('--timeout', '2.5', { ...FLAG_RANGES.timeout, fallback: 60, unit: 'seconds' })).toBe(2.5);
  });

  it('preview --port refuses anything but 1–65535', async () => {
    for (const port of ['0', '65536', '0x50', '80.5', '', '-1', '1e3']) {
      const io = memoryIo();
      expect(await runMain(previewMain, [`--port=${port}`, '--dir', '.'], io)).toBe(2);
      expect(io.stderr).toEqual([`error: ${messages.badIntegerFlag('--port', port, 1, 65_535)}`]);
    }
  });
});

describe('the run date (COMPUTE_TRENDS_TODAY)', () => {
  it('is a real day written YYYY-MM-DD, or a usage error', () => {
    expect(runDate({ COMPUTE_TRENDS_TODAY: '2024-02-29' })).toBe('2024-02-29');
    expect(runDate({}, () => new Date('2030-05-06T23:00:00Z'))).toBe('2030-05-06');
    for (const bad of ['', 'today', '2023-02-29', '2024-13-01', '24-01-01', '1899-12-31', '2024-1-1', '2024-01-01T00:00', '０２０２４-01-01']) {
      const err = pipelineErrorOf(() => runDate({ COMPUTE_TRENDS_TODAY: bad }));
      expect(err.exitCode).toBe(2);
      expect(err.message).toBe(messages.badRunDate(bad));
    }
  });
});
