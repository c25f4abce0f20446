/**
 * Adapter for Epoch AI's CSV exports: maps each row onto a NormalizedRecord through the one column
 * map (epoch-columns.ts), with the export as its provenance. External data is lenient where ours
 * is strict: a cell that cannot be read is dropped with a located warning, and a row without a
 * name or a readable date, or an exact copy of an earlier row, is dropped with its reason. Every
 * row comes out as a record or as a dropped row: records + dropped = rows.
 */
import { ParseError, type Problem } from '../errors.ts';
import type { CsvTable } from '../io/csv-reader.ts';
import { sha256 } from '../io/hash.ts';
import { messages } from '../messages.ts';
import { parseDate } from '../values/dates.ts';
import { nameSlug } from '../values/identity.ts';
import { parseNumber } from '../values/numbers.ts';
import type { BoundName } from '../schema/bounds.ts';
import type { NormalizedRecord, TrainingCost } from '../schema/records.ts';
import { judge } from '../ingest/plausibility.ts';
import { nameProblem, textProblem } from '../ingest/text-rules.ts';
import {
  EPOCH_COLUMNS,
  EPOCH_URL,
  epochSource,
  LANGUAGE_DATASET_UNITS,
  mapEpochDomain,
  mapEpochHardware,
  mapEpochPrecision,
  resolveColumns,
  type EpochField,
} from './epoch-columns.ts';

/** Whether a header is an export this adapter reads: a name, a publication date and a compute column. */
/** The fields of numbers: each declares its plausibility bound in the column map. */
type NumericField = { [F in EpochField]: (typeof EPOCH_COLUMNS)[F] extends { bound: BoundName } ? F : never }[EpochField];

export function isExternalExport(header: readonly string[]): boolean {
  const { index } = resolveColumns(header);
  return index.has('name') && index.has('publicationDate') && index.has('compute');
}

export interface EpochMapping {
  records: NormalizedRecord[];
  warnings: Problem[];
  dropped: { line: number; reason: string }[];
}

export interface EpochMapOptions {
  /**
   * The export's date, for the values' source. Default: a snapshot's date (`snapshots/<source>/<date>.csv`),
   * else a date written in the file's name (`notable_ai_models-2024-12.csv` → 2024-12), else unknown.
   */
  exportDate?: string | null;
}

/** The export date a file's name gives, as EpochMapOptions.exportDate describes. */
export function exportDateOf(file: string): string | null {
  const snapshot = /snapshots\/[^/]+\/(\d{4}-\d{2}-\d{2})\.csv$/.exec(file);
  if (snapshot) return snapshot[1];
  const base = file.split('/').pop() ?? file;
  const m = /(?:^|[^0-9])((?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)(?![0-9])/.exec(base);
  return m ? m[1] : null;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'checked']);
const FALSE = new Set(['false', 'no', 'n', '0', 'unchecked']);

/** A comma-separated upstream list (organizations, countries, categories) as ours: distinct, "; "-joined. */
/**
 * Whether the weights are downloadable, read from the accessibility text: "Open weights (...)"
 * (Epoch AI's exports from late 2024) and "Open access (...)" (earlier ones, e.g. 2024-10) are open;
 * "API access", "Hosted access (...)" and "Unreleased" are closed; any other wording is unknown (null).
 */
export function openWeightsFromAccessibility(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (/^open (weights|access|source)\b/.test(t)) return true;
  if (/^(api access|hosted access|unreleased)\b/.test(t)) return false;
  return null;
}

function listText(text: string): string {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))].join('; ');
}

