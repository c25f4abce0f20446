/**
 * A refresh that never half-happens and never imports a damaged export silently (issue 21):
 * an export that shrank or lost a column needs --accept-shrink; a column that looks renamed is
 * refused; downloads are bounded in bytes (after decompression) and time; a changelog path that
 * is a folder, a FIFO to read from, a tampered previous snapshot or a crafted journal change
 * nothing; a refresh killed mid-commit is completed by the next one; two refreshes at once:
 * the second is refused; upstream escape sequences never reach the terminal.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { snapshotRef } from '../../pipeline/ingest/snapshots.ts';
import { messages } from '../../pipeline/messages.ts';
import { runCli } from '../../pipeline/refresh/cli.ts';
import { REFRESH_JOURNAL, refresh, type RefreshOptions } from '../../pipeline/refresh/refresh.ts';
import { memoryIo } from '../helpers/cli-io.ts';
import { fixture, root, serve, stateOf, tempRaw, type TestServer } from './helpers.ts';

const OCT = fixture('epoch-2024-10.csv');
const DEC = fixture('epoch-2024-12.csv');

let tmp: ReturnType<typeof tempRaw>;
const options = (from: string, date: string, extra: Partial<RefreshOptions> = {}): RefreshOptions => ({
  from,
  source: 'epoch-notable',
  rawDir: tmp.raw,
  defaultsDir: join(root, 'data', 'raw'),
  changelogPath: tmp.changelog,
  date,
  today: '2026-01-01',
  now: () => new Date('2026-01-02T03:04:05Z'),
  timeoutMs: 120_000,
  note: () => {},
  ...extra,
});
const state = () => stateOf(tmp.raw, tmp.changelog);

async function failure(p: Promise<unknown>): Promise<PipelineError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PipelineError);
  return err as PipelineError;
}

/** The text of a CSV with some rows or a column left out. */
function edited(file: string, { keepRows, dropColumn, renameColumn }: { keepRows?: number; dropColumn?: string; renameColumn?: [string, string] }): string {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  let out = keepRows === undefined ? lines : lines.slice(0, keepRows + 1);
  if (dropColumn) {
    const at = out[0].split(',').indexOf(dropColumn);
    // The fixtures quote no cell of these columns' rows with commas before them, so a split is exact.
    out = out.map((l) => l.split(',').filter((_, i) => i !== at).join(','));
  }
  if (renameColumn) out[0] = out[0].replace(renameColumn[0], renameColumn[1]);
  return `${out.join('\n')}\n`;
}

beforeEach(() => {
  tmp = tempRaw();
});
afterAll(() => tmp?.cleanup());

