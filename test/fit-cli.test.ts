/**
 * The analyst CLI end to end: `npx tsx pipeline/fit-cli.ts` on temporary CSVs. The data are G3's
 * generator (expected.json), so the reference numbers are R's (segmented 1.6-2) and the test
 * needs nothing from ../shared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFit } from '../pipeline/fit-cli.ts';
import { messages } from '../pipeline/messages.ts';
import { g3 } from './analyze/stats/reference.ts';
import { memoryIo } from './helpers/cli-io.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fit(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'pipeline/fit-cli.ts', ...args], { cwd: projectRoot, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
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
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('npm run fit', () => {
  it('--json with automatic K reproduces R on G3 and counts skipped rows', () => {
    const r = fit(['--input', plain, '--x', 'when', '--y', 'value', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['n', 'skipped', 'k', 'intercept', 'slopes', 'breakpoints', 'rss', 'bic', 'bic_by_k', 'davies_p']);
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
    for (const k of Object.keys(R.bicByK)) expect(rel(out.bic_by_k[k], R.bicByK[k])).toBeLessThan(1e-8);
    expect(rel(out.davies_p, R.davies)).toBeLessThan(1e-6);
  });

  it('--log10-y refuses y ≤ 0, naming the lines (exit 1)', async () => {
    const io = memoryIo();
    expect(await runFit(['--input', logged, '--x', 'when', '--y', 'flop', '--log10-y', '--json'], io)).toBe(1);
    expect(io.stderr[0]).toBe(`error: fit: ${messages.fitNonPositive('flop', [42, 43], 2)}`);
    expect(io.stdout).toEqual([]);
  });

  it('--log10-y and a fixed --breakpoints', () => {
    const positive = join(dir, 'positive.csv');
    writeFileSync(positive, readFileSync(logged, 'utf8').replace('43,0\n44,-5\n', ''));
    const r = fit(['--input', positive, '--x', 'when', '--y', 'flop', '--log10-y', '--breakpoints', '2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.n).toBe(40);
    expect(out.skipped).toBe(0);
    expect(out.k).toBe(2);
    expect(out.bic_by_k).toBeNull();
    out.breakpoints.forEach((b: { estimate: number }, j: number) => expect(Math.abs(b.estimate - R.psi[j])).toBeLessThan(1e-4));
    out.slopes.forEach((s: number, j: number) => expect(Math.abs(s - R.slopes[j])).toBeLessThan(1e-6));
  });

  it('prints a readable summary without --json', () => {
    const r = fit(['--input', plain, '--x', 'when', '--y', 'value', '--breakpoints', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('rows used: 40, skipped');
    expect(r.stdout).toContain('breakpoints: 1 (fixed)');
    expect(r.stdout).toMatch(/ψ1 = 9\.14578/); // R: 9.145784 for K = 1
    expect(r.stdout).toContain("Davies' test");
  });

  it('--help explains and exits 0', () => {
    const r = fit(['--help']);
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
});
