/**
 * A raw file as a stage's artifact refers to it: where it is, how it is named, the sha256 of the
 * bytes that were validated and how many rows they held. A later stage reads the file again
 * through readSource or openSource, which give those bytes or fail, so records are re-read rather
 * than held (ARCHITECTURE.md, "One road").
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import type { ReadAt } from './csv-reader.ts';
import { sha256 } from './hash.ts';
import { openDataFile, readDataChunk, readDataFile } from './safe-read.ts';

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
  if (bytes === null || sha256(bytes) !== file.sha256) throw changed(file);
  return bytes;
}

function changed(file: SourceFile): PipelineError {
  return new PipelineError(messages.rawFileChanged(file.name), [{ file: file.name, message: messages.rawFileChanged(file.name) }]);
}

/** Bytes hashed or checked at a time: one buffer, used again, small enough to stay in the CPU's cache. */
const CHUNK_BYTES = 1 << 20;

/**
 * A data file open for reading a chunk at a time (csv-reader.ts, openCsvStream), hashing what it
 * reads in order: a pass over a large file never holds it whole. Opened and read as readDataFile
 * reads (pipeline/io/safe-read.ts): only a regular file, opened non-blocking and checked on its
 * descriptor, at most DATA_MAX_BYTES (also as it is read: a file growing past it is refused), a
 * system error a located problem with exit code 3.
 */
export class FileBytes {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private hashed = 0;
  private digested = false;
  readonly opened: Stats;

  constructor(path: string, private readonly display: string) {
    const { fd, stats } = openDataFile(path, display);
    this.fd = fd;
    this.opened = stats;
  }

  /** Reads as fs.readSync; bytes read in order from the start are hashed, once, until sha256() is called. */
  readonly readAt: ReadAt = (into, offset, length, position) => {
    const n = readDataChunk(this.fd, this.display, into, offset, length, position);
    if (position === this.hashed && n > 0 && !this.digested) {
      this.hash.update(into.subarray(offset, offset + n));
      this.hashed += n;
    }
    return n;
  };

  /** The sha256 of the whole file: of what was read and of the rest, read now. */
  sha256(): string {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    while (this.readAt(chunk, 0, CHUNK_BYTES, this.hashed) > 0);
    this.digested = true;
    return this.hash.digest('hex');
  }

  /** The bytes hashed: the file's size when sha256() was called. */
  get size(): number {
    return this.hashed;
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
 * sha256 before any is handed out, never more of them than were checked, and `done` fails if the
 * file was written to during the pass. A file changed since ingest — or gone, or no longer a
 * regular file (a FIFO, a device, a link to one, never opened) — is an error naming it as changed;
 * a system error is the environment's (exit code 3), as readSource says. A pass that fails calls
 * `done` before passing its error on, so a file changed under it is reported as changed.
 */
export function openSource(file: SourceFile): { readAt: ReadAt; done(): void; close(): void } {
  let bytes: FileBytes;
  try {
    bytes = new FileBytes(file.path, file.name);
  } catch (err) {
    throw asChanged(err, file);
  }
  try {
    if (bytes.sha256() !== file.sha256) throw changed(file);
  } catch (err) {
    bytes.close();
    throw asChanged(err, file);
  }
  const size = bytes.size;
  return {
    readAt: (into, offset, length, position) => (position >= size ? 0 : bytes.readAt(into, offset, Math.min(length, size - position), position)),
    done() {
      if (bytes.changedSinceOpened()) throw changed(file);
    },
    close: () => bytes.close(),
  };
}

/** A data file's problem of exit code 1 (gone, not a regular file, too large) as "changed"; any other error as it is. */
function asChanged(err: unknown, file: SourceFile): unknown {
  return err instanceof PipelineError && err.exitCode === 1 ? changed(file) : err;
}

/**
 * Records per batch when a stage passes over a file's records. Small, so that a batch's raw,
 * normalized and processed records (~3 KB a row) die in the young generation: at 1e6 records,
 * batches of 50,000 spent 19 s in scavenges copying the batch in flight, 5,000 spent 11 s and
 * 1,000 spent 2.3 s (bench/scale.bench.ts; 300 was no better).
 */
export const BATCH_ROWS = 1000;

/**
 * One batch at a time from a generator that keeps none once handed out: `put` the batch (false
 * when there is none), then `yield handoff.take()`. A generator's suspended frame keeps its
 * variables, so `const rows = …; yield rows` held each batch until the next was made, while the
 * consumer worked on it and on what it made of it: every scavenge then copied two batches in
 * flight instead of one. At 1e6 records, bytes the scavenges copied (`--trace-gc-nvp`: survived in
 * the young generation) in the impute stage alone, 1,217 MB before against 536 MB handing off
 * the raw rows, their normalized records and the imputed batch; in normalize, 375 MB against 346 MB.
 */
export class Handoff<T> {
  #held: T | null = null;

  put(batch: T | null): boolean {
    this.#held = batch;
    return batch !== null;
  }

  take(): T {
    const batch = this.#held;
    if (batch === null) throw new Error('Handoff: nothing to take');
    this.#held = null;
    return batch;
  }
}
