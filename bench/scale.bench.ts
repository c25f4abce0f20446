/**
 * `npm run bench -- scale`: how the pipeline scales with the number of records. For 1e4, 1e5 and
 * 1e6 seeded synthetic records (bench/scale-data.ts, written in the raw format of
 * data/raw/models.csv) it runs the pipeline through analyze — the orchestrator itself, the one
 * road every size takes, caching and publishing included — then the same run again with every
 * stage cached, and a 1,000-resample bootstrap of the largest era (deep learning, from 2010); and
 * for 1e5 records the full pipeline with render. Each run is a child process of its own
 * (bench/scale-runner.ts), so that the peak RSS printed is that run's alone.
 *
 * The analyze stage runs with SCALE_RESAMPLES bootstrap resamples (default 0): its ~30 bootstraps
 * each cost resamples × n, so at 1e6 records the full stage is a matter of hours, not seconds;
 * the one era bootstrap shows what 1,000 resamples cost (linear in the era's points); its time includes
 * reading the analysis table back from the cache, printed beside it.
 * SCALE_SIZES=1e4,1e5 picks the sizes through analyze, SCALE_RENDER_SIZES those of the full
 * pipeline (empty: none). Targets: 1e6 records through analyze in under 30 s and 2 GB, at most 11×
 * the time of 1e5; the full pipeline at 1e5 in under 30 s and 2 GB. Times are wall-clock on the
 * machine as it is: the CPU seconds beside them show how much of a wall second was this run's.
 * Prints figures; never fails on them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticModels } from './scale-data.ts';

const here = dirname(fileURLToPath(import.meta.url));
const sizes = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').filter(Boolean).map(Number);
const SIZES = sizes('SCALE_SIZES', '1e4,1e5,1e6');
const RENDER_SIZES = sizes('SCALE_RENDER_SIZES', '1e5');
const RESAMPLES = Number(process.env.SCALE_RESAMPLES ?? 0);
const ERA_RESAMPLES = 1000;

interface RunnerResult {
  rows: number;
  withFlop: number;
  eraPoints: number;
  ms: Record<string, number>;
  cpuMs: Record<string, number>;
  firstRunMs: number;
  cachedRunMs: number;
  allCached: boolean;
  eraBootstrapMs: number;
  /** Of eraBootstrapMs, reading the analysis table back from the cache. */
  eraLoadMs: number;
  gcMs: number;
  maxRssMb: number;
}

function measure(rawDir: string, until: string): RunnerResult {
  // A generous heap limit, so the figure printed is what the run needs rather than an out-of-memory crash.
  const out = execFileSync(process.execPath, ['--max-old-space-size=12000', '--import', 'tsx', join(here, 'scale-runner.ts'), rawDir, String(RESAMPLES), String(ERA_RESAMPLES), until], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as RunnerResult;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const s = (ms: number) => (ms / 1000).toFixed(2);

function print(r: RunnerResult, stages: readonly string[]): number {
  const stageMs = stages.reduce((t, st) => t + (r.ms[st] ?? 0), 0);
  const total = r.firstRunMs + r.eraBootstrapMs;
  const cells = stages.map((st) => pad(s(r.ms[st] ?? 0), 12)).join('');
  // Publishing and the orchestrator's own work (hashing inputs, the cache) are the rest of the run.
  console.log(
    `${pad(r.rows, 9)} ${cells}${pad(s(r.firstRunMs - stageMs), 10)}${pad(s(r.eraBootstrapMs), 10)} ${pad((total / 1000).toFixed(1), 8)} ${pad(Math.round(r.rows / (total / 1000)), 8)} ${pad(r.maxRssMb, 8)} ${pad(s(r.cachedRunMs), 9)}`,
  );
  console.log(
    `${pad('', 9)} (${r.withFlop} with FLOP, ${r.eraPoints} in the era bootstrap, whose ${s(r.eraBootstrapMs)} s include ${s(r.eraLoadMs)} s reading the analysis table back from the cache; CPU s by stage: ${stages.map((st) => s(r.cpuMs[st] ?? 0)).join(' / ')}; collections ${s(r.gcMs)} s${r.allCached ? '' : '; THE RERUN WAS NOT ALL CACHED'})`,
  );
  return total;
}

function header(stages: readonly string[]): void {
  console.log(`${pad('rows', 9)} ${stages.map((st) => pad(`${st} s`, 12)).join('')}${pad('rest s', 10)}${pad('era s', 10)} ${pad('total s', 8)} ${pad('rows/s', 8)} ${pad('RSS MB', 8)} ${pad('cached s', 9)}`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-scale-'));
  console.log(`analyze with ${RESAMPLES} resamples; era bootstrap ${ERA_RESAMPLES} resamples; one child process per run`);
  console.log('rest: publishing and the orchestrator (input hashes, cache); cached: the same run again, every stage cached\n');
  const totals = new Map<number, number>();
  const data = async (size: number) => {
    const raw = join(dir, String(size));
    rmSync(raw, { recursive: true, force: true });
    mkdirSync(raw);
    await writeSyntheticModels(join(raw, 'models.csv'), size);
    return raw;
  };
  try {
    const untilAnalyze = ['ingest', 'normalize', 'impute', 'analyze'];
    if (SIZES.length > 0) {
      console.log('Through analyze:');
      header(untilAnalyze);
    }
    for (const size of SIZES) totals.set(size, print(measure(await data(size), 'analyze'), untilAnalyze));
    const [a, b] = [totals.get(1e5), totals.get(1e6)];
    if (a && b) console.log(`\ngrowth 1e5 → 1e6: ${(b / a).toFixed(1)}× the time for 10× the rows (target ≤ 11×)`);
    const full = [...untilAnalyze, 'render'];
    if (RENDER_SIZES.length > 0) {
      console.log('\nThe full pipeline, render included:');
      header(full);
    }
    for (const size of RENDER_SIZES) print(measure(await data(size), 'render'), full);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
