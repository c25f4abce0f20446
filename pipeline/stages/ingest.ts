/**
 * Stage 1, ingest: reads data/raw/ (curated records, hardware table, assumptions and any external
 * exports, top-level or as refresh snapshots) and validates every field's shape. Reads only the files it declares; fails with every
 * located problem at once.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError, type Problem } from '../errors.ts';
import { readCsvFile, type CsvTable } from '../io/csv-reader.ts';
import { loadAssumptions, type Assumptions } from '../ingest/assumptions.ts';
import { parseHardwareTable } from '../ingest/hardware-file.ts';
import { checkHeader, checkRows, toRawRows } from '../ingest/models-file.ts';
import { messages } from '../messages.ts';
import { isExternalExport } from '../adapters/epoch.ts';
import { selectSnapshots } from '../ingest/snapshots.ts';
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

export function ingest(options: IngestOptions): IngestOutput {
  const { rawDir, defaultsDir, today } = options;
  const named = (dir: string, file: string) => (options.display ? options.display(join(dir, file)) : displayName(dir, file));
  if (!existsSync(rawDir)) throw new PipelineError(messages.missingFile(rawDir));
  const problems: Problem[] = [];
  const files: string[] = [];
  const collect = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof PipelineError) problems.push(...(err.problems.length ? err.problems : [{ message: err.message }]));
      else throw err;
      return undefined;
    }
  };

  const hwDir = pick(rawDir, defaultsDir, HARDWARE_FILE);
  const hwName = named(hwDir, HARDWARE_FILE);
  files.push(hwName);
  const hwTable = collect(() => readCsvFile(join(hwDir, HARDWARE_FILE), hwName));
  const hw = hwTable ? parseHardwareTable(hwTable) : { specs: [], problems: [] };
  problems.push(...hw.problems);

  const asDir = pick(rawDir, defaultsDir, ASSUMPTIONS_FILE);
  const asName = named(asDir, ASSUMPTIONS_FILE);
  files.push(asName);
  const assumptions = collect(() => loadAssumptions(join(asDir, ASSUMPTIONS_FILE), asName));

  let models: RawModelRow[] = [];
  const curatedPath = join(rawDir, CURATED_FILE);
  if (existsSync(curatedPath)) {
    const name = named(rawDir, CURATED_FILE);
    files.push(name);
    const table = collect(() => readCsvFile(curatedPath, name));
    if (table) {
      const headerProblems = checkHeader(table);
      problems.push(...headerProblems);
      if (headerProblems.length === 0) {
        models = toRawRows(table);
        problems.push(...checkRows(models, new Set(hw.specs.map((h) => h.id)), today));
      }
    }
  }

  const external: CsvTable[] = [];
  const others = readdirSync(rawDir)
    .filter((f) => f.endsWith('.csv') && f !== CURATED_FILE && f !== HARDWARE_FILE)
    .sort()
    .map((file) => ({ path: join(rawDir, file), name: named(rawDir, file) }));
  // Snapshots stored by `npm run refresh`: the newest, or pinned, export of each source.
  const snapshots = selectSnapshots(rawDir);
  problems.push(...snapshots.problems);
  for (const { path, name } of [...others, ...snapshots.selected.map((s) => ({ path: s.path, name: options.display ? options.display(s.path) : s.display }))]) {
    files.push(name);
    const table = collect(() => readCsvFile(path, name));
    if (!table) continue;
    if (isExternalExport(table.header)) external.push(table);
    else problems.push({ file: name, line: 1, column: 1, message: messages.unknownExport, expected: messages.knownExports });
  }
  if (models.length === 0 && external.length === 0 && problems.length === 0) {
    problems.push({ file: rawDir, message: messages.noRecords });
  }
  if (problems.length > 0 || !assumptions) throw new PipelineError(messages.stageFailed('ingest', problems.length), problems);
  return { models, hardware: hw.specs, assumptions, external, files, warnings: [] };
}
