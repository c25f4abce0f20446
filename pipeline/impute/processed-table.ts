/** The processed record ↔ data/processed/models.csv row mapping, and the column metadata. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { CsvCell } from '../io/csv-writer.ts';
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

/**
 * The rows, one at a time: the writer turns each into its line before the next is built, so a
 * million records never hold a million 39-cell arrays at once (bench/scale.bench.ts).
 */
export function* modelRows(records: readonly ProcessedRecord[], columns: readonly ColumnMeta[]): Generator<CsvCell[]> {
  // Each column's cell function looked up once, not once per record.
  const cells = columns.map((c) => {
    const cell = MODEL_CELLS[c.name];
    if (!cell) throw new Error(`models.columns.yaml names column "${c.name}", which the writer does not know`);
    return cell;
  });
  for (const r of records) yield cells.map((cell) => cell(r));
}
