/**
 * Validates the curated records file (data/raw/models.csv): header, required cells, enumerations,
 * citations, duplicates and accelerator names. Numbers and dates are parsed later, in normalize.
 */
import type { Problem } from '../errors.ts';
import type { CsvTable } from '../io/csv-reader.ts';
import { messages } from '../messages.ts';
import {
  ARCHITECTURES,
  DATASET_UNITS,
  DOMAINS,
  PRECISIONS,
  RAW_MODEL_COLUMNS,
  REQUIRED_MODEL_COLUMNS,
  type RawModelColumn,
} from '../schema/raw-columns.ts';
import type { RawModelRow } from '../schema/records.ts';
import { isSourceLink, isValueCitation, matchKey, textProblem } from './text-rules.ts';

const ENUMS: Partial<Record<RawModelColumn, readonly string[]>> = {
  domain: DOMAINS,
  architecture: ARCHITECTURES,
  dataset_unit: DATASET_UNITS,
  precision: PRECISIONS,
};
const ENUM_ENTRIES = Object.entries(ENUMS) as [RawModelColumn, readonly string[]][];
const VALUE_SOURCES: RawModelColumn[] = ['parameters_source', 'data_source', 'compute_source', 'hardware_source'];
const FREE_TEXT: RawModelColumn[] = ['name', 'organization', 'source_title', 'notes', ...VALUE_SOURCES];
const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

export function checkHeader(table: CsvTable): Problem[] {
  const problems: Problem[] = [];
  const known = new Set<string>(RAW_MODEL_COLUMNS);
  const seen = new Set<string>();
  table.header.forEach((name, i) => {
    const at = { file: table.file, line: 1, column: i + 1, text: name };
    if (!known.has(name)) problems.push({ ...at, message: messages.unknownColumn(name), expected: `one of ${RAW_MODEL_COLUMNS.join(', ')}` });
    else if (seen.has(name)) problems.push({ ...at, message: messages.duplicateColumn(name) });
    seen.add(name);
  });
  for (const name of REQUIRED_MODEL_COLUMNS) {
    if (!seen.has(name)) problems.push({ file: table.file, line: 1, column: table.header.length + 1, message: messages.missingColumn(name) });
  }
  return problems;
}

export function toRawRows(table: CsvTable): RawModelRow[] {
  const columnIndex: Partial<Record<RawModelColumn, number>> = {};
  table.header.forEach((name, i) => {
    if ((RAW_MODEL_COLUMNS as readonly string[]).includes(name)) columnIndex[name as RawModelColumn] = i + 1;
  });
  // Field position of each column in RAW_MODEL_COLUMNS order (-1: absent from the header).
  const at = RAW_MODEL_COLUMNS.map((col) => (columnIndex[col] ?? 0) - 1);
  return table.rows.map((row) => ({ file: table.file, line: row.line, columnIndex, cells: rawCells(row.cells, at) }));
}

/**
 * The cells of one row as an object literal with every column named, in RAW_MODEL_COLUMNS order.
 * Assigning 27 computed keys one by one would leave V8 a dictionary-mode object of ~2 KB per row;
 * the literal is a fast object of a fifth of that, which a million-row file needs (bench/scale.bench.ts).
 */
function rawCells(cells: readonly string[], at: readonly number[]): Record<RawModelColumn, string> {
  const get = (k: number) => (at[k] < 0 ? '' : (cells[at[k]] ?? '').trim());
  return {
    id: get(0),
    name: get(1),
    organization: get(2),
    domain: get(3),
    architecture: get(4),
    publication_date: get(5),
    parameters: get(6),
    active_parameters: get(7),
    training_tokens: get(8),
    dataset_size: get(9),
    dataset_unit: get(10),
    epochs: get(11),
    training_compute: get(12),
    training_compute_unit: get(13),
    hardware: get(14),
    hardware_count: get(15),
    training_time: get(16),
    precision: get(17),
    utilization: get(18),
    source_title: get(19),
    source_year: get(20),
    source_link: get(21),
    parameters_source: get(22),
    data_source: get(23),
    compute_source: get(24),
    hardware_source: get(25),
    notes: get(26),
  };
}

