/** The named tables pages can embed with {{table "name"}}. */
import { doublingText } from './format.ts';
import * as fmt from './format.ts';
import { esc, htmlTable } from './html.ts';
import type { RenderModel } from './model.ts';
import { linkUrl } from './charts/points.ts';
import type { TrendFit } from '../schema/fits.ts';
import type { ProcessedRecord } from '../schema/records.ts';

const fitCell = (fit: TrendFit | null) => (fit ? doublingText(fit) : 'too few systems');

export function buildTables(model: RenderModel): Map<string, () => string> {
  const { fits, records } = model;
  const tables = new Map<string, () => string>();
  tables.set('eras', () => {
    const rows = (['pre_deep_learning', 'deep_learning', 'large_scale'] as const).map((key) => ({
      era: { pre_deep_learning: 'Pre-deep-learning', deep_learning: 'Deep-learning', large_scale: 'Large-scale' }[key],
      fit: fits.eras[key],
      published: fits.published_eras[key],
    }));
    return htmlTable(rows, [
      { title: 'Era', value: (r) => r.era },
      { title: 'Systems (ours)', value: (r) => r.fit?.n ?? 0, numeric: true },
      { title: 'Years', value: (r) => (r.fit ? fmt.yearSpan(r.fit) : '') },
      { title: 'Doubling time, ours', value: (r) => fitCell(r.fit) },
      { title: 'Growth, ours', value: (r) => (r.fit ? fmt.growthText(r.fit) : '') },
      { title: 'Sevilla et al. 2022', value: (r) => `${fmt.months(r.published.doubling_months)} (${fmt.fixed(r.published.ci95[0])}–${fmt.fixed(r.published.ci95[1])})` },
    ]);
  });
  tables.set('systems', () =>
    htmlTable(
      records,
      [
        { title: 'System', value: (r: ProcessedRecord) => r.name },
        { title: 'Organization', value: (r) => r.organization },
        { title: 'Domain', value: (r) => r.domain },
        { title: 'Published', value: (r) => r.publicationDate },
        { title: 'Parameters', value: (r) => r.parameters, numeric: true, html: (r) => (r.parameters === null ? '' : esc(r.parameters.toExponential(2))) },
        { title: 'Training compute (FLOP)', value: (r) => r.flop?.flop ?? null, numeric: true, html: (r) => (r.flop ? esc(fmt.flop(r.flop.flop)) : '') },
        { title: 'Method', value: (r) => r.flop?.method ?? '' },
        {
          title: 'Source',
          value: (r) => r.citation.title,
          html: (r) => `<a href="${esc(linkUrl(r.citation.link))}" rel="noopener">${esc(r.citation.title)}</a> (${esc(r.citation.year)})`,
        },
      ],
      { id: 'systems-table', sortable: true },
    ),
  );
  return tables;
}
