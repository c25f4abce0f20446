/**
 * What changed between two snapshots of a source, on the records as the pipeline sees them (after
 * the adapter), so a renamed column or a number rewritten `7e10` → `70000000000.0` is not a change.
 * Systems are matched by name + publication year, names compared as everywhere else
 * (identityKey, pipeline/values/identity.ts).
 */
import { identityKey } from '../values/identity.ts';
import type { NormalizedRecord } from '../schema/records.ts';

export interface SystemRef {
  name: string;
  year: number;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface FlopChange extends SystemRef {
  before: number;
  after: number;
  /** after / before. */
  ratio: number;
}

export interface ChangedSystem extends SystemRef {
  fields: FieldChange[];
}

export interface SnapshotDiff {
  added: SystemRef[];
  removed: SystemRef[];
  changed: ChangedSystem[];
  unchanged: number;
  /** Systems whose training compute changed by more than the threshold, both values present. */
  flopChanges: FlopChange[];
  /** How many changed systems each field changed in, by field. */
  fieldCounts: Record<string, number>;
}

/** A FLOP change larger than this fraction of the earlier value is listed. */
export const FLOP_CHANGE_THRESHOLD = 0.1;

type Value = string | number | null;

const statedFlop = (r: NormalizedRecord): number | null => (r.compute?.kind === 'flop' ? r.compute.flop : null);

/** The compared fields, in the order they are reported. */
const FIELDS: [string, (r: NormalizedRecord) => Value][] = [
  ['name', (r) => r.name],
  ['organization', (r) => r.organization],
  ['domain', (r) => r.domain],
  ['publication date', (r) => r.publicationDate],
  ['parameters', (r) => r.parameters],
  ['training compute', statedFlop],
  ['dataset size', (r) => r.datasetSize],
  ['epochs', (r) => r.epochs],
  // Unmapped accelerators are kept in notes, so a change between two unknown chips still shows.
  ['hardware', (r) => [r.hardware, r.notes].filter(Boolean).join('; ') || null],
  ['hardware quantity', (r) => r.hardwareCount],
  ['training time', (r) => r.trainingTimeHours],
  ['utilization', (r) => r.utilization],
  ['reference', (r) => r.citation.title],
  ['link', (r) => r.citation.link],
];

function same(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}

export function formatValue(v: Value): string {
  if (v === null || v === '') return '(empty)';
  if (typeof v === 'string') return v;
  return Math.abs(v) >= 1e6 ? Number(v.toPrecision(4)).toExponential() : String(Number(v.toPrecision(6)));
}

const yearOf = (r: NormalizedRecord) => Number(r.publicationDate.slice(0, 4));
const bySystem = (a: SystemRef, b: SystemRef) => a.year - b.year || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Records by match key; a key seen again in the same snapshot gets `#2`, `#3`, … in file order. */
function keyed(records: readonly NormalizedRecord[]): Map<string, NormalizedRecord> {
  const out = new Map<string, NormalizedRecord>();
  for (const r of records) {
    const base = `${identityKey(r.name)}|${yearOf(r)}`;
    let key = base;
    for (let k = 2; out.has(key); k++) key = `${base}#${k}`;
    out.set(key, r);
  }
  return out;
}

export function diffRecords(before: readonly NormalizedRecord[], after: readonly NormalizedRecord[]): SnapshotDiff {
  const old = keyed(before);
  const now = keyed(after);
  const ref = (r: NormalizedRecord): SystemRef => ({ name: r.name, year: yearOf(r) });
  const added = [...now].filter(([k]) => !old.has(k)).map(([, r]) => ref(r));
  const removed = [...old].filter(([k]) => !now.has(k)).map(([, r]) => ref(r));
  const changed: ChangedSystem[] = [];
  const flopChanges: FlopChange[] = [];
  const fieldCounts: Record<string, number> = {};
  let unchanged = 0;
  for (const [k, b] of old) {
    const a = now.get(k);
    if (a === undefined) continue;
    const fields: FieldChange[] = [];
    for (const [field, get] of FIELDS) {
      if (same(get(b), get(a))) continue;
      fields.push({ field, before: formatValue(get(b)), after: formatValue(get(a)) });
      fieldCounts[field] = (fieldCounts[field] ?? 0) + 1;
    }
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    changed.push({ ...ref(a), fields });
    const fb = statedFlop(b);
    const fa = statedFlop(a);
    if (fb !== null && fa !== null && Math.abs(fa - fb) > FLOP_CHANGE_THRESHOLD * fb) {
      flopChanges.push({ ...ref(a), before: fb, after: fa, ratio: fa / fb });
    }
  }
  return {
    added: added.sort(bySystem),
    removed: removed.sort(bySystem),
    changed: changed.sort(bySystem),
    unchanged,
    flopChanges: flopChanges.sort(bySystem),
    // In the order of FIELDS, not of first appearance.
    fieldCounts: Object.fromEntries(FIELDS.filter(([f]) => fieldCounts[f]).map(([f]) => [f, fieldCounts[f]])),
  };
}