export function mapEpochExport(table: CsvTable, hardwareIds: ReadonlySet<string>, today: string, options: EpochMapOptions = {}): EpochMapping {
  const exportDate = options.exportDate !== undefined ? options.exportDate : exportDateOf(table.file);
  const source = epochSource(exportDate);
  const { index, unknown } = resolveColumns(table.header);
  const warnings: Problem[] = unknown.length ? [{ file: table.file, line: 1, message: messages.ignoredColumns(table.file, unknown) }] : [];
  const dropped: EpochMapping['dropped'] = [];
  const records: NormalizedRecord[] = [];
  const usedIds = new Set<string>();
  /** Each row's cells, joined, → its line: an exact copy of an earlier row is dropped, never merged by name. */
  const seenRows = new Map<string, number>();

  for (const row of table.rows) {
    const columnName = (f: EpochField) => table.header[index.get(f) ?? -1] ?? EPOCH_COLUMNS[f].names[0];
    const get = (f: EpochField) => {
      const i = index.get(f);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const warn = (f: EpochField, message: string) =>
      warnings.push({ file: table.file, line: row.line, column: (index.get(f) ?? 0) + 1, columnName: columnName(f), text: get(f), message });
    // Each number within the plausibility bound its column declares (epoch-columns.ts,
    // pipeline/schema/bounds.ts): an impossible one is dropped, an unusual one kept, each with a
    // located warning.
    const num = (f: NumericField): number | null => {
      const text = get(f);
      if (text === '') return null;
      try {
        const n = parseNumber(text);
        const verdict = judge(EPOCH_COLUMNS[f].bound, n, columnName(f));
        if (verdict === null) return n;
        warn(f, verdict.level === 'error' ? `${verdict.message}; value dropped` : verdict.message);
        if (verdict.level === 'warning') return n;
      } catch (err) {
        if (!(err instanceof ParseError)) throw err;
        warn(f, messages.cannotParse(columnName(f), `${err.message}; value dropped`));
      }
      return null;
    };
    /** Free text that travels into pages and downloads: markup, formulas and control characters refused. */
    const text = (f: EpochField): string | null => {
      const t = get(f).replace(/\s+/g, ' ');
      if (t === '') return null;
      const problem = textProblem(columnName(f), t);
      if (problem === null) return t;
      warn(f, `${problem}; value dropped`);
      return null;
    };
    /** A flag column: true/false as written; a checkbox left empty is false when the column exists. */
    const flag = (f: EpochField, emptyIs: boolean | null): boolean | null => {
      if (!index.has(f)) return null;
      const t = get(f).toLowerCase();
      if (t === '') return emptyIs;
      if (TRUE.has(t)) return true;
      if (FALSE.has(t)) return false;
      warn(f, messages.cannotParse(columnName(f), 'not true or false; value dropped'));
      return null;
    };

    const whole = row.cells.map((c) => c.trim()).join('\u0000');
    const first = seenRows.get(whole);
    if (first !== undefined) {
      dropped.push({ line: row.line, reason: messages.duplicateUpstreamRow(first) });
      continue;
    }
    seenRows.set(whole, row.line);

    const name = get('name').replace(/\s+/g, ' ');
    // A name with an invisible, bidirectional-control or control character, or a word mixing look-alike
    // scripts, would make one system look like two (or two like one): the row is dropped, its reason
    // counted with the merge's dropped rows (rows in = matched + added + dropped).
    const badName = name === '' ? messages.requiredCell('name') : nameProblem('name', name);
    if (badName) {
      dropped.push({ line: row.line, reason: badName });
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
    const flop = num('compute');
    let low = num('computeLow');
    let high = num('computeHigh');
    if ((low !== null && flop !== null && low > flop) || (high !== null && flop !== null && high < flop) || (low !== null && high !== null && low > high)) {
      warn(low !== null ? 'computeLow' : 'computeHigh', messages.boundsDoNotBracket(flop));
      low = high = null;
    }
    const link = get('link').split(/[\s,]+/).find((l) => /^https?:\/\/[^\s<>"]+$/.test(l)) ?? '';
    // Checked as free text: an unknown chip's name travels into the record's notes, models.csv and the pages.
    const hardwareText = text('hardware') ?? '';
    const hardware = mapEpochHardware(hardwareText, hardwareIds);
    const slug = nameSlug(name, sha256);
    let id = `epoch-${slug}`;
    if (usedIds.has(id)) id = `${id}-${date.iso.slice(0, 4)}`;
    for (let k = 2; usedIds.has(id); k++) id = `epoch-${slug}-${date.iso.slice(0, 4)}-${k}`;
    usedIds.add(id);
    const reference = text('reference') ?? '';
    const domain = mapEpochDomain(get('domain'));

    // Dataset size: training tokens for language systems (see LANGUAGE_DATASET_UNITS), the size as stated otherwise.
    const datapoints = num('datasetDatapoints');
    const total = num('datasetTotal');
    const gradients = num('datasetGradients');
    const language = domain === 'language';
    const datasetSize = total ?? datapoints;
    const datasetUnit = !language || datasetSize === null ? null : total !== null ? LANGUAGE_DATASET_UNITS.datasetTotal : LANGUAGE_DATASET_UNITS.datasetDatapoints;

    const cloud = num('costCloud');
    const upfront = num('costUpfront');
    const usd2023 = num('cost2023Usd');
    const trainingCost: TrainingCost | null =
      cloud !== null ? { value: cloud, basis: 'cloud' } : usd2023 !== null ? { value: usd2023, basis: '2023-usd' } : upfront !== null ? { value: upfront, basis: 'upfront' } : null;

    const accessibility = text('accessibility');
    const statedOpen = flag('openWeights', null);
    const organization = text('organization');
    const category = text('organizationCategory');
    const country = text('country');

    records.push({
      id,
      name,
      organization: organization === null ? '' : listText(organization),
      domain,
      architecture: null,
      publicationDate: date.iso,
      datePrecision: date.precision,
      year: date.year,
      parameters: num('parameters'),
      activeParameters: null,
      trainingTokens: language ? gradients : null,
      datasetSize,
      datasetUnit,
      epochs: num('epochs'),
      compute: flop === null ? null : { kind: 'flop', flop, unit: 'FLOP', text: get('compute'), formula: `${get('compute')} FLOP as given by Epoch AI` },
      hardware,
      hardwareCount: num('hardwareCount'),
      hardwareCountIsCores: false,
      trainingTimeHours: num('trainingTimeHours'),
      precision: mapEpochPrecision(get('numericalFormat')),
      utilization: num('utilization'),
      citation: { title: reference || name, year: Number(date.iso.slice(0, 4)), link: link || EPOCH_URL },
      valueSources: { parameters: source, data: source, compute: source, hardware: source },
      // Every value of the export is Epoch AI's (impute/precedence.ts reads origin.dataset).
      computeEstimatedBy: null,
      notes: hardwareText !== '' && hardware === null ? `hardware "${hardwareText}" not in hardware.csv` : '',
      origin: { file: table.file, line: row.line, dataset: 'epoch', exportDate },
      confidence: text('confidence'),
      computeEstimationMethod: text('computeEstimationMethod'),
      organizationCategory: category === null ? null : listText(category),
      country: country === null ? null : listText(country),
      // Stated, else read from the accessibility text ("Open weights (…)" or "Open access (…)" against "Unreleased", "API access", …).
      openWeights: statedOpen ?? (accessibility === null ? null : openWeightsFromAccessibility(accessibility)),
      accessibility,
      chipHours: num('chipHours'),
      utilizationHfu: num('utilizationHfu'),
      trainingCost,
      trainingCostUpfront: upfront,
      hardwareAcquisitionCost: num('hardwareAcquisitionCost'),
      powerDrawWatts: num('powerDrawWatts'),
      computeBounds: low === null && high === null ? null : { low, high },
      possiblyOver1e23: flag('possiblyOver1e23', false),
      frontierModel: flag('frontierModel', false),
      upstreamTwin: null,
    });
  }
  return { records, warnings, dropped };
}
