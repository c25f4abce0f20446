/**
 * Every user-facing message of the pipeline, built in one place (as Vega-Lite does), so that
 * tests assert on the same text the user reads.
 */
import type { RejectionReason } from './schema/fits.ts';

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * n with thousands separators, as `grouped(n)` writes it: a whole number without
 * loading ICU, whose first use costs ~20 ms of a short command's start (`npm run fit` names its
 * rejected fits in a sentence). Fractions go to ICU as before.
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  return `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',')}`;
}

/** "1 system", "3 systems". */
export const counted = (n: number, noun: string) => `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;

export const messages = {
  // ---- files and CSV syntax
  unreadableFile: (file: string) => `${file}: the file cannot be read as CSV`,
  notUtf8: (byte: number) => `byte 0x${byte.toString(16).padStart(2, '0').toUpperCase()} is not valid UTF-8`,
  utf16File: 'the file is encoded as UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8',
  emptyFile: 'the file is empty',
  headerOnly: 'the file has a header but no records',
  quoteNotClosed: 'a quoted field is never closed',
  strayQuote: 'a quote appears inside an unquoted field',
  textAfterClosingQuote: 'a quoted field has more text after its closing quote (a quote inside it not doubled, or one opened and never closed)',
  raggedRow: (detail: string) => `the row does not have as many fields as the header (${detail})`,
  recordTooLarge: (max: number) => `a record is longer than ${grouped(max)} characters`,
  looksDelimited: (name: string, count: number, commas: number) =>
    `the file looks ${name}-delimited (its first line has ${count} ${name}${count === 1 ? '' : 's'} and ${commas} comma${commas === 1 ? '' : 's'} outside quotes): save it as comma-separated values`,
  mixedLineEnds: (first: string, firstLine: number, other: string, otherLine: number) =>
    `the file mixes line ends (${first} on line ${firstLine}, ${other} on line ${otherLine}): save it with one kind of line end`,
  notRegularFile: (kind: string) => `this is ${kind}, not a regular file: only regular files are read`,
  noSuchFile: 'the file does not exist',
  unreadableInput: (file: string) => `${file} cannot be read`,
  rawNotFolder: (dir: string, kind: string) => `the raw folder ${dir} ${kind === 'absent' ? 'does not exist' : `is ${kind}, not a folder`}`,
  fileTooLarge: (mb: number, maxMb: number) => `the file is ${grouped(mb)} MB, more than the ${maxMb} MB a data file may have`,
  sameExportTwice: (other: string, sha: string) =>
    `the same export is read twice: this file is byte for byte ${other} (sha256 ${sha.slice(0, 12)}…), so every row would count twice; remove one of them`,
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
  assumptionNotation: (path: string, text: string) =>
    `${path}: "${text}" is not a decimal number (hexadecimal, octal, binary, .inf and .nan are not accepted in assumptions.yaml)`,

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
  controlCharacter: (column: string, codePoint: string) => `${column} contains a control character ${codePoint}`,
  invisibleCharacter: (column: string, codePoint: string, at: number) =>
    `${column} contains an invisible character ${codePoint} at character ${at}: remove it (it makes two equal-looking names differ)`,
  bidiCharacter: (column: string, codePoint: string, at: number) =>
    `${column} contains a bidirectional control character ${codePoint} at character ${at}: remove it (it changes how the text around it is displayed)`,
  mixedScripts: (column: string, word: string, codePoint: string, script: string) =>
    `${column} mixes scripts in "${word}": ${codePoint} is a ${script} letter that looks like a Latin one; write the word in one script`,
  hiddenInCell: (detail: string, codePoint: string) => `${detail}; the cell contains ${codePoint}, which is not displayed`,
  numberNotation: (column: string, what: string, instead: string) => `${column}: ${what} is not accepted in a data file; write ${instead}`,
  outOfBounds: (label: string, value: string, side: 'below' | 'above', limit: string, unit: string) =>
    `${label} is implausible for a training run: ${value} is ${side} the possible ${side === 'below' ? 'minimum' : 'maximum'} of ${limit} ${unit}`,
  notWhole: (label: string, value: string, unit: string) => `${label} must be a whole number of ${unit}, not ${value}`,
  unusualValue: (label: string, value: string, side: 'below' | 'above', limit: string, unit: string) =>
    `${label} is unusual: ${value} is ${side} ${limit} ${unit}, outside what the literature reports; check it against the source`,
  estimateOutOfBounds: (method: string, formula: string, flop: string, side: 'below' | 'above', limit: string) =>
    `the ${method} estimate from this row's values, ${formula} = ${flop} FLOP, is ${side} the possible ${side === 'below' ? 'minimum' : 'maximum'} of ${limit} FLOP: check the values it multiplies`,
  estimateInputsDropped: '; the values it multiplies were dropped',
  activeAboveTotal: (active: string, total: string) => `active_parameters (${active}) exceeds parameters (${total}): a model cannot use more parameters per token than it has`,
  sourceBeforePublication: (sourceYear: string, date: string) =>
    `the cited source (${sourceYear}) is older than the publication date ${date}: a source cannot describe a system before it is published, so publication_date should be the system's first publication`,
  hardwareAfterSystem: (hardware: string, release: string, date: string) =>
    `hardware ${hardware} was released on ${release}, after this system's publication date ${date} (early access is possible; check both dates)`,
  releaseInFuture: (today: string) => `the release date is after the run date ${today}`,
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
  inFuture: (today: string) => `the date is after the run date ${today}`,

  // ---- warnings
  suspicious: (column: string, detail: string) => `${column} looks suspicious: ${detail}`,
  ignoredColumns: (file: string, names: string[]) => `${file}: ignored unknown columns: ${names.join(', ')}`,

  // ---- stages and CLI
  stageFailed: (stage: string, count: number) => `${stage} failed with ${count} problem${count === 1 ? '' : 's'}`,
  unknownStage: (name: string, stages: readonly string[]) => `unknown stage "${name}"; the stages are ${stages.join(', ')}`,
  missingArtifact: (stage: string, path: string) =>
    `cannot run from stage "${stage}": the previous stage's artifact ${path} is missing; run the pipeline without --only/--from first`,
  /** A cached site stage whose published folder was not as published (a page deleted or edited). */
  sitePublishedAgain: 'the site was not as published: published again from the cache',
  corruptArtifact: (stage: string) =>
    `the ${stage} stage's cached artifact is not what that stage writes (edited or damaged); run the pipeline with --force`,
  rawFileChanged: (file: string) => `${file} changed after the ingest stage read it; run the pipeline from ingest`,
  undeclaredRead: (stage: string, other: string) => `stage "${stage}" reads the artifact of "${other}", which it does not declare`,
  pausedAt: (point: string) => `paused at ${point} (COMPUTE_TRENDS_PAUSE_AT is set)`,
  lockHeld: (what: string, pid: number, command: string, since: string, lockFile: string) =>
    `another run (pid ${pid}, ${command}, started ${since}) is using ${what}; wait for it to finish, or if no such run exists, delete ${lockFile}`,
  outputsNamed: (processed: string, site: string) => `the outputs ${processed} and ${site}`,
  rawFolderNamed: (raw: string) => `the raw folder ${raw}`,
  staleLockRemoved: (pid: number) => `note: removed the lock of an earlier run (pid ${pid}) that is no longer running`,
  notOurOutput: (dir: string, reason: string) =>
    `${dir} ${reason}; the pipeline replaces only folders it created: choose another --out, or move ${dir} away`,
  outputForeign: 'exists and was not created by compute-trends (it has no .compute-trends marker)',
  outputSymlink: 'is a symbolic link',
  outputNotFolder: 'is not a folder',
  outputMountPoint: 'is a mount point (a separate file system), which cannot be replaced by renaming',
  journalRefused: (path: string, detail: string) => `note: ignored ${path}, which names ${detail}; nothing was changed (kept as ${path}.refused)`,
  /** What each system error code means and what to do, for pipeline/io/errno.ts. */
  errno: {
    ENOSPC: 'no space is left on the device: free some space and run again',
    EDQUOT: 'the disk quota is exceeded: free some space and run again',
    EROFS: 'the file system is read-only: choose a writable folder (--out, --raw, --changelog)',
    EACCES: 'permission denied: check the permissions of the file and its folders',
    EPERM: 'the operation is not permitted: check the permissions of the file and its folders',
    EISDIR: 'a folder is where a file was expected: rename or remove the folder',
    ENOTDIR: 'a file is where a folder was expected in the path: rename or remove the file',
    ELOOP: 'too many symbolic links (a link that points to itself?): fix the link',
    EMFILE: 'too many files are open: raise the limit (ulimit -n) or close other programs, and run again',
    ENFILE: 'the system has too many files open: close other programs and run again',
    ENAMETOOLONG: 'the path is too long: use a shorter folder',
    ENOENT: 'it does not exist (or a folder on its path does not): check the path',
    EEXIST: 'it already exists where a new file was to be made: remove it',
    ENOTEMPTY: 'the folder is not empty where it was to be replaced: remove it',
    EBUSY: 'it is busy or a mount point, and cannot be renamed or removed: use another folder',
    EXDEV: 'it is on another file system than its folder (a mount point?), so it cannot be renamed into place: use another folder',
    EIO: 'an input/output error occurred on the device: check the disk',
    ETXTBSY: 'the file is in use by a running program',
    EAGAIN: 'the resource is temporarily unavailable: run again',
    ENXIO: 'it is a special file with nothing behind it (a FIFO without a writer, a missing device)',
    ENODEV: 'it is a device that cannot be read as a file',
    EFBIG: 'the file is too large for the file system',
    EADDRINUSE: 'the port is already in use: choose another with --port',
    EADDRNOTAVAIL: 'the address is not available on this machine: check --host',
    ERR_FS_FILE_TOO_LARGE: 'the file is too large to be read into memory (more than 2 GB)',
    ERR_STRING_TOO_LONG: 'the file is too large to be read as text (more than ~512 MB)',
  } as Record<string, string>,
  errnoUnknown: (code: string) => `the system refused the operation (${code})`,
  journalOutside: (targets: string) => `paths other than the output folders ${targets} and their staging folders`,
  systemError: (path: string, what: string, code: string) => `${path ? `${path}: ` : ''}${what} (${code})`,
  internalError: (detail: string) =>
    `unexpected error: ${detail}. This is a bug in compute-trends; rerun with --debug to see where it happened, and report it`,
  badRunDate: (text: string) => `COMPUTE_TRENDS_TODAY="${text}" is not a real day written YYYY-MM-DD (from 1900 on)`,
  badIntegerFlag: (flag: string, text: string, min: number, max: number) =>
    `${flag} takes a whole number from ${grouped(min)} to ${grouped(max)}, written in decimal digits; got "${text}"`,
  badNumberFlag: (flag: string, text: string, min: number, max: number, unit: string) =>
    `${flag} takes a decimal number of ${unit} from ${min} to ${grouped(max)}; got "${text}"`,
  fitNonPositive: (column: string, lines: number[], total: number) =>
    `--log10-y: ${column} is zero or negative on line${total === 1 ? '' : 's'} ${lines.join(', ')}${total > lines.length ? ` and ${total - lines.length} more` : ''}, where log10 is undefined; remove those rows or drop --log10-y`,
  templateMissingValue: (template: string, path: string) => `${template}: the template refers to "${path}", which the data does not have`,

  // ---- analyses that the data cannot support (fits.json "not computed" reasons; pages print them)
  tooFewForTrend: (n: number, min: number, noun: string, detail: string) =>
    n === 0 ? `there are no ${noun}s ${detail}` : `there ${n === 1 ? 'is' : 'are'} only ${counted(n, noun)} ${detail}, and a trend needs at least ${min}`,
  oneDateOnly: (n: number, noun: string, detail: string) => `all ${counted(n, noun)} ${detail} share one publication date, so no slope can be fitted`,
  tooFewForBreakpoints: (n: number, min: number) =>
    `there ${n === 1 ? 'is' : 'are'} only ${counted(n, 'system')} with a compute value (low outliers excluded), and a search for breakpoints needs at least ${min}`,
  noParameterGapTest: (from: number) => `no language model published from ${from} on has a parameter count`,
  boundLabel: (scenario: string) => `${scenario} (literature rates)`,
  boundOurs: (scenario: string) => `${scenario} (our deep-learning trend)`,
  noParameterGap: (n: number) => `${n === 0 ? 'no system' : 'only one system'} published from 2015 on has a parameter count; a gap needs two`,
  trendNotComputed: (trend: string) => `the ${trend} trend was not computed`,
  noGrowth: 'compute does not grow in this trend (slope ≤ 0), so the model has no optimum',
  analysisFailed: (detail: string) => `the fit failed: ${detail}`,
  bootstrapNotRun: 'the run drew no bootstrap resamples',
  resampleFailures: {
    start_not_admissible: 'left a segment without systems at the estimated breakpoints',
    singular: 'gave a singular fit',
    not_converged: 'did not converge',
    inadmissible: 'converged to a fit that breaks the segment rules',
  } as Record<string, string>,
  bootstrapOutcome: (succeeded: number, failed: number, reasons: string[]) =>
    `${grouped(succeeded)} gave an admissible fit${failed === 0 ? ' (all of them).' : ` and ${grouped(failed)} did not (${reasons.join('; ')}).`}`,
  noBreakpointToBootstrap: 'BIC chose no breakpoint, so there is no breakpoint to resample',
  bootstrapTooFewSucceeded: (ok: number, total: number, minShare: number) =>
    `only ${grouped(ok)} of ${grouped(total)} bootstrap resamples gave an admissible fit, under the ${Math.round(100 * minShare)}% an interval needs`,
  noAdmissibleFit: (k: number, why: string | null) => `segmented: no admissible fit with ${k} breakpoint${k === 1 ? '' : 's'}${why ? `: ${why}` : ''}`,
  // The trend analyses of issue 19 (pipeline/analyze/trend-analyses.ts): a field no record in the run states.
  noFieldInData: (field: string) =>
    `no system in this run's data states ${field}: the curated records have no such column, and no upstream export read in this run (such as Epoch AI's Notable AI Models) fills it`,
  noFlagInData: (flag: string) => `no record in this run's data carries ${flag}: the curated records have no such column, and no upstream export read in this run states it`,
  noneInData: (noun: string, detail: string) => `there are no ${noun}s ${detail}`,
  noComputeAbove: (threshold: string) => `no system in the data has a compute value above ${threshold} FLOP`,
  opennessNeedsBoth: (open: number, closed: number) =>
    `the lag needs systems of both kinds with a compute value; the data have ${grouped(open)} open-weights and ${grouped(closed)} closed ones`,

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
  notComputed: (what: string, reason: string) => `${what} could not be computed: ${reason}.`,
  chartNotDrawn: (title: string, reason: string) => `Figure not drawn (${title}): ${reason}.`,
  noSystemsWithCompute: 'no system has a training-compute value',
  noAudit: 'no system states its compute and also gives enough detail to estimate it independently',
  noSystemsSince: (date: string) => `no system with a compute value was published from ${date}`,
  noRows: (what: string) => `None: ${what}.`,
  noPointsToPlot: 'no system has a value to plot',
  noTableRows: 'no system in the data has the values this table lists',
  noRunScaleValues: (since: string) => `no system published since ${since} states a training duration, an accelerator count or chip-hours`,
  noCostOrPower: (since: string) => `no system published since ${since} states a training cost, a hardware acquisition cost or a power draw`,
  helperNotComputed: (helper: string, reason: string) =>
    `{{${helper}}} was given an analysis that was not computed (${reason}); guard the sentence with {{#if <path>.computed}} and say so with {{notComputed <path> "…"}}`,
  pValueBelow: 'p < 10⁻¹⁰',
  noDoubling: (growth: string) => `no doubling time: the fitted trend does not rise (${growth}/year)`,
  openDoublingCi: (lo: string) => `95% CI ${lo} months or longer: the slope's interval reaches zero`,
  helperNeedsBootstrap: (value: unknown) => `{{bootstrapOutcome}} needs the summary of a breakpoint bootstrap, got ${value === undefined ? 'a missing value' : JSON.stringify(value)?.slice(0, 80)}`,
  helperNeedsNotComputed: (value: unknown) => `{{notComputed}} needs an analysis that was not computed, got ${value === undefined ? 'a missing value' : JSON.stringify(value)?.slice(0, 80)}`,
  noWarnings: 'No value in the input data is outside the range the literature reports, and nothing was dropped.',
  tableCsv: 'CSV of this table',
  unverified: 'not checked against the source',
  sevillaDomainWindow: (from: string, to: string) =>
    `systems published from ${from} to ${to} (the paper’s deep-learning era, to the end of its data), with our domains grouped as theirs: vision, language and games as they are, and speech, multimodal, recommendation and other systems together as other.`,
  chartFailed: 'The interactive chart could not be drawn; the static image below shows the same data.',
  previewServing: (url: string, dir: string) => `Serving ${dir} at ${url} (Ctrl+C to stop)`,
  previewMissingSite: (dir: string) => `${dir} does not exist: build the site first with npm run pipeline`,
  badSiteConfig: (file: string, detail: string) => `${file}: url and repository must be empty or http(s) addresses (${detail})`,
  tableLimited: (shown: string, total: string, file: string) => `The ${shown} rows shown are the first of ${total}; every row is in ${file}.`,

  // ---- claims: sentences whose words a computed comparison chooses (pipeline/render/claims.ts)
  trendsCompared: (a: string, b: string, verdict: string, ratio: string) =>
    verdict === 'faster'
      ? `${capitalized(a)} grew faster than ${b}: ${ratio}, an interval above 1.`
      : verdict === 'slower'
        ? `${capitalized(a)} grew more slowly than ${b}: ${ratio}, an interval below 1.`
        : `The data cannot tell the growth of ${a} from that of ${b}: ${ratio}, an interval that includes 1.`,
  growthRatio: (lo: string, hi: string) => `the ratio of their growth per year is ${lo}–${hi} (95% bootstrap interval)`,
  intervalsCompared: (a: string, b: string, verdict: string, ia: string, ib: string) =>
    verdict === 'faster'
      ? `${capitalized(a)} grew faster than ${b}: their 95% intervals (${ia} and ${ib}) do not overlap.`
      : verdict === 'slower'
        ? `${capitalized(a)} grew more slowly than ${b}: their 95% intervals (${ia} and ${ib}) do not overlap.`
        : `The data cannot tell ${a} from ${b}: their 95% intervals (${ia} and ${ib}) overlap.`,
  likeForLikeSame: (n: number, theirN: number | null, verdict: string) =>
    verdict === 'consistent'
      ? `Same definition and window: our ${counted(n, 'system')}${theirN === null ? '' : ` (theirs: ${theirN})`} agree with the published value — the intervals meet.`
      : `Same definition and window, yet ours grows ${verdict === 'faster' ? 'faster' : 'more slowly'} (the intervals do not meet): the difference lies in the data — ${counted(n, 'system')} here${theirN === null ? '' : ` against their ${theirN}`}, and their compute values.`,
  likeForLikeWindow: (verdict: string, to: string) =>
    verdict === 'no_difference'
      ? `The systems published since ${to} do not move the trend beyond its uncertainty.`
      : `With the systems published since ${to} the trend is ${verdict === 'faster' ? 'faster' : 'slower'} (the intervals do not meet): the window explains that part of the difference.`,
  likeForLikeClosed: (verdict: string) =>
    verdict === 'no_difference' ? 'All our systems of the era give the same trend within its uncertainty.' : `All our systems of the era give a ${verdict === 'faster' ? 'faster' : 'slower'} trend (the intervals do not meet).`,
  verdictShort: (verdict: string) =>
    verdict === 'consistent' ? 'consistent (the intervals meet)' : verdict === 'faster' ? 'faster than published (our whole interval lies above it)' : 'slower than published (our whole interval lies below it)',
  versusHardware: (periods: string, verdict: string, hardware: string) =>
    verdict === 'faster'
      ? `In the ${periods} compute grew faster than hardware price-performance (${hardware}): the whole 95% interval of its growth lies above that of FLOP per dollar, so something other than cheaper hardware — larger budgets, more chips, longer runs — sets the rest of the pace.`
      : verdict === 'slower'
        ? `In the ${periods} compute grew more slowly than hardware price-performance (${hardware}): the whole 95% interval of its growth lies below it.`
        : `In the ${periods} the growth of compute cannot be told from that of hardware price-performance (${hardware}): their 95% intervals overlap.`,
  periodList: (names: string[]) => `${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]} period${names.length > 1 ? 's' : ''}`,
  gapYear: (year: string, inGap: number, n: number, p: string, gap: boolean) =>
    gap ? `${year}: ${inGap} of ${n} in the band (${p}): a gap` : `${year}: ${inGap} of ${n} in the band (${p}): no gap the test can see`,
  gapUntested: (year: string, n: number, min: number) => `${year}: ${counted(n, 'model')} in the three bands, under the ${min} a test needs`,
  alternativeNotQuoted: 'not quoted here (see the paper’s appendices)',
  swappingUnverified: 'quoted as this project’s issue 18 gives it; not yet checked against the text of that section',
  unverifiedQuotation: 'unverified quotation',
  noTrainingDurations: 'no system in the data states its training time',
  aboveBounds: (bounds: { above: number; label: string }[], n: number) =>
    bounds.length === 0
      ? ''
      : bounds.every((b) => b.above === 0)
        ? `None of the ${grouped(n)} lasts longer than any of these optima.`
        : bounds.map((b) => `${b.above === 0 ? 'None' : counted(b.above, 'system')} of the ${grouped(n)} ${b.above === 1 ? 'lasts' : 'last'} longer than the optimum of ${b.label}.`).join(' '),
  yearList: (years: string[]) => (years.length > 1 ? `${years.slice(0, -1).join(', ')} and ${years[years.length - 1]}` : (years[0] ?? '')),
  noRunLengthSpread: 'no interval: L = 1/gC, and the post gives gC without one',
  dataAsOf: (exports: string, curated: string) =>
    exports && curated ? `the Epoch AI export of ${exports} and curated records to ${curated}` : exports ? `the Epoch AI export of ${exports}` : curated ? `curated records to ${curated}` : 'no dated system',

  // ---- upstream exports, aliases and the merge (pipeline/adapters, pipeline/normalize/merge.ts)
  duplicateUpstreamRow: (line: number) => `duplicate of line ${line}: every cell the same`,
  boundsDoNotBracket: (flop: number | null) =>
    `the compute bounds do not bracket ${flop === null ? 'each other' : `the value ${flop.toExponential()}`}; bounds dropped`,
  matchedByAlias: (file: string, line: number, note: string) => `alias ${file}:${line}: ${note}`,
  matchedByNameYear: (year: string) => `same name, published in ${year}`,
  matchedByNameOrganization: (curated: string, upstream: string, days: number) =>
    `same name and an organization in common; published ${curated} (curated) and ${upstream} (upstream), ${days} days apart`,
  ambiguousRowToRecords: (ids: string[]) => `ambiguous: the name matches ${ids.join(' and ')}; a row of aliases.csv settles it`,
  ambiguousRowsToRecord: (id: string, lines: number[]) =>
    `ambiguous: ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')} of the same export also ${lines.length === 1 ? 'matches' : 'match'} ${id}; a row of aliases.csv settles it`,
  aliasTookRecord: (id: string, line: number) => `same name as ${id}, which an alias gives to line ${line}; kept as a system of its own`,
  matchedEarlierExport: (id: string) => `the system ${id}, added from an export read earlier in this run (the first export read wins)`,
  addedNoMatch: 'no curated record of this name',
  mergeCounts: (c: { in: number; matched: number; added: number; dropped: number }) =>
    `upstream rows ${c.in}: ${c.matched} matched, ${c.added} added, ${c.dropped} dropped`,
  aliasUnknownId: (id: string) => `alias names the curated id "${id}", which data/raw/models.csv does not have`,
  aliasDuplicateName: (firstLine: number) => `the same upstream name is already given an alias on line ${firstLine}`,
  aliasNoteRequired: 'note is required: say why the two are (or are not) one system',
  // The Data quality page's section on the merge (pipeline/render/tables-merge.ts).
  mergeNoExport: 'No upstream export was read in this run: every system is a curated record.',
  mergeSummary: (c: { in: number; matched: number; added: number; dropped: number }, files: number) =>
    `Of the ${grouped(c.in)} rows of the upstream export${files === 1 ? '' : 's'} read, ${grouped(c.matched)} matched a curated record (the curated values stand: each cites a primary source), ${grouped(c.added)} were added as systems of their own and ${grouped(c.dropped)} were dropped: ${grouped(c.in)} = ${grouped(c.matched)} + ${grouped(c.added)} + ${grouped(c.dropped)}.`,
  mergeDisagreements: (n: number) =>
    `${grouped(n)} matched ${n === 1 ? 'row states' : 'rows state'} a training compute more than 2× from the value published for their curated record. Every row, with the rule or reason and the compute on both sides, is in`,
  mergeNothingToReview: 'Nothing to review: no upstream export was read in this run.',
  mergeNoAmbiguous: 'No ambiguous match: no upstream row matched two records, and no record two rows.',
  mergeAmbiguousIntro: (n: number) => `${n} ambiguous ${n === 1 ? 'match was' : 'matches were'} left unresolved (the rows are dropped; the curated records stand). A row of data/raw/aliases.csv settles each:`,
  mergeNoTwins: 'No likely twin is left: every curated record and upstream row that look alike (an organization in common, dates within a year and similar names; the same stated compute; or the same source title) were matched, or declared distinct in data/raw/aliases.csv.',
  mergeTwinsIntro: (n: number) =>
    `${n} likely ${n === 1 ? 'twin' : 'twins'}: a curated record and an upstream row that look alike but were not matched, so both are counted. A row of data/raw/aliases.csv settles each (same, or distinct):`,
  aliasUnused: (n: number) =>
    `${n} ${n === 1 ? 'alias names' : 'aliases name'} an upstream system that is not in the exports read in this run (an older export's name, or a stale alias):`,

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
  snapshotNoMeta: (meta: string) => `the snapshot has no metadata file ${meta}: import snapshots with npm run refresh, which writes it, or remove the CSV`,
  snapshotMetaUnreadable: (detail: string) => `the snapshot's metadata cannot be read: ${detail}`,
  snapshotMismatch: (what: string, found: string, recorded: string) =>
    `the snapshot does not match its metadata: its ${what} is ${found}, the metadata records ${recorded} (edited or damaged since it was imported); restore it, or import it again with npm run refresh`,
  snapshotBadDate: (date: string) => `"${date}" is not a real calendar date`,
  snapshotInFuture: (date: string, today: string) => `the snapshot date ${date} is after the run date ${today}`,
  snapshotUnknownFile: (name: string) => `"${name}" in a snapshot folder is not a snapshot: snapshots are named YYYY-MM-DD.csv`,
  exportShrank: (rows: number, previousRows: number, previous: string, percent: number) =>
    `the export has ${grouped(rows)} rows, ${percent}% of the ${grouped(previousRows)} of the previous snapshot ${previous}: a download cut short? If the source really shrank, run again with --accept-shrink`,
  exportShrankAccepted: (rows: number, previousRows: number, previous: string) =>
    `warning: the export has ${grouped(rows)} rows, against ${grouped(previousRows)} in ${previous}; imported because of --accept-shrink`,
  columnRemoved: (name: string, previous: string) =>
    `column "${name}" of the previous snapshot ${previous} is missing from this export (renamed or removed upstream); if the source really dropped it, run again with --accept-shrink`,
  columnsRemovedAccepted: (names: string[], previous: string) =>
    `warning: column${names.length === 1 ? '' : 's'} ${names.map((n) => `"${n}"`).join(', ')} of ${previous} ${names.length === 1 ? 'is' : 'are'} missing; imported because of --accept-shrink`,
  columnLooksRenamed: (name: string, like: string) => `column "${name}" looks like "${like}" renamed: the values of "${like}" would be lost`,
  downloadTooLarge: (maxMb: number) => `the export is larger than ${maxMb} MB (after decompression); raise --max-mb if it really is that large`,
  changelogNotFile: (path: string, kind: string) => `the changelog ${path} is ${kind}, not a file`,
  refreshCompleted: (date: string) => `completed the refresh of ${date} that an earlier run left half done`,
  refreshJournalOutside: 'it names files other than the snapshots of this raw folder and this changelog',
  refreshDateInFuture: (date: string, today: string) => `--date ${date} is after the run date ${today}: a snapshot cannot be dated in the future`,
  refreshJournalRefused: (path: string, detail: string) =>
    `ignored ${path}: ${detail}; nothing was changed (the file is kept as ${path}.refused)`,

  // ---- npm run pipeline and npm run fit (pipeline/cli.ts, pipeline/fit-cli.ts)
  withUsage: (message: string, usage: string) => `${message}\n\n${usage}`,
  runDone: (seconds: number) => `done in ${seconds.toFixed(1)} s`,
  fit: {
    prefixed: (message: string) => `fit: ${message}`,
    missingOptions: (flags: readonly string[]) => `fit: missing required option(s): ${flags.join(', ')}`,
    badBreakpoints: (text: string) => `fit: --breakpoints must be auto, 0, 1, 2 or 3, got "${text}"`,
    notCsv: (file: string) => `fit: ${file} cannot be read as CSV`,
    noColumn: (name: string, file: string, header: readonly string[]) =>
      `fit: no column "${name}" in ${file}; columns are: ${header.map((h) => JSON.stringify(h)).join(', ')}`,
    noColumnProblem: (name: string) => `no column "${name}"`,
    columnExpected: 'a column name from the header row',
    positiveExpected: (column: string) => `a positive ${column} on every row`,
    tooFewRows: (usable: number, skipped: number, suggestDates: boolean) =>
      `fit: only ${usable} usable row(s), ${skipped} skipped for empty or non-numeric x or y${suggestDates ? ' (if x holds dates, add --x-date)' : ''}`,
  },

  // ---- cell values: what the parsers of pipeline/normalize say about one cell (the problem names file, line and column)
  cell: {
    empty: (what: 'number' | 'count' | 'date' | 'duration') => `Empty cell where a ${what} was expected`,
    notFinite: (t: string) => `"${t}" is not a finite number`,
    hexadecimal: (t: string) => `Hexadecimal numbers are not accepted: "${t}"`,
    misplacedCommas: (t: string) => `Commas may only separate thousands (groups of three digits): "${t}"`,
    numberOverflows: (t: string) => `Number out of range (overflows to infinity): "${t}"`,
    notANumber: (t: string) => `Not a number: "${t}"`,
    numberExpected: 'a number such as 1500000, 1,500,000, 70000000000.0, 3.14e23, 3.14E+23, 3.14 × 10^23 or 10^23',
    notACount: (t: string) => `Not a count: "${t}"`,
    negativeCount: (t: string) => `Count must not be negative: "${t}"`,
    sizeExpected:
      'a non-negative count such as 175B, 340M, 1.4T, 60k, 6.7 billion, 1.5 million, 1.3 trillion, 1,500,000 or 1.5e9 ' +
      '(suffixes: K/thousand = 1e3, M/million = 1e6, B/G/bn/billion = 1e9, T/trillion = 1e12)',
    durationWithoutUnit: (t: string) => `Duration has no unit: "${t}"`,
    notADuration: (t: string) => `Not a duration: "${t}"`,
    unknownDurationUnit: (unit: string, t: string) => `Unknown duration unit "${unit}" in "${t}"`,
    negativeDuration: (t: string) => `Duration must not be negative: "${t}"`,
    durationOverflows: (t: string) => `Duration out of range: "${t}"`,
    durationExpected: (units: readonly string[]) =>
      'a non-negative number and a unit, e.g. 14.8 days, 336 hours, 1.5h, 12 hrs, 90 minutes, 5 weeks, 3 months ' +
      `(units: ${units.join(', ')}; 1 month = 30.4375 days)`,
    emptyComputeUnit: 'Empty compute unit',
    unknownComputeUnit: (unit: string) => `Unknown compute unit: "${unit}"`,
    computeUnitExpected: (units: readonly string[]) => `a compute unit (case, spaces, hyphens and plurals are tolerated): ${units.join('; ')}`,
    computeOverflows: (value: string, unit: string) => `Compute out of range (overflows to infinity): "${value} ${unit}"`,
    finiteComputeExpected: 'a finite amount of compute',
    notRateTimesSeconds: (t: string) => `Not a non-negative <FLOP/s> × <seconds> product: "${t}"`,
    rateTimesSecondsExpected: '<FLOP/s> × <seconds>, two numbers joined by ×, x, * or ·, e.g. 1.2e15 × 86400 or 3 × 10^15 × 3600',
    computeValue: (problem: string, unit: string) => `${problem} (compute value for unit "${unit}")`,
    unrecognizedDate: (t: string) => `Unrecognized date format: "${t}"`,
    invalidMonth: (month: string, t: string) => `Invalid month ${month} in "${t}"`,
    invalidDay: (day: string, t: string, yearMonth: string, days: number) => `Invalid day ${day} in "${t}": ${yearMonth} has ${days} days`,
    dateTooEarly: (earliest: string, t: string) => `Date before ${earliest}: "${t}"`,
    dateAfterToday: (today: string, t: string) => `Date is after today (${today}): "${t}"`,
    dateExpected: (earliest: string) => `an ISO 8601 date: YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2017-06-12, 2017-06, 2017), from ${earliest} on`,
    dateNotAfter: (expected: string, today: string) => `${expected}, not after ${today}`,
  },

  // ---- statistics (pipeline/analyze/stats): reach users through npm run fit and the analyses' reasons
  stats: {
    daviesK: (k: number) => `davies: k must be an integer ≥ 2, got ${k}`,
    daviesNoFit: 'davies: no evaluation point gave a usable fit (is x constant?)',
    resamples: (n: number) => `bootstrap: resamples must be a positive integer, got ${n}`,
    noise: (v: number) => `bootstrap: noise must be a finite number ≥ 0, got ${v}`,
    minSegmentLength: (v: number) => `segmented: minSegmentLength must be a finite number ≥ 0, got ${v}`,
    minSegmentPoints: (v: number) => `segmented: minSegmentPoints must be an integer ≥ 0, got ${v}`,
    startLength: (n: number, k: number) => `segmented: a start has ${n} values but k = ${k}`,
    startOutside: (start: readonly number[], bounds: readonly number[], minPoints: number) =>
      `segmented: start [${start.join(', ')}] is outside [${bounds.join(', ')}] or leaves fewer than ${minPoints} distinct x values in a segment`,
    segmentedK: (k: number) => `segmented: k must be a non-negative integer, got ${k}`,
    segmentedKMax: (k: number) => `segmented: kMax must be a non-negative integer, got ${k}`,
    noStraightLine: 'segmented: cannot fit even a straight line (is x constant?)',
    lengthsDiffer: (what: string, nx: number, ny: number) => `${what}: x and y differ in length (${nx} vs ${ny})`,
    nonFinite: (what: string, row: number, x: number, y: number) => `${what}: non-finite value at row ${row} (x=${x}, y=${y})`,
    tooFewPoints: (what: string, min: number, n: number) => `${what}: needs at least ${min} points, got ${n}`,
    constantX: 'ols: x is constant, so the slope is undefined',
  },
} as const;

