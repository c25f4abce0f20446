/**
 * `npm run fit -- --input <csv> --x <column> --y <column> [options]`: the analyst's entry to the
 * same segmented-regression code the analyze stage uses, on any CSV. Only argument parsing, CSV
 * reading and printing live here; every number comes from pipeline/analyze/stats.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { processIo, runAsProcess, runMain, type CliIo } from './cli/edge.ts';
import { decimalFlag, FLAG_RANGES, integerFlag } from './cli/flags.ts';
import { PipelineError } from './errors.ts';
import { DEFAULT_MIN_SEGMENT_YEARS, yearsText } from './analyze/breakpoints.ts';
import { daviesTest, defaultMinSegmentPoints, fitSegmentedOutcome, selectSegmented, type RejectedFit, type SegmentedFit } from './analyze/stats/index.ts';
import { EXIT_USAGE } from './io/errno.ts';
import { parseCsvBytes, type CsvTable } from './io/csv-reader.ts';
import { readDataFile } from './io/safe-read.ts';
import { describeRejection, messages } from './messages.ts';
import { dateToYear } from './values/dates.ts';

const USAGE = `Usage: npm run fit -- --input <csv> --x <column> --y <column> [options]

Fits y = a + b·x + Σ δ_j (x − ψ_j)+ (continuous segmented regression, Muggeo's algorithm as in
R's segmented package) and reports slopes, breakpoints with standard errors and 95% intervals,
RSS, BIC and Davies' test for a change in slope (k = 10, two-sided).

Options:
  --input <file>            CSV file in UTF-8 with a header row, every row as many fields as
                            the header (quoted cells may span lines)
  --x <column>              column with the x values (numbers)
  --y <column>              column with the y values (numbers)
  --log10-y                 use log10(y); a y of zero or below is an error naming its lines
  --x-date                  x holds dates (YYYY-MM-DD); use fractional years, UTC
  --breakpoints <k>         auto (default: K = 0..3 chosen by BIC among admissible fits) or 0, 1, 2, 3
  --min-segment-length <l>  every segment spans at least l units of x, a decimal number ≥ 0
                            (default 2 with --x-date, i.e. two years; otherwise 0, no minimum)
  --min-segment-points <m>  every segment holds at least m rows, a whole number ≥ 0 (default
                            max(5, ceil(sqrt(n)))); 0 for none. A fit breaking either rule is
                            rejected, and listed
  --seed <n>                seed for the random restarts, 0 to 4294967295 (default 1)
  --json                    print one JSON object: n, skipped, k, intercept, slopes,
                            breakpoints [{estimate, se, ci95}], rss, bic, bic_by_k, davies_p,
                            rules {min_segment_length, min_segment_points}, rejected [{k,
                            breakpoints, bic, reason, detail}]
  --debug                   on an unexpected error, print where it happened (the stack trace)
  -h, --help                show this help

Rows whose x or y is empty or not a number are skipped and counted ("skipped").
With both segment minimums at 0 the fit is R's segmented (ψ within the inner 5% quantiles).
Exit codes: 0 done, 1 bad data, 2 bad usage, 3 environment, 4 internal error (a bug).`;

/** Parsed and validated command-line arguments. */
export interface FitArgs {
  input: string;
  x: string;
  y: string;
  log10Y: boolean;
  xDate: boolean;
  /** 'auto' or a fixed number of breakpoints. */
  breakpoints: 'auto' | number;
  seed: number;
  json: boolean;
  /** Minimum segment length in x units; null: the default (2 with --x-date, else 0). */
  minSegmentLength: number | null;
  /** Minimum rows per segment; null: the default max(5, ⌈√n⌉). */
  minSegmentPoints: number | null;
}

/** Parse argv (without node and script); returns null for --help. Throws PipelineError (exit 2) on bad arguments. */
export function parseFitArgs(argv: string[]): FitArgs | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        input: { type: 'string' },
        x: { type: 'string' },
        y: { type: 'string' },
        'log10-y': { type: 'boolean', default: false },
        'x-date': { type: 'boolean', default: false },
        breakpoints: { type: 'string', default: 'auto' },
        seed: { type: 'string', default: '1' },
        'min-segment-length': { type: 'string' },
        'min-segment-points': { type: 'string' },
        json: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new PipelineError(messages.fit.prefixed((err as Error).message), [], EXIT_USAGE);
  }
  if (values.help) return null;
  const missing = (['input', 'x', 'y'] as const).filter((k) => !values[k]);
  if (missing.length > 0) throw new PipelineError(messages.fit.missingOptions(missing.map((m) => `--${m}`)), [], EXIT_USAGE);
  const bp = values.breakpoints;
  if (!/^(auto|[0-3])$/.test(bp)) throw new PipelineError(messages.fit.badBreakpoints(bp), [], EXIT_USAGE);
  const seed = integerFlag('--seed', values.seed, { ...FLAG_RANGES.seed, fallback: 1 });
  // Every numeric flag through the one strict parser (pipeline/cli/flags.ts): no hex, no exponent, no sign.
  const length = values['min-segment-length'];
  const minSegmentLength = length === undefined ? null : decimalFlag('--min-segment-length', length, { ...FLAG_RANGES.minSegmentLength, fallback: 0 });
  const points = values['min-segment-points'];
  const minSegmentPoints = points === undefined ? null : integerFlag('--min-segment-points', points, { ...FLAG_RANGES.minSegmentPoints, fallback: 0 });
  return {
    input: values.input!,
    x: values.x!,
    y: values.y!,
    log10Y: values['log10-y'],
    xDate: values['x-date'],
    breakpoints: bp === 'auto' ? 'auto' : Number(bp),
    seed,
    json: values.json,
    minSegmentLength,
    minSegmentPoints,
  };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell as a finite number, or NaN when empty or not a plain decimal number. */
