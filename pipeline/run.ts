/**
 * The orchestrator: runs a list of stages (pipeline/stages/stage.ts) in order, skips a stage whose
 * inputs' content hash is unchanged (and says so), and publishes data/processed/ and reports/site/
 * only after every selected stage has succeeded, so a failed or killed run leaves the previous
 * outputs as they were. It knows no stage by name: what a stage reads, runs and publishes is the
 * stage's own declaration.
 *
 * Reliability at the edges (issue #21): one run at a time per output folder (a lock in its cache
 * folder: pipeline/io/lock.ts); only folders the pipeline created are replaced
 * (pipeline/io/outputs.ts) and the publish journal is trusted only for them (pipeline/io/publish.ts);
 * a stage is skipped only when its output is intact — its cached artifact as saved, and a site it
 * published as published (a deleted reports/site/index.html is published again); a file a stage
 * reads is hashed only if it is a regular file (a FIFO or a link to /dev/zero is never opened); a
 * system error (disk full, read-only) is one sentence with exit code 3.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PipelineError } from './errors.ts';
import { DEFAULT_RESAMPLES } from './analyze/stats/bootstrap.ts';
import { artifactIntact, CorruptCacheError, loadArtifact, saveArtifactAsRead } from './io/artifact-store.ts';
import { clearStaleTemporaries, writeFileAtomic } from './io/atomic.ts';
import { inputHash, publishedHash } from './io/cache-check.ts';
import type { FileText } from './io/csv-writer.ts';
import { displayPaths } from './io/display-path.ts';
import { environmentError, shownPath } from './io/errno.ts';
import { hashTree, sha256 } from './io/hash.ts';
import { acquireLock, RUN_LOCK } from './io/lock.ts';
import { checkOutputs } from './io/outputs.ts';
import { pauseAt } from './io/pause.ts';
import { fileKind } from './io/safe-read.ts';
import { publish, recoverPublication } from './io/publish.ts';
import { messages } from './messages.ts';
import { PIPELINE_STAGES } from './stages/index.ts';
import { DamagedArtifactError, type Read, type Stage, type StageContext } from './stages/stage.ts';

export interface RunOptions {
  /** Project root: pipeline code and shipped defaults are found from here. */
  root: string;
  rawDir: string;
  processedDir: string;
  siteDir: string;
  cacheDir: string;
  /** Run date YYYY-MM-DD (validation only; never written to outputs). */
  today: string;
  only?: string;
  from?: string;
  /** Last stage to run (default the last); for callers that need only the data. */
  until?: string;
  /** Ignore the cache and rerun every selected stage. */
  force?: boolean;
  /** Bootstrap resamples for the analyses (default DEFAULT_RESAMPLES). */
  resamples?: number;
  /** The stages, in order (default PIPELINE_STAGES). */
  stages?: readonly Stage<unknown>[];
  log?: (line: string) => void;
  /** Notes that are not stage lines (a stale lock removed, a journal refused); default stderr. */
  note?: (line: string) => void;
}

export interface StageReport {
  stage: string;
  cached: boolean;
  rowsIn: number;
  rowsOut: number;
  warnings: number;
  /** Wall time of the stage, and the process's CPU time in it (user + system). */
  ms: number;
  cpuMs: number;
}

/** Temporaries and backups of an atomic write or a directory swap are never inputs. */
const notTemporary = (rel: string) => !/(^|\/)\.tmp-/.test(rel) && !/(^|\/)site(\.previous)?\//.test(rel);

/**
 * A stage's cache entry: the key of its inputs and the content hash of the artifact it produced.
 * Keying a stage on its upstream artifacts' content, not on the upstream's inputs, means a change
 * that leaves an artifact identical (a comment in assumptions.yaml) stops there: later stages stay
 * cached.
 */
interface CacheEntry {
  key: string;
  output: string;
  /** The files the stage published to data/processed/, so that one it no longer produces is removed. */
  published?: string[];
  /** The content hash of the folder a site stage published (pipeline/io/cache-check.ts), once published. */
  site?: string;
}

type Manifest = Record<string, CacheEntry>;

