/**
 * The name a file is shown by, in error messages and in the outputs (audit.csv's origin column,
 * the provenance of the site). It must not depend on where the project or the raw folder sits on
 * this machine, or on the working directory, so that two clones produce byte-identical outputs:
 * a file inside the project is named relative to the project root (`data/raw/models.csv`), a file
 * in a raw folder elsewhere by that folder's own name (`my-records/models.csv` for
 * `--raw ~/my-records`).
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';

function inside(base: string, path: string): string | null {
  const rel = relative(base, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : rel;
}

/** Returns a function naming any path (relative to the working directory, or absolute). */
export function displayPaths(root: string, rawDir: string): (path: string) => string {
  const absRoot = resolve(root);
  const absRaw = resolve(rawDir);
  const rawParent = dirname(absRaw);
  return (path: string) => {
    const abs = resolve(path);
    const rel = inside(absRoot, abs) ?? (inside(rawParent, abs) !== null ? relative(rawParent, abs) : basename(abs));
    return rel.split(sep).join('/');
  };
}
