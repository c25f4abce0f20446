/**
 * Publishes a run's outputs as one step. data/processed/ and reports/site/ are each built complete
 * beside their target; then a journal naming both is written to the cache; only then are they
 * swapped in (pipeline/io/atomic.ts). A run killed before the journal exists leaves the previous
 * outputs untouched, and its staging folders are cleared at the next start. A run killed after
 * it is completed at the next start (rolled forward: everything it publishes was already built
 * and validated). Either way the outputs are never a mix of two runs.
 *
 * The swaps are done so that a failure of any rename (a folder made a mount point meanwhile, a
 * permission) puts back every folder already swapped. The journal is trusted only as far as it
 * names the output folders it was written for and their own staging folders: a journal naming
 * anything else (edited, or crafted to make the next run delete a folder elsewhere) is set aside
 * untouched. Every published folder holds the marker `.compute-trends` (pipeline/io/outputs.ts).
 */
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import { CachedFile } from './artifact-store.ts';
import type { FileText } from './csv-writer.ts';
import { hashDataFile } from './hash.ts';
import { clearStaleTemporaries, recoverDirectory, stagingDirFor, swapDirectory, writeFileAtomic } from './atomic.ts';
import { environmentError, EXIT_ENVIRONMENT, shownPath } from './errno.ts';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT, outputProblem } from './outputs.ts';

export interface Publication {
  /**
   * Files for data/processed/, by name; files it already holds and not named here are kept,
   * except those named in `remove` (outputs a stage no longer produces, e.g. a merge report).
   */
  processed?: { dir: string; files: Record<string, FileText>; remove?: string[] };
  /** The whole site: it replaces the folder. */
  site?: { dir: string; files: Map<string, string | Uint8Array> };
}

interface Journal {
  swaps: { staging: string; target: string }[];
}

/** Whether the file at `path` holds exactly `text`, read and compared piece by piece. */
function sameContent(path: string, text: FileText): boolean {
  if (!existsSync(path)) return false;
  // A file of the cache is known by its size and sha256: the published file is hashed, not held.
  if (text instanceof CachedFile) return statSync(path).size === text.bytes && hashDataFile(path, shownPath(path), Number.MAX_SAFE_INTEGER) === text.sha256;
  const bytes = readFileSync(path);
  let at = 0;
  for (const piece of typeof text === 'string' ? [text] : text) {
    const b = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (at + b.length > bytes.length || !bytes.subarray(at, at + b.length).equals(b)) return false;
    at += b.length;
  }
  return at === bytes.length;
}

/** Writes `text` to `path`, a piece at a time, so a large table is never one string. */
function writeText(path: string, text: FileText): void {
  if (typeof text === 'string') return writeFileSync(path, text);
  // A file of the cache this process has just written from the bytes it hashed: copied by the kernel.
  if (text instanceof CachedFile && text.written) return copyFileSync(text.path, path);
  const fd = openSync(path, 'w');
  try {
    for (const bytes of text) {
      // writeSync may write less than asked: go on from where it stopped.
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    }
  } finally {
    closeSync(fd);
  }
}

/** A staging copy of the processed folder with the changed files written, or null when none changed. */
function stageProcessed(dir: string, files: Record<string, FileText>, remove: string[] = []): string | null {
  const changed = Object.entries(files)
    .filter(([name, content]) => !sameContent(join(dir, name), content))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const stale = remove.filter((name) => !(name in files) && existsSync(join(dir, name)));
  if (changed.length === 0 && stale.length === 0) {
    mkdirSync(dir, { recursive: true });
    return null;
  }
  const staging = stagingDirFor(dir);
  // Unchanged files keep their bytes and their mtime.
  if (existsSync(dir)) cpSync(dir, staging, { recursive: true, preserveTimestamps: true });
  for (const [name, content] of changed) writeText(join(staging, name), content);
  for (const name of stale) rmSync(join(staging, name), { force: true });
  return staging;
}

