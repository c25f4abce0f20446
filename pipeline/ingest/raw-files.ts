/**
 * The files ingest may read, and how it opens them. Only regular files of known names are read or
 * hashed: models.csv, hardware.csv and assumptions.yaml (from the raw folder, else the shipped
 * defaults), the other `*.csv` files at the top of the raw folder (external exports), and under
 * `snapshots/` pins.yaml and the selected snapshot of each source with its metadata. Hidden files
 * (an editor's `.#models.csv` lock, `.tmp-…` temporaries) and anything else in the folder are
 * never opened. A known name that is not a regular file — a folder, a FIFO, a device, a socket,
 * a broken or looping symbolic link — or a file too large to be data is a located problem, never a
 * hang (pipeline/io/safe-read.ts).
 *
 * The ingest stage's cache key (ingestInputKey) hashes exactly these files, and the run date,
 * whose "not in the future" checks would otherwise differ between a cached and a forced run.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError, type Problem } from '../errors.ts';
import { sha256 } from '../io/hash.ts';
import { fileKind, readDataFile } from '../io/safe-read.ts';

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
  /** The `*.csv` files at the top of the raw folder other than models.csv and hardware.csv, sorted. */
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
  const curated = present(join(rawDir, CURATED_FILE)) ? { path: join(rawDir, CURATED_FILE), name: name(rawDir, CURATED_FILE) } : null;
  const exports = readdirSync(rawDir)
    .filter((f) => !f.startsWith('.') && /\.csv$/i.test(f) && f !== CURATED_FILE && f !== HARDWARE_FILE)
    .sort()
    .map((f) => ({ path: join(rawDir, f), name: name(rawDir, f) }));
  return { hardware: pick(HARDWARE_FILE), assumptions: pick(ASSUMPTIONS_FILE), curated, exports };
}

/**
 * The content key of everything ingest reads, for its cache: each file's name and sha256 (or the
 * problem that keeps it from being read), the names and problems of the snapshot selection, and
 * the run date. Files ingest never reads do not change it.
 */
export function ingestInputKey(parts: { files: RawFile[]; problems: readonly Problem[]; today: string; rawName: string }): string {
  const lines = [`today ${parts.today}`, `raw ${parts.rawName}`];
  for (const f of parts.files) {
    let content: string;
    try {
      content = sha256(readDataFile(f.path, f.name));
    } catch (err) {
      if (!(err instanceof PipelineError)) throw err;
      content = `unreadable: ${err.message}`;
    }
    lines.push(`${f.name} ${content}`);
  }
  for (const p of parts.problems) lines.push(`problem ${p.file ?? ''}:${p.line ?? ''} ${p.message}`);
  return sha256(lines.join('\n'));
}
