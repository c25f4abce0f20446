/**
 * `npm run preview [-- --port <n>] [--dir <site>]`: serves the built site (reports/site) on
 * localhost, port 4173 unless told otherwise, and prints its URL.
 */
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runAsProcess, type CliIo } from './cli/edge.ts';
import { FLAG_RANGES, integerFlag } from './cli/flags.ts';
import { PipelineError } from './errors.ts';
import { EXIT_USAGE } from './io/errno.ts';
import { fileKind } from './io/safe-read.ts';
import { messages } from './messages.ts';
import { projectRoot } from './project-root.ts';
import { createSiteServer, listen } from './render/serve.ts';

const root = projectRoot;
/** The port the preview serves on without --port. */
const DEFAULT_PORT = 4173;

/** Serves the site; returns -1 while serving (the process stays up), or an exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, dir: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, debug: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new PipelineError((err as Error).message, [], EXIT_USAGE);
  }
  const port = integerFlag('--port', values.port, { ...FLAG_RANGES.port, fallback: DEFAULT_PORT });
  const dir = values.dir ? resolve(values.dir) : join(root, 'reports', 'site');
  const shown = relative(process.cwd(), dir) || '.';
  if (fileKind(dir) !== 'directory') throw new PipelineError(messages.previewMissingSite(shown));
  const url = await listen(createSiteServer(dir), port, values.host);
  io.out(messages.previewServing(url, shown));
  return -1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runAsProcess(main);
