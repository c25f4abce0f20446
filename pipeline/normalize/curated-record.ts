/**
 * Turns one validated row of data/raw/models.csv into a NormalizedRecord: every number, unit,
 * duration and date parsed, range-checked and located. All problems of a row are collected.
 */
import { ParseError, type Problem } from '../errors.ts';
import type { Assumptions } from '../ingest/assumptions.ts';
import { cellProblem } from '../ingest/models-file.ts';
import { estimateVerdict } from './estimates.ts';
import { formatLimit, judge } from '../ingest/plausibility.ts';
import { hiddenCharacter } from '../ingest/text-rules.ts';
import { messages } from '../messages.ts';
import type { BoundName } from '../schema/bounds.ts';
import { ARCHITECTURES, DATASET_UNITS, DOMAINS, PRECISIONS, type Architecture, type DatasetUnit, type Domain, type Precision, type RawModelColumn } from '../schema/raw-columns.ts';
import type { ComputeReport, HardwareSpec, NormalizedRecord, RawModelRow } from '../schema/records.ts';
import { parseCompute } from './compute.ts';
import { lookupComputeUnit } from '../values/compute-units.ts';
import { parseDateYear } from '../values/dates.ts';
import { parseDuration } from './durations.ts';
import { parseNumber, parseSize } from '../values/numbers.ts';

export interface RecordResult {
  record: NormalizedRecord | null;
  problems: Problem[];
  warnings: Problem[];
}

/*
 * Everything below runs once per record, a million times for a large file: the helpers are module
 * functions given the row and its problem list, not closures, and cells are read by name
 * (`c.epochs`) (ARCHITECTURE.md, "Engine notes").
 */

/** Adds a cell's ParseError as a located problem; anything else is a bug and goes on up. */
function fail(row: RawModelRow, problems: Problem[], col: RawModelColumn, err: unknown): void {
  if (!(err instanceof ParseError)) throw err;
  // "Not a number" alone would hide an invisible character that is the real problem: name it.
  const hidden = hiddenCharacter(row.cells[col]);
  const message = messages.cannotParse(col, err.message);
  problems.push({ ...cellProblem(row, col, hidden ? messages.hiddenInCell(message, hidden) : message, err.expected), text: err.text || row.cells[col] });
}

/** parse(text), or null with the problem added. */
function attempt(row: RawModelRow, problems: Problem[], col: RawModelColumn, parse: (text: string) => number, text: string): number | null {
  try {
    return parse(text);
  } catch (err) {
    fail(row, problems, col, err);
    return null;
  }
}

/**
 * The value when it is possible for a training run (pipeline/schema/bounds.ts); otherwise null
 * with the problem added. A possible but unusual value is kept, with a warning.
 */
function ranged(row: RawModelRow, problems: Problem[], warnings: Problem[], col: RawModelColumn, value: number | null, bound: BoundName): number | null {
  if (value === null) return null;
  const verdict = judge(bound, value, col);
  if (verdict === null) return value;
  if (verdict.level === 'warning') {
    warnings.push(cellProblem(row, col, verdict.message, verdict.expected));
    return value;
  }
  problems.push(cellProblem(row, col, verdict.message, verdict.expected));
  return null;
}

function parsedDate(row: RawModelRow, problems: Problem[], text: string, today: string): ReturnType<typeof parseDateYear> | null {
  try {
    return parseDateYear(text, today);
  } catch (err) {
    fail(row, problems, 'publication_date', err);
    return null;
  }
}

const HARDWARE_CORES = /^(.*?)\s*cores?$/i;

/** Whether a chip released on `release` came out after `date`, compared at the precision both have (2023-12 vs 2023-12-06: no). */
function releasedAfter(release: string, date: string): boolean {
  if (release === '') return false;
  const n = Math.min(release.length, date.length);
  return release.slice(0, n) > date.slice(0, n);
}

function orNull(s: string): string | null {
  return s === '' ? null : s;
}

