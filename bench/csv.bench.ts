/**
 * `npm run bench -- csv`: the hand-written CSV reader (pipeline/io/csv-records.ts) and writer
 * (pipeline/io/csv-writer.ts) against csv-parse and csv-stringify, on the shipped models.csv and on
 * 1e6 synthetic records (bench/scale-data.ts; CSV_ROWS to change), doing the pipeline's job:
 * - read: every record with the line it starts on (what located problems need), a batch at a time
 *   as the row stages read (csv-parse: its `info` option, sync API on the whole text);
 * - write: the processed models.csv of those records (39 columns) from the cells of each row
 *   (csv-stringify: sync API; our writer: toCsvPieces, and the record writer the impute stage uses),
 *   on at most 1e5 records.
 * Both sides check they produce the same rows, and the same bytes. Each figure is the best of
 * three runs in this process (after one warm-up). Prints figures; never fails on them.
 */
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { loadModelColumns, modelsCsvPieces } from '../pipeline/impute/processed-table.ts';
import { openCsvBytes } from '../pipeline/io/csv-reader.ts';
import { joinText, toCsvPieces, type CsvCell } from '../pipeline/io/csv-writer.ts';
import { BATCH_ROWS } from '../pipeline/io/source-file.ts';
import { processedRecords } from '../pipeline/stages/impute.ts';
import { ingest } from '../pipeline/stages/ingest.ts';
import { normalize } from '../pipeline/stages/normalize.ts';
import type { ProcessedRecord } from '../pipeline/schema/records.ts';
import { writeSyntheticModels } from './scale-data.ts';

const root = resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.CSV_ROWS ?? 1e6);
const WRITE_ROWS = 1e5;

function best(fn: () => unknown): number {
  fn();
  let min = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function ours(bytes: Buffer): { rows: number; lastLine: number } {
  const reader = openCsvBytes(bytes, 'models.csv');
  let rows = 0;
  let lastLine = 0;
  for (;;) {
    const batch = reader.next(BATCH_ROWS);
    if (batch.rows.length === 0) return { rows, lastLine };
    rows += batch.rows.length;
    lastLine = batch.rows[batch.rows.length - 1].line;
  }
}

function library(bytes: Buffer): { rows: number; lastLine: number } {
  const records = parse(bytes, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as { record: string[]; info: { lines: number } }[];
  // csv-parse counts the line a record ends on; the header is record 0.
  return { rows: records.length - 1, lastLine: records.at(-1)!.info.lines };
}

const MODEL_CELLS: (r: ProcessedRecord) => CsvCell[] = (r) => [r.id, r.name, r.organization, r.domain, r.architecture, r.publicationDate, r.year, r.parameters, r.flop?.flop ?? null, r.flop?.method ?? null, r.flop?.formula ?? null, r.citation.title, r.citation.link, r.notes];

function measure(label: string, rawDir: string): void {
  const bytes = readFileSync(join(rawDir, 'models.csv'));
  const a = ours(bytes);
  const b = library(bytes);
  console.log(`${label}: ${a.rows} records, ${(bytes.length / 1e6).toFixed(1)} MB`);
  console.log(`  read, hand-written scanner  ${best(() => ours(bytes)).toFixed(0).padStart(7)} ms`);
  console.log(`  read, csv-parse (info)      ${best(() => library(bytes)).toFixed(0).padStart(7)} ms   (same rows: ${a.rows === b.rows}; last record on line ${a.lastLine} / ends on ${b.lastLine})`);

  const ingested = ingest({ rawDir, defaultsDir: join(root, 'data/raw'), today: '2026-11-24' });
  // The writers on at most WRITE_ROWS processed records (a million of them are ~3 GB of heap).
  const records: ProcessedRecord[] = [];
  for (const batch of processedRecords(ingested, normalize(ingested, '2026-11-24'), '2026-11-24')) {
    records.push(...batch);
    if (records.length >= WRITE_ROWS) break;
  }
  const columns = loadModelColumns();
  const names = columns.map((c) => c.name);
  const cells = records.map(MODEL_CELLS);
  const header = names.slice(0, MODEL_CELLS(records[0]).length);
  const same = joinText(toCsvPieces(header, cells)) === stringify([header, ...cells], { record_delimiter: '\n', cast: { number: String, boolean: (v) => (v ? 'true' : 'false') } });
  console.log(`  writers on ${records.length} processed records:`);
  console.log(`  write 14 columns, ours (toCsvPieces)   ${best(() => toCsvPieces(header, cells)).toFixed(0).padStart(7)} ms`);
  console.log(`  write 14 columns, csv-stringify        ${best(() => stringify([header, ...cells], { record_delimiter: '\n', cast: { number: String } })).toFixed(0).padStart(7)} ms   (same bytes: ${same})`);
  console.log(`  write models.csv (${names.length} columns), the impute stage's record writer ${best(() => modelsCsvPieces(records, columns)).toFixed(0).padStart(7)} ms`);
}

export async function run(): Promise<void> {
  measure('shipped data/raw/models.csv', join(root, 'data/raw'));
  const dir = mkdtempSync(join(tmpdir(), 'ct-csv-'));
  try {
    await writeSyntheticModels(join(dir, 'models.csv'), ROWS);
    measure(`synthetic (bench/scale-data.ts)`, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