describe('an export much smaller than the previous snapshot, or without one of its columns', () => {
  it('is refused when it has fewer than 90% of the rows, and imported with --accept-shrink and a warning', async () => {
    await refresh(options(OCT, '2024-10-01'));
    const before = state();
    const cut = join(tmp.dir, 'cut.csv');
    writeFileSync(cut, edited(DEC, { keepRows: 20 }));
    const prev = snapshotRef(tmp.raw, 'epoch-notable', '2024-10-01').display;
    const err = await failure(refresh(options(cut, '2024-12-01')));
    expect(err.problems.map((p) => p.message)).toEqual([messages.exportShrank(20, 30, prev, 67)]);
    expect(state()).toBe(before);
    const notes: string[] = [];
    const result = await refresh(options(cut, '2024-12-01', { acceptShrink: true, note: (l) => notes.push(l) }));
    expect(result.status).toBe('imported');
    expect(notes).toEqual([messages.exportShrankAccepted(20, 30, prev)]);
  });

  it('is refused when a column of the previous snapshot is gone (a rename to an alias the adapter reads is not a loss)', async () => {
    await refresh(options(OCT, '2024-10-01'));
    const before = state();
    const lost = join(tmp.dir, 'lost.csv');
    writeFileSync(lost, edited(DEC, { dropColumn: 'Parameters' }));
    const prev = snapshotRef(tmp.raw, 'epoch-notable', '2024-10-01').display;
    const err = await failure(refresh(options(lost, '2024-12-01')));
    expect(err.problems.map((p) => p.message)).toEqual([messages.columnRemoved('Parameters', prev)]);
    expect(state()).toBe(before);
    // October's "System" is December's "Model": the real upstream rename, accepted.
    expect((await refresh(options(DEC, '2024-12-01'))).status).toBe('imported');
  });

  it('refuses a column that looks like one the adapter reads, renamed, even on a first import', async () => {
    for (const [from, to] of [
      ['Parameters', 'Paramters'],
      ['Training compute (FLOP)', 'Training compute FLOP'],
    ]) {
      const renamed = join(tmp.dir, `renamed-${to}.csv`);
      writeFileSync(renamed, edited(OCT, { renameColumn: [from, to] }));
      const err = await failure(refresh(options(renamed, '2024-10-01')));
      const messagesSeen = err.problems.map((p) => p.message);
      expect(messagesSeen).toContain(messages.columnLooksRenamed(to, from));
      expect(readdirSync(tmp.raw)).toEqual([]);
    }
    // Case and spacing alone are no renaming: the column map reads "parameters" as Parameters
    // (pipeline/adapters/epoch-columns.ts, columnKey), so the export is imported.
    const recased = join(tmp.dir, 'recased.csv');
    writeFileSync(recased, edited(OCT, { renameColumn: ['Parameters', 'parameters'] }));
    expect((await refresh(options(recased, '2024-10-01'))).status).toBe('imported');
  });
});

describe('downloads bounded in bytes and time', () => {
  let server: TestServer;
  const big = Buffer.alloc(3_000_000, 'a');
  const bomb = gzipSync(Buffer.alloc(60_000_000, '0'));
  beforeAll(async () => {
    server = await serve({
      '/big-with-length': (_req, res) => res.writeHead(200, { 'content-type': 'text/csv', 'content-length': big.length }).end(big),
      '/big-chunked': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write(big.subarray(0, 1_000_000));
        res.write(big.subarray(1_000_000));
        res.end();
      },
      '/gzip-bomb': (_req, res) => res.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb),
      '/trickle': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write('Model,Publication date,Training compute (FLOP)\n');
        // Never ends: the time limit covers the body too.
      },
    });
  });
  afterAll(() => server.close());

  it.each(['/big-with-length', '/big-chunked', '/gzip-bomb'])('%s stops at the byte limit, counted after decompression', async (path) => {
    const before = state();
    const err = await failure(refresh(options(server.url(path), '2024-10-01', { maxBytes: 2_000_000 })));
    expect(err.problems.map((p) => p.message)).toEqual([messages.downloadTooLarge(2)]);
    expect(state()).toBe(before);
  });

  it('a body that never ends stops at the time limit', async () => {
    const err = await failure(refresh(options(server.url('/trickle'), '2024-10-01', { timeoutMs: 1_000 })));
    expect(err.problems.map((p) => p.message)).toEqual([messages.downloadTimeout(1)]);
  });
});

