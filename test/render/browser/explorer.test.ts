/**
 * The Explorer: a domain filter changes the number of marks, the counts and the URL, and
 * reloading the URL restores the view; search highlights a named system; the CSV of the
 * selection holds the filtered systems, formula cells neutralized; training cost is drawn on one
 * basis at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadModelColumns, modelsCsvPieces } from '../../../pipeline/impute/processed-table.ts';
import { joinText } from '../../../pipeline/io/csv-writer.ts';
import { processedModel } from '../fixture.ts';
import { chartsReady, hasChromium, newContext, sharedSite, startSite, watch, type SiteUnderTest } from './harness.ts';

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
    // Issue #20's filters, each read from a models.csv column the shipped data fills.
    const filters = await page.$$eval('#explorer .ex-filters legend', (ls) => ls.map((l) => l.textContent));
    expect(filters).toEqual(
      expect.arrayContaining(['Publication date', 'Domain', 'Organization', 'Organization type', 'Country', 'Open weights', 'Who produced the compute value', 'Confidence of a third-party estimate']),
    );

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

/**
 * Training cost is stated on several bases (cloud, upfront, 2023 USD) that must never share an
 * axis: the Explorer draws one at a time, says which, and lets the reader choose another.
 */
describe.skipIf(!hasChromium)('the Explorer with training cost on two bases', () => {
  let site: SiteUnderTest;
  let counts: Record<string, number>;
  beforeAll(async () => {
    const model = processedModel();
    // The test's own data: every other system with a cost gets a second basis (its value unchanged).
    let k = 0;
    const records = model.records.map((r) => (r.trainingCost && k++ % 2 === 0 ? { ...r, trainingCost: { ...r.trainingCost, basis: 'cloud' as const } } : r));
    counts = {};
    for (const r of records) if (r.trainingCost && r.year !== null) counts[r.trainingCost.basis] = (counts[r.trainingCost.basis] ?? 0) + 1;
    site = await startSite({ ...model, records, downloads: { ...model.downloads, 'models.csv': joinText(modelsCsvPieces(records, loadModelColumns())) } }, 'ct-cost-bases-');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('draws one basis at a time, says which, and switches when the reader picks another', async () => {
    expect(Object.keys(counts).sort()).toEqual(['2023-usd', 'cloud']);
    const most = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : 1))[0];
    const other = most === 'cloud' ? '2023-usd' : 'cloud';
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(site.url + 'explorer.html#x=year&y=cost', { waitUntil: 'load' });
    await chartsReady(page);
    expect(await drawn(page)).toBe(counts[most]);
    expect(await page.textContent('#explorer .ex-basis')).toContain(`${most}, the basis most systems have`);
    const titles = await page.$$eval('#explorer .ex-chart svg .role-axis-title text', (ts) => ts.map((t) => t.textContent));
    expect(titles).toContain(`Training cost (US dollars), ${most} basis`);

    await page.check(`#explorer input[data-field="costbasis"][value="${other}"]`);
    await page.waitForFunction((n) => Number(document.querySelector('#explorer .ex-chart')?.getAttribute('data-marks')) === n, counts[other], { timeout: 0, polling: 50 });
    await settled(page);
    expect(await page.textContent('#explorer .ex-basis')).toContain(`shown on one basis: ${other}.`);
    expect(page.url()).toContain(`costbasis=${other}`);

    // Both bases ticked is still one basis on the axis, never the two mixed.
    await page.check(`#explorer input[data-field="costbasis"][value="${most}"]`);
    await page.waitForFunction((n) => Number(document.querySelector('#explorer .ex-chart')?.getAttribute('data-marks')) === n, counts[most], { timeout: 0, polling: 50 });
    expect(problems.console).toEqual([]);
    await context.close();
  });
});
