/**
 * Raw files read a chunk at a time keep the checks of a whole read (pipeline/io/safe-read.ts,
 * issue #21): only a regular file, never a FIFO or a link to /dev/zero, bounded, and a file changed
 * since ingest — or during the pass — reported as changed.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, closeSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { openCsvStream } from '../../pipeline/io/csv-reader.ts';
import { hashDataFile, sha256 } from '../../pipeline/io/hash.ts';
import { openDataFile, readDataChunk } from '../../pipeline/io/safe-read.ts';
import { FileBytes, Handoff, openSource, sourceFile } from '../../pipeline/io/source-file.ts';
import { messages } from '../../pipeline/messages.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-source-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'a,b\n1,2\n3,4\n';

function errorOf(fn: () => unknown): PipelineError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PipelineError) return err;
    throw err;
  }
  throw new Error('no error');
}

/** The source as ingest would refer to it, then the file at its path replaced by `replace`. */
function sourceThen(replace: (path: string) => void) {
  const path = join(dir, 'models.csv');
  writeFileSync(path, TEXT);
  const file = sourceFile(path, 'models.csv', Buffer.from(TEXT), 2);
  rmSync(path);
  replace(path);
  return file;
}

describe('openSource', () => {
  it('reads the validated bytes a chunk at a time', () => {
    const path = join(dir, 'models.csv');
    writeFileSync(path, TEXT);
    const source = openSource(sourceFile(path, 'models.csv', Buffer.from(TEXT), 2));
    try {
      expect(openCsvStream(source.readAt, 'models.csv').next(10).rows.map((r) => r.cells)).toEqual([['1', '2'], ['3', '4']]);
      source.done();
    } finally {
      source.close();
    }
  });

  it.each([
    ['a FIFO', (p: string) => execFileSync('mkfifo', [p])],
    ['a link to /dev/zero', (p: string) => symlinkSync('/dev/zero', p)],
    ['nothing', () => {}],
    ['other bytes', (p: string) => writeFileSync(p, 'a,b\n1,5\n3,4\n')],
  ])('reports a file replaced by %s as changed, never opening a special file', (_what, replace) => {
    const file = sourceThen(replace);
    const err = errorOf(() => openSource(file));
    expect(err.message).toBe(messages.rawFileChanged('models.csv'));
    expect(err.exitCode).toBe(1);
  });

  it('hands out no more than it checked, and a file written to during the pass is changed', () => {
    const path = join(dir, 'models.csv');
    writeFileSync(path, TEXT);
    const source = openSource(sourceFile(path, 'models.csv', Buffer.from(TEXT), 2));
    try {
      appendFileSync(path, '"broken\n');
      const rows = openCsvStream(source.readAt, 'models.csv').next(10).rows;
      expect(rows.map((r) => r.cells)).toEqual([['1', '2'], ['3', '4']]);
      expect(errorOf(() => source.done()).message).toBe(messages.rawFileChanged('models.csv'));
    } finally {
      source.close();
    }
  });
});

describe('FileBytes and hashDataFile', () => {
  it.each([
    ['a FIFO', (p: string) => execFileSync('mkfifo', [p]), 'a FIFO (named pipe)'],
    ['a link to /dev/zero', (p: string) => symlinkSync('/dev/zero', p), 'a character device'],
  ])('refuse %s as readDataFile does, without opening it', (_what, make, kind) => {
    const path = join(dir, 'models.csv');
    make(path);
    for (const fn of [() => new FileBytes(path, 'models.csv'), () => hashDataFile(path, 'models.csv')]) {
      const err = errorOf(fn);
      expect(err.exitCode).toBe(1);
      expect(err.problems[0].message).toBe(messages.notRegularFile(kind));
    }
  });

  it('hash a regular file as its bytes', () => {
    const path = join(dir, 'models.csv');
    writeFileSync(path, TEXT);
    expect(hashDataFile(path, 'models.csv')).toBe(sha256(Buffer.from(TEXT)));
    const bytes = new FileBytes(path, 'models.csv');
    try {
      expect(bytes.sha256()).toBe(sha256(Buffer.from(TEXT)));
    } finally {
      bytes.close();
    }
  });

  it('refuse a file that grows past the bound as it is read', () => {
    const path = join(dir, 'models.csv');
    writeFileSync(path, 'x'.repeat(10));
    const { fd } = openDataFile(path, 'models.csv', 16);
    try {
      appendFileSync(path, 'y'.repeat(10));
      const err = errorOf(() => readDataChunk(fd, 'models.csv', Buffer.alloc(64), 0, 64, 0, 16));
      expect(err.exitCode).toBe(1);
      expect(err.problems[0].message).toBe(messages.fileTooLarge(1, 16 / 1e6));
    } finally {
      closeSync(fd);
    }
  });
});

describe('Handoff', () => {
  it('hands out each batch put, once, and holds none after', () => {
    const handoff = new Handoff<number[]>();
    const batches = [[1, 2], [3], [4, 5, 6]];
    function* given(): Generator<number[]> {
      let i = 0;
      while (handoff.put(i < batches.length ? batches[i++] : null)) yield handoff.take();
    }
    const out = [...given()];
    expect(out).toEqual(batches);
    // The very arrays put, not copies.
    out.forEach((b, i) => expect(b).toBe(batches[i]));
    // Nothing held once taken: a second take is a bug, and says so.
    expect(() => handoff.take()).toThrow(/nothing to take/);
  });

  it('says there is nothing more when given null', () => {
    const handoff = new Handoff<string>();
    expect(handoff.put(null)).toBe(false);
    expect(() => handoff.take()).toThrow(/nothing to take/);
    expect(handoff.put('a')).toBe(true);
    expect(handoff.take()).toBe('a');
  });
});
