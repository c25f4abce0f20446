/**
 * The edge every CLI shares (pipeline, fit, refresh, preview): each is a `main(argv, io)` that
 * returns its exit code, so tests can run it in-process, and a thin bin wrapper (runAsProcess)
 * that gives it the real stdout, stderr and environment and exits with its code. Whatever main
 * throws ends here as one message: a PipelineError's problems, a system error's sentence
 * (pipeline/io/errno.ts), or — for anything unexpected — one sentence saying it is a bug; the
 * stack trace only with --debug. Every line printed goes through forTerminal, so no data can
 * send escape sequences to the terminal.
 *
 * Exit codes: 0 ok, 1 bad data, 2 bad usage, 3 environment (disk full, read-only, permission,
 * lock held, …), 4 internal error (a bug).
 */
import { PipelineError } from '../errors.ts';
import { formatProblem, messages } from '../messages.ts';
import { environmentError, EXIT_INTERNAL } from '../io/errno.ts';
import { forTerminal } from '../io/terminal.ts';

export interface CliIo {
  /** Prints one line (or several, joined by \n) on standard output. */
  out(text: string): void;
  /** Prints one line (or several) on standard error. */
  err(text: string): void;
  /** The environment (COMPUTE_TRENDS_TODAY, COMPUTE_TRENDS_DEBUG, …). */
  env: Record<string, string | undefined>;
}

export type CliMain = (argv: string[], io: CliIo) => Promise<number>;

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(`${forTerminal(text)}\n`),
    err: (text) => void process.stderr.write(`${forTerminal(text)}\n`),
    env: process.env,
  };
}

/** Whether the stack of an unexpected error is shown: --debug, or COMPUTE_TRENDS_DEBUG=1. */
export function debugRequested(argv: readonly string[], env: CliIo['env']): boolean {
  return argv.includes('--debug') || env.COMPUTE_TRENDS_DEBUG === '1';
}

/** The first line of an error's message, trimmed, for the one-sentence report. */
function firstLine(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return text.split('\n')[0].trim().slice(0, 300) || 'no details';
}

/** Prints `err` as the user should see it and returns the exit code. */
export function reportFailure(err: unknown, io: CliIo, debug: boolean): number {
  const known = err instanceof PipelineError ? err : environmentError(err);
  if (known) {
    io.err(`error: ${known.message}`);
    for (const p of known.problems) io.err(`  ${formatProblem(p)}`);
    const origin = known !== err ? err : known.cause;
    if (debug && origin instanceof Error && origin.stack) io.err(origin.stack);
    return known.exitCode;
  }
  io.err(`error: ${messages.internalError(firstLine(err))}`);
  if (debug && err instanceof Error && err.stack) io.err(err.stack);
  return EXIT_INTERNAL;
}

/** Runs main(argv, io) and turns whatever it throws into a report and an exit code. */
export async function runMain(main: CliMain, argv: string[], io: CliIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (err) {
    return reportFailure(err, io, debugRequested(argv, io.env));
  }
}

/**
 * The bin wrapper: runs main in this process with the real streams and exits with its code. A
 * negative code means main keeps the process alive (the preview server). Errors thrown outside
 * main's promise (an event handler, a stream) are reported the same way; a closed stdout (`| head`)
 * ends the process quietly.
 */
export function runAsProcess(main: CliMain, argv: string[] = process.argv.slice(2)): void {
  const io = processIo();
  const debug = debugRequested(argv, io.env);
  const fail = (err: unknown) => process.exit(reportFailure(err, io, debug));
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : fail(err)));
  }
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  void runMain(main, argv, io).then((code) => {
    if (code >= 0) process.exit(code);
  });
}
