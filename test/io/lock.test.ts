/**
 * The run lock (pipeline/io/lock.ts): held by a live process it stops a second run with exit code
 * 3; left by a process that is gone, or whose pid now belongs to another process (another start
 * token), it is stale and taken over; a run releases only its own lock.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, startToken } from '../../pipeline/io/lock.ts';
import { messages } from '../../pipeline/messages.ts';
import { pipelineErrorOf } from '../helpers/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'ct-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

describe('acquireLock', () => {
  it('refuses a second holder while the first runs, with who holds it and exit code 3; free again once released', () => {
    const first = acquireLock(path('a.lock'), 'the outputs x', 'npm run pipeline');
    const err = pipelineErrorOf(() => acquireLock(path('a.lock'), 'the outputs x', 'npm run pipeline'));
    expect(err.exitCode).toBe(3);
    const owner = JSON.parse(readFileSync(path('a.lock'), 'utf8'));
    expect(err.message).toBe(messages.lockHeld('the outputs x', process.pid, 'npm run pipeline', owner.started, path('a.lock')));
    first.release();
    expect(existsSync(path('a.lock'))).toBe(false);
    acquireLock(path('a.lock'), 'the outputs x', 'npm run pipeline').release();
  });

  it('takes over the lock of a process that has ended, and says so', () => {
    const pid = Number(deadPid());
    writeFileSync(path('b.lock'), JSON.stringify({ pid, token: '1', host: hostname(), command: 'npm run pipeline', started: 'then', nonce: 'x' }));
    const notes: string[] = [];
    const lock = acquireLock(path('b.lock'), 'the outputs', 'npm run pipeline', (l) => notes.push(l));
    expect(notes).toEqual([messages.staleLockRemoved(pid)]);
    expect(JSON.parse(readFileSync(path('b.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it.skipIf(startToken(process.pid) === '')('takes over a lock whose pid was reused by another process (another start token)', () => {
    writeFileSync(path('c.lock'), JSON.stringify({ pid: process.pid, token: '1', host: hostname(), command: 'npm run refresh', started: 'then', nonce: 'y' }));
    const lock = acquireLock(path('c.lock'), 'the raw folder', 'npm run refresh');
    expect(JSON.parse(readFileSync(path('c.lock'), 'utf8')).token).toBe(startToken(process.pid));
    lock.release();
  });

  it('takes over an unreadable lock file, and never deletes a lock it does not own', () => {
    writeFileSync(path('d.lock'), 'not json');
    const lock = acquireLock(path('d.lock'), 'the outputs', 'npm run pipeline');
    writeFileSync(path('d.lock'), '{"pid": 1}');
    lock.release();
    expect(readFileSync(path('d.lock'), 'utf8')).toBe('{"pid": 1}');
  });

  it('reports a folder it cannot create as a system error (exit code 3)', () => {
    writeFileSync(path('file'), '');
    const err = pipelineErrorOf(() => acquireLock(join(path('file'), 'sub', 'e.lock'), 'x', 'y'));
    expect(err.exitCode).toBe(3);
    expect(err.message).toContain('(ENOTDIR)');
  });
});
