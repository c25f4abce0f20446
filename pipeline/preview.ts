/**
 * `npm run preview [-- --port <n>] [--dir <site>]`: serves the built site (reports/site) on
 * localhost, port 4173 unless told otherwise, and prints its URL.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { messages } from './messages.ts';
import { projectRoot } from './project-root.ts';
import { createSiteServer, listen } from './render/serve.ts';

const root = projectRoot;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '4173' }, dir: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } }, strict: true });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port!) || port < 1 || port > 65535) {
    console.error(messages.previewBadPort(values.port!));
    return 2;
  }
  const dir = values.dir ? resolve(values.dir) : join(root, 'reports', 'site');
  const shown = relative(process.cwd(), dir) || '.';
  if (!existsSync(dir)) {
    console.error(messages.previewMissingSite(shown));
    return 1;
  }
  const url = await listen(createSiteServer(dir), port, values.host);
  console.log(messages.previewServing(url, shown));
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
