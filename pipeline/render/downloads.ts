/**
 * The site's downloads: the processed models.csv (formula cells neutralized by the writer),
 * fits.json, and a Frictionless datapackage.json describing them.
 */
import { loadModelColumns } from '../impute/processed-table.ts';
import type { RenderModel } from './model.ts';

export function buildDownloads(model: RenderModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(model.downloads)) out[`data/${name}`] = content;
  out['data/fits.json'] = `${JSON.stringify(model.fits, null, 2)}\n`;
  const columns = loadModelColumns();
  const datapackage = {
    profile: 'data-package',
    name: 'compute-trends',
    title: 'Training compute of notable machine-learning systems',
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    sources: [
      { title: 'The papers, model cards and reports cited per record (source_title, source_link)' },
      ...(model.provenance.files.some((f) => f.kind === 'external')
        ? [{ title: 'Epoch AI, Data on Notable AI Models', path: 'https://epoch.ai/data/notable-ai-models', license: 'CC-BY-4.0' }]
        : []),
    ],
    resources: [
      {
        name: 'models',
        path: 'models.csv',
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: { fields: columns.map((c) => ({ name: c.name, type: c.type, description: c.description, ...(c.unit ? { unit: c.unit } : {}) })), primaryKey: ['id'] },
      },
      { name: 'fits', path: 'fits.json', format: 'json', mediatype: 'application/json', description: 'Analysis results (schema: pipeline/schema/fits.ts)' },
    ],
  };
  out['data/datapackage.json'] = `${JSON.stringify(datapackage, null, 2)}\n`;
  return out;
}
