/**
 * The columns of the processed records that the analyses read, one typed array per column. The
 * analyze stage builds it in one pass and reads nothing else, so a caller that does not need the
 * records afterwards (the scale benchmark, `--until analyze`) can let a million of them go before
 * the fits run: with them alive, every collection the fits trigger marks gigabytes of records
 * (bench/scale.bench.ts). Missing values are NaN.
 */
import { detached } from '../io/csv-records.ts';
import { fractionalYear } from '../values/dates.ts';
import { DOMAINS } from '../schema/raw-columns.ts';
import { COST_BASES, FLOP_METHODS, type CostBasis, type FlopMethod, type HardwareSpec, type ProcessedRecord } from '../schema/records.ts';
import { chipCount, chipHours, computeRange, coresPerChipOf, costOn, sectorOf, SECTORS } from './record-fields.ts';

export interface AnalysisTable {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Publication date (ISO, at the precision the source gives). */
  readonly dates: readonly string[];
  /** Publication date as a fractional year. */
  readonly year: Float64Array;
  /**
   * The period a publication date stands for, as fractional years [start, end): the day itself for
   * a full date, its month or its year for a partial one. A window test reads these, so that a
   * system dated to the year only ("2012") is not dropped from a window that opens within that year.
   */
  readonly dateStart: Float64Array;
  readonly dateEnd: Float64Array;
  /** 1 for a language system (domain language). */
  readonly language: Uint8Array;
  /** Training compute, FLOP. */
  readonly flop: Float64Array;
  /** Index of the FLOP value's method in FLOP_METHODS; -1 without a value. */
  readonly method: Int8Array;
  /** 1 when the FLOP value was estimated by a third party (method third-party), not the authors or this pipeline. */
  readonly thirdParty: Uint8Array;
  readonly parameters: Float64Array;
  /** Tokens processed by language systems (the dataset trend); NaN for other domains. */
  readonly languageTokens: Float64Array;
  /** Index of the domain in DOMAINS. */
  readonly domain: Int8Array;
  /** Parameters active per token (mixture-of-experts), where stated. */
  readonly activeParameters: Float64Array;
  /** The compute value's range (pipeline/analyze/record-fields.ts computeRange), FLOP. */
  readonly flopLow: Float64Array;
  readonly flopHigh: Float64Array;
  /** Training duration, hours. */
  readonly trainingHours: Float64Array;
  /** Accelerators, in chips (record-fields.ts chipCount). */
  readonly chips: Float64Array;
  /**
   * Chip-hours: the record's stated value (an upstream's), and only where it states none, chips ×
   * training hours (record-fields.ts chipHours).
   */
  readonly chipHours: Float64Array;
  /** 1 when the chip-hours are stated, 0 when derived or absent. */
  readonly chipHoursStated: Uint8Array;
  /**
   * Training cost in US dollars, one column per basis (COST_COLUMN), as the upstream states it:
   * never converted from one basis into another. A record may have two (cloud and upfront).
   */
  readonly costCloud: Float64Array;
  readonly costUpfront: Float64Array;
  readonly cost2023Usd: Float64Array;
  /** Cost of acquiring the training hardware, US dollars. */
  readonly acquisitionCost: Float64Array;
  /** Power draw of the training cluster, watts. */
  readonly powerWatts: Float64Array;
  /** Index of the developers' sector in SECTORS; -1 when unknown. */
  readonly sector: Int8Array;
  /** The developers' countries as written ('' when unknown). */
  readonly countries: readonly string[];
  /** 1 open weights, 0 closed, -1 unknown. */
  readonly openWeights: Int8Array;
  /** The upstream's "possibly over 10^23 FLOP" flag: 1, 0, or -1 when absent. */
  readonly possiblyOver1e23: Int8Array;
  /** The upstream's frontier flag: 1, 0, or -1 when absent. */
  readonly frontierFlag: Int8Array;
  /** Earliest and latest publication dates (ISO), '' for an empty table. */
  readonly firstDate: string;
  readonly lastDate: string;
}

const METHOD_INDEX = new Map<FlopMethod, number>(FLOP_METHODS.map((m, i) => [m, i]));
const DOMAIN_INDEX = new Map<string, number>(DOMAINS.map((d, i) => [d, i]));
const SECTOR_INDEX = new Map<string, number>(SECTORS.map((d, i) => [d, i]));

/** The table's column of each training-cost basis. */
export const COST_COLUMN = { cloud: 'costCloud', upfront: 'costUpfront', '2023-usd': 'cost2023Usd' } as const satisfies Record<CostBasis, keyof AnalysisTable>;

/** The per-row columns, by kind. */
const FLOAT_COLUMNS = ['year', 'dateStart', 'dateEnd', 'flop', 'parameters', 'languageTokens', 'activeParameters', 'flopLow', 'flopHigh', 'trainingHours', 'chips', 'chipHours', 'costCloud', 'costUpfront', 'cost2023Usd', 'acquisitionCost', 'powerWatts'] as const;
const INT8_COLUMNS = ['method', 'domain', 'sector', 'openWeights', 'possiblyOver1e23', 'frontierFlag'] as const;
const UINT8_COLUMNS = ['thirdParty', 'chipHoursStated', 'language'] as const;
const TEXT_COLUMNS = ['ids', 'names', 'dates', 'countries'] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

