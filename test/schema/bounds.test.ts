/**
 * The plausibility bounds (pipeline/schema/bounds.ts): each is a sound range with a reason, and
 * data/raw/README.md documents exactly these (its table is generated from them).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundsMarkdown, formatLimit, judge } from '../../pipeline/ingest/plausibility.ts';
import { BOUND_USES, BOUNDS, type Bound, type BoundName } from '../../pipeline/schema/bounds.ts';
import { EPOCH_COLUMNS, type EpochColumn } from '../../pipeline/adapters/epoch-columns.ts';

const root = resolve(import.meta.dirname, '../..');

describe('the plausibility bounds', () => {
  it.each(Object.keys(BOUNDS) as BoundName[])('%s: min < warnMin ≤ warnMax < max, with a reason and a documented use', (name) => {
    const b: Bound = BOUNDS[name];
    expect(b.min).toBeLessThan(b.max);
    expect(b.warnMin ?? b.min).toBeGreaterThanOrEqual(b.min);
    expect(b.warnMax ?? b.max).toBeLessThanOrEqual(b.max);
    expect((b.warnMin ?? b.min) <= (b.warnMax ?? b.max)).toBe(true);
    expect(b.reason.length).toBeGreaterThan(40);
    expect(BOUND_USES[name]).toBeTruthy();
    // The ends are possible; just past them is an error; NaN and infinities never pass.
    expect(judge(name, b.min, 'x')?.level).not.toBe('error');
    expect(judge(name, b.max, 'x')?.level).not.toBe('error');
    expect(judge(name, b.min - Math.abs(b.min) * 0.5 - 1e-9, 'x')?.level).toBe('error');
    expect(judge(name, b.max * 2, 'x')?.level).toBe('error');
    for (const v of [NaN, Infinity, -Infinity]) expect(judge(name, v, 'x')?.level).toBe('error');
  });

  it('cover every numeric column of an upstream export (the column map declares each one its bound)', () => {
    const numeric = Object.entries(EPOCH_COLUMNS as Record<string, EpochColumn>).filter(([, c]) => c.kind === 'number' || c.kind === 'fraction');
    expect(numeric.length).toBeGreaterThanOrEqual(18);
    for (const [field, c] of numeric) {
      expect(c.bound, field).toBeDefined();
      // Every name it has had is in the documented use of its bound (or of the bound's own column).
      expect(BOUND_USES[c.bound!], field).toMatch(/Epoch `/);
    }
    expect(Object.values(EPOCH_COLUMNS as Record<string, EpochColumn>).filter((c) => c.kind === 'text' || c.kind === 'boolean').every((c) => c.bound === undefined)).toBe(true);
  });

  it('are documented in data/raw/README.md exactly as defined', () => {
    const readme = readFileSync(join(root, 'data/raw/README.md'), 'utf8');
    const table = /<!-- bounds:start -->\n([\s\S]*?)\n<!-- bounds:end -->/.exec(readme)?.[1];
    expect(table).toBe(boundsMarkdown());
  });

  it('format limits and values compactly', () => {
    expect([1e29, 0.01, 87_600, 191_400, 1 / 3600, 0.005, 4.86e32, -10_000, 1e7].map(formatLimit)).toEqual(['1e29', '0.01', '87,600', '191,400', '2.778e-4', '5e-3', '4.86e32', '-10,000', '1e7']);
  });
});
