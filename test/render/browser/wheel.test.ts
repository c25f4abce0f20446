/**
 * The wheel over a chart scrolls the page (it used to zoom the chart); Ctrl + wheel and the
 * toolbar's buttons zoom; the reset button restores the chart's view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chartsReady, hasChromium, newContext, sharedSite, type SiteUnderTest } from './harness.ts';

const CHART = '#fig-compute-over-time .vega-chart';

async function xDomain(page: Page): Promise<number[]> {
  return page.$eval(CHART, (el) => (el as HTMLElement & { vegaView: { scale: (n: string) => { domain: () => number[] } } }).vegaView.scale('x').domain().map(Number));
}

describe.skipIf(!hasChromium)('the wheel over a chart', () => {
  let site: SiteUnderTest;
  beforeAll(async () => {
    site = await sharedSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('scrolls the page and leaves the chart as it was; Ctrl + wheel zooms; the buttons zoom and reset', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await page.goto(site.url + 'index.html', { waitUntil: 'load' });
    await chartsReady(page);
    const box = (await page.locator(CHART).boundingBox())!;
    // Bring the chart under the pointer, away from the page's ends so it can scroll both ways.
    await page.evaluate((top) => window.scrollTo(0, top - 200), box.y);
    const before = { scroll: await page.evaluate(() => window.scrollY), domain: await xDomain(page) };
    const at = (await page.locator(CHART).boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.wheel(0, 240);
    await page.waitForFunction((y) => window.scrollY > y, before.scroll, { timeout: 0, polling: 50 });
    expect(await xDomain(page)).toEqual(before.domain);

    // Ctrl + wheel zooms the chart instead.
    const at2 = (await page.locator(CHART).boundingBox())!;
    await page.mouse.move(at2.x + at2.width / 2, at2.y + at2.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -240);
    await page.keyboard.up('Control');
    await page.waitForFunction(
      ([sel, lo, hi]) => {
        const v = (document.querySelector(sel as string) as HTMLElement & { vegaView: { scale: (n: string) => { domain: () => number[] } } }).vegaView;
        const d = v.scale('x').domain();
        return d[0] > (lo as number) || d[1] < (hi as number);
      },
      [CHART, before.domain[0], before.domain[1]],
      { timeout: 0, polling: 50 },
    );

    // The visible reset button restores the view; the zoom-in button narrows it.
    const tools = page.locator('#fig-compute-over-time .chart-tools');
    await tools.getByRole('button', { name: 'Reset view' }).click();
    await page.waitForFunction(([sel, lo, hi]) => {
      const d = (document.querySelector(sel as string) as HTMLElement & { vegaView: { scale: (n: string) => { domain: () => number[] } } }).vegaView.scale('x').domain();
      return Math.abs(d[0] - (lo as number)) < 1e-9 && Math.abs(d[1] - (hi as number)) < 1e-9;
    }, [CHART, before.domain[0], before.domain[1]], { timeout: 0, polling: 50 });
    await tools.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction(([sel, width]) => {
      const d = (document.querySelector(sel as string) as HTMLElement & { vegaView: { scale: (n: string) => { domain: () => number[] } } }).vegaView.scale('x').domain();
      return d[1] - d[0] < (width as number) * 0.9;
    }, [CHART, before.domain[1] - before.domain[0]], { timeout: 0, polling: 50 });
    await context.close();
  });

  it('exports SVG and PNG with the figure title, the source line and the licence', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await page.goto(site.url + 'index.html', { waitUntil: 'load' });
    await chartsReady(page);
    const read = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 0 }), page.locator('#fig-compute-over-time .chart-tools').getByRole('button', { name: `Download the chart as ${name}` }).click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      return { file: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
    };
    const svg = await read('SVG');
    expect(svg.file).toBe('compute-over-time.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('Training compute of notable ML systems over time');
    expect(text).toMatch(/Source: .*data as of \d{4}-\d{2}-\d{2}\. Licence: CC BY 4\.0\./);
    const png = await read('PNG');
    expect(png.file).toBe('compute-over-time.png');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    await context.close();
  });
});