function emptyColumns(n: number): Mutable<AnalysisTable> {
  const t = { firstDate: '', lastDate: '' } as Mutable<AnalysisTable>;
  for (const k of FLOAT_COLUMNS) t[k] = new Float64Array(n).fill(NaN);
  for (const k of INT8_COLUMNS) t[k] = new Int8Array(n).fill(-1);
  for (const k of UINT8_COLUMNS) t[k] = new Uint8Array(n);
  for (const k of TEXT_COLUMNS) t[k] = new Array<string>(n).fill('');
  return t;
}

/**
 * A table from some columns, the others empty (NaN, -1, ''): for analyses run on columns built
 * by hand (tests, fixtures). The row count is that of `ids`.
 */
export function tableFromColumns(columns: Partial<AnalysisTable> & Pick<AnalysisTable, 'ids'>): AnalysisTable {
  const t = emptyColumns(columns.ids.length);
  if (columns.names === undefined) t.names = [...columns.ids];
  return { ...t, ...columns } as AnalysisTable;
}

const flag = (v: boolean | null) => (v === true ? 1 : v === false ? 0 : -1);

/**
 * The columns of `records`. `hardware` (the accelerator table, ingest's) turns counts in TPU cores
 * into chips; a count in cores of an accelerator it lacks is left out of the chip columns.
 */
export function analysisTable(records: readonly ProcessedRecord[], hardware: readonly HardwareSpec[]): AnalysisTable {
  const rows = new TableRows(records.length, hardware);
  rows.add(records);
  return rows.table();
}

/**
 * The table of the `n` records a pass gives a batch at a time, each row put at its place in the
 * records' order (how the impute stage's pass, run in batches of the file's order, gives the
 * analyses one table in the records' order, with nothing to rearrange afterwards).
 */
export class TableRows {
  readonly #t: Mutable<AnalysisTable>;
  readonly #cores: ReturnType<typeof coresPerChipOf>;
  readonly #places: ArrayLike<number> | null;
  /**
   * A batch's rows, filled in the pass's order and then put at their places a column at a time:
   * filled straight at their places, each row's two dozen columns were as many scattered writes
   * among ~180 MB, ~3 times as slow (ARCHITECTURE.md, "Engine notes").
   */
  #batch: Mutable<AnalysisTable> | null = null;
  #next = 0;

  /** `places[i]`: the row of the pass's i-th record (a permutation of 0 .. n - 1); null: the pass's order. */
  constructor(n: number, hardware: readonly HardwareSpec[], places: ArrayLike<number> | null = null) {
    if (places !== null && places.length !== n) throw new Error(`TableRows: ${places.length} places for ${n} records`);
    this.#t = emptyColumns(n);
    this.#cores = coresPerChipOf(hardware);
    this.#places = places;
  }

