/** What each stage kept or dropped, carried forward so the report can show the funnel. */
export interface Provenance {
  /** Every input file read, with its record count. */
  files: { file: string; kind: 'curated' | 'hardware' | 'assumptions' | 'external'; records: number }[];
  /** External rows left out by normalize, and why. */
  dropped: { file: string; line: number; reason: string }[];
  merge: { matched: number; added: number; disagreements: number } | null;
  warnings: { file?: string; line?: number; column?: number; message: string }[];
}
