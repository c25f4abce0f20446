/**
 * The Data quality page's section on the upstream exports: what became of every row (matched,
 * added, dropped, per export), the ambiguous matches and the likely twins a maintainer settles
 * with data/raw/aliases.csv.
 */
import { exportDateOf } from '../adapters/epoch.ts';
import { messages } from '../messages.ts';
import type { Provenance } from '../schema/provenance.ts';
import * as fmt from './format.ts';
import { esc, htmlTable } from './html.ts';

type Merge = NonNullable<Provenance['merge']>;

/** Counts per export and in total, with the sentence that says in = matched + added + dropped. */
export function upstreamRowsTable(p: Provenance): string {
  const m = p.merge;
  if (m === null) return `<p>${esc(messages.mergeNoExport)}</p>`;
  const rows = [...m.files.map((f) => ({ ...f, date: exportDateOf(f.file) ?? '' })), { file: 'All exports', date: '', in: m.in, matched: m.matched, added: m.added, dropped: m.dropped }];
  const table = htmlTable(
    rows,
    [
      { title: 'Export', value: (r) => r.file, html: (r) => (r.file === 'All exports' ? esc(r.file) : `<code>${esc(r.file)}</code>`) },
      { title: 'Export date', value: (r) => r.date },
      { title: 'Rows', value: (r) => r.in, numeric: true, html: (r) => fmt.count(r.in) },
      { title: 'Matched', value: (r) => r.matched, numeric: true, html: (r) => fmt.count(r.matched) },
      { title: 'Added', value: (r) => r.added, numeric: true, html: (r) => fmt.count(r.added) },
      { title: 'Dropped', value: (r) => r.dropped, numeric: true, html: (r) => fmt.count(r.dropped) },
    ],
    { caption: 'Every upstream row, matched, added or dropped' },
  );
  return `<p>${esc(messages.mergeSummary(m, m.files.length))}</p>\n${table}\n<p>${esc(messages.mergeDisagreements(m.disagreements))} <a href="data/merge-report.csv">merge-report.csv</a>.</p>${droppedList(p)}`;
}

/** Why rows were dropped, by reason. */
function droppedList(p: Provenance): string {
  if (p.dropped.length === 0) return '';
  const byReason = new Map<string, number>();
  for (const d of p.dropped) byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
  const items = [...byReason].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([reason, n]) => `<li>${fmt.count(n)}: ${esc(reason)}</li>`);
  return `\n<ul>${items.join('')}</ul>`;
}

/** The ambiguous matches and the likely twins left, for a maintainer to settle with an alias. */
export function mergeReviewTable(p: Provenance): string {
  const m = p.merge;
  if (m === null) return `<p>${esc(messages.mergeNothingToReview)}</p>`;
  return [ambiguous(m), twins(m), unusedAliases(m)].filter(Boolean).join('\n');
}

function ambiguous(m: Merge): string {
  if (m.ambiguous.length === 0) return `<p>${esc(messages.mergeNoAmbiguous)}</p>`;
  return `<p>${esc(messages.mergeAmbiguousIntro(m.ambiguous.length))}</p>\n${htmlTable(
    m.ambiguous,
    [
      { title: 'Upstream rows', value: (a) => a.rows.map((r) => `${r.name} (${r.file}:${r.line})`).join('; ') },
      { title: 'Curated records', value: (a) => a.ids.join(', ') },
      { title: 'Rule', value: (a) => a.rule },
    ],
    { caption: 'Ambiguous matches' },
  )}`;
}

function twins(m: Merge): string {
  if (m.likelyTwins.length === 0) return `<p>${esc(messages.mergeNoTwins)}</p>`;
  return `<p>${esc(messages.mergeTwinsIntro(m.likelyTwins.length))}</p>\n${htmlTable(
    m.likelyTwins,
    [
      { title: 'Curated record', value: (t) => `${t.name} (${t.id})` },
      { title: 'Published', value: (t) => t.publicationDate },
      { title: 'Organization', value: (t) => t.organization },
      { title: 'Upstream row', value: (t) => `${t.upstreamName} (${t.file}:${t.line})` },
      { title: 'Published ', value: (t) => t.upstreamDate },
      { title: 'Organization ', value: (t) => t.upstreamOrganization },
    ],
    { caption: 'Likely twins, not matched', sortable: true },
  )}`;
}

function unusedAliases(m: Merge): string {
  if (m.unusedAliases.length === 0) return '';
  const items = m.unusedAliases.map((a) => `<li>${esc(a.upstreamName)} (<code>${esc(`${a.file}:${a.line}`)}</code>)</li>`);
  return `<p>${esc(messages.aliasUnused(m.unusedAliases.length))}</p>\n<ul>${items.join('')}</ul>`;
}
