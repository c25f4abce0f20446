/** The values page templates can refer to: fits.json at the top level, plus site facts. */
import { NO_CHANGELOG } from './changelog.ts';
import type { RenderModel } from './model.ts';

export const SITE = {
  title: 'Compute Trends',
  license: 'Data and text: CC BY 4.0. Code: MIT.',
  citation_text: 'compute-trends contributors, "Compute Trends: training compute of notable machine-learning systems" (dataset and report)',
};

export function buildContext(model: RenderModel): Record<string, unknown> {
  const { fits } = model;
  return {
    ...fits,
    published: fits.published_eras,
    provenance: model.provenance,
    assumptions: model.assumptions,
    changelog: model.changelog ?? NO_CHANGELOG,
    site: {
      ...SITE,
      // The one date on the site: the data's own newest publication date, so rebuilds are byte-identical.
      data_as_of: fits.data.latest_publication_date,
      bibtex: `@misc{compute_trends,\n  title = {Compute Trends: training compute of notable machine-learning systems},\n  note = {Data as of ${fits.data.latest_publication_date}},\n  howpublished = {Dataset and report}\n}`,
    },
  };
}
