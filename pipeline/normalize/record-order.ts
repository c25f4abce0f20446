/**
 * The one order of records everywhere: by date (the fractional year), then id, ties kept in input
 * order. compareRecords states it; sortRecords and dateIdOrder compute the same order from keys.
 *
 * Why keys: sorting a million records with compareRecords costs ~20 million comparator calls,
 * each reading two records scattered over a heap of gigabytes: ~1.5 s, mostly waiting on memory. Here each
 * record is read once, in input order; the distinct years are sorted and the records counted into
 * them; ids are compared only within a year, first by a number made of their first characters.
 *
 * The working arrays are ordinary arrays, not typed ones (ARCHITECTURE.md, "Engine notes").
 */
import type { NormalizedRecord } from '../schema/records.ts';

/**
 * By date, then id. Written with comparisons, not `a.year - b.year || …` (the same order: equal
 * or unordered years, NaN included, fall through to the ids either way), so that it returns small
 * integers (ARCHITECTURE.md, "Engine notes").
 */
export function compareRecords(a: NormalizedRecord, b: NormalizedRecord): number {
  const x = a.year;
  const y = b.year;
  if (x < y) return -1;
  if (x > y) return 1;
  return a.id < b.id ? -1 : a.id === b.id ? 0 : 1;
}

/**
 * Indices of items in their one order: by year, then id (compareRecords, computed from the keys by
 * dateIdOrder; a comparator sort only if a year is NaN, which normalize rejects).
 */
export function recordOrder(year: ArrayLike<number>, ids: readonly string[]): Uint32Array {
  const order = dateIdOrder(year, ids);
  if (order !== null) return Uint32Array.from(order);
  const compare = (a: number, b: number) => (year[a] < year[b] ? -1 : year[a] > year[b] ? 1 : ids[a] < ids[b] ? -1 : ids[a] === ids[b] ? 0 : 1);
  return Uint32Array.from({ length: ids.length }, (_, i) => i).sort(compare);
}

/**
 * `[...records].sort(compareRecords)`, element for element. Falls back to exactly that when a year
 * is not a number or is NaN, or an id is not a string: compareRecords is then no consistent order,
 * and what a sort makes of it depends on the sort's own sequence of comparisons.
 */
export function sortRecords(records: readonly NormalizedRecord[]): NormalizedRecord[] {
  const n = records.length;
  const year = new Array<number>(n);
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const r = records[i];
    if (typeof r.year !== 'number' || typeof r.id !== 'string') return [...records].sort(compareRecords);
    year[i] = r.year;
    ids[i] = r.id;
  }
  const order = dateIdOrder(year, ids);
  if (order === null) return [...records].sort(compareRecords);
  const sorted = new Array<NormalizedRecord>(n);
  for (let k = 0; k < n; k++) sorted[k] = records[order[k]];
  return sorted;
}

/**
 * The stable permutation that orders items by year (numerically: -0 and 0 are equal) and then by
 * id (`<` on strings), as a stable sort by compareRecords' rule does; null when a year is NaN.
 */
export function dateIdOrder(year: ArrayLike<number>, ids: readonly string[]): number[] | null {
  const n = year.length;
  // Each distinct year, numbered in order of first appearance (a Map treats -0 and 0 as one key).
  const groupOf = new Map<number, number>();
  const distinct: number[] = [];
  const group = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const y = year[i];
    if (y !== y) return null; // NaN
    let g = groupOf.get(y);
    if (g === undefined) {
      g = distinct.length;
      groupOf.set(y, g);
      distinct.push(y);
    }
    group[i] = g;
  }
  // Where each year's run starts in the order, years ascending; then a counting sort into the runs,
  // which keeps input order within a run.
  const ascending = distinct.map((_, g) => g).sort((a, b) => distinct[a] - distinct[b]);
  const runStart = new Array<number>(distinct.length + 1).fill(0);
  const rank = new Array<number>(distinct.length);
  for (let r = 0; r < ascending.length; r++) rank[ascending[r]] = r;
  for (let i = 0; i < n; i++) runStart[rank[group[i]] + 1]++;
  for (let r = 0; r < distinct.length; r++) runStart[r + 1] += runStart[r];
  const next = runStart.slice(0, distinct.length);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[next[rank[group[i]]]++] = i;

  // The first characters of each id as a number, read in input order: the ids of a run are
  // compared by these, and the strings (scattered over the heap) read only on a tie.
  const prefix = new Array<number>(n);
  for (let i = 0; i < n; i++) prefix[i] = idPrefix(ids[i]);
  for (let r = 0; r < distinct.length; r++) {
    if (runStart[r + 1] - runStart[r] > 1) sortRunById(order, runStart[r], runStart[r + 1], ids, prefix);
  }
  return order;
}

const PREFIX_LENGTH = 6;

/**
 * An id's first six UTF-16 code units as a base-257 number: code + 1 for codes below 255, then 0
 * past the end. A code of 255 or more is digit 256 and ends the prefix (digits 0 after it), since
 * what follows it says nothing once such codes are lumped together. Two ids whose prefixes differ
 * compare as the prefixes do (a shorter id is smaller, as with `<`; a code of 255 or more is above
 * every smaller one); equal prefixes decide nothing. 257^6 < 2^53: every prefix is an exact double.
 */
function idPrefix(id: string): number {
  let key = 0;
  let i = 0;
  for (; i < PREFIX_LENGTH && i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (code >= 255) {
      key = key * 257 + 256;
      i++;
      break;
    }
    key = key * 257 + code + 1;
  }
  for (; i < PREFIX_LENGTH; i++) key *= 257;
  return key;
}

/** Item a's id comes after item b's (strictly), by prefix and, on equal prefixes, by the strings. */
function idAfter(ids: readonly string[], prefix: readonly number[], a: number, b: number): boolean {
  const pa = prefix[a];
  const pb = prefix[b];
  return pa !== pb ? pa > pb : ids[a] > ids[b];
}

/**
 * Orders order[start .. end) by id, keeping equal ids in place: binary insertion sort (few
 * comparisons; moves within a short run are cheap), or Array.prototype.sort, which is stable, for
 * a long run (all records dated `2017`, say).
 */
function sortRunById(order: number[], start: number, end: number, ids: readonly string[], prefix: readonly number[]): void {
  if (end - start > 256) {
    const run = order.slice(start, end).sort((a, b) => (idAfter(ids, prefix, a, b) ? 1 : idAfter(ids, prefix, b, a) ? -1 : 0));
    for (let k = start; k < end; k++) order[k] = run[k - start];
    return;
  }
  for (let k = start + 1; k < end; k++) {
    const item = order[k];
    if (!idAfter(ids, prefix, order[k - 1], item)) continue;
    // The first of order[start .. k) after item: past every equal one, which keeps the sort stable.
    let lo = start;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (idAfter(ids, prefix, order[mid], item)) hi = mid;
      else lo = mid + 1;
    }
    for (let j = k; j > lo; j--) order[j] = order[j - 1];
    order[lo] = item;
  }
}
