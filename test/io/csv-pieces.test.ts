/** A large table is kept and published as UTF-8 pieces (pipeline/io/csv-writer.ts, publish.ts). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { joinText, toCsv, toCsvPieces, type CsvCell } from '../../pipeline/io/csv-writer.ts';
import { publish } from '../../pipeline/io/publish.ts';

const rows = (n: number): CsvCell[][] => Array.from({ length: n }, (_, i) => [`sys-${i}`, i % 3 === 0 ? '=HYPERLINK("x")' : `Name, ${i} “ω”`, i * 1.5, null]);
const header = ['id', 'name', 'value', 'empty'];

describe('toCsvPieces', () => {
  it('splits a table into pieces of 4,096 lines whose bytes are exactly toCsv', () => {
    const pieces = toCsvPieces(header, rows(10_000));
    // header + 10,000 rows = 10,001 lines: 4,096 + 4,096 + 1,809.
    expect(pieces.map((p) => p.toString('utf8').split('\n').length - 1)).toEqual([4096, 4096, 1809]);
    expect(Buffer.concat(pieces).toString('utf8')).toBe(toCsv(header, rows(10_000)));
    const text = joinText(pieces);
    expect(text.startsWith('id,name,value,empty\nsys-0,"\'=HYPERLINK(""x"")",0,\n')).toBe(true);
    expect(text).toContain('sys-1,"Name, 1 “ω”",1.5,\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes a header-only table as one piece', () => {
    expect(toCsvPieces(header, []).map((p) => p.toString('utf8'))).toEqual(['id,name,value,empty\n']);
  });
});

describe('publishing pieces', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the pieces one after another, and leaves an identical file alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'ct-pieces-'));
    const processed = join(dir, 'processed');
    const journal = join(dir, 'cache', 'publish.json');
    const pieces = toCsvPieces(header, rows(5000));
    publish({ processed: { dir: processed, files: { 'models.csv': pieces, 'note.txt': 'plain' } } }, journal);
    expect(readFileSync(join(processed, 'models.csv'))).toEqual(Buffer.concat(pieces));
    expect(readFileSync(join(processed, 'note.txt'), 'utf8')).toBe('plain');
    // An unchanged table is not rewritten: a marker written beside it survives the next publish.
    writeFileSync(join(processed, 'marker'), 'kept');
    publish({ processed: { dir: processed, files: { 'models.csv': toCsvPieces(header, rows(5000)) } } }, journal);
    expect(readFileSync(join(processed, 'marker'), 'utf8')).toBe('kept');
    // One changed cell in the last piece is a change.
    const changed = rows(5000);
    changed[4999][2] = 1;
    publish({ processed: { dir: processed, files: { 'models.csv': toCsvPieces(header, changed) } } }, journal);
    expect(readFileSync(join(processed, 'models.csv'), 'utf8')).toBe(toCsv(header, changed));
  });
});
