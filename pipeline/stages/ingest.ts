/**
 * Stage 1, ingest: reads data/raw/ (curated records, hardware table, assumptions and any external
 * exports, top-level or as refresh snapshots) and validates every field's shape. Reads only the files it declares; fails with every
 * located problem at once.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { append, PipelineError, type Problem } from '../errors.ts';
import { openCsvFile, readCsvFile, type CsvBatchReader, type CsvTable } from '../io/csv-reader.ts';
import { loadAssumptions, type Assumptions } from '../ingest/assumptions.ts';
import { parseHardwareTable } from '../ingest/hardware-file.ts';
import { checkHeader, checkRows, newRowCheckState, toRawRows, type RowCheckState } from '../ingest/models-file.ts';
import { messages } from '../messages.ts';
import { isExternalExport } from '../adapters/epoch.ts';
import { selectSnapshots } from '../ingest/snapshots.ts';
import { ALIASES_FILE, readAliasesFile } from '../ingest/aliases-file.ts';
import type { Alias } from '../normalize/merge.ts';
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

/**
 * Everything ingest reads except the curated records, which are left open to be read whole
 * (ingest) or a batch at a time (pipeline/stages/row-batches.ts). Problems are gathered, not
 * thrown, in the order ingest reports them: `before` the curated rows' problems, then `after`.
 */
export interface IngestPlan {
  hardware: HardwareSpec[];
  assumptions: Assumptions | undefined;
  external: CsvTable[];
  aliases: Alias[];
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
}

export function planIngest(options: IngestOptions): IngestPlan {
  const { rawDir, defaultsDir, today } = options;
  const named = (dir: string, file: string) => (options.display ? options.display(join(dir, file)) : displayName(dir, file));
  if (!existsSync(rawDir)) throw new PipelineError(messages.missingFile(rawDir));
  const files: string[] = [];
  const collect = <T>(into: Problem[], fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof PipelineError) append(into, err.problems.length ? err.problems : [{ message: err.message }]);
      else throw err;
      return undefined;
    }
  };
  const before: Problem[] = [];
  const after: Problem[] = [];
  const curatedProblems: Problem[] = [];

  const hwDir = pick(rawDir, defaultsDir, HARDWARE_FILE);
  const hwName = named(hwDir, HARDWARE_FILE);
  files.push(hwName);
  const hwTable = collect(before, () => readCsvFile(join(hwDir, HARDWARE_FILE), hwName));
  const hw = hwTable ? parseHardwareTable(hwTable) : { specs: [], problems: [] };
  before.push(...hw.problems);

  const asDir = pick(rawDir, defaultsDir, ASSUMPTIONS_FILE);
  const asName = named(asDir, ASSUMPTIONS_FILE);
  files.push(asName);
  const assumptions = collect(before, () => loadAssumptions(join(asDir, ASSUMPTIONS_FILE), asName));

  let curated: CsvBatchReader | null = null;
  const curatedPath = join(rawDir, CURATED_FILE);
  if (existsSync(curatedPath)) {
    const name = named(rawDir, CURATED_FILE);
    files.push(name);
    const reader = collect(curatedProblems, () => openCsvFile(curatedPath, name));
    if (reader) {
      const headerProblems = checkHeader({ file: reader.file, header: reader.header, rows: [] });
      curatedProblems.push(...headerProblems);
      if (headerProblems.length === 0) curated = reader;
    }
  }

  // The alias table belongs to the folder's own curated records: never taken from the defaults.
  const aliasName = named(rawDir, ALIASES_FILE);
  const aliasTable = readAliasesFile(join(rawDir, ALIASES_FILE), aliasName);
  if (existsSync(join(rawDir, ALIASES_FILE))) files.push(aliasName);
  after.push(...aliasTable.problems);

  const external: CsvTable[] = [];
  const others = readdirSync(rawDir)
    .filter((f) => f.endsWith('.csv') && f !== CURATED_FILE && f !== HARDWARE_FILE && f !== ALIASES_FILE)
    .sort()
    .map((file) => ({ path: join(rawDir, file), name: named(rawDir, file) }));
  // Snapshots stored by `npm run refresh`: the newest, or pinned, export of each source.
  const snapshots = selectSnapshots(rawDir);
  after.push(...snapshots.problems);
  for (const { path, name } of [...others, ...snapshots.selected.map((s) => ({ path: s.path, name: options.display ? options.display(s.path) : s.display }))]) {
    files.push(name);
    const table = collect(after, () => readCsvFile(path, name));
    if (!table) continue;
    if (isExternalExport(table.header)) external.push(table);
    else after.push({ file: name, line: 1, column: 1, message: messages.unknownExport, expected: messages.knownExports });
  }
  return { hardware: hw.specs, assumptions, external, aliases: aliasTable.aliases, files, curated, curatedProblems, ragged: false, rowCount: 0, before, after, hardwareIds: new Set(hw.specs.map((h) => h.id)), today };
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
  if (problems.length > 0 || !plan.assumptions) throw new PipelineError(messages.stageFailed('ingest', problems.length), problems);
  return { models, hardware: plan.hardware, assumptions: plan.assumptions, external: plan.external, aliases: plan.aliases, files: plan.files, warnings: [] };
}

export function ingest(options: IngestOptions): IngestOutput {
  const plan = planIngest(options);
  const models = readCuratedRows(plan, Infinity, newRowCheckState()) ?? [];
  return finishIngest(plan, models, options.rawDir);
}
