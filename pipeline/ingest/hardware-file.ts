/** Validates data/raw/hardware.csv: one accelerator per row with cited peak FLOP/s per precision. */
import type { Problem } from '../errors.ts';
import type { CsvTable } from '../io/csv-reader.ts';
import { messages } from '../messages.ts';
import { PRECISIONS, RAW_HARDWARE_COLUMNS, type Precision } from '../schema/raw-columns.ts';
import type { HardwareSpec } from '../schema/records.ts';
import { isSourceLink, textProblem } from './text-rules.ts';

const KINDS = ['gpu', 'tpu', 'cpu'] as const;
const REQUIRED = ['id', 'name', 'kind', 'default_precision', 'source_title', 'source_link'] as const;

export function parseHardwareTable(table: CsvTable): { specs: HardwareSpec[]; problems: Problem[] } {
  const problems: Problem[] = [];
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
  if (problems.length > 0) return { specs: [], problems };

  const specs: HardwareSpec[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const get = (col: string) => (row.cells[index.get(col) ?? -1] ?? '').trim();
    const at = (col: string, message: string, expected?: string): Problem => ({
      file: table.file,
      line: row.line,
      column: (index.get(col) ?? 0) + 1,
      columnName: col,
      text: get(col),
      message,
      ...(expected ? { expected } : {}),
    });
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
    const peak: Partial<Record<Precision, number>> = {};
    for (const p of PRECISIONS) {
      const text = get(`peak_${p}`);
      if (text === '') continue;
      const value = Number(text);
      if (!/^\d/.test(text) || !Number.isFinite(value) || value <= 0) {
        problems.push(at(`peak_${p}`, messages.cannotParse(`peak_${p}`, 'not a positive number'), 'FLOP/s such as 1.25e14'));
      } else peak[p] = value;
    }
    const coresText = get('cores_per_chip');
    const cores = coresText === '' ? 1 : Number(coresText);
    if (!Number.isInteger(cores) || cores < 1) problems.push(at('cores_per_chip', messages.cannotParse('cores_per_chip', 'not a whole number'), '1, 2, ...'));
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
  return { specs, problems };
}
