/**
 * `npm run pipeline -- [options]`: runs ingest → normalize → impute → analyze → render.
 * Prints one line per stage; on failure prints every located problem and exits non-zero.
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PipelineError } from './errors.ts';
import { formatProblem, messages } from './messages.ts';
import { DEFAULT_RESAMPLES } from './analyze/stats/bootstrap.ts';
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
  --resamples <n>  bootstrap resamples (default ${DEFAULT_RESAMPLES})
  --force          ignore the cache: rerun every selected stage
  -h, --help       show this help

Stages whose inputs are unchanged since the last run are skipped ("cached").
Outputs are published only when every stage has succeeded.`;

const root = projectRoot;

function stageArg(value: string | undefined): string | undefined {
  if (value !== undefined && !STAGE_NAMES.includes(value)) throw new PipelineError(messages.unknownStage(value, STAGE_NAMES), [], 2);
  return value;
}

/** Paths shown to the user and written into outputs stay relative, never machine paths. */
function rel(p: string): string {
  return relative(process.cwd(), p) || '.';
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        only: { type: 'string' },
        from: { type: 'string' },
        until: { type: 'string' },
        raw: { type: 'string' },
        out: { type: 'string' },
        resamples: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  if (args.only && (args.from || args.until)) {
    console.error(`--only cannot be used with ${args.from ? '--from' : '--until'}`);
    return 2;
  }
  const [from, until] = [stageArg(args.from), stageArg(args.until)];
  if (from && until && STAGE_NAMES.indexOf(until) < STAGE_NAMES.indexOf(from)) {
    console.error(`--until ${until} comes before --from ${from}: no stage would run`);
    return 2;
  }
  const resamples = args.resamples === undefined ? DEFAULT_RESAMPLES : Number(args.resamples);
  if (!Number.isInteger(resamples) || resamples < 0) {
    console.error('--resamples takes a whole number');
    return 2;
  }
  const out = args.out ? resolve(args.out) : null;
  const started = performance.now();
  await runPipeline({
    root,
    rawDir: rel(resolve(args.raw ?? join(root, 'data', 'raw'))),
    processedDir: out ? join(out, 'processed') : join(root, 'data', 'processed'),
    siteDir: out ? join(out, 'site') : join(root, 'reports', 'site'),
    cacheDir: out ? join(out, '.cache') : join(root, '.cache', 'pipeline'),
    today: process.env.COMPUTE_TRENDS_TODAY ?? new Date().toISOString().slice(0, 10),
    only: stageArg(args.only),
    from,
    until,
    force: args.force,
    resamples,
  });
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof PipelineError) {
      console.error(`error: ${err.message}`);
      for (const p of err.problems) console.error(`  ${formatProblem(p)}`);
      process.exit(err.exitCode);
    }
    console.error(err);
    process.exit(1);
  },
);
