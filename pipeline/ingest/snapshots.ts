/**
 * Snapshots of upstream exports, as `npm run refresh` stores them: `<raw>/snapshots/<source>/<date>.csv`
 * with `<date>.meta.json` beside it. The ingest stage reads the newest snapshot of each source, or
 * the one pinned in `<raw>/snapshots/pins.yaml` (`epoch-notable: 2024-10-01`), so a maintainer can
 * hold the published numbers on a known export while newer ones are reviewed.
 *
 * A snapshot is verified before it is used (readSnapshot): its metadata must exist and record the
 * file's sha256 and row count, its date must be a real day not after the run date, and a CSV in a
 * snapshot folder that is not named like a snapshot is a problem, not something silently skipped.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { PipelineError, type Problem } from '../errors.ts';
import { parseCsvBytes, type CsvTable } from '../io/csv-reader.ts';
import { sha256 } from '../io/hash.ts';
import { messages } from '../messages.ts';
import { fileKind, readDataFile, YAML_MAX_BYTES, META_MAX_BYTES } from '../io/safe-read.ts';

export const SNAPSHOTS_DIR = 'snapshots';
export const PINS_FILE = 'pins.yaml';

const DATE_FILE = /^(\d{4}-\d{2}-\d{2})\.csv$/;
/** Source names are folder names: a slug, so a name can never climb out of the snapshots folder. */
export const SOURCE_NAME = /^[a-z0-9][a-z0-9-]*$/;
export const SNAPSHOT_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface SnapshotRef {
  source: string;
  date: string;
  /** Path of the CSV on disk. */
  path: string;
  /** The same path as shown to the user: relative to the raw folder given, forward slashes. */
  display: string;
}

export function snapshotDir(rawDir: string, source: string): string {
  return join(rawDir, SNAPSHOTS_DIR, source);
}

export function snapshotRef(rawDir: string, source: string, date: string): SnapshotRef {
  const path = join(snapshotDir(rawDir, source), `${date}.csv`);
  return { source, date, path, display: path.replace(/\\/g, '/') };
}

export function metaPath(ref: SnapshotRef): string {
  return ref.path.replace(/\.csv$/, '.meta.json');
}

/** The names in a folder, sorted; none when it is absent or not a folder. */
function namesIn(dir: string): string[] {
  if (fileKind(dir) !== 'directory') return [];
  return readdirSync(dir).sort();
}

/** The sources that have a snapshot folder, sorted. */
export function listSources(rawDir: string): string[] {
  const dir = join(rawDir, SNAPSHOTS_DIR);
  return namesIn(dir).filter((name) => SOURCE_NAME.test(name) && fileKind(join(dir, name)) === 'directory');
}

/** A source's snapshots, oldest first. Temporaries (`.tmp-…`), metadata and hidden files are not snapshots. */
export function listSnapshots(rawDir: string, source: string): SnapshotRef[] {
  return namesIn(snapshotDir(rawDir, source))
    .map((f) => DATE_FILE.exec(f)?.[1])
    .filter((d): d is string => d !== undefined)
    .map((date) => snapshotRef(rawDir, source, date));
}

/** CSV files in a source's snapshot folder that are not named like a snapshot (hidden files aside). */
export function strayFiles(rawDir: string, source: string): SnapshotRef[] {
  return namesIn(snapshotDir(rawDir, source))
    .filter((f) => !f.startsWith('.') && /\.csv$/i.test(f) && !DATE_FILE.test(f))
    .map((f) => {
      const path = join(snapshotDir(rawDir, source), f);
      return { source, date: f, path, display: path.replace(/\\/g, '/') };
    });
}

/** YYYY-MM-DD naming a real day: the round trip through Date rejects 2024-02-30. */
export function isCalendarDate(text: string): boolean {
  const t = Date.parse(`${text}T00:00:00Z`);
  return SNAPSHOT_DATE.test(text) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

/** Reads pins.yaml (absent: no pins). Every problem is located by line. */
export function readPins(rawDir: string, display: (path: string) => string = (p) => p.replace(/\\/g, '/')): { pins: Map<string, string>; problems: Problem[] } {
  const path = join(rawDir, SNAPSHOTS_DIR, PINS_FILE);
  const file = display(path);
  const pins = new Map<string, string>();
  if (fileKind(path) === 'absent') return { pins, problems: [] };
  let text: string;
  try {
    text = readDataFile(path, file, YAML_MAX_BYTES).toString('utf8');
  } catch (err) {
    if (err instanceof PipelineError) return { pins, problems: err.problems };
    throw err;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const problems: Problem[] = doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line, message: e.message }));
  if (problems.length > 0 || doc.contents === null) return { pins, problems };
  if (!isMap(doc.contents)) return { pins, problems: [{ file, line: 1, message: messages.pinsNotAMap }] };
  for (const item of doc.contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const value = isScalar(item.value) ? String(item.value.value) : '';
    const line = isScalar(item.key) && item.key.range ? lineCounter.linePos(item.key.range[0]).line : undefined;
    const here = { file, line, text: `${key}: ${value}` };
    if (!SOURCE_NAME.test(key) || fileKind(snapshotDir(rawDir, key)) !== 'directory') {
      problems.push({ ...here, message: messages.pinUnknownSource(key), expected: messages.pinSources(listSources(rawDir)) });
    } else if (!SNAPSHOT_DATE.test(value) || !listSnapshots(rawDir, key).some((s) => s.date === value)) {
      problems.push({ ...here, message: messages.pinUnknownDate(key, value), expected: messages.pinDates(listSnapshots(rawDir, key).map((s) => s.date)) });
    } else pins.set(key, value);
  }
  return { pins, problems };
}

