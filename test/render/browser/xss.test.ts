/**
 * A system named `<img src=x onerror=alert(1)>` (and an organization, source title, link and input
 * file name built the same way) appears as text on every page, in every table and in tooltips, and
 * nothing it contains ever runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileModel, XSS, XSS_ID } from '../fixture.ts';
import { chartsReady, hasChromium, newContext, startSite, watch, type SiteUnderTest } from './harness.ts';
import { hoverPoint } from './hover.ts';

/** Pages and how many of their tables list the probe; the Data page's provenance block has two (sources, funnel). */
const TABLES_WITH_PROBE: Record<string, number> = {
  'index.html': 1, // figure data
  'eras.html': 2, // figure data, low outliers
  'breakpoints.html': 0, // the probe is a low outlier, left out of the fit
  'frontier.html': 2, // figure data, record-setters
  'parameters.html': 2, // two figures' data
  'economic-periods.html': 1, // figure data
  'data-quality.html': 4, // audit figure data, disagreements, every audited system, low outliers
  'data.html': 3, // all systems (the probe is among the newest), sources, funnel
  'methods.html': 0,
  'run-length.html': 0,
  // The trend pages: figure data of the charts that plot records (the probe is a low outlier, so not among the domain trends').
  'domains-scale.html': 6, // duration, chips, chip-hours, cost, power, tokens per parameter
  'who-trains.html': 1, // open-closed figure data
  'thresholds.html': 0, // counts and the newest systems come from fits.json, computed without the probe
  'explorer.html': 0,
  'changelog.html': 0,
};

describe.skipIf(!hasChromium)('escaping: a hostile system name stays text', () => {
  let site: SiteUnderTest;
  beforeAll(async () => {
    site = await startSite(hostileModel(), 'ct-xss-');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('never appears as markup in any built file', () => {
    for (const file of readdirSync(site.dir, { recursive: true }) as string[]) {
      if (!/\.(html|svg)$/.test(file)) continue;
      const text = readFileSync(join(site.dir, file), 'utf8');
      expect(text, file).not.toContain(XSS);
      expect(text, file).not.toContain('<script>alert');
    }
  });

  it('shows as text on every page and in every table that lists it, and runs nothing', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    for (const file of site.pages) {
      const page = await context.newPage();
      const problems = watch(page);
      await page.goto(site.url + file, { waitUntil: 'load' });
      await chartsReady(page);
      const dom = await page.evaluate((probe) => ({
        // textContent: the figure data tables sit in closed <details>, which innerText leaves out.
        text: (document.body.textContent ?? "").includes(probe),
        injected: document.querySelectorAll('img[src="x"], [onerror], script:not([src]):not([type="application/json"])').length,
        tables: [...document.querySelectorAll('table')].filter((t) => (t.textContent ?? '').includes(probe)).length,
      }), XSS);
      if (TABLES_WITH_PROBE[file]) expect(dom.text, `${file}: the name shows as text`).toBe(true);
      expect(dom.injected, `${file}: injected elements`).toBe(0);
      if (TABLES_WITH_PROBE[file] !== undefined) expect(dom.tables, `${file}: tables showing the name`).toBe(TABLES_WITH_PROBE[file]);
      expect(problems.dialogs, `${file}: dialogs`).toEqual([]);
      expect(problems.console, `${file}: console errors`).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it('shows as text in the Explorer search and highlight, and in the Data page details', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(site.url + 'explorer.html', { waitUntil: 'load' });
    await chartsReady(page);
    await page.fill('#ex-q', XSS);
    await page.waitForFunction((probe) => (document.querySelector('#explorer .ex-found')?.textContent ?? '').includes(probe), XSS, { timeout: 0, polling: 50 });
    await page.waitForFunction(() => document.querySelector('#explorer .ex-chart')?.getAttribute('data-ready') === 'true', null, { timeout: 0, polling: 50 });
    expect(await page.$$eval('#explorer .ex-chart svg .mark-text text', (ts) => ts.map((t) => t.textContent))).toContain(XSS);
    await page.goto(site.url + 'data.html#system=' + XSS_ID, { waitUntil: 'load' });
    await page.locator('dialog#system-detail dl.detail-fields').first().waitFor({ timeout: 0 });
    expect(await page.locator('dialog#system-detail h2').textContent()).toBe(XSS);
    expect(await page.locator('dialog#system-detail').innerText()).toContain(`${XSS} Lab`);
    const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror], script:not([src]):not([type="application/json"])').length);
    expect(injected).toBe(0);
    expect(problems.dialogs).toEqual([]);
    expect(problems.console).toEqual([]);
    await context.close();
  });

  it('shows as text in chart tooltips', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    const problems = watch(page);
    for (const [file, chart] of [
      ['index.html', 'compute-over-time'],
      ['frontier.html', 'frontier'],
      ['economic-periods.html', 'economic-periods'],
      ['parameters.html', 'parameters'],
      ['data-quality.html', 'audit-ratios'],
    ]) {
      await page.goto(site.url + file, { waitUntil: 'load' });
      await chartsReady(page);
      const text = await hoverPoint(page, `#fig-${chart} .vega-chart`, 'name', XSS);
      expect(text, `${file} ${chart}`).toContain(XSS);
      expect(await page.locator('#vg-tooltip-element img, #vg-tooltip-element script').count()).toBe(0);
    }
    expect(problems.dialogs).toEqual([]);
    await context.close();
  });
});
