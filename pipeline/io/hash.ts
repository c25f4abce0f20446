/** Content hashes for stage caching: sha256 over files, folders and JSON values. */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The sha256 of a file's content. */
export function hashFile(path: string): string {
  return updateWithFile(createHash('sha256'), path).digest('hex');
}

/**
 * Bytes read at a time: a file is hashed through one buffer used again rather than read whole, which
 * for a raw file of hundreds of megabytes cost more than the hash (ARCHITECTURE.md, "Engine notes").
 */
const CHUNK_BYTES = 1 << 20;
let chunk: Buffer | null = null;

function updateWithFile(h: Hash, path: string): Hash {
  chunk ??= Buffer.allocUnsafe(CHUNK_BYTES);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, chunk, 0, CHUNK_BYTES, null); n > 0; n = readSync(fd, chunk, 0, CHUNK_BYTES, null)) h.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h;
}

/** Hash of every file below `dir` (names relative to it, sorted), optionally filtered. */
export function hashTree(dir: string, accept: (rel: string) => boolean = () => true): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p).replace(/\\/g, '/');
      if (statSync(p).isDirectory()) walk(p);
      else if (accept(rel)) updateWithFile(h.update(rel).update('\0'), p).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}
