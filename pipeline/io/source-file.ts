/**
 * A raw file as a stage's artifact refers to it: where it is, how it is named, the sha256 of the
 * bytes that were validated and how many rows they held. A later stage reads the file again
 * through readSource, which gives those bytes or fails, so records are re-read rather than held
 * (ARCHITECTURE.md, "One road").
 */
import { resolve } from 'node:path';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import { sha256 } from './hash.ts';
import { readDataFile } from './safe-read.ts';

export interface SourceFile {
  /** Absolute path: a cached artifact is read again from any working directory. */
  path: string;
  /** The file as problems and outputs name it (pipeline/io/display-path.ts). */
  name: string;
  sha256: string;
  /** Records (rows after the header) the file held when it was validated. */
  rows: number;
}

export function sourceFile(path: string, name: string, bytes: Uint8Array, rows: number): SourceFile {
  return { path: resolve(path), name, sha256: sha256(bytes), rows };
}

/**
 * The file's bytes, as they were validated; a file changed since is an error naming it. Read as
 * ingest read it (pipeline/io/safe-read.ts): a file replaced since by a FIFO, a device or a link to
 * one is never opened, and is reported as changed.
 */
export function readSource(file: SourceFile): Buffer {
  let bytes: Buffer | null = null;
  try {
    bytes = readDataFile(file.path, file.name);
  } catch (err) {
    // Gone, or no longer a regular file: reported below as changed. A system error is the environment's.
    if (!(err instanceof PipelineError)) throw err;
    if (err.exitCode !== 1) throw err;
  }
  if (bytes === null || sha256(bytes) !== file.sha256) throw new PipelineError(messages.rawFileChanged(file.name), [{ file: file.name, message: messages.rawFileChanged(file.name) }]);
  return bytes;
}

/**
 * Records per batch when a stage passes over a file's records. Small, so that a batch's raw,
 * normalized and processed records (~3 KB a row) die in the young generation: at 1e6 records,
 * batches of 50,000 spent 19 s in scavenges copying the batch in flight, 5,000 spent 11 s and
 * 1,000 spent 2.3 s (bench/scale.bench.ts; 300 was no better).
 */
export const BATCH_ROWS = 1000;