function stageSite(dir: string, files: Map<string, string | Uint8Array>): string {
  const staging = stagingDirFor(dir);
  for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = join(staging, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return staging;
}

/** Whether every swap of a journal is one of `targets` with its own staging folder beside it. */
function trusted(journal: unknown, targets: readonly string[]): journal is Journal {
  const swaps = (journal as Partial<Journal> | null)?.swaps;
  if (!Array.isArray(swaps)) return false;
  const allowed = new Set(targets.map((t) => resolve(t)));
  return swaps.every((s: unknown) => {
    const { staging, target } = (s ?? {}) as Partial<Journal['swaps'][number]>;
    if (typeof staging !== 'string' || typeof target !== 'string' || !allowed.has(resolve(target))) return false;
    return dirname(resolve(staging)) === dirname(resolve(target)) && new RegExp(`^\\.tmp-${escapeRegExp(basename(target))}-\\d+$`).test(basename(staging));
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Swaps each staging folder in for its target, keeping every target's previous folder until all
 * are in; if one rename fails, the ones done are undone and the error is thrown, so the outputs
 * are all old or all new.
 */
function swapAll(swaps: Journal['swaps'], beforeSwap: (i: number) => void): void {
  const done: { staging: string; target: string; backup: string | null }[] = [];
  try {
    swaps.forEach(({ staging, target }, i) => {
      beforeSwap(i);
      const backup = existsSync(target) ? `${target}.previous` : null;
      if (backup) {
        rmSync(backup, { recursive: true, force: true });
        renameSync(target, backup);
      }
      done.push({ staging, target, backup });
      renameSync(staging, target);
    });
  } catch (err) {
    for (const { staging, target, backup } of done.reverse()) {
      if (existsSync(target) && !existsSync(staging)) renameSync(target, staging);
      if (backup && existsSync(backup)) renameSync(backup, target);
    }
    throw err;
  }
  for (const { backup } of done) if (backup) rmSync(backup, { recursive: true, force: true });
}

/**
 * Publishes `pub`; `journalPath` must be in a folder only this output set uses (the cache).
 * `beforeSwaps(i)` runs before the i-th swap (the pipeline's pause hook). A system error (disk
 * full, read-only, permission) comes out as a PipelineError with exit code 3, the outputs unchanged.
 */
export function publish(pub: Publication, journalPath: string, beforeSwap: (i: number) => void = () => {}): void {
  // A folder that became a symbolic link or a mount point since the run started cannot be swapped.
  for (const dir of [pub.processed?.dir, pub.site?.dir]) {
    const problem = dir === undefined ? null : outputProblem(dir, { allowUnmarked: true });
    if (problem !== null) throw new PipelineError(messages.notOurOutput(shownPath(dir!), problem), [], EXIT_ENVIRONMENT);
  }
  const swaps: Journal['swaps'] = [];
  try {
    const processed = pub.processed
      ? stageProcessed(pub.processed.dir, { ...pub.processed.files, [OUTPUT_MARKER]: OUTPUT_MARKER_TEXT }, pub.processed.remove)
      : null;
    if (processed && pub.processed) swaps.push({ staging: processed, target: pub.processed.dir });
    if (pub.site) swaps.push({ staging: stageSite(pub.site.dir, new Map([...pub.site.files, [OUTPUT_MARKER, OUTPUT_MARKER_TEXT]])), target: pub.site.dir });
  } catch (err) {
    for (const { staging } of swaps) rmSync(staging, { recursive: true, force: true });
    // The staging folder of the step that failed, written beside its target.
    for (const dir of [pub.processed?.dir, pub.site?.dir]) if (dir) clearStaleTemporaries(dirname(dir), `${basename(dir)}-`, true);
    throw environmentError(err) ?? err;
  }
  if (swaps.length === 0) return;
  try {
    writeFileAtomic(journalPath, JSON.stringify({ swaps } satisfies Journal));
    swapAll(swaps, beforeSwap);
  } catch (err) {
    for (const { staging } of swaps) rmSync(staging, { recursive: true, force: true });
    rmSync(journalPath, { force: true });
    throw environmentError(err) ?? err;
  }
  rmSync(journalPath, { force: true });
}

/**
 * Run at every start, before anything else touches the outputs: completes a publication a killed
 * run had journaled, puts back a folder left as a backup mid-swap, and clears stale staging. A
 * journal that names anything but `targets` and their staging folders is not acted on: it is
 * renamed `<journal>.refused` and `note` says so.
 */
export function recoverPublication(journalPath: string, targets: string[], note: (line: string) => void = () => {}): void {
  if (existsSync(journalPath)) {
    let journal: unknown = { swaps: [] };
    try {
      journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    } catch {
      // Written atomically, so unreadable only if edited by hand: nothing to roll forward.
    }
    if (trusted(journal, targets)) {
      for (const { staging, target } of journal.swaps) if (existsSync(staging)) swapDirectory(staging, target);
      rmSync(journalPath, { force: true });
    } else {
      renameSync(journalPath, `${journalPath}.refused`);
      note(messages.journalRefused(journalPath, messages.journalOutside(targets.join(' and '))));
    }
  }
  for (const target of targets) {
    recoverDirectory(target);
    clearStaleTemporaries(dirname(target), `${basename(target)}-`);
  }
}
