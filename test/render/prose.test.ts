/**
 * Every page read as text on different data sets (issue 18, item 8): the shipped data, the
 * curated records alone (a raw folder without snapshots), and an Epoch AI export alone. The prose
 * — paragraphs and list items, not tables, figures or code — must be free of the slips a careful
 * reader notices: ISO dates instead of dates in words, "Since 2013–2023", "a year a year",
 * "from from", intervals that collapse to a point, NaN/undefined/Infinity, negative doubling times,
 * unfloored p-values, a mistaken table number, values called exact, and rates of ours printed
 * without their interval.
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

/**
 * A rate — growth "N×/year" or a doubling time "doubles every N months" — must carry its interval
 * right after it ("(95% CI …)", "(median …, 90% …)"), or be one end of a range. A sentence that
 * quotes a published figure and none of ours (no "our", "ours", "we") may print the figure as its
 * source gives it, without an interval.
 */
const RATE = /(\d+(?:\.\d+)?)×\/year|doubl\w*[^;:()]{0,40}?\b(\d+(?:\.\d+)?) (?:months|years)\b/g;
const INTERVAL_AFTER = /^\s*(?:\(|, )(?:95%|90%|median|\d+(?:\.\d+)?[–-])/;
const QUOTES_SOURCE = /et al\.|Epoch AI|OpenAI|Amodei|Jones|the post\b|published/;
const OURS = /\b(?:[Oo]ur|ours|[Ww]e)\b/;

export function ratesWithoutInterval(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
    if (QUOTES_SOURCE.test(sentence) && !OURS.test(sentence)) continue;
    for (const m of sentence.matchAll(RATE)) {
      const value = m[1] ?? m[2];
      const start = m.index + m[0].lastIndexOf(value);
      const upperEnd = /[–-]\s*$/.test(sentence.slice(0, start));
      const lowerEnd = /^[–-]\d/.test(sentence.slice(start + value.length));
      if (upperEnd || lowerEnd || INTERVAL_AFTER.test(sentence.slice(m.index + m[0].length))) continue;
      out.push(m[0]);
    }
  }
  return out;
}

function slips(pages: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [page, html] of pages) {
    for (const text of prose(html)) {
      for (const [re, what] of SLIPS) {
        const m = re.exec(text);
        if (m) found.push(`${page}: ${what}: “…${text.slice(Math.max(0, m.index - 60), m.index + 60)}…”`);
      }
      // The changelog is the log of past imports, each written once by the refresh (a point estimate at import time).
      if (page === 'changelog.html') continue;
      for (const rate of ratesWithoutInterval(text)) found.push(`${page}: a rate without its interval: “${rate}” in “${text.slice(0, 160)}…”`);
    }
  }
  return found;
}

/**
 * Every link and source of the site's pages that names a file of the site (not an http(s) or
 * mailto address, not a fragment of the page itself) and finds none there: "page -> target".
 * `has` says whether the site holds a file (a path relative to the site's root).
 */
