/**
 * The analyze stage on any valid raw folder (issue 15): one record, ten, forty, an Epoch export
 * alone. Every run publishes a full site; every analysis the data cannot support is written to
 * fits.json as not computed, with its reason and n, and its page says so in a sentence.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fits, NotComputed } from '../../pipeline/schema/fits.ts';
import { root, runLibrary, tempDir } from '../reliability/helpers.ts';
import { staticGraph } from '../helpers/static-graph.ts';

const FIXTURE = join(root, 'test/fixtures/raw-small/models.csv');
const EXPORT = join(root, '../shared/data/epoch/notable_ai_models-2024-12.csv');
const PAGES = readdirSync(join(root, 'reports/pages')).length;

/** A raw folder with the first `n` records of the 40-record fixture. */
function curatedFolder(parent: string, n: number): string {
  const rows = parse(readFileSync(FIXTURE, 'utf8'), { columns: false }) as string[][];
  const dir = join(parent, `raw-${n}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'models.csv'), stringify(rows.slice(0, n + 1)));
  return dir;
}

/** Every NotComputed record in fits.json, with its path. */
function notComputed(value: unknown, path = ''): { path: string; nc: NotComputed }[] {
  if (typeof value !== 'object' || value === null) return [];
  if ((value as { computed?: unknown }).computed === false) return [{ path, nc: value as NotComputed }];
  return Object.entries(value).flatMap(([k, v]) => notComputed(v, path ? `${path}.${k}` : k));
}

/** The page where each analysis of fits.json is shown (trend bootstraps are not shown on their own). */
function pageOf(path: string): string | null {
  if (/\.bootstrap$/.test(path)) return null;
  const rules: [RegExp, string][] = [
    [/^eras\.(pre_deep_learning|deep_learning|large_scale)$/, 'index.html'],
    [/^eras\.regular_scale$/, 'eras.html'],
    [/^era_alternatives\./, 'eras.html'],
    [/^breakpoints$/, 'breakpoints.html'],
    [/^(frontier|ai_and_compute)\./, 'frontier.html'],
    [/^(parameters_trend|dataset_trend)$/, 'parameters.html'],
    [/^economic_periods\./, 'economic-periods.html'],
    [/^sensitivity\./, 'data-quality.html'],
    [/^run_length\./, 'run-length.html'],
    [/^(domain_trends|run_scale|cost_and_power|tokens_per_parameter)\./, 'domains-scale.html'],
    [/^who_trains\./, 'who-trains.html'],
    [/^thresholds\./, 'thresholds.html'],
  ];
  return rules.find(([re]) => re.test(path))?.[1] ?? null;
}

/** The visible text of a page's main element, entities decoded. */
function pageText(site: string, page: string): string {
  const html = readFileSync(join(site, page), 'utf8');
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function expectPublishedSite(out: string): { fits: Fits; site: string } {
  const site = join(out, 'site');
  const pages = readdirSync(site).filter((f) => f.endsWith('.html'));
  expect(pages).toHaveLength(PAGES);
  const fits = JSON.parse(readFileSync(join(out, 'processed/fits.json'), 'utf8')) as Fits;
  for (const page of pages) {
    const text = pageText(site, page);
    expect(text, page).not.toMatch(/\b(NaN|undefined|Infinity)\b/);
  }
  for (const { path, nc } of notComputed(fits)) {
    expect(nc.reason.length, path).toBeGreaterThan(10);
    expect(Number.isInteger(nc.n) && nc.n >= 0, path).toBe(true);
    const page = pageOf(path);
    if (page) expect(pageText(site, page), `${path} on ${page}`).toContain(nc.reason);
  }
  return { fits, site };
}

describe('a site for any valid raw folder', () => {
  let dir: string;
  const runs: Record<string, { fits: Fits; site: string }> = {};
  beforeAll(async () => {
    dir = tempDir('any-input');
    for (const n of [1, 10]) {
      await runLibrary(curatedFolder(dir, n), join(dir, `out-${n}`), { resamples: 20 });
      runs[n] = expectPublishedSite(join(dir, `out-${n}`));
    }
    const forty = join(dir, 'raw-40');
    mkdirSync(forty);
    copyFileSync(FIXTURE, join(forty, 'models.csv'));
    await runLibrary(forty, join(dir, 'out-40'), { resamples: 20 });
    runs[40] = expectPublishedSite(join(dir, 'out-40'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('one record: every trend and the breakpoints say what is missing', () => {
    const { fits, site } = runs[1];
    expect(fits.data.records).toBe(1);
    expect(fits.breakpoints).toEqual({ computed: false, reason: 'there is only 1 system with a compute value (low outliers excluded), and a search for breakpoints needs at least 20', n: 1 });
    expect(fits.eras.deep_learning.computed).toBe(false);
    expect(pageText(site, 'breakpoints.html')).toContain('The segmented regression could not be computed: there is only 1 system');
    expect(pageText(site, 'index.html')).toContain('The deep-learning trend could not be computed: there are no systems published from 1 January 2010');
    expect(pageText(site, 'parameters.html')).toContain('Figure not drawn (Training tokens of language models over time)');
    expect(fits.parameter_gap.computed).toBe(false);
  });

  it('ten records: what the data support is computed, the rest says why', () => {
    const { fits, site } = runs[10];
    expect(fits.data.records).toBe(10);
    expect(fits.breakpoints.computed).toBe(false);
    expect(fits.breakpoints.n).toBeLessThan(20);
    expect(pageText(site, 'breakpoints.html')).toContain('The segmented regression could not be computed');
  });

  it('forty records: the breakpoints are searched under the rules, and the page gives them', () => {
    const { fits, site } = runs[40];
    expect(fits.data.records).toBe(40);
    const b = fits.breakpoints;
    if (!b.computed) {
      expect(pageText(site, 'breakpoints.html')).toContain(`The segmented regression could not be computed: ${b.reason}`);
      return;
    }
    expect(b.rules).toEqual({ min_segment_years: 2, min_segment_points: Math.max(5, Math.ceil(Math.sqrt(b.n))) });
    const edges = [b.x_range[0], ...b.breakpoints.map((p) => p.estimate), b.x_range[1]];
    edges.slice(1).forEach((e, s) => expect(e - edges[s]).toBeGreaterThanOrEqual(2));
    for (const p of b.segment_points) expect(p).toBeGreaterThanOrEqual(b.rules.min_segment_points);
    expect(pageText(site, 'breakpoints.html')).toContain(`BIC chooses K = ${b.k} among the admissible fits.`);
  });
});

describe.skipIf(!existsSync(EXPORT))('a site from an Epoch export alone, its dataset sizes left out (no training tokens)', () => {
  let dir: string;
  let run: { fits: Fits; site: string };
  beforeAll(async () => {
    dir = tempDir('export-only');
    const raw = join(dir, 'raw');
    mkdirSync(raw);
    // The export's dataset sizes give language models their training tokens (adapters/epoch-columns.ts):
    // without them, no language model has a token count, and the token trend cannot be computed.
    const [header, ...rows] = parse(readFileSync(EXPORT)) as string[][];
    const size = header.indexOf('Training dataset size (datapoints)');
    expect(size).toBeGreaterThanOrEqual(0);
    writeFileSync(join(raw, 'notable_ai_models-2024-12.csv'), stringify([header, ...rows.map((r) => r.map((cell, i) => (i === size ? '' : cell)))]));
    await runLibrary(raw, join(dir, 'out'), { resamples: 20 });
    run = expectPublishedSite(join(dir, 'out'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says on the Parameters & data page that there are no tokens, and draws the parameters', () => {
    expect(run.fits.dataset_trend).toMatchObject({ computed: false, n: 0 });
    const text = pageText(run.site, 'parameters.html');
    expect(text).toContain('The training-token trend could not be computed: there are no language models with a training-token count published since 2010.');
    expect(text).toContain('The check needs the training-token trend, which could not be computed.');
    expect(run.fits.parameters_trend.computed).toBe(true);
  });

  it('chooses breakpoints that respect the minimum segment', () => {
    const b = run.fits.breakpoints;
    expect(b.computed).toBe(true);
    if (!b.computed) return;
    const edges = [b.x_range[0], ...b.breakpoints.map((p) => p.estimate), b.x_range[1]];
    edges.slice(1).forEach((e, s) => expect(e - edges[s]).toBeGreaterThanOrEqual(2));
    for (const p of b.segment_points) expect(p).toBeGreaterThanOrEqual(b.rules.min_segment_points);
  });
});

describe('the analyze stage', () => {
  it('is not reached by a static import from the CLI or the orchestrator: the analyses and arquero load when it runs', () => {
    for (const entry of ['pipeline/cli.ts', 'pipeline/run.ts']) {
      const { files, packages } = staticGraph(join(root, entry));
      expect(files.has(join(root, 'pipeline/stages/analyze.ts')), entry).toBe(true);
      expect(files.has(join(root, 'pipeline/analyze/analyze-table.ts')), entry).toBe(false);
      expect(packages.has('arquero'), entry).toBe(false);
    }
    expect(staticGraph(join(root, 'pipeline/analyze/analyze-table.ts')).packages.has('arquero')).toBe(true);
  });
});
