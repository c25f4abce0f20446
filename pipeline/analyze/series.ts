/** Points for the fits: x = fractional year, y = log10 of a positive quantity, with ids. */
import { borrowInt32 } from './stats/scratch.ts';
import type { AnalysisTable } from './table.ts';

export interface Series {
  ids: string[];
  names: string[];
  x: Float64Array;
  y: Float64Array;
}

/** Where a subset's ids and names come from: the table, or a plain series. */
export interface Source {
  readonly ids: readonly string[];
  readonly names: readonly string[];
}

/**
 * The rows of `table` with a positive, finite `values[i]` (and `keep(i)`, or among the increasing
 * rows `keep`, when given), as x = year, y = log10 value. Ids and names are read from the table
 * only when asked for.
 */
export function seriesOf(table: AnalysisTable, values: Float64Array, keep?: ((i: number) => boolean) | Int32Array): Series {
  const rows = keep instanceof Int32Array ? positiveAmong(values, keep) : collectIndexes(values.length, (idx) => positiveRows(values, keep, idx));
  // The compute column is cut some twenty times: its logarithms are taken once (log10Flop).
  const y = values === table.flop ? gather(rows, log10Flop(table)) : log10At(values, rows);
  return new SubsetSeries(table, rows, gather(rows, table.year), y);
}

/** log10 of values[rows[k]] for each k. */
function log10At(values: Float64Array, rows: Int32Array): Float64Array {
  const y = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) y[k] = Math.log10(values[rows[k]]);
  return y;
}

const log10Flops = new WeakMap<AnalysisTable, Float64Array>();

/**
 * log10 of each positive, finite compute value of the table (NaN elsewhere), computed once per
 * table: analyze cuts some twenty series from the compute column, and the logarithm of every
 * point, again for each cut, cost more than the cuts. The table's columns are never written after
 * it is built.
 */
function log10Flop(table: AnalysisTable): Float64Array {
  let logs = log10Flops.get(table);
  if (logs === undefined) {
    const flop = table.flop;
    logs = new Float64Array(flop.length).fill(NaN);
    for (let i = 0; i < flop.length; i++) if (flop[i] > 0 && flop[i] < Infinity) logs[i] = Math.log10(flop[i]);
    log10Flops.set(table, logs);
  }
  return logs;
}

export function subset(s: Series, keep: (i: number) => boolean): Series {
  return subsetAt(s, pick(s.x.length, keep));
}

/** The points of `s` at the given indexes (increasing), as a subset. */
export function subsetAt(s: Series, idx: Int32Array): Series {
  const x = gather(idx, s.x);
  const y = gather(idx, s.y);
  // A subset of a subset reads its ids from the same source, through rows composed when first needed.
  return s instanceof SubsetSeries ? new SubsetSeries(s.source, { parent: s, idx }, x, y) : new SubsetSeries(s, idx, x, y);
}

/**
 * The points of `s` at a (small) set of indexes, those that pass `keep` when given, in series
 * order: a subset without a pass over every point of a large series.
 */
export function subsetIn(s: Series, indexes: ReadonlySet<number>, keep?: (i: number) => boolean): Series {
  const picked = keep === undefined ? [...indexes] : [...indexes].filter(keep);
  return subsetAt(s, Int32Array.from(picked).sort());
}

/** Indexes below n for which keep holds, in order. */
export function pick(n: number, keep: (i: number) => boolean): Int32Array {
  return collectIndexes(n, (idx) => {
    let m = 0;
    for (let i = 0; i < n; i++) if (keep(i)) idx[m++] = i;
    return m;
  });
}

/** Writes the rows with a positive, finite value (and keep, when given) into idx; returns how many. */
export function positiveRows(values: ArrayLike<number>, keep: ((i: number) => boolean) | undefined, idx: Int32Array): number {
  const n = values.length;
  let m = 0;
  // Two loops rather than a default `keep` that is called a million times for nothing.
  if (keep === undefined) {
    for (let i = 0; i < n; i++) if (values[i] > 0 && values[i] < Infinity) idx[m++] = i;
  } else {
    for (let i = 0; i < n; i++) if (values[i] > 0 && values[i] < Infinity && keep(i)) idx[m++] = i;
  }
  return m;
}

