/**
 * One size of the scale benchmark, in a process of its own so that its peak RSS is its own:
 * `node --import tsx bench/scale-runner.ts <raw dir> <resamples> <era resamples> <until>` runs the
 * pipeline (pipeline/run.ts, the orchestrator itself: caching and publishing included) on
 * <raw dir>/models.csv with the shipped hardware.csv and assumptions.yaml, up to and including
 * stage <until>, into a temporary folder; then runs it again, every stage cached; then a bootstrap
 * of the largest era on its own, from the cached analysis table. Prints one JSON line: per stage
 * wall and CPU milliseconds, the whole runs, rows, collections and process.resourceUsage().maxRSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { seriesOf, subset } from '../pipeline/analyze/series.ts';
import { fitTrend, LOG10_2 } from '../pipeline/analyze/trend.ts';
import { loadArtifact } from '../pipeline/io/artifact-store.ts';
import { runPipeline } from '../pipeline/run.ts';
import { imputeStage } from '../pipeline/stages/impute.ts';

const root = resolve(import.meta.dirname, '..');
const [rawDir, resamplesArg, eraResamplesArg, until = 'analyze'] = process.argv.slice(2);
const today = '2026-11-24';
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => (gcMs += e.duration)));
gcObserver.observe({ entryTypes: ['gc'] });

const out = mkdtempSync(join(tmpdir(), 'ct-scale-out-'));
try {
  const options = {
    root,
    rawDir,
    processedDir: join(out, 'processed'),
    siteDir: join(out, 'site'),
    cacheDir: join(out, '.cache'),
    today,
    until,
    resamples: Number(resamplesArg ?? 0),
    log: () => {},
  };
  let t = performance.now();
  const first = await runPipeline(options);
  const firstMs = performance.now() - t;
  t = performance.now();
  const again = await runPipeline(options);
  const cachedMs = performance.now() - t;
  // The largest era (deep learning, 2010 on) with the full bootstrap, whatever the stage's resamples.
  t = performance.now();
  const { table } = imputeStage.restore(loadArtifact(options.cacheDir, 'impute'));
  const eraLoadMs = performance.now() - t;
  const all = seriesOf(table, table.flop);
  const dl = subset(all, (i) => all.x[i] >= 2010);
  const era = fitTrend(dl, { resamples: Number(eraResamplesArg ?? 1000), seed: 1, noise: LOG10_2 });
  const eraMs = performance.now() - t;
  await new Promise((r) => setTimeout(r, 50));
  gcObserver.disconnect();
  console.log(
    JSON.stringify({
      rows: first[0].rowsIn,
      withFlop: first.find((r) => r.stage === 'analyze')?.rowsOut ?? 0,
      eraPoints: dl.x.length,
      eraDoublingMonths: era.computed ? era.doubling_months : null,
      ms: Object.fromEntries(first.map((r) => [r.stage, Math.round(r.ms)])),
      cpuMs: Object.fromEntries(first.map((r) => [r.stage, Math.round(r.cpuMs)])),
      firstRunMs: Math.round(firstMs),
      cachedRunMs: Math.round(cachedMs),
      allCached: again.every((r) => r.cached),
      eraBootstrapMs: Math.round(eraMs),
      eraLoadMs: Math.round(eraLoadMs),
      gcMs: Math.round(gcMs),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
