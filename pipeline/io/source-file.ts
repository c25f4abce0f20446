/**
 * A raw file as a stage's artifact refers to it: where it is, how it is named, the sha256 of the
 * bytes that were validated and how many rows they held. A later stage reads the file again
 * through readSource or openSource, which give those bytes or fail, so records are re-read rather
 * than held (ARCHITECTURE.md, "One road").
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import type { ReadAt } from './csv-reader.ts';
import { sha256 } from './hash.ts';

export interface SourceFile {
  /** Absolute path: a cached artifact is read again from any working directory. */
  path: string;
  /** The file as problems and outputs name it (pipeline/io/display-path.ts). */
  name: string;
  sha256: string;
  /** Records (rows after the header) the file held when it was validated. */
  rows: number;
}

export function sourceFile(path: string, name: string, bytes: Uint8Array | string, rows: number): SourceFile {
  return { path: resolve(path), name, sha256: typeof bytes === 'string' ? bytes : sha256(bytes), rows };
}

/** The file's bytes, as they were validated; a file changed since is an error naming it. */
export function readSource(file: SourceFile): Buffer {
  let bytes: Buffer | null = null;
  try {
    bytes = readFileSync(file.path);
  } catch {
    // Gone: reported below as changed.
  }
  if (bytes === null || sha256(bytes) !== file.sha256) throw changed(file);
  return bytes;
}

function changed(file: SourceFile): PipelineError {
  return new PipelineError(messages.rawFileChanged(file.name), [{ file: file.name, message: messages.rawFileChanged(file.name) }]);
}

/** Bytes hashed or checked at a time: one buffer, used again, small enough to stay in the CPU's cache. */
const CHUNK_BYTES = 1 << 20;

/**
 * A file open for reading a chunk at a time (csv-reader.ts, openCsvStream), hashing what it reads
 * in order: a pass over a large file never holds it whole.
 */
export class FileBytes {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private hashed = 0;
  readonly opened: Stats;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.opened = fstatSync(this.fd);
  }

  /** Reads as fs.readSync; bytes read in order from the start are hashed, once. */
  readonly readAt: ReadAt = (into, offset, length, position) => {
    const n = readSync(this.fd, into, offset, length, position);
    if (position === this.hashed && n > 0) {
      this.hash.update(into.subarray(offset, offset + n));
      this.hashed += n;
    }
    return n;
  };

  /** The sha256 of the whole file: of what was read and of the rest, read now. */
  sha256(): string {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    while (this.readAt(chunk, 0, CHUNK_BYTES, this.hashed) > 0);
    return this.hash.digest('hex');
  }

  /** Whether the file was written to since it was opened (size or modification times). */
  changedSinceOpened(): boolean {
    const now = fstatSync(this.fd);
    return now.size !== this.opened.size || now.mtimeMs !== this.opened.mtimeMs || now.ctimeMs !== this.opened.ctimeMs;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * The file's bytes as they were validated, for a pass a chunk at a time: checked against their
 * sha256 before any is handed out, and `done` fails if the file was written to during the pass.
 * A file changed since ingest is an error naming it.
 */
export function openSource(file: SourceFile): { readAt: ReadAt; done(): void; close(): void } {
  let bytes: FileBytes;
  try {
    bytes = new FileBytes(file.path);
  } catch {
    throw changed(file);
  }
  try {
    if (bytes.sha256() !== file.sha256) throw changed(file);
  } catch (err) {
    bytes.close();
    throw err;
  }
  return {
    readAt: bytes.readAt,
    done() {
      if (bytes.changedSinceOpened()) throw changed(file);
    },
    close: () => bytes.close(),
  };
}

/**
 * Records per batch when a stage passes over a file's records. Small, so that a batch's raw,
 * normalized and processed records (~3 KB a row) die in the young generation: at 1e6 records,
 * batches of 50,000 spent 19 s in scavenges copying the batch in flight, 5,000 spent 11 s and
 * 1,000 spent 2.3 s (bench/scale.bench.ts; 300 was no better).
 */
export const BATCH_ROWS = 1000;
