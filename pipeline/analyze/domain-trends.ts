/**
 * Training-compute trends per domain in the deep-learning era (language, vision, games, speech,
 * multimodal, other), and on Sevilla et al.'s window with their four domains (vision, language,
 * games, other) beside the doubling times they published. Low outliers are left out as in the eras.
 */
import * as aq from 'arquero';
import { op } from 'arquero';
import { dateInWords, parseDate } from '../values/dates.ts';
import { DOMAINS } from '../schema/raw-columns.ts';
import type { DomainTrend, DomainTrends } from '../schema/fits.ts';
import { SEVILLA_DOMAINS, SEVILLA_WINDOW } from './published-figures.ts';
import { messages } from '../messages.ts';
import { seriesOf } from './series.ts';
import type { AnalysisTable } from './table.ts';
import { SEED_OFFSET } from './seeds.ts';
import { fitTrend, type TrendOptions } from './trend.ts';

/** Our six domains; recommendation systems count as other. */
export const DOMAIN_GROUPS: { key: string; label: string; includes: string[] }[] = [
  { key: 'language', label: 'Language', includes: ['language'] },
  { key: 'vision', label: 'Vision', includes: ['vision'] },
  { key: 'games', label: 'Games', includes: ['games'] },
  { key: 'speech', label: 'Speech', includes: ['speech'] },
  { key: 'multimodal', label: 'Multimodal', includes: ['multimodal'] },
  { key: 'other', label: 'Other', includes: ['recommendation', 'other'] },
];

/** Sevilla et al.'s four domains in ours: everything but vision, language and games is "other". */
export const SEVILLA_GROUPS: { key: 'vision' | 'language' | 'games' | 'other'; label: string; includes: string[] }[] = [
  { key: 'vision', label: 'Vision', includes: ['vision'] },
  { key: 'language', label: 'Language', includes: ['language'] },
  { key: 'games', label: 'Games', includes: ['games'] },
  { key: 'other', label: 'Other', includes: ['speech', 'multimodal', 'recommendation', 'other'] },
];

export const MATCHED_DEFINITION = messages.sevillaDomainWindow(dateInWords(SEVILLA_WINDOW.from), dateInWords(SEVILLA_WINDOW.to));

/**
 * The rows of each group among `keep`, by arquero: one group-by over the rows' domains.
 * Groups without a row are absent from the map.
 */
function rowsByGroup(table: AnalysisTable, groups: { key: string; includes: string[] }[], keep: (i: number) => boolean): Map<string, Int32Array> {
  const groupOf = new Map<string, string>(groups.flatMap((g) => g.includes.map((d) => [d, g.key] as [string, string])));
  const rows: number[] = [];
  const keys: string[] = [];
  for (let i = 0; i < table.ids.length; i++) {
    if (!keep(i)) continue;
    const key = groupOf.get(DOMAINS[table.domain[i]] ?? '');
    if (key === undefined) continue;
    rows.push(i);
    keys.push(key);
  }
  const grouped = aq
    .table({ row: rows, group: keys })
    .groupby('group')
    .rollup({ rows: op.array_agg('row') })
    .objects() as { group: string; rows: number[] }[];
  return new Map(grouped.map((g) => [g.group, Int32Array.from(g.rows)]));
}

/** `window`: when the systems were published, for the reason a group has no trend ("published since 2010"). */
function fitGroups(table: AnalysisTable, groups: { key: string; label: string; includes: string[] }[], keep: (i: number) => boolean, trend: TrendOptions, seed: number, window: string): DomainTrend[] {
  const byGroup = rowsByGroup(table, groups, keep);
  return groups.map((g, k) => {
    const rows = byGroup.get(g.key) ?? new Int32Array(0);
    const s = seriesOf(table, table.flop, rows);
    const subject = { noun: `${g.label.toLowerCase()} system`, detail: `with a compute value ${window}` };
    return { domain: g.key, label: g.label, n: s.x.length, trend: fitTrend(s, { ...trend, seed: seed + k, subject }) };
  });
}

/**
 * `isLowOutlier[i]` is nonzero for a table row that the eras leave out; `dlStart` is the
 * deep-learning era's first date (ISO).
 */
export function analyzeDomainTrends(table: AnalysisTable, isLowOutlier: Uint8Array, dlStart: string, trend: TrendOptions): DomainTrends {
  const from = parseDate(dlStart).year;
  const withFlop = (i: number) => table.flop[i] > 0 && isLowOutlier[i] === 0;
  const domains = fitGroups(table, DOMAIN_GROUPS, (i) => withFlop(i) && table.year[i] >= from, trend, trend.seed + SEED_OFFSET.domain_trends, `published since ${dlStart.slice(0, 4)}`);
  const mFrom = parseDate(SEVILLA_WINDOW.from).year;
  const mTo = parseDate(SEVILLA_WINDOW.to).year;
  const matched = fitGroups(
    table,
    SEVILLA_GROUPS,
    (i) => withFlop(i) && table.year[i] >= mFrom && table.year[i] <= mTo,
    trend,
    trend.seed + SEED_OFFSET.domain_trends_matched,
    `published from ${dateInWords(SEVILLA_WINDOW.from)} to ${dateInWords(SEVILLA_WINDOW.to)}`,
  );
  return {
    from: dlStart,
    to: table.lastDate,
    low_outliers_excluded: isLowOutlier.reduce((n, v) => n + (v ? 1 : 0), 0),
    domains,
    matched: {
      from: SEVILLA_WINDOW.from,
      to: SEVILLA_WINDOW.to,
      definition: MATCHED_DEFINITION,
      domains: matched.map((d, k) => ({ ...d, includes: SEVILLA_GROUPS[k].includes, published: SEVILLA_DOMAINS[SEVILLA_GROUPS[k].key] })),
    },
  };
}

