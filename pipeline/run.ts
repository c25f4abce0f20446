/**
 * The orchestrator: runs the stages in order, each from the previous stage's artifact, skips a
 * stage whose inputs' content hash is unchanged (and says so), and publishes data/processed/ and
 * reports/site/ only after every stage has succeeded, so a failed or killed run leaves the
 * previous outputs as they were.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PipelineError } from './errors.ts';
import { recoverDirectory, stagingDirFor, swapDirectory, writeFileAtomic, writeIfChanged } from './io/atomic.ts';
import { hashTree, sha256 } from './io/hash.ts';
import { messages } from './messages.ts';
import { analyzeStage } from './stages/analyze.ts';
import { STAGES, type StageName } from './stages/definitions.ts';
import { imputeStage } from './stages/impute-stage.ts';
import { ingest } from './stages/ingest.ts';
import { normalize } from './stages/normalize.ts';
import { renderStage } from './stages/render.ts';
import { readChangelog } from './render/changelog.ts';

export interface RunOptions {
  /** Project root: pipeline code and shipped defaults are found from here. */
  root: string;
  rawDir: string;
  processedDir: string;
  siteDir: string;
  cacheDir: string;
  /** Run date YYYY-MM-DD (validation only; never written to outputs). */
  today: string;
  only?: StageName;
  from?: StageName;
  /** Last stage to run (default render); for library callers that need only the data. */
  until?: StageName;
  /** Ignore the cache and rerun every selected stage. */
  force?: boolean;
  /** Bootstrap resamples for the analyze stage (default 1000). */
  resamples?: number;
  log?: (line: string) => void;
}

export interface StageReport {
  stage: StageName;
  cached: boolean;
  rowsIn: number;
  rowsOut: number;
  warnings: number;
  ms: number;
}

type Artifacts = Partial<Record<StageName, unknown>>;

function pipelineCodeHash(root: string): string {
  return hashTree(join(root, 'pipeline'), (rel) => !rel.includes('/.tmp-')) + hashTree(join(root, 'reports'), (rel) => !rel.startsWith('site'));
}

