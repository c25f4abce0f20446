import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isExternalExport, mapEpochExport } from '../../pipeline/adapters/epoch.ts';
import { mapEpochDomain } from '../../pipeline/adapters/epoch-columns.ts';
import { parseCsvBytes, readCsvFile } from '../../pipeline/io/csv-reader.ts';
import { messages } from '../../pipeline/messages.ts';
import { curatedIdentity, planMerge } from '../../pipeline/normalize/merge.ts';
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
      id: 'epoch-gpt3175bdavinci',
      name: 'GPT-3 175B (davinci)',
      domain: 'language',
      publicationDate: '2020-05-28',
      parameters: 175e9,
      hardware: 'nvidia-v100',
      hardwareCount: 10000,
      origin: { file: 'epoch.csv', line: 2, dataset: 'epoch' },
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
  const external = mapEpochExport(table, hw, '2026-11-24').records;

  it('plans one row per system (name + year): the curated record is the twin of its upstream row, and FLOP disagreements over 2× are reported', () => {
    const curated = [
      record({ id: 'gpt-3-175b', name: 'GPT-3 175B (davinci)', publicationDate: '2020-05-28', compute: { kind: 'flop', flop: 1e24, unit: 'FLOP', text: '1e24 FLOP', formula: '' } }),
    ];
    const plan = planMerge(curated.map(curatedIdentity), external);
    expect(plan.matched).toBe(1);
    expect(plan.added).toBe(external.length - 1);
    const twin = external.findIndex((r) => r.name === 'GPT-3 175B (davinci)');
    expect(plan.decisions[twin]).toEqual({ kind: 'matched', curatedId: 'gpt-3-175b' });
    expect(plan.decisions.filter((d) => d.kind === 'added')).toHaveLength(external.length - 1);
    expect(plan.disagreements).toEqual([expect.objectContaining({ id: 'gpt-3-175b', curatedFlop: 1e24, externalFlop: 3.14e23, externalLine: 2 })]);
  });

  it('adds the first upstream row of a system and drops a later one of the same system, saying why', () => {
    const twice = [external[0], { ...external[0], id: `${external[0].id}-again` }];
    const plan = planMerge([], twice);
    expect(plan.decisions.map((d) => d.kind)).toEqual(['added', 'dropped']);
    expect(plan.added).toBe(1);
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
  });
});
