/**
 * The analyst CLI end to end: `npm run fit`'s main, run in-process, on temporary CSVs. The data are G3's
 * generator (expected.json), so the reference numbers are R's (segmented 1.6-2) and the test
 * needs nothing from ../shared.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { dateToYear } from '../pipeline/values/dates.ts';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createRng } from '../pipeline/analyze/stats/index.ts';
import { parseFitArgs, runFit } from '../pipeline/fit-cli.ts';
import { messages } from '../pipeline/messages.ts';
import { g3 } from './analyze/stats/reference.ts';
import { pipelineErrorOf } from './helpers/errors.ts';
import { memoryIo } from './helpers/cli-io.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The CLI run in-process through its edge (runFit: the same parsing, printing and exit codes as
 * the process; test/launch.test.ts covers the process itself), so no Node start-up per case.
 */
async function fit(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const io = memoryIo();
  const status = await runFit(args, io);
  return { status, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

// R: segmented(lm(y ~ x), seg.Z = ~x, psi = c(12, 28)) on G3, and selgmented(type = "bic", Kmax = 3).
const R = {
  psi: [11.54826005, 28.41217964],
  psiSe: [0.2216224607, 0.2771967777],
  slopes: [1.06016040, -0.46691177, 0.72344714],
  intercept: 4.659090931,
  rss: 6.440443747,
  bic: 66.28595838,
  bicByK: { '0': 205.03123278, '1': 192.5416905, '2': 66.28595838, '3': 70.99618713 } as Record<string, number>,
  davies: 6.416835593e-4,
};

let dir: string;
let plain: string;
let logged: string;
let spike: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fit-cli-'));
  const { x, y } = g3();
  // A text column with quoted newlines and commas, like the Epoch export, plus unusable rows.
  const rows = ['id,"note, free text",when,value'];
  x.forEach((v, i) => rows.push(`m${i},"line one\nline two, with comma",${v},${y[i]}`));
  rows.push('bad1,"",n/a,3.5', 'bad2,"x",41,', 'bad3,"y",42,  ');
  plain = join(dir, 'plain.csv');
  writeFileSync(plain, rows.join('\n') + '\n');
  const lrows = ['when,flop'];
  x.forEach((v, i) => lrows.push(`${v},${10 ** y[i]}`));
  lrows.push('43,0', '44,-5');
  logged = join(dir, 'logged.csv');
  writeFileSync(logged, lrows.join('\n') + '\n');
  // 400 systems on a K = 1 trend (0.3 OOM/year, 0.7 from 2010) plus ten within one month of 2016.4
  // on a line falling 96 OOM/year through it: the planted spike of test/analyze/stats/segmented-rules.
  const rng = createRng(4);
  const srows = ['year,log_flop'];
  const trend = (v: number) => 10 + 0.3 * (v - 1990) + 0.4 * Math.max(v - 2010, 0);
  for (let i = 0; i < 400; i++) {
    const v = 1990 + 34 * rng.next();
    srows.push(`${v},${trend(v) + 0.3 * rng.normal()}`);
  }
  for (let i = 0; i < 10; i++) {
    const v = 2016.4 + i / 9 / 12;
    srows.push(`${v},${trend(v) + 4 * (1 - (2 * i) / 9)}`);
  }
  spike = join(dir, 'spike.csv');
  writeFileSync(spike, srows.join('\n') + '\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('npm run fit', () => {
  it('--json with automatic K reproduces R on G3 and counts skipped rows', async () => {
    const r = await fit(['--input', plain, '--x', 'when', '--y', 'value', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['n', 'skipped', 'k', 'intercept', 'slopes', 'breakpoints', 'rss', 'bic', 'bic_by_k', 'davies_p', 'rules', 'rejected']);
    // x is not a date: no minimum length by default; max(5, ⌈√40⌉) = 7 rows per segment. R's K = 3
    // fit has a segment of 3 rows: it is rejected, listed with R's BIC, and K = 3 competes with its
    // best admissible fit instead.
    expect(out.rules).toEqual({ min_segment_length: 0, min_segment_points: 7 });
    expect(out.rejected).toHaveLength(1);
    expect(out.rejected[0]).toMatchObject({ k: 3, reason: { kind: 'too_few_points', segment: 3, points: 3, minimum: 7 }, detail: 'segment 3 holds 3 points, under the minimum 7' });
    expect(rel(out.rejected[0].bic, R.bicByK['3'])).toBeLessThan(1e-8);
    expect(out.bic_by_k['3']).toBeGreaterThan(R.bicByK['3']);
    expect(out.n).toBe(40);
    expect(out.skipped).toBe(3);
    expect(out.k).toBe(2);
    out.breakpoints.forEach((b: { estimate: number; se: number; ci95: [number, number] }, j: number) => {
      expect(Math.abs(b.estimate - R.psi[j])).toBeLessThan(1e-4);
      expect(rel(b.se, R.psiSe[j])).toBeLessThan(1e-6);
      expect(b.ci95[0]).toBeLessThan(b.estimate);
      expect(b.ci95[1]).toBeGreaterThan(b.estimate);
    });
    out.slopes.forEach((s: number, j: number) => expect(Math.abs(s - R.slopes[j])).toBeLessThan(1e-6));
    expect(Math.abs(out.intercept - R.intercept)).toBeLessThan(1e-6);
    expect(rel(out.rss, R.rss)).toBeLessThan(1e-8);
    expect(rel(out.bic, R.bic)).toBeLessThan(1e-8);
    expect(Object.keys(out.bic_by_k)).toEqual(['0', '1', '2', '3']);
    for (const k of ['0', '1', '2']) expect(rel(out.bic_by_k[k], R.bicByK[k])).toBeLessThan(1e-8);
    expect(rel(out.davies_p, R.davies)).toBeLessThan(1e-6);
  });

  it('--log10-y refuses y ≤ 0, naming the lines (exit 1)', async () => {
    const io = memoryIo();
    expect(await runFit(['--input', logged, '--x', 'when', '--y', 'flop', '--log10-y', '--json'], io)).toBe(1);
    expect(io.stderr[0]).toBe(`error: fit: ${messages.fitNonPositive('flop', [42, 43], 2)}`);
    expect(io.stdout).toEqual([]);
  });

  it('--log10-y and a fixed --breakpoints', async () => {
    const positive = join(dir, 'positive.csv');
    writeFileSync(positive, readFileSync(logged, 'utf8').replace('43,0\n44,-5\n', ''));
    const r = await fit(['--input', positive, '--x', 'when', '--y', 'flop', '--log10-y', '--breakpoints', '2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.n).toBe(40);
    expect(out.skipped).toBe(0);
    expect(out.k).toBe(2);
    expect(out.bic_by_k).toBeNull();
    out.breakpoints.forEach((b: { estimate: number }, j: number) => expect(Math.abs(b.estimate - R.psi[j])).toBeLessThan(1e-4));
    out.slopes.forEach((s: number, j: number) => expect(Math.abs(s - R.slopes[j])).toBeLessThan(1e-6));
  });

  it('prints a readable summary without --json', async () => {
    const r = await fit(['--input', plain, '--x', 'when', '--y', 'value', '--breakpoints', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('rows used: 40, skipped');
    expect(r.stdout).toContain('breakpoints: 1 (fixed)');
    expect(r.stdout).toMatch(/ψ1 = 9\.14578/); // R: 9.145784 for K = 1
    expect(r.stdout).toContain("Davies' test");
  });

  it('--min-segment-length and --min-segment-points reject a planted spike, list it, and keep K = 1', async () => {
    // Without any minimum (as R), BIC takes the spike: three breakpoints, two of them days apart.
    const free = await fit(['--input', spike, '--x', 'year', '--y', 'log_flop', '--min-segment-points', '0', '--json']);
    expect(free.status, free.stderr).toBe(0);
    const psi = (JSON.parse(free.stdout) as { breakpoints: { estimate: number }[] }).breakpoints.map((b) => b.estimate);
    expect(psi).toHaveLength(3);
    expect(psi.slice(1).some((v, j) => v - psi[j] < 1 / 12)).toBe(true);
    const r = await fit(['--input', spike, '--x', 'year', '--y', 'log_flop', '--min-segment-length', '2', '--min-segment-points', '20', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rules).toEqual({ min_segment_length: 2, min_segment_points: 20 });
    expect(out.k).toBe(1);
    expect(Math.abs(out.breakpoints[0].estimate - 2010)).toBeLessThan(1);
    const k3 = out.rejected.find((f: { k: number }) => f.k === 3);
    expect(k3.reason.kind).toMatch(/^(segment_too_short|too_few_points)$/);
    expect(k3.detail).toMatch(/^segment \d (spans .* under the minimum 2|holds .* under the minimum 20)$/);
    expect(k3.bic).toBeLessThan(out.bic);
    const printed = await fit(['--input', spike, '--x', 'year', '--y', 'log_flop', '--min-segment-length', '2']);
    expect(printed.stdout).toContain('admissible fits: every segment spans at least 2 and holds at least 21 rows');
    expect(printed.stdout).toMatch(/rejected:\n {2}K = 3 at .*: segment \d/);
    expect(printed.stdout).toContain("Davies' test for a change in slope (k = 10, two-sided): p < 10⁻¹⁰");
  });

  it('segment minimums must be numbers ≥ 0 (points: whole numbers), read by the one strict flag parser; a bad one is a usage error (exit 2)', () => {
    const base = ['--input', 'a.csv', '--x', 'x', '--y', 'y'];
    expect(parseFitArgs([...base, '--min-segment-length', '2.5', '--min-segment-points', '0'])).toMatchObject({ minSegmentLength: 2.5, minSegmentPoints: 0 });
    expect(parseFitArgs(base)).toMatchObject({ minSegmentLength: null, minSegmentPoints: null });
    const cases = [
      ['--min-segment-length', '-1'], ['--min-segment-length', 'two'], ['--min-segment-length', ''], ['--min-segment-length', '0x2'], ['--min-segment-length', '1e3'],
      ['--min-segment-points', '1.5'], ['--min-segment-points', ''], ['--min-segment-points', '0x10'], ['--min-segment-points', '-3'],
    ];
    for (const [flag, value] of cases) {
      const e = pipelineErrorOf(() => parseFitArgs([...base, `${flag}=${value}`]));
      expect(e.exitCode, `${flag}=${value}`).toBe(2);
      expect(e.message).toBe(
        flag === '--min-segment-length' ? messages.badNumberFlag(flag, value, 0, 1_000_000_000, 'units of x') : messages.badIntegerFlag(flag, value, 0, 1_000_000_000),
      );
    }
  });

  it('--help explains and exits 0', async () => {
    const r = await fit(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run fit');
    expect(r.stdout).toContain('--breakpoints');
  });

  it('bad arguments give a message and a non-zero exit (in-process)', async () => {
    const run = async (args: string[]) => {
      const io = memoryIo();
      return { status: await runFit(args, io), stderr: io.stderr.join('\n') };
    };
    const missing = await run(['--input', plain, '--x', 'when']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--y');
    const badK = await run(['--input', plain, '--x', 'when', '--y', 'value', '--breakpoints', '5']);
    expect(badK.status).toBe(2);
    expect(badK.stderr).toContain('--breakpoints');
    const unknown = await run(['--input', plain, '--x', 'when', '--y', 'value', '--frobnicate']);
    expect(unknown.status).toBe(2);
    const noColumn = await run(['--input', plain, '--x', 'year', '--y', 'value']);
    expect(noColumn.status).toBe(1);
    expect(noColumn.stderr).toContain('no column "year"');
    const noFile = await run(['--input', join(dir, 'absent.csv'), '--x', 'a', '--y', 'b']);
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toContain(`${join(dir, 'absent.csv')}:1:1: ${messages.noSuchFile}`);
    for (const seed of ['', '0x10', '1e3', '1.5', '-1', '4294967296']) {
      const bad = await run(['--input', plain, '--x', 'when', '--y', 'value', `--seed=${seed}`]);
      expect(bad.status, seed).toBe(2);
      expect(bad.stderr).toContain(messages.badIntegerFlag('--seed', seed, 0, 4_294_967_295));
    }
    const folder = await run(['--input', dir, '--x', 'a', '--y', 'b']);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toContain(`${dir}:1:1: ${messages.notRegularFile('a folder')}`);
  });

  it('reads its CSV with the pipeline’s reader: a file it cannot read is refused with each problem located (exit 1)', async () => {
    const run = async (name: string, content: string | Buffer) => {
      const file = join(dir, name);
      writeFileSync(file, content);
      const io = memoryIo();
      return { file, status: await runFit(['--input', file, '--x', 'when', '--y', 'value'], io), stderr: io.stderr };
    };
    const quote = await run('unclosed.csv', 'when,value\n1,2\n3,"4\n5,6\n');
    expect(quote.status).toBe(1);
    expect(quote.stderr[0]).toBe(`error: ${messages.fit.notCsv(quote.file)}`);
    expect(quote.stderr[1]).toMatch(new RegExp(`^  ${quote.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:2: ${messages.quoteNotClosed}`));
    // A byte that is not UTF-8 is named where it is, not read as U+FFFD.
    const latin1 = await run('latin1.csv', Buffer.concat([Buffer.from('when,value\n1,2\n3,'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(latin1.status).toBe(1);
    expect(latin1.stderr[0]).toBe(`error: ${messages.fit.notCsv(latin1.file)}`);
    expect(latin1.stderr[1]).toContain(`${latin1.file}:3:3: ${messages.notUtf8(0xe9)}`);
    // A row with more or fewer fields than the header could put a value in the wrong column.
    const ragged = await run('ragged.csv', 'when,value\n1,2\n3,4,5\n6\n');
    expect(ragged.status).toBe(1);
    expect(ragged.stderr[0]).toBe(`error: ${messages.fit.notCsv(ragged.file)}`);
    expect(ragged.stderr.slice(1).map((l) => l.slice(2, l.indexOf(': ') + 2))).toEqual([`${ragged.file}:3:1: `, `${ragged.file}:4:1: `]);
    for (const line of ragged.stderr.slice(1)) expect(line).toContain(messages.raggedRow('').slice(0, -2));
  });

  it('--log10-y names the line a row starts on, after cells that span lines', async () => {
    const file = join(dir, 'spanning.csv');
    const rows = ['when,note,value'];
    for (let i = 0; i < 12; i++) rows.push(`${i},"two\nlines",${10 ** (1 + i / 4)}`);
    rows.push('12,"one\ntwo\nthree",0');
    writeFileSync(file, rows.join('\n') + '\n');
    const io = memoryIo();
    expect(await runFit(['--input', file, '--x', 'when', '--y', 'value', '--log10-y'], io)).toBe(1);
    // Header on line 1, twelve rows of two lines each (lines 2–25): the zero's row starts on line 26.
    expect(io.stderr[0]).toBe(`error: fit: ${messages.fitNonPositive('value', [26], 1)}`);
  });
});

const EXPORTS = ['2024-10', '2024-12'].map((d) => join(projectRoot, `../shared/data/epoch/notable_ai_models-${d}.csv`));

describe.skipIf(!EXPORTS.every((f) => existsSync(f)))('npm run fit on the real Epoch exports', () => {
  it.each(EXPORTS)('--breakpoints auto chooses no segment shorter than two years or the minimum rows (%s)', async (file) => {
    const r = await fit(['--input', file, '--x', 'Publication date', '--x-date', '--y', 'Training compute (FLOP)', '--log10-y', '--breakpoints', 'auto', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { n: number; k: number; breakpoints: { estimate: number }[]; rules: { min_segment_length: number; min_segment_points: number } };
    expect(out.rules).toEqual({ min_segment_length: 2, min_segment_points: Math.max(5, Math.ceil(Math.sqrt(out.n))) });
    expect(out.k).toBeGreaterThan(0);
    // The segments' edges are the data's first and last dates and the breakpoints; the rows are re-read here.
    const { x } = readDates(file);
    const edges = [Math.min(...x), ...out.breakpoints.map((b) => b.estimate), Math.max(...x)];
    edges.slice(1).forEach((e, s) => {
      expect(e - edges[s]).toBeGreaterThanOrEqual(2);
      expect(x.filter((v) => v > edges[s] - (s === 0 ? 1 : 0) && v <= e).length).toBeGreaterThanOrEqual(out.rules.min_segment_points);
    });
  });
});

/** Fractional years of the rows with a date and a positive compute value, as the CLI reads them. */
function readDates(file: string): { x: number[] } {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const x: number[] = [];
  for (const r of rows) {
    const v = dateToYear(r['Publication date'] ?? '');
    const c = (r['Training compute (FLOP)'] ?? '').trim();
    if (Number.isFinite(v) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(c) && Number(c) > 0) x.push(v);
  }
  return { x };
}
