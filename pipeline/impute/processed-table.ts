/** The processed record ↔ data/processed/models.csv row mapping, and the column metadata. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { neutralizeFormula, writeLines, writePieces, type CsvBytes, type CsvCell, type RowWriter } from '../io/csv-writer.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { isThirdParty } from './precedence.ts';

export const columnMetaSchema = z.array(
  z.strictObject({
    name: z.string(),
    type: z.enum(['string', 'number', 'integer', 'boolean']),
    unit: z.string().optional(),
    description: z.string(),
  }),
);
export type ColumnMeta = z.infer<typeof columnMetaSchema>[number];

export function loadModelColumns(): ColumnMeta[] {
  const url = new URL('../schema/models.columns.yaml', import.meta.url);
  return columnMetaSchema.parse(parse(readFileSync(url, 'utf8')));
}

const round = (n: number | null, digits = 6) => (n === null ? null : Number(n.toPrecision(digits)));

/** One cell per column of models.columns.yaml, in that order. */
export const MODEL_CELLS: Record<string, (r: ProcessedRecord) => CsvCell> = {
  id: (r) => r.id,
  name: (r) => r.name,
  organization: (r) => r.organization,
  domain: (r) => r.domain,
  architecture: (r) => r.architecture,
  publication_date: (r) => r.publicationDate,
  date_precision: (r) => r.datePrecision,
  year: (r) => Number(r.year.toFixed(4)),
  parameters: (r) => r.parameters,
  active_parameters: (r) => r.activeParameters,
  training_tokens: (r) => r.tokensProcessed,
  dataset_size: (r) => r.datasetSize,
  dataset_unit: (r) => r.datasetUnit,
  epochs: (r) => r.epochs,
  training_compute_flop: (r) => round(r.flop?.flop ?? null, 8),
  training_compute_flop_low: (r) => round(r.flopLow, 6),
  training_compute_flop_high: (r) => round(r.flopHigh, 6),
  flop_method: (r) => r.flop?.method ?? null,
  flop_third_party: (r) => (r.flop === null ? null : r.flop.method === 'reported' || r.flop.method === 'converted' ? isThirdParty(r) : false),
  flop_formula: (r) => r.flop?.formula ?? null,
  flop_assumptions: (r) => r.flop?.assumptions.join('; ') ?? null,
  flop_source: (r) => r.flop?.source ?? null,
  reported_compute: (r) => r.compute?.text ?? null,
  hardware: (r) => r.hardware,
  hardware_count: (r) => r.hardwareCount,
  hardware_count_unit: (r) => (r.hardwareCount === null ? null : r.hardwareCountIsCores ? 'cores' : 'chips'),
  training_time_hours: (r) => round(r.trainingTimeHours, 8),
  utilization: (r) => r.utilization,
  audit_estimate_flop: (r) => round(r.audit?.estimate.flop ?? null, 6),
  audit_method: (r) => r.audit?.estimate.method ?? null,
  audit_ratio: (r) => round(r.audit?.ratio ?? null, 4),
  source_title: (r) => r.citation.title,
  source_year: (r) => r.citation.year,
  source_link: (r) => r.citation.link,
  parameters_source: (r) => r.valueSources.parameters,
  data_source: (r) => r.valueSources.data,
  hardware_source: (r) => r.valueSources.hardware,
  origin: (r) => `${r.origin.file}:${r.origin.line}`,
  notes: (r) => r.notes,
};

/** Each column's cell function, looked up once for a table, not once per record. */
function cellsOf(columns: readonly ColumnMeta[]): ((r: ProcessedRecord) => CsvCell)[] {
  return columns.map((c) => {
    const cell = MODEL_CELLS[c.name];
    if (!cell) throw new Error(`models.columns.yaml names column "${c.name}", which the writer does not know`);
    return cell;
  });
}

/**
 * The rows, one at a time: the writer turns each into its line before the next is built, so a
 * million records never hold a million 39-cell arrays at once (bench/scale.bench.ts).
 */
export function* modelRows(records: readonly ProcessedRecord[], columns: readonly ColumnMeta[]): Generator<CsvCell[]> {
  const cells = cellsOf(columns);
  // A loop, not cells.map(...): a closure per row costs a __name call under tsx (keepNames).
  for (const r of records) {
    const row: CsvCell[] = new Array(cells.length);
    for (let i = 0; i < cells.length; i++) row[i] = cells[i](r);
    yield row;
  }
}

/** A rounded number: what csvLine writes for round(n, digits). */
function rounded(out: CsvBytes, n: number | null, digits: number): void {
  if (n !== null) out.precision(n, digits);
}

function nullableText(out: CsvBytes, text: string | null): void {
  if (text !== null) out.text(text);
}

function nullableNumber(out: CsvBytes, n: number | null): void {
  if (n !== null) out.number(n);
}

/** `file:line`; the file name is the only part that can need quoting or an apostrophe. */
function origin(out: CsvBytes, file: string, line: number): void {
  if (needsChecks(file) || !(Number.isSafeInteger(line) && line >= 0)) {
    out.text(`${file}:${line}`);
  } else {
    out.ascii(file);
    out.ascii(':');
    out.number(line);
  }
}

