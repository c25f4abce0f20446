/**
 * A render model built from the committed outputs in data/processed (models.csv, fits.json,
 * audit.csv) — not through ingest, which rejects markup — so tests can add hostile records.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
import type { FlopMethod, FlopProvenance, ProcessedRecord, ProvenanceKind } from '../../pipeline/schema/records.ts';
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
const PIPELINE: FlopProvenance = { kind: 'pipeline', estimatedBy: 'compute-trends', estimationMethod: null, confidence: null };

export function recordsFromProcessedCsv(): ProcessedRecord[] {
  const table = readCsvFile(processed('models.csv'));
  return table.rows.map(({ cells }) => {
    const c = (name: string) => cells[table.header.indexOf(name)] ?? '';
    const s = (name: string) => text(c(name));
    const [originFile, originLine] = c('origin').split(/:(?=\d+$)/);
    const method = s('flop_method') as FlopMethod | null;
    const flop = num(c('training_compute_flop'));
    const auditFlop = num(c('audit_estimate_flop'));
    const provenance: FlopProvenance = {
      kind: (s('flop_provenance') ?? 'authors') as ProvenanceKind,
      estimatedBy: s('flop_estimated_by'),
      estimationMethod: s('flop_estimation_method'),
      confidence: s('flop_confidence'),
    };
    const thirdParty = provenance.kind === 'third-party';
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
      valueSources: { parameters: s('parameters_source'), data: s('data_source'), compute: thirdParty ? s('flop_source') : null, hardware: s('hardware_source') },
      computeEstimatedBy: thirdParty ? provenance.estimatedBy : null,
      computeEstimationMethod: thirdParty ? provenance.estimationMethod : null,
      confidence: thirdParty ? provenance.confidence : null,
      notes: s('notes') ?? '',
      origin: { file: originFile, line: Number(originLine), dataset: originFile.includes('snapshots/') ? 'epoch' : 'curated', exportDate: s('export_date') },
      organizationCategory: s('organization_category'),
      country: s('country'),
      openWeights: c('open_weights') === '' ? null : c('open_weights') === 'true',
      accessibility: s('accessibility'),
      chipHours: num(c('chip_hours')),
      utilizationHfu: num(c('utilization_hfu')),
      trainingCost: c('training_cost_usd') === '' ? null : { value: Number(c('training_cost_usd')), basis: c('training_cost_basis') as 'cloud' },
      trainingCostUpfront: num(c('training_cost_upfront_usd')),
      hardwareAcquisitionCost: num(c('hardware_acquisition_cost_usd')),
      powerDrawWatts: num(c('power_draw_w')),
      computeBounds: c('compute_bound_low') === '' && c('compute_bound_high') === '' ? null : { low: num(c('compute_bound_low')), high: num(c('compute_bound_high')) },
      possiblyOver1e23: c('possibly_over_1e23') === '' ? null : c('possibly_over_1e23') === 'true',
      frontierModel: c('frontier_model') === '' ? null : c('frontier_model') === 'true',
      upstreamTwin: null,
      flop: method && flop !== null ? { flop, method, formula: s('flop_formula') ?? '', assumptions: (s('flop_assumptions') ?? '').split('; ').filter(Boolean), source: s('flop_source') ?? '', provenance } : null,
      flopLow: num(c('training_compute_flop_low')),
      flopHigh: num(c('training_compute_flop_high')),
      tokensProcessed: num(c('training_tokens')),
      audit: auditFlop !== null ? { estimate: { flop: auditFlop, method: c('audit_method') as FlopMethod, formula: '', assumptions: [], source: '', provenance: PIPELINE }, ratio: Number(c('audit_ratio')) } : null,
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
  const upstream = upstreamFromReport();
  const hardware = parseHardwareTable(readCsvFile(join(root, 'data', 'raw', 'hardware.csv'), 'data/raw/hardware.csv')).specs;
  return {
    records,
    fits,
    provenance: {
      files: [
        { file: 'data/raw/hardware.csv', kind: 'hardware', records: hardware.length },
        { file: 'data/raw/models.csv', kind: 'curated', records: records.filter((r) => r.origin.file === 'data/raw/models.csv').length },
        ...upstream.files.map((f) => ({ file: f.file, kind: 'external' as const, records: f.in })),
      ],
      dropped: [],
      merge: upstream.merge,
      warnings: [],
    },
    assumptions,
    hardware,
    disagreements: disagreements(assumptions.audit_disagreement_factor),
    downloads: {
      'models.csv': readFileSync(processed('models.csv'), 'utf8'),
      'audit.csv': readFileSync(processed('audit.csv'), 'utf8'),
      ...(existsSync(processed('merge-report.csv')) ? { 'merge-report.csv': readFileSync(processed('merge-report.csv'), 'utf8') } : {}),
    },
  };
}

/** The upstream exports and what became of their rows, from the committed merge-report.csv (when one is). */
function upstreamFromReport(): { files: { file: string; in: number; matched: number; added: number; dropped: number }[]; merge: RenderModel['provenance']['merge'] } {
  if (!existsSync(processed('merge-report.csv'))) return { files: [], merge: null };
  const table = readCsvFile(processed('merge-report.csv'));
  const at = (name: string) => table.header.indexOf(name);
  const files = new Map<string, { file: string; in: number; matched: number; added: number; dropped: number }>();
  for (const { cells } of table.rows) {
    const file = cells[at('file')];
    const counts = files.get(file) ?? { file, in: 0, matched: 0, added: 0, dropped: 0 };
    counts.in++;
    counts[cells[at('outcome')] as 'matched' | 'added' | 'dropped']++;
    files.set(file, counts);
  }
  const list = [...files.values()];
  const sum = (k: 'in' | 'matched' | 'added' | 'dropped') => list.reduce((n, f) => n + f[k], 0);
  return {
    files: list,
    merge: { in: sum('in'), matched: sum('matched'), added: sum('added'), dropped: sum('dropped'), files: list, disagreements: 0, ambiguous: [], likelyTwins: [], unusedAliases: [] },
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
    // Explorer filters list these values: the payload must stay text there too.
    organizationCategory: XSS,
    country: XSS,
    domain: 'language',
    publicationDate: '2025-06-15',
    year: 2025.4521,
    parameters: 2e12,
    tokensProcessed: 3e13,
    flop: { flop: 5e27, method: 'third-party', formula: XSS, assumptions: [], source: XSS, provenance: { kind: 'third-party', estimatedBy: XSS, estimationMethod: XSS, confidence: XSS } },
    flopLow: 5e27,
    flopHigh: 5e27,
    citation: { title: `${XSS} paper`, year: 2025, link: 'https://example.org/"><script>alert(2)</script>' },
    audit: { estimate: { flop: 1e26, method: 'operations', formula: '', assumptions: [], source: '', provenance: PIPELINE }, ratio: 50 },
  };
  const fits: Fits = structuredClone(model.fits);
  fits.eras.large_scale_ids.push(XSS_ID);
  fits.frontier.record_setter_ids.push(XSS_ID);
  fits.frontier.running_top_ids.push(XSS_ID);
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
