/**
 * Browser-test harness: Debian's Chromium driven by playwright-core, a local HTTP server over a
 * site built into a temp folder, and collectors for console errors and failed requests.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createSiteServer, listen } from '../../../pipeline/render/serve.ts';
import type { RenderModel } from '../../../pipeline/render/model.ts';
import { buildSiteTo, root } from '../fixture.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = join(root, 'test', 'screenshots');
export const AXE = join(root, 'node_modules', 'axe-core', 'axe.min.js');

export interface SiteUnderTest {
  dir: string;
  url: string;
  pages: string[];
  browser: Browser;
  close: () => Promise<void>;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function startSite(model: RenderModel, prefix: string): Promise<SiteUnderTest> {
  const dir = await buildSiteTo(model, prefix);
  const server: Server = createSiteServer(dir);
  const url = await listen(server, 0);
  const browser = await launch();
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  return {
    dir,
    url,
    pages,
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

/** Waits until every chart on the page has been embedded (or has failed). */
export async function chartsReady(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('.vega-chart')].every((el) => el.querySelector('svg') || el.textContent!.trim() !== ''), null, { timeout: 20_000 });
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
