/**
 * Atomic outputs: a file is written beside its target under a temporary name and renamed into
 * place; a directory is built beside its target and swapped in with two renames. A run killed at
 * any point leaves the previous outputs as they were (or, in the instant between the two renames
 * of a directory swap, a backup that `recoverDirectory` puts back at the next start).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TMP_PREFIX = '.tmp-';
const BACKUP_SUFFIX = '.previous';

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = temporaryFor(path);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    // A full disk or a path that is a folder: the temporary must not stay behind.
    rmSync(tmp, { force: true, recursive: true });
    throw err;
  }
}

/** The temporary name a file is written under before it is renamed to `path`. */
export function temporaryFor(path: string): string {
  return join(dirname(path), `${TMP_PREFIX}${basename(path)}-${process.pid}`);
}

/** Writes the file only when its content differs, so unchanged outputs keep their mtime. */
export function writeIfChanged(path: string, content: string | Uint8Array): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  if (existsSync(path) && readFileSync(path).equals(bytes)) return false;
  writeFileAtomic(path, bytes);
  return true;
}

/** A fresh staging directory beside `target`, for building a replacement of it. */
export function stagingDirFor(target: string): string {
  const dir = join(dirname(target), `${TMP_PREFIX}${basename(target)}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Replaces `target` with the fully built `staging` directory; if that fails, the target is put back. */
export function swapDirectory(staging: string, target: string): void {
  const backup = `${target}${BACKUP_SUFFIX}`;
  rmSync(backup, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, backup);
  try {
    renameSync(staging, target);
  } catch (err) {
    if (!existsSync(target) && existsSync(backup)) renameSync(backup, target);
    throw err;
  }
  rmSync(backup, { recursive: true, force: true });
}

/** Puts back a directory left as a backup by a run killed mid-swap (see also clearStaleTemporaries). */
export function recoverDirectory(target: string): void {
  const backup = `${target}${BACKUP_SUFFIX}`;
  if (!existsSync(target) && existsSync(backup)) renameSync(backup, target);
  else if (existsSync(backup)) rmSync(backup, { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporaries (`.tmp-<prefix>…-<pid>`) that a killed run left in `dir`: a staging
 * folder or a half-written file whose process is gone. Those of a live process are left alone,
 * this process's own too unless `includeOwn` (after one of its writes failed).
 */
export function clearStaleTemporaries(dir: string, prefix = '', includeOwn = false): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${TMP_PREFIX}${prefix}`)) continue;
    const pid = Number(/-(\d+)$/.exec(name)?.[1]);
    if (pid === process.pid ? !includeOwn : Number.isInteger(pid) && isAlive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}
