import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_COMPUTE_UNITS,
  COMPUTE_UNITS,
  describeComputeUnits,
  lookupComputeUnit,
  PFS_DAY_FLOP,
  TFS_DAY_FLOP,
  unitKey,
} from '../../pipeline/values/compute-units.ts';
import { spellingVariant } from '../normalize/arbitraries.ts';

describe('compute unit table', () => {
  it('has the documented conversion constants', () => {
    expect(PFS_DAY_FLOP).toBe(8.64e19);
    expect(TFS_DAY_FLOP).toBe(8.64e16);
  });

  it('maps every listed spelling back to its own entry (no two entries share a lookup key)', () => {
    // If two entries folded to the same key, the later one would win and this would fail.
    for (const info of COMPUTE_UNITS) {
      for (const spelling of info.spellings) expect(lookupComputeUnit(spelling)).toBe(info);
    }
  });

  it('lists every spelling once in the description used by error messages', () => {
    const text = describeComputeUnits().join('\n');
    for (const spelling of ACCEPTED_COMPUTE_UNITS) expect(text).toContain(spelling);
    expect(describeComputeUnits()).toHaveLength(6);
  });

  it.each<[string, string, number | string]>([
    ['FLOP', 'FLOP', 1],
    ['FLOPs', 'FLOP', 1],
    ['flop', 'FLOP', 1],
    ['pf/s-days', 'pf/s-days', PFS_DAY_FLOP],
    ['pf/s-day', 'pf/s-days', PFS_DAY_FLOP],
    ['PF-days', 'pf/s-days', PFS_DAY_FLOP],
    ['petaflop/s-day', 'pf/s-days', PFS_DAY_FLOP],
    ['petaflop/s-days', 'pf/s-days', PFS_DAY_FLOP],
    ['pfs-days', 'pf/s-days', PFS_DAY_FLOP],
    ['pfs-day', 'pf/s-days', PFS_DAY_FLOP],
    ['petaflop-days', 'pf/s-days', PFS_DAY_FLOP],
    ['petaflops-day', 'pf/s-days', PFS_DAY_FLOP],
    ['PF/s days', 'pf/s-days', PFS_DAY_FLOP],
    ['tf/s-days', 'tf/s-days', TFS_DAY_FLOP],
    ['TF-days', 'tf/s-days', TFS_DAY_FLOP],
    ['teraflop/s-day', 'tf/s-days', TFS_DAY_FLOP],
    ['teraflop/s-days', 'tf/s-days', TFS_DAY_FLOP],
    ['FLOP/s × s', 'FLOP/s × s', 1],
    ['flop/s*s', 'FLOP/s × s', 1],
    ['FLOP/s · s', 'FLOP/s × s', 1],
    ['FLOP/s x s', 'FLOP/s × s', 1],
    ['FLOP/s × seconds', 'FLOP/s × s', 1],
    ['GPU-hours', 'accelerator-hours', 'hours'],
    ['GPU-hour', 'accelerator-hours', 'hours'],
    ['GPU hours', 'accelerator-hours', 'hours'],
    ['gpu_hours', 'accelerator-hours', 'hours'],
    ['GPU-days', 'accelerator-hours', 'days'],
    ['TPU-core-hours', 'core-hours', 'hours'],
    ['TPU core days', 'core-hours', 'days'],
    ['TPU-chip-hours', 'accelerator-hours', 'hours'],
    ['chip-hours', 'accelerator-hours', 'hours'],
    ['chip-days', 'accelerator-hours', 'days'],
    ['accelerator-hours', 'accelerator-hours', 'hours'],
    ['Ｇｐｕ－ｈｏｕｒｓ', 'accelerator-hours', 'hours'], // full-width, folded by NFKC
  ])('reads %j as %s', (spelling, unit, scale) => {
    const info = lookupComputeUnit(spelling);
    expect(info?.unit).toBe(unit);
    if (info?.kind === 'flop') expect(info.factor).toBe(scale);
    if (info?.kind === 'accelerator-time') expect(info.hoursPer).toBe(scale === 'days' ? 24 : 1);
  });

  it('folds case, separators, plurals and multiplication signs', () => {
    expect(unitKey(' PF/s - Days ')).toBe('pf/sday');
    expect(unitKey('FLOPs')).toBe('flop');
    expect(unitKey('FLOP/s x s')).toBe(unitKey('FLOP/s·s'));
  });

  it.each(['', 'FLOP/s', 'PFLOPS', 'TPU-hours', 'TPU-days', 'core-hours', 'GPU', 'days', 'pf', 'flopx', 'constructor', '__proto__'])(
    'does not know %j',
    (spelling) => {
      expect(lookupComputeUnit(spelling)).toBeUndefined();
    },
  );

  it('tolerates case and separator variants of every spelling', () => {
    const spellings = ACCEPTED_COMPUTE_UNITS.filter((s) => !/ x /.test(s));
    fc.assert(
      fc.property(fc.constantFrom(...spellings).chain((s) => fc.tuple(fc.constant(s), spellingVariant(s))), ([spelling, variant]) => {
        expect(lookupComputeUnit(variant)).toBe(lookupComputeUnit(spelling));
      }),
    );
  });
});
