/**
 * One Chromium for the whole browser suite (vitest globalSetup of the "browser" project): launched
 * once as a browser server that every test file connects to, and one build of the shipped site,
 * served over HTTP, that the page tests share. Launching a browser per file cost most of the
 * suite's time on a loaded machine.
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { createSiteServer, listen } from '../../../pipeline/render/serve.ts';
import { buildSiteTo, processedModel } from '../fixture.ts';
import { BROWSER_ARGS, CHROMIUM, hasChromium } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    browserEndpoint: string;
    siteDir: string;
    siteUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!hasChromium) {
    project.provide('browserEndpoint', '');
    project.provide('siteDir', '');
    project.provide('siteUrl', '');
    return async () => {};
  }
  const browser: BrowserServer = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  const dir = await buildSiteTo(processedModel(), 'ct-browser-');
  const server: Server = createSiteServer(dir);
  const url = await listen(server, 0);
  project.provide('browserEndpoint', browser.wsEndpoint());
  project.provide('siteDir', dir);
  project.provide('siteUrl', url);
  return async () => {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  };
}
