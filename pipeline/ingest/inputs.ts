/**
 * Everything ingest reads, as one list, for its cache key: the files of pipeline/ingest/raw-files.ts
 * and, under snapshots/, pins.yaml and the selected snapshot of each source with its metadata.
 * The orchestrator calls ingestCacheKey instead of hashing the raw folder, so nothing ingest does
 * not read is ever opened (a FIFO or a huge unrelated file in the folder changes nothing).
 */
import { join } from 'node:path';
import { PipelineError, type Problem } from '../errors.ts';
import { EXIT_USAGE } from '../io/errno.ts';
import { describeKind, fileKind } from '../io/safe-read.ts';
import { messages } from '../messages.ts';
import { ingestInputKey, listRawInputs, type RawFile } from './raw-files.ts';
import { metaPath, PINS_FILE, selectSnapshots, SNAPSHOTS_DIR } from './snapshots.ts';

export interface IngestFileOptions {
  rawDir: string;
  defaultsDir: string;
  today: string;
  /** How a file is named in problems and outputs (pipeline/io/display-path.ts). */
  display?: (path: string) => string;
}

/** The name of `file` in `dir`, as ingest shows it. */
export function namer(options: Pick<IngestFileOptions, 'display'>): (dir: string, file: string) => string {
  return (dir, file) => (options.display ? options.display(join(dir, file)) : join(dir, file).replace(/\\/g, '/'));
}

/** Every file ingest reads from the raw folder, and the problems of the snapshot selection. */
export function ingestFiles(options: IngestFileOptions): { files: RawFile[]; problems: Problem[] } {
  checkRawFolder(options.rawDir);
  const name = namer(options);
  const inputs = listRawInputs(options.rawDir, options.defaultsDir, name);
  const files: RawFile[] = [inputs.hardware, inputs.assumptions, ...(inputs.curated ? [inputs.curated] : []), ...inputs.exports];
  const pins = join(options.rawDir, SNAPSHOTS_DIR, PINS_FILE);
  if (fileKind(pins) !== 'absent') files.push({ path: pins, name: name(join(options.rawDir, SNAPSHOTS_DIR), PINS_FILE) });
  const snapshots = selectSnapshots(options.rawDir, options.display);
  const shown = (path: string) => (options.display ? options.display(path) : path.replace(/\\/g, '/'));
  for (const ref of snapshots.selected) {
    files.push({ path: ref.path, name: shown(ref.path) });
    if (fileKind(metaPath(ref)) !== 'absent') files.push({ path: metaPath(ref), name: shown(metaPath(ref)) });
  }
  return { files, problems: snapshots.problems };
}

/** Throws (exit code 2, a usage error) unless `rawDir` is a folder. */
export function checkRawFolder(rawDir: string): void {
  const kind = fileKind(rawDir);
  if (kind !== 'directory') throw new PipelineError(messages.rawNotFolder(rawDir, kind === 'absent' ? 'absent' : describeKind(kind)), [], EXIT_USAGE);
}

/**
 * The ingest stage's cache key: the content of every file it reads, and the run date (its "not
 * after the run date" checks make the same files valid one day and not the day before, so a cached
 * and a forced run must see the same date to agree).
 */
export function ingestCacheKey(options: IngestFileOptions): string {
  const { files, problems } = ingestFiles(options);
  return ingestInputKey({ files, problems, today: options.today, rawName: namer(options)(options.rawDir, '.') });
}
