/**
 * One run at a time per output folder, across processes: a second pipeline run on an output a
 * first run is using stops at once with exit code 3 and a message naming the holder, and changes
 * nothing; once the first is killed (SIGKILL: no cleanup), its lock is stale and the next run
 * takes it over, says so, and publishes what a clean run publishes. (Refresh: test/refresh/hardening.test.ts.)
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../pipeline/messages.ts';
import { leftovers, outputHashes, rawFolder, runCli, runLibrary, startCli, tempDir } from './helpers.ts';

let tmp: string;
let raw: string;
let clean: ReturnType<typeof outputHashes>;
beforeAll(async () => {
  tmp = tempDir('concurrency');
  raw = rawFolder(tmp, { 'models.csv': 'test/fixtures/raw-small/models.csv' });
  await runLibrary(raw, join(tmp, 'clean'));
  clean = outputHashes(join(tmp, 'clean'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('two pipeline runs on one output folder', () => {
  it('the second exits 3 naming the first and changes nothing; after the first is killed, the next run takes over', async () => {
    const out = join(tmp, 'out');
    await runLibrary(raw, out);
    // Another record set, so a run that did publish would change the outputs.
    const other = rawFolder(join(tmp, 'other'), { 'models.csv': 'test/fixtures/raw-small/models.csv' });
    writeFileSync(join(other, 'models.csv'), readFileSync(join(other, 'models.csv'), 'utf8').replace(',5.76E+23,FLOP,', ',5.9E+23,FLOP,'));
    const before = outputHashes(out);
    const first = startCli(['--raw', other, '--out', out, '--resamples', '50', '--force'], { COMPUTE_TRENDS_PAUSE_AT: 'publish' });
    await first.waitFor(/paused at publish/);
    const second = await runCli(['--raw', other, '--out', out, '--resamples', '50']);
    expect(second.code).toBe(3);
    const owner = JSON.parse(readFileSync(join(out, '.cache', 'run.lock'), 'utf8'));
    expect(owner.pid).toBe(first.child.pid);
    expect(second.stderr.filter(Boolean)).toEqual([
      `error: ${messages.lockHeld(messages.outputsNamed(join(out, 'processed'), join(out, 'site')), first.child.pid!, 'npm run pipeline', owner.started, join(out, '.cache', 'run.lock'))}`,
    ]);
    expect(outputHashes(out)).toEqual(before);
    first.child.kill('SIGKILL');
    await first.exit;
    const third = await runCli(['--raw', raw, '--out', out, '--resamples', '50']);
    expect(third.code, third.stderr.join('\n')).toBe(0);
    expect(third.stderr).toContain(messages.staleLockRemoved(first.child.pid!));
    expect(outputHashes(out)).toEqual(clean);
    expect(existsSync(join(out, '.cache', 'run.lock'))).toBe(false);
    expect(leftovers(out, join(out, '.cache'))).toEqual([]);
  });
});