/** The assumptions joined by `; `, without joining the usual none or one. */
function assumptions(out: CsvBytes, list: readonly string[]): void {
  if (list.length === 1) out.text(list[0]);
  else if (list.length > 1) out.text(list.join('; '));
}
const NONE: readonly string[] = [];

/**
 * Whether a file name could need quoting, an apostrophe or more than ASCII, remembered for the
 * last name asked about: every record of a file shares its name.
 */
let lastName = '';
let lastNeedsChecks = false;
function needsChecks(name: string): boolean {
  if (name !== lastName) {
    lastName = name;
    lastNeedsChecks = !/^[\x20-\x7e]*$/.test(name) || /[",]/.test(name) || (name !== '' && neutralizeFormula(name) !== name);
  }
  return lastNeedsChecks;
}

/**
 * Each column's field written into a CsvBytes: byte for byte what csvLine writes for the
 * MODEL_CELLS cell (test/impute/processed-table.test.ts checks it), without building the cell:
 * no rounded number read back from text, no array per record.
 */
const MODEL_FIELDS: Record<string, (r: ProcessedRecord, out: CsvBytes) => void> = {
  id: (r, out) => out.text(r.id),
  name: (r, out) => out.text(r.name),
  organization: (r, out) => out.text(r.organization),
  domain: (r, out) => out.text(r.domain),
  architecture: (r, out) => nullableText(out, r.architecture),
  publication_date: (r, out) => out.text(r.publicationDate),
  date_precision: (r, out) => out.text(r.datePrecision),
  year: (r, out) => out.fixed(r.year, 4),
  parameters: (r, out) => nullableNumber(out, r.parameters),
  active_parameters: (r, out) => nullableNumber(out, r.activeParameters),
  training_tokens: (r, out) => nullableNumber(out, r.tokensProcessed),
  dataset_size: (r, out) => nullableNumber(out, r.datasetSize),
  dataset_unit: (r, out) => nullableText(out, r.datasetUnit),
  epochs: (r, out) => nullableNumber(out, r.epochs),
  training_compute_flop: (r, out) => rounded(out, r.flop?.flop ?? null, 8),
  training_compute_flop_low: (r, out) => rounded(out, r.flopLow, 6),
  training_compute_flop_high: (r, out) => rounded(out, r.flopHigh, 6),
  flop_method: (r, out) => nullableText(out, r.flop?.method ?? null),
  flop_third_party: (r, out) => {
    if (r.flop !== null) out.ascii((r.flop.method === 'reported' || r.flop.method === 'converted') && isThirdParty(r) ? 'true' : 'false');
  },
  flop_formula: (r, out) => nullableText(out, r.flop?.formula ?? null),
  flop_assumptions: (r, out) => assumptions(out, r.flop?.assumptions ?? NONE),
  flop_source: (r, out) => nullableText(out, r.flop?.source ?? null),
  reported_compute: (r, out) => nullableText(out, r.compute?.text ?? null),
  hardware: (r, out) => nullableText(out, r.hardware),
  hardware_count: (r, out) => nullableNumber(out, r.hardwareCount),
  hardware_count_unit: (r, out) => {
    if (r.hardwareCount !== null) out.ascii(r.hardwareCountIsCores ? 'cores' : 'chips');
  },
  training_time_hours: (r, out) => rounded(out, r.trainingTimeHours, 8),
  utilization: (r, out) => nullableNumber(out, r.utilization),
  audit_estimate_flop: (r, out) => rounded(out, r.audit?.estimate.flop ?? null, 6),
  audit_method: (r, out) => nullableText(out, r.audit?.estimate.method ?? null),
  audit_ratio: (r, out) => rounded(out, r.audit?.ratio ?? null, 4),
  source_title: (r, out) => out.text(r.citation.title),
  source_year: (r, out) => out.number(r.citation.year),
  source_link: (r, out) => out.text(r.citation.link),
  parameters_source: (r, out) => nullableText(out, r.valueSources.parameters),
  data_source: (r, out) => nullableText(out, r.valueSources.data),
  hardware_source: (r, out) => nullableText(out, r.valueSources.hardware),
  origin: (r, out) => origin(out, r.origin.file, r.origin.line),
  notes: (r, out) => out.text(r.notes),
};

/**
 * Writes a record's models.csv line (without its LF) for these columns: the bytes of
 * csvLine(row) for modelRows' row, without the row (for a million records, ~2.5 times faster).
 */
export function modelLineWriter(columns: readonly ColumnMeta[]): RowWriter<ProcessedRecord> {
  cellsOf(columns); // the same error as modelRows for a column the writer does not know
  const fields = columns.map((c) => MODEL_FIELDS[c.name]);
  return (r, out) => {
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) out.comma();
      fields[i](r, out);
    }
  };
}

/** models.csv, byte for byte toCsvPieces(names, modelRows(records, columns)). */
export function modelsCsvPieces(records: readonly ProcessedRecord[], columns: readonly ColumnMeta[]): Buffer[] {
  return writePieces(
    columns.map((c) => c.name),
    records,
    modelLineWriter(columns),
  );
}

/** A batch of models.csv lines, byte for byte csvLines(modelRows(records, columns)). */
export function modelCsvLines(records: readonly ProcessedRecord[], columns: readonly ColumnMeta[]): { bytes: Buffer; ends: Uint32Array } {
  return writeLines(records, modelLineWriter(columns));
}
