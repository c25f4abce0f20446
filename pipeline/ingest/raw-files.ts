/**
 * The files ingest may read, and how it opens them. Only regular files of known names are read or
 * hashed: models.csv, hardware.csv and assumptions.yaml (from the raw folder, else the shipped
 * defaults), aliases.csv (the raw folder's own only), the other `*.csv` files at the top of the
 * raw folder (external exports), and under
 * `snapshots/` pins.yaml and the selected snapshot of each source with its metadata. Hidden files
 * (an editor's `.#models.csv` lock, `.tmp-…` temporaries) and anything else in the folder are
 * never opened. A known name that is not a regular file — a folder, a FIFO, a device, a socket,
 * a broken or looping symbolic link — or a file too large to be data is a located problem, never a
 * hang (pipeline/io/safe-read.ts).
 *
 * The ingest stage declares exactly these files as what it reads (pipeline/ingest/inputs.ts), so
 * its cache key hashes them and nothing else; the run date is in its key too (its "not in the
 * future" checks would otherwise differ between a cached and a forced run).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileKind } from '../io/safe-read.ts';
import { ALIASES_FILE } from './aliases-file.ts';

export const CURATED_FILE = 'models.csv';
export const HARDWARE_FILE = 'hardware.csv';
export const ASSUMPTIONS_FILE = 'assumptions.yaml';

export interface RawFile {
  path: string;
  /** The name shown in problems and outputs. */
  name: string;
}

export interface RawInputs {
  hardware: RawFile;
  assumptions: RawFile;
  /** data/raw/models.csv, when the raw folder has one (or anything by that name). */
  curated: RawFile | null;
  /** data/raw/aliases.csv, when the raw folder has one: never taken from the defaults. */
  aliases: RawFile | null;
  /** The `*.csv` files at the top of the raw folder other than models.csv, hardware.csv and aliases.csv, sorted. */
  exports: RawFile[];
}

/** Whether anything (even a broken link) is at `path`. */
function present(path: string): boolean {
  return fileKind(path) !== 'absent';
}

/**
 * The files ingest reads from `rawDir` (hardware.csv and assumptions.yaml from `defaultsDir` when
 * the raw folder has none). Snapshots are listed by pipeline/ingest/snapshots.ts.
 */
export function listRawInputs(rawDir: string, defaultsDir: string, name: (dir: string, file: string) => string): RawInputs {
  const pick = (file: string): RawFile => {
    const dir = present(join(rawDir, file)) ? rawDir : defaultsDir;
    return { path: join(dir, file), name: name(dir, file) };
  };
  const own = (file: string): RawFile | null => (present(join(rawDir, file)) ? { path: join(rawDir, file), name: name(rawDir, file) } : null);
  const exports = readdirSync(rawDir)
    .filter((f) => !f.startsWith('.') && /\.csv$/i.test(f) && f !== CURATED_FILE && f !== HARDWARE_FILE && f !== ALIASES_FILE)
    .sort()
    .map((f) => ({ path: join(rawDir, f), name: name(rawDir, f) }));
  return { hardware: pick(HARDWARE_FILE), assumptions: pick(ASSUMPTIONS_FILE), curated: own(CURATED_FILE), aliases: own(ALIASES_FILE), exports };
}
