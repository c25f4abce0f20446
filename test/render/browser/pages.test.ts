/**
 * Every page of the built site in Chromium: loads without console errors or failed requests,
 * every chart draws marks, a hover shows a tooltip, axe finds no serious or critical violation,
 * nothing overflows a 375 px phone, and screenshots (desktop, phone, dark) go to test/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { processedModel } from '../fixture.ts';
import { AXE, chartsReady, hasChromium, newContext, screenshotPath, startSite, watch, type SiteUnderTest } from './harness.ts';
import { hoverPoint } from './hover.ts';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!hasChromium)('the site in a browser', () => {
  let site: SiteUnderTest;
  beforeAll(async () => {
    site = await startSite(processedModel(), 'ct-browser-');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('has the report pages', () => {
    for (const page of ['index.html', 'eras.html', 'breakpoints.html', 'frontier.html', 'parameters.html', 'economic-periods.html', 'run-length.html', 'data-quality.html', 'data.html', 'methods.html']) {
      expect(site.pages).toContain(page);
    }
  });

  it('loads every page without console errors or failed requests, draws every chart, and passes axe', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const failures: string[] = [];
    for (const file of site.pages) {
      const page = await context.newPage();
      const problems = watch(page);
      await page.goto(site.url + file, { waitUntil: 'load' });
      await chartsReady(page);
      const charts = await page.$$eval('.vega-chart', (els) =>
        els.map((el) => ({ id: el.getAttribute('data-spec'), marks: el.querySelectorAll('svg .mark-symbol path, svg .mark-line path, svg .mark-area path, svg .mark-rect path').length })),
      );
      for (const c of charts) if (c.marks === 0) failures.push(`${file}: chart ${c.id} drew no marks`);
      const axe = await axeViolations(page);
      failures.push(...problems.console.map((m) => `${file}: console error: ${m}`), ...problems.failed.map((m) => `${file}: request failed: ${m}`), ...axe.map((m) => `${file}: axe: ${m}`));
      await page.screenshot({ path: screenshotPath(`desktop-${file.replace('.html', '')}.png`), fullPage: true });
      await page.close();
    }
    await context.close();
    expect(failures).toEqual([]);
  });

  it('fits a 375 px phone: nothing wider than the screen', async () => {
    const context = await newContext(site.browser, { width: 375, height: 812, mobile: true });
    const overflow: string[] = [];
    for (const file of site.pages) {
      const page = await context.newPage();
      await page.goto(site.url + file, { waitUntil: 'load' });
      await chartsReady(page);
      const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
      if (scroll > width) overflow.push(`${file}: ${scroll}px wide on a ${width}px screen`);
      await page.screenshot({ path: screenshotPath(`phone-${file.replace('.html', '')}.png`), fullPage: true });
      await page.close();
    }
    await context.close();
    expect(overflow).toEqual([]);
  });

  it('works in dark mode, with no serious axe violations (contrast included)', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900, dark: true });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(site.url + 'index.html', { waitUntil: 'load' });
    await chartsReady(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('dark-index.png'), fullPage: true });
    expect(problems.console).toEqual([]);
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
    await page.screenshot({ path: screenshotPath('tooltip-index.png') });
    await context.close();
  });
});
