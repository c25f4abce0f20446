/**
 * The Domains & scale, Who trains and Policy thresholds pages: on the shipped data (curated records
 * merged with Epoch AI's export, which carries cost, power, sector, country and openness) every
 * section shows its numbers; on the curated records alone, which carry none of those fields, each
 * section that cannot be computed says why; with every field filled in (a synthetic fixture, not
 * data) the charts of each basis are drawn, with a CSV of each table.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysisTable } from '../../pipeline/analyze/table.ts';
import { messages } from '../../pipeline/messages.ts';
import { NO_UPSTREAM_FIELDS } from '../helpers/records.ts';
import type { RenderModel } from '../../pipeline/render/model.ts';
import { buildChartSet } from '../../pipeline/render/charts/registry.ts';
import { buildSite } from '../../pipeline/render/site.ts';
import type { ProcessedRecord } from '../../pipeline/schema/records.ts';
import { analyzeTable } from '../../pipeline/analyze/analyze-table.ts';
import { processedModel, root } from './fixture.ts';

const PAGES = ['domains-scale.html', 'who-trains.html', 'thresholds.html'];

/** The model with `records` and fits computed from them (few resamples: the numbers are not under test). */
function modelOf(model: RenderModel, records: ProcessedRecord[]): RenderModel {
  return { ...model, records, fits: analyzeTable(analysisTable(records, model.hardware), { resamples: 20 }) };
}

