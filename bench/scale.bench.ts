/**
 * `npm run bench -- scale`: how the pipeline scales with the number of records. For 1e4, 1e5 and
 * 1e6 seeded synthetic records (bench/scale-data.ts, written in the raw format of
 * data/raw/models.csv) it runs ingest → normalize → impute → analyze, then a 1,000-resample
 * bootstrap of the largest era (deep learning, from 2010), each size in a child process of its own
 * (bench/scale-runner.ts) so that the peak RSS printed is that size's alone.
 *
 * The analyze stage runs with SCALE_RESAMPLES bootstrap resamples (default 0): its ~30 bootstraps
 * each cost resamples × n, so at 1e6 records the full stage is a matter of hours, not seconds;
 * the one era bootstrap shows what 1,000 resamples cost (linear in the era's points).
 * A file of 8 MiB or more (1e5 and 1e6 records) runs the row stages in batches, as the
 * orchestrator does (pipeline/stages/row-batches.ts); a smaller one runs the whole stages. SCALE_SIZES=1e4,1e5
 * picks sizes. Targets: 1e6 records in under 30 s and 2 GB, and at most 11× the time of 1e5.
 * Prints figures; never fails on them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticModels } from './scale-data.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.SCALE_SIZES ?? '1e4,1e5,1e6').split(',').map(Number);
const RESAMPLES = Number(process.env.SCALE_RESAMPLES ?? 0);
const ERA_RESAMPLES = 1000;
const STEPS = ['ingest', 'normalize', 'impute', 'analyze', 'eraBootstrap'] as const;

interface RunnerResult {
  /** Whole stages, or the row stages in batches (a file as large as the orchestrator batches). */
  mode: string;
  rows: number;
  withFlop: number;
  eraPoints: number;
  ms: Record<(typeof STEPS)[number], number>;
  cpuMs: Record<(typeof STEPS)[number], number>;
  maxRssMb: number;
}

function measure(rawDir: string): RunnerResult {
  // A generous heap limit, so the figure printed is what the run needs rather than an out-of-memory crash.
  const out = execFileSync(process.execPath, ['--max-old-space-size=12000', '--import', 'tsx', join(here, 'scale-runner.ts'), rawDir, String(RESAMPLES), String(ERA_RESAMPLES)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as RunnerResult;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-scale-'));
  console.log(`analyze with ${RESAMPLES} resamples; era bootstrap ${ERA_RESAMPLES} resamples; one child process per size\n`);
  console.log(`${pad('rows', 9)} ${STEPS.map((s) => pad(`${s} s`, 15)).join('')} ${pad('total s', 9)} ${pad('rows/s', 9)} ${pad('peak RSS MB', 12)}`);
  const totals = new Map<number, number>();
  try {
    for (const size of SIZES) {
      const raw = join(dir, String(size));
      mkdirSync(raw);
      await writeSyntheticModels(join(raw, 'models.csv'), size);
      const r = measure(raw);
      const total = STEPS.reduce((t, s) => t + r.ms[s], 0);
      totals.set(size, total);
      const cells = STEPS.map((s) => pad((r.ms[s] / 1000).toFixed(2), 15)).join('');
      console.log(`${pad(r.rows, 9)} ${cells} ${pad((total / 1000).toFixed(1), 9)} ${pad(Math.round(r.rows / (total / 1000)), 9)} ${pad(r.maxRssMb, 12)}`);
      console.log(`${pad('', 9)} ${pad(`(${r.mode}; ${r.withFlop} with FLOP, ${r.eraPoints} in the era bootstrap; CPU s: ${STEPS.map((s) => (r.cpuMs[s] / 1000).toFixed(1)).join(' / ')})`, 0)}`);
      rmSync(raw, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [a, b] = [totals.get(1e5), totals.get(1e6)];
  if (a && b) console.log(`\ngrowth 1e5 → 1e6: ${(b / a).toFixed(1)}× the time for 10× the rows (target ≤ 11×)`);
}
