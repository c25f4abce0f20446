/**
 * models.csv written straight from the records (modelsCsvPieces, modelCsvLinesView in
 * pipeline/impute/processed-table.ts) is byte for byte the table of MODEL_CELLS' cells (below:
 * each column's value as a cell, the reference) as csvLine writes them, for any records the
 * impute stage can make and for the values at the edges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imputeRecord } from '../../pipeline/impute/precedence.ts';
import { loadModelColumns, modelCsvLinesView, modelsCsvPieces } from '../../pipeline/impute/processed-table.ts';
import { csvLine, type CsvCell } from '../../pipeline/io/csv-writer.ts';
import { ARCHITECTURES, DATASET_UNITS, DOMAINS, PRECISIONS } from '../../pipeline/schema/raw-columns.ts';
import { COST_BASES, FLOP_METHODS, PROVENANCE_KINDS, type NormalizedRecord, type ProcessedRecord } from '../../pipeline/schema/records.ts';
import { hardware, record, shippedAssumptions } from '../helpers/records.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const a = shippedAssumptions();
const hw = new Map([
  ['nvidia-v100', hardware()],
  ['google-tpu-v3', hardware({ id: 'google-tpu-v3', name: 'Google TPU v3', kind: 'tpu', coresPerChip: 2, peak: { bf16: 1.23e14 }, defaultPrecision: 'bf16' })],
]);
const columns = loadModelColumns();

const round = (n: number | null, digits = 6) => (n === null ? null : Number(n.toPrecision(digits)));

/** One cell per column of models.columns.yaml, in that order. */
const MODEL_CELLS: Record<string, (r: ProcessedRecord) => CsvCell> = {
  id: (r) => r.id,
  name: (r) => r.name,
  organization: (r) => r.organization,
  organization_category: (r) => r.organizationCategory,
  country: (r) => r.country,
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
  flop_provenance: (r) => r.flop?.provenance.kind ?? null,
  flop_estimated_by: (r) => r.flop?.provenance.estimatedBy ?? null,
  flop_estimation_method: (r) => r.flop?.provenance.estimationMethod ?? null,
  flop_confidence: (r) => r.flop?.provenance.confidence ?? null,
  flop_formula: (r) => r.flop?.formula ?? null,
  flop_assumptions: (r) => r.flop?.assumptions.join('; ') ?? null,
  flop_source: (r) => r.flop?.source ?? null,
  compute_bound_low: (r) => r.computeBounds?.low ?? null,
  compute_bound_high: (r) => r.computeBounds?.high ?? null,
  possibly_over_1e23: (r) => r.possiblyOver1e23,
  frontier_model: (r) => r.frontierModel,
  reported_compute: (r) => r.compute?.text ?? null,
  hardware: (r) => r.hardware,
  hardware_count: (r) => r.hardwareCount,
  hardware_count_unit: (r) => (r.hardwareCount === null ? null : r.hardwareCountIsCores ? 'cores' : 'chips'),
  training_time_hours: (r) => round(r.trainingTimeHours, 8),
  utilization: (r) => r.utilization,
  utilization_hfu: (r) => r.utilizationHfu,
  chip_hours: (r) => r.chipHours,
  power_draw_w: (r) => r.powerDrawWatts,
  training_cost_usd: (r) => r.trainingCost?.value ?? null,
  training_cost_basis: (r) => r.trainingCost?.basis ?? null,
  training_cost_upfront_usd: (r) => r.trainingCostUpfront,
  hardware_acquisition_cost_usd: (r) => r.hardwareAcquisitionCost,
  open_weights: (r) => r.openWeights,
  accessibility: (r) => r.accessibility,
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
  export_date: (r) => r.origin.exportDate ?? r.upstreamTwin?.exportDate ?? null,
  upstream_twin: (r) => (r.upstreamTwin === null ? null : `${r.upstreamTwin.file}:${r.upstreamTwin.line}`),
  notes: (r) => r.notes,
};

/** The rows of the table, one cell per column, in the columns' order. */
function* modelRows(records: readonly ProcessedRecord[], cols: readonly { name: string }[]): Generator<CsvCell[]> {
  for (const r of records) yield cols.map((c) => MODEL_CELLS[c.name](r));
}

/** The table as modelRows and csvLine write it: the reference. */
function reference(records: readonly ProcessedRecord[]): Buffer {
  let text = `${columns.map((c) => c.name).join(',')}\n`;
  for (const row of modelRows(records, columns)) text += `${csvLine(row)}\n`;
  return Buffer.from(text);
}

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '=', '-', '+', '@', '\t', 'é', '×', '😀', '\ud800', "'", ':'), maxLength: 30 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units)),
);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
/** Finite numbers as normalize makes them, of every size, ties for the rounding included. */
const value = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -10, max: 30 })).map(([m, e]) => m * 10 ** e),
  fc.tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: -8, max: 25 })).map(([m, e]) => Number(`${m}5e${e}`)),
  fc.maxSafeInteger(),
  fc.integer({ min: 1, max: 100_000 }),
);
/** Any double, for the processed record's own numbers (the writer must not rely on finiteness). */
const anyDouble = fc.oneof(value, fc.constantFrom(NaN, Infinity, -Infinity, -0, 1.7976931348623157e308, 5e-324));

const compute = nullable(
  fc.oneof(
    fc.record({ kind: fc.constant('flop' as const), flop: value, unit: fc.constantFrom('FLOP', 'pf/s-days'), text, formula: text }),
    fc.record({ kind: fc.constant('accelerator-time' as const), hours: value, perCore: fc.boolean(), unit: fc.constant('GPU-hours'), text }),
  ),
);

