import { describe, expect, it } from 'vitest';
import { computeEstimatedBy, imputeRecord } from '../../pipeline/impute/precedence.ts';
import { PIPELINE_NAME } from '../../pipeline/estimators/pipeline-provenance.ts';
import { impute } from '../../pipeline/stages/impute.ts';
import { PROVENANCE_OF_METHOD } from '../../pipeline/schema/records.ts';
import { hardware, record, shippedAssumptions } from '../helpers/records.ts';

const a = shippedAssumptions();
const hw = new Map([['nvidia-v100', hardware()]]);
const stated = { kind: 'flop' as const, flop: 3.14e23, unit: 'FLOP', text: '3.14e23 FLOP', formula: '3.14e23 FLOP' };
const converted = { kind: 'flop' as const, flop: 3640 * 8.64e19, unit: 'pf/s-days', text: '3640 pf/s-days', formula: '3640 pf/s-days × 8.64e19 FLOP per pf/s-day' };
const EPOCH = 'Epoch AI, Data on Notable AI Models (2024) https://epoch.ai/data/notable-ai-models';
const byEpoch = { computeEstimatedBy: 'Epoch AI', valueSources: { parameters: null, data: null, compute: EPOCH, hardware: null } };

describe('precedence: stated (authors or third party) > operations > hardware', () => {
  const inputs = { parameters: 174.6e9, trainingTokens: 300e9, hardware: 'nvidia-v100', hardwareCount: 10000, trainingTimeHours: 24 * 14.8 };

  it('never replaces a stated value, and audits it against the best estimate', () => {
    const r = imputeRecord(record({ ...inputs, compute: stated }), hw, a);
    expect(r.flop!.flop).toBe(3.14e23);
    expect(r.flop!.method).toBe('stated');
    expect(r.flop!.provenance).toEqual({ kind: 'authors', estimatedBy: null, estimationMethod: null, confidence: null });
    expect(r.flop!.source).toBe('A Test Paper (2020) arXiv:2005.14165');
    expect(r.audit!.estimate.method).toBe('operations');
    expect(r.audit!.estimate.provenance.kind).toBe('pipeline');
    expect(r.audit!.ratio).toBeCloseTo(3.14e23 / (6 * 174.6e9 * 300e9), 10);
  });

  it('a stated value is not exact: it carries the stated factor of assumptions.yaml (conventions move it)', () => {
    expect(a.uncertainty_factor.stated).toBeGreaterThan(1);
    const r = imputeRecord(record({ compute: stated }), hw, a);
    expect(r.flopLow).toBeCloseTo(3.14e23 / a.uncertainty_factor.stated, -10);
    expect(r.flopHigh).toBeCloseTo(3.14e23 * a.uncertainty_factor.stated, -10);
  });

  it('converted values carry the conversion and the converted factor', () => {
    const r = imputeRecord(record({ ...inputs, compute: converted }), hw, a);
    expect(r.flop!.method).toBe('converted');
    expect(r.flop!.provenance.kind).toBe('authors');
    expect(r.flop!.formula).toBe(converted.formula);
    expect(r.flopLow).toBeCloseTo(converted.flop / a.uncertainty_factor.converted, -10);
    expect(r.flopHigh).toBeCloseTo(converted.flop * a.uncertainty_factor.converted, -10);
  });

  it('operations before hardware, each with its factor, signed by the pipeline', () => {
    const ops = imputeRecord(record(inputs), hw, a);
    expect(ops.flop!.method).toBe('operations');
    expect(ops.flop!.provenance).toMatchObject({ kind: 'pipeline', estimatedBy: PIPELINE_NAME });
    expect(ops.flop!.provenance.estimationMethod).toMatch(/operation counting/);
    expect(ops.flopHigh! / ops.flop!.flop).toBeCloseTo(a.uncertainty_factor.operations, 12);
    expect(ops.audit).toBeNull();
    const hwOnly = imputeRecord(record({ ...inputs, parameters: null }), hw, a);
    expect(hwOnly.flop!.method).toBe('hardware');
    expect(hwOnly.flop!.provenance).toMatchObject({ kind: 'pipeline', estimatedBy: PIPELINE_NAME });
    expect(hwOnly.flopHigh! / hwOnly.flop!.flop).toBeCloseTo(a.uncertainty_factor.hardware, 12);
  });

  it('a third party’s estimate is never labelled as the authors’: method third-party, the third party named, its source', () => {
    const r = imputeRecord(record({ compute: stated, ...byEpoch, computeEstimationMethod: 'benchmarks', confidence: 'Speculative' }), hw, a);
    expect(r.flop!.method).toBe('third-party');
    expect(r.flop!.provenance).toEqual({ kind: 'third-party', estimatedBy: 'Epoch AI', estimationMethod: 'benchmarks', confidence: 'Speculative' });
    expect(r.flop!.source).toBe(EPOCH);
    expect(r.flop!.formula).toBe('3.14e23 FLOP as estimated by Epoch AI');
    expect(r.flop!.assumptions).toEqual([]);
    expect(r.flopHigh).toBeCloseTo(3.14e23 * a.uncertainty_factor.third_party, -10);
  });

  it('a third-party estimate is at least as uncertain as the method it names, and as a conversion', () => {
    const byHardware = imputeRecord(record({ compute: stated, ...byEpoch, computeEstimationMethod: 'hardware' }), hw, a);
    expect(byHardware.flopHigh! / 3.14e23).toBeCloseTo(Math.max(a.uncertainty_factor.third_party, a.uncertainty_factor.hardware), 12);
    const upstreamWording = imputeRecord(record({ compute: stated, ...byEpoch, computeEstimationMethod: 'Operation counting' }), hw, a);
    expect(upstreamWording.flopHigh! / 3.14e23).toBeCloseTo(Math.max(a.uncertainty_factor.third_party, a.uncertainty_factor.operations), 12);
    const openAi = imputeRecord(record({ compute: converted, computeEstimatedBy: 'OpenAI', valueSources: { parameters: null, data: null, compute: 'AI and Compute (2018) https://openai.com/index/ai-and-compute/', hardware: null } }), hw, a);
    expect(openAi.flop!.method).toBe('third-party');
    expect(openAi.flop!.formula).toBe(`${converted.formula}, as estimated by OpenAI`);
    expect(openAi.flopHigh! / openAi.flop!.flop).toBeCloseTo(Math.max(a.uncertainty_factor.third_party, a.uncertainty_factor.converted), 12);
  });

  it('a value the authors state in a later publication (compute_source set, no third party) stays the authors’', () => {
    const later = 'Carbon Emissions and Large Neural Network Training (2021) arXiv:2104.10350';
    const r = imputeRecord(record({ compute: stated, valueSources: { parameters: null, data: null, compute: later, hardware: null } }), hw, a);
    expect(r.flop!.method).toBe('stated');
    expect(r.flop!.provenance.kind).toBe('authors');
    expect(r.flop!.source).toBe(later);
  });

  it('every value of an external export is its publisher’s, with the upstream method and confidence', () => {
    const upstream = record({ compute: stated, origin: { file: 'notable.csv', line: 5, dataset: 'epoch', exportDate: '2024-12-06' }, confidence: 'Likely', computeEstimationMethod: 'Hardware' });
    expect(computeEstimatedBy(upstream)).toBe('Epoch AI');
    const r = imputeRecord(upstream, hw, a);
    expect(r.flop!.method).toBe('third-party');
    expect(r.flop!.provenance).toEqual({ kind: 'third-party', estimatedBy: 'Epoch AI', estimationMethod: 'Hardware', confidence: 'Likely' });
    expect(r.flopHigh! / 3.14e23).toBeCloseTo(a.uncertainty_factor.hardware, 12);
  });

  it('the method says who: each method belongs to one provenance kind', () => {
    const records = [
      record({ compute: stated }),
      record({ compute: converted }),
      record({ compute: stated, ...byEpoch }),
      record(inputs),
      record({ ...inputs, parameters: null }),
    ].map((r) => imputeRecord(r, hw, a));
    expect(records.map((r) => r.flop!.method)).toEqual(['stated', 'converted', 'third-party', 'operations', 'hardware']);
    for (const r of records) expect(r.flop!.provenance.kind).toBe(PROVENANCE_OF_METHOD[r.flop!.method]);
  });

  it('no inputs, no value', () => {
    const r = imputeRecord(record(), hw, a);
    expect(r.flop).toBeNull();
    expect(r.flopLow).toBeNull();
  });

  it('lists disagreements beyond the audit factor in both directions', () => {
    const out = impute(
      [
        record({ id: 'high', ...inputs, compute: { ...stated, flop: 4 * 6 * 174.6e9 * 300e9 } }),
        record({ id: 'low', ...inputs, compute: { ...stated, flop: (6 * 174.6e9 * 300e9) / 4 } }),
        record({ id: 'fine', ...inputs, compute: stated }),
      ],
      [hardware()],
      a,
    );
    expect(out.disagreements.map((d) => d.id)).toEqual(['high', 'low']);
  });
});