/** The rows among `rows` with a positive, finite value. */
function positiveAmong(values: Float64Array, rows: Int32Array): Int32Array {
  return collectIndexes(rows.length, (idx) => {
    let m = 0;
    for (let k = 0; k < rows.length; k++) if (values[rows[k]] > 0 && values[rows[k]] < Infinity) idx[m++] = rows[k];
    return m;
  });
}

let collecting = 0;

/**
 * Indexes written by `fill` (into an array of n; it returns how many it wrote), copied out. They
 * are collected in a scratch buffer (stats/scratch.ts): growing a number[] to a million entries
 * cost more than the tests themselves, and a fresh n-row array per cut added to the typed-array
 * memory that sets off full collections. A cut made inside `fill` gets an array of its own.
 */
export function collectIndexes(n: number, fill: (idx: Int32Array) => number): Int32Array {
  const idx = collecting > 0 ? new Int32Array(n) : borrowInt32('series.indexes', n);
  collecting++;
  try {
    return idx.slice(0, fill(idx));
  } finally {
    collecting--;
  }
}

/** from[idx[k]] for each k. */
export function gather(idx: Int32Array, from: ArrayLike<number>): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = from[idx[k]];
  return out;
}

/** The id of point i, without copying the series' ids (see SubsetSeries). */
export function idAt(s: Series, i: number): string {
  return s instanceof SubsetSeries ? s.source.ids[s.rows[i]] : s.ids[i];
}

/** The name of point i, without copying the series' names. */
export function nameAt(s: Series, i: number): string {
  return s instanceof SubsetSeries ? s.source.names[s.rows[i]] : s.names[i];
}

/**
 * The source row of each point of `s` when it was cut from `source` (seriesOf, subset), else
 * null: what lets a per-row lookup on the table serve every series cut from it (IdFlags).
 */
export function rowsIn(s: Series, source: Source): Int32Array | null {
  return s instanceof SubsetSeries && s.source === source ? s.rows : null;
}

/**
 * A subset whose ids and names are copied from its source only when first read: most subsets are
 * only fitted (x and y), and copying two arrays of strings for each of the ~40 subsets of an
 * analyze made a million-record run spend its time collecting them (bench/scale.bench.ts). Its
 * source rows, too, are composed from its parent's only when asked for.
 */
class SubsetSeries implements Series {
  #rows: Int32Array | undefined;
  #cut: { parent: SubsetSeries; idx: Int32Array } | undefined;
  #ids: string[] | undefined;
  #names: string[] | undefined;
  constructor(
    readonly source: Source,
    rows: Int32Array | { parent: SubsetSeries; idx: Int32Array },
    readonly x: Float64Array,
    readonly y: Float64Array,
  ) {
    if (rows instanceof Int32Array) this.#rows = rows;
    else this.#cut = rows;
  }

  /** The source row of each point. */
  get rows(): Int32Array {
    if (this.#rows === undefined) {
      const { parent, idx } = this.#cut!;
      const from = parent.rows;
      const rows = new Int32Array(idx.length);
      for (let k = 0; k < idx.length; k++) rows[k] = from[idx[k]];
      this.#rows = rows;
      this.#cut = undefined;
    }
    return this.#rows;
  }

  get ids(): string[] {
    return (this.#ids ??= copyAt(this.source.ids, this.rows));
  }

  get names(): string[] {
    return (this.#names ??= copyAt(this.source.names, this.rows));
  }
}

function copyAt(from: readonly string[], rows: Int32Array): string[] {
  const out = new Array<string>(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = from[rows[k]];
  return out;
}

/** Smallest and largest x of a series. */
export function xRange(s: Series): [number, number] {
  const x = s.x;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
  }
  return [lo, hi];
}

/** True when a and b have the same points (x and y, bit for bit): whatever is fitted to one fits the other. */
export function samePoints(a: Series, b: Series): boolean {
  if (a === b) return true;
  if (a.x.length !== b.x.length) return false;
  for (let i = 0; i < a.x.length; i++) if (!Object.is(a.x[i], b.x[i]) || !Object.is(a.y[i], b.y[i])) return false;
  return true;
}
