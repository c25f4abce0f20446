/**
 * Every layout of Epoch AI's exports, 2022 to today, read through the one column map: each rename
 * of the map is read from a hand-made fixture of made-up systems (test/fixtures/epoch/layout-*.csv).
 */
import { describe, expect, it } from 'vitest';
import { exportDateOf, isExternalExport, mapEpochExport, openWeightsFromAccessibility } from '../../pipeline/adapters/epoch.ts';
import { EPOCH_COLUMNS, EPOCH_KNOWN_UNUSED, epochSource, mapEpochPrecision, resolveColumns } from '../../pipeline/adapters/epoch-columns.ts';
import { readCsvFile } from '../../pipeline/io/csv-reader.ts';
import { messages } from '../../pipeline/messages.ts';
import type { NormalizedRecord } from '../../pipeline/schema/records.ts';

const hw = new Set(['nvidia-a100', 'nvidia-h100', 'google-tpu-v4']);
function layout(name: string, file = `snapshots/epoch-notable/2024-12-06.csv`) {
  const table = readCsvFile(new URL(`../fixtures/epoch/${name}`, import.meta.url).pathname, file);
  const mapped = mapEpochExport(table, hw, '2026-11-24');
  const byName = (n: string): NormalizedRecord => {
    const r = mapped.records.find((x) => x.name === n);
    if (!r) throw new Error(`no record ${n}`);
    return r;
  };
  return { table, mapped, byName };
}

describe('the column map', () => {
  it('lists every Epoch name once, and no known-unused name among the read ones', () => {
    const names = Object.values(EPOCH_COLUMNS).flatMap((c) => c.names);
    expect(new Set(names).size).toBe(names.length);
    for (const n of EPOCH_KNOWN_UNUSED) expect(names).not.toContain(n);
  });

  it('compares header names with case and spacing ignored, the first listed name winning', () => {
    const { index, unknown } = resolveColumns(['model', 'SYSTEM', 'Publication  date', 'Training compute (FLOPs)', 'Mystery']);
    expect(index.get('name')).toBe(0);
    expect(index.get('publicationDate')).toBe(2);
    expect(index.get('compute')).toBe(3);
    expect(unknown).toEqual(['Mystery']);
  });

  it('reads the export date from a snapshot path or a file name', () => {
    expect(exportDateOf('data/raw/snapshots/epoch-notable/2024-12-06.csv')).toBe('2024-12-06');
    expect(exportDateOf('my-records/notable_ai_models-2024-10.csv')).toBe('2024-10');
    expect(exportDateOf('my-records/epoch.csv')).toBeNull();
    expect(epochSource('2024-12-06')).toBe('Epoch AI, Notable AI Models (export 2024-12-06) https://epoch.ai/data/notable-ai-models');
  });

  it('maps numerical formats to precisions, the first of a list', () => {
    expect(mapEpochPrecision('BF16')).toBe('bf16');
    expect(mapEpochPrecision('FP16, FP32')).toBe('fp16');
    expect(mapEpochPrecision('TF32')).toBe('tf32');
    expect(mapEpochPrecision('INT4')).toBeNull();
  });
});

