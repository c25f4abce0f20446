/**
 * The columns of the processed records that the analyses read, one typed array per column. The
 * analyze stage builds it in one pass and reads nothing else, so a caller that does not need the
 * records afterwards (the scale benchmark, `--until analyze`) can let a million of them go before
 * the fits run: with them alive, every collection the fits trigger marks gigabytes of records
 * (bench/scale.bench.ts). Missing values are NaN.
 */
import { fractionalYear } from '../normalize/dates.ts';
import { FLOP_METHODS, type FlopMethod, type ProcessedRecord } from '../schema/records.ts';

export interface AnalysisTable {
  readonly ids: readonly string[];
  readonly names: readonly string[];
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
  /** Training time in hours as stated, NaN without one. */
  readonly trainingHours: Float64Array;
  /** Training compute, FLOP. */
  readonly flop: Float64Array;
  /** Index of the FLOP value's method in FLOP_METHODS; -1 without a value. */
  readonly method: Int8Array;
  /** 1 when the FLOP value was estimated by a third party (method third-party), not the authors or this pipeline. */
  readonly thirdParty: Uint8Array;
  readonly parameters: Float64Array;
  /** Tokens processed by language systems (the dataset trend); NaN for other domains. */
  readonly languageTokens: Float64Array;
  /** Earliest and latest publication dates (ISO), '' for an empty table. */
  readonly firstDate: string;
  readonly lastDate: string;
}

const METHOD_INDEX = new Map<FlopMethod, number>(FLOP_METHODS.map((m, i) => [m, i]));

export function analysisTable(records: readonly ProcessedRecord[]): AnalysisTable {
  const n = records.length;
  const ids: string[] = new Array<string>(n);
  const names: string[] = new Array<string>(n);
  const year = new Float64Array(n);
  const flop = new Float64Array(n).fill(NaN);
  const method = new Int8Array(n).fill(-1);
  const thirdParty = new Uint8Array(n);
  const parameters = new Float64Array(n).fill(NaN);
  const languageTokens = new Float64Array(n).fill(NaN);
  const dateStart = new Float64Array(n);
  const dateEnd = new Float64Array(n);
  const language = new Uint8Array(n);
  const trainingHours = new Float64Array(n).fill(NaN);
  let firstDate = '';
  let lastDate = '';
  for (let i = 0; i < n; i++) {
    const r = records[i];
    ids[i] = r.id;
    names[i] = r.name;
    year[i] = r.year;
    [dateStart[i], dateEnd[i]] = datePeriod(r.publicationDate, r.year);
    language[i] = r.domain === 'language' ? 1 : 0;
    if (r.trainingTimeHours !== null) trainingHours[i] = r.trainingTimeHours;
    if (r.flop !== null) {
      flop[i] = r.flop.flop;
      method[i] = METHOD_INDEX.get(r.flop.method)!;
      thirdParty[i] = r.flop.provenance.kind === 'third-party' ? 1 : 0;
    }
    if (r.parameters !== null) parameters[i] = r.parameters;
    if (r.domain === 'language' && r.tokensProcessed !== null) languageTokens[i] = r.tokensProcessed;
    if (firstDate === '' || r.publicationDate < firstDate) firstDate = r.publicationDate;
    if (r.publicationDate > lastDate) lastDate = r.publicationDate;
  }
  return { ids, names, year, dateStart, dateEnd, language, trainingHours, flop, method, thirdParty, parameters, languageTokens, firstDate, lastDate };
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

/**
 * The rows of `tables`, taken as one table in the order given, rearranged by `order` (indices
 * into that concatenation): how the row stages, run in batches of the file's order, give the
 * analyses one table in the records' order (the impute stage's pass, pipeline/stages/impute.ts).
 */
export function joinTables(tables: readonly AnalysisTable[], order: ArrayLike<number>): AnalysisTable {
  const n = order.length;
  const ids = new Array<string>(n);
  const names = new Array<string>(n);
  const year = new Float64Array(n);
  const dateStart = new Float64Array(n);
  const dateEnd = new Float64Array(n);
  const language = new Uint8Array(n);
  const trainingHours = new Float64Array(n);
  const flop = new Float64Array(n);
  const method = new Int8Array(n);
  const thirdParty = new Uint8Array(n);
  const parameters = new Float64Array(n);
  const languageTokens = new Float64Array(n);
  // Where each batch's rows start in the concatenation, to find row order[k]'s batch.
  const firsts = tables.reduce<number[]>((at, t, b) => (at.push(b === 0 ? 0 : at[b - 1] + tables[b - 1].ids.length), at), []);
  for (let k = 0; k < n; k++) {
    const g = order[k];
    // The last batch starting at or before g (binary search: a file may come in thousands of batches).
    let b = 0;
    for (let hi = tables.length - 1; b < hi; ) {
      const mid = (b + hi + 1) >> 1;
      if (firsts[mid] <= g) b = mid;
      else hi = mid - 1;
    }
    const t = tables[b];
    const i = g - firsts[b];
    ids[k] = t.ids[i];
    names[k] = t.names[i];
    year[k] = t.year[i];
    dateStart[k] = t.dateStart[i];
    dateEnd[k] = t.dateEnd[i];
    language[k] = t.language[i];
    trainingHours[k] = t.trainingHours[i];
    flop[k] = t.flop[i];
    method[k] = t.method[i];
    thirdParty[k] = t.thirdParty[i];
    parameters[k] = t.parameters[i];
    languageTokens[k] = t.languageTokens[i];
  }
  const dates = tables.filter((t) => t.firstDate !== '');
  const firstDate = dates.reduce((d, t) => (d === '' || t.firstDate < d ? t.firstDate : d), '');
  const lastDate = dates.reduce((d, t) => (t.lastDate > d ? t.lastDate : d), '');
  return { ids, names, year, dateStart, dateEnd, language, trainingHours, flop, method, thirdParty, parameters, languageTokens, firstDate, lastDate };
}
