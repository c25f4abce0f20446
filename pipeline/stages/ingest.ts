/**
 * Stage 1, ingest: reads data/raw/ (curated records, hardware table, assumptions and any external
 * exports, top-level or as refresh snapshots) and validates every field's shape. Reads only the files it declares; fails with every
 * located problem at once.
 */
import { append, PipelineError, type Problem } from '../errors.ts';
import { openCsvFile, parseCsvBytes, readCsvFile, type CsvBatchReader, type CsvTable } from '../io/csv-reader.ts';
import { sha256 } from '../io/hash.ts';
import { readDataFile } from '../io/safe-read.ts';
import { readAssumptions, type Assumptions } from '../ingest/assumptions.ts';
import { parseHardwareTable } from '../ingest/hardware-file.ts';
import { checkRawFolder, namer } from '../ingest/inputs.ts';
import { checkHeader, checkRows, newRowCheckState, toRawRows, type RowCheckState } from '../ingest/models-file.ts';
import { listRawInputs } from '../ingest/raw-files.ts';
import { messages } from '../messages.ts';
import { isExternalExport } from '../adapters/epoch.ts';
import { otherDelimiter } from '../io/csv-sniff.ts';
import { readSnapshot, selectSnapshots } from '../ingest/snapshots.ts';
import type { HardwareSpec, RawModelRow } from '../schema/records.ts';

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

export interface IngestOutput {
  models: RawModelRow[];
  hardware: HardwareSpec[];
  assumptions: Assumptions;
  /** External exports (e.g. Epoch AI CSVs), read but not yet mapped. */
  external: CsvTable[];
  /** The files read, in the order read, for provenance. */
  files: string[];
  warnings: Problem[];
}

export { ASSUMPTIONS_FILE, CURATED_FILE, HARDWARE_FILE } from '../ingest/raw-files.ts';

/**
 * Everything ingest reads except the curated records, which are left open to be read whole
 * (ingest) or a batch at a time (pipeline/stages/row-batches.ts). Problems are gathered, not
 * thrown, in the order ingest reports them: `before` the curated rows' problems, then `after`.
 */
export interface IngestPlan {
  hardware: HardwareSpec[];
  assumptions: Assumptions | undefined;
  external: CsvTable[];
  files: string[];
  /** The curated file's rows, header already checked; null without a file or with a broken header. */
  curated: CsvBatchReader | null;
  /** The curated file's own problems so far (unreadable, header); its rows' problems join them. */
  curatedProblems: Problem[];
  /** Whether a row of the curated file had the wrong number of fields (the file is then unreadable). */
  ragged: boolean;
  /** Curated rows read so far. */
  rowCount: number;
  before: Problem[];
  after: Problem[];
  hardwareIds: ReadonlySet<string>;
  today: string;
  /** Warnings so far (hardware.csv's unusual values), ahead of the normalize stage's. */
  warnings: Problem[];
  /** The highest exit code among the problems' causes: 3 when a file could not be read for a system reason. */
  exitCode: number;
}

