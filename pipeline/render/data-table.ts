/**
 * A table defined once and rendered twice: as HTML on the page (htmlTable, escaped) with a link
 * to its CSV, and as that CSV (tables/<name>.csv, formula cells neutralized by the writer). A
 * column may give the CSV machine-readable fields of its own (a rate as value, low and high)
 * instead of the text the page shows.
 */
import { toCsv, type CsvCell } from '../io/csv-writer.ts';
import { esc, htmlTable, type Column } from './html.ts';
import { messages } from '../messages.ts';

export interface DataColumn<T> extends Column<T> {
  /** The CSV's fields for this column (name → value); default: one field, the title, with `value`. */
  csv?: Record<string, (row: T) => CsvCell>;
}

export interface DataTable<T> {
  name: string;
  caption: string;
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  sortable?: boolean;
  /** What the page says when there is no row, as a clause ("no system states a training cost"). */
  empty?: string;
}

export function dataTableHtml<T>(t: DataTable<T>): string {
  // No row: a sentence instead of an empty table, and no CSV to link (the site writes none).
  if (t.rows.length === 0) return `<p class="table-note">${esc(messages.noRows(t.empty ?? messages.noTableRows))}</p>`;
  const table = htmlTable(t.rows, t.columns, { caption: t.caption, sortable: t.sortable ?? true });
  return `${table}<p class="table-download"><a class="download" href="tables/${esc(t.name)}.csv" download>${esc(messages.tableCsv)}</a></p>`;
}

export function dataTableCsv<T>(t: DataTable<T>): string {
  const fields = t.columns.flatMap((c) => (c.csv ? Object.entries(c.csv) : [[c.title, (row: T) => c.value(row)] as [string, (row: T) => CsvCell]]));
  return toCsv(
    fields.map(([name]) => name),
    t.rows.map((row) => fields.map(([, get]) => get(row))),
  );
}
