/**
 * Merges curated records with external ones: one row per system, matched on normalized name and
 * publication year. Curated values win; FLOP disagreements over the threshold are reported.
 *
 * The merge is a plan, not a list of records: it reads the curated records' identities once, as
 * they stream by, against the upstream records held in memory (an export is thousands of rows),
 * and says per upstream row whether it matched a curated record (its twin), is added, or is
 * dropped and why. The normalize stage applies the plan (pipeline/stages/normalize.ts).
 */
import { matchKey } from '../ingest/text-rules.ts';
import type { NormalizedRecord } from '../schema/records.ts';

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

/** What the merge reads of a curated record. */
export interface CuratedIdentity {
  id: string;
  name: string;
  organization: string;
  publicationDate: string;
  year: number;
  /** FLOP the record states directly (reported or converted); null otherwise. */
  statedFlop: number | null;
}

/** What becomes of one upstream record. */
export type MergeDecision =
  /** The same system as a curated record (its twin): the curated record stands for both. */
  | { kind: 'matched'; curatedId: string }
  | { kind: 'added' }
  | { kind: 'dropped'; reason: string };

export interface MergePlan {
  /** Per upstream record, in the order given. */
  decisions: MergeDecision[];
  matched: number;
  added: number;
  /** Matched pairs whose stated FLOP differ by more than the threshold, in upstream order. */
  disagreements: MergeDisagreement[];
}

/** Nominal FLOP of a record when it states FLOP directly (accelerator time needs impute). */
export function statedFlop(r: NormalizedRecord): number | null {
  return r.compute?.kind === 'flop' ? r.compute.flop : null;
}

export function curatedIdentity(r: NormalizedRecord): CuratedIdentity {
  return { id: r.id, name: r.name, organization: r.organization, publicationDate: r.publicationDate, year: r.year, statedFlop: statedFlop(r) };
}

const systemKey = (name: string, publicationDate: string) => `${matchKey(name)}|${publicationDate.slice(0, 4)}`;

export function planMerge(curated: Iterable<CuratedIdentity>, upstream: readonly NormalizedRecord[], threshold = 2): MergePlan {
  const upstreamByKey = new Map<string, number[]>();
  upstream.forEach((r, i) => {
    const k = systemKey(r.name, r.publicationDate);
    const list = upstreamByKey.get(k);
    if (list) list.push(i);
    else upstreamByKey.set(k, [i]);
  });
  // The curated twin of each upstream record; a later curated record of the same system wins.
  const twin = new Array<CuratedIdentity | undefined>(upstream.length);
  for (const c of curated) {
    const matches = upstreamByKey.get(systemKey(c.name, c.publicationDate));
    if (matches) for (const i of matches) twin[i] = c;
  }
  const decisions: MergeDecision[] = [];
  const disagreements: MergeDisagreement[] = [];
  const taken = new Set<string>();
  let matched = 0;
  let added = 0;
  upstream.forEach((ext, i) => {
    const mine = twin[i];
    if (mine === undefined) {
      const k = systemKey(ext.name, ext.publicationDate);
      if (taken.has(k)) decisions.push({ kind: 'dropped', reason: 'the same system as an earlier upstream row' });
      else {
        decisions.push({ kind: 'added' });
        added++;
      }
      taken.add(k);
      return;
    }
    matched++;
    decisions.push({ kind: 'matched', curatedId: mine.id });
    const a = mine.statedFlop;
    const b = statedFlop(ext);
    if (a !== null && b !== null) {
      const ratio = Math.max(a, b) / Math.min(a, b);
      if (ratio > threshold) {
        disagreements.push({ id: mine.id, name: mine.name, curatedFlop: a, externalFlop: b, ratio, externalFile: ext.origin.file, externalLine: ext.origin.line });
      }
    }
  });
  return { decisions, matched, added, disagreements };
}
