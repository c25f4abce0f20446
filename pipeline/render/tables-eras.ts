/** Tables of the Eras and Breakpoints pages. */
import type { Fits, SegmentedAnalysis } from '../schema/fits.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { messages } from '../messages.ts';
import * as fmt from './format.ts';
import { esc, htmlTable } from './html.ts';
import { notComputedHtml, TableNotes } from './not-computed.ts';
import { publishedText } from './claims.ts';

const ERA_NAMES = { pre_deep_learning: 'Pre-deep-learning', deep_learning: 'Deep-learning', large_scale: 'Large-scale' } as const;

export function erasTable(fits: Fits): string {
  const notes = new TableNotes();
  const p = fits.eras.parameters;
  const rows = [
    { era: 'Pre-deep-learning', who: `all systems published before ${fmt.dateText(p.deep_learning_start)}`, fit: fits.eras.pre_deep_learning },
    { era: 'Deep-learning', who: `all systems published from ${fmt.dateText(p.deep_learning_start)}, large-scale ones included`, fit: fits.eras.deep_learning },
    { era: 'Large-scale era, regular-scale', who: `the other systems from ${fmt.dateText(p.large_scale_start)}`, fit: fits.eras.regular_scale },
    { era: 'Large-scale', who: `systems from ${fmt.dateText(p.large_scale_start)} with a z-score above ${p.z_threshold}`, fit: fits.eras.large_scale },
  ];
  const table = htmlTable(
    rows,
    [
      { title: 'Era', value: (r) => r.era },
      { title: 'Systems fitted', value: (r) => r.who },
      { title: 'Systems', value: (r) => r.fit.n, numeric: true },
      { title: 'Years', value: (r) => (r.fit.computed ? fmt.yearSpan(r.fit) : '') },
      { title: 'Doubling time', value: (r) => notes.cell(r.fit, `${r.era} era`, fmt.doublingText) },
      { title: 'Growth', value: (r) => (r.fit.computed ? fmt.growthText(r.fit) : '') },
    ],
    { caption: 'Our era trends on all our data (95% bootstrap intervals); low outliers left out' },
  );
  return table + notes.html();
}

export function eraAlternativesTable(fits: Fits): string {
  const notes = new TableNotes();
  const published = (key: string) => fits.like_for_like.find((r) => r.published.key === key)?.published;
  const table = htmlTable(
    fits.era_alternatives,
    [
      { title: 'Variant', value: (r) => r.label },
      { title: 'Deep-learning doubling, all systems, to date', value: (r) => notes.cell(r.deep_learning, `${r.label}, deep-learning`, fmt.doublingText) },
      { title: 'Deep-learning doubling, regular-scale, to date', value: (r) => notes.cell(r.regular_scale, `${r.label}, regular-scale`, fmt.doublingText) },
      { title: 'Large-scale doubling, to February 2022', value: (r) => notes.cell(r.large_scale_paper_window, `${r.label}, large-scale to February 2022`, fmt.doublingText) },
      { title: 'Large-scale doubling, to date', value: (r) => notes.cell(r.large_scale, `${r.label}, large-scale`, fmt.doublingText) },
      { title: 'Large-scale systems to date', value: (r) => r.large_scale.n, numeric: true },
      {
        title: 'Published (Sevilla et al. 2022)',
        value: (r, i = fits.era_alternatives.indexOf(r)) => {
          const dl = published('deep_learning');
          const ls = published('large_scale');
          return i === 0 && dl && ls ? `regular-scale ${publishedText(dl)}; large-scale ${publishedText(ls)}` : messages.alternativeNotQuoted;
        },
      },
    ],
    { caption: 'How the era trends move with the era starts and the large-scale threshold, one change at a time' },
  );
  return table + notes.html();
}

export function lowOutliersTable(fits: Fits, records: readonly ProcessedRecord[]): string {
  if (fits.eras.low_outliers.length === 0) return `<p class="table-note">${esc(messages.noRows(`no system is a low outlier (z below ${fits.eras.parameters.low_outlier_z})`))}</p>`;
  const dates = new Map(records.map((r) => [r.id, r.publicationDate]));
  return htmlTable(
    fits.eras.low_outliers,
    [
      { title: 'System', value: (o) => o.name },
      { title: 'Published', value: (o) => dates.get(o.id) ?? fmt.yearMonth(o.year) },
      { title: 'z-score of log compute', value: (o) => o.z, numeric: true, html: (o) => fmt.fixed(o.z, 2) },
    ],
    { caption: `Low outliers: z below ${fits.eras.parameters.low_outlier_z} among systems within ±${fits.eras.parameters.window_years} year`, fullFile: 'fits.json (eras.low_outliers)' },
  );
}

/** A breakpoints table, or the sentence saying why there is none. */
function withBreakpoints(fits: Fits, build: (b: SegmentedAnalysis) => string): string {
  const b = fits.breakpoints;
  return b.computed ? build(b) : notComputedHtml('The segmented regression', b);
}

