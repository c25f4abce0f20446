/**
 * Whether a cached stage's output is still what it was: the orchestrator skips a stage only when
 * its inputs are unchanged AND its output is intact — the saved artifact's bytes hash to what was
 * recorded (a truncated or edited artifact is rebuilt, not read), and for render the published site
 * holds exactly what was published (a deleted reports/site/index.html reruns render).
 */
import { readFileSync } from 'node:fs';
import { sha256, hashTree } from './hash.ts';
import { fileKind } from './safe-read.ts';

/** Whether the artifact at `path` is a regular file whose sha256 is `hash`. */
export function artifactIntact(path: string, hash: string): boolean {
  if (fileKind(path) !== 'file') return false;
  try {
    return sha256(readFileSync(path)) === hash;
  } catch {
    return false;
  }
}

/** The content hash of a published folder (every regular file, by name), '' when it is absent. */
export function publishedHash(dir: string): string {
  return fileKind(dir) === 'directory' ? hashTree(dir) : '';
}
