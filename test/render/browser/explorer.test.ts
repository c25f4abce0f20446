/**
 * The Explorer: a domain filter changes the number of marks, the counts and the URL, and
 * reloading the URL restores the view; search highlights a named system; the CSV of the
 * selection holds the filtered systems, formula cells neutralized.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chartsReady, hasChromium, newContext, sharedSite, watch, type SiteUnderTest } from './harness.ts';

const marks = (page: Page) => page.locator('#explorer .ex-chart svg .mark-symbol path').count();
const drawn = async (page: Page) => Number(await page.getAttribute('#explorer .ex-chart', 'data-marks'));

/** Waits until the Explorer has drawn its chart after a change. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#explorer .ex-chart')?.getAttribute('data-ready') === 'true', null, { timeout: 0, polling: 50 });
}

describe.skipIf(!hasChromium)('the Explorer', () => {
  let site: SiteUnderTest;
  beforeAll(async () => {
    site = await sharedSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('filters by domain: fewer marks, counts and URL follow, and the URL restores the view', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(site.url + 'explorer.html', { waitUntil: 'load' });
    await chartsReady(page);
    const all = await drawn(page);
    expect(all).toBeGreaterThan(100);
    expect(await marks(page)).toBeGreaterThanOrEqual(all);
    const status = await page.textContent('#explorer .ex-status');

    await page.getByRole('checkbox', { name: /^vision/ }).check();
    await page.waitForFunction((n) => Number(document.querySelector('#explorer .ex-chart')?.getAttribute('data-marks')) !== n, all, { timeout: 0, polling: 50 });
    await settled(page);
    const vision = await drawn(page);
    expect(vision).toBeGreaterThan(0);
    expect(vision).toBeLessThan(all);
    expect(await page.textContent('#explorer .ex-status')).not.toBe(status);
    expect(page.url()).toMatch(/[#&]domain=vision(&|$)/);

    // A log-linear switch and a colour go into the URL too.
    await page.selectOption('#ex-color', 'method');
    await settled(page);
    const url = page.url();
    expect(url).toContain('color=method');

    await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'load' });
    await chartsReady(page);
    expect(await page.isChecked('#explorer input[data-field="domain"][value="vision"]')).toBe(true);
    expect(await page.inputValue('#ex-color')).toBe('method');
    expect(await drawn(page)).toBe(vision);
    expect(problems.console).toEqual([]);
    await context.close();
  });

  it('finds a system by name and highlights it in the chart', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await page.goto(site.url + 'explorer.html', { waitUntil: 'load' });
    await chartsReady(page);
    await page.fill('#ex-q', 'GPT-3 175B');
    await page.waitForFunction(() => /GPT-3 175B/.test(document.querySelector('#explorer .ex-found')?.textContent ?? ''), null, { timeout: 0, polling: 50 });
    await settled(page);
    // The highlight: a ring and a label with the name, drawn over the other points.
    const labels = await page.$$eval('#explorer .ex-chart svg .mark-text text', (ts) => ts.map((t) => t.textContent));
    expect(labels).toContain('GPT-3 175B');
    const rings = await page.evaluate(() => {
      const view = (document.querySelector('#explorer .ex-chart') as HTMLElement & { vegaView: { data: (n: string) => { name: string; hit: boolean }[] } }).vegaView;
      return view.data('systems').filter((d) => d.hit).map((d) => d.name);
    });
    expect(rings).toEqual(['GPT-3 175B']);
    expect(page.url()).toContain('q=GPT-3+175B');
    await context.close();
  });

  it('downloads the selection as CSV, with every filtered system', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await page.goto(site.url + 'explorer.html#domain=games', { waitUntil: 'load' });
    await chartsReady(page);
    const count = Number(/Systems matching: ([\d,]+)/.exec((await page.textContent('#explorer .ex-status')) ?? '')![1].replace(/,/g, ''));
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 0 }), page.getByRole('button', { name: 'CSV of the selection' }).click()]);
    // The browser may run elsewhere (the suite's shared server): read the download through its stream.
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^id,name,publication_date,/);
    expect(lines).toHaveLength(count + 1);
    expect(lines.slice(1).every((l) => l.includes(',games,') || l.includes(',games\n'))).toBe(true);
    await context.close();
  });
});
