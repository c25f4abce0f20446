/**
 * Builds the static site as a map of relative path → content: one HTML page per Markdown page in
 * reports/pages, the charts' SVG fallbacks and CSVs, the downloads, and the vega bundles copied
 * from node_modules (no CDN: the site works offline and from file://).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { toCsv, type CsvCell } from '../io/csv-writer.ts';
import { buildChartSet } from './charts/registry.ts';
import { createHelperState, fillBlocks, registerHelpers, resetPage } from './helpers.ts';
import type { RenderModel } from './model.ts';
import { specToSvg } from './svg.ts';
import { buildTableDownloads, buildTables } from './tables.ts';
import { createMarkdown, loadPages, loadPartials, renderPageBody } from './templates.ts';
import { buildContext, SITE } from './context.ts';
import { buildDownloads } from './downloads.ts';
import { addHeadingIds, tableOfContents } from './toc.ts';
import { modelsCsvText, siteData, SYSTEMS_FILE } from './data-file.ts';
import { explorerHtml } from './explorer.ts';
import { systemsTableHtml } from './systems-table.ts';
import { readSiteConfig } from './site-config.ts';
import { socialPng } from './social.ts';
import { jsonForScript } from './html.ts';
import { siteText } from '../messages.ts';
import { computedOrNull } from './not-computed.ts';

const require = createRequire(import.meta.url);

/** The minified browser bundles of vega, vega-lite and vega-embed, from their packages. */
export function vegaBundles(): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [pkg, file] of [
    ['vega', 'vega.min.js'],
    ['vega-lite', 'vega-lite.min.js'],
    ['vega-embed', 'vega-embed.min.js'],
  ] as const) {
    out[`assets/${file}`] = readFileSync(join(packageDir(pkg), 'build', file));
  }
  return out;
}

/** A package's folder: its entry point resolved, then up to the folder holding its package.json. */
function packageDir(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, 'package.json')) || basename(dir) !== pkg) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of package ${pkg}`);
    dir = up;
  }
  return dir;
}

/** The scripts a page loads, in order: only what it uses (no vega on a page without a chart). */
function pageScripts(needs: ReadonlySet<string>): string[] {
  const scripts = ['assets/site.js'];
  if (needs.has('charts')) scripts.push('assets/vega.min.js', 'assets/vega-lite.min.js', 'assets/vega-embed.min.js', 'assets/charts.js');
  if (needs.has('explorer') || needs.has('systems')) scripts.push(SYSTEMS_FILE);
  if (needs.has('explorer')) scripts.push('assets/explorer.js');
  if (needs.has('systems')) scripts.push('assets/data-page.js');
  return scripts;
}

export async function buildSite(model: RenderModel, reportsDir: string): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const config = readSiteConfig(reportsDir);
  const hbs = Handlebars.create();
  loadPartials(hbs, join(reportsDir, 'layout', 'partials'));
  const layout = hbs.compile(readFileSync(join(reportsDir, 'layout', 'page.hbs'), 'utf8'), { strict: true });
  const charts = buildChartSet(model);
  const state = createHelperState(charts.drawn, buildTables(model), charts.notDrawn);
  const context = buildContext(model, config);
  state.extras.set('explorer', explorerHtml);
  const provenance = hbs.compile(hbs.partials.provenance as string, { strict: true });
  state.extras.set('provenance', () => provenance(context));
  state.tables.set('systems', () => systemsTableHtml(model.records));
  registerHelpers(hbs, state);
  const md = createMarkdown();
  addHeadingIds(md);
  const pages = loadPages(join(reportsDir, 'pages'));
  const nav = pages.filter((p) => p.menu).map((p) => ({ href: pageFile(p.slug), title: p.nav ?? p.title, slug: p.slug }));
  // og:image needs an absolute address: only with the site's, and only when there is a chart to draw.
  const image = config.url && charts.drawn.has(PREVIEW_CHART) ? `${config.url}social.png` : '';
  // The browser's texts (functions are left out by JSON), with the export's source line filled in.
  const text = jsonForScript({ ...siteText, exportSource: siteText.exportSource(config.url || SITE.title, model.fits.data.latest_publication_date) });
  for (const page of pages) {
    resetPage(state);
    const body = fillBlocks(renderPageBody(hbs, md, page, context), state);
    files.set(
      pageFile(page.slug),
      layout({
        ...context,
        page: { title: page.title, description: page.description, slug: page.slug, image, url: config.url ? `${config.url}${pageFile(page.slug) === 'index.html' ? '' : pageFile(page.slug)}` : '' },
        nav: nav.map((n) => ({ ...n, current: n.slug === page.slug })),
        toc: page.wide ? [] : tableOfContents(body),
        body: new Handlebars.SafeString(body),
        scripts: pageScripts(state.needs),
        site_text: text,
      }),
    );
  }
  // The link-preview image (social.png) shows the overview chart, when there is anything to plot.
  if (charts.drawn.has(PREVIEW_CHART)) state.used.add(PREVIEW_CHART);
  for (const name of [...state.used].sort()) {
    const chart = state.charts.get(name)!;
    const svg = await specToSvg(chart.spec);
    files.set(`charts/${name}.svg`, svg);
    if (name === PREVIEW_CHART) files.set('social.png', await socialPng(SITE.title, siteText.socialLine(model.fits.data.with_flop, computedOrNull(model.fits.eras.deep_learning), model.fits.eras.parameters.deep_learning_start), chart.spec));
    if (chart.rows.length > 0) {
      files.set(`charts/${name}.csv`, toCsv(chart.columns.map((c) => c.field), chart.rows.map((r) => chart.columns.map((c) => r[c.field] as CsvCell))));
    }
  }
  const tableCsvs = buildTableDownloads(model);
  for (const name of [...state.usedTables].sort()) {
    const csv = tableCsvs.get(name)?.();
    if (csv) files.set(`tables/${name}.csv`, csv);
  }
  for (const [path, content] of siteData(modelsCsvText(model.downloads, model.records), model.fits).files) files.set(path, content);
  for (const [path, content] of Object.entries(buildDownloads(model))) files.set(path, content);
  for (const [path, content] of Object.entries(vegaBundles())) files.set(path, content);
  const assets = join(reportsDir, 'assets');
  for (const f of readdirSync(assets).sort()) files.set(`assets/${f}`, readFileSync(join(assets, f)));
  return files;
}

/** The chart the link-preview image (social.png) draws. */
const PREVIEW_CHART = 'compute-over-time';

export function pageFile(slug: string): string {
  return slug === 'overview' ? 'index.html' : `${slug}.html`;
}
