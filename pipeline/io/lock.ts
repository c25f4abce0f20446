/**
 * One run at a time per output: a lock file created atomically (a hard link of a complete file, so
 * it never exists half-written) holding the owner's pid, the start time of that process (its
 * "start token": a pid reused by another program after a crash has another start time), the
 * command and when it started. A second run finds the lock held by a live process and stops with
 * a clear message (exit code 3); a lock left by a run that was killed — its process gone, or its
 * pid now another process — is stale and removed, so a crash never blocks the next run.
 *
 * The pipeline locks its output's cache folder (`.cache/pipeline` for the project's own outputs,
 * `<out>/.cache` with --out); a refresh of the project's data/raw takes the same project lock
 * (pipeline/cli/locks.ts), so a refresh never writes what a pipeline run is reading.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import { environmentError, EXIT_ENVIRONMENT } from './errno.ts';

/** The lock file in an output's cache folder. */
export const RUN_LOCK = 'run.lock';

export interface LockOwner {
  pid: number;
  /** The process's start time since boot (Linux /proc), '' where unknown. */
  token: string;
  host: string;
  command: string;
  started: string;
  /** Distinguishes two locks taken by the same process. */
  nonce: string;
}

/** Start time of process `pid` in clock ticks since boot (field 22 of /proc/<pid>/stat), or ''. */
export function startToken(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the owner of a lock is still running: same host, pid alive, and the same process (start token). */
export function ownerRunning(owner: Partial<LockOwner>): boolean {
  if (typeof owner.pid !== 'number' || !Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  // Another machine's process cannot be checked from here: held, to be safe.
  if (owner.host !== undefined && owner.host !== hostname()) return true;
  if (!isAlive(owner.pid)) return false;
  const token = startToken(owner.pid);
  return !(owner.token && token && owner.token !== token);
}

function readOwner(path: string): { text: string; owner: Partial<LockOwner> } | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    return { text, owner: JSON.parse(text) as Partial<LockOwner> };
  } catch {
    return { text, owner: {} };
  }
}

export interface Lock {
  path: string;
  release(): void;
}

/**
 * Takes the lock at `path` for `command`; `what` names what it protects in the message a second
 * run prints. Throws a PipelineError (exit code 3) when a live process holds it. `note` receives
 * a line when a stale lock is removed.
 */
export function acquireLock(path: string, what: string, command: string, note: (line: string) => void = () => {}): Lock {
  const owner: LockOwner = {
    pid: process.pid,
    token: startToken(process.pid),
    host: hostname(),
    command,
    started: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };
  const text = `${JSON.stringify(owner)}\n`;
  const tmp = `${path}.${process.pid}-${owner.nonce}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, text);
  } catch (err) {
    // A full disk may leave the temporary empty: it must not stay.
    removeQuietly(tmp);
    throw environmentError(err, path) ?? err;
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(tmp, path);
        return { path, release: () => releaseLock(path, text) };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw environmentError(err, path) ?? err;
      }
      const held = readOwner(path);
      if (held === null) continue;
      if (ownerRunning(held.owner)) {
        throw new PipelineError(
          messages.lockHeld(what, held.owner.pid!, held.owner.command ?? 'a run', held.owner.started ?? 'at an unknown time', path),
          [],
          EXIT_ENVIRONMENT,
        );
      }
      removeStale(path, held.text);
      note(messages.staleLockRemoved(held.owner.pid ?? 0));
    }
    throw new PipelineError(messages.lockHeld(what, 0, 'another run', 'just now', path), [], EXIT_ENVIRONMENT);
  } finally {
    removeQuietly(tmp);
  }
}

/** Removes a file if it can; a path that cannot hold one (a file as a folder) has nothing to remove. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing there.
  }
}

/**
 * Removes a stale lock whose text is `stale`. It is moved aside first and checked: if another run
 * took the lock in between (the file moved is not the stale one), it is put back.
 */
function removeStale(path: string, stale: string): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw environmentError(err, path) ?? err;
  }
  const moved = readOwner(aside);
  if (moved !== null && moved.text !== stale) {
    try {
      linkSync(aside, path);
    } catch {
      // Yet another run took the lock meanwhile: it holds it.
    }
  }
  rmSync(aside, { force: true });
}

function releaseLock(path: string, text: string): void {
  const held = readOwner(path);
  if (held !== null && held.text === text) rmSync(path, { force: true });
}