function toNumber(cell: string | undefined): number {
  const s = (cell ?? '').trim();
  return NUMBER.test(s) ? Number(s) : NaN;
}

/**
 * Read the two columns; rows with an unusable x or y are counted, not fatal. With --log10-y, a
 * numeric y of zero or below is an error naming its lines: dropping it would bias the fit.
 */
function readXY(args: FitArgs): { x: number[]; y: number[]; skipped: number } {
  const bytes = readDataFile(args.input, args.input);
  let table: CsvTable;
  try {
    table = parseCsvBytes(bytes, args.input);
  } catch (err) {
    if (!(err instanceof PipelineError)) throw err;
    // The reader locates every problem (line, field); the headline says which command read it.
    throw new PipelineError(messages.fit.notCsv(args.input), err.problems);
  }
  const { header } = table;
  const ix = header.indexOf(args.x);
  const iy = header.indexOf(args.y);
  for (const [name, i] of [[args.x, ix], [args.y, iy]] as const) {
    if (i < 0) {
      throw new PipelineError(messages.fit.noColumn(name, args.input, header), [
        { file: args.input, line: 1, message: messages.fit.noColumnProblem(name), expected: messages.fit.columnExpected },
      ]);
    }
  }
  const x: number[] = [];
  const y: number[] = [];
  const nonPositive: number[] = [];
  let skipped = 0;
  for (const { cells, line } of table.rows) {
    const xv = args.xDate ? dateToYear(cells[ix]) : toNumber(cells[ix]);
    let yv = toNumber(cells[iy]);
    if (args.log10Y && yv <= 0) nonPositive.push(line);
    if (args.log10Y) yv = yv > 0 ? Math.log10(yv) : NaN;
    if (Number.isFinite(xv) && Number.isFinite(yv)) {
      x.push(xv);
      y.push(yv);
    } else skipped++;
  }
  if (nonPositive.length > 0) {
    const message = messages.fitNonPositive(args.y, nonPositive.slice(0, 20), nonPositive.length);
    throw new PipelineError(messages.fit.prefixed(message), [{ file: args.input, line: nonPositive[0], message, expected: messages.fit.positiveExpected(args.y) }]);
  }
  return { x, y, skipped };
}

const fmt = (v: number, digits = 6): string => (Number.isFinite(v) ? Number(v.toPrecision(digits)).toString() : String(v));

/** The segment rules of a run: the flags, else the defaults for these data. */
interface Rules {
  minSegmentLength: number;
  minSegmentPoints: number;
}

/** A p-value as printed: Davies' bound means nothing below 1e-10, so neither do its digits. */
function pText(p: number): string {
  return p < 1e-10 ? messages.pValueBelow : `p = ${p.toPrecision(4)}`;
}

