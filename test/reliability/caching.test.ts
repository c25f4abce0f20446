/**
 * Stage caching (pipeline/run.ts): each stage is keyed on the content hashes of what it reads —
 * the raw files for ingest, the previous stage's artifact for the others, plus the resample count
 * for analyze and reports/ and the changelog for render. A rerun with nothing changed skips every
 * stage and says "cached"; a change reruns exactly the stages whose inputs it changes, and stops
 * where an artifact comes out identical.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { CachedFile, CorruptCacheError, loadArtifact, saveArtifact, saveArtifactAsRead } from '../../pipeline/io/artifact-store.ts';
import { LazyPieces } from '../../pipeline/io/csv-writer.ts';
import type { RunOptions } from '../../pipeline/run.ts';
import { outputHashes, rawFolder, runLibrary, tempDir } from './helpers.ts';

let tmp: string;
let raw: string;
const out = () => join(tmp, 'out');
const assumptions = () => join(raw, 'assumptions.yaml');
const models = () => join(raw, 'models.csv');

/** Runs and returns the stages that ran (not cached), checking each stage line says which. */
async function ran(extra: Partial<RunOptions> = {}): Promise<string[]> {
  const { lines, reports } = await runLibrary(raw, out(), extra);
  reports.forEach((r, i) => expect(lines[i].includes('cached: inputs unchanged, skipped'), lines[i]).toBe(r.cached));
  return reports.filter((r) => !r.cached).map((r) => r.stage);
}

