/**
 * The merge on real data: each Epoch AI export in ../shared merged with the curated records and
 * the alias table of data/raw — every row accounted for, nothing ambiguous, the 2024 frontier in,
 * no likely twin left against the 2024-12 export. Skipped where ../shared is absent.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/stages/ingest.ts';
import { normalize, normalizedRecords } from '../../pipeline/stages/normalize.ts';

const root = resolve(import.meta.dirname, '../..');
const shared = resolve(root, '../shared/data/epoch');
const today = '2026-11-24';

function mergedWith(file: string) {
  const raw = mkdtempSync(join(tmpdir(), 'ct-merge-real-'));
  for (const f of ['models.csv', 'hardware.csv', 'assumptions.yaml', 'aliases.csv']) copyFileSync(join(root, 'data/raw', f), join(raw, f));
  copyFileSync(join(shared, file), join(raw, file));
  try {
    const input = ingest({ rawDir: raw, defaultsDir: join(root, 'data/raw'), today, display: (p) => p.replace(raw, 'raw') });
    const normalized = normalize(input, today);
    // The records the stage's recipe gives (read again while the folder is there), in their one order.
    const records = [...normalizedRecords(input, normalized, today)].flat();
    return { input, out: { ...normalized, records: Array.from(normalized.order, (i) => records[i]) } };
  } finally {
    rmSync(raw, { recursive: true, force: true });
  }
}

describe.skipIf(!existsSync(shared))('the curated records merged with each real export (../shared)', () => {

  it.each([
    ['notable_ai_models-2024-10.csv', 867],
    ['notable_ai_models-2024-12.csv', 884],
  ])('%s: every row matched, added or dropped; none ambiguous', (file, rows) => {
    const { input, out } = mergedWith(file);
    const plan = out.merge!;
    expect(plan.total.in).toBe(rows);
    expect(plan.total.matched + plan.total.added + plan.total.dropped).toBe(rows);
    expect(plan.rows).toHaveLength(rows);
    expect(plan.ambiguous).toEqual([]);
    // Each curated record is kept once, and each added row once.
    expect(out.records).toHaveLength(input.curated!.rows + plan.total.added);
    expect(new Set(out.records.map((r) => r.id)).size).toBe(out.records.length);
    // No curated record takes two rows.
    const matched = plan.rows.filter((r) => r.outcome === 'matched').map((r) => r.id);
    expect(new Set(matched).size).toBe(matched.length);
  });

  it('2024-12: over 1,000 systems, the 2024 frontier in, no likely twin left unsettled', () => {
    const { out } = mergedWith('notable_ai_models-2024-12.csv');
    expect(out.records.length).toBeGreaterThanOrEqual(1000);
    expect(out.merge!.likelyTwins).toEqual([]);
    const names = new Set(out.records.map((r) => r.name));
    for (const frontier of ['Llama 3.1 405B', 'GPT-4o', 'Claude 3.5 Sonnet', 'Gemini 1.5 Pro', 'Grok-2']) expect(names, frontier).toContain(frontier);
    // A curated record and its Epoch twin are one system: the curated id, Epoch's country.
    const gpt4o = out.records.filter((r) => r.name === 'GPT-4o');
    expect(gpt4o).toHaveLength(1);
    expect(gpt4o[0]).toMatchObject({ id: 'gpt-4o', country: 'United States of America', upstreamTwin: { rule: 'name+year' } });
    const gpt3 = out.merge!.rows.find((r) => r.name === 'GPT-3 175B (davinci)')!;
    expect(gpt3).toMatchObject({ outcome: 'matched', id: 'gpt-3-175b', rule: 'alias' });
  });
});