describe('failures that change nothing', () => {
  it('a changelog path that is a folder: exit 3 before anything is written; once fixed, the retry imports', async () => {
    mkdirSync(tmp.changelog);
    const before = state();
    const io = memoryIo({ COMPUTE_TRENDS_TODAY: '2026-01-01' });
    expect(await runCli(['--from', OCT, '--date', '2024-10-01', '--raw', tmp.raw, '--changelog', tmp.changelog], io)).toBe(3);
    expect(io.stderr).toEqual([`error: ${messages.changelogNotFile(tmp.changelog, 'a folder')}`]);
    expect(state()).toBe(before);
    rmSync(tmp.changelog, { recursive: true });
    const retry = memoryIo({ COMPUTE_TRENDS_TODAY: '2026-01-01' });
    expect(await runCli(['--from', OCT, '--date', '2024-10-01', '--raw', tmp.raw, '--changelog', tmp.changelog], retry)).toBe(0);
    expect(retry.stdout[0]).toMatch(/^imported /);
    expect(readFileSync(tmp.changelog, 'utf8')).toContain('## 2024-10-01 — epoch-notable');
  });

  it('a FIFO to import from is refused at once, never read', async () => {
    const fifo = join(tmp.dir, 'export.csv');
    execFileSync('mkfifo', [fifo]);
    const err = await failure(refresh(options(fifo, '2024-10-01')));
    expect(err.problems.map((p) => p.message)).toEqual([messages.notRegularFile('a FIFO (named pipe)')]);
  });

  it('a date after the run date, or not a real day, is a usage error', async () => {
    expect((await failure(refresh(options(OCT, '2026-06-01')))).exitCode).toBe(2);
    expect((await failure(refresh(options(OCT, '2024-02-30')))).exitCode).toBe(2);
  });

  it('a previous snapshot edited since it was imported is refused, not compared', async () => {
    await refresh(options(OCT, '2024-10-01'));
    const prev = snapshotRef(tmp.raw, 'epoch-notable', '2024-10-01');
    writeFileSync(prev.path, readFileSync(prev.path, 'utf8').replace('Fixture Net 01', 'Fixture Net 99'));
    const before = state();
    const err = await failure(refresh(options(DEC, '2024-12-01')));
    expect(err.problems[0].message).toMatch(/^the snapshot does not match its metadata: its sha256 is /);
    expect(state()).toBe(before);
  });

  it('a crafted refresh journal naming other files is set aside; they are untouched', async () => {
    const victim = join(tmp.dir, 'victim.md');
    writeFileSync(victim, 'keep me');
    const tmpVictim = join(tmp.dir, `.tmp-victim.md-1`);
    writeFileSync(tmpVictim, 'overwritten');
    mkdirSync(join(tmp.raw, 'snapshots'), { recursive: true });
    const journal = join(tmp.raw, 'snapshots', REFRESH_JOURNAL);
    writeFileSync(journal, JSON.stringify({ renames: [{ tmp: tmpVictim, target: victim, backup: null }] }));
    const notes: string[] = [];
    expect((await refresh(options(OCT, '2024-10-01', { note: (l) => notes.push(l) }))).status).toBe('imported');
    expect(notes).toEqual([messages.refreshJournalRefused(journal, messages.refreshJournalOutside)]);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(existsSync(`${journal}.refused`)).toBe(true);
  });
});

