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
import { buildContext } from './context.ts';
import { buildDownloads } from './downloads.ts';
import { addHeadingIds, tableOfContents } from './toc.ts';

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

export async function buildSite(model: RenderModel, reportsDir: string): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const hbs = Handlebars.create();
  loadPartials(hbs, join(reportsDir, 'layout', 'partials'));
  const layout = hbs.compile(readFileSync(join(reportsDir, 'layout', 'page.hbs'), 'utf8'), { strict: true });
  const charts = buildChartSet(model);
  const state = createHelperState(charts.drawn, buildTables(model), charts.notDrawn);
  registerHelpers(hbs, state);
  const md = createMarkdown();
  addHeadingIds(md);
  const pages = loadPages(join(reportsDir, 'pages'));
  const context = buildContext(model);
  const nav = pages.map((p) => ({ href: pageFile(p.slug), title: p.nav ?? p.title, slug: p.slug }));
  for (const page of pages) {
    resetPage(state);
    const body = fillBlocks(renderPageBody(hbs, md, page, context), state);
    files.set(
      pageFile(page.slug),
      layout({
        ...context,
        page: { title: page.title, description: page.description, slug: page.slug, image: previewImage(state.pageCharts[0], charts.drawn) },
        nav: nav.map((n) => ({ ...n, current: n.slug === page.slug })),
        toc: tableOfContents(body),
        body: new Handlebars.SafeString(body),
      }),
    );
  }
  // The link-preview image of pages without a figure (when there is anything to plot).
  if (charts.drawn.has(PREVIEW_CHART)) state.used.add(PREVIEW_CHART);
  for (const name of [...state.used].sort()) {
    const chart = state.charts.get(name)!;
    files.set(`charts/${name}.svg`, await specToSvg(chart.spec));
    if (chart.rows.length > 0) {
      files.set(`charts/${name}.csv`, toCsv(chart.columns.map((c) => c.field), chart.rows.map((r) => chart.columns.map((c) => r[c.field] as CsvCell))));
    }
  }
  const tableCsvs = buildTableDownloads(model);
  for (const name of [...state.usedTables].sort()) {
    const csv = tableCsvs.get(name)?.();
    if (csv) files.set(`tables/${name}.csv`, csv);
  }
  for (const [path, content] of Object.entries(buildDownloads(model))) files.set(path, content);
  for (const [path, content] of Object.entries(vegaBundles())) files.set(path, content);
  const assets = join(reportsDir, 'assets');
  for (const f of readdirSync(assets).sort()) files.set(`assets/${f}`, readFileSync(join(assets, f)));
  return files;
}

const PREVIEW_CHART = 'compute-over-time';

/** A page's link-preview image: its first figure, else the compute chart, else the site's icon (no data to plot). */
function previewImage(first: string | undefined, drawn: ReadonlyMap<string, unknown>): string {
  const chart = first ?? (drawn.has(PREVIEW_CHART) ? PREVIEW_CHART : undefined);
  return chart ? `charts/${chart}.svg` : 'assets/favicon.svg';
}

export function pageFile(slug: string): string {
  return slug === 'overview' ? 'index.html' : `${slug}.html`;
}
