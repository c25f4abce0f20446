/**
 * Validates data/raw/hardware.csv: one accelerator per row with cited peak FLOP/s per precision,
 * each peak within the span of real chips (pipeline/schema/bounds.ts), a real release date not
 * after the run date.
 */
import { ParseError, type Problem } from '../errors.ts';
import type { CsvTable } from '../io/csv-reader.ts';
import { messages } from '../messages.ts';
import { parseDate } from '../values/dates.ts';
import { tryParseNumber } from '../values/numbers.ts';
import { PRECISIONS, RAW_HARDWARE_COLUMNS, type Precision } from '../schema/raw-columns.ts';
import type { HardwareSpec } from '../schema/records.ts';
import { notationProblem } from './numeric-cells.ts';
import { rowCells } from './row-cells.ts';
import { judge } from './plausibility.ts';
import { hiddenCharacter, isSourceLink, textProblem } from './text-rules.ts';

const KINDS = ['gpu', 'tpu', 'cpu'] as const;
const REQUIRED = ['id', 'name', 'kind', 'default_precision', 'source_title', 'source_link'] as const;

/**
 * The accelerators of hardware.csv, its problems and its warnings (unusual peaks). `today`, the
 * run date, bounds release dates and source years; without it they are not checked against it.
 */
export function parseHardwareTable(table: CsvTable, today?: string): { specs: HardwareSpec[]; problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const index = new Map<string, number>();
  table.header.forEach((name, i) => {
    if (!(RAW_HARDWARE_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ file: table.file, line: 1, column: i + 1, text: name, message: messages.unknownColumn(name), expected: RAW_HARDWARE_COLUMNS.join(', ') });
    }
    index.set(name, i);
  });
  for (const name of REQUIRED) {
    if (!index.has(name)) problems.push({ file: table.file, line: 1, column: table.header.length + 1, message: messages.missingColumn(name) });
  }
  if (problems.length > 0) return { specs: [], problems, warnings };

  const specs: HardwareSpec[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const { get, at } = rowCells(table, row, index);
    const before = problems.length;
    for (const col of REQUIRED) if (get(col) === '') problems.push(at(col, messages.requiredCell(col)));
    for (const col of ['name', 'vendor', 'source_title', 'notes']) {
      const msg = get(col) === '' ? null : textProblem(col, get(col));
      if (msg) problems.push(at(col, msg));
    }
    const id = get('id');
    if (seen.has(id)) problems.push(at('id', messages.duplicateAccelerator(seen.get(id)!)));
    seen.set(id, row.line);
    const kind = get('kind');
    if (kind !== '' && !(KINDS as readonly string[]).includes(kind)) problems.push(at('kind', messages.notInList('kind'), KINDS.join(', ')));
    const defaultPrecision = get('default_precision');
    if (defaultPrecision !== '' && !(PRECISIONS as readonly string[]).includes(defaultPrecision)) {
      problems.push(at('default_precision', messages.notInList('default_precision'), PRECISIONS.join(', ')));
    }
    if (get('source_link') !== '' && !isSourceLink(get('source_link'))) problems.push(at('source_link', messages.badLink));
    /** A number cell: written plainly, readable, and within its bounds; null (with a problem) otherwise. */
    const number = (col: string, bound: 'peak_flop_per_second' | 'cores_per_chip', expected: string): number | null => {
      const text = get(col);
      const notation = notationProblem(col, text);
      if (notation) {
        problems.push(at(col, notation, expected));
        return null;
      }
      const value = tryParseNumber(text);
      if (value === undefined) {
        const hidden = hiddenCharacter(text);
        const detail = messages.cannotParse(col, 'not a number');
        problems.push(at(col, hidden ? messages.hiddenInCell(detail, hidden) : detail, expected));
        return null;
      }
      const verdict = judge(bound, value, col);
      if (verdict?.level === 'error') {
        problems.push(at(col, verdict.message, verdict.expected));
        return null;
      }
      if (verdict) warnings.push(at(col, verdict.message, verdict.expected));
      return value;
    };
    const peak: Partial<Record<Precision, number>> = {};
    for (const p of PRECISIONS) {
      if (get(`peak_${p}`) === '') continue;
      const value = number(`peak_${p}`, 'peak_flop_per_second', 'FLOP/s such as 1.25e14');
      if (value !== null) peak[p] = value;
    }
    const cores = get('cores_per_chip') === '' ? 1 : (number('cores_per_chip', 'cores_per_chip', '1, 2, ...') ?? 1);
    const release = get('release_date');
    if (release !== '') {
      try {
        parseDate(release, today ? { today } : {});
      } catch (err) {
        if (!(err instanceof ParseError)) throw err;
        const future = today !== undefined && /after today/.test(err.message);
        problems.push(at('release_date', future ? messages.releaseInFuture(today!) : messages.cannotParse('release_date', err.message), err.expected));
      }
    }
    const sourceYear = get('source_year');
    if (sourceYear !== '' && (!/^\d{4}$/.test(sourceYear) || Number(sourceYear) < 1900 || (today !== undefined && sourceYear > today.slice(0, 4)))) {
      problems.push(at('source_year', messages.badYear, `a year from 1900 to ${today?.slice(0, 4) ?? 'the run date'}`));
    }
    if (defaultPrecision !== '' && peak[defaultPrecision as Precision] === undefined && problems.length === before) {
      problems.push(at('default_precision', messages.cannotParse('default_precision', 'no peak is given for it'), `a precision with a peak_* value`));
    }
    if (problems.length > before) continue;
    specs.push({
      id,
      name: get('name'),
      vendor: get('vendor'),
      kind: kind as HardwareSpec['kind'],
      releaseDate: get('release_date'),
      coresPerChip: cores,
      peak,
      defaultPrecision: defaultPrecision as Precision,
      citation: `${get('source_title')} (${get('source_year')}) ${get('source_link')}`,
    });
  }
  return { specs, problems, warnings };
}
