/**
 * `npm run bench -- replacements`: the hand-written replacements of what the language or a
 * library would do, against the plain way, on 1e6 items shaped like the pipeline's (ids
 * `sys-<n>`, fractional years with many ties, models.csv-sized lines):
 * - the duplicate tables (pipeline/ingest/first-lines.ts FirstLines, SystemLines) against a Map;
 * - the keyed sort of the records' order (pipeline/normalize/record-order.ts dateIdOrder) against
 *   Array.prototype.sort with compareRecords on records scattered over the heap;
 * - the line store (pipeline/io/line-store.ts) against an array of line strings, reordered and
 *   joined, for the lines of models.csv.
 * CPU time, best of three runs in this process after a warm-up; N items (BENCH_ITEMS to change).
 * Prints figures.
 */
import { FirstLines, SystemLines } from '../pipeline/ingest/first-lines.ts';
import { identityKey } from '../pipeline/values/identity.ts';
import { csvLines, type CsvCell } from '../pipeline/io/csv-writer.ts';
import { LineStore } from '../pipeline/io/line-store.ts';
import { compareRecords, dateIdOrder } from '../pipeline/normalize/record-order.ts';
import { createRng } from '../pipeline/analyze/stats/index.ts';
import type { NormalizedRecord } from '../pipeline/schema/records.ts';

const N = Number(process.env.BENCH_ITEMS ?? 1e6);

/** The least CPU time (user + system, ms) of three runs after a warm-up: steadier than wall time on a shared machine. */
function best(fn: () => unknown): number {
  fn();
  let min = Infinity;
  for (let k = 0; k < 3; k++) {
    const c = process.cpuUsage();
    fn();
    const used = process.cpuUsage(c);
    min = Math.min(min, (used.user + used.system) / 1000);
  }
  return min;
}

const line = (label: string, ms: number, note = '') => console.log(`  ${label.padEnd(50)} ${ms.toFixed(0).padStart(7)} ms CPU${note ? `   ${note}` : ''}`);

export async function run(): Promise<void> {
  const rng = createRng(20261124);
  const ids = Array.from({ length: N }, (_, i) => `sys-${i}`);
  // Shuffled, as a file in no particular order is.
  for (let i = N - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  console.log(`${N} items`);

  console.log('duplicate ids (first line of each id):');
  line('FirstLines (pipeline/ingest/first-lines.ts)', best(() => {
    const t = new FirstLines();
    for (let i = 0; i < N; i++) t.firstOrAdd(ids[i], i + 2);
  }));
  line('Map<string, number>', best(() => {
    const m = new Map<string, number>();
    for (let i = 0; i < N; i++) if (m.get(ids[i]) === undefined) m.set(ids[i], i + 2);
  }));
  console.log('duplicate systems (name as identityKey reads it, and year):');
  const names = ids.map((id) => `System ${id.slice(4)}`);
  const dates = ids.map((_, i) => `${1952 + (i % 74)}-0${1 + (i % 9)}-15`);
  line('SystemLines (pipeline/ingest/first-lines.ts)', best(() => {
    const t = new SystemLines();
    for (let i = 0; i < N; i++) t.firstOrAdd(names[i], dates[i], i + 2);
  }));
  line('Map<string, number> on `${identityKey(name)}|${year}`', best(() => {
    const m = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const key = `${identityKey(names[i])}|${dates[i].slice(0, 4)}`;
      if (m.get(key) === undefined) m.set(key, i + 2);
    }
  }));

  console.log('the records\' order (by year, then id):');
  // Monthly dates over 75 years: many ties, as real publication dates have.
  const years = Array.from({ length: N }, () => 1952 + Math.floor(rng.next() * 900) / 12);
  // Records of realistic size, so that a comparator sort reads them scattered over the heap.
  const records = years.map((year, i) => ({ year, id: ids[i], name: `System ${i}`, notes: `note ${i}`, cells: new Array(20).fill(i) }) as unknown as NormalizedRecord);
  const keyed = best(() => dateIdOrder(years, ids));
  const sorted = best(() => [...records].sort(compareRecords));
  line('dateIdOrder (pipeline/normalize/record-order.ts)', keyed);
  line('[...records].sort(compareRecords)', sorted);

  console.log('models.csv lines, written in batches, put in order, joined:');
  const row = (i: number): CsvCell[] => [ids[i], `System ${i}`, 'OpenAI', 'language', 'transformer', '2020-05-28', 'day', 2020.4044, 175e9, null, 3e11, null, null, 1, 3.14e23, 1.57e23, 6.28e23, 'reported', false, '3.14e23 FLOP as reported', '', 'Language Models are Few-Shot Learners (2020) arXiv:2005.14165', '3.14e23 FLOP', null, null, null, null, null, null, null, null, 'Language Models are Few-Shot Learners', 2020, 'arXiv:2005.14165', null, null, null, `data/raw/models.csv:${i + 2}`, `Synthetic record ${i}.`];
  const order = Array.from({ length: N }, (_, k) => (k * 7919) % N);
  const batches = 1000;
  line('LineStore (pipeline/io/line-store.ts)', best(() => {
    const store = new LineStore();
    for (let from = 0; from < N; from += batches) store.add(csvLines(Array.from({ length: Math.min(batches, N - from) }, (_, k) => row(from + k))));
    return Array.from(store.pieces('header', order), (p) => Buffer.from(p));
  }));
  line('string[] of lines, reordered, joined', best(() => {
    const lines: string[] = [];
    for (let from = 0; from < N; from += batches) {
      const { bytes, ends } = csvLines(Array.from({ length: Math.min(batches, N - from) }, (_, k) => row(from + k)));
      for (let k = 0; k < ends.length; k++) lines.push(bytes.toString('utf8', k === 0 ? 0 : ends[k - 1], ends[k]));
    }
    return ['header\n', ...order.map((i) => lines[i])].join('');
  }), 'heap: one string a line');
}