  /** The pass's next records. */
  add(records: readonly ProcessedRecord[]): void {
    const t = this.#t;
    const m = records.length;
    if (this.#next + m > t.ids.length) throw new Error(`TableRows: more than the ${t.ids.length} records announced`);
    if (this.#places === null) {
      for (let k = 0; k < m; k++) fillRow(t, this.#next++, records[k], this.#cores);
      return;
    }
    let batch = this.#batch;
    if (batch === null || batch.ids.length < m) batch = this.#batch = emptyColumns(m);
    else clearRows(batch, m);
    for (let k = 0; k < m; k++) fillRow(batch, k, records[k], this.#cores);
    scatterRows(batch, t, this.#places, this.#next, m);
    this.#next += m;
    if (batch.firstDate !== '' && (t.firstDate === '' || batch.firstDate < t.firstDate)) t.firstDate = batch.firstDate;
    if (batch.lastDate > t.lastDate) t.lastDate = batch.lastDate;
  }

  /** The table, once every record announced was added. */
  table(): AnalysisTable {
    const n = this.#t.ids.length;
    if (this.#next !== n) throw new Error(`TableRows: ${this.#next} of the ${n} records announced`);
    return this.#t;
  }
}

/** Rows 0 .. m - 1 of a batch's columns made empty again (NaN, -1, 0, ''), its dates too. */
function clearRows(batch: Mutable<AnalysisTable>, m: number): void {
  for (const key of FLOAT_COLUMNS) batch[key].fill(NaN, 0, m);
  for (const key of INT8_COLUMNS) batch[key].fill(-1, 0, m);
  for (const key of UINT8_COLUMNS) batch[key].fill(0, 0, m);
  for (const key of TEXT_COLUMNS) batch[key].fill('', 0, m);
  batch.firstDate = '';
  batch.lastDate = '';
}

/** Row k of `batch` to row places[first + k] of `t`, for k < m, a column at a time (one loop per kind of column, each monomorphic). */
function scatterRows(batch: Mutable<AnalysisTable>, t: Mutable<AnalysisTable>, places: ArrayLike<number>, first: number, m: number): void {
  for (const key of FLOAT_COLUMNS) scatterFloats(batch[key], t[key], places, first, m);
  for (const key of INT8_COLUMNS) scatterInt8(batch[key], t[key], places, first, m);
  for (const key of UINT8_COLUMNS) scatterUint8(batch[key], t[key], places, first, m);
  for (const key of TEXT_COLUMNS) scatterTexts(batch[key], t[key], places, first, m);
}

function scatterFloats(from: Float64Array, to: Float64Array, places: ArrayLike<number>, first: number, m: number): void {
  for (let k = 0; k < m; k++) to[places[first + k]] = from[k];
}

function scatterInt8(from: Int8Array, to: Int8Array, places: ArrayLike<number>, first: number, m: number): void {
  for (let k = 0; k < m; k++) to[places[first + k]] = from[k];
}

function scatterUint8(from: Uint8Array, to: Uint8Array, places: ArrayLike<number>, first: number, m: number): void {
  for (let k = 0; k < m; k++) to[places[first + k]] = from[k];
}

function scatterTexts(from: string[], to: string[], places: ArrayLike<number>, first: number, m: number): void {
  for (let k = 0; k < m; k++) to[places[first + k]] = from[k];
}

function fillRow(t: Mutable<AnalysisTable>, i: number, r: ProcessedRecord, cores: ReturnType<typeof coresPerChipOf>): void {
  t.ids[i] = detached(r.id);
  t.names[i] = detached(r.name);
  t.dates[i] = detached(r.publicationDate);
  t.year[i] = r.year;
  [t.dateStart[i], t.dateEnd[i]] = datePeriod(r.publicationDate, r.year);
  t.language[i] = r.domain === 'language' ? 1 : 0;
  if (r.flop !== null) {
    t.flop[i] = r.flop.flop;
    t.method[i] = METHOD_INDEX.get(r.flop.method)!;
    t.thirdParty[i] = r.flop.provenance.kind === 'third-party' ? 1 : 0;
    const range = computeRange(r);
    if (range) [t.flopLow[i], t.flopHigh[i]] = range;
  }
  if (r.parameters !== null) t.parameters[i] = r.parameters;
  if (r.activeParameters !== null) t.activeParameters[i] = r.activeParameters;
  if (r.domain === 'language' && r.tokensProcessed !== null) t.languageTokens[i] = r.tokensProcessed;
  t.domain[i] = DOMAIN_INDEX.get(r.domain) ?? -1;
  if (r.trainingTimeHours !== null) t.trainingHours[i] = r.trainingTimeHours;
  t.chips[i] = chipCount(r, cores) ?? NaN;
  const ch = chipHours(r, cores);
  if (ch) {
    t.chipHours[i] = ch.value;
    t.chipHoursStated[i] = ch.kind === 'stated' ? 1 : 0;
  }
  for (const basis of COST_BASES) {
    const cost = costOn(r, basis);
    if (cost !== null) t[COST_COLUMN[basis]][i] = cost;
  }
  if (r.hardwareAcquisitionCost !== null) t.acquisitionCost[i] = r.hardwareAcquisitionCost;
  if (r.powerDrawWatts !== null) t.powerWatts[i] = r.powerDrawWatts;
  const sector = sectorOf(r.organizationCategory);
  t.sector[i] = sector === null ? -1 : SECTOR_INDEX.get(sector)!;
  t.countries[i] = r.country === null ? '' : detached(r.country);
  t.openWeights[i] = flag(r.openWeights);
  t.possiblyOver1e23[i] = flag(r.possiblyOver1e23);
  t.frontierFlag[i] = flag(r.frontierModel);
  if (t.firstDate === '' || r.publicationDate < t.firstDate) t.firstDate = detached(r.publicationDate);
  if (r.publicationDate > t.lastDate) t.lastDate = detached(r.publicationDate);
}

/**
 * The period [start, end) in fractional years that an ISO date stands for at its precision
 * (`2012` → the year 2012, `2012-09` → September 2012, `2012-09-30` → that day, start = end).
 * `year` (the representative day) is used when the text is not an ISO date.
 */
export function datePeriod(iso: string, year: number): [number, number] {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return [year, year];
  const y = Number(m[1]);
  if (m[2] === undefined) return [y, y + 1];
  const month = Number(m[2]);
  if (m[3] === undefined) return [fractionalYear(y, month, 1), month === 12 ? y + 1 : fractionalYear(y, month + 1, 1)];
  return [year, year];
}

/** Rows whose FLOP value came by one of `methods` (all rows with a value when omitted). */
export function hasFlopBy(table: AnalysisTable, methods?: readonly FlopMethod[]): (i: number) => boolean {
  if (!methods) return (i) => table.method[i] >= 0;
  const allowed = new Set(methods.map((m) => METHOD_INDEX.get(m)!));
  return (i) => allowed.has(table.method[i]);
}