describe('2022 layout (System, Organization(s), Training compute (FLOPs), Country (from Organization))', () => {
  const { table, mapped, byName } = layout('layout-2022.csv', 'my-records/epoch-2022-style.csv');

  it('is recognized as an export and every row becomes a record', () => {
    expect(isExternalExport(table.header)).toBe(true);
    expect(mapped.records).toHaveLength(3);
    expect(mapped.dropped).toEqual([]);
  });

  it('reads the 2022 names and the undivided columns', () => {
    const z = byName('Zorblax-1');
    expect(z).toMatchObject({
      organization: 'Fictional Lab',
      organizationCategory: 'Industry',
      country: 'Atlantis',
      parameters: 1.3e9,
      epochs: 2,
      trainingTimeHours: 240,
      hardware: 'nvidia-a100',
      hardwareCount: 64,
      utilization: 0.41,
      utilizationHfu: null,
      trainingCost: { value: 15000, basis: '2023-usd' },
      trainingCostUpfront: null,
      confidence: 'Likely',
      accessibility: 'Open weights (unrestricted)',
      openWeights: true,
      // Language "datapoints" are words (see LANGUAGE_DATASET_UNITS).
      datasetSize: 1.5e11,
      datasetUnit: 'words',
      trainingTokens: null,
      // Columns this layout lacks are null, not false.
      frontierModel: null,
      possiblyOver1e23: null,
      computeBounds: null,
      computeEstimationMethod: null,
    });
    expect(z.compute).toMatchObject({ kind: 'flop', flop: 7.8e21 });
    expect(z.origin).toEqual({ file: 'my-records/epoch-2022-style.csv', line: 2, dataset: 'epoch', exportDate: null });
    expect(z.valueSources.compute).toBe(epochSource(null));
  });

  it('keeps systems that differ by a decimal point apart, with distinct ids', () => {
    expect(byName('Quuxnet 1.3B').id).toBe('epoch-quuxnet-1.3b');
    expect(byName('Quuxnet 13B').id).toBe('epoch-quuxnet-13b');
    expect(byName('Quuxnet 13B')).toMatchObject({ organization: 'Imaginary University; Fictional Lab', country: 'Utopia; Atlantis', openWeights: false });
  });

  it('knows the 2022 columns it does not read (Task, Inference compute, Approach): nothing is reported', () => {
    expect(mapped.warnings).toEqual([]);
  });
});

describe('2024-10 layout (System, Country (from Organization), Hardware utilization, 2023 USD cost)', () => {
  const { mapped, byName } = layout('layout-2024-10.csv');

  it('reads every row once: an exact copy is dropped as a duplicate of its first line', () => {
    expect(mapped.records.map((r) => r.name)).toEqual(['Frobnicator R', 'Frobnicator R+', 'Odyssey 1.2B', 'Odyssey 12B']);
    expect(mapped.dropped).toEqual([{ line: 7, reason: messages.duplicateUpstreamRow(6) }]);
  });

  it('keeps Command-R-style names apart: "+" is part of the name', () => {
    expect(byName('Frobnicator R').id).toBe('epoch-frobnicator-r');
    expect(byName('Frobnicator R+').id).toBe('epoch-frobnicator-r-plus');
    expect(byName('Odyssey 1.2B').id).not.toBe(byName('Odyssey 12B').id);
  });

  it('reads the frontier flag, power draw, cost and utilization; the snapshot date is the export date', () => {
    const f = byName('Frobnicator R');
    expect(f).toMatchObject({
      frontierModel: true,
      powerDrawWatts: 3e6,
      trainingCost: { value: 2.5e6, basis: '2023-usd' },
      utilization: 0.38,
      hardware: 'nvidia-h100',
      accessibility: 'Open weights (non-commercial)',
      openWeights: true,
      origin: { exportDate: '2024-12-06' },
    });
    expect(f.valueSources.compute).toBe('Epoch AI, Notable AI Models (export 2024-12-06) https://epoch.ai/data/notable-ai-models');
    // An empty checkbox in a layout that has the column is false.
    expect(byName('Odyssey 1.2B').frontierModel).toBe(false);
    expect(byName('Odyssey 1.2B')).toMatchObject({ domain: 'vision', datasetSize: 1e9, datasetUnit: null, hardware: 'google-tpu-v4' });
  });
});

describe('2024-12 layout (Model, Model accessibility beside code accessibility)', () => {
  const { table, mapped, byName } = layout('layout-2024-12.csv');

  it('reads the renamed first column and the accessibility', () => {
    expect(isExternalExport(table.header)).toBe(true);
    expect(byName('Frobnicator R').accessibility).toBe('Open weights (non-commercial)');
    expect(byName('Plonk Vision')).toMatchObject({ domain: 'vision', organization: 'Imaginary University; Fictional Lab', organizationCategory: 'Academia; Industry', accessibility: 'Hosted access (no API)', openWeights: false, datePrecision: 'month' });
    expect(mapped.warnings).toEqual([]);
  });
});

