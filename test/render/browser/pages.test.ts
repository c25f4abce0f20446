/**
 * Every page of the built site in Chromium: loads without console errors or failed requests,
 * every chart draws marks, axe finds no violation, nothing overflows a 390 px phone, and
 * screenshots (desktop, phone, dark) go to test/screenshots/. One test per page, so a slow page
 * on a loaded machine costs its own test only.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageFile } from '../../../pipeline/render/site.ts';
import { loadPages } from '../../../pipeline/render/templates.ts';
import { root } from '../fixture.ts';
import { AXE, chartsReady, hasChromium, newContext, screenshotPath, sharedSite, watch, type SiteUnderTest } from './harness.ts';
import { hoverPoint } from './hover.ts';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * The rules of axe that judge colours. The dark theme changes colours only (the dark variables
 * of site.css, the charts' dark theme in charts.js), so the dark pass runs these alone: a full
 * axe run takes up to ~5 s on a page with hundreds of chart marks, mostly in rules that no colour
 * changes, and the light pass has run them all.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const options = only ? { resultTypes: ['violations'], runOnly: { type: 'rule', values: only } } : { resultTypes: ['violations'] };
    return (await axe.run(document, options)).violations;
  }, rules ?? null)) as AxeViolation[];
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The site's pages: one per Markdown page, named by its front matter's slug (index.html for the overview). */
const PAGES = loadPages(join(root, 'reports', 'pages'))
  .map((p) => pageFile(p.slug))
  .sort();

describe.skipIf(!hasChromium)('the site in a browser', () => {
  let site: SiteUnderTest;
  beforeAll(async () => {
    site = await sharedSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('has the report pages, the Explorer among them', () => {
    for (const page of ['index.html', 'explorer.html', 'eras.html', 'breakpoints.html', 'frontier.html', 'parameters.html', 'economic-periods.html', 'run-length.html', 'domains-scale.html', 'who-trains.html', 'thresholds.html', 'data-quality.html', 'data.html', 'methods.html', 'changelog.html']) {
      expect(site.pages).toContain(page);
    }
    expect(site.pages).toEqual(PAGES);
  });

  it.each(PAGES)('%s: loads without errors or failed requests, draws every chart, passes axe (light; its colour rules in dark)', async (file) => {
    for (const dark of [false, true]) {
      const context = await newContext(site.browser, { width: 1280, height: 900, dark });
      const page = await context.newPage();
      const problems = watch(page);
      await page.goto(site.url + file, { waitUntil: 'load' });
      await chartsReady(page);
      const charts = await page.$$eval('.vega-chart', (els) =>
        els.map((el) => ({ id: el.getAttribute('data-spec') ?? el.className, ready: el.getAttribute('data-ready'), marks: el.querySelectorAll('svg .mark-symbol path, svg .mark-line path, svg .mark-area path, svg .mark-rect path').length })),
      );
      for (const c of charts) {
        expect(c.ready, `${file}: chart ${c.id}`).toBe('true');
        expect(c.marks, `${file}: chart ${c.id} drew no marks`).toBeGreaterThan(0);
      }
      expect(await axeViolations(page, dark ? COLOUR_RULES : undefined), `${file} ${dark ? 'dark' : 'light'}: axe`).toEqual([]);
      expect(problems.console, `${file}: console errors`).toEqual([]);
      expect(problems.failed, `${file}: failed requests`).toEqual([]);
      await page.screenshot({ path: screenshotPath(`${dark ? 'dark' : 'desktop'}-${file.replace('.html', '')}.png`), fullPage: true });
      await context.close();
    }
  });

  it.each(PAGES)('%s: fits a 390 px phone, nothing wider than the screen', async (file) => {
    const context = await newContext(site.browser, { width: 390, height: 844, mobile: true });
    const page = await context.newPage();
    await page.goto(site.url + file, { waitUntil: 'load' });
    await chartsReady(page);
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll, `${file}: ${scroll}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: screenshotPath(`phone-${file.replace('.html', '')}.png`), fullPage: true });
    await context.close();
  });

  it('shows a tooltip with the system when a point is hovered', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await page.goto(site.url + 'index.html', { waitUntil: 'load' });
    await chartsReady(page);
    const tooltip = await hoverPoint(page, '#fig-compute-over-time .vega-chart', 'name', 'GPT-3 175B');
    expect(tooltip).toContain('GPT-3 175B');
    expect(tooltip).toContain('Training compute (FLOP)');
    expect(tooltip).toMatch(/10²³/);
    await context.close();
  });

  it('labels every live chart for screen readers and links its points to a data table', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await page.goto(site.url + 'frontier.html', { waitUntil: 'load' });
    await chartsReady(page);
    const labels = await page.$$eval('figure.chart .vega-chart svg', (svgs) => svgs.map((s) => ({ role: s.getAttribute('role'), label: s.getAttribute('aria-label') ?? '' })));
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) {
      expect(l.role).toBe('img');
      expect(l.label.length).toBeGreaterThan(40);
    }
    // The "show data" table is reachable from the keyboard and lists the points.
    await page.focus('#fig-frontier details.show-data summary');
    await page.keyboard.press('Enter');
    expect(await page.locator('#fig-frontier details.show-data table tbody tr').count()).toBeGreaterThan(10);
    await context.close();
  });

  it('prints the Frontier page without menus and with its charts within the page width', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await page.goto(site.url + 'frontier.html', { waitUntil: 'load' });
    await chartsReady(page);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.site-header nav')!).display,
      toc: getComputedStyle(document.querySelector('.toc')!).display,
      tools: [...document.querySelectorAll('.chart-tools')].map((t) => getComputedStyle(t).display),
      widest: Math.max(...[...document.querySelectorAll('figure.chart svg')].map((s) => s.getBoundingClientRect().right)),
      page: document.documentElement.clientWidth,
    }));
    expect(printed.nav).toBe('none');
    expect(printed.toc).toBe('none');
    expect(printed.tools.every((d) => d === 'none')).toBe(true);
    expect(printed.widest).toBeLessThanOrEqual(printed.page);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await context.close();
  });
});