beforeAll(() => {
  tmp = tempDir('caching');
  raw = rawFolder(tmp, { 'models.csv': 'test/fixtures/raw-small/models.csv', 'assumptions.yaml': 'data/raw/assumptions.yaml' });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('stage caching', () => {
  it('a first run runs every stage; a rerun with nothing changed skips them all and says "cached"', async () => {
    expect(await ran()).toEqual(['ingest', 'normalize', 'impute', 'analyze', 'render']);
    const published = outputHashes(out());
    const { lines, reports } = await runLibrary(raw, out());
    expect(reports.map((r) => r.cached)).toEqual([true, true, true, true, true]);
    for (const line of lines) expect(line).toMatch(/^\w+ +cached: inputs unchanged, skipped, \d+ ms$/);
    expect(outputHashes(out())).toEqual(published);
  });

  it('a comment changed in assumptions.yaml reruns ingest only: its artifact is identical, so normalize and after stay cached', async () => {
    writeFileSync(assumptions(), `${readFileSync(assumptions(), 'utf8')}\n# a comment changes the file, not the assumptions\n`);
    expect(await ran()).toEqual(['ingest']);
  });

  it('a value changed in assumptions.yaml reruns ingest and everything downstream of it', async () => {
    const before = outputHashes(out());
    writeFileSync(assumptions(), readFileSync(assumptions(), 'utf8').replace('hardware: 3 ', 'hardware: 4 '));
    expect(await ran()).toEqual(['ingest', 'normalize', 'impute', 'analyze', 'render']);
    // The hardware method's uncertainty range is in the processed records.
    expect(outputHashes(out()).processed['models.csv']).not.toBe(before.processed['models.csv']);
    expect(await ran()).toEqual([]);
  });

  it('another resample count reruns analyze and render only', async () => {
    expect(await ran({ resamples: 60 })).toEqual(['analyze', 'render']);
    expect(await ran({ resamples: 60 })).toEqual([]);
  });

  it('a changed record reruns every stage', async () => {
    writeFileSync(models(), readFileSync(models(), 'utf8').replace(',5.76E+23,FLOP,', ',5.9E+23,FLOP,'));
    expect(await ran({ resamples: 60 })).toEqual(['ingest', 'normalize', 'impute', 'analyze', 'render']);
  });

  it('a failed run does not spoil the cache: with the input put back, everything is cached again', async () => {
    const good = readFileSync(models(), 'utf8');
    writeFileSync(models(), good.replace('chinchilla,Chinchilla,DeepMind,language', 'chinchilla,Chinchilla,DeepMind,robotics'));
    await expect(runLibrary(raw, out(), { resamples: 60 })).rejects.toThrow(PipelineError);
    writeFileSync(models(), good);
    expect(await ran({ resamples: 60 })).toEqual([]);
  });

  it('--force reruns every selected stage', async () => {
    expect(await ran({ resamples: 60, force: true })).toEqual(['ingest', 'normalize', 'impute', 'analyze', 'render']);
    expect(await ran({ resamples: 60, from: 'impute', force: true })).toEqual(['impute', 'analyze', 'render']);
  });
});

describe("the cache's artifact store", () => {
  it('reads back NaN and ±Infinity as the numbers they were, so a cached run sees what a fresh one did', () => {
    const value = { fit: { lo: NaN, hi: Infinity, low: -Infinity, n: 3, text: 'NaN' }, list: [1, NaN, null] };
    saveArtifact(tmp, 'numbers', value);
    expect(loadArtifact(tmp, 'numbers')).toEqual(value);
    expect(JSON.parse(JSON.stringify(value)).fit.lo).toBeNull();
  });

  it('keeps a table in byte pieces as a file beside the JSON, read back lazily as the same bytes', () => {
    const value = { outputs: { 'models.csv': [Buffer.from('id,name\n'), Buffer.from('a,Ωmega\n')] }, n: 1 };
    const hash = saveArtifact(tmp, 'pieces', value);
    expect(readFileSync(join(tmp, 'pieces.json'), 'utf8')).not.toContain('Ωmega');
    const loaded = loadArtifact(tmp, 'pieces') as { outputs: Record<string, Iterable<Uint8Array>>; n: number };
    expect(loaded.outputs['models.csv']).toBeInstanceOf(CachedFile);
    expect(Buffer.concat([...loaded.outputs['models.csv']]).toString('utf8')).toBe('id,name\na,Ωmega\n');
    expect(loaded.n).toBe(1);
    // The artifact's hash names the bytes: the same content saved again hashes the same.
    expect(saveArtifact(tmp, 'pieces', loaded)).toBe(hash);
  });

  it('keeps typed arrays (an analysis table, an order) as files, read back as the same typed arrays', () => {
    const value = { year: Float64Array.from([2020.5, NaN, -0]), order: Uint32Array.from([2, 0, 1]), method: Int8Array.from([-1, 3]) };
    saveArtifact(tmp, 'typed', value);
    const loaded = loadArtifact(tmp, 'typed') as typeof value;
    expect(loaded.year).toBeInstanceOf(Float64Array);
    expect(Array.from(loaded.year)).toEqual([2020.5, NaN, -0]);
    expect(loaded.order).toEqual(value.order);
    expect(loaded.method).toEqual(value.method);
  });

  it("keeps a Buffer (a file of the site) as a file without its toJSON's array of numbers, read back as the same Buffer", () => {
    const bytes = Buffer.from([0, 1, 2, 255, 0x89, 0x50]);
    const toJSON = Buffer.prototype.toJSON;
    let called = 0;
    Buffer.prototype.toJSON = function (this: Buffer) {
      called++;
      return toJSON.call(this);
    };
    try {
      saveArtifact(tmp, 'buffer', { site: [['social.png', bytes]] });
    } finally {
      Buffer.prototype.toJSON = toJSON;
    }
    expect(called).toBe(0);
    // Back as it was once saved: Buffers serialize as before everywhere else.
    expect(JSON.stringify(Buffer.from('ab'))).toBe('{"type":"Buffer","data":[97,98]}');
    expect(readFileSync(join(tmp, 'buffer.json'), 'utf8')).not.toContain('"data"');
    const loaded = loadArtifact(tmp, 'buffer') as { site: [string, Buffer][] };
    expect(Buffer.isBuffer(loaded.site[0][1])).toBe(true);
    expect(loaded.site[0][1].equals(bytes)).toBe(true);
  });

  it('keeps a long string (a page of the site) as a file, read back as the same string', () => {
    const page = `<p>${'Ωmega, '.repeat(20_000)}</p>`;
    saveArtifact(tmp, 'text', { site: { 'index.html': page, 'small.html': '<p>hi</p>' } });
    expect(readFileSync(join(tmp, 'text.json'), 'utf8').length).toBeLessThan(1000);
    expect(loadArtifact(tmp, 'text')).toEqual({ site: { 'index.html': page, 'small.html': '<p>hi</p>' } });
  });

  it('keeps a long array of strings (the analyses\' ids) as a file, read back as the same strings', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => (i === 7 ? '\u0000number:NaN' : i === 9 ? 'lone \ud800, "é"' : `id-${i}`));
    const value = { table: { ids, short: ['a', 'b'] } };
    const hash = saveArtifact(tmp, 'strings', value);
    expect(readFileSync(join(tmp, 'strings.json'), 'utf8').length).toBeLessThan(1000);
    const loaded = loadArtifact(tmp, 'strings') as typeof value;
    expect(loaded).toEqual(value);
    expect(saveArtifact(tmp, 'strings', loaded)).toBe(hash);
  });

  it('hands on, as it saves, the artifact loading would give back, its files not read again', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => (i === 9 ? 'lone \ud800, "é"' : `id-${i}`));
    const page = `<p>lone \ud800 ${'Ωmega, '.repeat(20_000)}</p>`;
    const value = {
      table: { ids, year: Float64Array.from([2020.5, NaN, -0]), cost: new Float64Array(3).fill(NaN), power: new Float64Array(3).fill(NaN) },
      outputs: { 'models.csv': new LazyPieces(() => [Buffer.from('id,name\n'), Buffer.from('a,Ωmega\n')][Symbol.iterator]()) },
      site: { 'index.html': page },
      fit: { lo: NaN, hi: -Infinity, zero: -0, list: [1, null] },
    };
    const { hash, artifact } = saveArtifactAsRead(tmp, 'as-read', value);
    const loaded = loadArtifact(tmp, 'as-read') as typeof value & { outputs: { 'models.csv': CachedFile } };
    const handed = artifact as typeof loaded;
    // The same, but for whether the table's file was just written (which lets publishing copy it whole).
    const file = (f: CachedFile) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes });
    const files = (a: typeof loaded) => ({ ...a, outputs: { 'models.csv': file(a.outputs['models.csv']) } });
    expect(files(handed)).toEqual(files(loaded));
    expect(saveArtifact(tmp, 'as-read', loaded)).toBe(hash);
    // The long text is read back (its lone surrogate is U+FFFD in the file), -0 in JSON is 0, as loading gives them.
    expect(handed.site['index.html']).toBe(page.replace('\ud800', '\ufffd'));
    expect(Object.is(handed.fit.zero, 0)).toBe(true);
    // Two equal columns are two arrays, as read back; the table in pieces is the cache's file, just written.
    expect(handed.table.cost).not.toBe(handed.table.power);
    expect(handed.outputs['models.csv']).toBeInstanceOf(CachedFile);
    expect(handed.outputs['models.csv'].written).toBe(true);
    expect(loaded.outputs['models.csv'].written).toBe(false);
    expect(Buffer.concat([...handed.outputs['models.csv']]).toString('utf8')).toBe('id,name\na,Ωmega\n');
  });

  it('a damaged file of the cache is an error, not other bytes', () => {
    saveArtifact(tmp, 'damaged', { outputs: [Buffer.from('abc\n')] });
    const dir = join(tmp, 'damaged');
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), 'xyz\n');
    const loaded = loadArtifact(tmp, 'damaged') as { outputs: Iterable<Uint8Array> };
    expect(() => [...loaded.outputs]).toThrow(CorruptCacheError);
    writeFileSync(join(dir, file), 'x\n');
    expect(() => loadArtifact(tmp, 'damaged')).toThrow(CorruptCacheError);
  });
});
