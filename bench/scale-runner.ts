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
import { flopOf, seriesOf, subset } from '../pipeline/analyze/series.ts';
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

// Each stage's input is let go once the next stage has it, as the orchestrator's artifacts are.
let ingested: ReturnType<typeof ingest> | null = time('ingest', () => ingest({ rawDir, defaultsDir: join(root, 'data/raw'), today }));
const rows = ingested.models.length;
const context = { files: ingested.files, hardware: ingested.hardware, assumptions: ingested.assumptions, models: rows, external: [] };
let normalized: ReturnType<typeof normalize> | null = time('normalize', () => normalize(ingested!, today));
ingested = null;
const imputed = time('impute', () => imputeStage({ ...normalized!, ingest: context } satisfies ImputeInput));
normalized = null;
const analyzed = time('analyze', () => analyzeStage(imputed, { resamples }));
// The largest era (deep learning, 2010 on) with the full bootstrap, whatever the stage's resamples.
const era = time('eraBootstrap', () => {
  const all = seriesOf(imputed.records, flopOf());
  const dl = subset(all, (i) => all.x[i] >= 2010);
  return { n: dl.x.length, fit: fitTrend(dl, { resamples: eraResamples, seed: 1, noise: LOG10_2 }) };
});
await new Promise((r) => setTimeout(r, 50));
gcObserver.disconnect();
const gcMs = Object.fromEntries(
  spans.map(({ step, from, to }) => [step, Math.round(gcPauses.filter((p) => p.at >= from && p.at < to).reduce((t, p) => t + p.ms, 0))]),
);
console.log(
  JSON.stringify({
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
