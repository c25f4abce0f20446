/**
 * Outputs only the pipeline owns (pipeline/io/outputs.ts, publish.ts, cache-check.ts): an output
 * folder the pipeline did not create — foreign content, a symbolic link — is refused before any
 * stage runs and left as it was; a crafted publish journal naming a folder elsewhere is set aside
 * and nothing outside the outputs changes; a cached stage whose published output or saved
 * artifact is missing or changed is rebuilt, not trusted.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { OUTPUT_MARKER } from '../../pipeline/io/outputs.ts';
import { messages } from '../../pipeline/messages.ts';
import { hashFiles, outputHashes, rawFolder, runLibrary, tempDir } from './helpers.ts';

let tmp: string;
let raw: string;
beforeAll(() => {
  tmp = tempDir('outputs');
  raw = rawFolder(tmp, { 'models.csv': 'test/fixtures/raw-small/models.csv' });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function failure(out: string): Promise<PipelineError> {
  try {
    await runLibrary(raw, out);
  } catch (err) {
    expect(err).toBeInstanceOf(PipelineError);
    return err as PipelineError;
  }
  throw new Error('the run succeeded');
}

describe('output folders the pipeline did not create', () => {
  it('refuses an existing <out>/site without the marker, and leaves it (and everything else) as it was', async () => {
    const out = join(tmp, 'foreign');
    mkdirSync(join(out, 'site'), { recursive: true });
    writeFileSync(join(out, 'site', 'index.html'), 'my own page');
    const err = await failure(out);
    expect(err.exitCode).toBe(3);
    expect(err.message).toBe(messages.notOurOutput(join(out, 'site'), messages.outputForeign));
    expect(readFileSync(join(out, 'site', 'index.html'), 'utf8')).toBe('my own page');
    expect(existsSync(join(out, 'processed'))).toBe(false);
  });

  it('refuses a symbolic link as <out>/site, leaving its target untouched', async () => {
    const out = join(tmp, 'linked');
    const elsewhere = join(tmp, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(elsewhere, OUTPUT_MARKER), 'even with a marker');
    mkdirSync(out);
    symlinkSync(elsewhere, join(out, 'site'));
    const err = await failure(out);
    expect(err.exitCode).toBe(3);
    expect(err.message).toContain(messages.outputSymlink);
    expect(hashFiles(elsewhere)).toEqual({ [OUTPUT_MARKER]: expect.any(String) });
  });

  it('accepts an empty folder, and its own outputs on the next run (each holds the marker)', async () => {
    const out = join(tmp, 'empty');
    mkdirSync(join(out, 'site'), { recursive: true });
    await runLibrary(raw, out);
    expect(existsSync(join(out, 'site', OUTPUT_MARKER))).toBe(true);
    expect(existsSync(join(out, 'processed', OUTPUT_MARKER))).toBe(true);
    await runLibrary(raw, out, { force: true });
  });
});

describe('a crafted publish journal', () => {
  it('naming a folder outside the outputs is set aside: that folder is untouched and the run goes on', async () => {
    const out = join(tmp, 'journal');
    await runLibrary(raw, out);
    const before = outputHashes(out);
    const victim = join(tmp, 'victim');
    mkdirSync(victim);
    writeFileSync(join(victim, 'precious.txt'), 'keep me');
    const staging = join(tmp, '.tmp-victim-1');
    mkdirSync(staging);
    writeFileSync(join(staging, 'evil.txt'), 'replacement');
    const journal = join(out, '.cache', 'publish.json');
    for (const swaps of [
      [{ staging, target: victim }],
      [{ staging: join(out, '.tmp-site-1'), target: victim }],
      [{ staging: victim, target: join(out, 'site') }],
      [{ staging: '/', target: join(out, 'processed') }],
      'not a list',
    ]) {
      writeFileSync(journal, JSON.stringify({ swaps }));
      const notes: string[] = [];
      await runLibrary(raw, out, { note: (l) => notes.push(l) });
      expect(notes).toEqual([messages.journalRefused(journal, messages.journalOutside(`${join(out, 'processed')} and ${join(out, 'site')}`))]);
      expect(readFileSync(join(victim, 'precious.txt'), 'utf8')).toBe('keep me');
      expect(hashFiles(staging)).toEqual({ 'evil.txt': expect.any(String) });
      expect(outputHashes(out)).toEqual(before);
      expect(existsSync(`${journal}.refused`)).toBe(true);
    }
  });
});

describe('cached stages whose output is gone or changed', () => {
  let out: string;
  beforeAll(async () => {
    out = join(tmp, 'cached');
    await runLibrary(raw, out);
  });
  const ran = async () => (await runLibrary(raw, out)).reports.filter((r) => !r.cached).map((r) => r.stage);

  it('publishes the site again from the cached render artifact when a published page was deleted, and puts it back', async () => {
    const good = outputHashes(out);
    rmSync(join(out, 'site', 'index.html'));
    const { lines, reports } = await runLibrary(raw, out);
    // Every stage cached (the render artifact holds the site's files), and the site put back as published.
    expect(reports.filter((r) => !r.cached)).toEqual([]);
    expect(lines.find((l) => l.startsWith('render'))).toContain(messages.sitePublishedAgain);
    expect(outputHashes(out)).toEqual(good);
    expect((await runLibrary(raw, out)).lines.some((l) => l.includes(messages.sitePublishedAgain))).toBe(false);
  });

  it('publishes the site again from the cached render artifact when a published page was edited', async () => {
    const good = outputHashes(out);
    writeFileSync(join(out, 'site', 'methods.html'), 'edited');
    const { lines, reports } = await runLibrary(raw, out);
    // Every stage cached (the render artifact holds the site's files), and the site put back as published.
    expect(reports.filter((r) => !r.cached)).toEqual([]);
    expect(lines.find((l) => l.startsWith('render'))).toContain(messages.sitePublishedAgain);
    expect(outputHashes(out)).toEqual(good);
    expect((await runLibrary(raw, out)).lines.some((l) => l.includes(messages.sitePublishedAgain))).toBe(false);
  });

  it('restores a deleted processed file from the cached artifacts', async () => {
    const good = outputHashes(out);
    rmSync(join(out, 'processed', 'fits.json'));
    expect(await ran()).toEqual([]);
    expect(outputHashes(out)).toEqual(good);
  });

  it('reruns a stage whose saved artifact was truncated, rather than reading it', async () => {
    const artifact = join(out, '.cache', 'impute.json');
    writeFileSync(artifact, readFileSync(artifact).subarray(0, 100));
    expect(await ran()).toEqual(['impute']);
    writeFileSync(artifact, readFileSync(artifact).subarray(0, 100));
    await expect(runLibrary(raw, out, { only: 'analyze', force: true })).rejects.toThrow(messages.corruptArtifact('impute'));
  });
});