describe('2025 layout (every split and new column)', () => {
  const { mapped, byName } = layout('layout-2025.csv', 'data/raw/snapshots/epoch-notable/2025-06-01.csv');
  const b = byName('Blorptron 2');

  it('reads Country (of organization), the bounds, the estimation method, chip-hours and the numerical format', () => {
    expect(b).toMatchObject({
      organization: 'Fictional Lab; Other Fictional Lab',
      organizationCategory: 'Industry',
      country: 'Atlantis',
      computeBounds: { low: 4e24, high: 1.6e25 },
      computeEstimationMethod: 'Operation counting',
      chipHours: 1.2e7,
      precision: 'bf16',
      confidence: 'Confident',
      origin: { exportDate: '2025-06-01' },
    });
  });

  it('reads the dataset size as total (tokens) and gradients (training tokens) for a language model', () => {
    expect(b).toMatchObject({ datasetSize: 1.5e13, datasetUnit: 'tokens', trainingTokens: 2e13, epochs: 1.33 });
  });

  it('reads utilization as MFU and HFU', () => {
    expect(b).toMatchObject({ utilization: 0.42, utilizationHfu: 0.55 });
  });

  it('reads cost on the cloud basis, the upfront cost beside it, and the hardware acquisition cost, never mixed', () => {
    expect(b).toMatchObject({ trainingCost: { value: 6e7, basis: 'cloud' }, trainingCostUpfront: 1.5e8, hardwareAcquisitionCost: 9e8, powerDrawWatts: 1.1e7 });
  });

  it('reads Open model weights? beside Model accessibility, and the flags', () => {
    expect(b).toMatchObject({ accessibility: 'Open weights (restricted use)', openWeights: true, frontierModel: true, possiblyOver1e23: false });
    // The stated answer wins over the accessibility text.
    expect(byName('Blorptron 2 Mini')).toMatchObject({ openWeights: false, possiblyOver1e23: true, compute: null, computeBounds: null });
  });

  it('drops bounds that do not bracket the value, with a located warning', () => {
    const s = byName('Squonk-V');
    expect(s.computeBounds).toBeNull();
    expect(s.compute).toMatchObject({ flop: 3e22 });
    expect(s.precision).toBe('fp16');
    const w = mapped.warnings.find((x) => x.line === 4)!;
    expect(w).toMatchObject({ column: 15, columnName: 'Training compute lower bound', message: messages.boundsDoNotBracket(3e22) });
  });

  it('reports the unknown column once, by name; Post-training compute is known', () => {
    expect(mapped.warnings.filter((w) => w.line === 1)).toEqual([{ file: 'data/raw/snapshots/epoch-notable/2025-06-01.csv', line: 1, message: messages.ignoredColumns('data/raw/snapshots/epoch-notable/2025-06-01.csv', ['Brand new column']) }]);
  });
});

describe('all-models layout (fewer columns, rows that are not notable)', () => {
  const { mapped, byName } = layout('layout-all-models.csv');

  it('keeps sizes that differ by a digit or a number boundary apart', () => {
    const ids = mapped.records.map((r) => r.id);
    expect(ids).toEqual(['epoch-gizmo-1.3b', 'epoch-gizmo-13b', 'epoch-gizmo-2-9b', 'epoch-gizmo-29b', 'epoch-tiny-unnotable-net']);
  });

  it('reads gradients as training tokens without a total, and an upfront cost alone on its basis', () => {
    expect(byName('Gizmo 13B')).toMatchObject({ trainingTokens: 3e11, datasetSize: null, openWeights: true, computeEstimationMethod: 'Operation counting', frontierModel: false });
    expect(byName('Tiny Unnotable Net')).toMatchObject({ datasetSize: 5000, datasetUnit: null, trainingTokens: null, trainingCost: { value: 40, basis: 'upfront' }, trainingCostUpfront: 40 });
  });
});

describe('openWeightsFromAccessibility', () => {
  it('reads open weights from either wording Epoch AI has used, closed from the others, unknown otherwise', () => {
    expect(openWeightsFromAccessibility('Open weights (non-commercial)')).toBe(true);
    // Epoch AI's 2024-10 export wrote the same as "Open access (…)" (145 + 41 + 22 of its rows).
    expect(openWeightsFromAccessibility('Open access (restricted use)')).toBe(true);
    expect(openWeightsFromAccessibility('API access')).toBe(false);
    expect(openWeightsFromAccessibility('Unreleased')).toBe(false);
    expect(openWeightsFromAccessibility('Hosted access (no API)')).toBe(false);
    expect(openWeightsFromAccessibility('Something else')).toBeNull();
  });
});
