import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_COMPUTE_UNITS, COMPUTE_UNITS, PFS_DAY_FLOP, TFS_DAY_FLOP } from '../../pipeline/values/compute-units.ts';
import { parseCompute, type ParsedCompute } from '../../pipeline/normalize/compute.ts';
import { formatScientific, formatSize } from '../../pipeline/values/format.ts';
import { anyCell, parseErrorOf, returnsOrThrowsParseError, spellingVariant } from './arbitraries.ts';

describe('parseCompute: units converted to FLOP', () => {
  it.each<[string, string, number, string]>([
    ['3.14e23', 'FLOP', 3.14e23, '3.14e23 FLOP'],
    ['3.14 × 10^23', 'FLOPs', 3.14e23, '3.14e23 FLOP'],
    ['314,000,000,000,000,000,000,000', 'flop', 3.14e23, '3.14e23 FLOP'],
    ['3640', 'pf/s-days', 3640 * 8.64e19, '3640 pf/s-days × 8.64e19 FLOP per pf/s-day'],
    ['3,640', 'PF-days', 3640 * 8.64e19, '3640 pf/s-days × 8.64e19 FLOP per pf/s-day'],
    ['1', 'petaflop/s-day', 8.64e19, '1 pf/s-days × 8.64e19 FLOP per pf/s-day'],
    ['0.5', 'pfs-days', 4.32e19, '0.5 pf/s-days × 8.64e19 FLOP per pf/s-day'],
    ['10', 'petaflop-days', 8.64e20, '10 pf/s-days × 8.64e19 FLOP per pf/s-day'],
    ['2', 'tf/s-days', 2 * 8.64e16, '2 tf/s-days × 8.64e16 FLOP per tf/s-day'],
    ['2', 'TF-days', 2 * 8.64e16, '2 tf/s-days × 8.64e16 FLOP per tf/s-day'],
    ['1.5 million', 'teraflop/s-days', 1.5e6 * 8.64e16, '1.5e6 tf/s-days × 8.64e16 FLOP per tf/s-day'],
    ['0', 'FLOP', 0, '0 FLOP'],
  ])('%j %j → %d FLOP', (value, unit, flop, formula) => {
    const result = parseCompute(value, unit);
    expect(result.kind).toBe('flop');
    if (result.kind !== 'flop') return;
    expect(result.flop).toBe(flop);
    expect(result.flop).toBe(result.quantity * result.factor);
    expect(result.formula).toBe(formula);
  });

  it.each<[string, string, number, number, string]>([
    ['1.2e15 × 86400', 'FLOP/s × s', 1.2e15, 86_400, '1.2e15 FLOP/s × 86400 s'],
    ['1.2e15 x 86400', 'FLOP/s x s', 1.2e15, 86_400, '1.2e15 FLOP/s × 86400 s'],
    ['1.2e15*86400', 'flop/s*s', 1.2e15, 86_400, '1.2e15 FLOP/s × 86400 s'],
    ['3 × 10^15 × 3600', 'FLOP/s × s', 3e15, 3600, '3e15 FLOP/s × 3600 s'],
    ['3 × 10^15 × 3.6 × 10^3', 'FLOP/s · s', 3e15, 3600, '3e15 FLOP/s × 3600 s'],
    ['1,000 · 60', 'FLOP/s × seconds', 1000, 60, '1000 FLOP/s × 60 s'],
  ])('%j %j is rate × seconds', (value, unit, rate, seconds, formula) => {
    const result = parseCompute(value, unit);
    expect(result).toEqual({
      kind: 'flop', flop: rate * seconds, quantity: rate * seconds, unit: 'FLOP/s × s', factor: 1,
      flopPerSecond: rate, seconds, formula,
    });
  });
});

describe('parseCompute: accelerator time (not converted)', () => {
  it.each<[string, string, Partial<ParsedCompute>]>([
    ['1000', 'GPU-hours', { quantity: 1000, unit: 'accelerator-hours', hours: 1000, perCore: false, device: 'gpu', formula: '1000 GPU-hours' }],
    ['1000', 'GPU-hour', { hours: 1000, unit: 'accelerator-hours' }],
    ['1,000', 'GPU hours', { hours: 1000, unit: 'accelerator-hours' }],
    ['1000', 'GPU-days', { quantity: 1000, hours: 24_000, formula: '1000 GPU-days × 24 h/day = 24000 accelerator-hours' }],
    ['2.5', 'TPU-core-hours', { hours: 2.5, unit: 'core-hours', perCore: true, device: 'tpu' }],
    ['2.5', 'TPU-core-days', { hours: 60, unit: 'core-hours', perCore: true }],
    ['7', 'TPU-chip-hours', { hours: 7, unit: 'accelerator-hours', perCore: false, device: 'tpu' }],
    ['7', 'chip-hours', { hours: 7, device: 'unspecified' }],
    ['7', 'chip-days', { hours: 168 }],
    ['1.5M', 'accelerator-hours', { quantity: 1.5e6, hours: 1.5e6, formula: '1.5e6 accelerator-hours' }],
  ])('%j %j', (value, unit, expected) => {
    const result = parseCompute(value, unit);
    expect(result.kind).toBe('accelerator-time');
    expect(result).toMatchObject(expected);
  });
});