const normalized: fc.Arbitrary<NormalizedRecord> = fc
  .record({
    id: text,
    name: text,
    organization: text,
    domain: fc.constantFrom(...DOMAINS),
    architecture: nullable(fc.constantFrom(...ARCHITECTURES)),
    publicationDate: text,
    datePrecision: fc.constantFrom('day' as const, 'month' as const, 'year' as const),
    year: fc.oneof(fc.double({ min: 1940, max: 2030, noNaN: true }), value),
    parameters: nullable(value),
    activeParameters: nullable(value),
    trainingTokens: nullable(value),
    datasetSize: nullable(value),
    datasetUnit: nullable(fc.constantFrom(...DATASET_UNITS)),
    epochs: nullable(value),
    compute,
    hardware: nullable(fc.constantFrom('nvidia-v100', 'google-tpu-v3', 'unknown')),
    hardwareCount: nullable(value),
    hardwareCountIsCores: fc.boolean(),
    trainingTimeHours: nullable(value),
    precision: nullable(fc.constantFrom(...PRECISIONS)),
    utilization: nullable(value),
    citation: fc.record({ title: text, year: fc.oneof(fc.integer({ min: 1940, max: 2030 }), value), link: text }),
    valueSources: fc.record({ parameters: nullable(text), data: nullable(text), compute: nullable(text), hardware: nullable(text) }),
    computeEstimatedBy: nullable(text),
    computeEstimationMethod: nullable(text),
    confidence: nullable(text),
    notes: text,
    origin: fc.record({
      file: fc.oneof(fc.constant('data/raw/models.csv'), text),
      line: fc.oneof(fc.nat(), value),
      dataset: fc.constantFrom('curated' as const, 'epoch' as const),
      exportDate: nullable(fc.constantFrom('2024-12-06', '2024-10')),
    }),
    organizationCategory: nullable(text),
    country: nullable(text),
    openWeights: nullable(fc.boolean()),
    accessibility: nullable(text),
    chipHours: nullable(value),
    utilizationHfu: nullable(value),
    trainingCost: nullable(fc.record({ value, basis: fc.constantFrom(...COST_BASES) })),
    trainingCostUpfront: nullable(value),
    hardwareAcquisitionCost: nullable(value),
    powerDrawWatts: nullable(value),
    computeBounds: nullable(fc.record({ low: nullable(value), high: nullable(value) })),
    possiblyOver1e23: nullable(fc.boolean()),
    frontierModel: nullable(fc.boolean()),
    upstreamTwin: nullable(fc.record({ file: text, line: fc.nat(), name: text, exportDate: nullable(text), rule: text })),
  })
  .map((fields) => record(fields));

/** Any estimate: the writer must not rely on what the impute code puts in one. */
const estimate = fc.record({
  flop: anyDouble,
  method: fc.constantFrom(...FLOP_METHODS),
  formula: text,
  assumptions: fc.array(text, { maxLength: 3 }),
  source: text,
  provenance: fc.record({
    kind: fc.constantFrom(...PROVENANCE_KINDS),
    estimatedBy: nullable(text),
    estimationMethod: nullable(text),
    confidence: nullable(text),
  }),
});

/**
 * A processed record, sometimes with its own numbers replaced by anything a double can be, and
 * its estimate and audit by any.
 */
const processed: fc.Arbitrary<ProcessedRecord> = fc
  .tuple(
    normalized,
    fc.option(fc.record({ flopLow: anyDouble, flopHigh: anyDouble, trainingTimeHours: anyDouble, year: anyDouble, parameters: anyDouble }), { nil: null }),
    fc.option(fc.record({ flop: estimate, audit: nullable(fc.record({ estimate, ratio: anyDouble })) }), { nil: null }),
  )
  .map(([r, numbers, estimates]) => ({ ...imputeRecord(r, hw, a), ...numbers, ...estimates }));

describe('models.csv written from the records', () => {
  it('has a field writer for every cell of MODEL_CELLS, and reads the columns in the yaml’s order', () => {
    expect(Object.keys(MODEL_CELLS)).toEqual(columns.map((c) => c.name));
    const r = imputeRecord(record({ parameters: 1e9, trainingTokens: 2e10, notes: 'a, "b"' }), hw, a);
    const reversed = [...columns].reverse();
    expect(modelCsvLinesView([r], reversed).bytes.toString()).toBe(`${csvLine([...modelRows([r], reversed)][0])}\n`);
    expect(() => modelsCsvPieces([r], [...columns, { name: 'nope', type: 'string', description: '' }])).toThrow(/"nope"/);
  });

  it('is the table of MODEL_CELLS written by csvLine, byte for byte, for any records', () => {
    fc.assert(
      fc.property(fc.array(processed, { maxLength: 8 }), (records) => {
        const expected = reference(records);
        // Compared as latin1 text: one character a byte, and a readable difference.
        expect(Buffer.concat(modelsCsvPieces(records, columns)).toString('latin1')).toBe(expected.toString('latin1'));
        const lines = modelCsvLinesView(records, columns);
        expect(lines.bytes.toString('latin1')).toBe(expected.subarray(expected.indexOf(10) + 1).toString('latin1'));
        expect(lines.ends.length).toBe(records.length);
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });

  it('keeps pieces of LINES_PER_PIECE lines, the header counted', () => {
    const records = Array.from({ length: 5000 }, (_, i) => imputeRecord(record({ id: `s-${i}`, parameters: i + 1, trainingTokens: 1e9 }), hw, a));
    const pieces = modelsCsvPieces(records, columns);
    expect(pieces.map((p) => p.toString('utf8').split('\n').length - 1)).toEqual([4096, 905]);
    expect(Buffer.concat(pieces).toString('latin1')).toBe(reference(records).toString('latin1'));
  });
});
