/**
 * `npm run refresh -- --from <path-or-url> [options]` and `npm run refresh -- --diff [options]`:
 * imports an upstream export as a dated snapshot, or compares the two newest snapshots of a source.
 * On failure prints every located problem and exits non-zero, having changed nothing.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PipelineError } from '../errors.ts';
import { listSnapshots, SOURCE_NAME } from '../ingest/snapshots.ts';
import { sha256 } from '../io/hash.ts';
import { formatProblem, messages } from '../messages.ts';
import { projectRoot } from '../project-root.ts';
import { compareNewest } from './compare.ts';
import { DEFAULT_TIMEOUT_MS } from './download.ts';
import { refresh } from './refresh.ts';
import { consoleReport } from './report.ts';
import { DEFAULT_SOURCE, KNOWN_SOURCES } from './sources.ts';

export const HELP = `Usage: npm run refresh -- --from <path-or-url> [options]
       npm run refresh -- --diff [options]

Imports an upstream export (a local CSV, or an http(s) URL) as a dated snapshot,
<raw>/snapshots/<name>/<date>.csv, with <date>.meta.json beside it (source, retrieval
time, sha256, rows, license, citation), and adds an entry to the changelog: systems
added, removed and changed since the previous snapshot, FLOP changes over 10%, and
the deep-learning and large-scale doubling times before → after.
A download or file that is incomplete or not a valid export changes nothing.
A file identical to the newest snapshot is not imported again.

Options:
  --from <path|url>    the export to import
  --diff               compare the two newest snapshots of the source; import nothing
  --name <source>      snapshot folder (default ${DEFAULT_SOURCE}; known: ${Object.keys(KNOWN_SOURCES).join(', ')})
  --date <YYYY-MM-DD>  the snapshot's date (default today, UTC)
  --raw <dir>          raw folder (default data/raw)
  --changelog <file>   changelog to add to (default data/CHANGELOG.md; with --raw, <raw>/CHANGELOG.md)
  --license <id>       license of another source (with --citation)
  --citation <text>    citation of another source
  --timeout <seconds>  download time limit (default ${DEFAULT_TIMEOUT_MS / 1000})
  --resamples <n>      bootstrap resamples of the doubling-time analysis (default 0: point estimates)
  -h, --help           show this help

The pipeline reads the newest snapshot of each source, or the one pinned in
<raw>/snapshots/pins.yaml (e.g. "epoch-notable: 2024-10-01").`;

const root = projectRoot;

/** Paths shown to the user stay relative to the working directory. */
function rel(p: string): string {
  return relative(process.cwd(), p) || '.';
}

function usage(message: string): never {
  throw new PipelineError(`${message}\n\n${HELP}`, [], 2);
}

export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        diff: { type: 'boolean', default: false },
        name: { type: 'string', default: DEFAULT_SOURCE },
        date: { type: 'string' },
        raw: { type: 'string' },
        changelog: { type: 'string' },
        license: { type: 'string' },
        citation: { type: 'string' },
        timeout: { type: 'string' },
        resamples: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    return usage((err as Error).message);
  }
  if (args.help) {
    log(HELP);
    return 0;
  }
  if ((args.from === undefined) === !args.diff) usage('give either --from <path-or-url> or --diff');
  const resamples = Number(args.resamples ?? 0);
  if (!Number.isInteger(resamples) || resamples < 0) usage('--resamples takes a whole number');
  const timeout = Number(args.timeout ?? DEFAULT_TIMEOUT_MS / 1000);
  if (!(timeout > 0)) usage('--timeout takes a number of seconds');
  const rawDir = rel(resolve(args.raw ?? join(root, 'data', 'raw')));
  const changelogPath = rel(resolve(args.changelog ?? (args.raw ? join(args.raw, 'CHANGELOG.md') : join(root, 'data', 'CHANGELOG.md'))));
  const today = process.env.COMPUTE_TRENDS_TODAY ?? new Date().toISOString().slice(0, 10);
  const common = { rawDir, defaultsDir: join(root, 'data', 'raw'), today, resamples };

  if (args.diff) {
    if (!SOURCE_NAME.test(args.name)) usage(messages.badSourceName(args.name));
    const comparison = await compareNewest(args.name, common);
    const newest = listSnapshots(rawDir, args.name).at(-1)!;
    log(consoleReport(comparison, sha256(readFileSync(newest.path))));
    return 0;
  }
  const result = await refresh({
    ...common,
    from: args.from!,
    source: args.name,
    changelogPath,
    date: args.date ?? today,
    license: args.license,
    citation: args.citation,
    timeoutMs: timeout * 1000,
  });
  if (result.status === 'unchanged') {
    log(messages.refreshUnchanged(args.from!, result.snapshot.display, result.sha256));
    return 0;
  }
  log(messages.refreshImported(result.snapshot.display, result.meta.rows, result.meta.sha256));
  log(consoleReport(result.comparison, result.meta.sha256));
  log(messages.changelogUpdated(changelogPath));
  return 0;
}

/** Runs main and turns a PipelineError into its problems on stderr and its exit code. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (err) {
    if (!(err instanceof PipelineError)) throw err;
    console.error(`error: ${err.message}`);
    for (const p of err.problems) console.error(`  ${formatProblem(p)}`);
    return err.exitCode;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
