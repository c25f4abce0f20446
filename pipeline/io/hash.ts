/** Content hashes for stage caching: sha256 over files, folders and JSON values. */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Hash of every regular file below `dir` (names relative to it, sorted), optionally filtered.
 * Only regular files are read, directly or through a symbolic link: a FIFO, a device or a socket
 * (a link to /dev/zero) is never opened, and a linked folder is not followed (no loop), so hashing
 * a folder always ends. `accept` also sees each folder, as `rel/`, and a folder it rejects is
 * skipped whole.
 */
/** Whether a symbolic link leads to a regular file (not a loop, a device or nothing). */
function linkedFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

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
      }
      else if (st.isFile() || (st.isSymbolicLink() && linkedFile(p))) {
        if (accept(rel)) h.update(rel).update('\0').update(readFileSync(p)).update('\0');
      }
    }
  };
  walk(dir);
  return h.digest('hex');
}
