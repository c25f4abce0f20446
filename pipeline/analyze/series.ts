/** Points for the fits: x = fractional year, y = log10 of a positive quantity, with ids. */
import type { AnalysisTable } from './table.ts';

export interface Series {
  ids: string[];
  names: string[];
  x: Float64Array;
  y: Float64Array;
}

/**
 * The rows of `table` with a positive, finite `values[i]` (and `keep(i)`, when given), as
 * x = year, y = log10 value. Ids and names are read from the table only when asked for.
 */
export function seriesOf(table: AnalysisTable, values: Float64Array, keep: (i: number) => boolean = () => true): Series {
  const idx = pick(values.length, (i) => values[i] > 0 && values[i] < Infinity && keep(i));
  return new SubsetSeries(table, idx, gather(idx, table.year), gather(idx, values, Math.log10));
}

export function subset(s: Series, keep: (i: number) => boolean): Series {
  const idx = pick(s.x.length, keep);
  return new SubsetSeries(s, idx, gather(idx, s.x), gather(idx, s.y));
}

/** Indexes below n for which keep holds, in order. */
function pick(n: number, keep: (i: number) => boolean): Int32Array {
  const picked: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) picked.push(i);
  return Int32Array.from(picked);
}

/** from[idx[k]] (through map, when given) for each k. */
function gather(idx: Int32Array, from: Float64Array, map?: (v: number) => number): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = map ? map(from[idx[k]]) : from[idx[k]];
  return out;
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
    private readonly parent: { readonly ids: readonly string[]; readonly names: readonly string[] },
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
