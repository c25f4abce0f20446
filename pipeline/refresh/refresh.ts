/**
 * `npm run refresh`'s library: fetches an upstream export, validates it, and stores it as a dated
 * snapshot with its metadata, then records what changed in the changelog. Everything that can fail
 * (download, validation, comparison with the previous snapshot) happens before the first write,
 * and the three files are then written all or nothing (pipeline/refresh/commit.ts), so a failed or
 * killed refresh leaves the raw folder and the changelog as they were (or, killed mid-commit, as
 * the next refresh completes them). One refresh at a time per raw folder (pipeline/io/lock.ts).
 *
 * An export much smaller than the previous snapshot of its source (fewer than 90% of its rows), or
 * one that lost a column of it, is refused — a download cut short, a renamed column — unless the
 * maintainer passes acceptShrink (--accept-shrink).
 */
import { join, resolve } from 'node:path';
import { columnKey, EPOCH_FIELDS } from '../adapters/epoch-columns.ts';
import { PipelineError, type Problem } from '../errors.ts';
import { isCalendarDate, listSnapshots, metaPath, readSnapshot, snapshotDir, snapshotRef, SNAPSHOTS_DIR, type SnapshotMeta, type SnapshotRef } from '../ingest/snapshots.ts';
import { EXIT_USAGE } from '../io/errno.ts';
import { sha256 } from '../io/hash.ts';
import { acquireLock } from '../io/lock.ts';
import { fileKind, readDataFile } from '../io/safe-read.ts';
import { messages } from '../messages.ts';
import { insertEntry } from './changelog.ts';
import { clearTemporaries, commitFiles, recoverCommit } from './commit.ts';
import { compareSnapshots, type SnapshotComparison, type SnapshotInput } from './compare.ts';
import { fetchExport } from './download.ts';
import { changelogEntry } from './report.ts';
import { resolveSource } from './sources.ts';
import { renamedColumns, validateExport } from './validate.ts';

export type { SnapshotMeta } from '../ingest/snapshots.ts';

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
  /** Largest export accepted, in bytes after decompression. */
  maxBytes?: number;
  /** Bootstrap resamples of the headline analysis (default 0). */
  resamples?: number;
  /** Import an export with far fewer rows, or fewer columns, than the previous snapshot. */
  acceptShrink?: boolean;
  /** The lock file (default `<raw>/.refresh.lock`; the CLI gives the project's lock for data/raw). */
  lockPath?: string;
  /** Lines that are not the result: warnings, recoveries. */
  note?: (line: string) => void;
}

export type RefreshResult =
  | { status: 'unchanged'; snapshot: SnapshotRef; sha256: string }
  | { status: 'imported'; snapshot: SnapshotRef; meta: SnapshotMeta; comparison: SnapshotComparison; entry: string };

/** An export with fewer rows than this share of the previous snapshot's needs --accept-shrink. */
export const SHRINK_LIMIT = 0.9;

export const REFRESH_JOURNAL = '.refresh-journal.json';

const fileHash = (ref: SnapshotRef) => sha256(readDataFile(ref.path, ref.display));

/** The adapter's field of a column name, or the name itself for a column it does not read. */
function fieldOf(name: string): string {
  // Compared as the adapter compares header names (case and spacing ignored: adapters/epoch-columns.ts).
  const key = columnKey(name);
  for (const [field, names] of Object.entries(EPOCH_FIELDS) as [string, readonly string[]][]) if (names.some((n) => columnKey(n) === key)) return `field:${field}`;
  return key;
}

/** Columns of the previous header no column of the new one carries (a renamed alias, System → Model, still does). */
export function removedColumns(previous: readonly string[], current: readonly string[]): string[] {
  const carried = new Set(current.map(fieldOf));
  return previous.filter((name) => !carried.has(fieldOf(name)));
}

export async function refresh(options: RefreshOptions): Promise<RefreshResult> {
  const info = resolveSource(options.source, { license: options.license, citation: options.citation });
  if (!isCalendarDate(options.date)) throw new PipelineError(messages.badSnapshotDate(options.date), [], EXIT_USAGE);
  if (options.date > options.today) throw new PipelineError(messages.refreshDateInFuture(options.date, options.today), [], EXIT_USAGE);
  if (fileKind(options.rawDir) !== 'directory') throw new PipelineError(messages.refreshFailed(options.from), [{ file: options.rawDir, message: messages.missingFile(options.rawDir) }]);
  const note = options.note ?? ((l: string) => console.error(l));
  const lock = acquireLock(options.lockPath ?? join(options.rawDir, '.refresh.lock'), messages.rawFolderNamed(options.rawDir), 'npm run refresh', note);
  try {
    recoverRefresh(options, note);
    return await refreshLocked(options, info, note);
  } finally {
    lock.release();
  }
}

