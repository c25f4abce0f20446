/** Everything the report is built from, assembled once from the impute and analyze artifacts. */
import type { Assumptions } from '../ingest/assumptions.ts';
import type { Fits } from '../schema/fits.ts';
import type { Provenance } from '../schema/provenance.ts';
import type { HardwareSpec, ProcessedRecord } from '../schema/records.ts';

export interface RenderModel {
  records: ProcessedRecord[];
  fits: Fits;
  provenance: Provenance;
  assumptions: Assumptions;
  hardware: HardwareSpec[];
  /** Ids whose stated and estimated FLOP differ beyond the audit factor (the impute artifact's list). */
  disagreements: string[];
  /** data/processed files offered for download, by name. */
  downloads: Record<string, string>;
  /** data/CHANGELOG.md as Markdown for the Changelog page (absent: no snapshot imported yet). */
  changelog?: string;
}
