/** What each stage kept or dropped, carried forward so the report can show the funnel. */

/** How an upstream row was matched to a curated record (pipeline/normalize/merge.ts). */
export const MATCH_RULES = ['alias', 'name+year', 'name+organization', 'earlier export'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];
export type Outcome = 'matched' | 'added' | 'dropped';

export interface AmbiguousMatch {
  /** One upstream row that matches several records, or several rows that match one record. */
  kind: 'row-to-records' | 'rows-to-record';
  rule: MatchRule;
  rows: { file: string; line: number; name: string }[];
  ids: string[];
}

export interface LikelyTwin {
  id: string;
  name: string;
  publicationDate: string;
  organization: string;
  file: string;
  line: number;
  upstreamName: string;
  upstreamDate: string;
  upstreamOrganization: string;
  /** The upstream row's outcome: added, or dropped as ambiguous. */
  outcome: Outcome;
}

export interface MergeCounts {
  in: number;
  matched: number;
  added: number;
  dropped: number;
}

export interface Provenance {
  /** Every input file read, with its record count. */
  files: { file: string; kind: 'curated' | 'hardware' | 'assumptions' | 'external'; records: number }[];
  /** External rows left out by normalize, and why. */
  dropped: { file: string; line: number; reason: string }[];
  /**
   * What became of the upstream rows (normalize/merge.ts), per export and in total; the ambiguous
   * matches and likely twins, for the Data quality page. Null when no export was read.
   */
  merge:
    | (MergeCounts & {
        files: (MergeCounts & { file: string })[];
        /** Matched rows whose FLOP differs more than 2× from the value published for their curated record. */
        disagreements: number;
        ambiguous: AmbiguousMatch[];
        likelyTwins: LikelyTwin[];
        /** Aliases (`same`) that named no row of this run's exports: kept for other exports, or stale. */
        unusedAliases: { file: string; line: number; upstreamName: string }[];
      })
    | null;
  warnings: { file?: string; line?: number; column?: number; message: string }[];
}
