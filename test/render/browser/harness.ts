/**
 * Browser-test harness: the suite's one Chromium (started by global-setup.ts, connected to here),
 * the shipped site it serves, a local HTTP server for a site built by a test itself, collectors
 * for console errors and failed requests, and waits on what the pages signal (a chart's
 * data-ready attribute, the Explorer's and the Data page's data-state), never on a fixed delay.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { createSiteServer, listen } from '../../../pipeline/render/serve.ts';
import type { RenderModel } from '../../../pipeline/render/model.ts';
import { buildSiteTo, root } from '../fixture.ts';
import { BROWSER_ARGS, CHROMIUM, hasChromium } from './chromium.ts';

export { CHROMIUM, hasChromium };
export const SCREENSHOTS = join(root, 'test', 'screenshots');
export const AXE = join(root, 'node_modules', 'axe-core', 'axe.min.js');

export interface SiteUnderTest {
  dir: string;
  url: string;
  pages: string[];
  browser: Browser;
  close: () => Promise<void>;
}

/** The suite's shared Chromium, or one of this file's own when run outside the browser project. */
export async function launch(): Promise<Browser> {
  const endpoint = inject('browserEndpoint');
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
}

function htmlPages(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
}

/** The shipped site, built once for the suite (global-setup.ts). */
export async function sharedSite(): Promise<SiteUnderTest> {
  const dir = inject('siteDir');
  const browser = await launch();
  return { dir, url: inject('siteUrl'), pages: htmlPages(dir), browser, close: () => browser.close() };
}

/** A site built from `model` for one test file, served on a port of its own. */
export async function startSite(model: RenderModel, prefix: string): Promise<SiteUnderTest> {
  const dir = await buildSiteTo(model, prefix);
  const server: Server = createSiteServer(dir);
  const url = await listen(server, 0);
  const browser = await launch();
  return {
    dir,
    url,
    pages: htmlPages(dir),
    browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Problems {
  console: string[];
  failed: string[];
  dialogs: string[];
}

/** Records console errors, page errors, failed or 4xx/5xx requests and any dialog (alert) the page opens. */
export function watch(page: Page): Problems {
  const p: Problems = { console: [], failed: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') p.console.push(m.text());
  });
  page.on('pageerror', (e) => p.console.push(String(e)));
  page.on('requestfailed', (r) => p.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) p.failed.push(`${r.url()} HTTP ${r.status()}`);
  });
  page.on('dialog', (d) => {
    p.dialogs.push(d.message());
    void d.dismiss();
  });
  return p;
}

/**
 * Waits until every chart, the Explorer and the Data page's table say they are drawn (or have
 * failed): attributes the site's scripts set. No time limit of its own: a loaded machine is slow,
 * not broken; the test's own limit catches a page that never gets there.
 */
export async function chartsReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.vega-chart')].every((el) => el.getAttribute('data-ready') === 'true' || el.getAttribute('data-ready') === 'error') &&
      [...document.querySelectorAll('#explorer, #systems')].every((el) => el.getAttribute('data-state') === 'ready' || el.getAttribute('data-state') === 'error'),
    null,
    { timeout: 0, polling: 50 },
  );
}

export async function newContext(browser: Browser, options: { width: number; height: number; dark?: boolean; mobile?: boolean }): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: 1,
    colorScheme: options.dark ? 'dark' : 'light',
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}
