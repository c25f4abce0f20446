/** Pages as notebook cells: helpers put numbers into prose; a missing value fails the build, located. */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { messages } from '../../pipeline/messages.ts';
import { buildContext } from '../../pipeline/render/context.ts';
import { createHelperState, fillBlocks, registerHelpers } from '../../pipeline/render/helpers.ts';
import { createMarkdown, renderPageBody, type PageSource } from '../../pipeline/render/templates.ts';
import { processedModel } from './fixture.ts';
import { pipelineErrorOf } from '../helpers/errors.ts';
import { computed } from '../helpers/fits.ts';

const model = processedModel();
const context = buildContext(model);

function render(body: string, tables: Record<string, string> = {}) {
  const hbs = Handlebars.create();
  const state = createHelperState(new Map(), new Map(Object.entries(tables).map(([k, v]) => [k, () => v])));
  registerHelpers(hbs, state);
  const page: PageSource = { file: '99-test.md', slug: 'test', title: 'Test', menu: true, wide: false, order: 99, description: '', body, line: 6 };
  return fillBlocks(renderPageBody(hbs, createMarkdown(), page, context), state);
}

function failure(body: string): string {
  return pipelineErrorOf(() => render(body)).message;
}

describe('number helpers in prose', () => {
  it('writes a doubling time with its bootstrap interval, growth, span and FLOP', () => {
    const dl = computed(model.fits.eras.deep_learning);
    const ci = computed(dl.bootstrap).doubling_months;
    expect(render('{{doubling eras.deep_learning}}')).toBe(`<p>${dl.doubling_months.toFixed(1)} months (95% CI ${ci.lo.toFixed(1)}–${ci.hi.toFixed(1)})</p>\n`);
    expect(render('{{doubling eras.deep_learning}}')).toMatch(/^<p>\d+\.\d months \(95% CI \d+\.\d–\d+\.\d\)<\/p>/);
    expect(render('{{growth eras.deep_learning}}')).toMatch(/^<p>\d+\.\d×\/year \(95% CI \d+\.\d–\d+\.\d\)<\/p>/);
    expect(render('{{period eras.deep_learning}}')).toBe(`<p>from ${Math.floor(dl.x_range[0])} to ${Math.floor(dl.x_range[1])}</p>\n`);
    expect(render('{{date "2024-12-06"}}, {{date "2012-09"}}, {{date "2012"}}, {{month 2017.70}}')).toBe('<p>6 December 2024, September 2012, 2012, September 2017</p>\n');
    expect(render('{{span eras.deep_learning}}')).toBe(`<p>${Math.floor(dl.x_range[0])}–${Math.floor(dl.x_range[1])}</p>\n`);
    expect(render('{{flop 314000000000000000000000}}')).toBe('<p>3.1 × 10²³</p>\n');
    expect(render('{{pvalue breakpoints.davies_p}} {{pvalue 0.0412}} {{pvalue 0.00002}} {{yearMonth 2013.96}} {{percent 0.256}} {{count 12345}}')).toBe('<p>p &lt; 10⁻¹⁰ p = 0.041 p = 2.0 × 10⁻⁵ 2013-12 26% 12,345</p>\n');
  });

  it('reads assumptions from the model, not from the page', () => {
    expect(render('{{assumptions.utilization.default}} {{constants.pfs_day}}')).toBe(`<p>${model.assumptions.utilization.default} 8.64 × 10¹⁹</p>\n`);
  });
});

describe('a template that refers to a missing value fails the build', () => {
  it('names the template, its line and the full path — printed directly', () => {
    expect(failure('Intro\n\n{{eras.deep_learning.nonexistent}}')).toBe(messages.templateMissingValue('reports/pages/99-test.md:8', 'eras.deep_learning.nonexistent'));
  });

  it('… passed to a helper (which Handlebars strict mode alone lets through as undefined)', () => {
    expect(failure('{{doubling eras.typo}}')).toBe(messages.templateMissingValue('reports/pages/99-test.md:6', 'eras.typo'));
    expect(failure('{{#if eras.nope}}x{{/if}}')).toBe(messages.templateMissingValue('reports/pages/99-test.md:6', 'eras.nope'));
    expect(failure('{{months (lookup eras.missing "x")}}')).toBe(messages.templateMissingValue('reports/pages/99-test.md:6', 'eras.missing'));
  });

  it('… inside a block, relative to the item', () => {
    expect(failure('a\n{{#each economic_periods}}\n- {{labell}}\n{{/each}}')).toBe(messages.templateMissingValue('reports/pages/99-test.md:8', 'labell'));
  });

  it('names the helper when the value exists but is of the wrong kind', () => {
    expect(failure('{{doubling data.records}}')).toBe(messages.templateFailed('reports/pages/99-test.md', messages.helperNeedsFit('doubling', model.fits.data.records)));
    expect(failure('{{doubling data.records}}')).toContain(`needs a trend fit, and the value is ${model.fits.data.records}`);
  });

  it('names an unknown chart or table with the ones that exist', () => {
    expect(failure('{{table "nope"}}')).toContain('{{table "nope"}}: no such table');
    expect(failure('{{chart "nope"}}')).toContain('{{chart "nope"}}: no such chart');
  });
});

describe('tables and charts are inserted after Markdown', () => {
  it('so blank lines or Markdown syntax in generated HTML are never re-read as Markdown', () => {
    const html = '<div class="t"><table><tr><td>*not emphasis*\n\n# not a heading</td></tr></table></div>';
    const out = render('Before\n\n{{table "t"}}\n\nAfter', { t: html });
    expect(out).toContain(html);
    expect(out).not.toContain('<em>');
    expect(out).not.toContain('<h1>');
    expect(out).toMatch(/<p>Before<\/p>\n<div class="t">/);
  });
});
