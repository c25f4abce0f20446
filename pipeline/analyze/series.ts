/** Points for the fits: x = fractional year, y = log10 of a positive quantity, with ids. */
import type { FlopMethod, ProcessedRecord } from '../schema/records.ts';

export interface Series {
  ids: string[];
  names: string[];
  x: Float64Array;
  y: Float64Array;
}

export function seriesOf(records: readonly ProcessedRecord[], value: (r: ProcessedRecord) => number | null): Series {
  const kept = records.filter((r) => {
    const v = value(r);
    return v !== null && v > 0 && Number.isFinite(v);
  });
  return {
    ids: kept.map((r) => r.id),
    names: kept.map((r) => r.name),
    x: Float64Array.from(kept, (r) => r.year),
    y: Float64Array.from(kept, (r) => Math.log10(value(r)!)),
  };
}

export const flopOf = (methods?: readonly FlopMethod[]) => (r: ProcessedRecord) =>
  r.flop !== null && (!methods || methods.includes(r.flop.method)) ? r.flop.flop : null;

export function subset(s: Series, keep: (i: number) => boolean): Series {
  const idx: number[] = [];
  for (let i = 0; i < s.x.length; i++) if (keep(i)) idx.push(i);
  return {
    ids: idx.map((i) => s.ids[i]),
    names: idx.map((i) => s.names[i]),
    x: Float64Array.from(idx, (i) => s.x[i]),
    y: Float64Array.from(idx, (i) => s.y[i]),
  };
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
