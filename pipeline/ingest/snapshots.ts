/**
 * Snapshots of upstream exports, as `npm run refresh` stores them: `<raw>/snapshots/<source>/<date>.csv`
 * with `<date>.meta.json` beside it. The ingest stage reads the newest snapshot of each source, or
 * the one pinned in `<raw>/snapshots/pins.yaml` (`epoch-notable: 2024-10-01`), so a maintainer can
 * hold the published numbers on a known export while newer ones are reviewed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { Problem } from '../errors.ts';
import { messages } from '../messages.ts';

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

/** The sources that have a snapshot folder, sorted. */
export function listSources(rawDir: string): string[] {
  const dir = join(rawDir, SNAPSHOTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => SOURCE_NAME.test(name) && statSync(join(dir, name)).isDirectory())
    .sort();
}

/** A source's snapshots, oldest first. Temporaries (`.tmp-…`) and other files are not snapshots. */
export function listSnapshots(rawDir: string, source: string): SnapshotRef[] {
  const dir = snapshotDir(rawDir, source);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => DATE_FILE.exec(f)?.[1])
    .filter((d): d is string => d !== undefined)
    .sort()
    .map((date) => snapshotRef(rawDir, source, date));
}

/** Reads pins.yaml (absent: no pins). Every problem is located by line. */
export function readPins(rawDir: string): { pins: Map<string, string>; problems: Problem[] } {
  const path = join(rawDir, SNAPSHOTS_DIR, PINS_FILE);
  const file = path.replace(/\\/g, '/');
  const pins = new Map<string, string>();
  if (!existsSync(path)) return { pins, problems: [] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter });
  const problems: Problem[] = doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line, message: e.message }));
  if (problems.length > 0 || doc.contents === null) return { pins, problems };
  if (!isMap(doc.contents)) return { pins, problems: [{ file, line: 1, message: messages.pinsNotAMap }] };
  for (const item of doc.contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const value = isScalar(item.value) ? String(item.value.value) : '';
    const line = isScalar(item.key) && item.key.range ? lineCounter.linePos(item.key.range[0]).line : undefined;
    const here = { file, line, text: `${key}: ${value}` };
    if (!SOURCE_NAME.test(key) || !existsSync(snapshotDir(rawDir, key))) {
      problems.push({ ...here, message: messages.pinUnknownSource(key), expected: messages.pinSources(listSources(rawDir)) });
    } else if (!SNAPSHOT_DATE.test(value) || !listSnapshots(rawDir, key).some((s) => s.date === value)) {
      problems.push({ ...here, message: messages.pinUnknownDate(key, value), expected: messages.pinDates(listSnapshots(rawDir, key).map((s) => s.date)) });
    } else pins.set(key, value);
  }
  return { pins, problems };
}

/** The snapshot the ingest stage reads for each source: the pinned one, else the newest. */
export function selectSnapshots(rawDir: string): { selected: SnapshotRef[]; problems: Problem[] } {
  const { pins, problems } = readPins(rawDir);
  const selected: SnapshotRef[] = [];
  for (const source of listSources(rawDir)) {
    const all = listSnapshots(rawDir, source);
    const pinned = pins.get(source);
    const ref = pinned === undefined ? all.at(-1) : all.find((s) => s.date === pinned);
    if (ref) selected.push(ref);
  }
  return { selected, problems };
}