export async function runPipeline(opts: RunOptions): Promise<StageReport[]> {
  const note = opts.note ?? ((l: string) => console.error(l));
  // One run at a time per output folder (and, for the project's own outputs, with refresh too).
  const lock = acquireLock(join(opts.cacheDir, RUN_LOCK), messages.outputsNamed(shownPath(opts.processedDir), shownPath(opts.siteDir)), 'npm run pipeline', note);
  try {
    return await runLocked(opts, note);
  } catch (err) {
    // A full disk, a read-only folder, a permission: one sentence and exit code 3, not a stack trace.
    throw environmentError(err) ?? err;
  } finally {
    lock.release();
  }
}

async function runLocked(opts: RunOptions, note: (line: string) => void): Promise<StageReport[]> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const stages = opts.stages ?? PIPELINE_STAGES;
  const names = stages.map((s) => s.name);
  const indexOf = (name: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new PipelineError(messages.unknownStage(name, names), [], 2);
    return i;
  };
  const first = opts.only ?? opts.from ?? names[0];
  const selected = stages.slice(indexOf(first), indexOf(opts.only ?? opts.until ?? names[names.length - 1]) + 1);
  mkdirSync(opts.cacheDir, { recursive: true });
  // Only folders the pipeline created are replaced (the project's own outputs may predate the marker).
  const projectOutputs = resolve(opts.processedDir) === resolve(opts.root, 'data', 'processed') && resolve(opts.siteDir) === resolve(opts.root, 'reports', 'site');
  const sitePublished = selected.some((s) => s.publishes?.folder === 'site');
  checkOutputs(sitePublished ? [opts.processedDir, opts.siteDir] : [opts.processedDir], { allowUnmarked: projectOutputs });
  const journalPath = join(opts.cacheDir, 'publish.json');
  // Before anything reads or writes the outputs: finish or undo what a killed run left behind.
  recoverPublication(journalPath, [opts.processedDir, opts.siteDir], note);
  clearStaleTemporaries(opts.cacheDir);
  const manifestPath = join(opts.cacheDir, 'manifest.json');
  // What the cache holds on disk, and what this run knows.
  const saved = readManifest(manifestPath);
  const manifest: Manifest = { ...saved };
  const code = hashTree(join(opts.root, 'pipeline'), notTemporary);
  const display = displayPaths(opts.root, opts.rawDir);
  const ctx: StageContext = {
    root: opts.root,
    rawDir: opts.rawDir,
    // Relative, so file names in outputs never carry a machine path.
    defaultsDir: relative(process.cwd(), join(opts.root, 'data', 'raw')) || '.',
    today: opts.today,
    resamples: opts.resamples ?? DEFAULT_RESAMPLES,
    rawName: display(opts.rawDir),
    display,
  };

  // The artifacts of this run as the cache holds them: each stage restores (and checks) its own.
  const artifacts = new Map<Stage<unknown>, unknown>();
  const artifactOf = <A>(stage: Stage<A>): A => {
    try {
      if (!artifacts.has(stage)) {
        // Read only as saved: a truncated or edited artifact is refused, not half-read.
        if (!artifactIntact(opts.cacheDir, stage.name, manifest[stage.name]?.output ?? '')) {
          if (fileKind(join(opts.cacheDir, `${stage.name}.json`)) === 'absent') throw new PipelineError(messages.missingArtifact(first, join(opts.cacheDir, `${stage.name}.json`)));
          throw new CorruptCacheError(join(opts.cacheDir, `${stage.name}.json`));
        }
        const cached = loadArtifact(opts.cacheDir, stage.name);
        artifacts.set(stage, cached);
      }
      return stage.restore(artifacts.get(stage));
    } catch (err) {
      if (err instanceof DamagedArtifactError || err instanceof CorruptCacheError) throw new PipelineError(messages.corruptArtifact(stage.name));
      throw err;
    }
  };
  const readerFor = (stage: Stage<unknown>): Read => (dep) => {
    if (!stage.reads.stages.includes(dep)) throw new PipelineError(messages.undeclaredRead(stage.name, dep.name));
    return artifactOf(dep);
  };
  // What a stage reads, as content hashes (each file by the name outputs give it) and values: its cache key.
  const keyOf = (stage: Stage<unknown>): string =>
    sha256(
      [
        stage.name,
        code,
        ...stage.reads.stages.map((s) => `${s.name}:${manifest[s.name]?.output ?? ''}`),
        ...(stage.reads.files?.(ctx) ?? []).map((path) => `${display(path)}:${inputHash(path, display(path), notTemporary)}`),
        ...(stage.reads.options ?? []).map((o) => `${o}=${ctx[o]}`),
      ].join('\0'),
    );

  const reports: StageReport[] = [];
  const processed: Record<string, FileText> = {};
  const stale: string[] = [];
  let site: Map<string, string | Uint8Array> | null = null;
  /** The stage whose site this run publishes: its manifest entry records the published folder's hash. */
  let siteStage: string | null = null;
  for (const stage of selected) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const key = keyOf(stage);
    const previous = saved[stage.name];
    // Skipped only when its inputs are unchanged AND its artifact is as saved: a truncated or edited one is rebuilt, not read.
    const cached = !opts.force && manifest[stage.name]?.key === key && artifactIntact(opts.cacheDir, stage.name, manifest[stage.name].output);
    let counts = { rowsIn: 0, rowsOut: 0, warnings: 0 };
    let note: string | undefined;
    if (!cached) {
      pauseAt(stage.name);
      artifacts.delete(stage);
      const result = await stage.run(readerFor(stage), ctx);
      counts = { rowsIn: result.rowsIn, rowsOut: result.rowsOut, warnings: result.warnings };
      note = result.note;
      const stored = saveArtifactAsRead(opts.cacheDir, stage.name, result.artifact);
      manifest[stage.name] = { key, output: stored.hash };
      artifacts.set(stage, stored.artifact);
    }
    // Later stages and the publication read the artifact as a cached rerun would: fresh and cached runs cannot differ.
    const pub = stage.publishes;
    if (pub?.folder === 'processed') {
      const files = pub.files(artifactOf(stage));
      Object.assign(processed, files);
      // A file this stage published before and no longer does (a merge report, once no export is merged).
      stale.push(...(previous?.published ?? []).filter((name) => !(name in files)));
      manifest[stage.name] = { ...manifest[stage.name], published: Object.keys(files) };
    }
    // A stage that replaces the site is recorded once the site is published: until then a rerun
    // must publish it again. Processed files are published by every run that selects their stage.
    if (!cached && pub?.folder !== 'site') {
      saved[stage.name] = manifest[stage.name];
      writeFileAtomic(manifestPath, JSON.stringify(saved, null, 2));
    }
    // The site is replaced when its stage ran, or when the folder is not as this stage published it
    // (a page deleted or edited, the folder gone): published again from the cached artifact.
    let republished = false;
    if (pub?.folder === 'site' && (!cached || previous?.site === undefined || publishedHash(opts.siteDir) !== previous.site)) {
      site = pub.files(artifactOf(stage));
      siteStage = stage.name;
      republished = cached && previous?.site !== undefined;
    }
    // An artifact no later stage of this run reads is let go (memory, at scale).
    const later = selected.slice(selected.indexOf(stage) + 1);
    for (const s of artifacts.keys()) if (!later.some((l) => l.reads.stages.includes(s))) artifacts.delete(s);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const line = cached ? `cached: inputs unchanged, skipped${republished ? `, ${messages.sitePublishedAgain}` : ''}` : `rows ${counts.rowsIn} → ${counts.rowsOut}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}${note ? `, ${note}` : ''}`;
    log(`${stage.name.padEnd(9)} ${line}, ${ms.toFixed(0)} ms`);
    reports.push({ stage: stage.name, cached, ...counts, ms, cpuMs: (used.user + used.system) / 1000 });
  }

  // Publish only now that every selected stage has succeeded, both folders as one step.
  pauseAt('publish');
  publish(
    {
      processed: { dir: opts.processedDir, files: processed, remove: stale.filter((name) => !(name in processed)) },
      ...(site ? { site: { dir: opts.siteDir, files: site } } : {}),
    },
    journalPath,
    (i) => (i > 0 ? pauseAt('swap') : undefined),
  );
  // The site as published, so that a later run sees a page deleted or changed since.
  if (siteStage !== null) manifest[siteStage] = { ...manifest[siteStage], site: publishedHash(opts.siteDir) };
  writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2));
  return reports;
}

/** The cache manifest; an unreadable one, or one of an older format, is an empty cache. */
function readManifest(path: string): Manifest {
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof data !== 'object' || data === null) return {};
    return Object.fromEntries(Object.entries(data).filter((e): e is [string, CacheEntry] => isEntry(e[1])));
  } catch {
    return {};
  }
}

function isEntry(v: unknown): v is CacheEntry {
  return typeof v === 'object' && v !== null && 'key' in v && typeof v.key === 'string' && 'output' in v && typeof v.output === 'string';
}
