/**
 * The lines of a CSV table written in batches whose final order is known before they are written
 * (the impute stage's models.csv: normalize's order gives every record its rank), kept in a
 * temporary file rather than in memory, and given back in rank order.
 *
 * Each line goes, as it is added, to the bucket of its rank (BUCKET_LINES consecutive ranks a
 * bucket), through a small buffer per bucket written to the file when full. Put in order, a bucket
 * is read back whole into one buffer and its lines copied out in rank order, a piece at a time.
 * Written once and read once, the lines never occupy the process's own memory: holding them (a
 * million models.csv lines are ~430 MB) cost more in fresh memory than writing and reading a file
 * the kernel keeps in its cache (ARCHITECTURE.md, "Engine notes").
 *
 * The file is removed from its folder as soon as it is open, so nothing is left behind, whatever
 * ends the process; its descriptor is closed when the store is collected.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LazyPieces, LINES_PER_PIECE } from './csv-writer.ts';

/** Ranks a bucket: a bucket read back is ~28 MB of 430-byte lines. A multiple of LINES_PER_PIECE. */
export const BUCKET_LINES = 16 * LINES_PER_PIECE;

/** Bytes buffered per bucket before they are written to the file. */
const STAGING_BYTES = 1 << 16;

const closing = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

export class RankedLines {
  private readonly n: number;
  private readonly fd: number;
  /** The file's length: where the next chunk is written. */
  private fileEnd = 0;
  /** Per rank: where its line starts in its bucket's bytes, and its length. */
  private readonly start: Float64Array;
  private readonly length: Uint32Array;
  /** Per bucket: its bytes so far, what waits in its buffer, and the chunks of the file that hold the rest (offset, length pairs). */
  private readonly bucketBytes: number[];
  private readonly staged: (Buffer | null)[];
  private readonly stagedBytes: number[];
  private readonly chunks: number[][];
  private added = 0;
  private flushed = false;

  /** `ranks[i]`: the rank of the i-th line added (a permutation of 0 .. ranks.length - 1). */
  constructor(private readonly ranks: ArrayLike<number>) {
    this.n = ranks.length;
    const buckets = Math.ceil(this.n / BUCKET_LINES);
    this.start = new Float64Array(this.n);
    this.length = new Uint32Array(this.n);
    this.bucketBytes = new Array<number>(buckets).fill(0);
    this.staged = new Array<Buffer | null>(buckets).fill(null);
    this.stagedBytes = new Array<number>(buckets).fill(0);
    this.chunks = Array.from({ length: buckets }, () => []);
    const dir = mkdtempSync(join(tmpdir(), 'compute-trends-lines-'));
    try {
      this.fd = openSync(join(dir, 'lines'), 'w+');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    closing.register(this, this.fd);
  }

  /** Adds a batch of lines as csvLines returns them (the bytes are copied at once: a view will do). */
  add(lines: { bytes: Uint8Array; ends: Uint32Array }): void {
    if (this.flushed) throw new Error('RankedLines: lines added after the pieces were made');
    const { bytes, ends } = lines;
    if (this.added + ends.length > this.n) throw new Error(`RankedLines: more than the ${this.n} lines announced`);
    let from = 0;
    for (let i = 0; i < ends.length; i++) {
      const to = ends[i];
      const rank = this.ranks[this.added++];
      const b = (rank / BUCKET_LINES) | 0;
      const size = to - from;
      this.start[rank] = this.bucketBytes[b];
      this.length[rank] = size;
      this.bucketBytes[b] += size;
      let staged = this.staged[b];
      if (staged === null) staged = this.staged[b] = Buffer.allocUnsafe(STAGING_BYTES);
      if (this.stagedBytes[b] + size > STAGING_BYTES) this.flush(b);
      if (size > STAGING_BYTES) this.write(b, bytes.subarray(from, to));
      else {
        staged.set(bytes.subarray(from, to), this.stagedBytes[b]);
        this.stagedBytes[b] += size;
      }
      from = to;
    }
  }

  /**
   * The header line and then every line in rank order, in pieces of at most LINES_PER_PIECE lines,
   * made when iterated; a piece is valid until the next is asked for (LazyPieces).
   */
  pieces(header: string): LazyPieces {
    return new LazyPieces(() => this.piecesInOrder(header));
  }

  private *piecesInOrder(header: string): Generator<Buffer> {
    if (this.added !== this.n) throw new Error(`RankedLines: ${this.added} of the ${this.n} lines announced`);
    if (!this.flushed) {
      for (let b = 0; b < this.staged.length; b++) this.flush(b);
      this.staged.fill(null);
      this.flushed = true;
    }
    yield Buffer.from(`${header}\n`);
    let bucket = Buffer.allocUnsafe(0);
    let piece = Buffer.allocUnsafe(0);
    for (let b = 0; b < this.chunks.length; b++) {
      if (this.bucketBytes[b] > bucket.length) bucket = Buffer.allocUnsafe(Math.max(this.bucketBytes[b], 2 * bucket.length));
      let at = 0;
      const chunks = this.chunks[b];
      for (let c = 0; c < chunks.length; c += 2) {
        for (let done = 0; done < chunks[c + 1]; ) {
          const n = readSync(this.fd, bucket, at, chunks[c + 1] - done, chunks[c] + done);
          if (n === 0) throw new Error('RankedLines: the temporary file ended early');
          done += n;
          at += n;
        }
      }
      const last = Math.min(this.n, (b + 1) * BUCKET_LINES);
      for (let from = b * BUCKET_LINES; from < last; from += LINES_PER_PIECE) {
        const to = Math.min(last, from + LINES_PER_PIECE);
        let size = 0;
        for (let r = from; r < to; r++) size += this.length[r];
        if (size > piece.length) piece = Buffer.allocUnsafe(Math.max(size, 2 * piece.length));
        let out = 0;
        for (let r = from; r < to; r++) out += bucket.copy(piece, out, this.start[r], this.start[r] + this.length[r]);
        yield piece.subarray(0, size);
      }
    }
  }

  /** Writes what waits in a bucket's buffer. */
  private flush(b: number): void {
    const staged = this.staged[b];
    if (staged === null || this.stagedBytes[b] === 0) return;
    this.write(b, staged.subarray(0, this.stagedBytes[b]));
    this.stagedBytes[b] = 0;
  }

  /** Appends bytes of bucket b to the file. */
  private write(b: number, bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at, this.fileEnd + at);
    this.chunks[b].push(this.fileEnd, bytes.length);
    this.fileEnd += bytes.length;
  }
}
