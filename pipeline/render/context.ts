/** The values page templates can refer to: fits.json at the top level, plus site facts. */
import { exportDateOf } from '../adapters/epoch.ts';
import { dateInWords } from '../values/dates.ts';
import { EPOCH_URL } from '../adapters/epoch-columns.ts';
import { NO_CHANGELOG } from './changelog.ts';
import type { RenderModel } from './model.ts';
import { pageFacts } from './page-facts.ts';
import type { SiteConfig } from './site-config.ts';

export const SITE = {
  title: 'Compute Trends',
  license: 'Data and text: CC BY 4.0. Code: MIT.',
  citation_text: 'compute-trends contributors, "Compute Trends: training compute of notable machine-learning systems" (dataset and report)',
};

/**
 * Attribution to Epoch AI, shown when its data is in the run: an export was read (`exports` names
 * their dates), or a curated value cites its dataset. Always an object, so pages can test `shown`.
 */
export function epochAttribution(model: RenderModel): { shown: boolean; text: string; exports: string; bibtex: string } {
  const exports = model.provenance.files.filter((f) => f.kind === 'external').map((f) => {
    const d = exportDateOf(f.file);
    return d ? `of ${dateInWords(d)}` : 'of unknown date';
  });
  const cited = model.records.some((r) => (r.flop?.source ?? '').includes(EPOCH_URL) || Object.values(r.valueSources).some((v) => v?.includes(EPOCH_URL)));
  const which = exports.length ? `; export${exports.length === 1 ? '' : 's'} ${exports.join(', ')}` : '';
  return {
    shown: exports.length > 0 || cited,
    text: `Epoch AI, "Data on Notable AI Models", ${EPOCH_URL}, licensed CC BY 4.0${which}`,
    exports: exports.join(', '),
    bibtex: `@misc{epoch_notable_ai_models,\n  title = {Data on Notable AI Models},\n  author = {{Epoch AI}},\n  url = {${EPOCH_URL}},\n  note = {CC BY 4.0${which}}\n}`,
  };
}

export function buildContext(model: RenderModel, config: SiteConfig = { url: '', repository: '', version: '' }): Record<string, unknown> {
  const { fits } = model;
  const asOf = fits.data.latest_publication_date;
  const year = asOf.slice(0, 4);
  const address = config.url || config.repository;
  const version = config.version ? ` (version ${config.version})` : '';
  const facts = pageFacts(model);
  return {
    ...fits,
    published: fits.published_eras,
    provenance: model.provenance,
    assumptions: model.assumptions,
    changelog: model.changelog ?? NO_CHANGELOG,
    ...facts,
    site: {
      ...SITE,
      // The date of the data: the upstream export's date and the newest curated system (never the
      // build's date, so that rebuilds are byte-identical).
      data_as_of: (facts.data_date as { text: string }).text,
      epoch: epochAttribution(model),
      epoch_url: EPOCH_URL,
      version: config.version,
      url: config.url,
      repository: config.repository,
      citation: `${SITE.citation_text}${version}, ${year}${address ? `, ${address}` : ''}`,
      bibtex: [
        '@misc{compute_trends,',
        '  title = {Compute Trends: training compute of notable machine-learning systems},',
        '  author = {{compute-trends contributors}},',
        `  year = {${year}},`,
        ...(config.version ? [`  version = {${config.version}},`] : []),
        ...(address ? [`  url = {${address}},`] : []),
        '  note = {Dataset and report, CC BY 4.0}',
        '}',
      ].join('\n'),
    },
  };
}
