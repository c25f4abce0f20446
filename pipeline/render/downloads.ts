/**
 * The site's downloads: the processed models.csv (formula cells neutralized by the writer),
 * audit.csv, fits.json, and a Frictionless Data Package (datapackage.json, v1 profiles) describing
 * them: field types, units (a `unit` property beside each field's description), licenses, sources.
 */
import { loadModelColumns } from '../impute/processed-table.ts';
import type { RenderModel } from './model.ts';

const CC_BY = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' };

type Field = { name: string; type: 'string' | 'number' | 'integer' | 'boolean'; description: string; unit?: string };

/** Columns of the other published tables (models.csv's are in pipeline/schema/models.columns.yaml). */
const OTHER_TABLES: Record<string, { title: string; description: string; fields: Field[] }> = {
  'audit.csv': {
    title: 'Consistency audit',
    description: 'Systems whose stated training compute could be compared with an independent estimate (operation counting or hardware time).',
    fields: [
      { name: 'id', type: 'string', description: 'System id (models.csv).' },
      { name: 'name', type: 'string', description: 'System name.' },
      { name: 'training_compute_flop', type: 'number', unit: 'FLOP', description: 'Stated training compute.' },
      { name: 'flop_method', type: 'string', description: 'How the stated value was given: stated or converted (by the authors), or third-party (estimated by a third party).' },
      { name: 'audit_estimate_flop', type: 'number', unit: 'FLOP', description: 'Independent estimate.' },
      { name: 'audit_method', type: 'string', description: 'Method of the estimate: operations or hardware.' },
      { name: 'audit_ratio', type: 'number', description: 'training_compute_flop ÷ audit_estimate_flop.' },
      { name: 'flop_source', type: 'string', description: 'Citation of the stated value (the third party’s publication for a third-party estimate).' },
      { name: 'origin', type: 'string', description: 'File and line the record was read from.' },
    ],
  },
  'merge-report.csv': {
    title: 'Merge report',
    description:
      'Every row of the upstream exports read (Epoch AI): matched to a curated record (by which rule), added as a new system, or dropped (why), with the training compute on both sides. in = matched + added + dropped.',
    fields: [
      { name: 'file', type: 'string', description: 'The export file.' },
      { name: 'line', type: 'integer', description: 'Line in the export file where the row starts.' },
      { name: 'upstream_name', type: 'string', description: 'The system name in the export.' },
      { name: 'upstream_organization', type: 'string', description: 'The organizations in the export, separated by "; ".' },
      { name: 'upstream_publication_date', type: 'string', description: 'The publication date in the export.' },
      { name: 'outcome', type: 'string', description: 'matched, added or dropped.' },
      { name: 'id', type: 'string', description: 'matched: the record merged into (models.csv id); added: the new record id; empty when dropped.' },
      { name: 'rule', type: 'string', description: 'How a match was made: alias (data/raw/aliases.csv), name+year, name+organization, or earlier export.' },
      { name: 'reason', type: 'string', description: 'The evidence of a match, or why the row was dropped.' },
      { name: 'upstream_flop', type: 'number', unit: 'FLOP', description: 'Training compute in the export.' },
      { name: 'curated_flop', type: 'number', unit: 'FLOP', description: 'Training compute published for the matched curated record.' },
      { name: 'curated_flop_method', type: 'string', description: 'How curated_flop was obtained (flop_method of models.csv).' },
      { name: 'flop_ratio', type: 'number', description: 'curated_flop ÷ upstream_flop.' },
      { name: 'likely_twins', type: 'string', description: 'Curated records that look like this row without having matched it (same organization, dates within a year, similar names), separated by "; ".' },
    ],
  },
};

const field = (f: Field) => ({ name: f.name, type: f.type, description: f.description, ...(f.unit ? { unit: f.unit } : {}) });

function tableResource(name: string, path: string, title: string, description: string, fields: Field[], primaryKey?: string) {
  return {
    name,
    path,
    profile: 'tabular-data-resource',
    title,
    description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    licenses: [CC_BY],
    dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: '\n' },
    schema: { fields: fields.map(field), missingValues: [''], ...(primaryKey ? { primaryKey } : {}) },
  };
}

export function buildDatapackage(model: RenderModel) {
  const others = Object.keys(model.downloads).filter((f) => f !== 'models.csv' && OTHER_TABLES[f]).sort();
  return {
    profile: 'data-package',
    name: 'compute-trends',
    title: 'Training compute of notable machine-learning systems',
    description: 'One row per notable machine-learning system with its training compute (FLOP), how the value was obtained (method, formula, assumptions, uncertainty range) and the source it rests on; and the fitted trends shown in the report.',
    keywords: ['machine learning', 'training compute', 'FLOP', 'trends'],
    contributors: [{ title: 'compute-trends contributors', role: 'author' }],
    licenses: [CC_BY],
    sources: [
      { title: 'The papers, model cards and reports cited per record (source_title, source_year, source_link)' },
      { title: 'OpenAI, AI and Compute (2018): third-party compute estimates, cited per value', path: 'https://openai.com/index/ai-and-compute/' },
      { title: 'Epoch AI, Data on Notable AI Models: third-party compute estimates, cited per value', path: 'https://epoch.ai/data/notable-ai-models', license: 'CC-BY-4.0' },
    ],
    resources: [
      tableResource('models', 'models.csv', 'Systems and their training compute', 'One row per system after normalization and imputation.', loadModelColumns(), 'id'),
      ...others.map((f) => tableResource(f.replace(/\.csv$/, ''), f, OTHER_TABLES[f].title, OTHER_TABLES[f].description, OTHER_TABLES[f].fields)),
      {
        name: 'fits',
        path: 'fits.json',
        profile: 'data-resource',
        title: 'Fitted trends',
        description: 'Every fitted trend and interval the report shows (schema: pipeline/schema/fits.ts).',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        licenses: [CC_BY],
      },
    ],
  };
}

export function buildDownloads(model: RenderModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(model.downloads).sort(([a], [b]) => (a < b ? -1 : 1))) out[`data/${name}`] = content;
  out['data/fits.json'] = `${JSON.stringify(model.fits, null, 2)}\n`;
  out['data/datapackage.json'] = `${JSON.stringify(buildDatapackage(model), null, 2)}\n`;
  return out;
}