describe('on the shipped data', () => {
  let files: Map<string, string | Uint8Array>;
  beforeAll(async () => {
    files = await buildSite(processedModel(), join(root, 'reports'));
  });
  const page = (name: string) => files.get(name) as string;

  it('show every analysis with n and intervals: domains, run scale, cost, power, tokens per parameter', () => {
    const ds = page('domains-scale.html');
    for (const fig of ['domain-trends', 'training-duration', 'training-chips', 'training-chip-hours', 'training-cost-2023-usd', 'training-power', 'tokens-per-parameter']) {
      expect(ds.includes(`id="fig-${fig}"`), fig).toBe(true);
    }
    expect(/<strong>Language<\/strong> \(n = \d+\): \d+\.\d×\/year \(95% CI \d/.test(ds)).toBe(true);
    expect(/All systems \(n = [\d,]+\): \d+\.\d+×\/year \(95% CI /.test(ds)).toBe(true);
    expect(ds.includes('US dollars of 2023')).toBe(true);
  });

  it('show sectors, countries, the open–closed gap and the counts above each threshold', () => {
    for (const fig of ['sector-shares', 'countries', 'open-closed']) expect(page('who-trains.html').includes(`id="fig-${fig}"`), fig).toBe(true);
    expect(page('thresholds.html').includes('id="fig-threshold-counts"')).toBe(true);
    expect(/Above 10²⁵ FLOP, newest first: <strong>/.test(page('thresholds.html'))).toBe(true);
  });

  it('link a CSV of every table shown, with one line per row', () => {
    for (const name of PAGES) {
      const links = [...page(name).matchAll(/href="tables\/([a-z0-9-]+)\.csv"/g)];
      expect(links.length, name).toBeGreaterThan(0);
      for (const [, csvName] of links) {
        const csv = files.get(`tables/${csvName}.csv`) as string;
        expect(csv, csvName).toBeTruthy();
        expect(csv.trim().split('\n').length, csvName).toBeGreaterThan(1);
      }
    }
  });
});

describe('the trend charts on the shipped data', () => {
  const charts = buildChartSet(processedModel()).drawn;
  type Layer = { name?: string; mark?: { type?: string }; encoding?: { y?: { title?: string } }; layer?: Layer[] };
  const layers = (name: string) => (charts.get(name)!.spec as unknown as Layer).layer ?? [];

  it('title the cost axis with its basis in words, not its key', () => {
    const titles = layers('training-cost-2023-usd').flatMap((l) => [l, ...(l.layer ?? [])]).map((l) => l.encoding?.y?.title).filter(Boolean);
    expect(titles).toContain('Training cost (US dollars of 2023)');
  });

  it('name the labels of the reference rules as landmark labels, which charts.js leaves out on a phone', () => {
    // Right-aligned at the plot's right edge, these labels run past its left edge at 390 px.
    for (const chart of ['training-duration', 'tokens-per-parameter']) {
      const text = layers(chart).filter((l) => l.mark?.type === 'text');
      expect(text.length, chart).toBeGreaterThan(0);
      for (const l of text) expect(l.name, chart).toMatch(/^landmark-labels/);
    }
  });
});

describe('on the curated records alone (no export: no cost, power, sector, country or openness)', () => {
  let files: Map<string, string | Uint8Array>;
  beforeAll(async () => {
    const model = processedModel();
    // What a run without an export gives the curated records: none of the fields an export fills.
    const records: ProcessedRecord[] = model.records
      .filter((r) => r.origin.dataset === 'curated')
      .map((r) => ({
        ...r,
        ...NO_UPSTREAM_FIELDS,
        upstreamTwin: r.upstreamTwin,
      }));
    files = await buildSite(modelOf(model, records), join(root, 'reports'));
  });
  const page = (name: string) => files.get(name) as string;
  // Apostrophes as the text has them (a figure's sentence escapes them; Markdown prints them back as themselves).
  const has = (name: string, text: string) => expect(page(name).replace(/&#x27;/g, "'").includes(text), text).toBe(true);

  it('say why cost, power, sector, country and openness cannot be computed, instead of failing', () => {
    has('domains-scale.html', messages.notComputed('Training cost', messages.noFieldInData('a training cost')));
    has('domains-scale.html', messages.notComputed('The trend', messages.noFieldInData('a training power draw')));
    has('domains-scale.html', messages.chartNotDrawn('Power drawn by training runs over time', messages.noFieldInData('a training power draw')));
    has('domains-scale.html', messages.noRows(messages.noCostOrPower('2010')));
    has('who-trains.html', messages.notComputed('Shares by sector', messages.noFieldInData('its developers’ sector (industry, academia, ...)')));
    has('who-trains.html', messages.notComputed('Counts by country', messages.noFieldInData('its developers’ country')));
    has('who-trains.html', messages.notComputed('The open–closed comparison', messages.noFieldInData('whether its weights are open')));
    has('thresholds.html', messages.notComputed('A count of the systems possibly over 10²³ FLOP', messages.noFlagInData('an upstream “possibly over 10²³ FLOP” flag')));
    expect(page('who-trains.html').includes('<figure')).toBe(false);
  });

  it('still show what the curated records support: domains, duration, chips, thresholds', () => {
    for (const fig of ['domain-trends', 'training-duration', 'training-chips']) expect(page('domains-scale.html').includes(`id="fig-${fig}"`), fig).toBe(true);
    expect(page('thresholds.html').includes('id="fig-threshold-counts"')).toBe(true);
    expect(files.has('tables/cost-and-power.csv')).toBe(false);
  });
});

describe('with the upstream fields present (synthetic fixture)', () => {
  let files: Map<string, string | Uint8Array>;
  beforeAll(async () => {
    const model = processedModel();
    // Test values only, never data: every field the analyses read, filled by a rule on the row.
    const records: ProcessedRecord[] = model.records.map((r, i) => ({
      ...r,
      organizationCategory: ['Industry', 'Academia', 'Industry; Academia', 'Government'][i % 4],
      country: ['United States of America', 'China', 'United Kingdom of Great Britain and Northern Ireland', 'France; Germany', 'Canada'][i % 5],
      openWeights: i % 3 === 0,
      trainingCost: r.flop ? { value: r.flop.flop / 1e17, basis: 'cloud' } : null,
      trainingCostUpfront: r.flop ? r.flop.flop / 4e16 : null,
      powerDrawWatts: r.flop ? r.flop.flop / 1e18 : null,
    }));
    files = await buildSite(modelOf(model, records), join(root, 'reports'));
  });
  const page = (name: string) => files.get(name) as string;

  it('draw cost on each basis apart, power, sectors, countries and the open–closed gap', () => {
    for (const fig of ['training-cost-cloud', 'training-cost-upfront', 'training-power']) expect(page('domains-scale.html').includes(`id="fig-${fig}"`), fig).toBe(true);
    for (const fig of ['sector-shares', 'countries', 'open-closed']) expect(page('who-trains.html').includes(`id="fig-${fig}"`), fig).toBe(true);
    expect(page('who-trains.html').includes('could not be computed')).toBe(false);
    for (const csv of ['cost-and-power', 'sector-shares', 'countries', 'open-closed-lag']) expect(files.has(`tables/${csv}.csv`), csv).toBe(true);
  });
});
