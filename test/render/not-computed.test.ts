/**
 * How the site shows analyses that were not computed: the helpers, the branch-aware template
 * check, tables' notes and charts not drawn. Pages are rendered against the shipped fits with
 * some analyses replaced by NotComputed records.
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { messages } from '../../pipeline/messages.ts';
import { buildChartSet } from '../../pipeline/render/charts/registry.ts';
import { buildContext } from '../../pipeline/render/context.ts';
import * as fmt from '../../pipeline/render/format.ts';
import { createHelperState, fillBlocks, registerHelpers } from '../../pipeline/render/helpers.ts';
import { notComputedHtml, TableNotes } from '../../pipeline/render/not-computed.ts';
import { buildTables } from '../../pipeline/render/tables.ts';
import { findMissingPath } from '../../pipeline/render/template-check.ts';
import { createMarkdown, renderPageBody, type PageSource } from '../../pipeline/render/templates.ts';
import type { NotComputed } from '../../pipeline/schema/fits.ts';
import { pipelineErrorOf } from '../helpers/errors.ts';
import { processedModel } from './fixture.ts';

const TOO_FEW: NotComputed = { computed: false, reason: 'there are only 3 systems <b>published</b> before 2010-01-01 with a compute value, and a trend needs at least 5', n: 3 };

/** The shipped model with the large-scale era, the token trend and the breakpoints not computed. */
function degradedModel() {
  const model = processedModel();
  model.fits.eras.large_scale = TOO_FEW;
  model.fits.dataset_trend = { computed: false, reason: 'there are no language models with a training-token count published since 2010', n: 0 };
  model.fits.breakpoints = { computed: false, reason: messages.tooFewForBreakpoints(12, 20), n: 12 };
  return model;
}

function render(model: ReturnType<typeof processedModel>, body: string) {
  const hbs = Handlebars.create();
  const charts = buildChartSet(model);
  const state = createHelperState(charts.drawn, buildTables(model), charts.notDrawn);
  registerHelpers(hbs, state);
  const page: PageSource = { file: '99-test.md', slug: 'test', title: 'Test', menu: true, wide: false, order: 99, description: '', body, line: 6 };
  return fillBlocks(renderPageBody(hbs, createMarkdown(), page, buildContext(model)), state);
}

describe('a sentence instead of the numbers', () => {
  const model = degradedModel();

  it('{{notComputed}} writes what could not be computed and why, escaped', () => {
    const out = render(model, '{{#if eras.large_scale.computed}}{{doubling eras.large_scale}}{{else}}{{notComputed eras.large_scale "The large-scale trend"}}{{/if}}');
    expect(out).toBe(`<p>${Handlebars.escapeExpression(messages.notComputed('The large-scale trend', TOO_FEW.reason))}</p>\n`);
    expect(out).not.toContain('<b>');
  });

  it('the template check reads only the branch the data take: fields of a missing fit are not required', () => {
    const ctx = buildContext(model);
    const helpers = { notComputed: true, doubling: true, span: true };
    expect(findMissingPath('{{#if eras.large_scale.computed}}{{span eras.large_scale}} {{eras.large_scale.x_range.[0]}}{{else}}{{notComputed eras.large_scale "x"}}{{/if}}', ctx, helpers)).toBeNull();
    // … but still every path of the branch taken, and of a computed fit.
    expect(findMissingPath('{{#if eras.large_scale.computed}}x{{else}}{{eras.large_scale.nope}}{{/if}}', ctx, helpers)).toEqual({ path: 'eras.large_scale.nope', line: 1 });
    expect(findMissingPath('{{#unless eras.deep_learning.computed}}x{{else}}{{eras.deep_learning.nope}}{{/unless}}', ctx, helpers)).toEqual({ path: 'eras.deep_learning.nope', line: 1 });
    expect(findMissingPath('{{#if eras.deep_learning.computed}}{{eras.deep_learning.x_range.[9]}}{{/if}}', ctx, helpers)).toEqual({ path: 'eras.deep_learning.x_range.9', line: 1 });
  });

  it('a number helper given a missing fit fails the build naming the reason and the fix', () => {
    const e = pipelineErrorOf(() => render(model, '{{doubling eras.large_scale}}'));
    expect(e.message).toBe(messages.templateFailed('reports/pages/99-test.md', messages.helperNotComputed('doubling', TOO_FEW.reason)));
    expect(pipelineErrorOf(() => render(model, '{{notComputed eras.deep_learning "x"}}')).message).toContain('{{notComputed}} needs an analysis that was not computed');
  });
});

