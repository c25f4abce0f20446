/**
 * The environment failing under a run — a full disk, a read-only file system, a mount point where
 * an output folder should be — on real file systems: small tmpfs mounts (skipped where mounting is
 * not allowed). Each run ends with exit code 3 and one sentence naming the cause, and leaves the
 * published outputs, the raw folder and the changelog byte for byte as they were, with no
 * temporaries; once the disk has room again, the next run succeeds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { messages } from '../../pipeline/messages.ts';
import { refresh, type RefreshOptions } from '../../pipeline/refresh/refresh.ts';
import { fixture, stateOf } from '../refresh/helpers.ts';
import { leftovers, outputHashes, rawFolder, root, runLibrary, tempDir } from './helpers.ts';

const tmp = tempDir('environment');
const mounts: string[] = [];

function mount(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return true;
  } catch {
    return false;
  }
}
const canMount = mount(join(tmp, 'probe'), '64k');

afterAll(() => {
  for (const dir of mounts.reverse()) {
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      // Already unmounted.
    }
  }
  rmSync(tmp, { recursive: true, force: true });
});

/** Fills the file system of `dir` until at most `leave` bytes are free (a filler file, removed by `free`). */
function fill(dir: string, leave: number): { free: () => void } {
  const filler = join(dir, 'filler');
  const free = Number(execFileSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' }).trim().split('\n')[1]);
  try {
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - leave)));
  } catch {
    // Full already: what it wrote stays.
  }
  for (let n = 0; leave === 0; n++) {
    try {
      writeFileSync(join(dir, `filler-${n}`), Buffer.alloc(4096));
    } catch {
      break;
    }
  }
  return { free: () => readdirSync(dir).filter((n) => n.startsWith('filler')).forEach((n) => rmSync(join(dir, n))) };
}

async function failure(p: Promise<unknown>): Promise<PipelineError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(PipelineError);
  return err as PipelineError;
}

describe.skipIf(!canMount)('a full disk under the pipeline', () => {
  let raw: string;
  let changed: string;
  let disk: string;
  beforeAll(() => {
    raw = rawFolder(join(tmp, 'a'), { 'models.csv': 'test/fixtures/raw-small/models.csv' });
    changed = rawFolder(join(tmp, 'b'), { 'models.csv': 'test/fixtures/raw-small/models.csv' });
    writeFileSync(join(changed, 'models.csv'), readFileSync(join(changed, 'models.csv'), 'utf8').replace(',5.76E+23,FLOP,', ',5.9E+23,FLOP,'));
    disk = join(tmp, 'disk');
    mount(disk, '48m');
  });

  it.each([0, 400_000])('with %i bytes left: exit 3, ENOSPC named, the previous outputs intact; room again, the run succeeds', async (leave) => {
    const out = join(disk, `out-${leave}`);
    await runLibrary(raw, out);
    const before = outputHashes(out);
    const filler = fill(disk, leave);
    const err = await failure(runLibrary(changed, out, { force: true }));
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(new RegExp(`${messages.errno.ENOSPC.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(ENOSPC\\)$`));
    expect(outputHashes(out)).toEqual(before);
    expect(leftovers(out, join(out, '.cache'), disk)).toEqual([]);
    expect(existsSync(join(out, '.cache', 'run.lock'))).toBe(false);
    filler.free();
    await runLibrary(changed, out);
    await runLibrary(changed, join(tmp, `clean-${leave}`));
    expect(outputHashes(out)).toEqual(outputHashes(join(tmp, `clean-${leave}`)));
  });

  it('a read-only file system: exit 3, EROFS named, nothing changed', async () => {
    const ro = join(tmp, 'ro');
    mount(ro, '48m');
    const out = join(ro, 'out');
    await runLibrary(raw, out);
    const before = outputHashes(out);
    execFileSync('mount', ['-o', 'remount,ro', ro]);
    try {
      const err = await failure(runLibrary(changed, out, { force: true }));
      expect(err.exitCode).toBe(3);
      expect(err.message).toMatch(/the file system is read-only: choose a writable folder \(--out, --raw, --changelog\) \(EROFS\)$/);
      expect(outputHashes(out)).toEqual(before);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', ro]);
    }
  });

  it('a mount point as <out>/site: refused before any stage runs, nothing written', async () => {
    const out = join(tmp, 'mounted-site');
    mount(join(out, 'site'), '1m');
    writeFileSync(join(out, 'site', 'index.html'), 'a page on another file system');
    const err = await failure(runLibrary(raw, out));
    expect(err.exitCode).toBe(3);
    expect(err.message).toBe(messages.notOurOutput(join(out, 'site'), messages.outputMountPoint));
    expect(existsSync(join(out, 'processed'))).toBe(false);
    expect(readFileSync(join(out, 'site', 'index.html'), 'utf8')).toBe('a page on another file system');
  });
});

describe.skipIf(!canMount)('a full disk under a refresh', () => {
  // 0 bytes: the lock cannot be written; a page or three: the lock, then some of the staged files.
  it.each([0, 4096, 8192, 12288])('with %i bytes left: exit 3, ENOSPC named, the raw folder and changelog as they were; room again, the retry imports', async (leave) => {
    const disk = join(tmp, `refresh-disk-${leave}`);
    mount(disk, '2m');
    const raw = join(disk, 'raw');
    mkdirSync(raw);
    const changelog = join(disk, 'CHANGELOG.md');
    const options = (from: string, date: string): RefreshOptions => ({
      from,
      source: 'epoch-notable',
      rawDir: raw,
      defaultsDir: join(root, 'data', 'raw'),
      changelogPath: changelog,
      date,
      today: '2026-01-01',
      now: () => new Date('2026-01-02T03:04:05Z'),
      note: () => {},
    });
    await refresh(options(fixture('epoch-2024-10.csv'), '2024-10-01'));
    const before = stateOf(raw, changelog);
    const filler = fill(disk, leave);
    const err = await failure(refresh(options(fixture('epoch-2024-12.csv'), '2024-12-01')));
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(/\(ENOSPC\)$/);
    filler.free();
    expect(stateOf(raw, changelog)).toBe(before);
    const again = await refresh(options(fixture('epoch-2024-12.csv'), '2024-12-01'));
    expect(again.status).toBe('imported');
    expect(readFileSync(changelog, 'utf8')).toContain('## 2024-12-01');
  });
});
