/** The processed record ↔ data/processed/models.csv row mapping, and the column metadata. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { neutralizeFormula, writeLinesView, writePieces, type CsvBytes, type RowWriter } from '../io/csv-writer.ts';
import { projectRoot } from '../project-root.ts';
import type { ProcessedRecord } from '../schema/records.ts';

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
  const path = join(projectRoot, 'pipeline', 'schema', 'models.columns.yaml');
  return columnMetaSchema.parse(parse(readFileSync(path, 'utf8')));
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

function nullableBoolean(out: CsvBytes, b: boolean | null): void {
  if (b !== null) out.ascii(b ? 'true' : 'false');
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
 * Each column's field written into a CsvBytes, in the column's type: text quoted and neutralized,
 * numbers in JavaScript's shortest round-trip form, rounded ones as `Number(n.toPrecision(d))`
 * prints (test/impute/processed-table.test.ts holds each column's value as a cell, the reference),
 * without building the cell: no rounded number read back from text, no array per record.
 */
const MODEL_FIELDS: Record<string, (r: ProcessedRecord, out: CsvBytes) => void> = {
  id: (r, out) => out.text(r.id),
  name: (r, out) => out.text(r.name),
  organization: (r, out) => out.text(r.organization),
  organization_category: (r, out) => nullableText(out, r.organizationCategory),
  country: (r, out) => nullableText(out, r.country),
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
  flop_provenance: (r, out) => {
    if (r.flop !== null) out.ascii(r.flop.provenance.kind);
  },
  flop_estimated_by: (r, out) => nullableText(out, r.flop?.provenance.estimatedBy ?? null),
  flop_estimation_method: (r, out) => nullableText(out, r.flop?.provenance.estimationMethod ?? null),
  flop_confidence: (r, out) => nullableText(out, r.flop?.provenance.confidence ?? null),
  flop_formula: (r, out) => nullableText(out, r.flop?.formula ?? null),
  flop_assumptions: (r, out) => assumptions(out, r.flop?.assumptions ?? NONE),
  flop_source: (r, out) => nullableText(out, r.flop?.source ?? null),
  compute_bound_low: (r, out) => nullableNumber(out, r.computeBounds?.low ?? null),
  compute_bound_high: (r, out) => nullableNumber(out, r.computeBounds?.high ?? null),
  possibly_over_1e23: (r, out) => nullableBoolean(out, r.possiblyOver1e23),
  frontier_model: (r, out) => nullableBoolean(out, r.frontierModel),
  reported_compute: (r, out) => nullableText(out, r.compute?.text ?? null),
  hardware: (r, out) => nullableText(out, r.hardware),
  hardware_count: (r, out) => nullableNumber(out, r.hardwareCount),
  hardware_count_unit: (r, out) => {
    if (r.hardwareCount !== null) out.ascii(r.hardwareCountIsCores ? 'cores' : 'chips');
  },
  training_time_hours: (r, out) => rounded(out, r.trainingTimeHours, 8),
  utilization: (r, out) => nullableNumber(out, r.utilization),
  utilization_hfu: (r, out) => nullableNumber(out, r.utilizationHfu),
  chip_hours: (r, out) => nullableNumber(out, r.chipHours),
  power_draw_w: (r, out) => nullableNumber(out, r.powerDrawWatts),
  training_cost_usd: (r, out) => nullableNumber(out, r.trainingCost?.value ?? null),
  training_cost_basis: (r, out) => nullableText(out, r.trainingCost?.basis ?? null),
  training_cost_upfront_usd: (r, out) => nullableNumber(out, r.trainingCostUpfront),
  hardware_acquisition_cost_usd: (r, out) => nullableNumber(out, r.hardwareAcquisitionCost),
  open_weights: (r, out) => nullableBoolean(out, r.openWeights),
  accessibility: (r, out) => nullableText(out, r.accessibility),
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
  export_date: (r, out) => nullableText(out, r.origin.exportDate ?? r.upstreamTwin?.exportDate ?? null),
  upstream_twin: (r, out) => {
    if (r.upstreamTwin !== null) origin(out, r.upstreamTwin.file, r.upstreamTwin.line);
  },
  notes: (r, out) => out.text(r.notes),
};

/**
 * Writes a record's models.csv line (without its LF) for these columns: the bytes of
 * csvLine(row) for modelRows' row, without the row (for a million records, ~2.5 times faster).
 */
export function modelLineWriter(columns: readonly ColumnMeta[]): RowWriter<ProcessedRecord> {
  const fields = columns.map((c) => {
    const field = MODEL_FIELDS[c.name];
    if (!field) throw new Error(`models.columns.yaml names column "${c.name}", which the writer does not know`);
    return field;
  });
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

/**
 * A batch of models.csv lines, byte for byte csvLines(modelRows(records, columns)); the bytes a
 * view of the writer's buffer, valid until the next table or batch is written (writeLinesView).
 */
export function modelCsvLinesView(records: readonly ProcessedRecord[], columns: readonly ColumnMeta[]): { bytes: Buffer; ends: Uint32Array } {
  return writeLinesView(records, modelLineWriter(columns));
}
