/**
 * The orchestrator: runs the stages in order, each from the previous stage's artifact, skips a
 * stage whose inputs' content hash is unchanged (and says so), and publishes data/processed/ and
 * reports/site/ only after every stage has succeeded, so a failed or killed run leaves the
 * previous outputs as they were.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PipelineError } from './errors.ts';
import type { FileText } from './io/csv-writer.ts';
import { decodeArtifact, encodeArtifactOrNull } from './io/artifact-json.ts';
import { clearStaleTemporaries, writeFileAtomic } from './io/atomic.ts';
import { displayPaths } from './io/display-path.ts';
import { pauseAt } from './io/pause.ts';
import { publish, recoverPublication } from './io/publish.ts';
import { hashTree, sha256 } from './io/hash.ts';
import { messages } from './messages.ts';
import { analyzeStage } from './stages/analyze.ts';
import { STAGES, type ImputeArtifact, type StageName } from './stages/definitions.ts';
import { analysisTable } from './analyze/table.ts';
import type { HardwareSpec } from './schema/records.ts';
import { imputeStage } from './stages/impute-stage.ts';
import { CURATED_FILE, ingest, type IngestOptions } from './stages/ingest.ts';
import { DEFAULT_BATCH_ABOVE_BYTES, runRowBatches, type RowBatchResult, type RowStage } from './stages/row-batches.ts';
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
  /**
   * A curated file of at least this many bytes runs ingest, normalize and impute together in
   * batches of rows (pipeline/stages/row-batches.ts), uncached; default 8 MiB (~40,000 records).
   */
  batchAboveBytes?: number;
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

/** data/processed files the impute stage writes only in some runs. */
const OPTIONAL_IMPUTE_OUTPUTS = ['merge-report.csv'] as const;

type Artifacts = Partial<Record<StageName, unknown>>;

/** The artifacts each stage reads (runStage below). */
const READS: Record<StageName, readonly StageName[]> = {
  ingest: [],
  normalize: ['ingest'],
  impute: ['normalize'],
  analyze: ['impute'],
  render: ['impute', 'analyze'],
};

/** Temporaries and backups of an atomic write or a directory swap are never inputs. */
const notTemporary = (rel: string) => !/(^|\/)\.tmp-/.test(rel) && !/(^|\/)site(\.previous)?\//.test(rel);

function pipelineCodeHash(root: string): string {
  return hashTree(join(root, 'pipeline'), notTemporary);
}

/**
 * A stage's cache entry: the key of its inputs (content hashes of the files it reads, or of the
 * previous stage's artifact) and the content hash of the artifact it produced. Keying a stage on
 * its upstream artifact's content, not on the upstream's inputs, means a change that leaves an
 * artifact identical (a comment in assumptions.yaml) stops there: later stages stay cached.
 */
interface CacheEntry {
  key: string;
  output: string;
  /** The artifact was not saved (too large, or the stage ran in batches): nothing can start after it. */
  uncached?: boolean;
}

