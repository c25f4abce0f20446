/**
 * The built site as files: every page and figure, numbered and captioned with alt text and its
 * data, the one date, local bundles, assumptions read from the model, and byte-identical rebuilds.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharts } from '../../pipeline/render/charts/registry.ts';
import { buildSite } from '../../pipeline/render/site.ts';
import { dateText } from '../../pipeline/render/format.ts';
import { buildSiteTo, processedModel, root } from './fixture.ts';

const model = processedModel();
let files: Map<string, string | Uint8Array>;
const html = (name: string) => files.get(name) as string;
const pages = () => [...files.keys()].filter((f) => f.endsWith('.html')).sort();

beforeAll(async () => {
  files = await buildSite(model, join(root, 'reports'));
});

describe('the pages', () => {
  it('are one per Markdown file, each with navigation, how to cite, the license and links to the data, its provenance and the changelog', () => {
    const sources = readdirSync(join(root, 'reports', 'pages')).filter((f) => f.endsWith('.md'));
    expect(pages()).toHaveLength(sources.length);
    for (const page of pages()) {
      const text = html(page);
      expect(text, page).toContain('<h2 id="cite">How to cite</h2>');
      expect(text, page).toContain('CC BY 4.0');
      expect(text, page).toContain('@misc{compute_trends');
      expect(text, page).toContain('(version 0.1.0)');
      expect(text, page).toContain('<a href="data.html#provenance">Data provenance</a>');
      expect(text, page).toContain('<a href="changelog.html">Changelog</a>');
    }
    for (const page of ['index.html', 'eras.html', 'methods.html']) expect(html(page), page).toContain('<nav class="toc" aria-label="On this page">');
  });

  it('show the provenance block once, on the Data page', () => {
    for (const page of pages()) {
      const count = html(page).split('<h2 id="provenance">Data provenance</h2>').length - 1;
      expect(count, page).toBe(page === 'data.html' ? 1 : 0);
    }
    expect(html('data.html')).toMatch(/<td>Read data\/raw\/models\.csv<\/td><td class="num">408<\/td>/);
  });

  it('credit Epoch AI, whose export is merged: in every footer with its BibTeX, and on the Data page with the export date', () => {
    const epoch = 'Epoch AI, &quot;Data on Notable AI Models&quot;, https://epoch.ai/data/notable-ai-models, licensed CC BY 4.0; export of 6 December 2024';
    for (const page of pages()) {
      expect(html(page), page).toContain(`Please also cite ${epoch}.`);
      expect(html(page), page).toContain('@misc{epoch_notable_ai_models');
    }
    const main = /<main[\s\S]*<\/main>/.exec(html('data.html'))![0];
    expect(main).toContain('Notable AI Models&quot; (export of 6 December 2024)');
    expect(main).toContain(`Cite it as ${epoch}.`);
  });

  it('list the Changelog in the footer and on the Data page, not in the menu', () => {
    for (const page of pages()) expect(/<header class="site-header">[\s\S]*?changelog\.html[\s\S]*?<\/header>/.test(html(page)), page).toBe(false);
    expect(html('data.html')).toMatch(/<main[\s\S]*href="changelog\.html"[\s\S]*<\/main>/);
  });

  it('load only what they use: vega on chart pages only, the data file on the Explorer and the Data page', () => {
    const scripts = (page: string) => [...html(page).matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts('methods.html')).toEqual(['assets/site.js']);
    expect(scripts('changelog.html')).toEqual(['assets/site.js']);
    expect(scripts('data.html')).toEqual(['assets/site.js', 'data/systems.js', 'assets/data-page.js']);
    expect(scripts('index.html')).toContain('assets/vega.min.js');
    expect(scripts('index.html')).not.toContain('data/systems.js');
    expect(scripts('explorer.html')).toEqual(expect.arrayContaining(['assets/vega.min.js', 'assets/charts.js', 'data/systems.js', 'assets/explorer.js']));
  });

  it('carry the date of the data in the footer: the export’s date and the newest curated system, in words', () => {
    const curated = model.records.filter((r) => r.origin.dataset === 'curated').reduce((d, r) => (r.publicationDate > d ? r.publicationDate : d), '');
    const asOf = `the Epoch AI export of 6 December 2024 and curated records to ${dateText(curated)}`;
    for (const page of pages()) {
      expect(html(page).split('Data as of').length - 1, page).toBeGreaterThanOrEqual(1);
      expect(html(page), page).toContain(`Data as of ${asOf}.`);
    }
  });

  it('load scripts and styles only from the site itself (no CDN)', () => {
    for (const page of pages()) {
      for (const m of html(page).matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) expect(m[1], page).toMatch(/^(assets\/|data\/systems\.js$)/);
    }
    for (const bundle of ['assets/vega.min.js', 'assets/vega-lite.min.js', 'assets/vega-embed.min.js', 'assets/site.js', 'assets/site.css']) expect(files.has(bundle)).toBe(true);
  });

  it('read the Methods values from the model’s assumptions, not from the page', async () => {
    const changed = { ...model, assumptions: { ...model.assumptions, utilization: { default: 0.37, by_domain: { vision: 0.55 } }, uncertainty_factor: { ...model.assumptions.uncertainty_factor, hardware: 4.5 } } };
    const methods = (await buildSite(changed, join(root, 'reports'))).get('methods.html') as string;
    expect(methods).toContain('37%');
    expect(methods).toContain('vision systems');
    expect(methods).toContain('55%');
    expect(methods).toContain('value ÷ 4.5 to value × 4.5');
  });
});

describe('the figures', () => {
  const charts = buildCharts(model);

  it('are numbered per page, titled, captioned, with alt text, a static SVG and a CSV of exactly the plotted rows', () => {
    for (const page of pages()) {
      const figures = [...html(page).matchAll(/<figure class="chart" id="fig-([a-z0-9-]+)"[\s\S]*?<\/figure>/g)];
      figures.forEach((m, i) => {
        const [figure, name] = m;
        const chart = charts.get(name)!;
        expect(figure, `${page} ${name}`).toContain(`Figure ${i + 1}. `);
        expect(figure).toContain('<figcaption>');
        expect(figure).toContain(`alt="${chart.alt.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
        expect(chart.alt.length).toBeGreaterThan(40);
        expect(files.get(`charts/${name}.svg`)).toMatch(/^<svg/);
        const csv = files.get(`charts/${name}.csv`) as string;
        expect(csv.trim().split('\n')).toHaveLength(chart.rows.length + 1);
        expect(figure).toContain(`Show data (${chart.rows.length.toLocaleString('en-US')} rows)`);
        expect((figure.match(/<tr>/g) ?? []).length).toBe(chart.rows.length + 1);
      });
    }
  });

  it('plot exactly the rows they list (the data of the points layer)', () => {
    for (const chart of charts.values()) {
      if (chart.name.startsWith('run-length')) continue;
      const layers = (chart.spec as { layer: { data?: { values?: unknown[] }; mark?: { type?: string } | string }[] }).layer;
      const points = layers.find((l) => typeof l.mark === 'object' && l.mark.type === 'point');
      expect(points?.data?.values, chart.name).toBe(chart.rows);
    }
  });

  it('put growth as doubling time and ×/year in the legend and trend tooltips, on a log axis labelled 10^k', () => {
    const spec = JSON.stringify(charts.get('compute-over-time')!.spec);
    expect(spec).toMatch(/Deep-learning \(doubling \d+\.\d months, \d+\.\d×\/yr\)/);
    expect(spec).toContain('"title":"Doubling time"');
    expect(spec).toContain('"title":"Growth"');
    expect(spec).toContain('"type":"log"');
    expect(spec).toContain("'10' + replace(");
    expect(spec).toContain('"bind":"scales"');
    expect(spec).toContain('"bind":"legend"');
  });
});

describe('downloads', () => {
  it('offer models.csv, audit.csv, fits.json and datapackage.json', () => {
    for (const f of ['data/models.csv', 'data/audit.csv', 'data/fits.json', 'data/datapackage.json']) expect(files.has(f), f).toBe(true);
    expect(JSON.parse(html('data/fits.json'))).toEqual(model.fits);
  });
});

describe('determinism', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('builds byte-identical sites twice in a row', async () => {
    dirs.push(await buildSiteTo(processedModel(), 'ct-det-a-'), await buildSiteTo(processedModel(), 'ct-det-b-'));
    const list = (d: string) => (readdirSync(d, { recursive: true }) as string[]).sort();
    const [a, b] = dirs;
    expect(list(a)).toEqual(list(b));
    for (const f of list(a)) {
      if (f.includes('.')) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
  });
});
