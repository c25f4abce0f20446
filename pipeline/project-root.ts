/**
 * The project root: the nearest folder above this module that holds package.json. Walked up to
 * rather than reached by a fixed number of `..`, because the same module runs from two places:
 * pipeline/ (TypeScript, under vitest or tsx) and the compiled bundles in .build/<key>/<entry>/
 * that `npm run …` executes (pipeline/launch.mjs), which holds no package.json of its own.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
