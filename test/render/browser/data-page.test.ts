/**
 * The Data page: shorter than three screens at 1280×900, newest system first, finds a system by
 * name, pages through the rest, and opens a system's details with every models.csv field, its
 * provenance and links; the details have their own address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelColumns } from '../../../pipeline/impute/processed-table.ts';
import { chartsReady, hasChromium, newContext, sharedSite, watch, type SiteUnderTest } from './harness.ts';

describe.skipIf(!hasChromium)('the Data page', () => {
  let site: SiteUnderTest;
  beforeAll(async () => {
    site = await sharedSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('is shorter than three screens, newest first, and finds a system by name', async () => {
    const context = await newContext(site.browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(site.url + 'data.html', { waitUntil: 'load' });
    await chartsReady(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(3 * 900);
    const dates = await page.$$eval('#systems-table tbody tr td:nth-child(4)', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(dates.length).toBe(20);
    expect([...dates].sort().reverse()).toEqual(dates);

    await page.fill('#systems-q', 'GPT-3 175');
    await page.waitForFunction(() => [...document.querySelectorAll('#systems-table tbody tr td:first-child')].some((td) => td.textContent === 'GPT-3 175B'), null, { timeout: 0, polling: 50 });
    expect(page.url()).toContain('q=GPT-3+175');

    await page.getByRole('link', { name: 'GPT-3 175B', exact: true }).click();
    const dialog = page.locator('dialog#system-detail');
    await dialog.locator('dl.detail-fields').first().waitFor({ timeout: 0 });
    expect(await dialog.locator('h2').textContent()).toBe('GPT-3 175B');
    // Every models.csv column, each once, across the provenance and the other fields.
    const names = await dialog.locator('dt code').allTextContents();
    expect([...names].sort()).toEqual(loadModelColumns().map((c) => c.name).sort());
    expect(await dialog.locator('a[href^="https://arxiv.org/abs/"]').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('system=gpt-3-175b');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('system='), null, { timeout: 0, polling: 50 });

    // Pages: the second page starts where the first ended.
    await page.fill('#systems-q', '');
    await page.waitForFunction(() => document.querySelectorAll('#systems-table tbody tr').length === 20, null, { timeout: 0, polling: 50 });
    const first = await page.textContent('#systems-table tbody tr:first-child td:first-child');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction((f) => document.querySelector('#systems-table tbody tr:first-child td:first-child')?.textContent !== f, first, { timeout: 0, polling: 50 });
    expect(page.url()).toContain('page=2');
    expect(problems.console).toEqual([]);
    await context.close();
  });

  it('opens a system from its address', async () => {
    const context = await newContext(site.browser, { width: 390, height: 844, mobile: true });
    const page = await context.newPage();
    await page.goto(site.url + 'data.html#system=alexnet', { waitUntil: 'load' });
    await chartsReady(page);
    await page.locator('dialog#system-detail dl.detail-fields').first().waitFor({ timeout: 0 });
    expect(await page.locator('dialog#system-detail h2').textContent()).toBe('AlexNet');
    await context.close();
  });
});
