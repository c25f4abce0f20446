/**
 * Merges curated records with external ones: one row per system, matched on normalized name and
 * publication year. Curated values win; FLOP disagreements over the threshold are reported.
 */
import { matchKey } from '../ingest/text-rules.ts';
import type { NormalizedRecord } from '../schema/records.ts';
import { sortRecords } from './record-order.ts';

/** The one stable order of records everywhere (by date, then id): see record-order.ts. */
export { compareRecords, sortRecords } from './record-order.ts';

export interface MergeDisagreement {
  id: string;
  name: string;
  curatedFlop: number;
  externalFlop: number;
  ratio: number;
  externalFile: string;
  externalLine: number;
}

export interface MergeResult {
  records: NormalizedRecord[];
  matched: number;
  added: number;
  disagreements: MergeDisagreement[];
}

/** Nominal FLOP of a record when it states FLOP directly (accelerator time needs impute). */
function statedFlop(r: NormalizedRecord): number | null {
  return r.compute?.kind === 'flop' ? r.compute.flop : null;
}

export function mergeRecords(curated: NormalizedRecord[], external: NormalizedRecord[], threshold = 2): MergeResult {
  const key = (r: NormalizedRecord) => `${matchKey(r.name)}|${r.publicationDate.slice(0, 4)}`;
  const byKey = new Map(curated.map((r) => [key(r), r]));
  const taken = new Set<string>();
  const disagreements: MergeDisagreement[] = [];
  const added: NormalizedRecord[] = [];
  let matched = 0;
  for (const ext of external) {
    const k = key(ext);
    const mine = byKey.get(k);
    if (mine === undefined) {
      if (!taken.has(k)) added.push(ext);
      taken.add(k);
      continue;
    }
    matched++;
    const a = statedFlop(mine);
    const b = statedFlop(ext);
    if (a !== null && b !== null) {
      const ratio = Math.max(a, b) / Math.min(a, b);
      if (ratio > threshold) {
        disagreements.push({ id: mine.id, name: mine.name, curatedFlop: a, externalFlop: b, ratio, externalFile: ext.origin.file, externalLine: ext.origin.line });
      }
    }
  }
  const records = sortRecords([...curated, ...added]);
  return { records, matched, added: added.length, disagreements };
}