/** Builds a located problem for one cell of a raw row. */
export function cellProblem(row: RawModelRow, column: RawModelColumn, message: string, expected?: string): Problem {
  return {
    file: row.file,
    line: row.line,
    column: row.columnIndex[column] ?? 0,
    columnName: column,
    text: row.cells[column],
    message,
    ...(expected ? { expected } : {}),
  };
}

/**
 * What checkRows remembers across calls: the line of each id and system seen so far. A file read
 * in batches (pipeline/stages/row-batches.ts) passes the same state to every batch, so a duplicate
 * is found wherever its first occurrence was.
 */
export interface RowCheckState {
  ids: Map<string, number>;
  systems: Map<string, number>;
}

export const newRowCheckState = (): RowCheckState => ({ ids: new Map(), systems: new Map() });

export function checkRows(rows: readonly RawModelRow[], hardwareIds: ReadonlySet<string>, today: string, state: RowCheckState = newRowCheckState()): Problem[] {
  const problems: Problem[] = [];
  const { ids, systems } = state;
  for (const row of rows) {
    const c = row.cells;
    for (const col of REQUIRED_MODEL_COLUMNS) if (c[col] === '') problems.push(cellProblem(row, col, messages.requiredCell(col)));
    for (const col of FREE_TEXT) {
      const msg = c[col] === '' ? null : textProblem(col, c[col]);
      if (msg) problems.push(cellProblem(row, col, msg, 'plain text'));
    }
    if (c.id !== '' && !ID.test(c.id)) problems.push(cellProblem(row, 'id', messages.badId, 'lowercase letters, digits and hyphens'));
    if (c.id !== '') {
      const first = ids.get(c.id);
      if (first !== undefined) problems.push(cellProblem(row, 'id', messages.duplicateId(first)));
      else ids.set(c.id, row.line);
    }
    const systemKey = `${matchKey(c.name)}|${c.publication_date.slice(0, 4)}`;
    const firstSystem = systems.get(systemKey);
    if (c.name !== '' && firstSystem !== undefined) {
      problems.push(cellProblem(row, 'name', messages.duplicateSystem(firstSystem)));
    } else systems.set(systemKey, row.line);
    for (const [col, allowed] of ENUM_ENTRIES) {
      if (c[col] !== '' && !allowed.includes(c[col])) problems.push(cellProblem(row, col, messages.notInList(col), allowed.join(', ')));
    }
    if (c.source_link !== '' && !isSourceLink(c.source_link)) {
      problems.push(cellProblem(row, 'source_link', messages.badLink, 'arXiv:2005.14165, doi:10.1038/nature16961 or https://...'));
    }
    if (c.source_year !== '') {
      const y = Number(c.source_year);
      if (!/^\d{4}$/.test(c.source_year) || y < 1900 || y > Number(today.slice(0, 4))) {
        problems.push(cellProblem(row, 'source_year', messages.badYear, `a year from 1900 to ${today.slice(0, 4)}`));
      }
    }
    for (const col of VALUE_SOURCES) {
      if (c[col] !== '' && !isValueCitation(c[col])) problems.push(cellProblem(row, col, messages.badCitation(col), 'Title (Year) link'));
    }
    if (c.hardware !== '' && !hardwareIds.has(c.hardware)) {
      problems.push(cellProblem(row, 'hardware', messages.unknownHardware(c.hardware), 'an id from data/raw/hardware.csv'));
    }
    if (c.training_compute_unit !== '' && c.training_compute === '') {
      problems.push(cellProblem(row, 'training_compute_unit', messages.unitWithoutValue('training_compute_unit')));
    }
    if (c.training_compute !== '' && c.training_compute_unit === '') {
      problems.push(cellProblem(row, 'training_compute', messages.valueWithoutUnit('training_compute'), 'a unit in training_compute_unit'));
    }
    if (c.dataset_size !== '' && c.dataset_unit === '') {
      problems.push(cellProblem(row, 'dataset_size', messages.valueWithoutUnit('dataset_size'), DATASET_UNITS.join(', ')));
    }
    if (c.dataset_unit !== '' && c.dataset_size === '') {
      problems.push(cellProblem(row, 'dataset_unit', messages.unitWithoutValue('dataset_unit')));
    }
  }
  return problems;
}
