import { describe, expect, it } from 'vitest';
import { hardwareEstimate, utilizationFor } from '../../pipeline/estimators/hardware-time.ts';
import { hardware, record, shippedAssumptions } from '../helpers/records.ts';

const a = shippedAssumptions();
const tpu = hardware({ id: 'google-tpu-v3', name: 'Google TPU v3', kind: 'tpu', coresPerChip: 2, peak: { bf16: 1.23e14 }, defaultPrecision: 'bf16' });
const hw = new Map([
  ['nvidia-v100', hardware()],
  ['google-tpu-v3', tpu],
]);

describe('hardware method, C = chips × time × peak × utilization', () => {
  it('XLNet-Large as recorded: 512 TPU v3 chips × 5.5 days at bf16 peak × 0.3 (language default)', () => {
    const r = record({ hardware: 'google-tpu-v3', hardwareCount: 512, trainingTimeHours: 5.5 * 24 });
    const e = hardwareEstimate(r, hw, a)!;
    // By hand: 512 × 132 h = 67,584 chip-hours = 243,302,400 chip-seconds; × 1.23e14 = 2.99262e22; × 0.3 = 8.97786e21.
    expect(e.flop).toBeCloseTo(8.97786e21, -16);
    expect(e.method).toBe('hardware');
    expect(e.assumptions).toEqual(['precision bf16 (typical for Google TPU v3)', 'utilization 0.3 (default for language)']);
  });

  it('turns TPU core counts and core-hours into chips', () => {
    const cores = record({ hardware: 'google-tpu-v3', hardwareCount: 1024, hardwareCountIsCores: true, trainingTimeHours: 10 });
    expect(hardwareEstimate(cores, hw, a)!.flop).toBeCloseTo(512 * 10 * 3600 * 1.23e14 * 0.3, -10);
    const coreHours = record({ hardware: 'google-tpu-v3', compute: { kind: 'accelerator-time', hours: 2000, perCore: true, unit: 'core-hours', text: '2000 TPU-core-hours' } });
    expect(hardwareEstimate(coreHours, hw, a)!.flop).toBeCloseTo(1000 * 3600 * 1.23e14 * 0.3, -10);
  });

  it('uses reported GPU-hours, the record precision and a reported utilization', () => {
    const r = record({
      domain: 'vision',
      hardware: 'nvidia-v100',
      precision: 'fp32',
      utilization: 0.5,
      compute: { kind: 'accelerator-time', hours: 1000, perCore: false, unit: 'accelerator-hours', text: '1000 GPU-hours' },
    });
    const e = hardwareEstimate(r, hw, a)!;
    expect(e.flop).toBeCloseTo(1000 * 3600 * 1.57e13 * 0.5, -8);
    expect(e.assumptions).toEqual([]);
  });

  it('falls back to the default precision when the chip has no peak at the stated one', () => {
    const r = record({ hardware: 'nvidia-v100', precision: 'bf16', hardwareCount: 8, trainingTimeHours: 1 });
    const e = hardwareEstimate(r, hw, a)!;
    expect(e.flop).toBeCloseTo(8 * 3600 * 1.25e14 * 0.3, -6);
    expect(e.assumptions[0]).toBe('no bf16 peak for NVIDIA V100 SXM2: fp16 used');
  });

  it('utilization: record, then domain default, then global default', () => {
    expect(utilizationFor(record({ utilization: 0.46 }), a).value).toBe(0.46);
    expect(utilizationFor(record({ domain: 'language' }), a).value).toBe(0.3);
    expect(utilizationFor(record({ domain: 'vision' }), a).value).toBe(0.4);
  });

  it('needs both count and time, or accelerator time, and a known accelerator', () => {
    expect(hardwareEstimate(record({ hardware: 'nvidia-v100', hardwareCount: 8 }), hw, a)).toBeNull();
    expect(hardwareEstimate(record({ hardware: 'unknown', hardwareCount: 8, trainingTimeHours: 2 }), hw, a)).toBeNull();
  });
});
