/**
 * Stage 1, ingest: reads data/raw/ (curated records, hardware table, assumptions, the alias table
 * and any external exports, top-level or as refresh snapshots) and validates every field's shape, in one pass over
 * each file; fails with every located problem at once. Its artifact holds what is small (the
 * hardware, the assumptions, the files read) and refers to the record files by the sha256 of the
 * bytes it validated: later stages read their records again through `curatedRows` and
 * `externalTables`, which give exactly those bytes or fail.
 */
import { append, PipelineError, type Problem } from '../errors.ts';
import { openCsvStream, parseCsvBytes, readCsvFile, type CsvBatchReader, type CsvTable, type ReadAt } from '../io/csv-reader.ts';
import { otherDelimiter } from '../io/csv-sniff.ts';
import { readDataFile } from '../io/safe-read.ts';
import { BATCH_ROWS, FileBytes, Handoff, openSource, readSource, sourceFile, type SourceFile } from '../io/source-file.ts';
import { readAssumptions, type Assumptions } from '../ingest/assumptions.ts';
import { parseHardwareTable } from '../ingest/hardware-file.ts';
import { checkRawFolder, ingestFiles, namer } from '../ingest/inputs.ts';
import { checkHeader, checkRows, newRowCheckState, toRawRows } from '../ingest/models-file.ts';
import { listRawInputs } from '../ingest/raw-files.ts';
import { messages } from '../messages.ts';
import { isExternalExport } from '../adapters/epoch.ts';
import { readSnapshot, selectSnapshots } from '../ingest/snapshots.ts';
import { readAliasesFile } from '../ingest/aliases-file.ts';
import type { Alias } from '../ingest/aliases-file.ts';
import type { HardwareSpec, RawModelRow } from '../schema/records.ts';
import { restoreShape, type Stage } from './stage.ts';

export interface IngestOptions {
  /** Folder of raw records (default data/raw). */
  rawDir: string;
  /** Folder with the shipped hardware.csv and assumptions.yaml, used when rawDir has none. */
  defaultsDir: string;
  /** The run date, YYYY-MM-DD, for "in the future" checks. */
  today: string;
  /** How a file is named in problems and outputs (pipeline/io/display-path.ts); default: as joined. */
  display?: (path: string) => string;
}

export interface IngestArtifact {
  /** The curated records file, validated; null when the folder has none. */
  curated: SourceFile | null;
  /** External exports (e.g. Epoch AI CSVs), read and recognized but not yet mapped. */
  external: SourceFile[];
  hardware: HardwareSpec[];
  assumptions: Assumptions;
  /** data/raw/aliases.csv: curated id ↔ upstream name, for the merge. */
  aliases: Alias[];
  /** The files read, in the order read, for provenance. */
  files: string[];
  warnings: Problem[];
}

export { ASSUMPTIONS_FILE, CURATED_FILE, HARDWARE_FILE } from '../ingest/raw-files.ts';

/** Problems of `fn` gathered into `into` rather than thrown; `exitCode` hears the error's exit code. */
function collectInto<T>(into: Problem[], fn: () => T, exitCode: (code: number) => void = () => {}): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof PipelineError)) throw err;
    append(into, err.problems.length ? err.problems : [{ message: err.message }]);
    exitCode(err.exitCode);
    return undefined;
  }
}

/**
 * The pass: every file read and checked. Only the files of pipeline/ingest/raw-files.ts are opened,
 * each only if it is a regular file. Problems come in one order: hardware and assumptions, the
 * curated file, the alias table, then the exports (top-level files, then snapshots). The error's
 * exit code is 3 when a file could not be read for a system reason (a permission), else 1.
 */
