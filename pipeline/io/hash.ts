/** Content hashes for stage caching: sha256 over files, folders and JSON values. */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DATA_MAX_BYTES, openDataFile, readDataChunk } from './safe-read.ts';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Bytes read at a time: a file is hashed through one buffer used again rather than read whole, which
 * for a raw file of hundreds of megabytes cost more than the hash (ARCHITECTURE.md, "Engine notes").
 */
const CHUNK_BYTES = 1 << 20;
let chunk: Buffer | null = null;

/**
 * The sha256 of the data file at `path`, read a chunk at a time with readDataFile's checks
 * (pipeline/io/safe-read.ts: a regular file, opened non-blocking, at most `maxBytes`, a system
 * error a located problem with exit code 3).
 */
export function hashDataFile(path: string, display: string, maxBytes = DATA_MAX_BYTES): string {
  const { fd } = openDataFile(path, display, maxBytes);
  try {
    const h = createHash('sha256');
    chunk ??= Buffer.allocUnsafe(CHUNK_BYTES);
    for (let position = 0, n; (n = readDataChunk(fd, display, chunk, 0, CHUNK_BYTES, position, maxBytes)) > 0; position += n) h.update(chunk.subarray(0, n));
    return h.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * A regular file's bytes added to `h` a chunk at a time, after `before` (its name); false, with
 * nothing added, when the file is gone since it was listed or is no longer a regular file (opened
 * non-blocking and checked on its descriptor, so a FIFO put in its place is never waited on).
 */
function updateWithFile(h: Hash, path: string, before: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  try {
    if (!fstatSync(fd).isFile()) return false;
    h.update(before);
    chunk ??= Buffer.allocUnsafe(CHUNK_BYTES);
    for (let n = readSync(fd, chunk, 0, CHUNK_BYTES, null); n > 0; n = readSync(fd, chunk, 0, CHUNK_BYTES, null)) h.update(chunk.subarray(0, n));
    return true;
  } finally {
    closeSync(fd);
  }
}

/** Whether a symbolic link leads to a regular file (not a loop, a device or nothing). */
function linkedFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * Hash of every regular file below `dir` (names relative to it, sorted), optionally filtered.
 * Only regular files are read, directly or through a symbolic link: a FIFO, a device or a socket
 * (a link to /dev/zero) is never opened, and a linked folder is not followed (no loop), so hashing
 * a folder always ends. `accept` also sees each folder, as `rel/`, and a folder it rejects is
 * skipped whole. Each file is read a chunk at a time, never whole.
 */
export function hashTree(dir: string, accept: (rel: string) => boolean = () => true): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p).replace(/\\/g, '/');
      // Gone since the folder was listed (another run's temporary): nothing to hash.
      const st = lstatSync(p, { throwIfNoEntry: false });
      if (st === undefined) continue;
      // A folder the filter rejects as a whole (`.tmp-…/`, the published `site/`) is not walked.
      if (st.isDirectory()) {
        if (accept(`${rel}/`)) walk(p);
      } else if (st.isFile() || (st.isSymbolicLink() && linkedFile(p))) {
        // The name goes into the hash only with the bytes: a file gone between lstat and open is skipped whole.
        if (accept(rel) && updateWithFile(h, p, `${rel}\0`)) h.update('\0');
      }
    }
  };
  walk(dir);
  return h.digest('hex');
}
