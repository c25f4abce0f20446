/**
 * Integration: the two real Epoch AI exports in ../shared (not part of the project; skipped when
 * absent) imported as successive snapshots of epoch-notable, and the diff between them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path, { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listSnapshots } from '../../pipeline/ingest/snapshots.ts';
import { compareNewest } from '../../pipeline/refresh/compare.ts';
import { refresh, type RefreshResult } from '../../pipeline/refresh/refresh.ts';
import { externalTables, ingest } from '../../pipeline/stages/ingest.ts';
import { root, tempRaw } from './helpers.ts';

const shared = path.resolve(root, '../shared/data/epoch');
const october = join(shared, 'notable_ai_models-2024-10.csv');
const december = join(shared, 'notable_ai_models-2024-12.csv');

describe.skipIf(!existsSync(october) || !existsSync(december))('refresh with the real Epoch AI exports', () => {
  const tmp = tempRaw();
  afterAll(() => tmp.cleanup());
  const common = { source: 'epoch-notable', rawDir: tmp.raw, defaultsDir: join(root, 'data', 'raw'), changelogPath: tmp.changelog, today: '2026-01-01' };
  let second: RefreshResult;

  it('imports October, then December, as snapshots', async () => {
    const first = await refresh({ ...common, from: october, date: '2024-10-01' });
    expect(first.status).toBe('imported');
    second = await refresh({ ...common, from: december, date: '2024-12-01' });
    expect(second.status).toBe('imported');
    expect(listSnapshots(tmp.raw, 'epoch-notable').map((s) => s.date)).toEqual(['2024-10-01', '2024-12-01']);
    expect(readFileSync(listSnapshots(tmp.raw, 'epoch-notable')[1].path)).toEqual(readFileSync(december));
  });

  it('finds systems added, removed and changed, consistently with the two files', () => {
    if (second.status !== 'imported') throw new Error('expected an import');
    const { before, after, diff } = second.comparison;
    expect(before).toMatchObject({ rows: 867 });
    expect(after).toMatchObject({ rows: 884 });
    expect(diff.added.length).toBeGreaterThan(0);
    expect(diff.removed.length).toBeGreaterThan(0);
    expect(diff.changed.length).toBeGreaterThan(0);
    // Every kept row is one system on each side, so the net change is the change in kept rows:
    // 884 − 867 less whatever the adapter dropped from each file.
    expect(diff.added.length - diff.removed.length).toBe(after.systems - before!.systems);
    expect(after.systems - before!.systems).toBe(884 - after.dropped - (867 - before!.dropped));
    expect(diff.added.length + diff.changed.length + diff.unchanged).toBe(after.systems);
    // The first column was renamed System → Model: no system changes for that alone.
    expect(diff.unchanged).toBeGreaterThan(700);
    expect(diff.flopChanges.length).toBeGreaterThan(0);
    for (const f of diff.flopChanges) expect(Math.abs(f.ratio - 1)).toBeGreaterThan(0.1);
    expect(readFileSync(tmp.changelog, 'utf8')).toContain(second.entry.trim());
  });

  it('reports the same diff with --diff, and the ingest stage reads December', async () => {
    if (second.status !== 'imported') throw new Error('expected an import');
    const again = await compareNewest('epoch-notable', common);
    expect(again.diff).toEqual(second.comparison.diff);
    const out = ingest({ rawDir: tmp.raw, defaultsDir: join(root, 'data', 'raw'), today: '2026-01-01' });
    expect(out.external.map((t) => t.name)).toEqual([second.snapshot.display]);
    expect(externalTables(out)[0].header[0]).toBe('Model');
  });

  it('reports the headline doubling times before and after', () => {
    if (second.status !== 'imported') throw new Error('expected an import');
    const { headline } = second.comparison;
    for (const h of [headline.before!, headline.after]) {
      expect(h.deep_learning).toBeGreaterThan(2);
      expect(h.deep_learning).toBeLessThan(24);
      expect(h.large_scale).toBeGreaterThan(2);
    }
    expect(second.entry).toMatch(/\*\*Doubling time\*\* \(this source alone\): deep-learning era [\d.]+ → [\d.]+ months; large-scale era [\d.]+ → [\d.]+ months\./);
  });
});