/**
 * The snapshot the ingest stage reads for each source: the pinned one, else the newest. A CSV in a
 * snapshot folder that is not named like a snapshot is a problem (it would otherwise be ignored
 * without a word).
 */
export function selectSnapshots(rawDir: string, display?: (path: string) => string): { selected: SnapshotRef[]; problems: Problem[] } {
  const { pins, problems } = readPins(rawDir, display);
  const selected: SnapshotRef[] = [];
  for (const source of listSources(rawDir)) {
    for (const stray of strayFiles(rawDir, source)) problems.push({ file: display ? display(stray.path) : stray.display, line: 1, column: 1, message: messages.snapshotUnknownFile(stray.date), expected: 'YYYY-MM-DD.csv' });
    const all = listSnapshots(rawDir, source);
    const pinned = pins.get(source);
    const ref = pinned === undefined ? all.at(-1) : all.find((s) => s.date === pinned);
    if (ref) selected.push(ref);
  }
  return { selected, problems };
}

/** The metadata of a snapshot as `npm run refresh` writes it (pipeline/refresh/refresh.ts). */
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

export interface ReadSnapshot {
  /** The parsed export; null when a problem stopped the reading. */
  table: CsvTable | null;
  bytes: Uint8Array | null;
  sha256: string | null;
  problems: Problem[];
}

/** The 1-based line of `"key":` in a JSON text, for locating a metadata field. */
function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/**
 * Reads a snapshot and checks it against its metadata: the file must have a `<date>.meta.json`
 * whose sha256 and row count it matches, for its own source and date, and its date must be a
 * real day not after `today`. Every problem is located (the metadata file and line of the field).
 * `display` names the snapshot's files in problems and in the table.
 */
export function readSnapshot(ref: SnapshotRef, today: string, display: (path: string) => string = (p) => p.replace(/\\/g, '/')): ReadSnapshot {
  const csvName = display(ref.path);
  const meta = metaPath(ref);
  const metaName = display(meta);
  const fail = (problems: Problem[]): ReadSnapshot => ({ table: null, bytes: null, sha256: null, problems });
  if (!isCalendarDate(ref.date)) return fail([{ file: csvName, line: 1, column: 1, message: messages.snapshotBadDate(ref.date), expected: 'a snapshot named after a real day, YYYY-MM-DD.csv' }]);
  if (ref.date > today) return fail([{ file: csvName, line: 1, column: 1, message: messages.snapshotInFuture(ref.date, today), expected: `a date not after ${today}` }]);
  if (fileKind(meta) === 'absent') return fail([{ file: csvName, line: 1, column: 1, message: messages.snapshotNoMeta(metaName), expected: `${metaName} written by npm run refresh` }]);
  let metaText: string;
  let bytes: Uint8Array;
  try {
    metaText = readDataFile(meta, metaName, META_MAX_BYTES).toString('utf8');
    bytes = readDataFile(ref.path, csvName);
  } catch (err) {
    if (err instanceof PipelineError) return fail(err.problems);
    throw err;
  }
  let recorded: Partial<Record<keyof SnapshotMeta, unknown>>;
  try {
    recorded = JSON.parse(metaText) as typeof recorded;
    if (typeof recorded !== 'object' || recorded === null || Array.isArray(recorded)) throw new Error('it is not a JSON object');
  } catch (err) {
    return fail([{ file: metaName, line: 1, column: 1, message: messages.snapshotMetaUnreadable((err as Error).message), expected: 'the JSON object npm run refresh writes' }]);
  }
  const problems: Problem[] = [];
  const field = (key: keyof SnapshotMeta, found: string, ok: boolean, shown = JSON.stringify(recorded[key] ?? null)) => {
    if (!ok) problems.push({ file: metaName, line: lineOfKey(metaText, key), column: 1, message: messages.snapshotMismatch(key, found, shown) });
  };
  const hash = sha256(bytes);
  field('source', JSON.stringify(ref.source), recorded.source === ref.source);
  field('snapshot_date', JSON.stringify(ref.date), recorded.snapshot_date === ref.date);
  field('sha256', hash, recorded.sha256 === hash);
  if (recorded.bytes !== undefined) field('bytes', String(bytes.byteLength), recorded.bytes === bytes.byteLength);
  if (problems.length > 0) return fail(problems);
  let table: CsvTable;
  try {
    table = parseCsvBytes(bytes, csvName);
  } catch (err) {
    if (err instanceof PipelineError) return fail(err.problems.length ? err.problems : [{ file: csvName, message: err.message }]);
    throw err;
  }
  field('rows', String(table.rows.length), recorded.rows === table.rows.length);
  if (problems.length > 0) return fail(problems);
  return { table, bytes, sha256: hash, problems: [] };
}
