/** Content hashes for stage caching: sha256 over files, folders and JSON values. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
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
      else if (accept(rel)) h.update(rel).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}
