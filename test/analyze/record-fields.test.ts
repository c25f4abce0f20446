import { describe, expect, it } from 'vitest';
import { chipCount, chipHours, coresPerChipOf, computeRange, countriesOf, listOf, primaryCountry, sectorOf } from '../../pipeline/analyze/record-fields.ts';
import { hardware, record } from '../helpers/records.ts';

describe('sectorOf', () => {
  it('reads the developers’ kinds (joined by "; " as the records hold them) as one sector', () => {
    expect(sectorOf('Industry')).toBe('industry');
    expect(sectorOf('Academia; Academia')).toBe('academia');
    expect(sectorOf('Academia; Industry; Academia')).toBe('collaboration');
    expect(sectorOf('Academia; Industry; Government')).toBe('collaboration');
    expect(sectorOf('Industry - Academia Collaboration')).toBe('collaboration');
    expect(sectorOf('Industry; Government')).toBe('other');
    expect(sectorOf('Research collective')).toBe('other');
    expect([sectorOf(''), sectorOf(null)]).toEqual([null, null]);
  });
});

describe('countries', () => {
  it('lists distinct countries without "Multinational", and gives one per system', () => {
    expect(listOf('United States of America; United States of America; China')).toEqual(['United States of America', 'China']);
    expect(listOf('Korea (Republic of)')).toEqual(['Korea (Republic of)']);
    expect(countriesOf('Multinational; United Kingdom of Great Britain and Northern Ireland')).toEqual(['United Kingdom of Great Britain and Northern Ireland']);
    expect(primaryCountry('China; China')).toBe('China');
    expect(primaryCountry('United States of America; Canada')).toBe('Several countries');
    expect(primaryCountry('Multinational')).toBe('Multinational');
    expect(primaryCountry('')).toBeNull();
  });
});

describe('chips and chip-hours', () => {
  const cores = coresPerChipOf([hardware({ id: 'google-tpu-v3', coresPerChip: 2 }), hardware()]);

  it('turns a count in TPU cores into chips, and leaves an unknown accelerator’s cores out', () => {
    expect(chipCount(record({ hardwareCount: 512, hardwareCountIsCores: true, hardware: 'google-tpu-v3' }), cores)).toBe(256);
    expect(chipCount(record({ hardwareCount: 64, hardware: 'nvidia-v100' }), cores)).toBe(64);
    expect(chipCount(record({ hardwareCount: 64, hardwareCountIsCores: true, hardware: 'unknown' }), cores)).toBeNull();
    expect(chipCount(record(), cores)).toBeNull();
  });

  it('prefers stated chip-hours, else multiplies chips by hours', () => {
    expect(chipHours(record({ chipHours: 1000, hardwareCount: 8, trainingTimeHours: 10 }), cores)).toEqual({ value: 1000, kind: 'stated' });
    expect(chipHours(record({ hardwareCount: 8, trainingTimeHours: 10 }), cores)).toEqual({ value: 80, kind: 'chips-times-hours' });
    expect(chipHours(record({ hardwareCount: 8 }), cores)).toBeNull();
  });
});

describe('computeRange', () => {
  it('uses the upstream’s stated bounds when both are given, else the value’s range', () => {
    expect(computeRange({ computeBounds: { low: 1e24, high: 4e24 }, flopLow: 5e23, flopHigh: 8e24 })).toEqual([1e24, 4e24]);
    expect(computeRange({ computeBounds: { low: null, high: 4e24 }, flopLow: 5e23, flopHigh: 8e24 })).toEqual([5e23, 8e24]);
    expect(computeRange({ computeBounds: null, flopLow: null, flopHigh: null })).toBeNull();
  });
});
