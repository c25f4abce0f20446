/**
 * On the shipped site (issue 18): no value a third party estimated shows the authors' method or
 * the authors' paper as its source — in any chart's tooltip data and "show data" rows, or in the
 * tables that list values (record-setters, audit, all systems) — and each names its producer.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../pipeline/render/site.ts';
import { splitCitation, valueProvenance } from '../../pipeline/render/value-provenance.ts';
import type { ProcessedRecord } from '../../pipeline/schema/records.ts';
import { processedModel, root } from './fixture.ts';

const model = processedModel();
const byId = new Map(model.records.map((r) => [r.id, r]));
const thirdParty = model.records.filter((r) => r.flop?.provenance.kind === 'third-party');
const paperOf = (r: ProcessedRecord) => `${r.citation.title} (${r.citation.year})`;
let files: Map<string, string | Uint8Array>;

beforeAll(async () => {
  files = await buildSite(model, join(root, 'reports'));
});

/** Every row object of every data array in a chart spec. */
function dataRows(spec: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.data && typeof o.data === 'object' && Array.isArray((o.data as { values?: unknown }).values)) out.push(...((o.data as { values: Record<string, unknown>[] }).values));
      Object.values(o).forEach(walk);
    }
  };
  walk(spec);
  return out;
}

/** The cells of each row of the table whose header holds `header`, as text. */
function tableRows(html: string, header: string): string[][] {
  const table = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]).find((t) => t.includes(`>${header}</th>`));
  if (!table) return [];
  const text = (cell: string) => cell.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').trim();
  const heads = [...table.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => text(m[1]));
  return [heads, ...[...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1])))];
}

