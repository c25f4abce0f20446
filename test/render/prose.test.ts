/**
 * Every page read as text on different data sets (issue 18, item 8): the shipped data, the
 * curated records alone (a raw folder without snapshots), and an Epoch AI export alone. The prose
 * — paragraphs and list items, not tables, figures or code — must be free of the slips a careful
 * reader notices: ISO dates instead of dates in words, "Since 2013–2023", "a year a year",
 * "from from", intervals that collapse to a point, NaN/undefined/Infinity, negative doubling times,
 * unfloored p-values, a mistaken table number, and values called exact.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../pipeline/render/site.ts';
import { rawFolder, root, runLibrary, tempDir } from '../reliability/helpers.ts';
import { processedModel } from './fixture.ts';

const EXPORT = join(root, '../shared/data/epoch/notable_ai_models-2024-12.csv');

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The prose of a page: its paragraphs and list items outside tables, figures, code and details. */
export function prose(html: string): string[] {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  const body = main
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<table[\s\S]*?<\/table>/g, '')
    .replace(/<figure[\s\S]*?<\/figure>/g, '')
    .replace(/<pre[\s\S]*?<\/pre>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, 'CODE')
    .replace(/<nav[\s\S]*?<\/nav>/g, '');
  return [...body.matchAll(/<(p|li)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => decode(m[2])).filter(Boolean);
}

/** The slips, each a pattern and what it means. */
const SLIPS: [RegExp, string][] = [
  [/\b(1[89]|20)\d{2}-\d{2}(-\d{2})?\b/, 'an ISO date in prose'],
  [/\b[Ss]ince \d{4}\s*[–-]\s*\d{4}/, '"Since 2013–2023"'],
  [/\bsince (from|in) \d{4}/, '"since from 2010"'],
  [/\b[Ff]rom from\b|\b[Ii]n in \d{4}/, 'a doubled preposition'],
  [/(a|per) year a year|\/year a year|×\/year per year/, '"a year a year"'],
  [/\((?:95% CI |median [^,]+, 90% )?(\d+(?:\.\d+)?)[–-]\1\)/, 'an interval that collapses to a point'],
  [/\bNaN\b|\bundefined\b|\bInfinity\b|\[object Object\]/, 'a value that is not a number'],
  [/(?:^|[^\w.])[−-]\d+(?:\.\d+)? months\b/, 'a negative doubling time'],
  [/p = \d(?:\.\d+)? × 10⁻(?:¹[¹²³⁴⁵⁶⁷⁸⁹]|[²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]|[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{2})/, 'a p-value below 10⁻¹⁰ not floored'],
  [/Table 3\b/, 'the paper’s table cited as Table 3'],
  [/\bexact(ly)? (value|figure)s?\b|\bare exact\b|\bis exact\b/, 'a value called exact'],
  [/\{\{|\}\}/, 'a template left in the text'],
];

function slips(pages: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [page, html] of pages) {
    for (const text of prose(html)) {
      for (const [re, what] of SLIPS) {
        const m = re.exec(text);
        if (m) found.push(`${page}: ${what}: “…${text.slice(Math.max(0, m.index - 60), m.index + 60)}…”`);
      }
    }
  }
  return found;
}

function sitePages(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('the patterns', () => {
  it('catch the slips they name, and pass the sentences they should', () => {
    const page = (text: string) => new Map([['x.html', `<main><p>${text}</p></main>`]]);
    for (const bad of [
      'Since 2013–2023, the record-setters doubled.',
      'tokens 2.6×/year a year compound',
      'a deep-learning era from 2010-01-01',
      'doubled every 3.55 years (3.55–3.55)',
      'doubled every 5.7 months (95% CI 4.4–4.4)',
      'doubled every -5.2 months',
      'gives p = 4.2 × 10⁻⁸⁴',
      'From from 2010 to 2025',
      'values (Sevilla et al. 2022, Table 3)',
      'NaN months',
    ]) expect(slips(page(bad)), bad).toHaveLength(1);
    for (const good of [
      'from 2010 to 2025, since 2010, in December 2017',
      'doubled every 5.4 months (95% CI 5.0–5.7), 4.7×/year (95% CI 4.3–5.2)',
      'Davies’ test gives p < 10⁻¹⁰.',
      'a doubling time of 3.4 months, the ratio is 0.70–0.99 (95% bootstrap interval)',
      'the 5th–95th percentiles; 2.2 × 10⁻⁵',
    ]) expect(slips(page(good)), good).toEqual([]);
  });

  it('read prose only: tables, figures and code may hold ISO dates', () => {
    expect(prose('<main><p>In December 2024.</p><table><tr><td>2024-12-06</td></tr></table><figure><p>2024-12-06</p></figure><p>file <code>2024-12-06.csv</code></p></main>')).toEqual(['In December 2024.', 'file CODE']);
  });
});

describe('the shipped site reads without slips', () => {
  let pages: Map<string, string>;
  beforeAll(async () => {
    const files = await buildSite(processedModel(), join(root, 'reports'));
    pages = new Map([...files].filter(([p]) => p.endsWith('.html')).map(([p, c]) => [p, c as string]));
  });

  it('every page', () => {
    expect(pages.size).toBeGreaterThanOrEqual(10);
    expect(slips(pages)).toEqual([]);
  });
});

describe('the curated records alone (no snapshots) read without slips', () => {
  let dir: string;
  let pages: Map<string, string>;
  beforeAll(async () => {
    dir = tempDir('prose-curated');
    const raw = rawFolder(dir, { 'models.csv': 'data/raw/models.csv', 'hardware.csv': 'data/raw/hardware.csv', 'assumptions.yaml': 'data/raw/assumptions.yaml', 'aliases.csv': 'data/raw/aliases.csv' });
    await runLibrary(raw, join(dir, 'out'), { resamples: 100 });
    pages = sitePages(join(dir, 'out', 'site'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every page, and the date of the data names no export', () => {
    expect(slips(pages)).toEqual([]);
    expect(pages.get('index.html')).toMatch(/Data as of curated records to \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(pages.get('index.html')).not.toContain('Epoch AI export of');
  });
});

describe.skipIf(!existsSync(EXPORT))('an Epoch AI export alone reads without slips', () => {
  let dir: string;
  let pages: Map<string, string>;
  beforeAll(async () => {
    dir = tempDir('prose-epoch');
    const raw = rawFolder(dir, { 'hardware.csv': 'data/raw/hardware.csv', 'assumptions.yaml': 'data/raw/assumptions.yaml' });
    copyFileSync(EXPORT, join(raw, 'notable_ai_models-2024-12.csv'));
    await runLibrary(raw, join(dir, 'out'), { resamples: 100 });
    pages = sitePages(join(dir, 'out', 'site'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every page', () => {
    expect(slips(pages)).toEqual([]);
    expect(pages.get('index.html')).toContain('Data as of the Epoch AI export of December 2024');
  });
});
