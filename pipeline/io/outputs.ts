/**
 * Outputs only the pipeline owns. Publishing replaces data/processed/ and reports/site/ (or
 * `<out>/processed` and `<out>/site`) whole, by renames; so before a run starts, and again before
 * it publishes, each output folder is checked: it must be absent, or a real folder (not a symbolic
 * link, not a mount point, which a rename cannot replace) that the pipeline created — marked by the
 * file `.compute-trends` it writes into every folder it publishes — or empty. The project's own
 * output folders are accepted unmarked too (a fresh clone has them without the marker).
 */
import { lstatSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import { environmentError, EXIT_ENVIRONMENT, shownPath } from './errno.ts';

/** The marker file in every folder the pipeline publishes, and its text. */
export const OUTPUT_MARKER = '.compute-trends';
export const OUTPUT_MARKER_TEXT =
  'This folder is published by compute-trends (npm run pipeline), which replaces it whole on every run.\n';


/** Why `dir` may not be replaced by the pipeline, or null when it may. */
export function outputProblem(dir: string, options: { allowUnmarked?: boolean } = {}): string | null {
  try {
    const st = lstatSync(dir, { throwIfNoEntry: false });
    if (st === undefined) return null;
    if (st.isSymbolicLink()) return messages.outputSymlink;
    if (!st.isDirectory()) return messages.outputNotFolder;
    const parent = lstatSync(dirname(dir));
    if (parent.dev !== st.dev) return messages.outputMountPoint;
    if (options.allowUnmarked) return null;
    const names = readdirSync(dir);
    if (names.length === 0 || names.includes(OUTPUT_MARKER)) return null;
    return messages.outputForeign;
  } catch (err) {
    throw environmentError(err, dir) ?? err;
  }
}

/** Throws (exit code 3) when an output folder is not the pipeline's to replace. */
export function checkOutputs(dirs: readonly string[], options: { allowUnmarked?: boolean } = {}): void {
  for (const dir of dirs) {
    const problem = outputProblem(dir, options);
    if (problem !== null) throw new PipelineError(messages.notOurOutput(shownPath(dir), problem), [], EXIT_ENVIRONMENT);
  }
}
