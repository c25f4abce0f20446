/** The site works opened straight from disk (file://): bundles are local, no server needed. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSiteTo, processedModel } from '../fixture.ts';
import { chartsReady, hasChromium, launch, newContext, watch } from './harness.ts';

describe.skipIf(!hasChromium)('the site from file://', () => {
  let dir: string;
  let browser: Browser;
  beforeAll(async () => {
    dir = await buildSiteTo(processedModel(), 'ct-file-');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads the overview with its chart and no errors or failed requests', async () => {
    const context = await newContext(browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load' });
    await chartsReady(page);
    const marks = await page.locator('#fig-compute-over-time .vega-chart svg .mark-symbol path').count();
    expect(marks).toBeGreaterThan(100);
    expect(problems.console).toEqual([]);
    expect(problems.failed).toEqual([]);
    await context.close();
  });
});
