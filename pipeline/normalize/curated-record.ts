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
import { parseDate } from './dates.ts';
import { parseDuration } from './durations.ts';
import { parseNumber, parseSize } from './numbers.ts';

export const LIMITS = { maxParameters: 1e15, maxFlop: 1e30, maxTokens: 1e17, maxHardwareCount: 1e7 } as const;

export interface RecordResult {
  record: NormalizedRecord | null;
  problems: Problem[];
  warnings: Problem[];
}

export function normalizeCuratedRow(row: RawModelRow, hardware: ReadonlyMap<string, HardwareSpec>, today: string): RecordResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const c = row.cells;
  const fail = (col: RawModelColumn, err: unknown) => {
    if (!(err instanceof ParseError)) throw err;
    problems.push({ ...cellProblem(row, col, messages.cannotParse(col, err.message), err.expected), text: err.text || c[col] });
  };
  const attempt = <T>(col: RawModelColumn, fn: (text: string) => T): T | null => {
    if (c[col] === '') return null;
    try {
      return fn(c[col]);
    } catch (err) {
      fail(col, err);
      return null;
    }
  };
  const ranged = (col: RawModelColumn, value: number | null, max: number, what: string): number | null => {
    if (value === null) return null;
    if (value <= 0) problems.push(cellProblem(row, col, messages.outOfRange(col, `${what} must be positive`), `a positive ${what}`));
    else if (value > max) problems.push(cellProblem(row, col, messages.outOfRange(col, `above ${max.toExponential()}`), `at most ${max.toExponential()}`));
    else return value;
    return null;
  };

  const date = attempt('publication_date', (t) => parseDate(t, { today }));
  const parameters = ranged('parameters', attempt('parameters', parseSize), LIMITS.maxParameters, 'parameter count');
  const activeParameters = ranged('active_parameters', attempt('active_parameters', parseSize), LIMITS.maxParameters, 'parameter count');
  const trainingTokens = ranged('training_tokens', attempt('training_tokens', parseSize), LIMITS.maxTokens, 'token count');
  const datasetSize = ranged('dataset_size', attempt('dataset_size', parseSize), LIMITS.maxTokens, 'dataset size');
  const epochs = ranged('epochs', attempt('epochs', parseNumber), 1e6, 'number of epochs');
  const trainingTimeHours = ranged('training_time', attempt('training_time', parseDuration), 24 * 365 * 10, 'duration');
  const utilization = attempt('utilization', parseNumber);
  if (utilization !== null && !(utilization > 0 && utilization <= 1)) {
    problems.push(cellProblem(row, 'utilization', messages.notAFraction('utilization'), 'a number in (0, 1]'));
  } else if (utilization !== null && utilization > 0.75) {
    warnings.push(cellProblem(row, 'utilization', messages.suspicious('utilization', 'above 75% of peak')));
  }

  let hardwareCount: number | null = null;
  let hardwareCountIsCores = false;
  if (c.hardware_count !== '') {
    const m = /^(.*?)\s*cores?$/i.exec(c.hardware_count);
    hardwareCountIsCores = m !== null;
    hardwareCount = ranged('hardware_count', attempt('hardware_count', () => parseNumber(m ? m[1] : c.hardware_count)), LIMITS.maxHardwareCount, 'count');
  }

  let compute: ComputeReport | null = null;
  if (c.training_compute !== '' && c.training_compute_unit !== '') {
    try {
      const parsed = parseCompute(c.training_compute, c.training_compute_unit);
      const text = `${c.training_compute} ${c.training_compute_unit}`;
      if (parsed.kind === 'flop') {
        if (ranged('training_compute', parsed.flop, LIMITS.maxFlop, 'compute') !== null) {
          compute = { kind: 'flop', flop: parsed.flop, unit: parsed.unit, text, formula: parsed.formula };
        }
      } else if (c.hardware === '') {
        problems.push(cellProblem(row, 'training_compute_unit', messages.hardwareUnitNeedsHardware, 'an accelerator id in the hardware column'));
      } else if (ranged('training_compute', parsed.hours, 1e12, 'accelerator time') !== null) {
        compute = { kind: 'accelerator-time', hours: parsed.hours, perCore: parsed.perCore, unit: parsed.unit, text };
      }
    } catch (err) {
      // Blame the unit only when it is the unit that is unknown: a bad value's message also names its unit.
      fail(lookupComputeUnit(c.training_compute_unit) === undefined ? 'training_compute_unit' : 'training_compute', err);
    }
  }
  if (c.hardware !== '' && !hardware.has(c.hardware)) {
    problems.push(cellProblem(row, 'hardware', messages.unknownHardware(c.hardware), 'an id from data/raw/hardware.csv'));
  }
  if (parameters !== null && trainingTokens !== null && trainingTokens / parameters > 1e5) {
    warnings.push(cellProblem(row, 'training_tokens', messages.suspicious('training_tokens', 'more than 100,000 tokens per parameter')));
  }
  if (problems.length > 0 || date === null) return { record: null, problems, warnings };

  const orNull = (s: string) => (s === '' ? null : s);
  // Listed values (ingest checked them) as the list's own strings: one shared copy of "language"
  // for a million records rather than one each (bench/scale.bench.ts).
  const listed = <T extends string>(list: readonly T[], s: string): T | null => list.find((v) => v === s) ?? null;
  return {
    record: {
      id: c.id,
      name: c.name,
      organization: c.organization,
      domain: listed(DOMAINS, c.domain) ?? (c.domain as Domain),
      architecture: listed(ARCHITECTURES, c.architecture) ?? (orNull(c.architecture) as Architecture | null),
      publicationDate: date.iso,
      datePrecision: date.precision,
      year: date.year,
      parameters,
      activeParameters,
      trainingTokens,
      datasetSize,
      datasetUnit: listed(DATASET_UNITS, c.dataset_unit) ?? (orNull(c.dataset_unit) as DatasetUnit | null),
      epochs,
      compute,
      hardware: orNull(c.hardware),
      hardwareCount,
      hardwareCountIsCores,
      trainingTimeHours,
      precision: listed(PRECISIONS, c.precision) ?? (orNull(c.precision) as Precision | null),
      utilization,
      citation: { title: c.source_title, year: Number(c.source_year), link: c.source_link },
      valueSources: {
        parameters: orNull(c.parameters_source),
        data: orNull(c.data_source),
        compute: orNull(c.compute_source),
        hardware: orNull(c.hardware_source),
      },
      notes: c.notes,
      origin: { file: row.file, line: row.line, dataset: 'curated' },
    },
    problems,
    warnings,
  };
}
