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
  textAfterClosingQuote: 'a quoted field has more text after its closing quote (a quote inside it not doubled, or one opened and never closed)',
  raggedRow: (detail: string) => `the row does not have as many fields as the header (${detail})`,
  recordTooLarge: (max: number) => `a record is longer than ${max.toLocaleString('en-US')} characters`,
  csvSyntax: (detail: string) => `CSV syntax error: ${detail}`,
  missingFile: (file: string) => `${file} does not exist`,
  unknownExport: 'a CSV file in the raw folder that is neither models.csv, hardware.csv nor a known external export',
  knownExports: 'an Epoch AI export (columns Model or System, Publication date, Training compute (FLOP))',
  noRecords: 'no records: the folder holds neither models.csv nor an external export',

  unreadableYaml: (file: string) => `${file}: cannot be read as YAML`,
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  invalidAssumptions: (file: string) => `${file}: invalid assumptions`,
  assumptionIssue: (path: string, detail: string) => `${path || 'the file'}: ${detail}`,
  assumptionMissing: (path: string) => `${path} is missing`,
  assumptionUnknownKey: (path: string) => `unknown key "${path}"`,

  // ---- headers
  unknownColumn: (name: string) => `unknown column "${name}"`,
  missingColumn: (name: string) => `required column "${name}" is missing from the header`,
  duplicateColumn: (name: string) => `column "${name}" appears twice in the header`,

  // ---- cells
  requiredCell: (column: string) => `${column} is required`,
  badId: 'id must be a lowercase slug',
  duplicateId: (firstLine: number) => `duplicate system: the same id is already used on line ${firstLine}`,
  duplicateAccelerator: (firstLine: number) => `duplicate accelerator: the same id is already used on line ${firstLine}`,
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
  thirdPartyWithoutSource: 'compute_estimated_by names a third party, but compute_source does not cite the publication that holds its estimate',
  withoutThirdParty: (column: string) => `${column} qualifies a third party's estimate, but compute_estimated_by names none (empty means the authors)`,
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
  uncachedArtifact: (stage: string, previous: string) =>
    `cannot run from stage "${stage}": the ${previous} stage's output was not cached (too large, or run in batches with ingest); run the pipeline from ingest`,
  corruptArtifact: (stage: string) =>
    `the ${stage} stage's cached artifact is not what that stage writes (edited or damaged); run the pipeline with --force`,
  artifactNotCached: 'not cached: its artifact is too large for the cache; it will run again next time',
  rowsInBatches: 'ingest, normalize and impute run together in batches of rows, the curated file being large; not cached, they run again next time',
  inIngestBatches: 'in the same batches as ingest; not cached',
  pausedAt: (point: string) => `paused at ${point} (COMPUTE_TRENDS_PAUSE_AT is set)`,
  templateMissingValue: (template: string, path: string) => `${template}: the template refers to "${path}", which the data does not have`,

  // ---- render (report pages, charts, tables, preview)
  templateFailed: (template: string, detail: string) => `${template}: ${detail}`,
  pageWithoutTitle: (file: string) => `${file}: the page has no title in its front matter`,
  helperNeedsFit: (helper: string, value: unknown) =>
    `{{${helper}}} needs a trend fit, and the value is ${value === null ? 'null (too few systems to fit)' : value === undefined ? 'missing' : JSON.stringify(value)}`,
  helperNeedsAnchor: (value: unknown) => `{{published}} needs a published figure with its source, got ${JSON.stringify(value)}`,
  helperNeedsNumber: (helper: string, value: unknown) => `{{${helper}}} needs a number, got ${JSON.stringify(value)}`,
  unknownChart: (name: string, known: string[]) => `{{chart "${name}"}}: no such chart; the charts are ${known.join(', ')}`,
  unknownTable: (name: string, known: string[]) => `{{table "${name}"}}: no such table; the tables are ${known.join(', ')}`,
  noFit: 'too few systems to fit',
  tableCsv: 'CSV of this table',
  noGrowth: 'no growth (the fitted slope is not positive)',
  intervalIncludesNoGrowth: 'the interval includes no growth',
  unverified: 'not checked against the source',
  chartFailed: 'The interactive chart could not be drawn; the static image below shows the same data.',
  previewServing: (url: string, dir: string) => `Serving ${dir} at ${url} (Ctrl+C to stop)`,
  previewMissingSite: (dir: string) => `${dir} does not exist: build the site first with npm run pipeline`,
  previewBadPort: (text: string) => `--port "${text}" is not a port number (1–65535)`,

  // ---- trend analyses that could not be computed (shown on the pages in place of a result)
  tooFewSystems: (what: string, n: number, min: number) =>
    `${what}: ${n === 0 ? 'no system has' : n === 1 ? 'only 1 system has' : `only ${n.toLocaleString('en-US')} systems have`} the values, fewer than the ${min} a trend needs`,
  noTimeSpan: (what: string, n: number) => `${what}: the ${n.toLocaleString('en-US')} systems were all published at the same date, so there is no trend over time`,
  noFieldInData: (field: string) =>
    `No system in the data states ${field}: the curated records carry none, and no upstream export that does (Epoch AI's Notable AI Models) is in the raw folder`,
  noFlagInData: (flag: string) => `No record in the data carries ${flag}: the curated records do not, and no export in the raw folder states it`,
  noneInData: (what: string) => `${what}: none in the data`,
  noComputeAbove: (threshold: string) => `No system in the data has a compute value of ${threshold} FLOP or more`,
  opennessNeedsBoth: (open: number, closed: number) =>
    `The lag needs systems of both kinds with a compute value; the data have ${open.toLocaleString('en-US')} open-weights and ${closed.toLocaleString('en-US')} closed ones`,

  // ---- refresh (npm run refresh) and snapshots
  pinsNotAMap: 'pins.yaml must map source names to snapshot dates, e.g. "epoch-notable: 2024-10-01"',
  pinUnknownSource: (source: string) => `"${source}" is pinned but has no snapshot folder`,
  pinSources: (sources: string[]) => (sources.length ? `one of ${sources.join(', ')}` : 'a source imported with npm run refresh'),
  pinUnknownDate: (source: string, date: string) => `${source} is pinned to "${date}", which is not one of its snapshots`,
  pinDates: (dates: string[]) => (dates.length ? `one of ${dates.join(', ')}` : 'a snapshot date'),
  refreshFailed: (from: string) => `refresh failed: ${from} was not imported, and nothing was changed`,
  diffFailed: (source: string) => `cannot compare snapshots of ${source}`,
  downloadStatus: (status: number, text: string) => `the server answered HTTP ${status}${text ? ` ${text}` : ''}`,
  downloadFailed: (detail: string) => `the download failed: ${detail}`,
  downloadInterrupted: (detail: string) => `the connection was closed before the whole file arrived (${detail})`,
  downloadTimeout: (seconds: number) => `the download did not finish within ${seconds} s`,
  downloadTruncated: (got: number, expected: number) => `the download is incomplete: ${got} of the ${expected} bytes announced (Content-Length) arrived`,
  downloadExpected: 'a complete 2xx response carrying the CSV export',
  htmlNotCsv: 'the file is an HTML page, not a CSV export',
  htmlExpected: "the dataset's CSV download link, not the web page around it",
  wrongDelimiter: (delimiter: string) => `the header is separated by ${delimiter}, not by commas`,
  unknownSource: (name: string, known: string[]) => `unknown source "${name}": give --license and --citation, or use one of ${known.join(', ')}`,
  badSourceName: (name: string) => `--name "${name}" must be a lowercase slug (letters, digits, -)`,
  badSnapshotDate: (text: string) => `--date "${text}" is not a date written YYYY-MM-DD`,
  snapshotDateTaken: (path: string) => `${path} already exists with different content; choose another --date or remove it first`,
  refreshUnchanged: (from: string, snapshot: string, sha: string) =>
    `unchanged: ${from} is identical (sha256 ${sha.slice(0, 12)}…) to the newest snapshot ${snapshot}; nothing imported`,
  refreshImported: (snapshot: string, rows: number, sha: string) => `imported ${snapshot}: ${rows} rows, sha256 ${sha.slice(0, 12)}…`,
  changelogUpdated: (path: string) => `${path}: entry added`,
  diffNeedsTwo: (source: string, count: number) => `a diff needs two snapshots of ${source}; there ${count === 1 ? 'is 1' : `are ${count}`}`,
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
