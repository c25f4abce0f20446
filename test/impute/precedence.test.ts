import { describe, expect, it } from 'vitest';
import { imputeRecord } from '../../pipeline/impute/precedence.ts';
import { impute } from '../../pipeline/stages/impute.ts';
import { hardware, record, shippedAssumptions } from '../helpers/records.ts';

const a = shippedAssumptions();
const hw = new Map([['nvidia-v100', hardware()]]);
const reported = { kind: 'flop' as const, flop: 3.14e23, unit: 'FLOP', text: '3.14e23 FLOP', formula: '3.14e23 FLOP' };
const converted = { kind: 'flop' as const, flop: 3640 * 8.64e19, unit: 'pf/s-days', text: '3640 pf/s-days', formula: '3640 pf/s-days × 8.64e19 FLOP per pf/s-day' };

describe('precedence: reported > converted > operations > hardware', () => {
  const inputs = { parameters: 174.6e9, trainingTokens: 300e9, hardware: 'nvidia-v100', hardwareCount: 10000, trainingTimeHours: 24 * 14.8 };

  it('never replaces a reported value, and audits it against the best estimate', () => {
    const r = imputeRecord(record({ ...inputs, compute: reported }), hw, a);
    expect(r.flop!.flop).toBe(3.14e23);
    expect(r.flop!.method).toBe('reported');
    expect(r.flopLow).toBe(3.14e23);
    expect(r.flopHigh).toBe(3.14e23);
    expect(r.audit!.estimate.method).toBe('operations');
    expect(r.audit!.ratio).toBeCloseTo(3.14e23 / (6 * 174.6e9 * 300e9), 10);
  });

  it('converted values carry the conversion and the ×/÷ 1.2 range', () => {
    const r = imputeRecord(record({ ...inputs, compute: converted }), hw, a);
    expect(r.flop!.method).toBe('converted');
    expect(r.flop!.formula).toBe(converted.formula);
    expect(r.flopLow).toBeCloseTo(converted.flop / 1.2, -10);
    expect(r.flopHigh).toBeCloseTo(converted.flop * 1.2, -10);
  });

  it('operations before hardware, each with its factor', () => {
    const ops = imputeRecord(record(inputs), hw, a);
    expect(ops.flop!.method).toBe('operations');
    expect(ops.flopHigh! / ops.flop!.flop).toBeCloseTo(2, 12);
    expect(ops.audit).toBeNull();
    const hwOnly = imputeRecord(record({ ...inputs, parameters: null }), hw, a);
    expect(hwOnly.flop!.method).toBe('hardware');
    expect(hwOnly.flopHigh! / hwOnly.flop!.flop).toBeCloseTo(3, 12);
  });

  it('third-party compute figures are marked and carry the wider third-party range', () => {
    const r = imputeRecord(
      record({ compute: reported, valueSources: { parameters: null, data: null, compute: 'Epoch AI, Data on Notable AI Models (2024) https://epoch.ai/data/notable-ai-models', hardware: null } }),
      hw,
      a,
    );
    expect(r.flop!.method).toBe('reported');
    expect(r.flop!.assumptions).toEqual(['third-party estimate']);
    expect(r.flop!.source).toContain('Epoch AI');
    expect(r.flopHigh).toBeCloseTo(3.14e23 * a.uncertainty_factor.third_party, -10);
  });

  it('no inputs, no value', () => {
    const r = imputeRecord(record(), hw, a);
    expect(r.flop).toBeNull();
    expect(r.flopLow).toBeNull();
  });

  it('lists disagreements beyond the audit factor in both directions', () => {
    const out = impute(
      [
        record({ id: 'high', ...inputs, compute: { ...reported, flop: 4 * 6 * 174.6e9 * 300e9 } }),
        record({ id: 'low', ...inputs, compute: { ...reported, flop: (6 * 174.6e9 * 300e9) / 4 } }),
        record({ id: 'fine', ...inputs, compute: reported }),
      ],
      [hardware()],
      a,
    );
    expect(out.disagreements.map((d) => d.id)).toEqual(['high', 'low']);
  });
});