/** The files a refresh of this raw folder and changelog may write: its snapshots and metadata, and the changelog. */
function writable(options: Pick<RefreshOptions, 'rawDir' | 'changelogPath'>): (target: string) => boolean {
  const snapshots = resolve(options.rawDir, SNAPSHOTS_DIR);
  const changelog = resolve(options.changelogPath);
  return (target) => {
    if (target === changelog) return true;
    const rel = target.slice(snapshots.length + 1).split(/[\\/]/);
    return target.startsWith(`${snapshots}/`) && rel.length === 2 && /^[a-z0-9][a-z0-9-]*$/.test(rel[0]) && /^\d{4}-\d{2}-\d{2}\.(csv|meta\.json)$/.test(rel[1]);
  };
}

/** Completes a refresh a kill left half done, and clears what one killed earlier left behind. */
export function recoverRefresh(options: Pick<RefreshOptions, 'rawDir' | 'changelogPath' | 'source'>, note: (line: string) => void): void {
  const journal = join(options.rawDir, SNAPSHOTS_DIR, REFRESH_JOURNAL);
  if (recoverCommit(journal, writable(options), note)) note(messages.refreshCompleted(options.source));
  clearTemporaries(snapshotDir(options.rawDir, options.source));
  clearTemporaries(resolve(options.changelogPath, '..'), `${resolve(options.changelogPath).split(/[\\/]/).at(-1)}-`);
}

async function refreshLocked(options: RefreshOptions, info: ReturnType<typeof resolveSource>, note: (line: string) => void): Promise<RefreshResult> {
  const fetched = await fetchExport(options.from, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes });
  const table = validateExport(fetched.bytes, fetched.contentType, options.from);
  const hash = sha256(fetched.bytes);

  const existing = listSnapshots(options.rawDir, info.name);
  const newest = existing.at(-1);
  if (newest && fileHash(newest) === hash) return { status: 'unchanged', snapshot: newest, sha256: hash };
  const target = snapshotRef(options.rawDir, info.name, options.date);
  if (fileKind(target.path) !== 'absent') {
    if (fileHash(target) === hash) return { status: 'unchanged', snapshot: target, sha256: hash };
    throw new PipelineError(messages.refreshFailed(options.from), [{ file: target.display, message: messages.snapshotDateTaken(target.display) }]);
  }

  // Compared with the snapshot just before it in date order: the newest, unless backfilling. It
  // is read as ingest reads it, checked against its metadata.
  const previousRef = existing.filter((s) => s.date < options.date).at(-1) ?? null;
  let previous: SnapshotInput | null = null;
  if (previousRef) {
    const read = readSnapshot(previousRef, options.today);
    if (read.table === null || read.bytes === null) throw new PipelineError(messages.refreshFailed(options.from), read.problems);
    previous = { ...previousRef, bytes: read.bytes, table: read.table };
  }
  const problems = renamedColumns(table.header, options.from);
  if (previous) {
    const removed = removedColumns(previous.table!.header, table.header);
    const rows = table.rows.length;
    const before = previous.table!.rows.length;
    const shrank = rows < SHRINK_LIMIT * before;
    if (!options.acceptShrink) {
      for (const name of removed) problems.push({ file: options.from, line: 1, message: messages.columnRemoved(name, previous.display), expected: `the columns of ${previous.display}` });
      if (shrank) problems.push({ file: options.from, message: messages.exportShrank(rows, before, previous.display, Math.round((100 * rows) / before)), expected: `at least ${Math.ceil(SHRINK_LIMIT * before)} rows` });
    } else {
      if (removed.length > 0) note(messages.columnsRemovedAccepted(removed, previous.display));
      if (shrank) note(messages.exportShrankAccepted(rows, before, previous.display));
    }
  }
  if (problems.length > 0) throw new PipelineError(messages.refreshFailed(options.from), problems);

  const comparison = await compareSnapshots(previous, { ...target, bytes: fetched.bytes, table }, options);
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
  const changelog = fileKind(options.changelogPath) === 'file' ? readDataFile(options.changelogPath, options.changelogPath).toString('utf8') : null;
  // Metadata first: a snapshot CSV (what ingest and listings look for) never exists without it.
  commitFiles(
    [
      { target: metaPath(target), content: `${JSON.stringify(meta, null, 2)}\n` },
      { target: target.path, content: fetched.bytes },
      { target: options.changelogPath, content: insertEntry(changelog, entry, options.date) },
    ],
    join(options.rawDir, SNAPSHOTS_DIR, REFRESH_JOURNAL),
  );
  return { status: 'imported', snapshot: target, meta, comparison, entry };
}
