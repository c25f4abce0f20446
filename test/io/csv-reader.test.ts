import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from '../../pipeline/io/csv-reader.ts';
import { findInvalidUtf8 } from '../../pipeline/io/utf8.ts';
import { messages } from '../../pipeline/messages.ts';
import { pipelineErrorOf } from '../helpers/errors.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

function problemOf(input: Uint8Array | string, options = {}) {
  return pipelineErrorOf(() => parseCsvBytes(typeof input === 'string' ? bytes(input) : input, 'f.csv', options)).problems[0];
}

describe('readCsv', () => {
  it('keeps the line each record starts on, across quoted newlines', () => {
    const t = parseCsvBytes(bytes('a,b\n1,"x\ny"\n3,4\n'), 'f.csv');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['1', 'x\ny'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('accepts a BOM and CRLF line ends', () => {
    const t = parseCsvBytes(bytes('\uFEFFa,b\r\n1,2\r\n'), 'f.csv');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows[0]).toEqual({ line: 2, cells: ['1', '2'] });
  });

  it('locates a byte that is not UTF-8', () => {
    const p = problemOf(Uint8Array.from([...bytes('a,b\n1,caf'), 0xe9, ...bytes('\n')]));
    expect(p).toMatchObject({ file: 'f.csv', line: 2, column: 6, message: messages.notUtf8(0xe9) });
  });

  it('reports an unclosed quote, a stray quote and a ragged row with their lines', () => {
    expect(problemOf('a,b\n1,"2\n')).toMatchObject({ line: 2, message: messages.quoteNotClosed });
    expect(problemOf('a,b\n1,x"y"\n')).toMatchObject({ line: 2, message: messages.strayQuote });
    expect(problemOf('a,b\n1,2\n1,2,3\n')).toMatchObject({ line: 3, column: 1 });
  });

  it('refuses empty files, header-only files and oversized records', () => {
    expect(problemOf('')).toMatchObject({ line: 1, message: messages.emptyFile });
    expect(problemOf('a,b\n')).toMatchObject({ line: 2, message: messages.headerOnly });
    expect(problemOf(`a,b\n1,${'x'.repeat(5000)}\n`, { maxRecordSize: 1000 })).toMatchObject({ line: 2, message: messages.recordTooLarge(1000) });
  });
});

describe('findInvalidUtf8', () => {
  it('accepts multi-byte characters and rejects overlongs, surrogates and truncation', () => {
    expect(findInvalidUtf8(bytes('Gödel × 10²³ 🚀'))).toBeNull();
    expect(findInvalidUtf8(Uint8Array.from([0xc0, 0xaf]))?.offset).toBe(0);
    expect(findInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))?.offset).toBe(0);
    expect(findInvalidUtf8(Uint8Array.from([0x41, 0xe2, 0x82]))?.offset).toBe(1);
  });
});
