/**
 * Everything ingest reads, as one list: the files of pipeline/ingest/raw-files.ts and, under
 * snapshots/, pins.yaml, the selected snapshot of each source with its metadata, and any CSV there
 * not named like a snapshot (a problem ingest reports). The ingest stage declares these as the
 * files it reads (pipeline/stages/stage.ts), so its cache key hashes them and nothing else: a FIFO
 * or a huge unrelated file in the folder is never opened and changes nothing.
 */
import { join } from 'node:path';
import { PipelineError, type Problem } from '../errors.ts';
import { EXIT_USAGE } from '../io/errno.ts';
import { describeKind, fileKind } from '../io/safe-read.ts';
import { messages } from '../messages.ts';
import { listRawInputs, type RawFile } from './raw-files.ts';
import { listSources, metaPath, PINS_FILE, selectSnapshots, SNAPSHOTS_DIR, strayFiles } from './snapshots.ts';

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
  const files: RawFile[] = [inputs.hardware, inputs.assumptions, ...(inputs.curated ? [inputs.curated] : []), ...(inputs.aliases ? [inputs.aliases] : []), ...inputs.exports];
  const pins = join(options.rawDir, SNAPSHOTS_DIR, PINS_FILE);
  if (fileKind(pins) !== 'absent') files.push({ path: pins, name: name(join(options.rawDir, SNAPSHOTS_DIR), PINS_FILE) });
  const snapshots = selectSnapshots(options.rawDir, options.display);
  const shown = (path: string) => (options.display ? options.display(path) : path.replace(/\\/g, '/'));
  for (const ref of snapshots.selected) {
    files.push({ path: ref.path, name: shown(ref.path) });
    if (fileKind(metaPath(ref)) !== 'absent') files.push({ path: metaPath(ref), name: shown(metaPath(ref)) });
  }
  // Not read, but a problem while there: its coming and going changes what ingest reports.
  for (const source of listSources(options.rawDir)) for (const stray of strayFiles(options.rawDir, source)) files.push({ path: stray.path, name: shown(stray.path) });
  return { files, problems: snapshots.problems };
}

/** Throws (exit code 2, a usage error) unless `rawDir` is a folder. */
export function checkRawFolder(rawDir: string): void {
  const kind = fileKind(rawDir);
  if (kind !== 'directory') throw new PipelineError(messages.rawNotFolder(rawDir, kind === 'absent' ? 'absent' : describeKind(kind)), [], EXIT_USAGE);
}
