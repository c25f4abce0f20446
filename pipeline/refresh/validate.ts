/**
 * Checks that downloaded bytes are an export the pipeline can read, before they are stored:
 * not an HTML page (a login wall or error page served with status 200), comma-delimited, readable
 * CSV (the project's csv-reader, so problems are located), with the required columns.
 */
import { isExternalExport } from '../adapters/epoch.ts';
import { EPOCH_FIELDS, resolveColumns, type EpochField } from '../adapters/epoch-columns.ts';
import { PipelineError, type Problem } from '../errors.ts';
import { parseCsvBytes, type CsvTable } from '../io/csv-reader.ts';
import { messages } from '../messages.ts';

/** The columns isExternalExport needs. */
const REQUIRED: readonly EpochField[] = ['name', 'publicationDate', 'compute'];

function firstLine(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('utf8').replace(/^\uFEFF/, '');
  return head.split(/\r?\n/, 1)[0] ?? '';
}

/** Count of each candidate delimiter outside double quotes. */
function delimiterCounts(line: string): Record<string, number> {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  return counts;
}

export function validateExport(bytes: Uint8Array, contentType: string, from: string): CsvTable {
  const fail = (problems: Problem[]): never => {
    throw new PipelineError(messages.refreshFailed(from), problems);
  };
  const header = firstLine(bytes);
  const start = Buffer.from(bytes.subarray(0, 1024)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  // Sniffed from the body (an export never starts with "<"); the Content-Type alone is not trusted either way.
  const htmlType = /text\/html|application\/xhtml/i.test(contentType);
  if (start.startsWith('<') || (htmlType && /<(!doctype|html|head|body)\b/i.test(start))) {
    fail([{ file: from, line: 1, column: 1, message: messages.htmlNotCsv, text: header, expected: messages.htmlExpected }]);
  }
  const counts = delimiterCounts(header);
  const other = counts[';'] >= counts['\t'] ? ';' : '\t';
  if (counts[other] > counts[',']) {
    const shown = other === ';' ? 'semicolons' : 'tabs';
    fail([{ file: from, line: 1, column: 1, message: messages.wrongDelimiter(shown), text: header, expected: 'a comma-separated export' }]);
  }
  let table: CsvTable;
  try {
    table = parseCsvBytes(bytes, from);
  } catch (err) {
    if (!(err instanceof PipelineError)) throw err;
    return fail(err.problems.length ? err.problems : [{ file: from, message: err.message }]);
  }
  if (!isExternalExport(table.header)) {
    const { index } = resolveColumns(table.header);
    const missing = REQUIRED.filter((f) => !index.has(f)).map((f) => EPOCH_FIELDS[f]);
    fail([
      ...missing.map((names) => ({
        file: from,
        line: 1,
        message: messages.missingColumn(names.join('" or "')),
        expected: messages.knownExports,
      })),
      // A required column renamed ("Training compute FLOP"): say which one it looks like.
      ...renamedColumns(table.header, from),
    ]);
  }
  return table;
}

/**
 * A column name reduced for a likeness test: case, spacing and punctuation ignored. Looser than the
 * adapter's own comparison (columnKey in adapters/epoch-columns.ts, which decides what is read):
 * this one only suggests which column a name the adapter does not read may have been.
 */
const looseKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Edit distance, for "Paramters" read as "Parameters" renamed. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/**
 * Columns of the export that look like a column the adapter reads, renamed ("parameters",
 * "Paramters" for "Parameters") while the real name is absent: their values would be lost.
 */
export function renamedColumns(header: readonly string[], from: string): Problem[] {
  const problems: Problem[] = [];
  const { index, unknown } = resolveColumns(header);
  const unread = new Set(unknown);
  for (const [field, names] of Object.entries(EPOCH_FIELDS) as [EpochField, readonly string[]][]) {
    // Read under one of its names (case and spacing ignored, as the adapter reads it).
    if (index.has(field)) continue;
    header.forEach((h, i) => {
      if (!unread.has(h)) return;
      const key = looseKey(h);
      const like = names.find((n) => looseKey(n) === key || (key.length >= 6 && distance(looseKey(n), key) <= 2));
      if (like) problems.push({ file: from, line: 1, column: i + 1, text: h, message: messages.columnLooksRenamed(h, like), expected: `"${like}"` });
    });
  }
  return problems;
}

