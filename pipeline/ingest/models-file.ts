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
  ESTIMATION_METHODS,
  PRECISIONS,
  RAW_MODEL_COLUMNS,
  REQUIRED_MODEL_COLUMNS,
  type RawModelColumn,
} from '../schema/raw-columns.ts';
import type { RawModelRow } from '../schema/records.ts';
import { otherDelimiter } from '../io/csv-sniff.ts';
import { lookupComputeUnit } from '../values/compute-units.ts';
import { FirstLines, SystemLines } from './first-lines.ts';
import { notationProblem } from './numeric-cells.ts';
import { hiddenCharacter, isSourceLink, isValueCitation, mayBreakNameRule, mayBreakTextRule, nameProblem, textProblem } from './text-rules.ts';

/**
 * Listed columns: a Set answers "is it listed" with one hash lookup (the cell's hash is cached on
 * the string) rather than comparing the cell with every listed string; the list, joined once,
 * is what a problem expects.
 */
const listed = (values: readonly string[]) => ({ values: new Set(values), expected: values.join(', ') });
const DOMAIN_LIST = listed(DOMAINS);
const ARCHITECTURE_LIST = listed(ARCHITECTURES);
const DATASET_UNIT_LIST = listed(DATASET_UNITS);
const PRECISION_LIST = listed(PRECISIONS);
const ESTIMATION_METHOD_LIST = listed(ESTIMATION_METHODS);
const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

