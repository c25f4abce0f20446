/**
 * The columns of the processed records that the analyses read, one typed array per column. The
 * analyze stage builds it in one pass and reads nothing else, so a caller that does not need the
 * records afterwards (the scale benchmark, `--until analyze`) can let a million of them go before
 * the fits run: with them alive, every collection the fits trigger marks gigabytes of records
 * (bench/scale.bench.ts). Missing values are NaN.
 */
import { FLOP_METHODS, type FlopMethod, type ProcessedRecord } from '../schema/records.ts';

export interface AnalysisTable {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Publication date as a fractional year. */
  readonly year: Float64Array;
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
  let firstDate = '';
  let lastDate = '';
  for (let i = 0; i < n; i++) {
    const r = records[i];
    ids[i] = r.id;
    names[i] = r.name;
    year[i] = r.year;
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
  return { ids, names, year, flop, method, thirdParty, parameters, languageTokens, firstDate, lastDate };
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
  // The batches end to end first (each column copied in bulk), then rearranged: reading row
  // order[k] from one array rather than finding its batch (ARCHITECTURE.md, "Engine notes").
  const all = concatColumns(tables);
  const ids = new Array<string>(n);
  const names = new Array<string>(n);
  const year = new Float64Array(n);
  const flop = new Float64Array(n);
  const method = new Int8Array(n);
  const thirdParty = new Uint8Array(n);
  const parameters = new Float64Array(n);
  const languageTokens = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const g = order[k];
    ids[k] = all.ids[g];
    names[k] = all.names[g];
    year[k] = all.year[g];
    flop[k] = all.flop[g];
    method[k] = all.method[g];
    thirdParty[k] = all.thirdParty[g];
    parameters[k] = all.parameters[g];
    languageTokens[k] = all.languageTokens[g];
  }
  const dates = tables.filter((t) => t.firstDate !== '');
  const firstDate = dates.reduce((d, t) => (d === '' || t.firstDate < d ? t.firstDate : d), '');
  const lastDate = dates.reduce((d, t) => (t.lastDate > d ? t.lastDate : d), '');
  return { ids, names, year, flop, method, thirdParty, parameters, languageTokens, firstDate, lastDate };
}

/** The columns of `tables` end to end. */
function concatColumns(tables: readonly AnalysisTable[]): Omit<AnalysisTable, 'firstDate' | 'lastDate'> {
  let total = 0;
  for (const t of tables) total += t.ids.length;
  const ids: string[] = [];
  const names: string[] = [];
  const year = new Float64Array(total);
  const flop = new Float64Array(total);
  const method = new Int8Array(total);
  const thirdParty = new Uint8Array(total);
  const parameters = new Float64Array(total);
  const languageTokens = new Float64Array(total);
  let at = 0;
  for (const t of tables) {
    for (let i = 0; i < t.ids.length; i++) {
      ids.push(t.ids[i]);
      names.push(t.names[i]);
    }
    year.set(t.year, at);
    flop.set(t.flop, at);
    method.set(t.method, at);
    thirdParty.set(t.thirdParty, at);
    parameters.set(t.parameters, at);
    languageTokens.set(t.languageTokens, at);
    at += t.ids.length;
  }
  return { ids, names, year, flop, method, thirdParty, parameters, languageTokens };
}
