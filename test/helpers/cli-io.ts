/** A CLI's io (pipeline/cli/edge.ts) that keeps what it prints, for running CLIs in-process. */
import type { CliIo } from '../../pipeline/cli/edge.ts';
import { forTerminal } from '../../pipeline/io/terminal.ts';

export interface MemoryIo extends CliIo {
  /** Lines printed on stdout (a multi-line print split into its lines), as a terminal would get them. */
  stdout: string[];
  stderr: string[];
}

export function memoryIo(env: Record<string, string | undefined> = {}): MemoryIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => void stdout.push(...forTerminal(text).split('\n')),
    err: (text) => void stderr.push(...forTerminal(text).split('\n')),
    env: { COMPUTE_TRENDS_TODAY: '2026-11-24', ...env },
  };
}