/**
 * The site's texts that the browser shows (Explorer, Data page, chart toolbars, sampled charts):
 * the pages carry them as JSON, so site scripts hold no wording of their own. `{n}`-style slots
 * are filled in the browser.
 */
export const siteText = {
  // ---- charts
  sampledCaption: (drawn: string, total: string, landmarks: string) =>
    `Drawn: ${drawn} of the ${total} systems — every record-setter (${landmarks}), one system of every year, and a seeded random sample of the rest stratified by publication year. Trends, counts and the data table use all ${total}.`,
  sampledAlt: (drawn: string, total: string) => ` (${drawn} of the ${total} systems drawn)`,
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomReset: 'Reset view',
  zoomHint: 'Drag to pan; Ctrl + scroll to zoom.',
  exportPng: 'PNG',
  exportSvg: 'SVG',
  exportLabel: 'Download the chart as',
  exportSource: (site: string, asOf: string) => `Source: ${site}, data as of ${asOf}. Licence: CC BY 4.0.`,
  chartTable: 'The data table under the chart lists every system shown, for keyboard and screen-reader use.',
  /** The social preview's line: the count, and the deep-learning doubling time when it was computed. */
  socialLine: (withFlop: number, deepLearning: { doubling_months: number } | null, since: string) =>
    `Training compute of ${grouped(withFlop)} ML systems${deepLearning ? `: doubling every ${deepLearning.doubling_months.toFixed(1)} months since ${since.slice(0, 4)}` : ''}`,
  // ---- Explorer
  explorer: {
    x: 'X axis',
    y: 'Y axis',
    color: 'Colour',
    noColor: 'None',
    log: 'log scale',
    search: 'Find a system',
    searchPlaceholder: 'e.g. GPT-3',
    filters: 'Filters',
    from: 'Published from (year)',
    to: 'to',
    contains: 'contains',
    any: 'any',
    other: 'Other',
    reset: 'Clear filters',
    csv: 'CSV of the selection',
    link: 'Link to this view',
    counts: 'Systems matching: {match} of {total}.',
    missing: ' {missing} of them lack a value for the chosen axes and are not drawn.',
    drawnAll: ' Every one with both values is drawn.',
    drawnSample: ' Drawn: {drawn} — every record-setter and every system found, one system of every year, and a seeded random sample of the rest stratified by publication year.',
    found: 'Found {found}: {names}.',
    notFound: 'No system matching “{q}” among the filtered systems.',
    none: 'No system matches these filters.',
    noData: 'The Explorer needs JavaScript and the data file data/systems.js.',
    detail: 'Click a point to open its record on the Data page.',
    basisTitle: '{axis}, {basis} basis',
    basisOne: '{axis} is shown on one basis: {basis}. Figures on different bases are never plotted together.',
    basisAuto: '{axis} is shown on one basis at a time, never mixed: {basis}, the basis most systems have. Choose another under “{field}”.',
  },
  // ---- Data page
  data: {
    search: 'Find a system',
    searchPlaceholder: 'name, organization or source',
    domain: 'Domain',
    method: 'Compute value',
    all: 'all',
    withFlop: 'with a compute value',
    withoutFlop: 'without one',
    page: 'Page {page} of {pages}',
    rows: 'Systems {from}–{to} of {total}, newest first',
    rowsSorted: 'Systems {from}–{to} of {total}',
    none: 'No system matches.',
    prev: 'Previous',
    next: 'Next',
    details: 'Details',
    close: 'Close',
    loading: 'Loading the record…',
    notFound: 'No system with the id “{id}”.',
    fields: 'Every field of models.csv',
    provenance: 'Where the compute value comes from',
    links: 'Links',
    sourceLink: 'Source',
    explorerLink: 'Show in the Explorer',
    empty: '—',
    noScript: 'The table shows the newest systems; with JavaScript it pages through all of them. Every system is in models.csv (Downloads).',
  },
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

/**
 * Why a segmented configuration was rejected, as a clause: "segment 3 spans 0.08 years, under the
 * minimum 2 years". `length` formats a length of x (years on the site, x units in the fit CLI).
 */
export function describeRejection(reason: RejectionReason, length: (v: number) => string): string {
  switch (reason.kind) {
    case 'segment_too_short':
      return `segment ${reason.segment} spans ${length(reason.length)}, under the minimum ${length(reason.minimum)}`;
    case 'too_few_points':
      return `segment ${reason.segment} holds ${counted(reason.points, 'point')}, under the minimum ${reason.minimum}`;
    case 'not_converged':
      return "Muggeo's iteration did not converge from any start";
    case 'no_room':
      if (reason.minLength === 0 && reason.minPoints === 0) return `the data have too few distinct x values for ${reason.segments} segments`;
      return `${reason.segments} segments of at least ${length(reason.minLength)} and ${counted(reason.minPoints, 'point')} each do not fit in data spanning ${length(reason.span)} with ${counted(reason.points, 'point')}`;
  }
}