export function unresolvedLinks(pages: Map<string, string>, has: (path: string) => boolean): string[] {
  const missing: string[] = [];
  for (const [page, html] of pages) {
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const target = m[1].replace(/&amp;/g, '&');
      if (target === '' || /^(https?:|mailto:|#|data:)/.test(target)) continue;
      const path = decodeURIComponent(target.split('#')[0].split('?')[0]);
      if (!has(path)) missing.push(`${page} -> ${target}`);
    }
  }
  return missing;
}

/** Whether the site written to `dir` holds a file. */
const onDisk = (dir: string) => (path: string) => existsSync(join(dir, path));

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
    ]) expect(slips(page(bad)).filter((s) => !s.includes('a rate without its interval')), bad).toHaveLength(1);
    for (const good of [
      'from 2010 to 2025, since 2010, in December 2017',
      'doubled every 5.4 months (95% CI 5.0–5.7), 4.7×/year (95% CI 4.3–5.2)',
      'Davies’ test gives p < 10⁻¹⁰.',
      'a doubling time of 3.4 months (95% CI 3.0–3.9), the ratio is 0.70–0.99 (95% bootstrap interval)',
      'the 5th–95th percentiles; 2.2 × 10⁻⁵',
    ]) expect(slips(page(good)), good).toEqual([]);
  });

  it('find our rates printed without their interval, and pass ranges, intervals and quoted figures', () => {
    expect(ratesWithoutInterval('Large-scale systems grew 3.1×/year.')).toEqual(['3.1×/year']);
    expect(ratesWithoutInterval('Our record-setters doubled every 7.4 months, as the chart shows.')).toEqual(['doubled every 7.4 months']);
    // Ours beside a quoted figure: the quote is excused only in a sentence without ours.
    expect(ratesWithoutInterval('Epoch AI gives 4.6×/year; our fit gives 4.2×/year.')).toEqual(['4.6×/year', '4.2×/year']);
    for (const good of [
      'doubled every 5.4 months (95% CI 5.0–5.7), 4.7×/year (95% CI 4.3–5.2)',
      'a doubling time of 3.4 months (median 3.3, 90% 2.9–3.9)',
      'FLOP/s per dollar doubling every 2.46 years, 95% interval 2.24–2.72 years',
      'Epoch AI describes the frontier as 4–5×/year.',
      'Amodei & Hernandez (2018) found a doubling every 3.4 months.',
      'The longest training run in the data lasted 5.4 months.',
      'doubling every 5.0–5.7 months',
    ]) expect(ratesWithoutInterval(good), good).toEqual([]);
    // The page check applies it to prose, but not to the changelog (the log written at each import).
    const pages = new Map([['x.html', '<main><p>It grew 2.0×/year.</p></main>'], ['changelog.html', '<main><p>It grew 2.0×/year.</p></main>']]);
    expect(slips(pages)).toHaveLength(1);
  });

  it('read prose only: tables, figures and code may hold ISO dates', () => {
    expect(prose('<main><p>In December 2024.</p><table><tr><td>2024-12-06</td></tr></table><figure><p>2024-12-06</p></figure><p>file <code>2024-12-06.csv</code></p></main>')).toEqual(['In December 2024.', 'file CODE']);
  });
});

describe('the shipped site reads without slips', () => {
  let pages: Map<string, string>;
  let files: Map<string, string | Uint8Array>;
  beforeAll(async () => {
    // Built in memory from the shipped processed data: a fresh clone has no reports/site yet.
    files = await buildSite(processedModel(), join(root, 'reports'));
    pages = new Map([...files].filter(([p]) => p.endsWith('.html')).map(([p, c]) => [p, c as string]));
  });

  it('every page', () => {
    expect(pages.size).toBeGreaterThanOrEqual(10);
    expect(slips(pages)).toEqual([]);
  });

  it('links only to files the published site has', () => {
    expect(unresolvedLinks(pages, (path) => files.has(path))).toEqual([]);
    // The check finds a link to a file the site lacks.
    expect(unresolvedLinks(new Map([['x.html', '<a href="data/none.csv#top">x</a> <a href="#here">y</a>']]), (path) => files.has(path))).toEqual(['x.html -> data/none.csv#top']);
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

  it('links only to files the site has: no merge report without an export', () => {
    expect(unresolvedLinks(pages, onDisk(join(dir, 'out', 'site')))).toEqual([]);
    const data = prose(pages.get('data.html')!).join(' ');
    expect(data).not.toContain('merge-report.csv');
    expect(data).not.toContain('where an export is merged');
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

  it('the Data page says the export is the whole dataset, not what it adds to curated records', () => {
    const data = prose(pages.get('data.html')!).join(' ');
    expect(data).toContain('Every system here comes from Epoch AI\'s "Notable AI Models" (export of December 2024): this run has no curated records');
    expect(data).not.toContain('curated records lack');
  });

  it('describes the merge report and the license as of the export alone, and links only to files the site has', () => {
    const data = prose(pages.get('data.html')!).join(' ');
    expect(data).toContain('merge-report.csv — every row of the export: added as a system or dropped (why)');
    expect(data).not.toContain('merged upstream export');
    expect(data).toContain("values belong to their cited sources. Epoch AI's data is CC BY 4.0 by Epoch AI.");
    expect(unresolvedLinks(pages, onDisk(join(dir, 'out', 'site')))).toEqual([]);
  });
});
