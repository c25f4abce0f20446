/**
 * Stage 1, ingest: reads data/raw/ (curated records, hardware table, assumptions, the alias table
 * and any external exports, top-level or as refresh snapshots) and validates every field's shape, in one pass over
 * each file; fails with every located problem at once. Its artifact holds what is small (the
 * hardware, the assumptions, the files read) and refers to the record files by the sha256 of the
 * bytes it validated: later stages read their records again through `curatedRows` and
 * `externalTables`, which give exactly those bytes or fail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { append, PipelineError, type Problem } from '../errors.ts';
import { openCsvStream, parseCsvBytes, readCsvFile, type CsvBatchReader, type CsvTable, type ReadAt } from '../io/csv-reader.ts';
import { BATCH_ROWS, FileBytes, openSource, readSource, sourceFile, type SourceFile } from '../io/source-file.ts';
import { loadAssumptions, type Assumptions } from '../ingest/assumptions.ts';
import { parseHardwareTable } from '../ingest/hardware-file.ts';
import { checkHeader, checkRows, newRowCheckState, toRawRows } from '../ingest/models-file.ts';
import { messages } from '../messages.ts';
import { isExternalExport } from '../adapters/epoch.ts';
import { selectSnapshots } from '../ingest/snapshots.ts';
import { ALIASES_FILE, readAliasesFile } from '../ingest/aliases-file.ts';
import type { Alias } from '../normalize/merge.ts';
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

export const CURATED_FILE = 'models.csv';
export const HARDWARE_FILE = 'hardware.csv';
export const ASSUMPTIONS_FILE = 'assumptions.yaml';

/** Display name of a file: relative to the working directory, never a machine path. */
function displayName(dir: string, file: string): string {
  return join(dir, file).replace(/\\/g, '/');
}

function pick(rawDir: string, defaultsDir: string, file: string): string {
  return existsSync(join(rawDir, file)) ? rawDir : defaultsDir;
}

/** Problems of `fn` gathered into `into` rather than thrown. */
function collect<T>(into: Problem[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (err instanceof PipelineError) append(into, err.problems.length ? err.problems : [{ message: err.message }]);
    else throw err;
    return undefined;
  }
}

/**
 * The pass: every file read and checked. Problems come in one order: hardware and assumptions,
 * the curated file, the alias table, then the exports.
 */
