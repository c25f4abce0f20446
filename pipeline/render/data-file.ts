/**
 * The data files the site ships for the pages that read records in the browser (Explorer, Data):
 *
 * - `data/systems.js`: every system, one array per field (SITE_FIELDS present in models.csv),
 *   categories as a dictionary and codes, plus name, date, source and link, and the order in which
 *   the Explorer draws them (pipeline/render/sample.ts). About 100 bytes a system.
 * - `data/records/<k>.js`: every models.csv column of systems k·RECORDS_PER_FILE onwards, as the
 *   models.csv lines themselves; the Data page loads one when a reader opens a system's details.
 *
 * They are JavaScript files that hand their data to a global (window.CT_SYSTEMS, CT_RECORDS)
 * rather than JSON, because Chromium blocks fetch() on file://, and the site must open from disk.
 * Values are the models.csv cells, so the two can never disagree. Large files are built as UTF-8
 * Buffers (outside V8's heap): at a million systems they hold hundreds of megabytes.
 */
import { loadModelColumns, modelsCsvPieces } from '../impute/processed-table.ts';
import { joinText } from '../io/csv-writer.ts';
import type { Fits } from '../schema/fits.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { linkUrl } from './source-link.ts';
import { provenanceOf } from './value-provenance.ts';
import { availableFields, columnLabel, SITE_FIELDS, type SiteField } from './fields.ts';
import { landmarksOf } from './landmarks.ts';
import { sampleRanks } from './sample.ts';

export const SYSTEMS_FILE = 'data/systems.js';
/** The models.csv columns a value's provenance is read from. */
const VALUE_COLUMNS = ['flop_method', 'flop_provenance', 'flop_estimated_by', 'flop_confidence', 'flop_estimation_method', 'flop_source'];
export const RECORDS_PER_FILE = 1000;
export const recordsFile = (k: number) => `data/records/${k}.js`;

/** A field as the browser sees it: the list entry with its column's unit and description. */
export interface FieldMeta extends SiteField {
  unit?: string;
  description: string;
}

/** models.csv as the site ships it: the impute stage's text, else written from the records. */
export function modelsCsvText(downloads: Record<string, string>, records: readonly ProcessedRecord[]): string {
  return downloads['models.csv'] ?? joinText(modelsCsvPieces(records, loadModelColumns()));
}

/**
 * The lines of a CSV text without its header: where each record starts and ends. A line break
 * inside quotes (a cell's own) does not end a record.
 */
export function csvRecordLines(text: string): { starts: number[]; ends: number[]; header: string } {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  let quotes = 0;
  let at = 0;
  let header = '';
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    for (let q = text.indexOf('"', at); q >= 0 && q < end; q = text.indexOf('"', q + 1)) quotes++;
    at = end + 1;
    if (quotes % 2 === 1 && nl >= 0) continue;
    if (header === '' && starts.length === 0 && start === 0) header = text.slice(0, end);
    else if (end > start) {
      starts.push(start);
      ends.push(end);
    }
    start = at;
    quotes = 0;
  }
  return { starts, ends, header };
}

/** One CSV line's cells (RFC 4180 quoting), with the apostrophe that neutralizes a formula removed. */
export function csvCells(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    let cell: string;
    if (line.charCodeAt(i) === 34) {
      let j = i + 1;
      cell = '';
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) {
          cell += line.slice(j);
          i = line.length;
          break;
        }
        cell += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          cell += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      i = line.indexOf(',', i);
      if (i < 0) i = line.length;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      cell = line.slice(i, end);
      i = end;
    }
    out.push(/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    i++;
  }
  return out;
}

type Column = (number | null)[] | { dict: string[]; codes: number[] };

/** Distinct values as a dictionary in alphabetical order and a code per record (−1: empty). */
function categoryColumn(cells: readonly string[], boolean: boolean): { dict: string[]; codes: number[] } {
  const index = new Map<string, number>();
  const codes = cells.map((c) => {
    if (c === '') return -1;
    const text = boolean ? (c === 'true' ? 'Yes' : 'No') : c;
    let code = index.get(text);
    if (code === undefined) index.set(text, (code = index.size));
    return code;
  });
  const dict = [...index.keys()].sort();
  const renumber = new Map(dict.map((d, i) => [index.get(d)!, i]));
  return { dict, codes: codes.map((c) => (c < 0 ? -1 : renumber.get(c)!)) };
}

export interface SiteData {
  /** Fields present: a column in models.csv with at least one value. */
  fields: FieldMeta[];
  /** Path → bytes: data/systems.js and data/records/<k>.js. */
  files: Map<string, Buffer>;
}

