/**
 * `npm run bench -- pages`: how fast each page of the built site (reports/site) becomes usable in
 * headless Chromium: from navigation until its first chart is drawn and interactive (the
 * data-ready-at time charts.js and explorer.js record), the Data page's table is filled
 * (data-page.js), or, on a page without either, DOMContentLoaded. Each page is loaded RUNS times
 * in a fresh browser context (empty cache) from a local HTTP server; the median and range are
 * printed, with the bytes the page loaded. Target: 1 s. Prints figures; never fails on them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createSiteServer, listen } from '../pipeline/render/serve.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SITE = process.env.PAGES_SITE ?? join(here, '..', 'reports', 'site');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.PAGES_RUNS ?? 5);

interface Sample {
  ms: number;
  what: string;
  bytes: number;
}

/**
 * Runs in the page (as text: the TypeScript compiler's helpers do not exist there): waits for the
 * attribute the page's scripts set when the first chart (or the Data page's table) is ready.
 */
const MEASURE = `(async () => {
  const bytes = performance.getEntriesByType('resource').reduce((n, e) => n + (e.encodedBodySize || 0), 0) + (performance.getEntriesByType('navigation')[0]?.encodedBodySize ?? 0);
  const first = document.querySelector('.vega-chart, #systems');
  if (!first) {
    const nav = performance.getEntriesByType('navigation')[0];
    return { ms: nav.domContentLoadedEventEnd, what: 'no chart: DOMContentLoaded', bytes };
  }
  const what = first.id === 'systems' ? 'table filled' : first.closest('#explorer') ? 'Explorer chart interactive' : 'first chart interactive';
  await new Promise((done) => { const check = () => (first.getAttribute('data-ready-at') ? done() : requestAnimationFrame(check)); check(); });
  const all = performance.getEntriesByType('resource').reduce((n, e) => n + (e.encodedBodySize || 0), 0) + (performance.getEntriesByType('navigation')[0]?.encodedBodySize ?? 0);
  return { ms: Number(first.getAttribute('data-ready-at')), what, bytes: all };
})()`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  if (!existsSync(join(SITE, 'index.html'))) {
    console.log(`no site in ${SITE}: build it first with npm run pipeline`);
    return;
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`${CHROMIUM} is not installed (apt-get install -y chromium): nothing measured`);
    return;
  }
  const server = createSiteServer(SITE);
  const url = await listen(server, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
  const pages = readdirSync(SITE).filter((f) => f.endsWith('.html')).sort();
  console.log(`${SITE}, ${RUNS} loads a page, each in a fresh context (no cache), 1280×900; target 1,000 ms\n`);
  console.log(`${'page'.padEnd(24)} ${'first interactive ms'.padStart(21)} ${'(min–max)'.padStart(13)}  ${'loaded KB'.padStart(9)}  what`);
  try {
    for (const file of pages) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(url + file, { waitUntil: 'domcontentloaded' });
        const sample = (await page.evaluate(MEASURE)) as Sample;
        samples.push(sample);
        await context.close();
      }
      const ms = samples.map((s) => s.ms);
      console.log(
        `${file.padEnd(24)} ${String(Math.round(median(ms))).padStart(21)} ${`(${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))})`.padStart(13)}  ${String(Math.round(median(samples.map((s) => s.bytes)) / 1024)).padStart(9)}  ${samples[0].what}`,
      );
    }
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}