export async function runPipeline(opts: RunOptions): Promise<StageReport[]> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const first = opts.only ?? opts.from ?? 'ingest';
  const last = opts.only ?? opts.until ?? 'render';
  const selected = STAGES.slice(STAGES.indexOf(first), STAGES.indexOf(last) + 1);
  mkdirSync(opts.cacheDir, { recursive: true });
  const journalPath = join(opts.cacheDir, 'publish.json');
  // Before anything reads or writes the outputs: finish or undo what a killed run left behind.
  recoverPublication(journalPath, [opts.processedDir, opts.siteDir]);
  clearStaleTemporaries(opts.cacheDir);
  const manifestPath = join(opts.cacheDir, 'manifest.json');
  const manifest = readManifest(manifestPath);
  const code = pipelineCodeHash(opts.root);
  const artifacts: Artifacts = {};
  const artifactPath = (s: StageName) => join(opts.cacheDir, `${s}.json`);
  const load = (s: StageName): unknown => {
    if (artifacts[s] !== undefined) return artifacts[s];
    if (!existsSync(artifactPath(s))) {
      throw new PipelineError(manifest[s]?.uncached ? messages.uncachedArtifact(first, s) : messages.missingArtifact(first, artifactPath(s)));
    }
    return (artifacts[s] = decodeArtifact(readFileSync(artifactPath(s), 'utf8')));
  };
  const display = displayPaths(opts.root, opts.rawDir);
  const output = (s: StageName) => manifest[s]?.output ?? '';
  // What each stage reads, as content hashes. Only analyze depends on the resample count.
  const inputKey = (stage: StageName): string => {
    switch (stage) {
      case 'ingest':
        return [hashTree(opts.rawDir), hashTree(join(opts.root, 'data', 'raw')), display(opts.rawDir)].join('\0');
      case 'normalize':
        return output('ingest');
      case 'impute':
        return output('normalize');
      case 'analyze':
        return `${output('impute')}\0${opts.resamples ?? 1000}`;
      case 'render':
        // The site also shows reports/ (pages, layout) and data/CHANGELOG.md, which no earlier stage reads.
        return [output('impute'), output('analyze'), hashTree(join(opts.root, 'reports'), notTemporary), sha256(readChangelog(opts.root))].join('\0');
    }
  };
  // A stage's artifact is dropped once no later stage of this run reads it (memory, at scale).
  const dropUnneededAfter = (stage: StageName) => {
    const later = selected.slice(selected.indexOf(stage) + 1);
    for (const s of STAGES) if (artifacts[s] !== undefined && !later.some((l) => READS[l].includes(s))) delete artifacts[s];
  };
  // A large curated file: the row stages run together in batches, when this run has all three.
  const curatedFile = join(opts.rawDir, CURATED_FILE);
  const batchable =
    first === 'ingest' && selected.includes('impute') && existsSync(curatedFile) && statSync(curatedFile).size >= (opts.batchAboveBytes ?? DEFAULT_BATCH_ABOVE_BYTES);
  let batched: RowBatchResult | null = null;
  const reports: StageReport[] = [];
  const publishProcessed: Record<string, FileText> = {};
  let siteFiles: Map<string, string | Uint8Array> | null = null;
  let renderEntry: CacheEntry | null = null;

  for (const stage of selected) {
    const started = performance.now();
    const key = sha256(`${stage}\0${code}\0${inputKey(stage)}`);
    const entry = manifest[stage];
    const inBatches = isRowStage(stage) && (batched !== null || (stage === 'ingest' && batchable));
    const cacheHit = !inBatches && !opts.force && entry?.key === key && (stage === 'render' ? existsSync(opts.siteDir) : existsSync(artifactPath(stage)));
    if (!cacheHit) pauseAt(stage);
    if (inBatches && stage === 'ingest') {
      batched = runRowBatches({ ...ingestOptions(opts, display), keepRecords: selected.includes('render') });
    }
    const fromBatches = batched !== null && isRowStage(stage) ? batched.stages[stage] : null;
    // A stage may let its inputs go early (analyze, once it has its table): what no later stage reads.
    const result = cacheHit
      ? { artifact: stage === 'render' ? null : load(stage), rowsIn: 0, rowsOut: 0, warnings: 0 }
      : fromBatches
        ? { ...fromBatches, artifact: stage === 'impute' ? batched!.artifact : null }
        : await runStage(stage, opts, load, display, () => dropUnneededAfter(stage));
    let outputHash = cacheHit ? entry.output : '';
    let uncached = false;
    if (!cacheHit && stage !== 'render') {
      const json = fromBatches ? null : encodeArtifactOrNull(result.artifact);
      if (json !== null) {
        outputHash = sha256(json);
        writeFileAtomic(artifactPath(stage), json);
        // Later stages read what a cached rerun would read, so fresh and cached runs cannot differ.
        artifacts[stage] = decodeArtifact(json);
      } else {
        // Run in batches, or too large for one JSON string (~360,000 records for impute): run on
        // without caching it. Its output is then named by its inputs, which determine it; the next
        // run recomputes it.
        uncached = true;
        outputHash = sha256(`uncached\0${key}`);
        rmSync(artifactPath(stage), { force: true });
        artifacts[stage] = result.artifact;
      }
    }
    dropUnneededAfter(stage);
    const artifact = result.artifact as { outputs?: Record<string, FileText> } | null;
    if (artifact?.outputs) Object.assign(publishProcessed, artifact.outputs);
    if (stage === 'render' && !cacheHit) siteFiles = (result as { site: Map<string, string | Uint8Array> }).site;
    if (stage !== 'render') {
      manifest[stage] = { key, output: outputHash, ...(uncached ? { uncached } : {}) };
      writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2));
    } else renderEntry = { key, output: '' };
    const ms = fromBatches ? fromBatches.ms : performance.now() - started;
    const counts = cacheHit ? 'cached: inputs unchanged, skipped' : `rows ${result.rowsIn} → ${result.rowsOut}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
    log(`${stage.padEnd(9)} ${counts}, ${ms.toFixed(0)} ms${fromBatches ? ` (${stage === 'ingest' ? messages.rowsInBatches : messages.inIngestBatches})` : uncached ? ` (${messages.artifactNotCached})` : ''}`);
    reports.push({ stage, cached: cacheHit, rowsIn: result.rowsIn, rowsOut: result.rowsOut, warnings: result.warnings, ms });
  }

  // Publish only now that every selected stage has succeeded, both folders as one step.
  pauseAt('publish');
  publish(
    {
      // When impute ran, its outputs are the whole set: a merge report from an earlier run with an
      // external export is stale once no export is merged.
      processed: { dir: opts.processedDir, files: publishProcessed, remove: selected.includes('impute') ? [...OPTIONAL_IMPUTE_OUTPUTS] : [] },
      ...(siteFiles ? { site: { dir: opts.siteDir, files: siteFiles } } : {}),
    },
    journalPath,
    (i) => (i > 0 ? pauseAt('swap') : undefined),
  );
  if (renderEntry) {
    manifest.render = renderEntry;
    writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2));
  }
  return reports;
}

function ingestOptions(opts: RunOptions, display: (path: string) => string): IngestOptions {
  // Relative, so file names in outputs never carry a machine path.
  return { rawDir: opts.rawDir, defaultsDir: relative(process.cwd(), join(opts.root, 'data', 'raw')) || '.', today: opts.today, display };
}

const isRowStage = (stage: StageName): stage is RowStage => stage === 'ingest' || stage === 'normalize' || stage === 'impute';

/** The records of an impute artifact; a cached one that holds none is damaged, not empty. */
function imputeRecords(artifact: unknown): ImputeArtifact['records'] {
  const records = (artifact as Partial<ImputeArtifact> | null)?.records;
  if (!Array.isArray(records)) throw new PipelineError(messages.corruptArtifact('impute'));
  return records;
}

/** The cache manifest; an unreadable one, or one of an older format, is an empty cache. */
function readManifest(path: string): Partial<Record<StageName, CacheEntry>> {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === 'object' && v !== null && typeof (v as CacheEntry).key === 'string'));
  } catch {
    return {};
  }
}

interface StageResult {
  artifact: unknown;
  rowsIn: number;
  rowsOut: number;
  warnings: number;
  site?: Map<string, string | Uint8Array>;
}

async function runStage(
  stage: StageName,
  opts: RunOptions,
  load: (s: StageName) => unknown,
  display: (path: string) => string,
  /** Lets go of the artifacts no later stage of the run reads. */
  release: () => void,
): Promise<StageResult> {
  switch (stage) {
    case 'ingest': {
      const out = ingest(ingestOptions(opts, display));
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
      const imputed = load('impute') as Partial<ImputeArtifact> | null;
      const table = imputed?.table ?? analysisTable(imputeRecords(imputed), (imputed as { hardware?: HardwareSpec[] } | null)?.hardware);
      // Let the records go before the fits run, when nothing later reads them (bench/scale.bench.ts).
      release();
      const out = analyzeStage({ table }, { resamples: opts.resamples ?? 1000 });
      return { artifact: out, rowsIn: table.ids.length, rowsOut: out.fits.data.with_flop, warnings: 0 };
    }
    case 'render': {
      const imputed = load('impute') as Parameters<typeof renderStage>[0];
      const analyzed = load('analyze') as Parameters<typeof renderStage>[1];
      const site = await renderStage(imputed, analyzed, { root: opts.root });
      return { artifact: null, rowsIn: imputed.records.length, rowsOut: site.size, warnings: 0, site };
    }
  }
}
