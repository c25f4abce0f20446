/**
 * The Domains & scale, Who trains and Policy thresholds pages: on the shipped data (curated
 * records alone, which carry no cost, sector, country or openness) each section that cannot be
 * computed says why; with those fields filled in (a synthetic fixture, not data) the same pages
 * show their charts and tables, with a CSV of each table.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../pipeline/messages.ts';
import { buildSite } from '../../pipeline/render/site.ts';
import { analyze } from '../../pipeline/stages/analyze.ts';
import type { ProcessedRecord } from '../../pipeline/schema/records.ts';
import { processedModel, root } from './fixture.ts';

const PAGES = ['domains-scale.html', 'who-trains.html', 'thresholds.html'];

describe('on the shipped data', () => {
  let files: Map<string, string | Uint8Array>;
  beforeAll(async () => {
    files = await buildSite(processedModel(), join(root, 'reports'));
  });
  const page = (name: string) => files.get(name) as string;

  it('show per-domain trends, run scale, thresholds and tokens per parameter with n and intervals', () => {
    const ds = page('domains-scale.html');
    for (const fig of ['domain-trends', 'training-duration', 'training-chips', 'training-chip-hours', 'tokens-per-parameter']) expect(ds.includes(`id="fig-${fig}"`), fig).toBe(true);
    expect(/<strong>Language<\/strong> \(n = \d+\): \d+\.\d×\/year \(95% CI \d/.test(ds)).toBe(true);
    expect(page('thresholds.html').includes('id="fig-threshold-counts"')).toBe(true);
  });

  it('say why cost, power, sector, country and openness cannot be computed, instead of failing', () => {
    // (Markdown prints an escaped apostrophe back as itself.)
    const has = (name: string, text: string) => expect(page(name).includes(text), text).toBe(true);
    has('domains-scale.html', messages.noFieldInData('a training cost'));
    has('domains-scale.html', messages.noFieldInData('a training power draw'));
    for (const field of ['its developers’ sector (industry, academia, ...)', 'its developers’ country', 'whether its weights are open']) has('who-trains.html', messages.noFieldInData(field));
    expect(page('who-trains.html').includes('<figure')).toBe(false);
  });

  it('link a CSV of every table shown, with one line per row', () => {
    for (const name of PAGES) {
      for (const [, csvName] of page(name).matchAll(/href="tables\/([a-z0-9-]+)\.csv"/g)) {
        const csv = files.get(`tables/${csvName}.csv`) as string;
        expect(csv, csvName).toBeTruthy();
        expect(csv.trim().split('\n').length, csvName).toBeGreaterThan(1);
      }
    }
  });
});

describe('with the upstream fields present (synthetic fixture)', () => {
  let files: Map<string, string | Uint8Array>;
  beforeAll(async () => {
    const model = processedModel();
    // Test values only, never data: every field the analyses read, filled by a rule on the row.
    const records: ProcessedRecord[] = model.records.map((r, i) => ({
      ...r,
      organizationCategory: ['Industry', 'Academia', 'Industry,Academia', 'Government'][i % 4],
      country: ['United States of America', 'China', 'United Kingdom of Great Britain and Northern Ireland', 'France,Germany', 'Canada'][i % 5],
      openWeights: i % 3 === 0,
      trainingCost: r.flop ? { value: r.flop.flop / 1e17, basis: 'test-usd' } : null,
      powerDrawWatts: r.flop ? r.flop.flop / 1e18 : null,
    }));
    const fits = analyze(records, { resamples: 20 }, model.hardware);
    files = await buildSite({ ...model, records, fits }, join(root, 'reports'));
  });
  const page = (name: string) => files.get(name) as string;

  it('draw cost on its basis, power, sectors, countries and the open–closed gap', () => {
    for (const fig of ['training-cost-test-usd', 'training-power']) expect(page('domains-scale.html').includes(`id="fig-${fig}"`), fig).toBe(true);
    for (const fig of ['sector-shares', 'countries', 'open-closed']) expect(page('who-trains.html').includes(`id="fig-${fig}"`), fig).toBe(true);
    expect(page('who-trains.html').includes('could not be computed')).toBe(false);
    for (const csv of ['cost-and-power', 'sector-shares', 'countries', 'open-closed-lag']) expect(files.has(`tables/${csv}.csv`), csv).toBe(true);
  });
});
