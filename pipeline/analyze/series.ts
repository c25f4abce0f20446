/** Points for the fits: x = fractional year, y = log10 of a positive quantity, with ids. */
import type { FlopMethod, ProcessedRecord } from '../schema/records.ts';

export interface Series {
  ids: string[];
  names: string[];
  x: Float64Array;
  y: Float64Array;
}

export function seriesOf(records: readonly ProcessedRecord[], value: (r: ProcessedRecord) => number | null): Series {
  // One pass, one value() call per record: this runs a dozen times per analyze over every record.
  const ids: string[] = [];
  const names: string[] = [];
  const x: number[] = [];
  const y: number[] = [];
  for (const r of records) {
    const v = value(r);
    if (v === null || !(v > 0) || !Number.isFinite(v)) continue;
    ids.push(r.id);
    names.push(r.name);
    x.push(r.year);
    y.push(Math.log10(v));
  }
  return { ids, names, x: Float64Array.from(x), y: Float64Array.from(y) };
}

export const flopOf = (methods?: readonly FlopMethod[]) => (r: ProcessedRecord) =>
  r.flop !== null && (!methods || methods.includes(r.flop.method)) ? r.flop.flop : null;

export function subset(s: Series, keep: (i: number) => boolean): Series {
  const picked: number[] = [];
  for (let i = 0; i < s.x.length; i++) if (keep(i)) picked.push(i);
  const idx = Int32Array.from(picked);
  const x = new Float64Array(idx.length);
  const y = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    x[k] = s.x[idx[k]];
    y[k] = s.y[idx[k]];
  }
  return new SubsetSeries(s, idx, x, y);
}

/**
 * A subset whose ids and names are copied from its parent only when first read: most subsets are
 * only fitted (x and y), and copying two arrays of strings for each of the ~40 subsets of an
 * analyze made a million-record run spend its time collecting them (bench/scale.bench.ts).
 */
class SubsetSeries implements Series {
  #ids: string[] | undefined;
  #names: string[] | undefined;
  constructor(
    private readonly parent: Series,
    private readonly idx: Int32Array,
    readonly x: Float64Array,
    readonly y: Float64Array,
  ) {}

  get ids(): string[] {
    return (this.#ids ??= Array.from(this.idx, (i) => this.parent.ids[i]));
  }

  get names(): string[] {
    return (this.#names ??= Array.from(this.idx, (i) => this.parent.names[i]));
  }
}

/** Smallest and largest x of a series. */
export function xRange(s: Series): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of s.x) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return [lo, hi];
}
