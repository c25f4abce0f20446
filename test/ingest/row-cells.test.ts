import { describe, expect, it } from 'vitest';
import { rowCells } from '../../pipeline/ingest/row-cells.ts';

describe('rowCells', () => {
  const table = { file: 'data/raw/hardware.csv', header: ['id', 'name'], rows: [{ line: 7, cells: [' a100 ', 'NVIDIA A100'] }] };
  const index = new Map([['id', 0], ['name', 1]]);
  const { get, at } = rowCells(table, table.rows[0], index);

  it('reads a cell by column name, trimmed; a column the header lacks reads empty', () => {
    expect(get('id')).toBe('a100');
    expect(get('name')).toBe('NVIDIA A100');
    expect(get('peak_fp16')).toBe('');
  });

  it('locates a problem at the cell, quoting its text, with what was expected only when given', () => {
    expect(at('name', 'too long', 'at most 5 characters')).toEqual({
      file: 'data/raw/hardware.csv',
      line: 7,
      column: 2,
      columnName: 'name',
      text: 'NVIDIA A100',
      message: 'too long',
      expected: 'at most 5 characters',
    });
    expect(at('id', 'unknown')).not.toHaveProperty('expected');
  });
});
