/**
 * Compares two snapshots of a source: maps both through the Epoch adapter, diffs the records, and
 * runs the headline analysis on each. Hardware and assumptions come from the raw folder when it has
 * them, else the shipped ones, as in the ingest stage.
 */
import { join } from 'node:path';
import { mapEpochExport } from '../adapters/epoch.ts';
import { PipelineError } from '../errors.ts';
import { loadAssumptions, type Assumptions } from '../ingest/assumptions.ts';
import { parseHardwareTable } from '../ingest/hardware-file.ts';
import { listSnapshots, readSnapshot, type SnapshotRef } from '../ingest/snapshots.ts';
import { parseCsvBytes, readCsvFile, type CsvTable } from '../io/csv-reader.ts';
import { fileKind } from '../io/safe-read.ts';
import { messages } from '../messages.ts';
import type { HardwareSpec, NormalizedRecord } from '../schema/records.ts';
import { diffRecords, type SnapshotDiff } from './diff.ts';
import { headlineDoublings, type Headline } from './headline.ts';

export interface CompareOptions {
  rawDir: string;
  /** Folder with the shipped hardware.csv and assumptions.yaml (data/raw). */
  defaultsDir: string;
  /** Run date YYYY-MM-DD, for the adapter's "date in the future" check. */
  today: string;
  /** Bootstrap resamples for the headline analysis (default 0). */
  resamples?: number;
}

export interface SnapshotSummary {
  date: string;
  file: string;
  rows: number;
  /** Rows the adapter kept as systems, and rows it dropped (no name, unreadable date). */
  systems: number;
  dropped: number;
}

export interface SnapshotComparison {
  source: string;
  /** Null for a source's first snapshot: then every system counts as added. */
  before: SnapshotSummary | null;
  after: SnapshotSummary;
  diff: SnapshotDiff;
  /** Doubling times before (null for a first snapshot) and after. */
  headline: { before: Headline | null; after: Headline };
}

interface Reference {
  hardware: HardwareSpec[];
  assumptions: Assumptions;
}

function loadReference(rawDir: string, defaultsDir: string): Reference {
  const pick = (file: string) => (fileKind(join(rawDir, file)) !== 'absent' ? join(rawDir, file) : join(defaultsDir, file));
  const hwPath = pick('hardware.csv');
  const hw = parseHardwareTable(readCsvFile(hwPath, hwPath.replace(/\\/g, '/')));
  if (hw.problems.length > 0) throw new PipelineError(messages.stageFailed('hardware.csv', hw.problems.length), hw.problems);
  const asPath = pick('assumptions.yaml');
  return { hardware: hw.specs, assumptions: loadAssumptions(asPath, asPath.replace(/\\/g, '/')) };
}

/**
 * A snapshot with its bytes already read and checked: a stored one read as ingest reads it
 * (readSnapshot: against its metadata), or one about to be stored (validated), with its table
 * when it is already parsed.
 */
export type SnapshotInput = SnapshotRef & { bytes: Uint8Array; table?: CsvTable };

function mapSnapshot(ref: SnapshotInput, hardwareIds: ReadonlySet<string>, today: string): { summary: SnapshotSummary; records: NormalizedRecord[] } {
  const table = ref.table ?? parseCsvBytes(ref.bytes, ref.display);
  const mapped = mapEpochExport(table, hardwareIds, today);
  return {
    summary: { date: ref.date, file: ref.display, rows: table.rows.length, systems: mapped.records.length, dropped: mapped.dropped.length },
    records: mapped.records,
  };
}

export async function compareSnapshots(before: SnapshotInput | null, after: SnapshotInput, options: CompareOptions): Promise<SnapshotComparison> {
  const ref = loadReference(options.rawDir, options.defaultsDir);
  const ids = new Set(ref.hardware.map((h) => h.id));
  const b = before ? mapSnapshot(before, ids, options.today) : null;
  const a = mapSnapshot(after, ids, options.today);
  const run = (s: SnapshotInput) => headlineDoublings(s.bytes, options);
  const headline = { before: before ? await run(before) : null, after: await run(after) };
  return { source: after.source, before: b?.summary ?? null, after: a.summary, diff: diffRecords(b?.records ?? [], a.records), headline };
}

/** The two newest snapshots of a source, each checked against its metadata, compared. */
export async function compareNewest(source: string, options: CompareOptions): Promise<SnapshotComparison> {
  const all = listSnapshots(options.rawDir, source);
  if (all.length < 2) throw new PipelineError(messages.diffFailed(source), [{ message: messages.diffNeedsTwo(source, all.length) }], 1);
  const [before, after] = all.slice(-2).map((ref) => {
    const read = readSnapshot(ref, options.today);
    if (read.table === null || read.bytes === null) throw new PipelineError(messages.diffFailed(source), read.problems);
    return { ...ref, bytes: read.bytes, table: read.table };
  });
  return compareSnapshots(before, after, options);
}
