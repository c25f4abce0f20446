/**
 * Every user-facing message of the pipeline, built in one place (as Vega-Lite does), so that
 * tests assert on the same text the user reads.
 */
export const messages = {
  // ---- files and CSV syntax
  unreadableFile: (file: string) => `${file}: the file cannot be read as CSV`,
  notUtf8: (byte: number) => `byte 0x${byte.toString(16).padStart(2, '0').toUpperCase()} is not valid UTF-8`,
  emptyFile: 'the file is empty',
  headerOnly: 'the file has a header but no records',
  quoteNotClosed: 'a quoted field is never closed',
  strayQuote: 'a quote appears inside an unquoted field',
  raggedRow: (detail: string) => `the row does not have as many fields as the header (${detail})`,
  recordTooLarge: (max: number) => `a record is longer than ${max.toLocaleString('en-US')} characters`,
  csvSyntax: (detail: string) => `CSV syntax error: ${detail}`,
  missingFile: (file: string) => `${file} does not exist`,
  unknownExport: 'a CSV file in the raw folder that is neither models.csv, hardware.csv nor a known external export',
  knownExports: 'an Epoch AI export (columns Model or System, Publication date, Training compute (FLOP))',
  noRecords: 'no records: the folder holds neither models.csv nor an external export',

  // ---- headers
  unknownColumn: (name: string) => `unknown column "${name}"`,
  missingColumn: (name: string) => `required column "${name}" is missing from the header`,
  duplicateColumn: (name: string) => `column "${name}" appears twice in the header`,

  // ---- cells
  requiredCell: (column: string) => `${column} is required`,
  badId: 'id must be a lowercase slug',
  duplicateId: (firstLine: number) => `duplicate system: the same id is already used on line ${firstLine}`,
  duplicateSystem: (firstLine: number) => `duplicate system: the same name and publication year are already on line ${firstLine}`,
  notInList: (column: string) => `${column} is not one of the accepted values`,
  markupInText: (column: string) => `${column} contains HTML markup`,
  formulaInText: (column: string) => `${column} starts with a spreadsheet formula character`,
  controlCharacter: (column: string) => `${column} contains a control character`,
  badLink: 'source_link is not an arXiv id, a DOI or an https URL',
  badCitation: (column: string) => `${column} must read "Title (Year) link" with an arXiv id, DOI or URL`,
  badYear: 'source_year is not a year between 1900 and the run date',
  unknownHardware: (id: string) => `unknown accelerator "${id}"`,
  hardwareUnitNeedsHardware: 'an accelerator-time unit needs the accelerator named in the hardware column',
  unitWithoutValue: (column: string) => `${column} is given without the value it qualifies`,
  valueWithoutUnit: (column: string) => `${column} is given without its unit`,
  cannotParse: (column: string, detail: string) => `${column}: ${detail}`,
  outOfRange: (column: string, detail: string) => `${column} is impossible: ${detail}`,
  inFuture: (today: string) => `the date is after the run date ${today}`,
  notAFraction: (column: string) => `${column} must be a fraction between 0 and 1`,

  // ---- warnings
  suspicious: (column: string, detail: string) => `${column} looks suspicious: ${detail}`,
  ignoredColumns: (file: string, names: string[]) => `${file}: ignored unknown columns: ${names.join(', ')}`,

  // ---- stages and CLI
  stageFailed: (stage: string, count: number) => `${stage} failed with ${count} problem${count === 1 ? '' : 's'}`,
  unknownStage: (name: string, stages: readonly string[]) => `unknown stage "${name}"; the stages are ${stages.join(', ')}`,
  missingArtifact: (stage: string, path: string) =>
    `cannot run from stage "${stage}": the previous stage's artifact ${path} is missing; run the pipeline without --only/--from first`,
  templateMissingValue: (template: string, path: string) => `${template}: the template refers to "${path}", which the data does not have`,
} as const;

/** Formats one problem as a single line: "file:line:column: message (found "x"; expected y)". */
export function formatProblem(p: {
  file?: string;
  line?: number;
  column?: number;
  columnName?: string;
  message: string;
  text?: string;
  expected?: string;
}): string {
  const where = [p.file, p.line, p.column].filter((v) => v !== undefined).join(':');
  const col = p.columnName ? ` [${p.columnName}]` : '';
  const found = p.text !== undefined ? `found ${JSON.stringify(truncate(p.text))}` : '';
  const expected = p.expected ? `expected ${p.expected}` : '';
  const detail = [found, expected].filter(Boolean).join('; ');
  return `${where ? where + ':' : ''}${col} ${p.message}${detail ? ` (${detail})` : ''}`.trim();
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
