/** What each stage kept or dropped, carried forward so the report can show the funnel. */
import type { AmbiguousMatch, LikelyTwin, MergeCounts } from '../normalize/merge.ts';

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