export function bicTable(fits: Fits): string {
  return withBreakpoints(fits, (b) => {
    const rows = [
      ...Object.entries(b.bic_by_k).map(([k, bic]) => ({ k: Number(k), bic, accepted: true })),
      ...b.rejected.filter((r) => !(String(r.k) in b.bic_by_k)).map((r) => ({ k: r.k, bic: r.bic, accepted: false })),
    ].sort((u, v) => u.k - v.k);
    return htmlTable(
      rows,
      [
        { title: 'Breakpoints K', value: (r) => r.k, numeric: true },
        { title: 'BIC', value: (r) => r.bic, numeric: true, html: (r) => (r.accepted && r.bic !== null ? fmt.fixed(r.bic, 1) : '') },
        { title: 'ΔBIC from the best', value: (r) => (r.accepted && r.bic !== null ? r.bic - b.bic : null), numeric: true, html: (r) => (r.accepted && r.bic !== null ? fmt.fixed(r.bic - b.bic, 1) : '') },
        { title: 'Chosen', value: (r) => (r.k === b.k ? 'yes' : r.accepted ? '' : 'no admissible fit') },
      ],
      { caption: 'BIC of the admissible segmented fit by number of breakpoints (lower is better)' },
    );
  });
}

export function rejectedFitsTable(fits: Fits): string {
  return withBreakpoints(fits, (b) => {
    if (b.rejected.length === 0) return `<p class="table-note">${esc(messages.noRows('the search found no fit that broke the rules with a lower RSS than the fit accepted for its K'))}</p>`;
    return htmlTable(
      b.rejected,
      [
        { title: 'Breakpoints K', value: (r) => r.k, numeric: true },
        { title: 'Its breakpoints', value: (r) => r.breakpoints.map(fmt.yearMonth).join(', ') || '—' },
        { title: 'BIC it would have had', value: (r) => r.bic, numeric: true, html: (r) => (r.bic === null ? '—' : fmt.fixed(r.bic, 1)) },
        { title: 'Rejected because', value: (r) => r.detail },
      ],
      { caption: `Fits the rules rejected: the best configuration of each K when it broke a rule (every segment at least ${b.rules.min_segment_years} years long with at least ${b.rules.min_segment_points} systems) or did not converge` },
    );
  });
}

export function breakpointsTable(fits: Fits): string {
  return withBreakpoints(fits, (b) => {
    if (b.breakpoints.length === 0) return `<p class="table-note">${esc(messages.noRows('BIC chose a straight line, without breakpoints'))}</p>`;
    const ci = (c: [number, number] | null) => (c ? `${fmt.yearMonth(c[0])} – ${fmt.yearMonth(c[1])}` : 'not computed');
    const table = htmlTable(
      b.breakpoints.map((p, i) => ({ ...p, i: i + 1 })),
      [
        { title: 'Breakpoint', value: (p) => p.i, numeric: true },
        { title: 'Estimate', value: (p) => fmt.yearMonth(p.estimate) },
        { title: 'Estimate (year)', value: (p) => p.estimate, numeric: true, html: (p) => fmt.fixed(p.estimate, 2) },
        { title: 'SE (years)', value: (p) => p.se, numeric: true, html: (p) => fmt.fixed(p.se, 2) },
        { title: '95% CI, delta method', value: (p) => ci(p.ci95) },
        { title: '95% CI, bootstrap', value: (p) => ci(p.bootstrap_ci95) },
      ],
      { caption: 'Breakpoint estimates with delta-method and bootstrap 95% intervals' },
    );
    return table + bootstrapNote(b);
  });
}

/** Why the bootstrap columns are empty, if they are. */
function bootstrapNote(b: SegmentedAnalysis): string {
  const boot = b.bootstrap;
  const why = !boot.computed ? boot.reason : boot.interval_note;
  return why ? `<p class="table-note">${esc(`No bootstrap intervals: ${why}.`)}</p>` : '';
}

export function segmentsTable(fits: Fits): string {
  return withBreakpoints(fits, (b) => {
    const edges = [b.x_range[0], ...b.breakpoints.map((p) => p.estimate), b.x_range[1]];
    const doublingCi = (c: [number, number | null] | null) => (c === null ? '' : c[1] === null ? ` (95% CI ${fmt.fixed(c[0])} months or longer)` : ` (95% CI ${fmt.fixed(c[0])}–${fmt.fixed(c[1])})`);
    const table = htmlTable(
      b.slopes.map((slope, i) => ({ i: i + 1, from: edges[i], to: edges[i + 1], slope, ci: b.slope_ci95[i], points: b.segment_points[i], months: b.doubling_months[i], monthsCi: b.doubling_ci95[i] })),
      [
        { title: 'Segment', value: (s) => s.i, numeric: true },
        { title: 'From', value: (s) => fmt.yearMonth(s.from) },
        { title: 'To', value: (s) => fmt.yearMonth(s.to) },
        { title: 'Systems', value: (s) => s.points, numeric: true },
        {
          title: 'Slope (orders of magnitude per year)',
          value: (s) => s.slope,
          numeric: true,
          html: (s) => `${fmt.fixed(s.slope, 3)}${s.ci ? ` (95% CI ${fmt.fixed(s.ci[0], 3)}–${fmt.fixed(s.ci[1], 3)})` : ''}`,
        },
        { title: 'Doubling time', value: (s) => (s.slope > 0 ? `${fmt.months(s.months)}${doublingCi(s.monthsCi)}` : 'none: compute does not grow') },
        { title: 'Growth', value: (s) => `${fmt.growth(10 ** s.slope)}/year${s.ci ? ` (95% CI ${fmt.growthNumber(10 ** s.ci[0])}–${fmt.growthNumber(10 ** s.ci[1])})` : ''}` },
      ],
      { caption: 'The segments of the fitted broken line, with bootstrap 95% intervals' },
    );
    return table + bootstrapNote(b);
  });
}
