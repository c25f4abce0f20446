/**
 * One row of a small validated table (hardware.csv, aliases.csv) read by column name: its trimmed
 * cells, and a problem located at one of its cells (file, line, column, the cell's text).
 */
import type { Problem } from '../errors.ts';
import type { CsvRow, CsvTable } from '../io/csv-reader.ts';

export interface RowCells {
  /** The trimmed cell of `col`; '' for a column the header lacks or a short row. */
  get(col: string): string;
  /** A problem at the cell of `col`, quoting its text. */
  at(col: string, message: string, expected?: string): Problem;
}

export function rowCells(table: CsvTable, row: CsvRow, index: ReadonlyMap<string, number>): RowCells {
  const get = (col: string) => (row.cells[index.get(col) ?? -1] ?? '').trim();
  return {
    get,
    at: (col, message, expected) => ({
      file: table.file,
      line: row.line,
      column: (index.get(col) ?? 0) + 1,
      columnName: col,
      text: get(col),
      message,
      ...(expected ? { expected } : {}),
    }),
  };
}
