import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isExternalExport, mapEpochExport } from '../../pipeline/adapters/epoch.ts';
import { mapEpochDomain } from '../../pipeline/adapters/epoch-columns.ts';
import { parseCsvBytes, readCsvFile } from '../../pipeline/io/csv-reader.ts';
import { messages } from '../../pipeline/messages.ts';
import { mergeRecords } from '../../pipeline/normalize/merge.ts';
import { record } from '../helpers/records.ts';

const fixture = new URL('../fixtures/epoch/notable-small.csv', import.meta.url);
const hw = new Set(['nvidia-v100', 'google-tpu-v3']);

describe('Epoch AI adapter (fixture)', () => {
  const table = readCsvFile(fixture.pathname, 'epoch.csv');
  const mapped = mapEpochExport(table, hw, '2026-11-24');

  it('recognizes exports with either first-column name', () => {
    expect(isExternalExport(table.header)).toBe(true);
    expect(isExternalExport(['System', 'Publication date', 'Training compute (FLOP)'])).toBe(true);
    expect(isExternalExport(['id', 'name'])).toBe(false);
  });

  it('maps rows onto the canonical schema with the export as provenance', () => {
    const gpt3 = mapped.records[0];
    expect(gpt3).toMatchObject({
      id: 'epoch-gpt-3-175b-davinci',
      name: 'GPT-3 175B (davinci)',
      domain: 'language',
      publicationDate: '2020-05-28',
      parameters: 175e9,
      hardware: 'nvidia-v100',
      hardwareCount: 10000,
      origin: { file: 'epoch.csv', line: 2, dataset: 'epoch', exportDate: null },
    });
    expect(gpt3.compute).toMatchObject({ kind: 'flop', flop: 3.14e23 });
    expect(gpt3.valueSources.compute).toContain('Epoch AI');
    const toy = mapped.records[1];
    expect(toy).toMatchObject({ domain: 'vision', organization: 'Lab A; Lab B', datePrecision: 'month', epochs: 90, utilization: 0.4, trainingTimeHours: 48 });
    expect(toy.origin.line).toBe(4); // the GPT-3 row spans lines 2–3 (a quoted newline)
  });

  it('drops rows without a name or a readable date, and says why', () => {
    expect(mapped.dropped.map((d) => d.line)).toEqual([5, 6]);
    expect(mapped.dropped[1].reason).toBe(messages.requiredCell('name'));
  });

  it('keeps odd rows, dropping only the unreadable values with located warnings', () => {
    const odd = mapped.records.find((r) => r.name === 'Odd Values')!;
    expect(odd.parameters).toBeNull();
    expect(odd.compute).toBeNull();
    expect(odd.hardware).toBeNull();
    expect(odd.notes).toBe('hardware "Mystery Chip 9000" not in hardware.csv');
    const lines = mapped.warnings.filter((w) => w.line === 7).map((w) => w.columnName);
    expect(lines.sort()).toEqual(['Parameters', 'Training compute (FLOP)']);
  });

  it('checks the hardware text like any free text: a control character drops it, with a located warning, before it reaches the notes', () => {
    const header = 'System,Publication date,Training compute (FLOP),Training hardware';
    const csv = `${header}\nBell Model,2020-01-01,1e20,"Chip\u0007 9000"\nPlain Model,2020-01-01,1e20,Chip  9000\n`;
    const result = mapEpochExport(parseCsvBytes(Buffer.from(csv), 'bell.csv'), hw, '2026-11-24');
    const [bell, plain] = result.records;
    expect(bell.hardware).toBeNull();
    expect(bell.notes).toBe('');
    const warning = result.warnings.find((w) => w.line === 2);
    expect(warning?.columnName).toBe('Training hardware');
    expect(warning?.message).toMatch(/control character.*; value dropped$/);
    expect(plain.notes).toBe('hardware "Chip 9000" not in hardware.csv');
  });

  it('lists unknown columns once', () => {
    expect(mapped.warnings[0].message).toBe(messages.ignoredColumns('epoch.csv', ['Brand new column']));
  });

  it('maps domains: several distinct ones including language are multimodal', () => {
    expect(mapEpochDomain('Language')).toBe('language');
    expect(mapEpochDomain('Language,Vision')).toBe('multimodal');
    expect(mapEpochDomain('Biology')).toBe('other');
    expect(mapEpochDomain('')).toBe('other');
  });
});

describe('merging curated and external records', () => {
  const table = parseCsvBytes(readFileSync(fixture), 'epoch.csv');
  const mapped = mapEpochExport(table, hw, '2026-11-24');
  const exports = [{ file: 'epoch.csv', rows: table.rows.length, records: mapped.records, dropped: mapped.dropped }];

  it('keeps one row per system (name + year), curated values winning, and accounts for every row', () => {
    const curated = [
      record({ id: 'gpt-3-175b', name: 'GPT-3 175B (davinci)', organization: 'OpenAI', publicationDate: '2020-05-28', compute: { kind: 'flop', flop: 1e24, unit: 'FLOP', text: '1e24 FLOP', formula: '' } }),
    ];
    const { records, plan } = mergeRecords(curated, exports);
    expect(plan.total).toEqual({ in: 5, matched: 1, added: 2, dropped: 2 });
    expect(records.filter((r) => r.name === 'GPT-3 175B (davinci)')).toHaveLength(1);
    const gpt3 = records.find((r) => r.name === 'GPT-3 175B (davinci)')!;
    expect(gpt3.id).toBe('gpt-3-175b');
    expect(gpt3.compute).toMatchObject({ flop: 1e24 });
    expect(gpt3.upstreamTwin).toMatchObject({ file: 'epoch.csv', line: 2, rule: 'name+year' });
    expect(plan.rows.find((r) => r.line === 2)).toMatchObject({ outcome: 'matched', id: 'gpt-3-175b', curatedFlop: 1e24, upstreamFlop: 3.14e23 });
  });
});

const shared = resolve(import.meta.dirname, '../../../shared/data/epoch');
describe.skipIf(!existsSync(shared))('Epoch AI adapter on the real exports (../shared)', () => {
  it.each(['notable_ai_models-2024-10.csv', 'notable_ai_models-2024-12.csv'])('maps %s', (file) => {
    const table = readCsvFile(resolve(shared, file), file);
    expect(isExternalExport(table.header)).toBe(true);
    const mapped = mapEpochExport(table, hw, '2026-11-24');
    expect(mapped.records.length + mapped.dropped.length).toBe(table.rows.length);
    expect(mapped.records.filter((r) => r.compute !== null).length).toBe(file.includes('2024-10') ? 422 : 443);
    expect(new Set(mapped.records.map((r) => r.id)).size).toBe(mapped.records.length);
    // No column of the real exports goes unread without being known.
    expect(mapped.warnings.filter((w) => w.line === 1)).toEqual([]);
  });
});
