/** Builders for test records: a NormalizedRecord with every field empty unless given. */
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { assumptionsSchema, type Assumptions } from '../../pipeline/ingest/assumptions.ts';
import type { HardwareSpec, NormalizedRecord } from '../../pipeline/schema/records.ts';

/** A record's fields that only an upstream export states, for a test record that has none of them
 * (normalizeCuratedRow writes them out the same way: the record type makes both list every one). */
export const NO_UPSTREAM_FIELDS = {
  organizationCategory: null,
  country: null,
  openWeights: null,
  accessibility: null,
  chipHours: null,
  utilizationHfu: null,
  trainingCost: null,
  trainingCostUpfront: null,
  hardwareAcquisitionCost: null,
  powerDrawWatts: null,
  computeBounds: null,
  possiblyOver1e23: null,
  frontierModel: null,
  upstreamTwin: null,
} as const;

export function record(overrides: Partial<NormalizedRecord> = {}): NormalizedRecord {
  return {
    id: 'test-system',
    name: 'Test System',
    organization: 'Test Lab',
    domain: 'language',
    architecture: 'transformer',
    publicationDate: '2020-05-28',
    datePrecision: 'day',
    year: 2020.4071,
    parameters: null,
    activeParameters: null,
    trainingTokens: null,
    datasetSize: null,
    datasetUnit: null,
    epochs: null,
    compute: null,
    hardware: null,
    hardwareCount: null,
    hardwareCountIsCores: false,
    trainingTimeHours: null,
    precision: null,
    utilization: null,
    citation: { title: 'A Test Paper', year: 2020, link: 'arXiv:2005.14165' },
    valueSources: { parameters: null, data: null, compute: null, hardware: null },
    computeEstimatedBy: null,
    computeEstimationMethod: null,
    confidence: null,
    notes: '',
    origin: { file: 'data/raw/models.csv', line: 2, dataset: 'curated', exportDate: null },
    ...NO_UPSTREAM_FIELDS,
    ...overrides,
  };
}

/** The shipped assumptions file, so tests check the defaults users get. */
export function shippedAssumptions(): Assumptions {
  return assumptionsSchema.parse(parse(readFileSync(new URL('../../data/raw/assumptions.yaml', import.meta.url), 'utf8')));
}

export function hardware(overrides: Partial<HardwareSpec> = {}): HardwareSpec {
  return {
    id: 'nvidia-v100',
    name: 'NVIDIA V100 SXM2',
    vendor: 'NVIDIA',
    kind: 'gpu',
    releaseDate: '2017-05',
    coresPerChip: 1,
    peak: { fp32: 1.57e13, fp16: 1.25e14 },
    defaultPrecision: 'fp16',
    citation: 'NVIDIA V100 datasheet (2017) https://example.org',
    ...overrides,
  };
}
