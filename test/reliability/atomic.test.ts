/**
 * A failing run publishes nothing: the output folder holds a previous good run, failing runs of
 * the real CLI are made into it (a bad record caught by ingest, one caught by normalize, and a
 * crash inside analyze), and afterwards every file of processed/ and site/ has the same hash.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../pipeline/messages.ts';
import { leftovers, outputHashes, rawFolder, runCli, runLibrary, tempDir } from './helpers.ts';

let tmp: string;
let raw: string;
let before: ReturnType<typeof outputHashes>;
const out = () => join(tmp, 'out');

beforeAll(async () => {
  tmp = tempDir('atomic');
  raw = rawFolder(tmp, { 'models.csv': 'test/fixtures/raw-small/models.csv' });
  await runLibrary(raw, out());
  before = outputHashes(out());
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a failing run leaves processed/ and site/ exactly as they were', () => {
  it('holds a previous good run to compare with', () => {
    expect(Object.keys(before.processed).sort()).toEqual(['.compute-trends', 'audit.csv', 'fits.json', 'models.csv']);
    expect(Object.keys(before.site)).toContain('index.html');
  });

  it.each([
    ['ingest', 'duplicate-id'],
    ['normalize', 'compute-negative'],
  ])('%s fails (bad-input case %s): exit 1, outputs unchanged', async (stage, name) => {
    const run = await runCli(['--raw', `test/bad-input/cases/${name}`, '--out', out(), '--resamples', '50', '--force']);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(`error: ${messages.stageFailed(stage, 1)}`);
    expect(outputHashes(out())).toEqual(before);
    expect(leftovers(out(), join(out(), '.cache'))).toEqual([]);
  });

  it('analyze crashes (a corrupt impute artifact): exit 1, outputs unchanged', async () => {
    const artifact = join(out(), '.cache', 'impute.json');
    const good = readFileSync(artifact);
    writeFileSync(artifact, JSON.stringify({ records: 42 }));
    try {
      const run = await runCli(['--from', 'analyze', '--out', out(), '--resamples', '50', '--force']);
      expect(run.code).toBe(1);
      expect(run.stdout.some((l) => l.startsWith('analyze '))).toBe(false);
      expect(run.stderr.join('\n')).toContain(messages.corruptArtifact('impute'));
      expect(outputHashes(out())).toEqual(before);
    } finally {
      writeFileSync(artifact, good);
    }
  });
});