describe('parseCompute: errors', () => {
  it.each<[string, string, RegExp, 'value' | 'unit']>([
    ['3640', 'pf-s', /Unknown compute unit: "pf-s"/, 'unit'],
    ['3640', 'TPU-hours', /Unknown compute unit/, 'unit'],
    ['3640', 'FLOP/s', /Unknown compute unit/, 'unit'],
    ['3640', '', /Empty compute unit/, 'unit'],
    ['3640', '   ', /Empty compute unit/, 'unit'],
    ['', 'FLOP', /Empty cell/, 'value'],
    ['-5', 'FLOP', /must not be negative/, 'value'],
    ['lots', 'pf/s-days', /Not a count: "lots" \(compute value for unit "pf\/s-days"\)/, 'value'],
    ['1e300', 'pf/s-days', /overflows/, 'value'],
    ['1e308', 'GPU-days', /overflows/, 'value'],
    ['1.2e15', 'FLOP/s × s', /<FLOP\/s> × <seconds>/, 'value'],
    ['1.2e15 × -3', 'FLOP/s × s', /non-negative/, 'value'],
    ['1e200 × 1e200', 'FLOP/s × s', /overflows/, 'value'],
    ['1.2e15 × 86400', 'FLOP', /Not a count/, 'value'],
  ])('%j %j is rejected', (value, unit, message, blamed) => {
    const error = parseErrorOf(() => parseCompute(value, unit));
    expect(error.message).toMatch(message);
    expect(error.text).toBe(blamed === 'unit' ? unit : value);
  });

  it('lists the accepted units in `expected` for an unknown unit', () => {
    const error = parseErrorOf(() => parseCompute('1', 'zettaflops'));
    for (const spelling of ACCEPTED_COMPUTE_UNITS) expect(error.expected).toContain(spelling);
  });
});

describe('parseCompute: properties', () => {
  const spellings = ACCEPTED_COMPUTE_UNITS.filter((s) => !s.startsWith('FLOP/s') && !s.startsWith('FLOPS ×'));
  const info = (s: string) => COMPUTE_UNITS.find((u) => u.spellings.includes(s))!;

  it('formatted quantities in any spelling variant give quantity × factor exactly', () => {
    const quantity = fc.double({ min: 0, max: 1e30, noNaN: true }).filter((q) => !Object.is(q, -0));
    fc.assert(
      fc.property(quantity, fc.constantFrom(...spellings).chain((s) => fc.tuple(fc.constant(s), spellingVariant(s))), fc.boolean(),
        (q, [spelling, variant], asSize) => {
          const result = parseCompute(asSize ? formatSize(q) : formatScientific(q), variant);
          const u = info(spelling);
          expect(result.quantity).toBe(q);
          if (result.kind === 'flop' && u.kind === 'flop') expect(result.flop).toBe(q * u.factor);
          else if (result.kind === 'accelerator-time' && u.kind === 'accelerator-time') expect(result.hours).toBe(q * u.hoursPer);
          else expect.unreachable(`kind mismatch for ${spelling}`);
        }),
      { numRuns: 1000 },
    );
  });

  it('returns a valid result or throws ParseError for any value and unit text', () => {
    const values = ['3640', '3.14e23', '1.2e15 × 86400', '3 × 10^15 × 3600', '1.5M', '-1', ''];
    const units = [...ACCEPTED_COMPUTE_UNITS, 'TPU-hours', ''];
    fc.assert(
      fc.property(anyCell(values), anyCell(units), (value, unit) => {
        returnsOrThrowsParseError(() => parseCompute(value, unit), (r) => {
          if (r.kind === 'flop') {
            expect(Number.isFinite(r.flop) && r.flop >= 0).toBe(true);
            expect(r.formula.length).toBeGreaterThan(0);
          } else {
            expect(Number.isFinite(r.hours) && r.hours >= 0 && Number.isFinite(r.quantity)).toBe(true);
          }
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('PFS_DAY_FLOP / TFS_DAY_FLOP are 1000 apart', () => {
    expect(PFS_DAY_FLOP / TFS_DAY_FLOP).toBe(1000);
  });
});
