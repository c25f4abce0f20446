/**
 * The lines of a CSV table written in batches (the impute stage's pass, pipeline/stages/impute.ts), kept as the UTF-8
 * bytes csvLines made of each batch, and put together at the end in any order: a million lines
 * are then a few dozen buffers outside the JavaScript heap, not a million strings in it.
 */
import { LazyPieces, LINES_PER_PIECE } from './csv-writer.ts';

export class LineStore {
  private readonly batches: Buffer[] = [];
  /** Per line: its batch, and where in that batch's bytes it starts and ends. */
  private batchOf = new Uint16Array(1024);
  private starts = new Uint32Array(1024);
  private ends = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a batch of lines as csvLines returns them; returns the index of its first line. */
  add(lines: { bytes: Buffer; ends: Uint32Array }): number {
    const first = this.count;
    const n = lines.ends.length;
    if (this.batches.length === 0xffff) throw new Error('LineStore: too many batches');
    this.grow(first + n);
    const b = this.batches.push(lines.bytes) - 1;
    for (let i = 0; i < n; i++) {
      this.batchOf[first + i] = b;
      this.starts[first + i] = i === 0 ? 0 : lines.ends[i - 1];
      this.ends[first + i] = lines.ends[i];
    }
    this.count += n;
    return first;
  }

  /**
   * The header line and then the lines at `order` (indices from add), as pieces of at most
   * LINES_PER_PIECE lines each, made when iterated: the FileText of the whole table, never held
   * whole beside the lines (at 1e6 records models.csv is ~375 MB: twice that while both were held).
   * Every piece is made in the same buffer: each is valid until the next is asked for.
   */
  pieces(header: string, order: ArrayLike<number>): LazyPieces {
    return new LazyPieces(() => this.piecesInOrder(header, order));
  }

  private *piecesInOrder(header: string, order: ArrayLike<number>): Generator<Buffer> {
    yield Buffer.from(`${header}\n`);
    // One buffer for every piece (LazyPieces: a piece is the consumer's only until it asks for the next).
    let buffer = Buffer.allocUnsafe(0);
    for (let from = 0; from < order.length; from += LINES_PER_PIECE) {
      const to = Math.min(order.length, from + LINES_PER_PIECE);
      let size = 0;
      for (let k = from; k < to; k++) size += this.ends[order[k]] - this.starts[order[k]];
      if (size > buffer.length) buffer = Buffer.allocUnsafe(Math.max(size, 2 * buffer.length));
      yield this.piece(order, from, to, buffer.subarray(0, size));
    }
  }

  /** The lines at order[from .. to), one after another, into `piece`. */
  private piece(order: ArrayLike<number>, from: number, to: number, piece: Buffer): Buffer {
    let at = 0;
    for (let k = from; k < to; k++) {
      const j = order[k];
      at += this.batches[this.batchOf[j]].copy(piece, at, this.starts[j], this.ends[j]);
    }
    return piece;
  }

  private grow(n: number): void {
    if (n <= this.starts.length) return;
    let size = this.starts.length;
    while (size < n) size *= 2;
    const copy = <T extends Uint16Array | Uint32Array>(from: T, to: T): T => (to.set(from), to);
    this.batchOf = copy(this.batchOf, new Uint16Array(size));
    this.starts = copy(this.starts, new Uint32Array(size));
    this.ends = copy(this.ends, new Uint32Array(size));
  }
}
