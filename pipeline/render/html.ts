/** HTML building with escaping by default: data is untrusted text. */
import Handlebars from 'handlebars';

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

export function htmlTable<T>(rows: readonly T[], columns: readonly Column<T>[], options: { id?: string; sortable?: boolean; caption?: string } = {}): string {
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${esc(c.title)}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = columns
        .map((c) => {
          const v = c.value(row);
          const content = c.html ? c.html(row) : esc(v);
          const sortKey = typeof v === 'number' ? ` data-sort="${v}"` : '';
          return `<td${c.numeric ? ' class="num"' : ''}${sortKey}>${content}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  const attrs = [options.id ? `id="${esc(options.id)}"` : '', options.sortable ? 'class="sortable"' : ''].filter(Boolean).join(' ');
  const caption = options.caption ? `<caption>${esc(options.caption)}</caption>` : '';
  return `<div class="table-wrap"><table ${attrs}>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}
