/**
 * The shipped data says who produced every compute value (issue 18): no value a third party
 * estimated carries the authors' method ("stated"/"converted") or the authors' paper as its
 * source, in data/processed/models.csv; and the curated records that call their value someone
 * else's estimate name that someone.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PROVENANCE_OF_METHOD, type FlopMethod } from '../../pipeline/schema/records.ts';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string): Record<string, string>[] => parse(readFileSync(resolve(root, path)), { columns: true });
const processed = read('data/processed/models.csv');
const raw = new Map(read('data/raw/models.csv').map((r) => [r.id, r]));
const withValue = processed.filter((r) => r.training_compute_flop !== '');
const mainCitation = (r: Record<string, string>) => `${r.source_title} (${r.source_year}) ${r.source_link}`;

describe('provenance of the shipped compute values', () => {
  it('every value has a method and the one provenance kind that method belongs to', () => {
    expect(withValue.length).toBeGreaterThan(300);
    for (const r of withValue) expect([r.id, r.flop_provenance]).toEqual([r.id, PROVENANCE_OF_METHOD[r.flop_method as FlopMethod]]);
  });

  it('no third-party value carries the authors’ method or the authors’ paper as its source', () => {
    const thirdParty = withValue.filter((r) => r.flop_provenance === 'third-party');
    expect(thirdParty.length).toBeGreaterThan(100);
    for (const r of thirdParty) {
      expect([r.id, r.flop_method]).toEqual([r.id, 'third-party']);
      expect(r.flop_estimated_by, r.id).not.toBe('');
      expect(r.flop_source, r.id).not.toBe(mainCitation(r));
      expect(r.flop_source.includes(r.source_link), `${r.id}: ${r.flop_source}`).toBe(false);
    }
  });

  it('the authors’ values name no third party, and the pipeline signs its own', () => {
    for (const r of withValue.filter((x) => x.flop_provenance === 'authors')) {
      expect([r.id, r.flop_estimated_by, r.flop_estimation_method, r.flop_confidence]).toEqual([r.id, '', '', '']);
    }
    for (const r of withValue.filter((x) => x.flop_provenance === 'pipeline')) expect([r.id, r.flop_estimated_by]).toEqual([r.id, 'compute-trends']);
  });

  it('a curated value its notes or source call Epoch AI’s or OpenAI’s estimate is that third party’s', () => {
    const claimed = withValue.filter((r) => {
      const c = raw.get(r.id);
      if (c === undefined) return false; // an upstream record: the export's own (test above)
      return /Epoch AI estimate|AI and Compute (Method|appendix)/.test(c.notes) || /^(Epoch AI, Data on Notable AI Models|AI and Compute) /.test(c.compute_source);
    });
    expect(claimed.length).toBeGreaterThan(100);
    for (const r of claimed) expect([r.id, r.flop_provenance]).toEqual([r.id, 'third-party']);
  });

  it('values the authors never disclosed are shown as the estimates they are (GPT-4, Claude, Gemini)', () => {
    const byId = new Map(withValue.map((r) => [r.id, r]));
    for (const id of ['gpt-4', 'claude-2', 'claude-3-opus', 'gemini-1-0-ultra', 'gpt-4o', 'palm-2']) {
      expect(byId.get(id)).toMatchObject({ flop_method: 'third-party', flop_estimated_by: 'Epoch AI' });
      expect(byId.get(id)!.flop_source).toMatch(/^Epoch AI, .* https:\/\/epoch\.ai\//);
    }
  });
});
