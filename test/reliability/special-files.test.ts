/**
 * A FIFO and a link to /dev/zero in the raw folder, through the whole orchestrator (cache keys
 * included, which hashed every file of the folder before): under a name ingest reads they end the
 * run with a located error, never a hang or an unbounded read; under any other name they are never
 * opened and the run publishes what a clean run does. Either way the raw folder and the previous
 * outputs are unchanged.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { messages } from '../../pipeline/messages.ts';
import { hashFiles, outputHashes, rawFolder, runLibrary, tempDir } from './helpers.ts';

let tmp: string;
let clean: ReturnType<typeof outputHashes>;
beforeAll(async () => {
  tmp = tempDir('special');
  await runLibrary(rawFolder(join(tmp, 'clean'), { 'models.csv': 'test/fixtures/raw-small/models.csv' }), join(tmp, 'clean-out'));
  clean = outputHashes(join(tmp, 'clean-out'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The names in a raw folder with what each is (hashFiles skips the special files). */
const listing = (dir: string) => execFileSync('ls', ['-l', '--time-style=+', dir], { encoding: 'utf8' }).replace(/ +/g, ' ');

describe('special files in the raw folder', () => {
  it.each([
    ['a FIFO', 'export.csv', (p: string) => execFileSync('mkfifo', [p]), 'a FIFO (named pipe)'],
    ['a link to /dev/zero', 'zero.csv', (p: string) => symlinkSync('/dev/zero', p), 'a character device'],
  ])('%s named like an export: a located error; the raw folder and the outputs unchanged', async (_what, name, make, kind) => {
    const raw = rawFolder(join(tmp, name), { 'models.csv': 'test/fixtures/raw-small/models.csv' });
    const out = join(tmp, `${name}-out`);
    await runLibrary(raw, out);
    make(join(raw, name));
    const before = { raw: listing(raw), files: hashFiles(raw), out: outputHashes(out) };
    const err = await runLibrary(raw, out).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(PipelineError);
    expect((err as PipelineError).message).toBe(messages.stageFailed('ingest', 1));
    expect((err as PipelineError).problems).toEqual([{ file: `raw/${name}`, line: 1, column: 1, message: messages.notRegularFile(kind), expected: 'a regular file' }]);
    expect({ raw: listing(raw), files: hashFiles(raw), out: outputHashes(out) }).toEqual(before);
  });

  it('under names ingest does not read, they are never opened: the run publishes what a clean run does', async () => {
    const raw = rawFolder(join(tmp, 'unrelated'), { 'models.csv': 'test/fixtures/raw-small/models.csv' });
    execFileSync('mkfifo', [join(raw, 'pipe')]);
    symlinkSync('/dev/zero', join(raw, 'zero'));
    symlinkSync(join(raw, 'nothing'), join(raw, '.#models.csv'));
    const before = listing(raw);
    const out = join(tmp, 'unrelated-out');
    await runLibrary(raw, out);
    expect(outputHashes(out)).toEqual(clean);
    expect(listing(raw)).toBe(before);
    // And cached: the second run hashes the same files, and only those.
    const again = await runLibrary(raw, out);
    expect(again.reports.every((r) => r.cached)).toBe(true);
  });
});