export function ingest(options: IngestOptions): IngestArtifact {
  const { rawDir, defaultsDir, today } = options;
  const named = (dir: string, file: string) => (options.display ? options.display(join(dir, file)) : displayName(dir, file));
  if (!existsSync(rawDir)) throw new PipelineError(messages.missingFile(rawDir));
  const files: string[] = [];
  const problems: Problem[] = [];

  const hwDir = pick(rawDir, defaultsDir, HARDWARE_FILE);
  const hwName = named(hwDir, HARDWARE_FILE);
  files.push(hwName);
  const hwTable = collect(problems, () => readCsvFile(join(hwDir, HARDWARE_FILE), hwName));
  const hw = hwTable ? parseHardwareTable(hwTable) : { specs: [], problems: [] };
  problems.push(...hw.problems);

  const asDir = pick(rawDir, defaultsDir, ASSUMPTIONS_FILE);
  const asName = named(asDir, ASSUMPTIONS_FILE);
  files.push(asName);
  const assumptions = collect(problems, () => loadAssumptions(join(asDir, ASSUMPTIONS_FILE), asName));

  let curated: SourceFile | null = null;
  const curatedPath = join(rawDir, CURATED_FILE);
  if (existsSync(curatedPath)) {
    const name = named(rawDir, CURATED_FILE);
    files.push(name);
    // Read a chunk at a time and hashed as read: the sha256 is that of the bytes validated.
    const bytes = new FileBytes(curatedPath);
    try {
      const checked = checkCuratedFile(bytes.readAt, name, new Set(hw.specs.map((h) => h.id)), today);
      append(problems, checked.problems);
      curated = sourceFile(curatedPath, name, bytes.sha256(), checked.rows);
    } finally {
      bytes.close();
    }
  }

  // The alias table belongs to the folder's own curated records: never taken from the defaults.
  const aliasName = named(rawDir, ALIASES_FILE);
  const aliasTable = readAliasesFile(join(rawDir, ALIASES_FILE), aliasName);
  if (existsSync(join(rawDir, ALIASES_FILE))) files.push(aliasName);
  problems.push(...aliasTable.problems);

  const external: SourceFile[] = [];
  const others = readdirSync(rawDir)
    .filter((f) => f.endsWith('.csv') && f !== CURATED_FILE && f !== HARDWARE_FILE && f !== ALIASES_FILE)
    .sort()
    .map((file) => ({ path: join(rawDir, file), name: named(rawDir, file) }));
  // Snapshots stored by `npm run refresh`: the newest, or pinned, export of each source.
  const snapshots = selectSnapshots(rawDir);
  problems.push(...snapshots.problems);
  for (const { path, name } of [...others, ...snapshots.selected.map((s) => ({ path: s.path, name: options.display ? options.display(s.path) : s.display }))]) {
    files.push(name);
    const bytes = readFileSync(path);
    const table = collect(problems, () => parseCsvBytes(bytes, name));
    if (!table) continue;
    if (isExternalExport(table.header)) external.push(sourceFile(path, name, bytes, table.rows.length));
    else problems.push({ file: name, line: 1, column: 1, message: messages.unknownExport, expected: messages.knownExports });
  }

  if ((curated?.rows ?? 0) === 0 && external.length === 0 && problems.length === 0) problems.push({ file: rawDir, message: messages.noRecords });
  if (problems.length > 0 || !assumptions) throw new PipelineError(messages.stageFailed('ingest', problems.length), problems);
  return { curated, external, hardware: hw.specs, assumptions, aliases: aliasTable.aliases, files, warnings: [] };
}

/**
 * The curated file's problems, read a batch of rows at a time: the file's own (unreadable, header)
 * or, when it reads, its rows'. A malformed record (broken quoting) is the file's only problem;
 * ragged rows are its problems instead of the checks of the other rows.
 */
function checkCuratedFile(readAt: ReadAt, name: string, hardwareIds: ReadonlySet<string>, today: string): { problems: Problem[]; rows: number } {
  const problems: Problem[] = [];
  const reader = collect(problems, () => openCsvStream(readAt, name));
  if (!reader) return { problems, rows: 0 };
  const header = checkHeader({ file: reader.file, header: reader.header, rows: [] });
  if (header.length > 0) return { problems: header, rows: 0 };
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
    if (!(err instanceof PipelineError)) throw err;
    return { problems: err.problems, rows };
  }
  return { problems, rows };
}

/**
 * The curated records as ingest validated them, again, a batch at a time, in file order: read
 * a chunk at a time from the bytes the artifact names (a file changed since fails here).
 */
export function* curatedRows(ingested: IngestArtifact): Generator<RawModelRow[]> {
  if (ingested.curated === null) return;
  const source = openSource(ingested.curated);
  try {
    const reader: CsvBatchReader = openCsvStream(source.readAt, ingested.curated.name);
    for (;;) {
      const batch = reader.next(BATCH_ROWS);
      if (batch.rows.length === 0) break;
      yield toRawRows({ file: reader.file, header: reader.header, rows: batch.rows });
    }
    source.done();
  } finally {
    source.close();
  }
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
    // The raw folder, and the shipped defaults it falls back on.
    files: (ctx) => [ctx.rawDir, ctx.defaultsDir],
    options: ['rawName'],
  },
  run(_read, ctx) {
    const artifact = ingest({ rawDir: ctx.rawDir, defaultsDir: ctx.defaultsDir, today: ctx.today, display: ctx.display });
    const rows = ingestedRows(artifact);
    return { artifact, rowsIn: rows, rowsOut: rows, warnings: artifact.warnings.length };
  },
  restore: (saved) => restoreShape<IngestArtifact>('ingest', saved, ['curated', 'external', 'hardware', 'assumptions', 'aliases', 'files', 'warnings']),
};