/** data/systems.js and data/records/<k>.js from models.csv's text (its records in their order). */
export function siteData(csv: string, fits: Fits, fields: readonly SiteField[] = SITE_FIELDS): SiteData {
  const columns = loadModelColumns();
  const { starts, ends, header } = csvRecordLines(csv);
  const names = csvCells(header);
  const n = starts.length;
  const at = (name: string) => names.indexOf(name);
  // Only the columns the data file needs are kept from each line.
  const wanted = [...new Set(['id', 'name', 'publication_date', 'year', 'training_compute_flop', 'source_title', 'source_year', 'source_link', ...VALUE_COLUMNS, ...availableFields(columns, fields).map((f) => f.column)])].filter((c) => at(c) >= 0);
  const cells = new Map(wanted.map((c) => [c, new Array<string>(n)]));
  const lines = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const line = csv.slice(starts[i], ends[i]);
    lines[i] = line;
    const row = csvCells(line);
    for (const c of wanted) cells.get(c)![i] = row[at(c)] ?? '';
  }
  const col = (name: string) => cells.get(name) ?? new Array<string>(n).fill('');

  const byName = new Map(columns.map((c) => [c.name, c]));
  const present: FieldMeta[] = [];
  const data: Record<string, Column> = {};
  const available = availableFields(columns, fields);
  const empty = new Set(available.filter((f) => col(f.column).every((c) => c === '')).map((f) => f.key));
  for (const f of available) {
    const values = col(f.column);
    // An empty column is left out; so is a number whose basis field is (its values could not be kept apart).
    if (empty.has(f.key) || (f.basis !== undefined && empty.has(f.basis))) continue;
    const meta = byName.get(f.column)!;
    present.push({ ...f, ...(meta.unit ? { unit: meta.unit } : {}), description: meta.description });
    data[f.key] = f.kind === 'category' ? categoryColumn(values, meta.type === 'boolean') : values.map((c) => (c === '' ? null : Number(c)));
  }
  const ids = col('id');
  const years = col('year').map(Number);
  const flops = col('training_compute_flop');
  const setterIds = new Set(fits.frontier?.record_setter_ids ?? []);
  const marks = landmarksOf(
    ids.flatMap((id, i) => (setterIds.has(id) ? [{ id, year: years[i], flop: flops[i] === '' ? null : Number(flops[i]) }] : [])),
    fits,
  );
  const ranks = sampleRanks(years, (i) => marks.setters.has(ids[i]));
  const drawOrder = Array.from(ranks.keys()).sort((a, b) => ranks[a] - ranks[b] || a - b);

  const files = new Map<string, Buffer>();
  // Pieces joined as bytes: one string of the whole file would be held twice while joined.
  const pieces: Buffer[] = [];
  const put = (text: string) => pieces.push(Buffer.from(text, 'utf8'));
  const titles = col('source_title');
  const sourceYears = col('source_year');
  put('window.CT_SYSTEMS={');
  put(`"n":${n},"perFile":${RECORDS_PER_FILE},"fields":${JSON.stringify(present)},`);
  put(`"header":${JSON.stringify(names.map((name) => ({ name, label: columnLabel(name, fields), description: byName.get(name)?.description ?? '', ...(byName.get(name)?.unit ? { unit: byName.get(name)!.unit } : {}), type: byName.get(name)?.type ?? 'string' })))},`);
  put(`"id":${JSON.stringify(ids)},`);
  put(`"name":${JSON.stringify(col('name'))},`);
  put(`"date":${JSON.stringify(col('publication_date'))},`);
  put(`"source":${JSON.stringify(titles.map((t, i) => `${t} (${sourceYears[i]})`))},`);
  put(`"link":${JSON.stringify(col('source_link').map(linkUrl))},`);
  // Who produced each compute value and the publication it rests on (value-provenance.ts): a
  // third party's estimate names that party and its own source, never the system's paper.
  // Dictionary-coded; a source of '' is the system's paper (source, link above), or this
  // pipeline's inputs from that paper.
  const by: string[] = [];
  const valueSource: string[] = [];
  const valueLink: string[] = [];
  const [links, method, kind, estimatedBy, confidence, estimation, flopSource] = ['source_link', ...VALUE_COLUMNS].map(col);
  for (let i = 0; i < n; i++) {
    const paper = { text: `${titles[i]} (${sourceYears[i]})`, link: linkUrl(links[i]) };
    const v =
      flops[i] === ''
        ? null
        : provenanceOf(
            { method: method[i], kind: kind[i], estimatedBy: estimatedBy[i] || null, confidence: confidence[i] || null, estimationMethod: estimation[i] || null, source: flopSource[i] },
            paper,
          );
    // The paper itself, or this pipeline's inputs from it ("This pipeline" in by says which).
    const samePaper = v !== null && (v.source === paper.text || v.source === `inputs from ${paper.text}`) && v.link === paper.link;
    by.push(v?.who ?? '');
    valueSource.push(v === null || samePaper ? '' : v.source);
    valueLink.push(v === null || samePaper ? '' : v.link);
  }
  put(`"by":${JSON.stringify(categoryColumn(by, false))},`);
  put(`"vsource":${JSON.stringify(categoryColumn(valueSource, false))},`);
  put(`"vlink":${JSON.stringify(categoryColumn(valueLink, false))},`);
  put(`"setter":${JSON.stringify(ids.map((id) => (marks.labelled.has(id) ? 2 : marks.setters.has(id) ? 1 : 0)))},`);
  put(`"drawOrder":${JSON.stringify(drawOrder)},`);
  put('"columns":{');
  present.forEach((f, i) => put(`${i ? ',' : ''}${JSON.stringify(f.key)}:${JSON.stringify(data[f.key])}`));
  put('}};\n');
  files.set(SYSTEMS_FILE, Buffer.concat(pieces));
  for (let k = 0; k * RECORDS_PER_FILE < n; k++) {
    files.set(recordsFile(k), Buffer.from(`CT_RECORDS(${k},${JSON.stringify(lines.slice(k * RECORDS_PER_FILE, (k + 1) * RECORDS_PER_FILE))});\n`, 'utf8'));
  }
  return { fields: present, files };
}
