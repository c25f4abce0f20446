/**
 * The merge through the stages: the normalize line prints what became of the upstream rows, the
 * merge report lists every one, and a bad alias table fails the run with located problems.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../pipeline/messages.ts';
import { runPipeline } from '../../pipeline/run.ts';

const root = resolve(import.meta.dirname, '../..');

describe('the merge through the stages', () => {
  let raw: string;
  let out: string;
  const run = (log: (l: string) => void = () => {}) =>
    runPipeline({ root, rawDir: raw, processedDir: join(out, 'processed'), siteDir: join(out, 'site'), cacheDir: join(out, '.cache'), today: '2026-11-24', until: 'impute', log });
  beforeAll(() => {
    raw = mkdtempSync(join(tmpdir(), 'ct-merge-stage-raw-'));
    out = mkdtempSync(join(tmpdir(), 'ct-merge-stage-'));
    copyFileSync(join(root, 'test/fixtures/raw-small/models.csv'), join(raw, 'models.csv'));
    copyFileSync(join(root, 'test/fixtures/epoch/layout-2024-10.csv'), join(raw, 'epoch-2024-10.csv'));
    copyFileSync(join(root, 'test/fixtures/epoch/layout-2025.csv'), join(raw, 'epoch-2025.csv'));
  });
  afterAll(() => {
    rmSync(raw, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('prints the counts on the normalize line and lists every upstream row in merge-report.csv', async () => {
    const lines: string[] = [];
    await run((l) => lines.push(l));
    const normalizeLine = lines.find((l) => l.startsWith('normalize'))!;
    expect(normalizeLine).toContain(messages.mergeCounts({ in: 8, matched: 0, added: 7, dropped: 1 }));
    const report = parse(readFileSync(join(out, 'processed/merge-report.csv')), { columns: true }) as Record<string, string>[];
    expect(report).toHaveLength(8);
    expect(report.filter((r) => r.outcome === 'dropped')).toEqual([expect.objectContaining({ file: expect.stringContaining('epoch-2024-10.csv'), line: '7', reason: messages.duplicateUpstreamRow(6) })]);
    const models = parse(readFileSync(join(out, 'processed/models.csv')), { columns: true }) as Record<string, string>[];
    const blorp = models.find((m) => m.name === 'Blorptron 2')!;
    expect(blorp).toMatchObject({
      country: 'Atlantis',
      flop_confidence: 'Confident',
      flop_estimation_method: 'Operation counting',
      training_cost_usd: '60000000',
      training_cost_basis: 'cloud',
      training_cost_upfront_usd: '150000000',
      open_weights: 'true',
      frontier_model: 'true',
      training_tokens: '20000000000000',
      training_compute_flop_low: '4e+24',
      training_compute_flop_high: '1.6e+25',
      flop_provenance: 'third-party',
      export_date: '',
    });
    expect(blorp.flop_source).toBe('Epoch AI, Notable AI Models (export of unknown date) https://epoch.ai/data/notable-ai-models');
  });

  it('fails with located problems for an alias naming an unknown curated id, or a malformed row', async () => {
    writeFileSync(join(raw, 'aliases.csv'), 'id,upstream_name,relation,note\nno-such-record,Frobnicator R,same,checked\n');
    await expect(run()).rejects.toMatchObject({
      message: messages.stageFailed('normalize', 1),
      problems: [expect.objectContaining({ line: 2, column: 1, message: messages.aliasUnknownId('no-such-record') })],
    });
    writeFileSync(join(raw, 'aliases.csv'), 'id,upstream_name,relation,note\ngpt-3-175b,Frobnicator R,maybe,\n');
    await expect(run()).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 2, column: 4, message: messages.aliasNoteRequired }), expect.objectContaining({ line: 2, column: 3, message: messages.notInList('relation') })],
    });
    rmSync(join(raw, 'aliases.csv'));
  });
});
