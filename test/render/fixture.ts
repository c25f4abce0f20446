/**
 * A render model built from the committed outputs in data/processed (models.csv, fits.json,
 * audit.csv) — not through ingest, which rejects markup — so tests can add hostile records.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHardwareTable } from '../../pipeline/ingest/hardware-file.ts';
import { readCsvFile } from '../../pipeline/io/csv-reader.ts';
import { joinText } from '../../pipeline/io/csv-writer.ts';
import { loadModelColumns, modelsCsvPieces } from '../../pipeline/impute/processed-table.ts';
import type { RenderModel } from '../../pipeline/render/model.ts';
import { buildSite } from '../../pipeline/render/site.ts';
import type { Fits } from '../../pipeline/schema/fits.ts';
import type { FlopMethod, ProcessedRecord } from '../../pipeline/schema/records.ts';
import { shippedAssumptions } from '../helpers/records.ts';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const XSS = '<img src=x onerror=alert(1)>';
export const XSS_ID = 'xss-probe';

const processed = (name: string) => join(root, 'data', 'processed', name);

/** A models.csv cell back to its value: '' is null; a neutralized formula loses its apostrophe. */
function text(v: string): string | null {
  if (v === '') return null;
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}
const num = (v: string) => (v === '' ? null : Number(v));

export function recordsFromProcessedCsv(): ProcessedRecord[] {
  const table = readCsvFile(processed('models.csv'));
  return table.rows.map(({ cells }) => {
    const c = (name: string) => cells[table.header.indexOf(name)] ?? '';
    const s = (name: string) => text(c(name));
    const [originFile, originLine] = c('origin').split(/:(?=\d+$)/);
    const method = s('flop_method') as FlopMethod | null;
    const flop = num(c('training_compute_flop'));
    const auditFlop = num(c('audit_estimate_flop'));
    return {
      id: c('id'),
      name: s('name') ?? '',
      organization: s('organization') ?? '',
      domain: c('domain') as ProcessedRecord['domain'],
      architecture: (s('architecture') as ProcessedRecord['architecture']) ?? null,
      publicationDate: c('publication_date'),
      datePrecision: c('date_precision') as ProcessedRecord['datePrecision'],
      year: Number(c('year')),
      parameters: num(c('parameters')),
      activeParameters: num(c('active_parameters')),
      trainingTokens: num(c('training_tokens')),
      datasetSize: num(c('dataset_size')),
      datasetUnit: (s('dataset_unit') as ProcessedRecord['datasetUnit']) ?? null,
      epochs: num(c('epochs')),
      compute: s('reported_compute') ? { kind: 'flop', flop: flop ?? 0, unit: 'FLOP', text: s('reported_compute')!, formula: s('flop_formula') ?? '' } : null,
      hardware: s('hardware'),
      hardwareCount: num(c('hardware_count')),
      hardwareCountIsCores: c('hardware_count_unit') === 'cores',
      trainingTimeHours: num(c('training_time_hours')),
      precision: null,
      utilization: num(c('utilization')),
      citation: { title: s('source_title') ?? '', year: Number(c('source_year')), link: c('source_link') },
      valueSources: { parameters: s('parameters_source'), data: s('data_source'), compute: c('flop_third_party') === 'true' ? s('flop_source') : null, hardware: s('hardware_source') },
      notes: s('notes') ?? '',
      origin: { file: originFile, line: Number(originLine), dataset: 'curated' },
      flop: method && flop !== null ? { flop, method, formula: s('flop_formula') ?? '', assumptions: (s('flop_assumptions') ?? '').split('; ').filter(Boolean), source: s('flop_source') ?? '' } : null,
      flopLow: num(c('training_compute_flop_low')),
      flopHigh: num(c('training_compute_flop_high')),
      tokensProcessed: num(c('training_tokens')),
      audit: auditFlop !== null ? { estimate: { flop: auditFlop, method: c('audit_method') as FlopMethod, formula: '', assumptions: [], source: '' }, ratio: Number(c('audit_ratio')) } : null,
    };
  });
}

/** The disagreements of audit.csv: stated and estimated FLOP more than `factor` apart. */
function disagreements(factor: number): string[] {
  const table = readCsvFile(processed('audit.csv'));
  const ratio = table.header.indexOf('audit_ratio');
  return table.rows.filter((r) => Number(r.cells[ratio]) > factor || Number(r.cells[ratio]) < 1 / factor).map((r) => r.cells[0]);
}

/** The model the shipped site is built from. */
export function processedModel(): RenderModel {
  const records = recordsFromProcessedCsv();
  const fits = JSON.parse(readFileSync(processed('fits.json'), 'utf8')) as Fits;
  const assumptions = shippedAssumptions();
  const hardware = parseHardwareTable(readCsvFile(join(root, 'data', 'raw', 'hardware.csv'), 'data/raw/hardware.csv')).specs;
  return {
    records,
    fits,
    provenance: {
      files: [
        { file: 'data/raw/hardware.csv', kind: 'hardware', records: hardware.length },
        { file: 'data/raw/models.csv', kind: 'curated', records: records.length },
      ],
      dropped: [],
      merge: null,
      warnings: [],
    },
    assumptions,
    hardware,
    disagreements: disagreements(assumptions.audit_disagreement_factor),
    downloads: { 'models.csv': readFileSync(processed('models.csv'), 'utf8'), 'audit.csv': readFileSync(processed('audit.csv'), 'utf8') },
  };
}

/**
 * The same model with a system named like an XSS payload, placed where every page shows it: in the
 * charts, as a record-setter, large-scale system, low outlier and audit disagreement, and as an
 * input file name in the provenance block at the foot of every page.
 */
export function hostileModel(): RenderModel {
  const model = processedModel();
  const template = model.records.find((r) => r.id === 'gpt-3-175b') ?? model.records.find((r) => r.flop !== null)!;
  const probe: ProcessedRecord = {
    ...template,
    id: XSS_ID,
    name: XSS,
    organization: `${XSS} Lab`,
    domain: 'language',
    publicationDate: '2025-06-15',
    year: 2025.4521,
    parameters: 2e12,
    tokensProcessed: 3e13,
    flop: { flop: 5e27, method: 'reported', formula: XSS, assumptions: [], source: XSS },
    flopLow: 5e27,
    flopHigh: 5e27,
    citation: { title: `${XSS} paper`, year: 2025, link: 'https://example.org/"><script>alert(2)</script>' },
    audit: { estimate: { flop: 1e26, method: 'operations', formula: '', assumptions: [], source: '' }, ratio: 50 },
  };
  const fits: Fits = structuredClone(model.fits);
  fits.eras.large_scale_ids.push(XSS_ID);
  fits.frontier.record_setter_ids.push(XSS_ID);
  fits.frontier.top10_ids.push(XSS_ID);
  fits.eras.low_outliers.push({ id: XSS_ID, name: XSS, year: probe.year, z: -2.5 });
  const records = [...model.records, probe];
  return {
    ...model,
    records,
    // models.csv as the pipeline would write it for these records (the site's data files read it).
    downloads: { ...model.downloads, 'models.csv': joinText(modelsCsvPieces(records, loadModelColumns())) },
    fits,
    disagreements: [...model.disagreements, XSS_ID],
    provenance: { ...model.provenance, files: [...model.provenance.files, { file: `data/raw/${XSS}.csv`, kind: 'external', records: 1 }] },
  };
}

/** Builds the site from `model` into a new temporary folder and returns its path. */
export async function buildSiteTo(model: RenderModel, prefix = 'ct-site-'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const files = await buildSite(model, join(root, 'reports'));
  for (const [rel, content] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}
