/**
 * What the orchestrator hashes to decide whether a stage may be skipped (pipeline/run.ts): the
 * files a stage reads, and a folder a stage published. A stage is skipped only when its inputs are
 * unchanged AND its output is intact — its cached artifact as saved (pipeline/io/artifact-store.ts
 * artifactIntact), and for the site the published folder holding exactly what was published (a
 * deleted reports/site/index.html is published again).
 */
import { PipelineError } from '../errors.ts';
import { hashDataFile, hashTree } from './hash.ts';
import { describeKind, fileKind } from './safe-read.ts';

/**
 * The content hash of a file or folder a stage reads: a regular file's sha256 (read a chunk at a
 * time with readDataFile's checks, hash.ts hashDataFile: bounded, never a FIFO or a device, which
 * are named by their kind instead and never opened), a folder's regular files (pipeline/io/hash.ts hashTree, filtered by `accept`), or
 * "absent". A file that cannot be read hashes as the problem that keeps it from being read: the
 * stage then runs and reports that problem, located.
 */
export function inputHash(path: string, display: string, accept?: (rel: string) => boolean): string {
  const kind = fileKind(path);
  if (kind === 'absent') return 'absent';
  if (kind === 'directory') return hashTree(path, accept);
  if (kind !== 'file') return `not a regular file: ${describeKind(kind)}`;
  try {
    return hashDataFile(path, display);
  } catch (err) {
    if (!(err instanceof PipelineError)) throw err;
    return `unreadable: ${err.problems.map((p) => p.message).join('; ') || err.message}`;
  }
}

/** The content hash of a published folder (every regular file, by name), '' when it is absent. */
export function publishedHash(dir: string): string {
  return fileKind(dir) === 'directory' ? hashTree(dir) : '';
}
