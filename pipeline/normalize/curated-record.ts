/**
 * Turns one validated row of data/raw/models.csv into a NormalizedRecord: every number, unit,
 * duration and date parsed, range-checked and located. All problems of a row are collected.
 */
import { ParseError, type Problem } from '../errors.ts';
import { cellProblem } from '../ingest/models-file.ts';
import { messages } from '../messages.ts';
import { ARCHITECTURES, DATASET_UNITS, DOMAINS, PRECISIONS, type Architecture, type DatasetUnit, type Domain, type Precision, type RawModelColumn } from '../schema/raw-columns.ts';
import type { ComputeReport, HardwareSpec, NormalizedRecord, RawModelRow } from '../schema/records.ts';
import { parseCompute } from './compute.ts';
import { lookupComputeUnit } from './compute-units.ts';
import { parseDateYear } from './dates.ts';
import { parseDuration } from './durations.ts';
import { parseNumber, parseSize } from './numbers.ts';

export const LIMITS = { maxParameters: 1e15, maxFlop: 1e30, maxTokens: 1e17, maxHardwareCount: 1e7 } as const;

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
  problems.push({ ...cellProblem(row, col, messages.cannotParse(col, err.message), err.expected), text: err.text || row.cells[col] });
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

/** The value when positive and at most max; otherwise null with the problem added. */
function ranged(row: RawModelRow, problems: Problem[], col: RawModelColumn, value: number | null, max: number, what: string): number | null {
  if (value === null) return null;
  if (value <= 0) problems.push(cellProblem(row, col, messages.outOfRange(col, `${what} must be positive`), `a positive ${what}`));
  else if (value > max) problems.push(cellProblem(row, col, messages.outOfRange(col, `above ${max.toExponential()}`), `at most ${max.toExponential()}`));
  else return value;
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

export function normalizeCuratedRow(row: RawModelRow, hardware: ReadonlyMap<string, HardwareSpec>, today: string): RecordResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const c = row.cells;

  const date = c.publication_date === '' ? null : parsedDate(row, problems, c.publication_date, today);
  const parameters = c.parameters === '' ? null
    : ranged(row, problems, 'parameters', attempt(row, problems, 'parameters', parseSize, c.parameters), LIMITS.maxParameters, 'parameter count');
  const activeParameters = c.active_parameters === '' ? null
    : ranged(row, problems, 'active_parameters', attempt(row, problems, 'active_parameters', parseSize, c.active_parameters), LIMITS.maxParameters, 'parameter count');
  const trainingTokens = c.training_tokens === '' ? null
    : ranged(row, problems, 'training_tokens', attempt(row, problems, 'training_tokens', parseSize, c.training_tokens), LIMITS.maxTokens, 'token count');
  const datasetSize = c.dataset_size === '' ? null
    : ranged(row, problems, 'dataset_size', attempt(row, problems, 'dataset_size', parseSize, c.dataset_size), LIMITS.maxTokens, 'dataset size');
  const epochs = c.epochs === '' ? null
    : ranged(row, problems, 'epochs', attempt(row, problems, 'epochs', parseNumber, c.epochs), 1e6, 'number of epochs');
  const trainingTimeHours = c.training_time === '' ? null
    : ranged(row, problems, 'training_time', attempt(row, problems, 'training_time', parseDuration, c.training_time), 24 * 365 * 10, 'duration');
  const utilization = c.utilization === '' ? null : attempt(row, problems, 'utilization', parseNumber, c.utilization);
  if (utilization !== null && !(utilization > 0 && utilization <= 1)) {
    problems.push(cellProblem(row, 'utilization', messages.notAFraction('utilization'), 'a number in (0, 1]'));
  } else if (utilization !== null && utilization > 0.75) {
    warnings.push(cellProblem(row, 'utilization', messages.suspicious('utilization', 'above 75% of peak')));
  }

  let hardwareCount: number | null = null;
  let hardwareCountIsCores = false;
  if (c.hardware_count !== '') {
    const m = HARDWARE_CORES.exec(c.hardware_count);
    hardwareCountIsCores = m !== null;
    // `8 cores` is read as 8; the number part may be empty (`cores`), which parseNumber reports.
    const count = attempt(row, problems, 'hardware_count', parseNumber, m ? m[1] : c.hardware_count);
    hardwareCount = ranged(row, problems, 'hardware_count', count, LIMITS.maxHardwareCount, 'count');
  }

  let compute: ComputeReport | null = null;
  if (c.training_compute !== '' && c.training_compute_unit !== '') {
    try {
      const parsed = parseCompute(c.training_compute, c.training_compute_unit);
      const text = `${c.training_compute} ${c.training_compute_unit}`;
      if (parsed.kind === 'flop') {
        if (ranged(row, problems, 'training_compute', parsed.flop, LIMITS.maxFlop, 'compute') !== null) {
          compute = { kind: 'flop', flop: parsed.flop, unit: parsed.unit, text, formula: parsed.formula };
        }
      } else if (c.hardware === '') {
        problems.push(cellProblem(row, 'training_compute_unit', messages.hardwareUnitNeedsHardware, 'an accelerator id in the hardware column'));
      } else if (ranged(row, problems, 'training_compute', parsed.hours, 1e12, 'accelerator time') !== null) {
        compute = { kind: 'accelerator-time', hours: parsed.hours, perCore: parsed.perCore, unit: parsed.unit, text };
      }
    } catch (err) {
      // Blame the unit only when it is the unit that is unknown: a bad value's message also names its unit.
      fail(row, problems, lookupComputeUnit(c.training_compute_unit) === undefined ? 'training_compute_unit' : 'training_compute', err);
    }
  }
  if (c.hardware !== '' && !hardware.has(c.hardware)) {
    problems.push(cellProblem(row, 'hardware', messages.unknownHardware(c.hardware), 'an id from data/raw/hardware.csv'));
  }
  if (parameters !== null && trainingTokens !== null && trainingTokens / parameters > 1e5) {
    warnings.push(cellProblem(row, 'training_tokens', messages.suspicious('training_tokens', 'more than 100,000 tokens per parameter')));
  }
  if (problems.length > 0 || date === null) return { record: null, problems, warnings };

  return {
    record: {
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
      // The fields only an upstream export states: filled from a matched twin by the merge, if any.
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
    },
    problems,
    warnings,
  };
}
