/**
 * `npm run refresh -- --from <path-or-url> [options]` and `npm run refresh -- --diff [options]`:
 * imports an upstream export as a dated snapshot, or compares the two newest snapshots of a source.
 * On failure prints every located problem and exits non-zero, having changed nothing.
 */
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { processIo, runAsProcess, runMain, type CliIo } from '../cli/edge.ts';
import { decimalFlag, FLAG_RANGES, integerFlag, runDate } from '../cli/flags.ts';
import { PipelineError } from '../errors.ts';
import { listSnapshots, SOURCE_NAME } from '../ingest/snapshots.ts';
import { EXIT_USAGE } from '../io/errno.ts';
import { sha256 } from '../io/hash.ts';
import { RUN_LOCK } from '../io/lock.ts';
import { readDataFile } from '../io/safe-read.ts';
import { grouped, messages } from '../messages.ts';
import { projectRoot } from '../project-root.ts';
import { compareNewest } from './compare.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './download.ts';
import { refresh, SHRINK_LIMIT } from './refresh.ts';
import { consoleReport } from './report.ts';
import { DEFAULT_SOURCE, KNOWN_SOURCES } from './sources.ts';

export const HELP = `Usage: npm run refresh -- --from <path-or-url> [options]
       npm run refresh -- --diff [options]

Imports an upstream export (a local CSV, or an http(s) URL) as a dated snapshot,
<raw>/snapshots/<name>/<date>.csv, with <date>.meta.json beside it (source, retrieval
time, sha256, rows, license, citation), and adds an entry to the changelog: systems
added, removed and changed since the previous snapshot, FLOP changes over 10%, and
the deep-learning and large-scale doubling times before → after.
A download or file that is incomplete or not a valid export changes nothing; the
snapshot, its metadata and the changelog entry are written all together or not at all.
A file identical to the newest snapshot is not imported again.
An export with fewer than ${SHRINK_LIMIT * 100}% of the previous snapshot's rows, or without one of its
columns, is refused unless --accept-shrink is given.

Options:
  --from <path|url>    the export to import
  --diff               compare the two newest snapshots of the source; import nothing
  --name <source>      snapshot folder (default ${DEFAULT_SOURCE}; known: ${Object.keys(KNOWN_SOURCES).join(', ')})
  --date <YYYY-MM-DD>  the snapshot's date (default today, UTC; not after today)
  --raw <dir>          raw folder (default data/raw)
  --changelog <file>   changelog to add to (default data/CHANGELOG.md; with --raw, <raw>/CHANGELOG.md)
  --license <id>       license of another source (with --citation)
  --citation <text>    citation of another source
  --timeout <seconds>  download time limit, ${FLAG_RANGES.timeout.min} to ${FLAG_RANGES.timeout.max} (default ${DEFAULT_TIMEOUT_MS / 1000})
  --max-mb <n>         largest export accepted, in MB after decompression, ${FLAG_RANGES.maxMb.min} to ${FLAG_RANGES.maxMb.max} (default ${DEFAULT_MAX_BYTES / 1e6})
  --accept-shrink      import an export much smaller than the previous snapshot, or missing a column of it
  --resamples <n>      bootstrap resamples of the doubling-time analysis, ${FLAG_RANGES.resamples.min} to ${grouped(FLAG_RANGES.resamples.max)} (default 0: point estimates)
  --debug              on an unexpected error, print where it happened (the stack trace)
  -h, --help           show this help

The pipeline reads the newest snapshot of each source, or the one pinned in
<raw>/snapshots/pins.yaml (e.g. "epoch-notable: 2024-10-01").
Exit codes: 0 done, 1 bad data, 2 bad usage, 3 environment (disk full, read-only,
permission, another run holding the lock), 4 internal error (a bug).`;

const root = projectRoot;

/** Paths shown to the user stay relative to the working directory. */
function rel(p: string): string {
  const r = relative(process.cwd(), p);
  return r === '' ? '.' : r.startsWith('..') ? p : r;
}

function usage(message: string): never {
  throw new PipelineError(messages.withUsage(message, HELP), [], EXIT_USAGE);
}

export async function main(argv: string[], io: CliIo): Promise<number> {
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
        'max-mb': { type: 'string' },
        'accept-shrink': { type: 'boolean', default: false },
        resamples: { type: 'string' },
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
  if ((args.from === undefined) === !args.diff) usage('give either --from <path-or-url> or --diff');
  if (args.from === '') usage('--from needs a path or URL');
  const resamples = integerFlag('--resamples', args.resamples, { ...FLAG_RANGES.resamples, fallback: 0 });
  const timeout = decimalFlag('--timeout', args.timeout, { ...FLAG_RANGES.timeout, fallback: DEFAULT_TIMEOUT_MS / 1000, unit: 'seconds' });
  const maxMb = integerFlag('--max-mb', args['max-mb'], { ...FLAG_RANGES.maxMb, fallback: DEFAULT_MAX_BYTES / 1e6 });
  const rawDir = rel(resolve(args.raw ?? join(root, 'data', 'raw')));
  const changelogPath = rel(resolve(args.changelog ?? (args.raw ? join(args.raw, 'CHANGELOG.md') : join(root, 'data', 'CHANGELOG.md'))));
  const today = runDate(io.env);
  const common = { rawDir, defaultsDir: join(root, 'data', 'raw'), today, resamples };

  if (args.diff) {
    if (!SOURCE_NAME.test(args.name)) usage(messages.badSourceName(args.name));
    const comparison = await compareNewest(args.name, common);
    const newest = listSnapshots(rawDir, args.name).at(-1)!;
    io.out(consoleReport(comparison, sha256(readDataFile(newest.path, newest.display))));
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
    maxBytes: maxMb * 1e6,
    acceptShrink: args['accept-shrink'],
    // The project's data/raw is locked with the project's outputs: a refresh never writes what a pipeline run reads.
    lockPath: args.raw ? undefined : join(root, '.cache', 'pipeline', RUN_LOCK),
    note: io.err,
  });
  if (result.status === 'unchanged') {
    io.out(messages.refreshUnchanged(args.from!, result.snapshot.display, result.sha256));
    return 0;
  }
  io.out(messages.refreshImported(result.snapshot.display, result.meta.rows, result.meta.sha256));
  io.out(consoleReport(result.comparison, result.meta.sha256));
  io.out(messages.changelogUpdated(changelogPath));
  return 0;
}

/** main, with every error reported as the CLI does (for tests and other callers). */
export function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  return runMain(main, argv, io);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runAsProcess(main);
