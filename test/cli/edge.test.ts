/**
 * No stack trace reaches a user (pipeline/cli/edge.ts): a PipelineError prints its problems, a
 * system error one sentence naming the path and what to do (exit code 3), anything unexpected one
 * sentence saying it is a bug (exit code 4) — the stack only with --debug; and every line printed
 * is terminal-safe. The process boundary itself (exit codes, stderr) is checked with real processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportFailure, runMain } from '../../pipeline/cli/edge.ts';
import { PipelineError } from '../../pipeline/errors.ts';
import { environmentError } from '../../pipeline/io/errno.ts';
import { forTerminal } from '../../pipeline/io/terminal.ts';
import { messages } from '../../pipeline/messages.ts';
import { memoryIo } from '../helpers/cli-io.ts';

const root = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'ct-edge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const STACK_LINE = /^\s+at /;

function systemError(code: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, open '${path}'`), { code, path, errno: -1, syscall: 'open' });
}

describe('reportFailure', () => {
  it('prints a PipelineError and its located problems, with its exit code', () => {
    const io = memoryIo();
    const code = reportFailure(new PipelineError('ingest failed with 1 problem', [{ file: 'm.csv', line: 2, column: 3, message: 'bad' }], 1), io, false);
    expect(code).toBe(1);
    expect(io.stderr).toEqual(['error: ingest failed with 1 problem', '  m.csv:2:3: bad']);
  });

  it.each(Object.keys(messages.errno))('turns %s into one sentence with exit code 3, naming the path', (code) => {
    const io = memoryIo();
    expect(reportFailure(systemError(code, join(tmp, 'out', 'x')), io, false)).toBe(3);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toBe(`error: ${messages.systemError(join(tmp, 'out', 'x'), messages.errno[code], code)}`);
  });

  it('names an unknown system error by its code', () => {
    expect(environmentError(systemError('EWHATEVER'))!.message).toBe(messages.systemError('', messages.errnoUnknown('EWHATEVER'), 'EWHATEVER'));
  });

  it('reports an unexpected error as a bug in one sentence (exit 4); the stack only with --debug', async () => {
    const boom = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at somewhere");
    };
    const quiet = memoryIo();
    expect(await runMain(boom, [], quiet)).toBe(4);
    expect(quiet.stderr).toEqual([`error: ${messages.internalError("TypeError: Cannot read properties of undefined (reading 'x')")}`]);
    const debug = memoryIo();
    expect(await runMain(boom, ['--debug'], debug)).toBe(4);
    expect(debug.stderr.some((l) => STACK_LINE.test(l))).toBe(true);
    const env = memoryIo({ COMPUTE_TRENDS_DEBUG: '1' });
    await runMain(boom, [], env);
    expect(env.stderr.length).toBeGreaterThan(1);
  });
});

describe('forTerminal', () => {
  it('shows escape sequences, C1 controls and bidirectional controls instead of sending them', () => {
    const hostile = 'Org\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil\r';
    const shown = forTerminal(hostile);
    expect(shown).toBe('Org\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}31m\\u{202e}evil\\u{d}');
    expect(forTerminal('tab\tand\nnewline stay')).toBe('tab\tand\nnewline stay');
  });
});

/** A CLI as a process: its exit code and its stderr lines. */
function cli(script: string, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, COMPUTE_TRENDS_TODAY: '2026-11-24', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter(Boolean) };
}

describe('as processes: exit codes and one sentence on stderr', () => {
  it('a flag out of range: exit 2, one line', () => {
    const r = cli('pipeline/cli.ts', ['--resamples', '1e9']);
    expect(r.status).toBe(2);
    expect(r.stderr).toEqual([`error: ${messages.badIntegerFlag('--resamples', '1e9', 0, 1_000_000)}`]);
  });

  it('an output folder inside a file: exit 3, one sentence without a stack; the stack with --debug', () => {
    writeFileSync(join(tmp, 'a-file'), '');
    const out = join(tmp, 'a-file', 'out');
    const r = cli('pipeline/cli.ts', ['--raw', 'test/fixtures/raw-small', '--out', out]);
    expect(r.status).toBe(3);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^error: .*a file is where a folder was expected in the path: rename or remove the file \(ENOTDIR\)$/);
    const debug = cli('pipeline/cli.ts', ['--raw', 'test/fixtures/raw-small', '--out', out, '--debug']);
    expect(debug.status).toBe(3);
    expect(debug.stderr.some((l) => STACK_LINE.test(l))).toBe(true);
  });

  it('a malformed COMPUTE_TRENDS_TODAY and a raw folder that is a file: exit 2', () => {
    expect(cli('pipeline/cli.ts', ['--until', 'ingest'], { COMPUTE_TRENDS_TODAY: 'tomorrow' }).stderr).toEqual([`error: ${messages.badRunDate('tomorrow')}`]);
    const r = cli('pipeline/cli.ts', ['--raw', 'package.json', '--until', 'ingest']);
    expect(r.status).toBe(2);
    expect(r.stderr).toEqual([`error: ${messages.rawNotFolder('package.json', 'a file')}`]);
  });

  it('fit and refresh end the same way', () => {
    const fit = cli('pipeline/fit-cli.ts', ['--input', tmp, '--x', 'a', '--y', 'b']);
    expect(fit.status).toBe(1);
    expect(fit.stderr).toEqual([`error: ${messages.unreadableInput(tmp)}`, `  ${tmp}:1:1: ${messages.notRegularFile('a folder')} (expected a regular file)`]);
    const refresh = cli('pipeline/refresh/cli.ts', ['--diff', '--timeout', 'Infinity']);
    expect(refresh.status).toBe(2);
    expect(refresh.stderr).toEqual([`error: ${messages.badNumberFlag('--timeout', 'Infinity', 1, 3600, 'seconds')}`]);
  });
});
