/**
 * datapackage.json is a valid Frictionless Data Package (v1): required properties and their
 * patterns, licenses, sources, and table schemas that match the CSVs they describe — field names
 * and order, types every value satisfies, a unique primary key.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildDownloads } from '../../pipeline/render/downloads.ts';
import { processedModel } from './fixture.ts';

const model = processedModel();
const files = buildDownloads(model);
const pkg = JSON.parse(files['data/datapackage.json']);
const NAME = /^([-a-z0-9._/])+$/;
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any']);

/** Table Schema lexical forms (number: decimal with optional exponent; boolean: true/false). */
const VALID: Record<string, (v: string) => boolean> = {
  string: () => true,
  number: (v) => /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v) || ['NaN', 'INF', '-INF'].includes(v),
  integer: (v) => /^[-+]?\d+$/.test(v),
  boolean: (v) => ['true', 'false'].includes(v),
};

describe('datapackage.json', () => {
  it('has the required package properties: a valid name, profile, licenses and sources with titles', () => {
    expect(pkg.name).toMatch(NAME);
    expect(pkg.profile).toBe('data-package');
    expect(pkg.title).toBeTruthy();
    for (const l of pkg.licenses) {
      expect(l.name ?? l.path).toBeTruthy();
      expect(l.path).toMatch(/^https:\/\//);
    }
    expect(pkg.sources.length).toBeGreaterThan(0);
    for (const s of pkg.sources) expect(s.title).toBeTruthy();
  });

  it('describes every downloadable file, each resource with a unique valid name and a path that exists', () => {
    const names = pkg.resources.map((r: { name: string }) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of pkg.resources) {
      expect(r.name).toMatch(NAME);
      expect(files[`data/${r.path}`], r.path).toBeDefined();
      expect(r.mediatype).toMatch(/^(text\/csv|application\/json)$/);
      expect(r.encoding).toBe('utf-8');
    }
    const described = new Set(pkg.resources.map((r: { path: string }) => `data/${r.path}`));
    for (const f of Object.keys(files)) if (f !== 'data/datapackage.json') expect(described.has(f), f).toBe(true);
  });

  it('gives each table a schema matching its CSV: names in order, valid types, values of those types, units', () => {
    for (const r of pkg.resources.filter((x: { profile: string }) => x.profile === 'tabular-data-resource')) {
      const rows: string[][] = parse(files[`data/${r.path}`]);
      const [header, ...body] = rows;
      const fields = r.schema.fields as { name: string; type: string; unit?: string; description: string }[];
      expect(fields.map((f) => f.name), r.path).toEqual(header);
      for (const [i, f] of fields.entries()) {
        expect(TYPES.has(f.type), `${r.path}:${f.name}`).toBe(true);
        expect(f.description).toBeTruthy();
        const bad = body.map((row) => row[i]).filter((v) => !r.schema.missingValues.includes(v) && !VALID[f.type](v));
        expect(bad, `${r.path}:${f.name} (${f.type})`).toEqual([]);
      }
      if (r.schema.primaryKey) {
        const k = header.indexOf(r.schema.primaryKey);
        expect(new Set(body.map((row) => row[k])).size, `${r.path} primary key`).toBe(body.length);
      }
    }
    const flop = pkg.resources[0].schema.fields.find((f: { name: string }) => f.name === 'training_compute_flop');
    expect(flop).toMatchObject({ type: 'number', unit: 'FLOP' });
  });
});

describe('models.csv', () => {
  it('has no cell a spreadsheet would run as a formula', () => {
    const rows: string[][] = parse(files['data/models.csv']);
    const header = rows[0];
    const numeric = new Set(pkg.resources[0].schema.fields.filter((f: { type: string }) => f.type !== 'string').map((f: { name: string }) => f.name));
    for (const row of rows.slice(1)) {
      row.forEach((cell, i) => {
        if (!numeric.has(header[i])) expect(cell, `${row[0]}.${header[i]}`).not.toMatch(/^[=+\-@\t\r]/);
      });
    }
  });
});