export function planIngest(options: IngestOptions): IngestPlan {
  const { rawDir, defaultsDir, today } = options;
  const named = namer(options);
  checkRawFolder(rawDir);
  const files: string[] = [];
  let exitCode = 1;
  const collect = <T>(into: Problem[], fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof PipelineError) append(into, err.problems.length ? err.problems : [{ message: err.message }]);
      else throw err;
      exitCode = Math.max(exitCode, err.exitCode);
      return undefined;
    }
  };
  const before: Problem[] = [];
  const after: Problem[] = [];
  const curatedProblems: Problem[] = [];
  // Only these files are opened (pipeline/ingest/raw-files.ts); each must be a regular file.
  const inputs = listRawInputs(rawDir, defaultsDir, named);

  const hwName = inputs.hardware.name;
  files.push(hwName);
  const hwTable = collect(before, () => readCsvFile(inputs.hardware.path, hwName));
  const hw = hwTable ? parseHardwareTable(hwTable, today) : { specs: [], problems: [], warnings: [] };
  before.push(...hw.problems);

  const asName = inputs.assumptions.name;
  files.push(asName);
  const read = collect(before, () => readAssumptions(inputs.assumptions.path, asName));
  const assumptions = read?.assumptions;

  let curated: CsvBatchReader | null = null;
  if (inputs.curated) {
    const name = inputs.curated.name;
    files.push(name);
    const reader = collect(curatedProblems, () => openCsvFile(inputs.curated!.path, name));
    if (reader) {
      const headerProblems = checkHeader({ file: reader.file, header: reader.header, rows: [] });
      curatedProblems.push(...headerProblems);
      if (headerProblems.length === 0) curated = reader;
    }
  }

  const external: CsvTable[] = [];
  // Snapshots stored by `npm run refresh`: the newest, or pinned, export of each source, each
  // checked against its metadata (sha256, rows) and its date against the run date.
  const snapshots = selectSnapshots(rawDir, options.display);
  after.push(...snapshots.problems);
  // The same export twice (a top-level copy of a snapshot, two identical files) would count every row twice.
  const seen = new Map<string, string>();
  const add = (name: string, table: CsvTable | undefined | null, hash: string | null) => {
    if (!table || hash === null) return;
    const first = seen.get(hash);
    if (first !== undefined) {
      after.push({ file: name, line: 1, column: 1, message: messages.sameExportTwice(first, hash), expected: 'each export once' });
      return;
    }
    seen.set(hash, name);
    if (isExternalExport(table.header)) external.push(table);
    else after.push({ file: name, line: 1, column: 1, message: messages.unknownExport, expected: exportExpected(table.header) });
  };
  for (const { path, name } of inputs.exports) {
    files.push(name);
    const bytes = collect(after, () => readDataFile(path, name));
    if (!bytes) continue;
    add(name, collect(after, () => parseCsvBytes(bytes, name)), sha256(bytes));
  }
  for (const ref of snapshots.selected) {
    const name = options.display ? options.display(ref.path) : ref.display;
    files.push(name);
    const read = readSnapshot(ref, today, options.display);
    after.push(...read.problems);
    add(name, read.table, read.sha256);
  }
  const warnings = [...hw.warnings, ...(read?.warnings ?? [])];
  return { hardware: hw.specs, assumptions, external, files, curated, curatedProblems, ragged: false, rowCount: 0, before, after, hardwareIds: new Set(hw.specs.map((h) => h.id)), today, exitCode, warnings };
}

/** What an unknown CSV should have been; naming the delimiter when it looks like another one. */
function exportExpected(header: readonly string[]): string {
  const other = header.length === 1 ? otherDelimiter(header[0]) : null;
  return other ? `${messages.knownExports}; ${messages.looksDelimited(other.name, other.count, other.commas)}` : messages.knownExports;
}

/**
 * Reads and checks up to `limit` more curated rows of the plan, adding their problems to the
 * plan's: the whole file with Infinity; null once there are no more. A malformed record (broken
 * quoting) is the file's only problem, as when the file is read whole; after a ragged row, rows
 * are counted, not checked.
 */
export function readCuratedRows(plan: IngestPlan, limit: number, state: RowCheckState): RawModelRow[] | null {
  const reader = plan.curated;
  if (!reader) return null;
  let batch: ReturnType<CsvBatchReader['next']>;
  try {
    batch = reader.next(limit);
  } catch (err) {
    if (!(err instanceof PipelineError)) throw err;
    plan.curated = null;
    plan.curatedProblems.length = 0;
    append(plan.curatedProblems, err.problems);
    return null;
  }
  if (batch.rows.length === 0) return null;
  plan.rowCount += batch.rows.length;
  if (batch.ragged.length > 0 || plan.ragged) {
    // The file is unreadable: its ragged rows are its problems, not the checks of the other rows.
    if (!plan.ragged) plan.curatedProblems.length = 0;
    plan.ragged = true;
    append(plan.curatedProblems, batch.ragged);
    return [];
  }
  const rows = toRawRows({ file: reader.file, header: reader.header, rows: batch.rows });
  append(plan.curatedProblems, checkRows(rows, plan.hardwareIds, plan.today, state));
  return rows;
}

/**
 * Throws every problem of the plan, in ingest's order; otherwise the output with these rows (all
 * of them, or none when the rows were read in batches).
 */
export function finishIngest(plan: IngestPlan, models: RawModelRow[], rawDir: string): IngestOutput {
  const problems = [...plan.before, ...plan.curatedProblems, ...plan.after];
  if (plan.rowCount === 0 && plan.external.length === 0 && problems.length === 0) {
    problems.push({ file: rawDir, message: messages.noRecords });
  }
  if (problems.length > 0 || !plan.assumptions) throw new PipelineError(messages.stageFailed('ingest', problems.length), problems, plan.exitCode);
  return { models, hardware: plan.hardware, assumptions: plan.assumptions, external: plan.external, files: plan.files, warnings: plan.warnings };
}

export function ingest(options: IngestOptions): IngestOutput {
  const plan = planIngest(options);
  const models = readCuratedRows(plan, Infinity, newRowCheckState()) ?? [];
  return finishIngest(plan, models, options.rawDir);
}