export function ingest(options: IngestOptions): IngestArtifact {
  const { rawDir, defaultsDir, today } = options;
  const named = namer(options);
  checkRawFolder(rawDir);
  const files: string[] = [];
  const problems: Problem[] = [];
  let exitCode = 1;
  const collect = <T>(into: Problem[], fn: () => T): T | undefined => collectInto(into, fn, (code) => (exitCode = Math.max(exitCode, code)));
  const inputs = listRawInputs(rawDir, defaultsDir, named);

  const hwName = inputs.hardware.name;
  files.push(hwName);
  const hwTable = collect(problems, () => readCsvFile(inputs.hardware.path, hwName));
  const hw = hwTable ? parseHardwareTable(hwTable, today) : { specs: [], problems: [], warnings: [] };
  problems.push(...hw.problems);

  const asName = inputs.assumptions.name;
  files.push(asName);
  const read = collect(problems, () => readAssumptions(inputs.assumptions.path, asName));
  const assumptions = read?.assumptions;

  let curated: SourceFile | null = null;
  if (inputs.curated) {
    const { path, name } = inputs.curated;
    files.push(name);
    // Opened as readDataFile opens a data file (a regular file, non-blocking, bounded), read a
    // chunk at a time and hashed as read: the sha256 is that of the bytes validated.
    const bytes = collect(problems, () => new FileBytes(path, name));
    if (bytes) {
      try {
        const checked = checkCuratedFile(bytes.readAt, name, new Set(hw.specs.map((h) => h.id)), today);
        append(problems, checked.problems);
        exitCode = Math.max(exitCode, checked.exitCode);
        const hash = collect(problems, () => bytes.sha256());
        if (hash !== undefined) curated = sourceFile(path, name, hash, checked.rows);
      } finally {
        bytes.close();
      }
    }
  }

  // The alias table belongs to the folder's own curated records: never taken from the defaults.
  let aliases: Alias[] = [];
  if (inputs.aliases) {
    const { path, name } = inputs.aliases;
    files.push(name);
    const aliasTable = readAliasesFile(path, name);
    aliases = aliasTable.aliases;
    problems.push(...aliasTable.problems);
  }

  const external: SourceFile[] = [];
  // Snapshots stored by `npm run refresh`: the newest, or pinned, export of each source, each
  // checked against its metadata (sha256, rows) and its date against the run date.
  const snapshots = selectSnapshots(rawDir, options.display);
  problems.push(...snapshots.problems);
  // The same export twice (a top-level copy of a snapshot, two identical files) would count every row twice.
  const seen = new Map<string, string>();
  const add = (path: string, name: string, bytes: Uint8Array, table: CsvTable | undefined | null) => {
    if (!table) return;
    const file = sourceFile(path, name, bytes, table.rows.length);
    const first = seen.get(file.sha256);
    if (first !== undefined) {
      problems.push({ file: name, line: 1, column: 1, message: messages.sameExportTwice(first, file.sha256), expected: 'each export once' });
      return;
    }
    seen.set(file.sha256, name);
    if (isExternalExport(table.header)) external.push(file);
    else problems.push({ file: name, line: 1, column: 1, message: messages.unknownExport, expected: exportExpected(table.header) });
  };
  for (const { path, name } of inputs.exports) {
    files.push(name);
    const bytes = collect(problems, () => readDataFile(path, name));
    if (bytes) add(path, name, bytes, collect(problems, () => parseCsvBytes(bytes, name)));
  }
  for (const ref of snapshots.selected) {
    const name = options.display ? options.display(ref.path) : ref.display;
    files.push(name);
    const snapshot = readSnapshot(ref, today, options.display);
    problems.push(...snapshot.problems);
    if (snapshot.bytes) add(ref.path, name, snapshot.bytes, snapshot.table);
  }

  if ((curated?.rows ?? 0) === 0 && external.length === 0 && problems.length === 0) problems.push({ file: rawDir, message: messages.noRecords });
  if (problems.length > 0 || !assumptions) throw new PipelineError(messages.stageFailed('ingest', problems.length), problems, exitCode);
  // Unusual values of hardware.csv and assumptions.yaml, ahead of the normalize stage's warnings.
  return { curated, external, hardware: hw.specs, assumptions, aliases, files, warnings: [...hw.warnings, ...(read?.warnings ?? [])] };
}

/** What an unknown CSV should have been; naming the delimiter when it looks like another one. */
function exportExpected(header: readonly string[]): string {
  const other = header.length === 1 ? otherDelimiter(header[0]) : null;
  return other ? `${messages.knownExports}; ${messages.looksDelimited(other.name, other.count, other.commas)}` : messages.knownExports;
}

/**
 * The curated file's problems, read a batch of rows at a time: the file's own (unreadable, header)
 * or, when it reads, its rows'. A malformed record (broken quoting) is the file's only problem;
 * ragged rows are its problems instead of the checks of the other rows.
 */
