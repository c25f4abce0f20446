/** HTML building with escaping by default: data is untrusted text. */
import Handlebars from 'handlebars';
import { messages } from '../messages.ts';

export function esc(value: unknown): string {
  return Handlebars.escapeExpression(value === null || value === undefined ? '' : String(value));
}

/** JSON for a <script type="application/json"> block: no "</script>" or "<!--" can break out. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface Column<T> {
  title: string;
  value: (row: T) => string | number | null;
  /** Pre-escaped HTML for the cell (e.g. a link); the sort/search value still comes from `value`. */
  html?: (row: T) => string;
  numeric?: boolean;
}

export interface TableOptions {
  id?: string;
  sortable?: boolean;
  /** Shown above the table and read by screen readers as its name. */
  caption?: string;
  /** Name of the scrollable region for assistive technology (default: the caption, else "Table"). */
  label?: string;
  /** The downloadable file holding every row: with it, a table longer than TABLE_ROW_LIMIT shows only its first rows and says where the rest are. */
  fullFile?: string;
}

/** Most rows a page embeds in one table; the rest are in the table's download. */
export const TABLE_ROW_LIMIT = 500;

/** An http(s) link with escaped text, or the escaped text alone when there is no safe URL. */
export function link(url: string, text: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${esc(url)}" rel="noopener">${esc(text)}</a>` : esc(text);
}

export function htmlTable<T>(all: readonly T[], columns: readonly Column<T>[], options: TableOptions = {}): string {
  const rows = options.fullFile && all.length > TABLE_ROW_LIMIT ? all.slice(0, TABLE_ROW_LIMIT) : all;
  const note = rows.length < all.length ? `<p class="table-note">${esc(messages.tableLimited(rows.length.toLocaleString('en-US'), all.length.toLocaleString('en-US'), options.fullFile!))}</p>` : '';
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${esc(c.title)}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = columns
        .map((c) => {
          const v = c.value(row);
          const content = c.html ? c.html(row) : esc(v);
          const sortKey = typeof v === 'number' ? ` data-sort="${v}"` : '';
          // Numbers and short values (dates, methods) never break across lines; prose cells wrap.
          const cls = c.numeric ? 'num' : typeof v === 'string' && v.length <= 12 ? 'nw' : '';
          return `<td${cls ? ` class="${cls}"` : ''}${sortKey}>${content}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  const attrs = [options.id ? `id="${esc(options.id)}"` : '', options.sortable ? 'class="sortable"' : ''].filter(Boolean).join(' ');
  // The caption names the table for screen readers; its visible twin sits outside the scrolling region.
  const caption = options.caption ? `<caption class="sr-only">${esc(options.caption)}</caption>` : '';
  const title = options.caption ? `<p class="table-title" aria-hidden="true">${esc(options.caption)}</p>` : '';
  // A wide table scrolls sideways on a phone; the region is focusable so keyboards can scroll it too.
  const label = esc(options.label ?? options.caption ?? 'Table');
  return `${title}<div class="table-wrap" role="region" aria-label="${label}" tabindex="0"><table${attrs ? ` ${attrs}` : ''}>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>${note}`;
}
