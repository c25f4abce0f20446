/**
 * The https URL of a source link, as charts, tables, tooltips and the Data page link it: arXiv ids
 * and DOIs become their resolver URLs. Anything that is not an http(s) URL becomes '' so no
 * `javascript:` link can reach a chart's href or a table's anchor.
 */
export function linkUrl(link: string): string {
  if (link.startsWith('arXiv:')) return `https://arxiv.org/abs/${encodeURI(link.slice(6))}`;
  if (link.startsWith('doi:')) return `https://doi.org/${encodeURI(link.slice(4))}`;
  return /^https?:\/\//i.test(link) ? link : '';
}
