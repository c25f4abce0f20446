/**
 * The site works opened straight from disk (file://): bundles are local, no server needed, and
 * the Explorer and the Data page read their data file as a script (Chromium blocks fetch() there).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsReady, hasChromium, newContext, sharedSite, watch, type SiteUnderTest } from './harness.ts';

describe.skipIf(!hasChromium)('the site from file://', () => {
  let site: SiteUnderTest;
  beforeAll(async () => {
    site = await sharedSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each([
    ['index.html', '#fig-compute-over-time .vega-chart svg .mark-symbol path', 100],
    ['explorer.html', '#explorer .ex-chart svg .mark-symbol path', 100],
    ['data.html', '#systems-table tbody tr', 20],
  ])('%s: loads with its chart or table and no errors or failed requests', async (file, selector, least) => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(pathToFileURL(join(site.dir, file)).href, { waitUntil: 'load' });
    await chartsReady(page);
    expect(await page.locator(selector).count()).toBeGreaterThanOrEqual(least);
    expect(problems.console).toEqual([]);
    expect(problems.failed).toEqual([]);
    await context.close();
  });

  it("opens a system's details from file://", async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${pathToFileURL(join(site.dir, 'data.html')).href}#system=gpt-3-175b`, { waitUntil: 'load' });
    await page.locator('dialog#system-detail dl.detail-fields').first().waitFor({ timeout: 0 });
    expect(await page.locator('dialog#system-detail h2').textContent()).toBe('GPT-3 175B');
    expect(problems.console).toEqual([]);
    await context.close();
  });
});
