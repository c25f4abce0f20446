/**
 * Adapter for Epoch AI's CSV exports: maps each row onto a NormalizedRecord with the export as its
 * provenance. External data is lenient where ours is strict: a cell that cannot be read is dropped
 * with a located warning, and a row without a name or a readable date is dropped and counted.
 */
import { ParseError, type Problem } from '../errors.ts';
import type { CsvTable } from '../io/csv-reader.ts';
import { messages } from '../messages.ts';
import { parseDate } from '../normalize/dates.ts';
import { parseNumber } from '../normalize/numbers.ts';
import type { NormalizedRecord } from '../schema/records.ts';
import type { BoundName } from '../schema/bounds.ts';
import { judge } from '../ingest/plausibility.ts';
import { matchKey, textProblem } from '../ingest/text-rules.ts';
import {
  EPOCH_CITATION,
  EPOCH_FIELDS,
  EPOCH_KNOWN_UNUSED,
  mapEpochDomain,
  mapEpochHardware,
  type EpochField,
} from './epoch-columns.ts';

export function isExternalExport(header: readonly string[]): boolean {
  const has = (names: readonly string[]) => names.some((n) => header.includes(n));
  return has(EPOCH_FIELDS.name) && has(EPOCH_FIELDS.publicationDate) && has(EPOCH_FIELDS.compute);
}

export interface EpochMapping {
  records: NormalizedRecord[];
  warnings: Problem[];
  dropped: { line: number; reason: string }[];
}

export function mapEpochExport(table: CsvTable, hardwareIds: ReadonlySet<string>, today: string): EpochMapping {
  const index = new Map<EpochField, number>();
  for (const [field, names] of Object.entries(EPOCH_FIELDS) as [EpochField, readonly string[]][]) {
    const i = table.header.findIndex((h) => names.includes(h));
    if (i >= 0) index.set(field, i);
  }
  const known = new Set<string>([...Object.values(EPOCH_FIELDS).flat(), ...EPOCH_KNOWN_UNUSED]);
  const unknown = table.header.filter((h) => !known.has(h));
  const warnings: Problem[] = unknown.length ? [{ file: table.file, line: 1, message: messages.ignoredColumns(table.file, unknown) }] : [];
  const dropped: EpochMapping['dropped'] = [];
  const records: NormalizedRecord[] = [];
  const usedIds = new Set<string>();

  for (const row of table.rows) {
    const get = (f: EpochField) => {
      const i = index.get(f);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const warn = (f: EpochField, message: string) =>
      warnings.push({ file: table.file, line: row.line, column: (index.get(f) ?? 0) + 1, columnName: EPOCH_FIELDS[f][0], text: get(f), message });
    // Each number within its plausibility bounds (pipeline/schema/bounds.ts): an impossible one is
    // dropped, an unusual one kept, each with a located warning.
    const num = (f: EpochField, bound: BoundName): number | null => {
      const text = get(f);
      if (text === '') return null;
      try {
        const n = parseNumber(text);
        const verdict = judge(bound, n, EPOCH_FIELDS[f][0]);
        if (verdict === null) return n;
        warn(f, verdict.level === 'error' ? `${verdict.message}; value dropped` : verdict.message);
        if (verdict.level === 'warning') return n;
      } catch (err) {
        if (!(err instanceof ParseError)) throw err;
        warn(f, messages.cannotParse(EPOCH_FIELDS[f][0], `${err.message}; value dropped`));
      }
      return null;
    };

    const name = get('name').replace(/\s+/g, ' ');
    const nameProblem = name === '' ? messages.requiredCell('name') : textProblem('name', name);
    if (nameProblem) {
      dropped.push({ line: row.line, reason: nameProblem });
      continue;
    }
    let date;
    try {
      date = parseDate(get('publicationDate'), { today });
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      dropped.push({ line: row.line, reason: `publication date: ${err.message}` });
      continue;
    }
    const flop = num('compute', 'training_compute_flop');
    const link = get('link').split(/[\s,]+/).find((l) => /^https?:\/\//.test(l)) ?? '';
    const hardwareText = get('hardware');
    const hardware = mapEpochHardware(hardwareText, hardwareIds);
    let id = `epoch-${matchKey(name).slice(0, 60)}`;
    if (usedIds.has(id)) id = `${id}-${date.iso.slice(0, 4)}`;
    for (let k = 2; usedIds.has(id); k++) id = `${id.replace(/-\d+$/, '')}-${k}`;
    usedIds.add(id);
    const reference = textProblem('Reference', get('reference')) ? '' : get('reference');
    records.push({
      id,
      name,
      organization: get('organization').split(',').map((o) => o.trim()).filter(Boolean).join('; '),
      domain: mapEpochDomain(get('domain')),
      architecture: null,
      publicationDate: date.iso,
      datePrecision: date.precision,
      year: date.year,
      parameters: num('parameters', 'parameters'),
      activeParameters: null,
      trainingTokens: null,
      datasetSize: num('datasetSize', 'dataset_size'),
      // Epoch's "datapoints" mix tokens, words, images and more, so no unit is assumed.
      datasetUnit: null,
      epochs: num('epochs', 'epochs'),
      compute:
        flop === null ? null : { kind: 'flop', flop, unit: 'FLOP', text: get('compute'), formula: `${get('compute')} FLOP as given by Epoch AI` },
      hardware,
      hardwareCount: num('hardwareCount', 'hardware_count'),
      hardwareCountIsCores: false,
      trainingTimeHours: num('trainingTimeHours', 'training_time_hours'),
      precision: null,
      utilization: num('utilization', 'utilization'),
      citation: { title: reference || name, year: Number(date.iso.slice(0, 4)), link: link || 'https://epoch.ai/data/notable-ai-models' },
      valueSources: { parameters: EPOCH_CITATION, data: EPOCH_CITATION, compute: EPOCH_CITATION, hardware: EPOCH_CITATION },
      notes: hardwareText !== '' && hardware === null ? `hardware "${hardwareText}" not in hardware.csv` : '',
      origin: { file: table.file, line: row.line, dataset: 'epoch' },
    });
  }
  return { records, warnings, dropped };
}
