/**
 * One size of the scale benchmark, in a process of its own so that its peak RSS is its own:
 * `node --import tsx bench/scale-runner.ts <raw dir> <resamples>` runs ingest → normalize →
 * impute → analyze on <raw dir>/models.csv (the shipped hardware.csv and assumptions.yaml) exactly
 * as the orchestrator calls them, then a bootstrap of the largest era on its own, and prints one
 * JSON line: milliseconds per step, rows, and process.resourceUsage().maxRSS.
 */
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { analyzeStage } from '../pipeline/stages/analyze.ts';
import { imputeStage, type ImputeInput } from '../pipeline/stages/impute-stage.ts';
import { ingest } from '../pipeline/stages/ingest.ts';
import { normalize } from '../pipeline/stages/normalize.ts';
import { DEFAULT_BATCH_ABOVE_BYTES, runRowBatches } from '../pipeline/stages/row-batches.ts';
import { statSync } from 'node:fs';
import { seriesOf, subset } from '../pipeline/analyze/series.ts';
import { analysisTable } from '../pipeline/analyze/table.ts';
import { fitTrend, LOG10_2 } from '../pipeline/analyze/trend.ts';

const root = resolve(import.meta.dirname, '..');
const [rawDir, resamplesArg, eraResamplesArg] = process.argv.slice(2);
const resamples = Number(resamplesArg ?? 0);
const eraResamples = Number(eraResamplesArg ?? 1000);
const today = '2026-11-24';
const ms: Record<string, number> = {};
const cpuMs: Record<string, number> = {};
const spans: { step: string; from: number; to: number }[] = [];
// Garbage collection is reported after the fact; each pause is charged to the step it fell in.
const gcPauses: { at: number; ms: number }[] = [];
const gcObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => gcPauses.push({ at: e.startTime, ms: e.duration })));
gcObserver.observe({ entryTypes: ['gc'] });
const time = <T>(step: string, fn: () => T): T => {
  const t = performance.now();
  const c = process.cpuUsage();
  const out = fn();
  ms[step] = Math.round(performance.now() - t);
  spans.push({ step, from: t, to: performance.now() });
  const used = process.cpuUsage(c);
  cpuMs[step] = Math.round((used.user + used.system) / 1000);
  return out;
};

// Each stage runs in a function of its own that returns only the next stage's input, so its
// input is garbage once it returns (a variable set to null can live on in the interpreter's
// registers and keep a million records alive: measured). This is what the orchestrator's
// artifacts do: an artifact is dropped once no later stage of the run reads it.
let rows = 0;
let mode = 'whole stages';
let context: ImputeInput['ingest'] | null = null;
function ingested() {
  return time('ingest', () => ingest({ rawDir, defaultsDir: join(root, 'data/raw'), today }));
}
function normalized() {
  const input = ingested();
  rows = input.models.length;
  context = { files: input.files, hardware: input.hardware, assumptions: input.assumptions, models: rows, external: [] };
  return time('normalize', () => normalize(input, today));
}
let outputs: Record<string, unknown> = {};
const shares: Record<string, number> = {};
let tableMs = 0;
// As the orchestrator does when no render follows: the analyses read the table, and the records
// go (the published files, outputs, stay until the end as they do for the publish step).
function table() {
  const input = normalized();
  const imputed = time('impute', () => imputeStage({ ...input, ingest: context! } satisfies ImputeInput));
  outputs = imputed.outputs;
  const t = performance.now();
  const built = analysisTable(imputed.records, imputed.hardware);
  tableMs = performance.now() - t;
  return built;
}
// A file as large as the orchestrator runs in batches is run the same way (pipeline/stages/row-batches.ts).
function batchedTable() {
  mode = 'row stages in batches';
  const t = performance.now();
  const c = process.cpuUsage();
  const batched = runRowBatches({ rawDir, defaultsDir: join(root, 'data/raw'), today, keepRecords: false })!;
  const used = process.cpuUsage(c);
  // The stages' shares of one batched run; CPU and collections are split in the same proportions.
  const wall = performance.now() - t;
  for (const step of ['ingest', 'normalize', 'impute'] as const) {
    const share = batched.stages[step].ms / wall;
    ms[step] = Math.round(batched.stages[step].ms);
    cpuMs[step] = Math.round(((used.user + used.system) / 1000) * share);
    shares[step] = share;
  }
  spans.push({ step: 'rows', from: t, to: t + wall });
  rows = batched.stages.ingest.rowsIn;
  outputs = batched.artifact.outputs;
  return batched.artifact.table;
}
const batchedRun = statSync(join(rawDir, 'models.csv')).size >= DEFAULT_BATCH_ABOVE_BYTES;
const analysisInput = batchedRun ? batchedTable() : table();
const analyzed = time('analyze', () => analyzeStage({ table: analysisInput }, { resamples }));
ms.analyze += Math.round(tableMs);
// The largest era (deep learning, 2010 on) with the full bootstrap, whatever the stage's resamples.
const era = time('eraBootstrap', () => {
  const all = seriesOf(analysisInput, analysisInput.flop);
  const dl = subset(all, (i) => all.x[i] >= 2010);
  return { n: dl.x.length, fit: fitTrend(dl, { resamples: eraResamples, seed: 1, noise: LOG10_2 }) };
});
await new Promise((r) => setTimeout(r, 50));
gcObserver.disconnect();
const gcMs: Record<string, number> = Object.fromEntries(
  spans.map(({ step, from, to }) => [step, Math.round(gcPauses.filter((p) => p.at >= from && p.at < to).reduce((t, p) => t + p.ms, 0))]),
);
// The row stages of a batched run take turns batch by batch: their pauses are split as their time is.
if ('rows' in gcMs) for (const [step, share] of Object.entries(shares)) gcMs[step] = Math.round(gcMs.rows * share);
delete gcMs.rows;
console.log(
  JSON.stringify({
    mode,
    outputFiles: Object.keys(outputs).length,
    rows,
    withFlop: analyzed.fits.data.with_flop,
    eraPoints: era.n,
    eraDoublingMonths: era.fit?.doubling_months,
    ms,
    cpuMs,
    gcMs,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
