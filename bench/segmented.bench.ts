/**
 * Speed of the analyze-stage numerics: a segmented fit with K chosen among 0..3 plus a
 * 1,000-resample bootstrap of the chosen fit (target: under 2 s for 3,000 points on one core),
 * and the OLS bootstrap with ±log10(2) noise. Runs on a seeded synthetic data set and, when the
 * shared Epoch export is present, on log10 training compute against fractional publication year;
 * and on the shipped dataset (data/processed/models.csv).
 * Prints figures only; it never fails on a time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  bootstrapOls,
  bootstrapSegmented,
  createRng,
  selectSegmented,
} from '../pipeline/analyze/stats/index.ts';
import { dateToYear } from '../pipeline/values/dates.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EPOCH_CSV = resolve(projectRoot, '../shared/data/epoch/notable_ai_models-2024-12.csv');
const RESAMPLES = 1000;

/** 3,000 points over 1950–2025 with breaks in 2010 and 2018 and N(0, 0.5²) noise, from seed 20241206. */
function synthetic(n: number): { x: Float64Array; y: Float64Array } {
  const rng = createRng(20241206);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = 1950 + 75 * rng.next();
    x[i] = t;
    y[i] = 15 + 0.2 * (t - 1950) + 0.4 * Math.max(t - 2010, 0) - 0.3 * Math.max(t - 2018, 0) + 0.5 * rng.normal();
  }
  return { x, y };
}

/** log10(Training compute) against fractional publication year, rows with both present. */
function epoch(): { x: number[]; y: number[] } | null {
  if (!existsSync(EPOCH_CSV)) return null;
  const rows = parse(readFileSync(EPOCH_CSV, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const x: number[] = [];
  const y: number[] = [];
  for (const row of rows) {
    const t = dateToYear(row['Publication date'] ?? '');
    const c = Number((row['Training compute (FLOP)'] ?? '').trim() || NaN);
    if (Number.isFinite(t) && c > 0) {
      x.push(t);
      y.push(Math.log10(c));
    }
  }
  return { x, y };
}

/** The shipped dataset: log10 training_compute_flop against year, from data/processed/models.csv. */
function shipped(): { x: number[]; y: number[] } | null {
  const file = resolve(projectRoot, 'data/processed/models.csv');
  if (!existsSync(file)) return null;
  const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
  const kept = rows.filter((r) => Number(r.training_compute_flop) > 0);
  return { x: kept.map((r) => Number(r.year)), y: kept.map((r) => Math.log10(Number(r.training_compute_flop))) };
}

function ms(t: number): string {
  return `${t.toFixed(1)} ms`;
}

function benchOne(label: string, x: ArrayLike<number>, y: ArrayLike<number>): void {
  const t0 = performance.now();
  const sel = selectSegmented(x, y, { kMax: 3, seed: 1 });
  const t1 = performance.now();
  const start = sel.best.breakpoints.map((b) => b.estimate);
  const boot = bootstrapSegmented(x, y, { start, resamples: RESAMPLES, seed: 1 });
  const t2 = performance.now();
  const ols = bootstrapOls(x, y, { resamples: RESAMPLES, seed: 1, noise: Math.log10(2) });
  const t3 = performance.now();
  const bics = Object.entries(sel.bicByK).map(([k, b]) => `${k}:${b.toFixed(2)}`).join(' ');
  console.log(`${label}: n = ${x.length}`);
  console.log(`  select K in 0..3          ${ms(t1 - t0)}  -> K = ${sel.best.k}, BIC by K ${bics}`);
  console.log(`  breakpoints               ${start.map((v) => v.toFixed(3)).join(', ') || '(none)'}; slopes ${sel.best.slopes.map((s) => s.toFixed(4)).join(', ')}`);
  console.log(`  bootstrap ${RESAMPLES} resamples  ${ms(t2 - t1)}  (${Math.round(RESAMPLES / ((t2 - t1) / 1000))} resamples/s, ${boot.failures} failed)`);
  boot.breakpointQuantiles.forEach((q, j) => {
    console.log(`    psi${j + 1} 2.5/50/97.5%: ${q.map((v) => v.value.toFixed(3)).join(' / ')}`);
  });
  console.log(`  fit + bootstrap total     ${ms(t2 - t0)}  (target < 2000 ms)`);
  console.log(`  OLS bootstrap ±log10(2)   ${ms(t3 - t2)}  (${Math.round(RESAMPLES / ((t3 - t2) / 1000))} resamples/s); slope 2.5/50/97.5%: ${ols.quantiles.map((q) => q.value.toFixed(4)).join(' / ')}`);
}

export async function run(): Promise<void> {
  const syn = synthetic(3000);
  // The first run includes JIT warm-up, which is what a one-off CLI call pays; the second is steady state.
  benchOne('synthetic (seeded), first run', syn.x, syn.y);
  benchOne('synthetic (seeded), second run', syn.x, syn.y);
  const ours = shipped();
  if (ours === null) console.log('shipped data: skipped, run `npm run pipeline` first');
  else benchOne('shipped data (data/processed/models.csv), log10 FLOP vs fractional year', ours.x, ours.y);
  const ep = epoch();
  if (ep === null) console.log(`Epoch data: skipped, ${EPOCH_CSV} not found`);
  else benchOne('Epoch notable models 2024-12, log10 FLOP vs fractional year', ep.x, ep.y);
}