describe('who produced each value, on the shipped site', () => {
  it('the shipped data hold third-party values (Epoch AI above all)', () => {
    expect(thirdParty.length).toBeGreaterThan(300);
    expect(thirdParty.filter((r) => r.flop!.provenance.estimatedBy === 'Epoch AI').length).toBeGreaterThan(300);
  });

  it('each third-party value names its producer and its own source, never the authors’ method or paper', () => {
    for (const r of thirdParty) {
      const v = valueProvenance(r)!;
      expect(v.by.startsWith(`${r.flop!.provenance.estimatedBy} (third party`), r.id).toBe(true);
      expect(v.source, r.id).not.toBe(paperOf(r));
      expect(v.source, r.id).toBe(splitCitation(r.flop!.source).text);
    }
  });

  it('in every chart’s tooltip data and rows', () => {
    let checked = 0;
    for (const [path, content] of files) {
      if (!path.endsWith('.html')) continue;
      for (const m of (content as string).matchAll(/<script type="application\/json" id="spec-[^"]+">([\s\S]*?)<\/script>/g)) {
        for (const row of dataRows(JSON.parse(m[1]))) {
          const r = typeof row.id === 'string' ? byId.get(row.id) : undefined;
          if (!r || r.flop?.provenance.kind !== 'third-party' || !('value_by' in row)) continue;
          checked++;
          const who = r.flop.provenance.estimatedBy!;
          expect(String(row.value_by).startsWith(who), `${path} ${r.id}`).toBe(true);
          expect(row.value_source, `${path} ${r.id}`).not.toBe(paperOf(r));
          expect(row.source, `${path} ${r.id}`).not.toBe(paperOf(r));
          expect(['stated', 'converted']).not.toContain(row.method);
          if (who === 'Epoch AI') expect(String(row.value_source)).toContain('Epoch AI');
          if (who === 'Epoch AI') expect(row.link).toBe('https://epoch.ai/data/notable-ai-models');
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('in the Data page’s file of every system (data/systems.js), which its table and the Explorer read', () => {
    const text = String(files.get('data/systems.js'));
    const D = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {
      id: string[];
      source: string[];
      link: string[];
      by: { dict: string[]; codes: number[] };
      vsource: { dict: string[]; codes: number[] };
      vlink: { dict: string[]; codes: number[] };
    };
    const at = (c: { dict: string[]; codes: number[] }, i: number) => (c.codes[i] < 0 ? '' : c.dict[c.codes[i]]);
    let checked = 0;
    D.id.forEach((id, i) => {
      const r = byId.get(id)!;
      const v = valueProvenance(r);
      expect(at(D.by, i), id).toBe(v?.who ?? '');
      if (r.flop?.provenance.kind !== 'third-party') return;
      checked++;
      // The page shows the coded source, or the paper when the code is '' (the authors' own values, or no value).
      expect(at(D.vsource, i), id).not.toBe('');
      expect(at(D.vsource, i), id).toBe(v!.source);
      expect(at(D.vsource, i), id).not.toBe(paperOf(r));
      expect(at(D.vlink, i), id).toBe(v!.link);
      expect(at(D.by, i), id).toBe(`${r.flop.provenance.estimatedBy} (third party)`);
    });
    expect(checked).toBeGreaterThan(300);
  });

  it('in the tables that list values: the Data page’s first rows, the record-setters, the audit', () => {
    const checks: [string, string][] = [
      ['data.html', 'Source of the value'],
      ['frontier.html', 'Paper'],
      ['data-quality.html', 'Used ÷ estimated'],
    ];
    let checked = 0;
    for (const [page, header] of checks) {
      const [heads, ...rows] = tableRows(files.get(page) as string, header);
      const by = heads.indexOf('Value by');
      const source = heads.indexOf('Source of the value');
      expect([page, by, source].every((v) => v !== -1)).toBe(true);
      for (const cells of rows) {
        if (!cells[by].includes('(third party')) continue;
        checked++;
        expect(cells[source], `${page}: ${cells[0]}`).not.toMatch(/^$/);
        const r = model.records.find((x) => x.name === cells[0] && x.flop?.provenance.kind === 'third-party');
        if (r) expect(cells[source], `${page}: ${cells[0]}`).not.toBe(paperOf(r));
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('in every table of every page that says who produced a value', () => {
    const text = (cell: string) =>
      cell
        .replace(/<[^>]+>/g, '')
        .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .trim();
    const pagesWithTables = new Set<string>();
    let checked = 0;
    for (const [path, content] of files) {
      if (!path.endsWith('.html')) continue;
      for (const table of (content as string).matchAll(/<table[\s\S]*?<\/table>/g)) {
        const heads = [...table[0].matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => text(m[1]));
        const by = heads.indexOf('Value by');
        if (by === -1) continue;
        const source = heads.indexOf('Source of the value');
        const method = heads.indexOf('Method');
        expect(source, `${path}: a table with "Value by" names the value's source`).not.toBe(-1);
        pagesWithTables.add(path);
        for (const row of [...table[0].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1)) {
          const cells = [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1]));
          if (!cells[by]?.includes('(third party')) continue;
          checked++;
          const who = cells[by].slice(0, cells[by].indexOf(' (third party'));
          const rs = model.records.filter((x) => x.name === cells[0] && x.flop?.provenance.kind === 'third-party');
          expect(rs.length, `${path}: ${cells[0]} is a third-party value in the data`).toBeGreaterThan(0);
          expect(rs.some((r) => r.flop!.provenance.estimatedBy === who), `${path}: ${cells[0]} by ${who}`).toBe(true);
          for (const r of rs) expect(cells[source], `${path}: ${cells[0]}`).not.toBe(paperOf(r));
          expect(cells[source], `${path}: ${cells[0]}`).not.toBe('');
          if (method !== -1) expect(['stated', 'converted', 'reported'], `${path}: ${cells[0]}`).not.toContain(cells[method]);
        }
      }
    }
    expect([...pagesWithTables].sort()).toEqual(expect.arrayContaining(['data-quality.html', 'data.html', 'frontier.html']));
    expect(checked).toBeGreaterThan(20);
  });

  it('Epoch AI is named, linked and cited where its values are used', () => {
    for (const page of ['index.html', 'methods.html', 'data-quality.html']) expect(files.get(page) as string, page).toContain('href="https://epoch.ai/data/notable-ai-models"');
    expect(files.get('index.html') as string).toContain('Please also cite Epoch AI, &quot;Data on Notable AI Models&quot;');
  });
});
