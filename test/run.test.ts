/**
 * End to end on a small fixture of real records (test/fixtures/raw-small, 40 rows copied from data/raw):
 * every stage runs, the processed files say what the stages did, --only/--from rerun parts from
 * the saved artifacts, and the CLI explains itself.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../pipeline/errors.ts';
import { messages } from '../pipeline/messages.ts';
import { runPipeline, type RunOptions } from '../pipeline/run.ts';
import { imputeStage } from '../pipeline/stages/impute.ts';
import { PIPELINE_STAGES } from '../pipeline/stages/index.ts';
import { restoreShape, type Stage } from '../pipeline/stages/stage.ts';
import type { Fits } from '../pipeline/schema/fits.ts';
import { computed } from './helpers/fits.ts';

const root = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

function options(out: string, extra: Partial<RunOptions> = {}): RunOptions {
  return {
    root,
    rawDir: join(root, 'test/fixtures/raw-small'),
    processedDir: join(out, 'processed'),
    siteDir: join(out, 'site'),
    cacheDir: join(out, '.cache'),
    today: '2026-11-24',
    resamples: 50,
    log: () => {},
    ...extra,
  };
}

describe('pipeline end to end (fixture of 40 real records)', () => {
  let out: string;
  let lines: string[];
  let models: Record<string, string>[];
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'ct-run-'));
    lines = [];
    await runPipeline(options(out, { log: (l) => lines.push(l) }));
    models = parse(readFileSync(join(out, 'processed/models.csv')), { columns: true });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('prints one line per stage with rows in → out and warnings', () => {
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['ingest', 'normalize', 'impute', 'analyze', 'render']);
    expect(lines[0]).toMatch(/^ingest {4}rows 40 → 40, 0 warnings, \d+ ms$/);
  });

  it('writes one row per system with method, source and range for every FLOP value', () => {
    expect(models).toHaveLength(40);
    const byId = Object.fromEntries(models.map((m) => [m.id, m]));
    expect(byId['gpt-3-175b']).toMatchObject({ flop_method: 'converted', training_compute_flop: String(3640 * 8.64e19), reported_compute: '3640 pf/s-days' });
    expect(byId['chinchilla']).toMatchObject({ flop_method: 'stated', flop_provenance: 'authors', training_compute_flop: '5.76e+23' });
    expect(byId['chinchilla'].audit_method).toBe('operations');
    expect(Number(byId['chinchilla'].audit_ratio)).toBeCloseTo(5.76e23 / (6 * 70e9 * 1.4e12), 3);
    // The hardware example from our data, by hand: 512 TPU v3 chips × 5.5 days × 24 h × 3600 s
    // × 1.23e14 FLOP/s (bf16 peak, hardware.csv) × 0.3 (language default) = 8.97786e21 FLOP.
    expect(byId['xlnet-large'].flop_method).toBe('hardware');
    expect(Number(byId['xlnet-large'].training_compute_flop)).toBeCloseTo(8.97786e21, -16);
    expect(Number(byId['xlnet-large'].training_compute_flop_high) / Number(byId['xlnet-large'].training_compute_flop)).toBeCloseTo(3, 5);
    for (const m of models.filter((x) => x.flop_method !== '')) {
      expect(m.flop_source, m.id).not.toBe('');
      expect(Number(m.training_compute_flop_low), m.id).toBeLessThanOrEqual(Number(m.training_compute_flop));
    }
  });

  it('writes fits.json with the eras and the site with its entry page', () => {
    const fits = JSON.parse(readFileSync(join(out, 'processed/fits.json'), 'utf8')) as Fits;
    expect(fits.schema_version).toBe(2);
    expect(fits.data.records).toBe(40);
    expect(fits.eras.pre_deep_learning.n).toBeGreaterThanOrEqual(5);
    expect(computed(computed(fits.eras.deep_learning).bootstrap).resamples).toBe(50);
    expect(existsSync(join(out, 'site/index.html'))).toBe(true);
    expect(existsSync(join(out, 'site/assets/vega-embed.min.js'))).toBe(true);
  });

  it('skips unchanged stages on a rerun and says so', async () => {
    const again: string[] = [];
    const reports = await runPipeline(options(out, { log: (l) => again.push(l) }));
    expect(reports.every((r) => r.cached)).toBe(true);
    expect(again[0]).toMatch(/^ingest {4}cached: inputs unchanged, skipped/);
  });

  it('--only and --from rerun from the saved artifacts', async () => {
    const only = await runPipeline(options(out, { only: 'analyze', force: true }));
    expect(only.map((r) => r.stage)).toEqual(['analyze']);
    const from = await runPipeline(options(out, { from: 'impute', force: true }));
    expect(from.map((r) => r.stage)).toEqual(['impute', 'analyze', 'render']);
  });

  it('--only without the previous artifact fails with a message naming it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ct-empty-'));
    try {
      await expect(runPipeline(options(empty, { only: 'analyze' }))).rejects.toThrow(PipelineError);
      await expect(runPipeline(options(empty, { only: 'analyze' }))).rejects.toThrow(messages.missingArtifact('analyze', join(empty, '.cache', 'impute.json')));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('outputs that a run no longer produces', () => {
  it('a merge report from a run with an Epoch export is removed when a later run merges none', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ct-merge-'));
    const raw = mkdtempSync(join(tmpdir(), 'ct-merge-raw-'));
    try {
      cpSync(join(root, 'test/fixtures/raw-small/models.csv'), join(raw, 'models.csv'));
      cpSync(join(root, 'test/fixtures/epoch/notable-small.csv'), join(raw, 'epoch-notable.csv'));
      await runPipeline(options(out, { rawDir: raw, until: 'impute' }));
      expect(existsSync(join(out, 'processed/merge-report.csv'))).toBe(true);
      await runPipeline(options(out, { until: 'impute' }));
      expect(existsSync(join(out, 'processed/merge-report.csv'))).toBe(false);
      expect(existsSync(join(out, 'processed/models.csv'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(raw, { recursive: true, force: true });
    }
  });
});

describe('the CLI', () => {
  it('--help lists the stages and options', async () => {
    const { stdout } = await run('npx', ['tsx', 'pipeline/cli.ts', '--help'], { cwd: root });
    for (const word of ['--only', '--from', '--until', '--raw', '--out', 'ingest', 'render']) expect(stdout).toContain(word);
  });

  it('--until stops after a stage: the data without the site', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ct-until-'));
    try {
      const cli = ['tsx', 'pipeline/cli.ts', '--raw', 'test/fixtures/raw-small', '--out', out, '--resamples', '20'];
      const { stdout } = await run('npx', [...cli, '--until', 'analyze'], { cwd: root });
      expect(stdout.split('\n').filter((l) => /^\w+ +rows/.test(l)).map((l) => l.split(' ')[0])).toEqual(['ingest', 'normalize', 'impute', 'analyze']);
      expect(existsSync(join(out, 'processed/fits.json'))).toBe(true);
      expect(existsSync(join(out, 'site'))).toBe(false);
      const err = await run('npx', [...cli, '--from', 'render', '--until', 'analyze'], { cwd: root }).catch((e: { code: number; stderr: string }) => e);
      expect(err).toMatchObject({ code: 2 });
      expect((err as { stderr: string }).stderr).toContain('--until analyze comes before --from render');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('rejects an unknown stage with exit code 2', async () => {
    const err = await run('npx', ['tsx', 'pipeline/cli.ts', '--only', 'bake'], { cwd: root }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2 });
    expect((err as { stderr: string }).stderr).toContain(messages.unknownStage('bake', ['ingest', 'normalize', 'impute', 'analyze', 'render']));
  });
});

describe('the stage contract', () => {
  /** A toy stage, through the contract alone: it reads the impute stage's artifact and publishes one file. */
  const counted: Stage<{ systems: number; withFlop: number }> = {
    name: 'count',
    reads: { stages: [imputeStage] },
    run(read) {
      const { table } = read(imputeStage);
      const withFlop = table.method.filter((m) => m >= 0).length;
      return { artifact: { systems: table.ids.length, withFlop }, rowsIn: table.ids.length, rowsOut: 1, warnings: 0 };
    },
    restore: (saved) => restoreShape('count', saved, ['systems', 'withFlop']),
    publishes: { folder: 'processed', files: (a) => ({ 'count.txt': `${a.systems} systems, ${a.withFlop} with FLOP\n` }) },
  };
  const stages = [...PIPELINE_STAGES.slice(0, 3), counted];

  it('runs a new stage from the artifact it declares, publishes its file, and caches it on a rerun', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ct-toy-'));
    try {
      const lines: string[] = [];
      const first = await runPipeline(options(out, { stages, log: (l) => lines.push(l) }));
      expect(first.map((r) => [r.stage, r.cached])).toEqual([['ingest', false], ['normalize', false], ['impute', false], ['count', false]]);
      expect(lines[3]).toMatch(/^count {5}rows 40 → 1, 0 warnings, \d+ ms$/);
      expect(readFileSync(join(out, 'processed/count.txt'), 'utf8')).toMatch(/^40 systems, \d+ with FLOP\n$/);
      const again = await runPipeline(options(out, { stages }));
      expect(again.map((r) => r.cached)).toEqual([true, true, true, true]);
      // Its cache key is its declaration: the impute artifact it reads. A forced impute that comes
      // out the same leaves it cached.
      expect((await runPipeline(options(out, { stages, from: 'impute', force: true }))).map((r) => r.cached)).toEqual([false, false]);
      expect((await runPipeline(options(out, { stages, only: 'count' }))).map((r) => r.cached)).toEqual([true]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('a stage that reads an artifact it did not declare fails, naming both', async () => {
    const sneaky: Stage<number> = { ...counted, name: 'sneaky', reads: { stages: [] }, run: (read) => ({ artifact: read(imputeStage).table.ids.length, rowsIn: 0, rowsOut: 0, warnings: 0 }), restore: (v) => Number(v), publishes: undefined };
    const out = mkdtempSync(join(tmpdir(), 'ct-sneaky-'));
    try {
      await expect(runPipeline(options(out, { stages: [...PIPELINE_STAGES.slice(0, 3), sneaky] }))).rejects.toThrow(messages.undeclaredRead('sneaky', 'impute'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
