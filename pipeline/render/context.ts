/** The values page templates can refer to: fits.json at the top level, plus site facts. */
import { NO_CHANGELOG } from './changelog.ts';
import type { RenderModel } from './model.ts';
import { pageFacts } from './page-facts.ts';

export const SITE = {
  title: 'Compute Trends',
  license: 'Data and text: CC BY 4.0. Code: MIT.',
  citation_text: 'compute-trends contributors, "Compute Trends: training compute of notable machine-learning systems" (dataset and report)',
};

export function buildContext(model: RenderModel): Record<string, unknown> {
  const { fits } = model;
  const asOf = fits.data.latest_publication_date;
  return {
    ...fits,
    published: fits.published_eras,
    provenance: model.provenance,
    assumptions: model.assumptions,
    changelog: model.changelog ?? NO_CHANGELOG,
    ...pageFacts(model),
    site: {
      ...SITE,
      // The one date on the site: the data's own newest publication date, so rebuilds are byte-identical.
      data_as_of: asOf,
      bibtex: `@misc{compute_trends,\n  title = {Compute Trends: training compute of notable machine-learning systems},\n  author = {{compute-trends contributors}},\n  year = {${asOf.slice(0, 4)}},\n  note = {Dataset and report, CC BY 4.0}\n}`,
    },
  };
}