export function checkHeader(table: CsvTable): Problem[] {
  // One column holding the whole header: another delimiter, which every column check would only obscure.
  const other = table.header.length === 1 ? otherDelimiter(table.header[0]) : null;
  if (other) {
    return [{ file: table.file, line: 1, column: 1, text: table.header[0], message: messages.looksDelimited(other.name, other.count, other.commas), expected: 'comma-separated values' }];
  }
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

/** The trimmed field at position i of a record, '' when the column is absent (i < 0) or the field missing. */
function field(cells: readonly string[], i: number): string {
  const cell = i < 0 ? undefined : cells[i];
  if (cell === undefined || cell === '') return '';
  // trim() only when an end could be white space: most cells start and end with printable ASCII.
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f ? cell : cell.trim();
}

/**
 * The cells of one row as an object literal with every column named, in RAW_MODEL_COLUMNS order
 * (one object shape for every row: ARCHITECTURE.md, "Engine notes").
 */
function rawCells(cells: readonly string[], at: readonly number[]): Record<RawModelColumn, string> {
  return {
    id: field(cells, at[0]),
    name: field(cells, at[1]),
    organization: field(cells, at[2]),
    domain: field(cells, at[3]),
    architecture: field(cells, at[4]),
    publication_date: field(cells, at[5]),
    parameters: field(cells, at[6]),
    active_parameters: field(cells, at[7]),
    training_tokens: field(cells, at[8]),
    dataset_size: field(cells, at[9]),
    dataset_unit: field(cells, at[10]),
    epochs: field(cells, at[11]),
    training_compute: field(cells, at[12]),
    training_compute_unit: field(cells, at[13]),
    hardware: field(cells, at[14]),
    hardware_count: field(cells, at[15]),
    training_time: field(cells, at[16]),
    precision: field(cells, at[17]),
    utilization: field(cells, at[18]),
    source_title: field(cells, at[19]),
    source_year: field(cells, at[20]),
    source_link: field(cells, at[21]),
    parameters_source: field(cells, at[22]),
    data_source: field(cells, at[23]),
    compute_source: field(cells, at[24]),
    compute_estimated_by: field(cells, at[25]),
    compute_estimation_method: field(cells, at[26]),
    compute_confidence: field(cells, at[27]),
    hardware_source: field(cells, at[28]),
    notes: field(cells, at[29]),
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
 * in batches (the ingest stage's pass, pipeline/stages/ingest.ts) passes the same state to every batch, so a duplicate
 * is found wherever its first occurrence was.
 */
export interface RowCheckState {
  ids: FirstLines;
  systems: SystemLines;
}

export const newRowCheckState = (): RowCheckState => ({ ids: new FirstLines(), systems: new SystemLines() });

/** Required cell left empty. */
function required(problems: Problem[], row: RawModelRow, column: RawModelColumn): void {
  problems.push(cellProblem(row, column, messages.requiredCell(column)));
}

/** Free text that breaks a text rule (markup, formula, control, invisible or bidirectional character). */
function plainText(problems: Problem[], row: RawModelRow, column: RawModelColumn, text: string): void {
  const msg = textProblem(column, text);
  if (msg) problems.push(cellProblem(row, column, msg, 'plain text'));
}

/** A name that breaks a text rule or mixes look-alike scripts in a word. */
function nameText(problems: Problem[], row: RawModelRow, text: string): void {
  const msg = nameProblem('name', text);
  if (msg) problems.push(cellProblem(row, 'name', msg, 'plain text in one script per word'));
}

/** A message naming the invisible character a failing cell holds, if any (it would otherwise go unseen). */
function withHidden(message: string, text: string): string {
  const hidden = hiddenCharacter(text);
  return hidden ? messages.hiddenInCell(message, hidden) : message;
}

function notListed(problems: Problem[], row: RawModelRow, column: RawModelColumn, list: { expected: string }): void {
  problems.push(cellProblem(row, column, withHidden(messages.notInList(column), row.cells[column]), list.expected));
}

/** A number written in a form a data file does not accept (hexadecimal, × 10^, U+2212, superscripts). */
function numberForm(problems: Problem[], row: RawModelRow, column: RawModelColumn, text: string, unit?: string): void {
  let msg = notationProblem(column, text);
  // The `×` of a `<FLOP/s> × <seconds>` value is its unit's syntax: only the suggestion differs.
  if (msg && unit !== undefined && lookupComputeUnit(unit)?.unit === 'FLOP/s × s') msg = notationProblem(column, text, { product: true });
  if (msg) problems.push(cellProblem(row, column, msg, 'digits, an optional fraction and exponent (1.5e23), or a count such as 175B'));
}

function badCitation(problems: Problem[], row: RawModelRow, column: RawModelColumn): void {
  problems.push(cellProblem(row, column, messages.badCitation(column), 'Title (Year) link'));
}

const YEAR = /^\d{4}$/;
const YEAR_START = /^\d{4}(-|$)/;

/**
 * Who produced the compute value (compute_estimated_by) qualifies that value, and the third
 * party's method and confidence qualify its estimate; a third party's estimate cites where it is
 * published (compute_source), so that no estimate is shown with the authors' paper as its source.
 */
function thirdPartyChecks(problems: Problem[], row: RawModelRow): void {
  const c = row.cells;
  if (c.compute_estimated_by !== '') {
    if (c.training_compute === '') problems.push(cellProblem(row, 'compute_estimated_by', messages.unitWithoutValue('compute_estimated_by')));
    if (c.compute_source === '') problems.push(cellProblem(row, 'compute_source', messages.thirdPartyWithoutSource, 'Title (Year) link of the third party\'s publication'));
  }
  if (c.compute_estimation_method !== '') {
    if (!ESTIMATION_METHOD_LIST.values.has(c.compute_estimation_method)) notListed(problems, row, 'compute_estimation_method', ESTIMATION_METHOD_LIST);
    if (c.compute_estimated_by === '') problems.push(cellProblem(row, 'compute_estimation_method', messages.withoutThirdParty('compute_estimation_method')));
  }
  if (c.compute_confidence !== '' && c.compute_estimated_by === '') {
    problems.push(cellProblem(row, 'compute_confidence', messages.withoutThirdParty('compute_confidence')));
  }
}

/**
 * Every row's problems, in row order and, within a row, in the order of the checks below. Each
 * cell is read by name (`c.notes`), not as `c[col]` over a list (ARCHITECTURE.md, "Engine notes").
 * The checks keep the schema lists' order (REQUIRED_MODEL_COLUMNS; free text: name,
 * organization, source_title, notes, then the four value sources; listed columns: domain,
 * architecture, dataset_unit, precision); test/ingest/check-rows-reference.test.ts compares
 * them with a loop over those lists.
 */
export function checkRows(rows: readonly RawModelRow[], hardwareIds: ReadonlySet<string>, today: string, state: RowCheckState = newRowCheckState()): Problem[] {
  const problems: Problem[] = [];
  const { ids, systems } = state;
  const todayYear = today.slice(0, 4);
  const latestYear = Number(todayYear);
  for (const row of rows) {
    const c = row.cells;
    if (c.id === '') required(problems, row, 'id');
    if (c.name === '') required(problems, row, 'name');
    if (c.organization === '') required(problems, row, 'organization');
    if (c.domain === '') required(problems, row, 'domain');
    if (c.publication_date === '') required(problems, row, 'publication_date');
    if (c.source_title === '') required(problems, row, 'source_title');
    if (c.source_year === '') required(problems, row, 'source_year');
    if (c.source_link === '') required(problems, row, 'source_link');

    // mayBreakTextRule first: one regex test clears almost every cell, without a call that builds a message.
    if (c.name !== '' && mayBreakNameRule(c.name)) nameText(problems, row, c.name);
    if (c.organization !== '' && mayBreakTextRule(c.organization)) plainText(problems, row, 'organization', c.organization);
    if (c.source_title !== '' && mayBreakTextRule(c.source_title)) plainText(problems, row, 'source_title', c.source_title);
    if (c.notes !== '' && mayBreakTextRule(c.notes)) plainText(problems, row, 'notes', c.notes);
    if (c.parameters_source !== '' && mayBreakTextRule(c.parameters_source)) plainText(problems, row, 'parameters_source', c.parameters_source);
    if (c.data_source !== '' && mayBreakTextRule(c.data_source)) plainText(problems, row, 'data_source', c.data_source);
    if (c.compute_source !== '' && mayBreakTextRule(c.compute_source)) plainText(problems, row, 'compute_source', c.compute_source);
    if (c.hardware_source !== '' && mayBreakTextRule(c.hardware_source)) plainText(problems, row, 'hardware_source', c.hardware_source);
    if (c.compute_estimated_by !== '' && mayBreakTextRule(c.compute_estimated_by)) plainText(problems, row, 'compute_estimated_by', c.compute_estimated_by);
    if (c.compute_confidence !== '' && mayBreakTextRule(c.compute_confidence)) plainText(problems, row, 'compute_confidence', c.compute_confidence);

    if (c.id !== '') {
      if (!ID.test(c.id)) problems.push(cellProblem(row, 'id', withHidden(messages.badId, c.id), 'lowercase letters, digits and hyphens'));
      const first = ids.firstOrAdd(c.id, row.line);
      if (first !== undefined) problems.push(cellProblem(row, 'id', messages.duplicateId(first)));
    }
    // A system is its name (as identityKey reads it: pipeline/values/identity.ts) and publication year. A row without a name is
    // no duplicate, but it does become the line of its key (a name of punctuation only has the same key).
    if (c.name !== '') {
      const first = systems.firstOrAdd(c.name, c.publication_date, row.line);
      if (first !== undefined) problems.push(cellProblem(row, 'name', messages.duplicateSystem(first)));
    } else systems.set(c.name, c.publication_date, row.line);

    if (c.domain !== '' && !DOMAIN_LIST.values.has(c.domain)) notListed(problems, row, 'domain', DOMAIN_LIST);
    if (c.architecture !== '' && !ARCHITECTURE_LIST.values.has(c.architecture)) notListed(problems, row, 'architecture', ARCHITECTURE_LIST);
    if (c.dataset_unit !== '' && !DATASET_UNIT_LIST.values.has(c.dataset_unit)) notListed(problems, row, 'dataset_unit', DATASET_UNIT_LIST);
    if (c.precision !== '' && !PRECISION_LIST.values.has(c.precision)) notListed(problems, row, 'precision', PRECISION_LIST);

    if (c.source_link !== '' && !isSourceLink(c.source_link)) {
      problems.push(cellProblem(row, 'source_link', messages.badLink, 'arXiv:2005.14165, doi:10.1038/nature16961 or https://...'));
    }
    if (c.source_year !== '') {
      const y = Number(c.source_year);
      if (!YEAR.test(c.source_year) || y < 1900 || y > latestYear) {
        problems.push(cellProblem(row, 'source_year', withHidden(messages.badYear, c.source_year), `a year from 1900 to ${todayYear}`));
      } else if (YEAR_START.test(c.publication_date) && c.source_year < c.publication_date.slice(0, 4) && c.publication_date.slice(0, 4) <= todayYear) {
        // A source may come later than the system (a retrospective, Epoch AI's data), never earlier.
        problems.push(cellProblem(row, 'source_year', messages.sourceBeforePublication(c.source_year, c.publication_date), `a year from ${c.publication_date.slice(0, 4)} to ${todayYear}`));
      }
    }
    if (c.parameters_source !== '' && !isValueCitation(c.parameters_source)) badCitation(problems, row, 'parameters_source');
    if (c.data_source !== '' && !isValueCitation(c.data_source)) badCitation(problems, row, 'data_source');
    if (c.compute_source !== '' && !isValueCitation(c.compute_source)) badCitation(problems, row, 'compute_source');
    if (c.hardware_source !== '' && !isValueCitation(c.hardware_source)) badCitation(problems, row, 'hardware_source');

    if (c.hardware !== '' && !hardwareIds.has(c.hardware)) {
      problems.push(cellProblem(row, 'hardware', messages.unknownHardware(c.hardware), 'an id from data/raw/hardware.csv'));
    }
    if (c.parameters !== '') numberForm(problems, row, 'parameters', c.parameters);
    if (c.active_parameters !== '') numberForm(problems, row, 'active_parameters', c.active_parameters);
    if (c.training_tokens !== '') numberForm(problems, row, 'training_tokens', c.training_tokens);
    if (c.dataset_size !== '') numberForm(problems, row, 'dataset_size', c.dataset_size);
    if (c.epochs !== '') numberForm(problems, row, 'epochs', c.epochs);
    if (c.training_compute !== '') numberForm(problems, row, 'training_compute', c.training_compute, c.training_compute_unit);
    if (c.hardware_count !== '') numberForm(problems, row, 'hardware_count', c.hardware_count);
    if (c.training_time !== '') numberForm(problems, row, 'training_time', c.training_time);
    if (c.utilization !== '') numberForm(problems, row, 'utilization', c.utilization);
    if (c.training_compute_unit !== '' && c.training_compute === '') {
      problems.push(cellProblem(row, 'training_compute_unit', messages.unitWithoutValue('training_compute_unit')));
    }
    if (c.training_compute !== '' && c.training_compute_unit === '') {
      problems.push(cellProblem(row, 'training_compute', messages.valueWithoutUnit('training_compute'), 'a unit in training_compute_unit'));
    }
    if (c.dataset_size !== '' && c.dataset_unit === '') {
      problems.push(cellProblem(row, 'dataset_size', messages.valueWithoutUnit('dataset_size'), DATASET_UNIT_LIST.expected));
    }
    if (c.dataset_unit !== '' && c.dataset_size === '') {
      problems.push(cellProblem(row, 'dataset_unit', messages.unitWithoutValue('dataset_unit')));
    }
    if (c.compute_estimated_by !== '' || c.compute_estimation_method !== '' || c.compute_confidence !== '') thirdPartyChecks(problems, row);
  }
  return problems;
}
