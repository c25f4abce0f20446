/**
 * `npm run refresh`'s library: fetches an upstream export, validates it, and stores it as a dated
 * snapshot with its metadata, then records what changed in the changelog. Everything that can fail
 * (download, validation, comparison) happens before the first write, and each file is written
 * atomically (temporary name, then rename), so a failed refresh leaves the raw folder and the
 * changelog exactly as they were.
 */
import { existsSync, readFileSync } from 'node:fs';
import { PipelineError } from '../errors.ts';
import { listSnapshots, metaPath, SNAPSHOT_DATE, snapshotRef, type SnapshotRef } from '../ingest/snapshots.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { sha256 } from '../io/hash.ts';
import { messages } from '../messages.ts';
import { appendToChangelog } from './changelog.ts';
import { compareSnapshots, type SnapshotComparison } from './compare.ts';
import { fetchExport } from './download.ts';
import { changelogEntry } from './report.ts';
import { resolveSource } from './sources.ts';
import { validateExport } from './validate.ts';

export interface RefreshOptions {
  /** Local path or http(s) URL of the export, recorded as given. */
  from: string;
  /** Source name: the snapshot folder (default epoch-notable). */
  source: string;
  rawDir: string;
  /** Folder with the shipped hardware.csv and assumptions.yaml. */
  defaultsDir: string;
  changelogPath: string;
  /** The snapshot's date, YYYY-MM-DD. */
  date: string;
  /** Run date YYYY-MM-DD, for the adapter's date checks. */
  today: string;
  /** Retrieval time for the metadata (the one timestamp written anywhere); injectable for tests. */
  now?: () => Date;
  license?: string;
  citation?: string;
  timeoutMs?: number;
  /** Bootstrap resamples of the headline analysis (default 0). */
  resamples?: number;
}

export interface SnapshotMeta {
  source: string;
  snapshot_date: string;
  retrieved_from: string;
  retrieved_at: string;
  sha256: string;
  bytes: number;
  rows: number;
  license: string;
  citation: string;
}

export type RefreshResult =
  | { status: 'unchanged'; snapshot: SnapshotRef; sha256: string }
  | { status: 'imported'; snapshot: SnapshotRef; meta: SnapshotMeta; comparison: SnapshotComparison; entry: string };

const fileHash = (ref: SnapshotRef) => sha256(readFileSync(ref.path));

/** YYYY-MM-DD naming a real day: the round trip through Date rejects 2024-02-30. */
function isCalendarDate(text: string): boolean {
  const t = Date.parse(`${text}T00:00:00Z`);
  return SNAPSHOT_DATE.test(text) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

export async function refresh(options: RefreshOptions): Promise<RefreshResult> {
  const info = resolveSource(options.source, { license: options.license, citation: options.citation });
  if (!isCalendarDate(options.date)) {
    throw new PipelineError(messages.badSnapshotDate(options.date), [], 2);
  }
  const fetched = await fetchExport(options.from, { timeoutMs: options.timeoutMs });
  const table = validateExport(fetched.bytes, fetched.contentType, options.from);
  const hash = sha256(fetched.bytes);

  const existing = listSnapshots(options.rawDir, info.name);
  const newest = existing.at(-1);
  if (newest && fileHash(newest) === hash) return { status: 'unchanged', snapshot: newest, sha256: hash };
  const target = snapshotRef(options.rawDir, info.name, options.date);
  if (existsSync(target.path)) {
    if (fileHash(target) === hash) return { status: 'unchanged', snapshot: target, sha256: hash };
    throw new PipelineError(messages.refreshFailed(options.from), [{ file: target.display, message: messages.snapshotDateTaken(target.display) }]);
  }

  // Compared with the snapshot just before it in date order: the newest, unless backfilling.
  const previous = existing.filter((s) => s.date < options.date).at(-1) ?? null;
  const comparison = await compareSnapshots(previous, { ...target, bytes: fetched.bytes }, options);
  const entry = changelogEntry(comparison, hash);
  const meta: SnapshotMeta = {
    source: info.name,
    snapshot_date: options.date,
    retrieved_from: options.from,
    retrieved_at: (options.now ?? (() => new Date()))().toISOString(),
    sha256: hash,
    bytes: fetched.bytes.byteLength,
    rows: table.rows.length,
    license: info.license,
    citation: info.citation,
  };
  // Metadata first: a snapshot CSV (what ingest and listings look for) never exists without it.
  writeFileAtomic(metaPath(target), `${JSON.stringify(meta, null, 2)}\n`);
  writeFileAtomic(target.path, fetched.bytes);
  appendToChangelog(options.changelogPath, entry, options.date);
  return { status: 'imported', snapshot: target, meta, comparison, entry };
}
