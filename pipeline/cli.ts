/**
 * `npm run pipeline -- [options]`: runs ingest → normalize → impute → analyze → render.
 * Prints one line per stage; on failure prints every located problem and exits non-zero.
 */
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runAsProcess, type CliIo } from './cli/edge.ts';
import { integerFlag, FLAG_RANGES, runDate } from './cli/flags.ts';
import { PipelineError } from './errors.ts';
import { DEFAULT_RESAMPLES } from './analyze/stats/bootstrap.ts';
import { EXIT_USAGE } from './io/errno.ts';
import { grouped, messages } from './messages.ts';
import { projectRoot } from './project-root.ts';
import { runPipeline } from './run.ts';
import { STAGE_NAMES } from './stages/index.ts';

const HELP = `Usage: npm run pipeline -- [options]

Runs the five stages: ${STAGE_NAMES.join(' → ')}.
  ingest     read and validate data/raw/ (models.csv, hardware.csv, assumptions.yaml, Epoch AI exports)
  normalize  parse units, sizes and dates; merge external exports with the curated records
  impute     fill missing training FLOP (6·N·D or hardware time), with method, source and range
  analyze    era regressions, breakpoints, frontier and the other fits → fits.json
  render     the static report site

Options:
  --only <stage>   run just this stage, from the previous stage's saved artifact
  --from <stage>   run this stage and the ones after it
  --until <stage>  stop after this stage (--until analyze: the data in processed/, no site)
  --raw <dir>      folder of raw records (default data/raw)
  --out <dir>      write processed data to <dir>/processed and the site to <dir>/site
                   (default data/processed and reports/site)
  --resamples <n>  bootstrap resamples, ${FLAG_RANGES.resamples.min} to ${grouped(FLAG_RANGES.resamples.max)} (default ${DEFAULT_RESAMPLES})
  --force          ignore the cache: rerun every selected stage
  --debug          on an unexpected error, print where it happened (the stack trace)
  -h, --help       show this help

Stages whose inputs are unchanged since the last run are skipped ("cached").
Outputs are published only when every stage has succeeded; one run at a time per output folder.
Exit codes: 0 done, 1 bad data, 2 bad usage, 3 environment (disk full, read-only, permission,
another run holding the lock), 4 internal error (a bug).`;

const root = projectRoot;

function usage(message: string): never {
  throw new PipelineError(messages.withUsage(message, HELP), [], EXIT_USAGE);
}

function stageArg(value: string | undefined): string | undefined {
  if (value !== undefined && !STAGE_NAMES.includes(value)) throw new PipelineError(messages.unknownStage(value, STAGE_NAMES), [], EXIT_USAGE);
  return value;
}

/** Paths shown to the user and written into outputs stay relative, never machine paths. */
function rel(p: string): string {
  const r = relative(process.cwd(), p);
  return r === '' ? '.' : r.startsWith('..') ? p : r;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        only: { type: 'string' },
        from: { type: 'string' },
        until: { type: 'string' },
        raw: { type: 'string' },
        out: { type: 'string' },
        resamples: { type: 'string' },
        force: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    return usage((err as Error).message);
  }
  if (args.help) {
    io.out(HELP);
    return 0;
  }
  if (args.only && (args.from || args.until)) usage(`--only cannot be used with ${args.from ? '--from' : '--until'}`);
  const [from, until] = [stageArg(args.from), stageArg(args.until)];
  if (from && until && STAGE_NAMES.indexOf(until) < STAGE_NAMES.indexOf(from)) usage(`--until ${until} comes before --from ${from}: no stage would run`);
  const resamples = integerFlag('--resamples', args.resamples, { ...FLAG_RANGES.resamples, fallback: DEFAULT_RESAMPLES });
  for (const [flag, value] of [['--raw', args.raw], ['--out', args.out]] as const) if (value === '') usage(`${flag} needs a folder`);
  const out = args.out ? resolve(args.out) : null;
  const started = performance.now();
  await runPipeline({
    root,
    rawDir: rel(resolve(args.raw ?? join(root, 'data', 'raw'))),
    processedDir: out ? join(out, 'processed') : join(root, 'data', 'processed'),
    siteDir: out ? join(out, 'site') : join(root, 'reports', 'site'),
    cacheDir: out ? join(out, '.cache') : join(root, '.cache', 'pipeline'),
    today: runDate(io.env),
    only: stageArg(args.only),
    from,
    until,
    force: args.force,
    resamples,
    log: io.out,
    note: io.err,
  });
  io.out(messages.runDone((performance.now() - started) / 1000));
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runAsProcess(main);
