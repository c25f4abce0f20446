/**
 * System errors (ENOSPC, EROFS, EACCES, EISDIR, …) as one sentence a user can act on, in one
 * place: every CLI turns an error from the file system into a PipelineError with exit code 3
 * (environment) here, naming the path it concerns. The sentences are in pipeline/messages.ts.
 */
import { relative } from 'node:path';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';

export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;
export const EXIT_ENVIRONMENT = 3;
/** An error the pipeline did not expect: a bug. */
export const EXIT_INTERNAL = 4;

const SYSTEM_CODE = /^(E[A-Z0-9]+|ERR_FS_FILE_TOO_LARGE|ERR_STRING_TOO_LONG)$/;

/** The code of a system error (`ENOSPC`), or null for any other error. */
export function systemErrorCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SYSTEM_CODE.test(code) ? code : null;
}

/** A path as shown to the user: relative to the working directory when inside it, else absolute. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/**
 * The system error `err` as a PipelineError (exit code 3) with one sentence naming the path and
 * what to do; null when `err` is not a system error. `path` names the file when the error does not.
 */
export function environmentError(err: unknown, path?: string): PipelineError | null {
  const code = systemErrorCode(err);
  if (code === null) return null;
  const e = err as NodeJS.ErrnoException & { dest?: string };
  const where = e.path ?? path;
  const what = messages.errno[code] ?? messages.errnoUnknown(code);
  const error = new PipelineError(messages.systemError(where ? shownPath(where) : '', what, code), [], EXIT_ENVIRONMENT);
  // Kept for --debug, which shows where the system error happened.
  error.cause = err;
  return error;
}

/** Runs `fn`; a system error it throws comes out as environmentError(err, path). */
export function withEnvironmentErrors<T>(fn: () => T, path?: string): T {
  try {
    return fn();
  } catch (err) {
    throw environmentError(err, path) ?? err;
  }
}
