/**
 * The Data page's table of every system: newest first, a page of rows at a time. The page itself
 * holds only the first page (readers without JavaScript see the newest systems and the download
 * links); reports/assets/data-page.js pages, searches, filters and sorts all of them from
 * data/systems.js, and opens a system's details (every models.csv field, its provenance and
 * links) from data/records/<k>.js.
 */
import { siteText } from '../messages.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { linkUrl } from './source-link.ts';
import * as fmt from './format.ts';
import { esc, jsonForScript, link } from './html.ts';
import { valueProvenance } from './value-provenance.ts';

/** Rows per page of the table. */
export const ROWS_PER_PAGE = 20;

/** The table's columns: title, and the data file's field (or base column) each reads. */
export const SYSTEM_COLUMNS = [
  { key: 'name', title: 'System' },
  { key: 'org', title: 'Organization' },
  { key: 'domain', title: 'Domain' },
  { key: 'date', title: 'Published' },
  { key: 'params', title: 'Parameters', numeric: true },
  { key: 'flop', title: 'Training compute (FLOP)', numeric: true },
  { key: 'by', title: 'Value by' },
  { key: 'vsource', title: 'Source of the value' },
] as const;

function cells(r: ProcessedRecord): string[] {
  const v = valueProvenance(r);
  const paper = { text: `${r.citation.title} (${r.citation.year})`, link: linkUrl(r.citation.link) };
  // As data-page.js shows it: the value's own source (a third party's publication), else the paper
  // (the authors' values, this pipeline's inputs from the paper, a system without a value).
  const own = v !== null && !((v.source === paper.text || v.source === `inputs from ${paper.text}`) && v.link === paper.link);
  return [
    `<a href="#system=${encodeURIComponent(r.id)}">${esc(r.name)}</a>`,
    esc(r.organization),
    esc(r.domain),
    esc(r.publicationDate),
    r.parameters === null ? '' : esc(fmt.sci(r.parameters)),
    r.flop ? esc(fmt.flop(r.flop.flop)) : '',
    esc(v?.who ?? ''),
    own ? link(v!.link, v!.source) : link(paper.link, paper.text),
  ];
}

export function systemsTableHtml(records: readonly ProcessedRecord[]): string {
  const newest = records.slice(Math.max(0, records.length - ROWS_PER_PAGE)).reverse();
  const head = SYSTEM_COLUMNS.map((c) => `<th scope="col" data-key="${c.key}"${'numeric' in c ? ' class="num"' : ''}>${esc(c.title)}</th>`).join('');
  const body = newest
    .map((r) => `<tr>${cells(r).map((c, i) => `<td data-label="${esc(SYSTEM_COLUMNS[i].title)}"${'numeric' in SYSTEM_COLUMNS[i] ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('\n');
  const config = { text: siteText.data, columns: SYSTEM_COLUMNS, perPage: ROWS_PER_PAGE };
  return `<div class="systems" id="systems" data-state="static">
<p class="systems-status" role="status" aria-live="polite">${esc(fmt.count(Math.min(ROWS_PER_PAGE, records.length)))} of ${esc(fmt.count(records.length))} systems, newest first.</p>
<div class="table-wrap systems-wrap" role="region" aria-label="All systems" tabindex="0"><table id="systems-table" class="systems-table"><caption class="sr-only">All systems, newest first</caption><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>
<noscript><p>${esc(siteText.data.noScript)}</p></noscript>
<script type="application/json" id="data-page-config">${jsonForScript(config)}</script>
</div>`;
}
