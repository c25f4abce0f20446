/**
 * All-or-nothing writes for a refresh: the snapshot's metadata, the snapshot and the changelog
 * are each written complete under a temporary name beside their target, a journal naming the
 * renames is written, and only then are they renamed into place, in that order (so a snapshot CSV,
 * which ingest looks for, never exists without its metadata). A failure before the journal —
 * a full disk, a changelog path that is a folder — removes the temporaries: nothing changed. A
 * failure of a rename puts back everything renamed so far. A kill after the journal is completed
 * (rolled forward) by the next refresh, which calls recoverCommit first; a kill before it leaves
 * only temporaries, which the next refresh clears.
 *
 * The journal is trusted only as far as its targets are the files the refresh that reads it may
 * write (`allowed`) and its temporaries are theirs: a journal naming anything else is set aside.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PipelineError } from '../errors.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { environmentError, EXIT_ENVIRONMENT } from '../io/errno.ts';
import { pauseAt } from '../io/pause.ts';
import { describeKind, fileKind } from '../io/safe-read.ts';
import { messages } from '../messages.ts';

export interface PlannedWrite {
  target: string;
  content: string | Uint8Array;
}

interface Rename {
  tmp: string;
  target: string;
  /** Where the target's previous content waits until every rename is done (null: it had none). */
  backup: string | null;
}

interface Journal {
  renames: Rename[];
}

const tmpFor = (target: string) => join(dirname(target), `.tmp-${basename(target)}-${process.pid}`);

/** Folders `path` needs that do not exist yet, outermost first. */
function missingFolders(path: string): string[] {
  const out: string[] = [];
  for (let d = dirname(resolve(path)); !existsSync(d); d = dirname(d)) out.unshift(d);
  return out;
}

/** Writes every file or none; `journalPath` is where a kill can be recovered from. */
export function commitFiles(writes: readonly PlannedWrite[], journalPath: string): void {
  for (const { target } of writes) {
    const kind = fileKind(target);
    if (kind !== 'absent' && kind !== 'file') {
      throw new PipelineError(messages.changelogNotFile(target, describeKind(kind)), [], EXIT_ENVIRONMENT);
    }
  }
  const created = [...new Set(writes.flatMap((w) => missingFolders(w.target)).concat(missingFolders(journalPath)))].sort();
  const renames: Rename[] = writes.map(({ target }) => ({ tmp: tmpFor(target), target, backup: existsSync(target) ? `${tmpFor(target)}.previous` : null }));
  const removeCreated = () => {
    for (const d of [...created].reverse()) {
      try {
        rmdirSync(d);
      } catch {
        // Not empty (someone else wrote there) or already gone: left as it is.
      }
    }
  };
  try {
    for (const d of created) mkdirSync(d, { recursive: true });
    writes.forEach(({ content }, i) => writeFileSync(renames[i].tmp, content));
    writeFileAtomic(journalPath, JSON.stringify({ renames } satisfies Journal));
  } catch (err) {
    for (const { tmp } of renames) rmSync(tmp, { force: true });
    rmSync(journalPath, { force: true });
    removeCreated();
    throw environmentError(err) ?? err;
  }
  const done: Rename[] = [];
  try {
    renames.forEach((r, i) => {
      // The kill tests' hook: `refresh-commit` journaled, nothing renamed; `refresh-rename` the first file renamed.
      pauseAt(i === 0 ? 'refresh-commit' : i === 1 ? 'refresh-rename' : 'refresh-last');
      if (r.backup) renameSync(r.target, r.backup);
      done.push(r);
      renameSync(r.tmp, r.target);
    });
  } catch (err) {
    for (const r of done.reverse()) {
      if (existsSync(r.target) && !existsSync(r.tmp)) renameSync(r.target, r.tmp);
      if (r.backup && existsSync(r.backup)) renameSync(r.backup, r.target);
    }
    for (const { tmp } of renames) rmSync(tmp, { force: true });
    rmSync(journalPath, { force: true });
    removeCreated();
    throw environmentError(err) ?? err;
  }
  for (const { backup } of renames) if (backup) rmSync(backup, { force: true });
  rmSync(journalPath, { force: true });
}

/** Whether a journal's renames are all to `allowed` targets, from and via their own temporaries. */
function trusted(journal: unknown, allowed: (target: string) => boolean): journal is Journal {
  const renames = (journal as Partial<Journal> | null)?.renames;
  if (!Array.isArray(renames) || renames.length === 0) return false;
  return renames.every((r: unknown) => {
    const { tmp, target, backup } = (r ?? {}) as Partial<Rename>;
    if (typeof tmp !== 'string' || typeof target !== 'string' || !allowed(resolve(target))) return false;
    const ownTmp = dirname(resolve(tmp)) === dirname(resolve(target)) && /^\.tmp-.+-\d+$/.test(basename(tmp)) && basename(tmp).startsWith(`.tmp-${basename(target)}-`);
    return ownTmp && (backup === null || backup === `${tmp}.previous`);
  });
}

/**
 * Completes a commit that a killed refresh had journaled at `journalPath`, and clears the
 * temporaries a refresh killed earlier left in `dirs` (those starting `.tmp-<prefix>`). Returns
 * whether a journal was completed. A journal naming anything not `allowed` is renamed
 * `<journal>.refused` and left untouched, with a note.
 */
export function recoverCommit(journalPath: string, allowed: (target: string) => boolean, note: (line: string) => void): boolean {
  if (!existsSync(journalPath)) return false;
  let journal: unknown = null;
  try {
    journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  } catch {
    // Written atomically, so unreadable only if edited by hand: refused below.
  }
  if (!trusted(journal, allowed)) {
    renameSync(journalPath, `${journalPath}.refused`);
    note(messages.refreshJournalRefused(journalPath, messages.refreshJournalOutside));
    return false;
  }
  try {
    for (const r of journal.renames) {
      if (!existsSync(r.tmp)) continue;
      if (r.backup && existsSync(r.target) && !existsSync(r.backup)) renameSync(r.target, r.backup);
      renameSync(r.tmp, r.target);
    }
    for (const r of journal.renames) if (r.backup) rmSync(r.backup, { force: true });
  } catch (err) {
    throw environmentError(err) ?? err;
  }
  rmSync(journalPath, { force: true });
  return true;
}

/** Removes the temporaries `.tmp-<prefix>…` in `dir` that no journal needs (a refresh killed before its journal). */
export function clearTemporaries(dir: string, prefix = ''): void {
  if (fileKind(dir) !== 'directory') return;
  for (const name of readdirSync(dir)) if (name.startsWith(`.tmp-${prefix}`)) rmSync(join(dir, name), { force: true, recursive: true });
}
