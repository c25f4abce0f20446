import { describe, expect, it } from 'vitest';
import { diffRecords, formatValue } from '../../pipeline/refresh/diff.ts';
import { CHANGELOG_INTRO, insertEntry } from '../../pipeline/refresh/changelog.ts';
import { escapeMarkdown, formatChange } from '../../pipeline/refresh/report.ts';
import type { NormalizedRecord } from '../../pipeline/schema/records.ts';
import { record } from '../helpers/records.ts';

const flop = (r: NormalizedRecord, value: number): NormalizedRecord => ({
  ...r,
  compute: { kind: 'flop', flop: value, unit: 'FLOP', text: String(value), formula: '' },
});

describe('diffRecords', () => {
  const a = flop(record({ id: 'a', name: 'GPT-3 175B', publicationDate: '2020-05-28' }), 3.14e23);
  const b = flop(record({ id: 'b', name: 'Net B', publicationDate: '2021-01-01' }), 1e20);
  const c = record({ id: 'c', name: 'Net C', publicationDate: '2022-01-01' });

  it('matches systems by normalized name and year, whatever their spelling or id', () => {
    const renamed = { ...a, id: 'other', name: 'gpt 3 175b' };
    const d = diffRecords([a, b], [renamed, b]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([{ name: 'gpt 3 175b', year: 2020, fields: [{ field: 'name', before: 'GPT-3 175B', after: 'gpt 3 175b' }] }]);
    expect(d.unchanged).toBe(1);
  });

  it('counts a system that moved to another year as removed and added', () => {
    const moved = { ...c, publicationDate: '2023-02-01' };
    const d = diffRecords([a, c], [a, moved]);
    expect(d.added).toEqual([{ name: 'Net C', year: 2023 }]);
    expect(d.removed).toEqual([{ name: 'Net C', year: 2022 }]);
  });

  it('lists FLOP changes over 10% only, and ignores float noise', () => {
    const d = diffRecords([a, b, c], [flop(a, 3.14e23 * (1 + 1e-12)), flop(b, 1.09e20), flop(c, 5e21)]);
    expect(d.changed.map((s) => s.name)).toEqual(['Net B', 'Net C']);
    expect(d.flopChanges).toEqual([]);
    expect(d.fieldCounts).toEqual({ 'training compute': 2 });
    const big = diffRecords([b], [flop(b, 0.8e20)]);
    expect(big.flopChanges).toEqual([{ name: 'Net B', year: 2021, before: 1e20, after: 0.8e20, ratio: 0.8 }]);
    expect(formatChange(big.flopChanges[0])).toBe('Net B (2021): 1e+20 → 8e+19 FLOP (−20%)');
  });

  it('keeps two systems of the same name and year apart', () => {
    const twin = { ...b, id: 'b2', parameters: 7 };
    const d = diffRecords([b, twin], [b, { ...twin, parameters: 8 }]);
    expect(d.changed).toEqual([{ name: 'Net B', year: 2021, fields: [{ field: 'parameters', before: '7', after: '8' }] }]);
  });

  it('formats values for people', () => {
    expect(formatValue(null)).toBe('(empty)');
    expect(formatValue(3.14159e23)).toBe('3.142e+23');
    expect(formatValue(0.4)).toBe('0.4');
    expect(escapeMarkdown('A*B_[c]<d>')).toBe('A\\*B\\_\\[c\\]\\<d\\>');
  });
});

describe('the changelog', () => {
  const entry = (date: string) => `## ${date} — epoch-notable\n\nText of ${date}.\n`;

  it('starts with the introduction and keeps entries newest first', () => {
    let text = insertEntry(null, entry('2024-10-01'), '2024-10-01');
    expect(text.startsWith(CHANGELOG_INTRO)).toBe(true);
    text = insertEntry(text, entry('2024-12-01'), '2024-12-01');
    text = insertEntry(text, entry('2024-11-01'), '2024-11-01');
    const dates = [...text.matchAll(/^## (\S+)/gm)].map((m) => m[1]);
    expect(dates).toEqual(['2024-12-01', '2024-11-01', '2024-10-01']);
    expect(text).toBe(`${CHANGELOG_INTRO}\n${entry('2024-12-01')}\n${entry('2024-11-01')}\n${entry('2024-10-01')}`);
  });
});