function checkCuratedFile(readAt: ReadAt, name: string, hardwareIds: ReadonlySet<string>, today: string): { problems: Problem[]; rows: number; exitCode: number } {
  const problems: Problem[] = [];
  let exitCode = 1;
  const reader = collectInto(problems, () => openCsvStream(readAt, name), (code) => (exitCode = code));
  if (!reader) return { problems, rows: 0, exitCode };
  const header = checkHeader({ file: reader.file, header: reader.header, rows: [] });
  if (header.length > 0) return { problems: header, rows: 0, exitCode };
  const state = newRowCheckState();
  let rows = 0;
  let ragged = false;
  try {
    for (;;) {
      const batch = reader.next(BATCH_ROWS);
      if (batch.rows.length === 0) break;
      rows += batch.rows.length;
      if (batch.ragged.length > 0 || ragged) {
        if (!ragged) problems.length = 0;
        ragged = true;
        append(problems, batch.ragged);
        continue;
      }
      append(problems, checkRows(toRawRows({ file: reader.file, header: reader.header, rows: batch.rows }), hardwareIds, today, state));
    }
  } catch (err) {
    // Read a chunk at a time, the file can fail midway: a malformed record, or a read the system
    // refused (exit code 3, as readDataFile says it).
    if (!(err instanceof PipelineError)) throw err;
    return { problems: err.problems, rows, exitCode: err.exitCode };
  }
  return { problems, rows, exitCode };
}

/**
 * The curated records as ingest validated them, again, a batch at a time, in file order: read
 * a chunk at a time from the bytes the artifact names, opened as ingest opened them (a file
 * changed since, gone or no longer a regular file fails here as changed, even midway).
 */
export function* curatedRows(ingested: IngestArtifact): Generator<RawModelRow[]> {
  if (ingested.curated === null) return;
  const source = openSource(ingested.curated);
  try {
    const reader: CsvBatchReader = openCsvStream(source.readAt, ingested.curated.name);
    const rows = new Handoff<RawModelRow[]>();
    while (rows.put(nextRawRows(reader))) yield rows.take();
    source.done();
  } catch (err) {
    // A problem met midway in a file written to during the pass is that change.
    source.done();
    throw err;
  } finally {
    source.close();
  }
}

/** The reader's next batch of rows, null at the end. */
function nextRawRows(reader: CsvBatchReader): RawModelRow[] | null {
  const batch = reader.next(BATCH_ROWS);
  return batch.rows.length === 0 ? null : toRawRows({ file: reader.file, header: reader.header, rows: batch.rows });
}

/** The external exports as ingest recognized them, read again whole (an export is thousands of rows). */
export function externalTables(ingested: IngestArtifact): CsvTable[] {
  return ingested.external.map((file) => parseCsvBytes(readSource(file), file.name));
}

/** Rows read: curated and external. */
export function ingestedRows(ingested: IngestArtifact): number {
  return (ingested.curated?.rows ?? 0) + ingested.external.reduce((n, f) => n + f.rows, 0);
}

export const ingestStage: Stage<IngestArtifact> = {
  name: 'ingest',
  reads: {
    stages: [],
    // Exactly the files ingest opens (pipeline/ingest/inputs.ts), never the whole folder: a FIFO or
    // a huge unrelated file beside them is never hashed.
    files: (ctx) => ingestFiles({ rawDir: ctx.rawDir, defaultsDir: ctx.defaultsDir, today: ctx.today, display: ctx.display }).files.map((f) => f.path),
    // The run date: a snapshot, a publication or a chip's release "in the future" is refused, so
    // the same files are valid one day and not the day before; a cached and a forced run must see
    // the same date to agree (issue #21, "clock-free validity").
    options: ['rawName', 'today'],
  },
  run(_read, ctx) {
    const artifact = ingest({ rawDir: ctx.rawDir, defaultsDir: ctx.defaultsDir, today: ctx.today, display: ctx.display });
    const rows = ingestedRows(artifact);
    return { artifact, rowsIn: rows, rowsOut: rows, warnings: artifact.warnings.length };
  },
  restore: (saved) => restoreShape<IngestArtifact>('ingest', saved, ['curated', 'external', 'hardware', 'assumptions', 'aliases', 'files', 'warnings']),
};