/**
 * Listed values (ingest checked them) as the list's own strings: one shared copy of "language"
 * for a million records rather than one each (bench/scale.bench.ts).
 */
function listedValues<T extends string>(list: readonly T[]): ReadonlyMap<string, T> {
  return new Map(list.map((v) => [v, v]));
}
const DOMAIN_OF = listedValues(DOMAINS);
const ARCHITECTURE_OF = listedValues(ARCHITECTURES);
const DATASET_UNIT_OF = listedValues(DATASET_UNITS);
const PRECISION_OF = listedValues(PRECISIONS);

/**
 * One curated row as a record. With `assumptions`, the compute each estimate method would derive
 * from the row's values is also bounded (6·N·D of plausible N and D can still be 6e32 FLOP).
 */
export function normalizeCuratedRow(row: RawModelRow, hardware: ReadonlyMap<string, HardwareSpec>, today: string, assumptions?: Assumptions): RecordResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const c = row.cells;

  const date = c.publication_date === '' ? null : parsedDate(row, problems, c.publication_date, today);
  const parameters = c.parameters === '' ? null
    : ranged(row, problems, warnings, 'parameters', attempt(row, problems, 'parameters', parseSize, c.parameters), 'parameters');
  const activeParameters = c.active_parameters === '' ? null
    : ranged(row, problems, warnings, 'active_parameters', attempt(row, problems, 'active_parameters', parseSize, c.active_parameters), 'active_parameters');
  const trainingTokens = c.training_tokens === '' ? null
    : ranged(row, problems, warnings, 'training_tokens', attempt(row, problems, 'training_tokens', parseSize, c.training_tokens), 'training_tokens');
  const datasetSize = c.dataset_size === '' ? null
    : ranged(row, problems, warnings, 'dataset_size', attempt(row, problems, 'dataset_size', parseSize, c.dataset_size), 'dataset_size');
  const epochs = c.epochs === '' ? null
    : ranged(row, problems, warnings, 'epochs', attempt(row, problems, 'epochs', parseNumber, c.epochs), 'epochs');
  const trainingTimeHours = c.training_time === '' ? null
    : ranged(row, problems, warnings, 'training_time', attempt(row, problems, 'training_time', parseDuration, c.training_time), 'training_time_hours');
  const utilization = c.utilization === '' ? null
    : ranged(row, problems, warnings, 'utilization', attempt(row, problems, 'utilization', parseNumber, c.utilization), 'utilization');
  if (parameters !== null && activeParameters !== null && activeParameters > parameters) {
    problems.push(cellProblem(row, 'active_parameters', messages.activeAboveTotal(formatLimit(activeParameters), formatLimit(parameters)), `at most parameters (${formatLimit(parameters)})`));
  }

  let hardwareCount: number | null = null;
  let hardwareCountIsCores = false;
  if (c.hardware_count !== '') {
    const m = HARDWARE_CORES.exec(c.hardware_count);
    hardwareCountIsCores = m !== null;
    // `8 cores` is read as 8; the number part may be empty (`cores`), which parseNumber reports.
    const count = attempt(row, problems, 'hardware_count', parseNumber, m ? m[1] : c.hardware_count);
    hardwareCount = ranged(row, problems, warnings, 'hardware_count', count, 'hardware_count');
  }

  let compute: ComputeReport | null = null;
  if (c.training_compute !== '' && c.training_compute_unit !== '') {
    try {
      const parsed = parseCompute(c.training_compute, c.training_compute_unit);
      const text = `${c.training_compute} ${c.training_compute_unit}`;
      if (parsed.kind === 'flop') {
        if (ranged(row, problems, warnings, 'training_compute', parsed.flop, 'training_compute_flop') !== null) {
          compute = { kind: 'flop', flop: parsed.flop, unit: parsed.unit, text, formula: parsed.formula };
        }
      } else if (c.hardware === '') {
        problems.push(cellProblem(row, 'training_compute_unit', messages.hardwareUnitNeedsHardware, 'an accelerator id in the hardware column'));
      } else if (ranged(row, problems, warnings, 'training_compute', parsed.hours, 'accelerator_hours') !== null) {
        compute = { kind: 'accelerator-time', hours: parsed.hours, perCore: parsed.perCore, unit: parsed.unit, text };
      }
    } catch (err) {
      // Blame the unit only when it is the unit that is unknown: a bad value's message also names its unit.
      fail(row, problems, lookupComputeUnit(c.training_compute_unit) === undefined ? 'training_compute_unit' : 'training_compute', err);
    }
  }
  const chip = c.hardware === '' ? undefined : hardware.get(c.hardware);
  if (c.hardware !== '' && chip === undefined) {
    problems.push(cellProblem(row, 'hardware', messages.unknownHardware(c.hardware), 'an id from data/raw/hardware.csv'));
  } else if (chip !== undefined && date !== null && releasedAfter(chip.releaseDate, date.iso)) {
    warnings.push(cellProblem(row, 'hardware', messages.hardwareAfterSystem(chip.id, chip.releaseDate, date.iso)));
  }
  if (parameters !== null && trainingTokens !== null && trainingTokens / parameters > 1e5) {
    warnings.push(cellProblem(row, 'training_tokens', messages.suspicious('training_tokens', 'more than 100,000 tokens per parameter')));
  }
  if (problems.length > 0 || date === null) return { record: null, problems, warnings };

  const record: NormalizedRecord = {
    id: c.id,
    name: c.name,
    organization: c.organization,
    domain: DOMAIN_OF.get(c.domain) ?? (c.domain as Domain),
    architecture: ARCHITECTURE_OF.get(c.architecture) ?? (orNull(c.architecture) as Architecture | null),
    publicationDate: date.iso,
    datePrecision: date.precision,
    year: date.year,
    parameters,
    activeParameters,
    trainingTokens,
    datasetSize,
    datasetUnit: DATASET_UNIT_OF.get(c.dataset_unit) ?? (orNull(c.dataset_unit) as DatasetUnit | null),
    epochs,
    compute,
    hardware: orNull(c.hardware),
    hardwareCount,
    hardwareCountIsCores,
    trainingTimeHours,
    precision: PRECISION_OF.get(c.precision) ?? (orNull(c.precision) as Precision | null),
    utilization,
    citation: { title: c.source_title, year: Number(c.source_year), link: c.source_link },
    valueSources: {
      parameters: orNull(c.parameters_source),
      data: orNull(c.data_source),
      compute: orNull(c.compute_source),
      hardware: orNull(c.hardware_source),
    },
    computeEstimatedBy: orNull(c.compute_estimated_by),
    computeEstimationMethod: orNull(c.compute_estimation_method),
    confidence: orNull(c.compute_confidence),
    notes: c.notes,
    origin: { file: row.file, line: row.line, dataset: 'curated', exportDate: null },
    // The fields only an upstream export states, written out rather than spread from a constant
    // (ARCHITECTURE.md, "Engine notes"): filled from a matched twin by the merge, if any.
    organizationCategory: null,
    country: null,
    openWeights: null,
    accessibility: null,
    chipHours: null,
    utilizationHfu: null,
    trainingCost: null,
    trainingCostUpfront: null,
    hardwareAcquisitionCost: null,
    powerDrawWatts: null,
    computeBounds: null,
    possiblyOver1e23: null,
    frontierModel: null,
    upstreamTwin: null,
  };
  if (assumptions !== undefined) {
    // What impute would estimate from these values must be a possible compute too.
    const estimate = estimateVerdict(record, hardware, assumptions);
    if (estimate !== null) {
      const col: RawModelColumn = estimate.method === 'operations' ? (record.architecture === 'moe' ? 'active_parameters' : 'parameters') : 'hardware_count';
      const problem = { ...cellProblem(row, row.columnIndex[col] ? col : 'training_compute', estimate.message, estimate.expected) };
      if (estimate.level === 'error') return { record: null, problems: [problem], warnings };
      warnings.push(problem);
    }
  }
  return { record, problems, warnings };
}
