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
import { loadModelColumns, modelLineWriter, type ColumnMeta } from '../impute/processed-table.ts';
import { writeLines } from '../io/csv-writer.ts';
import type { Fits } from '../schema/fits.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { linkUrl } from './charts/points.ts';
import { availableFields, columnLabel, SITE_FIELDS, type SiteField } from './fields.ts';
import { landmarks } from './landmarks.ts';
import { sampleRanks } from './sample.ts';

export const SYSTEMS_FILE = 'data/systems.js';
export const RECORDS_PER_FILE = 1000;
export const recordsFile = (k: number) => `data/records/${k}.js`;

/** A field as the browser sees it: the list entry with its column's unit and description. */
export interface FieldMeta extends Omit<SiteField, 'column'> {
  column: string;
  unit?: string;
  description: string;
}

/** The cells of one models.csv column, one per record, as the CSV writer writes them, unquoted. */
export function columnCells(records: readonly ProcessedRecord[], column: ColumnMeta): string[] {
  const { bytes, ends } = writeLines(records, modelLineWriter([column]));
  const cells = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    // Each line is one cell and its LF.
    cells[i] = unquote(bytes.toString('utf8', start, ends[i] - 1));
    start = ends[i];
  }
  return cells;
}

/** A CSV cell's text: quotes removed, and the apostrophe that neutralizes a formula. */
export function unquote(cell: string): string {
  const text = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

type Column = (number | null)[] | { dict: string[]; codes: number[] };

function numberColumn(cells: readonly string[]): (number | null)[] {
  return cells.map((c) => (c === '' ? null : Number(c)));
}

function categoryColumn(cells: readonly string[], boolean: boolean): { dict: string[]; codes: number[] } {
  const index = new Map<string, number>();
  const codes = cells.map((c) => {
    if (c === '') return -1;
    const text = boolean ? (c === 'true' ? 'Yes' : 'No') : c;
    let code = index.get(text);
    if (code === undefined) index.set(text, (code = index.size));
    return code;
  });
  // The dictionary in alphabetical order, codes renumbered: the same data give the same file.
  const dict = [...index.keys()].sort();
  const renumber = new Map(dict.map((d, i) => [index.get(d)!, i]));
  return { dict, codes: codes.map((c) => (c < 0 ? -1 : renumber.get(c)!)) };
}

export interface SystemsData {
  /** Fields present: a column in models.csv with at least one value. */
  fields: FieldMeta[];
  /** The file's bytes. */
  file: Buffer;
}

/** data/systems.js for these records (in their models.csv order). */
export function systemsData(records: readonly ProcessedRecord[], fits: Fits, fields: readonly SiteField[] = SITE_FIELDS): SystemsData {
  const columns = loadModelColumns();
  const byName = new Map(columns.map((c) => [c.name, c]));
  const present: FieldMeta[] = [];
  const data: Record<string, Column> = {};
  for (const f of availableFields(columns, fields)) {
    const meta = byName.get(f.column)!;
    const cells = columnCells(records, meta);
    if (cells.every((c) => c === '')) continue;
    present.push({ ...f, ...(meta.unit ? { unit: meta.unit } : {}), description: meta.description });
    data[f.key] = f.kind === 'category' ? categoryColumn(cells, meta.type === 'boolean') : numberColumn(cells);
  }
  const marks = landmarks(records, fits);
  const ranks = sampleRanks(
    records.map((r) => r.year),
    (i) => marks.setters.has(records[i].id),
  );
  const drawOrder = Array.from(ranks.keys()).sort((a, b) => ranks[a] - ranks[b] || a - b);
  // Pieces joined as bytes: one string of the whole file would be held twice while joined.
  const pieces: Buffer[] = [];
  const put = (text: string) => pieces.push(Buffer.from(text, 'utf8'));
  put('window.CT_SYSTEMS={');
  put(`"n":${records.length},"perFile":${RECORDS_PER_FILE},"fields":${JSON.stringify(present)},`);
  put(`"header":${JSON.stringify(columns.map((c) => ({ name: c.name, label: columnLabel(c.name, fields), description: c.description, ...(c.unit ? { unit: c.unit } : {}), type: c.type })))},`);
  put(`"id":${JSON.stringify(records.map((r) => r.id))},`);
  put(`"name":${JSON.stringify(records.map((r) => r.name))},`);
  put(`"date":${JSON.stringify(records.map((r) => r.publicationDate))},`);
  put(`"source":${JSON.stringify(records.map((r) => `${r.citation.title} (${r.citation.year})`))},`);
  put(`"link":${JSON.stringify(records.map((r) => linkUrl(r.citation.link)))},`);
  put(`"setter":${JSON.stringify(records.map((r) => (marks.labelled.has(r.id) ? 2 : marks.setters.has(r.id) ? 1 : 0)))},`);
  put(`"drawOrder":${JSON.stringify(drawOrder)},`);
  put('"columns":{');
  present.forEach((f, i) => put(`${i ? ',' : ''}${JSON.stringify(f.key)}:${JSON.stringify(data[f.key])}`));
  put('}};\n');
  return { fields: present, file: Buffer.concat(pieces) };
}

/** data/records/<k>.js: the models.csv lines of RECORDS_PER_FILE systems each. */
export function recordFiles(records: readonly ProcessedRecord[]): Map<string, Buffer> {
  const columns = loadModelColumns();
  const { bytes, ends } = writeLines(records, modelLineWriter(columns));
  const out = new Map<string, Buffer>();
  let start = 0;
  for (let k = 0; k * RECORDS_PER_FILE < ends.length; k++) {
    const last = Math.min(ends.length, (k + 1) * RECORDS_PER_FILE);
    const lines: string[] = [];
    for (let i = k * RECORDS_PER_FILE; i < last; i++) {
      lines.push(bytes.toString('utf8', start, ends[i] - 1));
      start = ends[i];
    }
    out.set(recordsFile(k), Buffer.from(`CT_RECORDS(${k},${JSON.stringify(lines)});\n`, 'utf8'));
  }
  return out;
}