/** The refresh CLI as a process; resolves when it exits. */
function refreshProcess(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'pipeline/refresh/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, COMPUTE_TRENDS_TODAY: '2026-01-01', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
  const waitFor = async (test: () => boolean) => {
    for (;;) {
      if (test()) return;
      if (child.exitCode !== null) throw new Error(`exited early: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exit, waitFor, out: () => stdout, err: () => stderr };
}

describe('killed mid-commit, completed by the next refresh', () => {
  it.each(['refresh-commit', 'refresh-rename', 'refresh-last'])('SIGKILL at %s: the next refresh completes the import, the changelog entry included', async (point) => {
    const first = refreshProcess(['--from', OCT, '--date', '2024-10-01', '--raw', tmp.raw, '--changelog', tmp.changelog], { COMPUTE_TRENDS_PAUSE_AT: point });
    await first.waitFor(() => first.err().includes(`paused at ${point}`));
    first.child.kill('SIGKILL');
    await first.exit;
    expect(existsSync(join(tmp.raw, 'snapshots', REFRESH_JOURNAL))).toBe(true);
    const notes: string[] = [];
    const again = await refresh(options(OCT, '2024-10-01', { note: (l) => notes.push(l) }));
    expect(notes).toContain(messages.refreshCompleted('epoch-notable'));
    expect(again.status).toBe('unchanged');
    expect(readFileSync(join(tmp.raw, 'snapshots', 'epoch-notable', '2024-10-01.csv'))).toEqual(readFileSync(OCT));
    expect(JSON.parse(readFileSync(join(tmp.raw, 'snapshots', 'epoch-notable', '2024-10-01.meta.json'), 'utf8')).rows).toBe(30);
    expect(readFileSync(tmp.changelog, 'utf8').match(/^## 2024-10-01/gm)).toHaveLength(1);
    expect(readdirSync(join(tmp.raw, 'snapshots', 'epoch-notable')).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(existsSync(join(tmp.raw, 'snapshots', REFRESH_JOURNAL))).toBe(false);
  });
});

describe('two refreshes at once', () => {
  let server: TestServer;
  let release: () => void = () => {};
  beforeAll(async () => {
    server = await serve({
      '/held': (_req, res) => {
        release = () => res.writeHead(200, { 'content-type': 'text/csv' }).end(readFileSync(DEC));
      },
    });
  });
  afterAll(() => server.close());

  it('the second is refused with exit code 3 while the first holds the raw folder; the first completes alone', async () => {
    const first = refreshProcess(['--from', server.url('/held'), '--date', '2024-12-01', '--raw', tmp.raw, '--changelog', tmp.changelog]);
    await first.waitFor(() => existsSync(join(tmp.raw, '.refresh.lock')));
    const second = memoryIo({ COMPUTE_TRENDS_TODAY: '2026-01-01' });
    expect(await runCli(['--from', OCT, '--date', '2024-12-01', '--raw', tmp.raw, '--changelog', tmp.changelog], second)).toBe(3);
    expect(second.stderr[0]).toMatch(new RegExp(`^error: another run \\(pid ${first.child.pid}, npm run refresh, started .*\\) is using ${messages.rawFolderNamed('.*')}; wait for it to finish`));
    // Wait until the first has sent its request, then let it finish.
    await first.waitFor(() => release.toString() !== '() => {}');
    release();
    const done = await first.exit;
    expect(done.code, done.stderr).toBe(0);
    expect(readFileSync(tmp.changelog, 'utf8').match(/^## /gm)).toHaveLength(1);
    expect(readdirSync(join(tmp.raw, 'snapshots', 'epoch-notable')).sort()).toEqual(['2024-12-01.csv', '2024-12-01.meta.json']);
    expect(existsSync(join(tmp.raw, '.refresh.lock'))).toBe(false);
  });
});

describe('escape sequences from upstream data', () => {
  it('never reach the terminal from the refresh report (a real process): the adapter refuses them in free text', async () => {
    await refresh(options(OCT, '2024-10-01'));
    const hostile = join(tmp.dir, 'hostile.csv');
    // In Organization and in Training hardware (an unknown accelerator's name, which would travel
    // into the notes): free text, refused by the adapter's text rules, dropped with a warning,
    // never printed. Whatever else a CLI prints goes through forTerminal (test/cli/edge.test.ts).
    const escapes = '\u001b]0;pwned\u0007\u001b[2J\u009b31m';
    writeFileSync(hostile, readFileSync(OCT, 'utf8').replace('Lab South', `Lab${escapes} South`).replace(',2.1300e+16,,', `,2.1300e+16,Chip${escapes} X,`));
    const run = refreshProcess(['--from', hostile, '--date', '2024-11-01', '--raw', tmp.raw, '--changelog', tmp.changelog]);
    const done = await run.exit;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('organization Lab South → (empty)');
    expect(done.stdout).toContain('**Changed** (1), by field: organization 1');
    expect(done.stdout).not.toContain('Chip');
    expect(done.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(done.stderr).not.toMatch(/[\u001b\u0007\u009b]/);
  });
});