export async function runPipeline(opts: RunOptions): Promise<StageReport[]> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const first = opts.only ?? opts.from ?? 'ingest';
  const last = opts.only ?? opts.until ?? 'render';
  const selected = STAGES.slice(STAGES.indexOf(first), STAGES.indexOf(last) + 1);
  mkdirSync(opts.cacheDir, { recursive: true });
  recoverDirectory(opts.siteDir);
  const manifestPath = join(opts.cacheDir, 'manifest.json');
  const manifest: Record<string, string> = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  const code = pipelineCodeHash(opts.root);
  const artifacts: Artifacts = {};
  const artifactPath = (s: StageName) => join(opts.cacheDir, `${s}.json`);
  const load = (s: StageName): unknown => {
    if (artifacts[s] !== undefined) return artifacts[s];
    if (!existsSync(artifactPath(s))) throw new PipelineError(messages.missingArtifact(first, artifactPath(s)));
    return (artifacts[s] = JSON.parse(readFileSync(artifactPath(s), 'utf8')));
  };
  const reports: StageReport[] = [];
  let upstreamKey = STAGES.indexOf(first) > 0 ? (manifest[STAGES[STAGES.indexOf(first) - 1]] ?? '') : '';
  const publishProcessed: Record<string, string> = {};
  let siteFiles: Map<string, string | Uint8Array> | null = null;
  let renderKey: string | null = null;

  for (const stage of selected) {
    const started = performance.now();
    // The render stage also shows data/CHANGELOG.md, which no earlier stage reads.
    const inputKey =
      stage === 'ingest' ? hashTree(opts.rawDir) + hashTree(join(opts.root, 'data', 'raw')) : stage === 'render' ? upstreamKey + sha256(readChangelog(opts.root)) : upstreamKey;
    const key = sha256(`${stage}\0${code}\0${inputKey}\0${opts.resamples ?? 1000}`);
    const cacheHit = !opts.force && manifest[stage] === key && (stage === 'render' ? existsSync(opts.siteDir) : existsSync(artifactPath(stage)));
    const result = cacheHit ? { artifact: stage === 'render' ? null : load(stage), rowsIn: 0, rowsOut: 0, warnings: 0 } : await runStage(stage, opts, load);
    if (!cacheHit && stage !== 'render') {
      artifacts[stage] = result.artifact;
      writeFileAtomic(artifactPath(stage), JSON.stringify(result.artifact));
    }
    const artifact = result.artifact as { outputs?: Record<string, string>; site?: Map<string, string | Uint8Array> } | null;
    if (artifact?.outputs) Object.assign(publishProcessed, artifact.outputs);
    if (stage === 'render' && !cacheHit) siteFiles = (result as { site: Map<string, string | Uint8Array> }).site;
    if (stage !== 'render') {
      manifest[stage] = key;
      writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2));
    } else renderKey = key;
    upstreamKey = key;
    const ms = performance.now() - started;
    const counts = cacheHit ? 'cached: inputs unchanged, skipped' : `rows ${result.rowsIn} → ${result.rowsOut}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
    log(`${stage.padEnd(9)} ${counts}, ${ms.toFixed(0)} ms`);
    reports.push({ stage, cached: cacheHit, rowsIn: result.rowsIn, rowsOut: result.rowsOut, warnings: result.warnings, ms });
  }

  // Publish only now that every selected stage has succeeded.
  mkdirSync(opts.processedDir, { recursive: true });
  for (const [name, content] of Object.entries(publishProcessed).sort()) writeIfChanged(join(opts.processedDir, name), content);
  if (siteFiles) publishSite(siteFiles, opts.siteDir);
  if (renderKey) {
    manifest.render = renderKey;
    writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2));
  }
  return reports;
}

function publishSite(files: Map<string, string | Uint8Array>, siteDir: string): void {
  const staging = stagingDirFor(siteDir);
  try {
    for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = join(staging, rel);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, content);
    }
    swapDirectory(staging, siteDir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

interface StageResult {
  artifact: unknown;
  rowsIn: number;
  rowsOut: number;
  warnings: number;
  site?: Map<string, string | Uint8Array>;
}

async function runStage(stage: StageName, opts: RunOptions, load: (s: StageName) => unknown): Promise<StageResult> {
  switch (stage) {
    case 'ingest': {
      // Relative, so file names in outputs never carry a machine path.
      const out = ingest({ rawDir: opts.rawDir, defaultsDir: relative(process.cwd(), join(opts.root, 'data', 'raw')) || '.', today: opts.today });
      const rows = out.models.length + out.external.reduce((n, t) => n + t.rows.length, 0);
      return { artifact: out, rowsIn: rows, rowsOut: rows, warnings: out.warnings.length };
    }
    case 'normalize': {
      const input = load('ingest') as Parameters<typeof normalize>[0];
      const out = normalize(input, opts.today);
      const rowsIn = input.models.length + input.external.reduce((n, t) => n + t.rows.length, 0);
      return { artifact: { ...out, ingest: { files: input.files, hardware: input.hardware, assumptions: input.assumptions, models: input.models.length, external: input.external.map((t) => ({ file: t.file, rows: t.rows.length })) } }, rowsIn, rowsOut: out.records.length, warnings: out.warnings.length };
    }
    case 'impute': {
      const input = load('normalize') as Parameters<typeof imputeStage>[0];
      const out = imputeStage(input);
      return { artifact: out, rowsIn: input.records.length, rowsOut: out.records.length, warnings: 0 };
    }
    case 'analyze': {
      const input = load('impute') as Parameters<typeof analyzeStage>[0];
      const out = analyzeStage(input, { resamples: opts.resamples ?? 1000 });
      return { artifact: out, rowsIn: input.records.length, rowsOut: out.fits.data.with_flop, warnings: 0 };
    }
    case 'render': {
      const imputed = load('impute') as Parameters<typeof renderStage>[0];
      const analyzed = load('analyze') as Parameters<typeof renderStage>[1];
      const site = await renderStage(imputed, analyzed, { root: opts.root });
      return { artifact: null, rowsIn: imputed.records.length, rowsOut: site.size, warnings: 0, site };
    }
  }
}

export function listStageArtifacts(cacheDir: string): string[] {
  return existsSync(cacheDir) ? readdirSync(cacheDir).sort() : [];
}
