import { describe, expect, it } from 'vitest';
import { dataTableCsv, dataTableHtml, type DataTable } from '../../pipeline/render/data-table.ts';
import { messages } from '../../pipeline/messages.ts';

const table: DataTable<{ name: string; growth: number; lo: number }> = {
  name: 'example',
  caption: 'An example',
  rows: [
    { name: '=HYPERLINK("x")', growth: 2.5, lo: 2 },
    { name: '<b>bold</b>', growth: 1.2, lo: 1.1 },
  ],
  columns: [
    { title: 'System', value: (r) => r.name },
    { title: 'Growth', value: (r) => `${r.growth}× (${r.lo}–)`, csv: { growth_per_year: (r) => r.growth, growth_low: (r) => r.lo } },
  ],
};

describe('a data table', () => {
  it('is one CSV row per table row, with a column’s own fields, formula cells neutralized', () => {
    expect(dataTableCsv(table).split('\n')).toEqual(['System,growth_per_year,growth_low', `"'=HYPERLINK(""x"")",2.5,2`, '<b>bold</b>,1.2,1.1', '']);
  });

  it('is escaped on the page and links its CSV', () => {
    const html = dataTableHtml(table);
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain(`<a class="download" href="tables/example.csv" download>${messages.tableCsv}</a>`);
  });
});