describe('charts and tables of analyses not computed', () => {
  const model = degradedModel();

  it('a chart whose analysis is missing is not drawn: a sentence says why, and no figure number is used', () => {
    const out = render(model, '{{chart "breakpoints"}}\n\n{{chart "compute-over-time"}}\n\n{{chart "training-tokens"}}');
    expect(out).toContain(`<p class="not-computed">${Handlebars.escapeExpression(messages.chartNotDrawn('Automatic segmentation of the compute trend', messages.tooFewForBreakpoints(12, 20)))}</p>`);
    expect(out).toContain('Figure 1. Training compute of notable ML systems over time');
    // A chart with points but no trend draws the points and says why there is no line.
    expect(out).toContain('Figure 2. Training tokens of language models over time');
    expect(out).toContain('No trend line: there are no language models with a training-token count published since 2010.');
    expect(out).not.toContain('Figure 3.');
  });

  it('breakpoint tables say the regression was not computed', () => {
    for (const t of ['bic-by-k', 'breakpoints', 'segments', 'rejected-fits']) {
      expect(render(model, `{{table "${t}"}}`)).toContain(notComputedHtml('The segmented regression', model.fits.breakpoints as NotComputed));
    }
  });

  it('a table with one missing fit keeps its rows and notes the reason under it', () => {
    const out = render(model, '{{table "eras"}}');
    expect(out).toMatch(/<td[^>]*>not computed<\/td>/);
    expect(out).toContain(`<p class="table-note">Not computed — Large-scale era: ${Handlebars.escapeExpression(TOO_FEW.reason)}.</p>`);
  });

  it('TableNotes lists each reason once, and nothing when all were computed', () => {
    const notes = new TableNotes();
    expect(notes.html()).toBe('');
    expect(notes.cell(TOO_FEW, 'A', () => 'x')).toBe('not computed');
    notes.cell(TOO_FEW, 'A', () => 'x');
    expect(notes.html().match(/A:/g)).toHaveLength(1);
  });
});

describe('the shipped pages render when every analysis is missing', () => {
  it('the Breakpoints page text says so in a sentence', () => {
    const model = degradedModel();
    expect(render(model, '{{#if breakpoints.computed}}{{breakpoints.k}}{{else}}{{notComputed breakpoints "The segmented regression"}}{{/if}}')).toContain(
      'The segmented regression could not be computed: there are only 12 systems with a compute value (low outliers excluded), and a search for breakpoints needs at least 20.',
    );
  });
});

describe('p-values', () => {
  it('print with their relation, and as a bound below 10⁻¹⁰', () => {
    expect(fmt.pValue(0.0412)).toBe('p = 0.041');
    expect(fmt.pValue(2e-5)).toBe('p = 2.0 × 10⁻⁵');
    expect(fmt.pValue(1.1e-10)).toBe('p = 1.1 × 10⁻¹⁰');
    expect(fmt.pValue(9.9e-11)).toBe('p < 10⁻¹⁰');
    expect(fmt.pValue(4.18e-84)).toBe('p < 10⁻¹⁰');
  });
});

describe('doubling times of trends that do not rise', () => {
  const base = computedTrend();
  it('a falling trend has no doubling time, and says so instead of a negative one', () => {
    const falling = { ...base, slope: -0.0129, doubling_months: -233.2, growth_per_year: 0.97 };
    expect(fmt.doublingText(falling)).toBe('no doubling time: the fitted trend does not rise (1.0×/year)');
    expect(fmt.trendShort(falling)).toBe('not rising, 1.0×/yr');
  });

  it('a slope interval reaching zero leaves the doubling interval open above', () => {
    const b = base.bootstrap.computed ? base.bootstrap : null;
    const open = { ...base, bootstrap: { ...b!, slope: { lo: -0.01, median: 0.1, hi: 0.2 }, doubling_months: { lo: 18.06, median: 36.1, hi: -361.2 } } };
    expect(fmt.doublingText(open)).toBe(`${fmt.months(base.doubling_months)} (95% CI 18.1 months or longer: the slope's interval reaches zero)`);
  });
});

function computedTrend() {
  const fit = processedModel().fits.eras.deep_learning;
  if (!fit.computed || !fit.bootstrap.computed) throw new Error('the shipped deep-learning trend has a bootstrap');
  return fit;
}
