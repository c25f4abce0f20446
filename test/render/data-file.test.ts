/**
 * The site's data files (pipeline/render/data-file.ts): data/systems.js built from models.csv's own
 * cells, fields hidden when their column is absent or empty, and data/records/<k>.js holding the
 * models.csv lines themselves.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { csvCells, csvRecordLines, modelsCsvText, RECORDS_PER_FILE, siteData, SYSTEMS_FILE } from '../../pipeline/render/data-file.ts';
import { loadModelColumns } from '../../pipeline/impute/processed-table.ts';
import { availableFields, SITE_FIELDS } from '../../pipeline/render/fields.ts';
import { processedModel } from './fixture.ts';

interface Systems {
  n: number;
  fields: { key: string; column: string }[];
  id: string[];
  name: string[];
  drawOrder: number[];
  setter: number[];
  header: { name: string }[];
  columns: Record<string, (number | null)[] | { dict: string[]; codes: number[] }>;
}

function load(file: Buffer): Systems {
  const sandbox: { window: { CT_SYSTEMS?: Systems } } = { window: {} };
  runInNewContext(file.toString('utf8'), sandbox);
  return sandbox.window.CT_SYSTEMS!;
}

describe('CSV records and cells', () => {
  it('split at line ends outside quotes only, and read quoted cells and neutralized formulas back', () => {
    const text = 'a,b\n1,"x\ny"\n2,"say ""hi"", ok"\n3,\'=SUM(A1)\n';
    const { starts, ends, header } = csvRecordLines(text);
    expect(header).toBe('a,b');
    const lines = starts.map((s, i) => text.slice(s, ends[i]));
    expect(lines).toEqual(['1,"x\ny"', '2,"say ""hi"", ok"', "3,'=SUM(A1)"]);
    expect(lines.map(csvCells)).toEqual([
      ['1', 'x\ny'],
      ['2', 'say "hi", ok'],
      ['3', '=SUM(A1)'],
    ]);
    expect(csvCells('a,,c,')).toEqual(['a', '', 'c', '']);
  });
});

describe('data/systems.js', () => {
  const model = processedModel();
  const csv = modelsCsvText(model.downloads, model.records);
  const data = siteData(csv, model.fits);
  const systems = load(data.files.get(SYSTEMS_FILE)!);

  it('lists every system with the values of models.csv', () => {
    expect(systems.n).toBe(model.records.length);
    expect(systems.id).toEqual(model.records.map((r) => r.id));
    const i = systems.id.indexOf('gpt-3-175b');
    const flop = systems.columns.flop as (number | null)[];
    expect(flop[i]).toBe(model.records[i].flop!.flop);
    const domain = systems.columns.domain as { dict: string[]; codes: number[] };
    expect(domain.dict[domain.codes[i]]).toBe('language');
    expect(systems.header.map((h) => h.name)).toEqual(csvCells(csv.slice(0, csv.indexOf('\n'))));
  });

  it('has the fields whose column models.csv has and fills, and hides the others', () => {
    const keys = systems.fields.map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['year', 'flop', 'params', 'domain', 'org', 'method']));
    for (const f of SITE_FIELDS) {
      const inCsv = csv.slice(0, csv.indexOf('\n')).split(',').includes(f.column);
      if (!inCsv) expect(keys, f.key).not.toContain(f.key);
    }
    // A field of the list whose column is absent is left out, not an error.
    const withUnknown = siteData(csv, model.fits, [...SITE_FIELDS, { key: 'nope', column: 'no_such_column', label: 'Nope', kind: 'category' }]);
    expect(withUnknown.fields.map((f) => f.key)).not.toContain('nope');
  });

  it('reads only columns models.columns.yaml declares, and the shipped data fills every filter issue #20 lists', () => {
    const declared = new Set(loadModelColumns().map((c) => c.name));
    for (const f of SITE_FIELDS) expect(declared.has(f.column), `${f.key} reads ${f.column}`).toBe(true);
    const columns = Object.fromEntries(systems.fields.map((f) => [f.key, f.column]));
    // Domain, organization, organization type, country, open weights, provenance kind, confidence, date.
    expect(columns).toMatchObject({
      domain: 'domain',
      org: 'organization',
      orgtype: 'organization_category',
      country: 'country',
      open: 'open_weights',
      prov: 'flop_provenance',
      confidence: 'flop_confidence',
      year: 'year',
      power: 'power_draw_w',
      cost: 'training_cost_usd',
      costbasis: 'training_cost_basis',
    });
    const open = systems.columns.open as { dict: string[] };
    expect(open.dict).toEqual(['No', 'Yes']);
    const prov = systems.columns.prov as { dict: string[] };
    expect(prov.dict).toEqual(['authors', 'pipeline', 'third-party']);
  });

  it('never ships training cost without the basis it is stated on', () => {
    const cost = SITE_FIELDS.find((f) => f.key === 'cost')!;
    expect(cost.basis).toBe('costbasis');
    // Without the basis column, cost is not offered at all.
    const noBasis = loadModelColumns().filter((c) => c.name !== 'training_cost_basis');
    expect(availableFields(noBasis).map((f) => f.key)).not.toContain('cost');
    // With a basis column that is empty for every system, cost is left out of the data file too.
    const header = csvCells(csv.slice(0, csv.indexOf('\n')));
    const at = header.indexOf('training_cost_basis');
    const { starts, ends } = csvRecordLines(csv);
    const blanked = [csv.slice(0, csv.indexOf('\n')), ...starts.map((st, i) => {
      const cells = csvCells(csv.slice(st, ends[i]));
      cells[at] = '';
      return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    })].join('\n');
    expect(siteData(blanked, model.fits).fields.map((f) => f.key)).not.toContain('cost');
  });

  it('orders the systems to draw: every record-setter first, then one per year, and marks the named landmarks', () => {
    const setters = new Set(model.fits.frontier.record_setter_ids);
    const first = systems.drawOrder.slice(0, setters.size).map((i) => systems.id[i]);
    expect(new Set(first)).toEqual(new Set(systems.id.filter((id) => setters.has(id))));
    expect([...systems.drawOrder].sort((a, b) => a - b)).toEqual(systems.id.map((_, i) => i));
    expect(systems.setter.filter((s) => s === 2).length).toBeGreaterThan(2);
  });

  it('splits the models.csv lines into files of RECORDS_PER_FILE systems', () => {
    const files = [...data.files.keys()].filter((f) => f.startsWith('data/records/'));
    expect(files).toHaveLength(Math.ceil(model.records.length / RECORDS_PER_FILE));
    const got: { k: number; lines: string[] }[] = [];
    runInNewContext(data.files.get('data/records/0.js')!.toString('utf8'), { CT_RECORDS: (k: number, lines: string[]) => got.push({ k, lines }) });
    expect(got[0].k).toBe(0);
    const { starts, ends } = csvRecordLines(csv);
    expect(got[0].lines).toEqual(starts.slice(0, RECORDS_PER_FILE).map((s, i) => csv.slice(s, ends[i])));
  });

  it('is the same bytes for the same data', () => {
    expect(siteData(csv, model.fits).files.get(SYSTEMS_FILE)!.equals(data.files.get(SYSTEMS_FILE)!)).toBe(true);
  });
});
