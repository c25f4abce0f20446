/**
 * Tables that set published figures beside ours (Eras, Overview, Frontier), the coverage of the
 * data and the parameter-gap test: each published figure with its source and where in it, our fit
 * with the source's definition and window, our fit to date, and the sentence the verdicts choose.
 */
import type { Fits, LikeForLikeRow, Outcome, TrendFit } from '../schema/fits.ts';
import { messages } from '../messages.ts';
import { likeForLikeExplanation, publishedText } from './claims.ts';
import * as fmt from './format.ts';
import { esc, htmlTable, link } from './html.ts';
import { TableNotes } from './not-computed.ts';

const DEFINITION: Record<LikeForLikeRow['published']['definition'], string> = {
  all: 'all systems',
  'regular-scale': 'regular-scale systems',
  'large-scale': 'large-scale systems',
  'record-setters': 'record-setters',
  'running-top': 'the running top 10',
};

function windowText(p: LikeForLikeRow['published']): string {
  if (p.window_text) return p.window_text;
  return p.to.startsWith('9999') ? `from ${fmt.dateText(p.from)}` : `${fmt.dateText(p.from)} to ${fmt.dateText(p.to)}`;
}

const fitCell = (notes: TableNotes, label: string) => (fit: Outcome<TrendFit>) =>
  notes.cell(fit, label, (f) => `${fmt.doublingText(f)}; ${fmt.growthText(f)}; ${f.n.toLocaleString('en-US')} systems`);

/** The published figure with its source (linked, and where in it), its window and its systems. */
function publishedCell(r: LikeForLikeRow): string {
  const p = r.published;
  const w = windowText(p);
  return `${esc(p.label)}: <strong>${esc(publishedText(p))}</strong>${p.n === null ? '' : `, ${p.n} systems`}. ${esc(w.charAt(0).toUpperCase() + w.slice(1))}. ${link(p.source.url, p.source.text)}, ${esc(p.where)}.`;
}
const publishedValue = (r: LikeForLikeRow) => `${r.published.label}: ${publishedText(r.published)}; ${windowText(r.published)}; ${r.published.source.text}`;

/** Published trends beside ours with the explanation of the difference (Eras page, Appendix E). */
export function likeForLikeTable(rows: readonly LikeForLikeRow[], caption: string): string {
  const notes = new TableNotes();
  const table = htmlTable(
    rows,
    [
      { title: 'Published', value: publishedValue, html: publishedCell },
      { title: 'Ours, same definition and window', value: (r) => fitCell(notes, `${r.published.label}, same window`)(r.same_window) },
      { title: 'Ours to date', value: (r) => fitCell(notes, `${r.published.label}, to date`)(r.current) },
      { title: 'What explains the difference', value: (r) => likeForLikeExplanation(r) },
    ],
    { caption },
  );
  return table + notes.html();
}

/** The Overview's comparison: each published figure, ours like for like with the verdict, ours to date. */
export function comparisonTable(rows: readonly LikeForLikeRow[], caption: string): string {
  const notes = new TableNotes();
  const table = htmlTable(
    rows,
    [
      { title: 'Published', value: publishedValue, html: publishedCell },
      { title: 'Their systems', value: (r) => `${DEFINITION[r.published.definition]}` },
      { title: 'Ours, same definition and window', value: (r) => fitCell(notes, `${r.published.label}, same window`)(r.same_window) },
      { title: 'Verdict', value: (r) => (r.same_vs_published ? messages.verdictShort(r.same_vs_published) : '') },
      { title: 'Ours to date', value: (r) => fitCell(notes, `${r.published.label}, to date`)(r.current) },
    ],
    { caption },
  );
  return table + notes.html();
}

/** Systems per year since `from`, with how many have a compute value; earlier years in one row. */
export function coverageTable(fits: Fits, from: number): string {
  const rows = fits.coverage.by_year;
  if (rows.length === 0) return `<p class="table-note">${esc(messages.noRows('the data hold no system'))}</p>`;
  const before = rows.filter((r) => r.year < from);
  const shown = [
    ...(before.length ? [{ year: `before ${from}`, systems: sum(before, 'systems'), with_flop: sum(before, 'with_flop') }] : []),
    ...rows.filter((r) => r.year >= from).map((r) => ({ ...r, year: String(r.year) })),
  ];
  return htmlTable(
    shown,
    [
      { title: 'Published', value: (r) => r.year },
      { title: 'Systems', value: (r) => r.systems, numeric: true },
      { title: 'With a compute value', value: (r) => r.with_flop, numeric: true },
    ],
    { caption: 'Coverage: systems per year of publication, and how many have a training-compute value' },
  );
}

function sum<T>(rows: readonly T[], key: keyof T): number {
  return rows.reduce((n, r) => n + (r[key] as number), 0);
}

/** Language models per size band and year, and the test of the gap band (Villalobos et al. 2022). */
export function parameterGapTable(fits: Fits): string {
  const t = fits.parameter_gap_test;
  if (!t.computed) return `<p class="not-computed">${esc(messages.notComputed('The parameter-gap test', t.reason))}</p>`;
  const e = t.edges;
  const b = (v: number) => `${Number((v / 1e9).toPrecision(2))}`;
  const band = (i: number) => (i === 0 ? `under ${b(e[0])} billion` : i === e.length ? `${b(e[e.length - 1])} billion or more` : `${b(e[i - 1])}–${b(e[i])} billion`);
  const rows = [...t.by_year, t.pooled];
  return htmlTable(
    rows,
    [
      { title: 'Published', value: (r) => r.year },
      ...e.concat([Infinity]).map((_, i) => ({
        title: `${band(i)}${i === t.gap_band ? ' (the gap band)' : ''}`,
        value: (r: (typeof rows)[number]) => r.counts[i],
        numeric: true,
      })),
      { title: 'p (at most this many in the band)', value: (r) => r.p, numeric: true, html: (r) => (r.p === null ? 'not tested' : esc(fmt.pValue(r.p))) },
      { title: 'Gap', value: (r) => (r.gap === null ? `too few (under the test's minimum)` : r.gap ? 'yes' : 'no') },
    ],
    { caption: `Language models by parameter count and year of publication; the last row pools the years of the published claim. A year with fewer than the minimum in the gap band and its two flanks is not tested; a gap is declared at p < ${t.alpha}.` },
  );
}
