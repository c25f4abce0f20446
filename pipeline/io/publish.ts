/**
 * Publishes a run's outputs as one step. data/processed/ and reports/site/ are each built complete
 * beside their target; then a journal naming both is written to the cache; only then are they
 * swapped in (pipeline/io/atomic.ts). A run killed before the journal exists leaves the previous
 * outputs untouched, and its staging folders are cleared at the next start. A run killed after
 * it is completed at the next start (rolled forward: everything it publishes was already built
 * and validated). Either way the outputs are never a mix of two runs.
 */
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileText } from './csv-writer.ts';
import { clearStaleTemporaries, recoverDirectory, stagingDirFor, swapDirectory, writeFileAtomic } from './atomic.ts';

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

/**
 * Publishes `pub`; `journalPath` must be in a folder only this output set uses (the cache).
 * `beforeSwaps(i)` runs before the i-th swap (the pipeline's pause hook).
 */
export function publish(pub: Publication, journalPath: string, beforeSwap: (i: number) => void = () => {}): void {
  const swaps: Journal['swaps'] = [];
  try {
    const processed = pub.processed ? stageProcessed(pub.processed.dir, pub.processed.files, pub.processed.remove) : null;
    if (processed && pub.processed) swaps.push({ staging: processed, target: pub.processed.dir });
    if (pub.site) swaps.push({ staging: stageSite(pub.site.dir, pub.site.files), target: pub.site.dir });
  } catch (err) {
    for (const { staging } of swaps) rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  if (swaps.length === 0) return;
  writeFileAtomic(journalPath, JSON.stringify({ swaps } satisfies Journal));
  swaps.forEach(({ staging, target }, i) => {
    beforeSwap(i);
    swapDirectory(staging, target);
  });
  rmSync(journalPath, { force: true });
}

/**
 * Run at every start, before anything else touches the outputs: completes a publication a killed
 * run had journaled, puts back a folder left as a backup mid-swap, and clears stale staging.
 */
export function recoverPublication(journalPath: string, targets: string[]): void {
  if (existsSync(journalPath)) {
    let journal: Journal = { swaps: [] };
    try {
      journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
    } catch {
      // Written atomically, so unreadable only if edited by hand: nothing to roll forward.
    }
    for (const { staging, target } of journal.swaps ?? []) if (existsSync(staging)) swapDirectory(staging, target);
    rmSync(journalPath, { force: true });
  }
  for (const target of targets) {
    recoverDirectory(target);
    clearStaleTemporaries(dirname(target), `${basename(target)}-`);
  }
}