function printText(io: CliIo, args: FitArgs, n: number, skipped: number, fit: SegmentedFit, bicByK: Record<string, number> | null, daviesP: number | null, rules: Rules, rejected: RejectedFit[]): void {
  const yName = args.log10Y ? `log10(${args.y})` : args.y;
  const length = lengthText(args);
  const lines = [`${args.input}: ${yName} against ${args.x}${args.xDate ? ' (fractional year)' : ''}`];
  lines.push(`rows used: ${n}, skipped (empty or non-numeric x or y): ${skipped}`);
  lines.push(
    `admissible fits: every segment spans at least ${length(rules.minSegmentLength)} and holds at least ${rules.minSegmentPoints} rows` +
      (rules.minSegmentLength === 0 && rules.minSegmentPoints === 0 ? ' (no minimums: as R)' : ''),
  );
  if (bicByK) {
    lines.push(`breakpoints: ${fit.k}, chosen by BIC among admissible fits with K = ${Object.keys(bicByK).join(', ')}`);
    for (const [k, bic] of Object.entries(bicByK)) lines.push(`  K = ${k}: BIC ${fmt(bic, 8)}${Number(k) === fit.k ? '  <- lowest' : ''}`);
  } else lines.push(`breakpoints: ${fit.k} (fixed)`);
  if (rejected.length > 0) {
    lines.push('rejected:');
    for (const r of rejected) {
      const at = r.breakpoints.length ? ` at ${r.breakpoints.map((b) => fmt(b, 8)).join(', ')}` : '';
      const bic = Number.isFinite(r.bic) ? ` (BIC ${fmt(r.bic, 8)})` : '';
      lines.push(`  K = ${r.k}${at}${bic}: ${describeRejection(r.reason, length)}`);
    }
  }
  const edges = [-Infinity, ...fit.breakpoints.map((b) => b.estimate), Infinity];
  lines.push('segments:');
  fit.slopes.forEach((s, i) => {
    const range = `${i === 0 ? '' : fmt(edges[i]) + ' '}..${i === fit.k ? '' : ' ' + fmt(edges[i + 1])}`;
    lines.push(`  ${i + 1}. x ${range.padEnd(24)} slope ${fmt(s)} (se ${fmt(fit.slopeSes[i], 3)}) ${yName} per unit of ${args.x}`);
  });
  if (fit.k > 0) {
    lines.push('breakpoints:');
    fit.breakpoints.forEach((b, j) => lines.push(`  ψ${j + 1} = ${fmt(b.estimate, 8)}  se ${fmt(b.se, 4)}  95% CI [${fmt(b.ci95[0], 8)}, ${fmt(b.ci95[1], 8)}]`));
  }
  lines.push(`intercept ${fmt(fit.intercept, 8)}, RSS ${fmt(fit.rss, 8)}, residual SD ${fmt(fit.residualSd)}, BIC ${fmt(fit.bic, 8)}`);
  lines.push(`Davies' test for a change in slope (k = 10, two-sided): ${daviesP === null ? 'n/a (too few rows)' : pText(daviesP)}`);
  io.out(lines.join('\n'));
}

/** Lengths of x as the text prints them: years with --x-date, x units otherwise. */
function lengthText(args: FitArgs): (v: number) => string {
  return args.xDate ? yearsText : (v) => fmt(v);
}

/** Run the CLI; returns the exit code. Errors are reported by the CLI edge (pipeline/cli/edge.ts). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const args = parseFitArgs(argv);
  if (args === null) {
    io.out(USAGE);
    return 0;
  }
  const { x, y, skipped } = readXY(args);
  if (x.length < 3) {
    throw new PipelineError(messages.fit.tooFewRows(x.length, skipped, !args.xDate && skipped > 0));
  }
  const rules: Rules = {
    minSegmentLength: args.minSegmentLength ?? (args.xDate ? DEFAULT_MIN_SEGMENT_YEARS : 0),
    minSegmentPoints: args.minSegmentPoints ?? defaultMinSegmentPoints(x.length),
  };
  let fit: SegmentedFit;
  let bicByK: Record<string, number> | null = null;
  let rejected: RejectedFit[];
  if (args.breakpoints === 'auto') {
    const sel = selectSegmented(x, y, { kMax: 3, seed: args.seed, ...rules });
    fit = sel.best;
    bicByK = sel.bicByK;
    rejected = sel.rejected;
  } else {
    const outcome = fitSegmentedOutcome(x, y, { k: args.breakpoints, seed: args.seed, ...rules });
    if (outcome.fit === null) {
      throw new PipelineError(messages.noAdmissibleFit(args.breakpoints, outcome.rejected && describeRejection(outcome.rejected.reason, lengthText(args))));
    }
    fit = outcome.fit;
    rejected = outcome.rejected ? [outcome.rejected] : [];
  }
  const daviesP = x.length >= 4 ? daviesTest(x, y, { k: 10, alternative: 'two.sided' }).pValue : null;
  if (args.json) {
    const out = {
      n: x.length,
      skipped,
      k: fit.k,
      intercept: fit.intercept,
      slopes: fit.slopes,
      breakpoints: fit.breakpoints.map((b) => ({ estimate: b.estimate, se: b.se, ci95: b.ci95 })),
      rss: fit.rss,
      bic: fit.bic,
      bic_by_k: bicByK,
      davies_p: daviesP,
      rules: { min_segment_length: rules.minSegmentLength, min_segment_points: rules.minSegmentPoints },
      rejected: rejected.map((r) => ({
        k: r.k,
        breakpoints: r.breakpoints,
        bic: Number.isFinite(r.bic) ? r.bic : null,
        reason: r.reason,
        detail: describeRejection(r.reason, lengthText(args)),
      })),
    };
    io.out(JSON.stringify(out, null, 2));
  } else printText(io, args, x.length, skipped, fit, bicByK, daviesP, rules, rejected);
  return 0;
}

/** main, with every error reported as the CLI does (for tests and other callers). */
export function runFit(argv: string[], io: CliIo = processIo()): Promise<number> {
  return runMain(main, argv, io);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runAsProcess(main);
