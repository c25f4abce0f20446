/**
 * Merges curated records with upstream ones (Epoch AI exports) without losing or doubling a
 * system. Two steps behind one boundary:
 *
 * - planMerge decides, from identities alone (id, name, organization, date, stated FLOP), what
 *   becomes of every upstream row: matched to a curated record (by which rule), added as a new
 *   system, or dropped (why); plus the ambiguous matches and the likely twins left unmatched. It
 *   reads the curated identities once, as they stream by, against the upstream rows held in
 *   memory (an export is thousands of rows; the curated records may be a million): what it keeps
 *   of the curated side is what touches an upstream row — candidate matches, likely twins, ids an
 *   added row could collide with — so it works at every size.
 * - The plan is carried out on the records (withTwin, addedRecords; applyMergePlan for a whole
 *   list): curated values win, and the fields only the upstream states (country, cost, …) are
 *   filled from the twin where the curated record has none. The normalize stage does this a batch
 *   at a time (pipeline/stages/normalize.ts, normalizedRecords).
 *
 * Matching rules, strongest first (identity.ts says how names compare):
 *   alias             a row of data/raw/aliases.csv names the upstream name and the curated id;
 *   name+year         the same name and the same publication year;
 *   name+organization the same name, publication dates at most a year apart, an organization in common.
 * A row that the rules match to two records, or two rows to one record, is ambiguous: it is
 * dropped (the curated record stands), listed, and settled by an alias. Rows of one export are
 * never merged with each other; an exact copy of an earlier row was dropped by the adapter. A row
 * of a later export that has the name and year of a system an earlier export added is that system
 * (rule `earlier export`: the first export read wins). Every row is counted:
 * in = matched + added + dropped, per export and in total, or the plan throws.
 */
import type { NormalizedRecord } from '../schema/records.ts';
import { messages } from '../messages.ts';
import { aliasKey, daysApart, foldName, identityKey, namesLookAlike, organizationsOverlap, organizationWords } from '../values/identity.ts';
import { sortRecords } from './record-order.ts';
import type { Alias } from '../ingest/aliases-file.ts';
import { MATCH_RULES, type AmbiguousMatch, type LikelyTwin, type MatchRule, type MergeCounts, type Outcome } from '../schema/provenance.ts';

/** The one stable order of records everywhere (by date, then id): see record-order.ts. */
export { compareRecords, sortRecords } from './record-order.ts';

/** What the plan needs of a record: who it is, and its stated FLOP for the report. */
export interface Identity {
  id: string;
  name: string;
  organization: string;
  /** ISO date at the record's precision (YYYY, YYYY-MM or YYYY-MM-DD). */
  publicationDate: string;
  /** FLOP as stated (not imputed); null without one. */
  flop: number | null;
  /** Title of the source the record cites (an upstream row's Reference); corroborates a likely twin. */
  title?: string;
}

export interface UpstreamIdentity extends Identity {
  line: number;
}

/** One upstream export: its row count, the rows the adapter mapped, and the ones it dropped. */
export interface UpstreamExport {
  file: string;
  rows: number;
  records: readonly UpstreamIdentity[];
  dropped: readonly { line: number; reason: string }[];
}

export interface PlannedRow {
  file: string;
  line: number;
  name: string;
  organization: string;
  publicationDate: string;
  outcome: Outcome;
  /** Matched: the record merged into; added: the new record's id; dropped: null. */
  id: string | null;
  rule: MatchRule | null;
  /** Why: the match's evidence, or why the row was dropped. */
  reason: string;
  curatedFlop: number | null;
  upstreamFlop: number | null;
  /** Curated records this row looks like without having matched (ids), for a maintainer to settle. */
  likelyTwins: string[];
}

export interface MergePlan {
  rows: PlannedRow[];
  ambiguous: AmbiguousMatch[];
  likelyTwins: LikelyTwin[];
  /** Per export, in the order read, then the total. */
  files: (MergeCounts & { file: string })[];
  total: MergeCounts;
  /** Aliases that named no upstream row of this run (`same` ones only). */
  unusedAliases: Alias[];
}

const STRENGTH: Record<MatchRule, number> = { alias: 3, 'name+year': 2, 'name+organization': 1, 'earlier export': 0 };

/** Publication dates at most this many days apart corroborate a name (preprint vs journal version). */
const MAX_DAYS_APART = 366;

const year = (date: string) => date.slice(0, 4);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A curated record as a candidate match of an upstream row: how strong its rule is (higher wins). */
interface Candidate {
  id: string;
  rule: MatchRule;
  strength: number;
  evidence: string;
  /** The curated record's stated FLOP, for the report. */
  flop: number | null;
}

/** An upstream row as the plan indexes it. */
interface UpstreamRow {
  file: string;
  upstream: UpstreamIdentity;
  /** Its name as an alias names it (identity.ts). */
  aliasKey: string;
  /** Candidate matches by name, in the curated records' order. */
  byName: Candidate[];
  /** Likely twins found while the curated records streamed by (looksLikeTwin held), by curated id. */
  twins: Map<string, { identity: Identity; group: number; position: number }>;
  /** What looksLikeTwin reads of the row, worked out once. */
  probe: TwinProbe;
  /** The row's organization words, in order, and its year: the likely-twin groups (TwinIndex). */
  words: string[];
  year: number;
}

export function planMerge(curated: Iterable<Identity>, exports: readonly UpstreamExport[], aliases: readonly Alias[] = []): MergePlan {
  const sameAlias = new Map<string, Alias>();
  /** aliasKey(upstream name) → the curated ids a `distinct` alias keeps it apart from. */
  const distinct = new Map<string, Set<string>>();
  for (const a of aliases) {
    if (a.relation === 'same') sameAlias.set(aliasKey(a.upstreamName), a);
    else {
      const key = aliasKey(a.upstreamName);
      distinct.set(key, (distinct.get(key) ?? new Set()).add(a.id));
    }
  }
  const isDistinct = (id: string, row: UpstreamRow) => distinct.get(row.aliasKey)?.has(id) === true;

  // The upstream rows, indexed by what a curated record can meet them on.
  const upstreamRows: UpstreamRow[][] = exports.map((exp) =>
    exp.records.map((u) => {
      const probe = twinProbe(u.name, u.organization, u.publicationDate, u.flop, u.title);
      return { file: exp.file, upstream: u, aliasKey: aliasKey(u.name), byName: [], twins: new Map(), probe, words: [...probe.words], year: Number(year(u.publicationDate)) };
    }),
  );
  const byNameKey = new Map<string, UpstreamRow[]>();
  const twinIndex = new TwinIndex();
  const upstreamIds = new Set<string>();
  for (const rows of upstreamRows) {
    for (const row of rows) {
      push(byNameKey, identityKey(row.upstream.name), row);
      twinIndex.add(row);
      upstreamIds.add(row.upstream.id);
    }
  }
  const aliasIds = new Set(aliases.map((a) => a.id));

  // The one pass over the curated records.
  /** Curated records named by an alias, with their stated FLOP. */
  const aliasedFlop = new Map<string, number | null>();
  /** Curated ids an added row's id could collide with (its id, or its id with a -k suffix). */
  const curatedTaken = new Set<string>();
  let position = 0;
  for (const c of curated) {
    if (aliasIds.has(c.id)) aliasedFlop.set(c.id, c.flop);
    if (upstreamIds.has(c.id) || upstreamIds.has(c.id.replace(/-\d+$/, ''))) curatedTaken.add(c.id);
    for (const row of byNameKey.get(identityKey(c.name)) ?? []) {
      const u = row.upstream;
      if (isDistinct(c.id, row)) continue;
      if (year(c.publicationDate) === year(u.publicationDate)) {
        row.byName.push({ id: c.id, rule: 'name+year', strength: STRENGTH['name+year'], evidence: messages.matchedByNameYear(year(u.publicationDate)), flop: c.flop });
      } else if (daysApart(c.publicationDate, u.publicationDate) <= MAX_DAYS_APART && organizationsOverlap(c.organization, u.organization)) {
        const days = Math.round(daysApart(c.publicationDate, u.publicationDate));
        row.byName.push({ id: c.id, rule: 'name+organization', strength: STRENGTH['name+organization'], evidence: messages.matchedByNameOrganization(c.publicationDate, u.publicationDate, days), flop: c.flop });
      }
    }
    const near = twinIndex.rowsNear(c);
    if (near.size > 0) {
      const probe = twinProbe(c.name, c.organization, c.publicationDate, c.flop, c.title);
      for (const [row, group] of near) {
        if (isDistinct(c.id, row) || !twinLike(probe, row.probe)) continue;
        row.twins.set(c.id, { identity: c, group, position });
      }
    }
    position++;
  }

  const usedAliases = new Set<Alias>();
  const rows: PlannedRow[] = [];
  const ambiguous: AmbiguousMatch[] = [];
  const files: MergePlan['files'] = [];
  const usedIds = new Set(curatedTaken);
  /** Systems added by earlier exports: name key + year → id. */
  const addedEarlier = new Map<string, string>();
  /** Each planned row's index entry, for the likely twins. */
  const indexed = new Map<PlannedRow, UpstreamRow>();

  exports.forEach((exp, e) => {
    const planned: { row: PlannedRow; candidates: Candidate[]; upstream: UpstreamIdentity }[] = [];
    for (const entry of upstreamRows[e]) {
      const u = entry.upstream;
      let candidates: Candidate[];
      const alias = sameAlias.get(entry.aliasKey);
      if (alias && aliasedFlop.has(alias.id)) {
        usedAliases.add(alias);
        candidates = [{ id: alias.id, rule: 'alias', strength: STRENGTH.alias, evidence: messages.matchedByAlias(alias.file, alias.line, alias.note), flop: aliasedFlop.get(alias.id)! }];
      } else candidates = entry.byName;
      const best = Math.max(-1, ...candidates.map((c) => c.strength));
      const row: PlannedRow = {
        file: exp.file,
        line: u.line,
        name: u.name,
        organization: u.organization,
        publicationDate: u.publicationDate,
        outcome: 'added',
        id: null,
        rule: null,
        reason: '',
        curatedFlop: null,
        upstreamFlop: u.flop,
        likelyTwins: [],
      };
      indexed.set(row, entry);
      planned.push({ upstream: u, candidates: candidates.filter((c) => c.strength === best), row });
    }

    // One row to several records: ambiguous. Several rows to one record: an alias decides, else ambiguous.
    const claims = new Map<string, (typeof planned)[number][]>();
    for (const p of planned) {
      if (p.candidates.length > 1) {
        ambiguous.push({ kind: 'row-to-records', rule: p.candidates[0].rule, rows: [{ file: exp.file, line: p.row.line, name: p.row.name }], ids: p.candidates.map((c) => c.id).sort() });
        p.row.outcome = 'dropped';
        p.row.reason = messages.ambiguousRowToRecords(p.candidates.map((c) => c.id).sort());
      } else if (p.candidates.length === 1) push(claims, p.candidates[0].id, p);
    }
    for (const [id, claimants] of claims) {
      const byAlias = claimants.filter((p) => p.candidates[0].rule === 'alias');
      const winner = claimants.length === 1 ? claimants[0] : byAlias.length === 1 ? byAlias[0] : null;
      if (claimants.length > 1) {
        ambiguous.push({ kind: 'rows-to-record', rule: (winner ?? claimants[0]).candidates[0].rule, rows: claimants.map((p) => ({ file: exp.file, line: p.row.line, name: p.row.name })), ids: [id] });
      }
      for (const p of claimants) {
        const c = p.candidates[0];
        if (p === winner) {
          Object.assign(p.row, { outcome: 'matched', id, rule: c.rule, reason: c.evidence, curatedFlop: c.flop });
        } else if (winner !== null) {
          // An alias gave the record to another row: this one is a system of its own, listed as a likely twin.
          p.candidates = [];
          p.row.reason = messages.aliasTookRecord(id, winner.row.line);
        } else {
          p.row.outcome = 'dropped';
          p.row.reason = messages.ambiguousRowsToRecord(id, claimants.filter((o) => o !== p).map((o) => o.row.line));
        }
      }
    }

    // The rest: a system an earlier export added, or a new one.
    for (const p of planned) {
      if (p.row.outcome !== 'added') continue;
      const key = `${identityKey(p.upstream.name)}|${year(p.upstream.publicationDate)}`;
      const earlier = addedEarlier.get(key);
      if (earlier !== undefined) {
        Object.assign(p.row, { outcome: 'matched', id: earlier, rule: 'earlier export', reason: messages.matchedEarlierExport(earlier) });
        continue;
      }
      let id = p.upstream.id;
      for (let k = 2; usedIds.has(id); k++) id = `${p.upstream.id}-${k}`;
      usedIds.add(id);
      p.row.id = id;
      if (p.row.reason === '') p.row.reason = messages.addedNoMatch;
    }
    for (const p of planned) if (p.row.outcome === 'added') addedEarlier.set(`${identityKey(p.upstream.name)}|${year(p.upstream.publicationDate)}`, p.row.id!);

    const fileRows: PlannedRow[] = [
      ...planned.map((p) => p.row),
      ...exp.dropped.map((d) => ({
        file: exp.file,
        line: d.line,
        name: '',
        organization: '',
        publicationDate: '',
        outcome: 'dropped' as const,
        id: null,
        rule: null,
        reason: d.reason,
        curatedFlop: null,
        upstreamFlop: null,
        likelyTwins: [],
      })),
    ].sort((a, b) => a.line - b.line);
    const counts = countRows(fileRows);
    if (counts.matched + counts.added + counts.dropped !== exp.rows) {
      throw new Error(`merge plan for ${exp.file}: ${exp.rows} rows in, but ${counts.matched} matched + ${counts.added} added + ${counts.dropped} dropped`);
    }
    files.push({ file: exp.file, ...counts, in: exp.rows });
    rows.push(...fileRows);
  });

  const likelyTwins = findLikelyTwins(rows, indexed);
  const total = countRows(rows);
  const inTotal = exports.reduce((n, e) => n + e.rows, 0);
  if (total.matched + total.added + total.dropped !== inTotal) throw new Error(`merge plan: ${inTotal} rows in, ${total.matched + total.added + total.dropped} accounted for`);
  return {
    rows,
    ambiguous,
    likelyTwins,
    files,
    total: { ...total, in: inTotal },
    unusedAliases: aliases.filter((a) => a.relation === 'same' && !usedAliases.has(a)),
  };
}

function countRows(rows: readonly PlannedRow[]): MergeCounts {
  const counts = { in: rows.length, matched: 0, added: 0, dropped: 0 };
  for (const r of rows) counts[r.outcome]++;
  return counts;
}

/** A source title as twins compare it: folded as names are (foldName), punctuation and spacing ignored. */
function titleKey(title: string): string {
  return (foldName(title).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Two stated FLOP values this close (ratio) are the same figure: one source copied the other. */
const SAME_FLOP = 1.01;
/** FLOP buckets of log10 width 1/200: values within SAME_FLOP of each other fall in neighbouring ones. */
const flopBucket = (flop: number) => Math.round(Math.log10(flop) * 200);

/**
 * The upstream rows by what a likely twin shares with them — a source title, an organization word
 * and a year (±1), a FLOP bucket (±1) — so that each curated record, as it streams by, meets only
 * the rows it may be a twin of. `group` orders a row's twins as its candidates are listed: the
 * title first, then each of the row's organization words by year (the row's −1, 0, +1), then the
 * FLOP buckets (the row's −1, 0, +1); within a group, the curated records' order.
 */
class TwinIndex {
  private readonly byTitle = new Map<string, UpstreamRow[]>();
  private readonly byOrgYear = new Map<string, UpstreamRow[]>();
  private readonly byFlop = new Map<number, UpstreamRow[]>();
  add(row: UpstreamRow): void {
    const u = row.upstream;
    // A row without a date is matched by no rule on time, and so has no likely twin.
    if (u.publicationDate === '') return;
    const t = titleKey(u.title ?? '');
    if (t !== '') push(this.byTitle, t, row);
    for (const w of row.words) push(this.byOrgYear, `${w}|${row.year}`, row);
    if (u.flop !== null && u.flop > 0) push(this.byFlop, flopBucket(u.flop), row);
  }
  /** Every row sharing a source title, an organization word and a year (±1), or a FLOP bucket (±1) with the curated record, with its first group. */
  rowsNear(c: Identity): Map<UpstreamRow, number> {
    const near = new Map<UpstreamRow, number>();
    const t = titleKey(c.title ?? '');
    if (t !== '') for (const row of this.byTitle.get(t) ?? []) meet(near, row, 0);
    const cy = Number(year(c.publicationDate));
    for (const w of organizationWords(c.organization)) {
      for (const y of [cy - 1, cy, cy + 1]) for (const row of this.byOrgYear.get(`${w}|${y}`) ?? []) meet(near, row, 1 + row.words.indexOf(w) * 3 + (cy - y + 1));
    }
    if (c.flop !== null && c.flop > 0) {
      const b = flopBucket(c.flop);
      for (const bb of [b - 1, b, b + 1]) for (const row of this.byFlop.get(bb) ?? []) meet(near, row, 1 + row.words.length * 3 + (b - bb + 1));
    }
    return near;
  }
}

/** A row met in `group`: kept with the first (lowest) group it is met in. */
function meet(near: Map<UpstreamRow, number>, row: UpstreamRow, group: number): void {
  const seen = near.get(row);
  if (seen === undefined || group < seen) near.set(row, group);
}

/**
 * Whether a curated record and an upstream row look like one system though no rule matched them:
 * - an organization in common, publication dates at most a year apart, and names that look
 *   alike (identity.ts: "GPT-3 175B (davinci)" and "GPT-3 175B"); or
 * - the same stated FLOP (within 1%: one source copied the other's figure), published in the same
 *   year or within 45 days, and an organization in common, or names that look alike, or no
 *   organization on one side ("Samuel's checkers player" and "Samuel Neural Checkers"); or
 * - the same source title (one paper), dates at most a year apart ("Deep Belief Net (MNIST)" and
 *   "Deep Belief Nets", both citing "A Fast Learning Algorithm for Deep Belief Nets"): a paper
 *   can present several systems, so this one is for a maintainer to judge.
 */
export function looksLikeTwin(c: Identity, r: { name: string; organization: string; publicationDate: string; upstreamFlop: number | null; title?: string }): boolean {
  return twinLike(twinProbe(c.name, c.organization, c.publicationDate, c.flop, c.title), twinProbe(r.name, r.organization, r.publicationDate, r.upstreamFlop, r.title));
}

/** What looksLikeTwin reads of either side, its title and organization words worked out once. */
interface TwinProbe {
  name: string;
  organization: string;
  publicationDate: string;
  flop: number | null;
  title: string;
  words: Set<string>;
}

function twinProbe(name: string, organization: string, publicationDate: string, flop: number | null, title: string | undefined): TwinProbe {
  return { name, organization, publicationDate, flop, title: titleKey(title ?? ''), words: organizationWords(organization) };
}

/** looksLikeTwin of a curated record (c) and an upstream row (r). */
function twinLike(c: TwinProbe, r: TwinProbe): boolean {
  const days = daysApart(c.publicationDate, r.publicationDate);
  if (days > MAX_DAYS_APART) return false;
  if (r.title !== '' && r.title === c.title) return true;
  let org = false;
  for (const w of r.words) if (c.words.has(w)) org = true;
  if (org && namesLookAlike(c.name, r.name)) return true;
  const sameFlop = c.flop !== null && r.flop !== null && Math.max(c.flop / r.flop, r.flop / c.flop) <= SAME_FLOP;
  const sameTime = year(c.publicationDate) === year(r.publicationDate) || days <= 45;
  return sameFlop && sameTime && (org || namesLookAlike(c.name, r.name) || c.organization.trim() === '' || r.organization.trim() === '');
}

/**
 * Curated records that look like an upstream row though neither was matched (looksLikeTwin,
 * tested as the curated records streamed by). Pairs an alias declares distinct are left out. Each
 * pair is also written on the row (likelyTwins).
 */
function findLikelyTwins(rows: PlannedRow[], indexed: ReadonlyMap<PlannedRow, UpstreamRow>): LikelyTwin[] {
  const twins: LikelyTwin[] = [];
  // A matched row has its record, and a matched record its row: only the unmatched are looked at.
  const matched = new Set(rows.filter((r) => r.outcome === 'matched').map((r) => r.id));
  for (const r of rows) {
    const entry = indexed.get(r);
    if (r.outcome === 'matched' || entry === undefined) continue;
    const found = [...entry.twins.values()].filter((t) => !matched.has(t.identity.id)).sort((a, b) => a.group - b.group || a.position - b.position);
    for (const { identity: c } of found) {
      r.likelyTwins.push(c.id);
      twins.push({
        id: c.id,
        name: c.name,
        publicationDate: c.publicationDate,
        organization: c.organization,
        file: r.file,
        line: r.line,
        upstreamName: r.name,
        upstreamDate: r.publicationDate,
        upstreamOrganization: r.organization,
        outcome: r.outcome,
      });
    }
    r.likelyTwins.sort();
  }
  return twins;
}

/** The identity of a record, as planMerge reads it. */
export function identityOf(r: NormalizedRecord): Identity {
  return { id: r.id, name: r.name, organization: r.organization, publicationDate: r.publicationDate, flop: r.compute?.kind === 'flop' ? r.compute.flop : null, title: r.citation.title };
}

/**
 * The fields a curated record takes from its upstream twin where it has none: they describe the
 * system (who made it, where, whether its weights are open, what its training cost and drew).
 * Fields that describe the upstream's own compute estimate (confidence, estimation method,
 * bounds, possibly over 1e23) are not taken: the curated record's compute comes from its own
 * source. Values the curated schema has (parameters, data, compute, hardware, time, utilization)
 * are never taken: the curated record's cited value, or the pipeline's estimate, stands.
 */
export const FILLED_FROM_TWIN = [
  'organizationCategory',
  'country',
  'openWeights',
  'accessibility',
  'frontierModel',
  'trainingCost',
  'trainingCostUpfront',
  'hardwareAcquisitionCost',
  'powerDrawWatts',
  'chipHours',
] as const satisfies readonly (keyof NormalizedRecord)[];

export interface MergeResult {
  records: NormalizedRecord[];
  plan: MergePlan;
}

/** A curated record's upstream twin: the plan's row and the upstream record. */
export interface Twin {
  row: PlannedRow;
  record: NormalizedRecord;
}

const at = (file: string, line: number) => `${file}\u0000${line}`;

/** The upstream records by their place (file, line). */
function upstreamAt(upstream: readonly NormalizedRecord[]): Map<string, NormalizedRecord> {
  return new Map(upstream.map((r) => [at(r.origin.file, r.origin.line), r]));
}

/** Each matched curated record's twin (the first row matched to it), by curated id. */
export function twinsOf(upstream: readonly NormalizedRecord[], plan: MergePlan): Map<string, Twin> {
  const records = upstreamAt(upstream);
  const twins = new Map<string, Twin>();
  for (const row of plan.rows) {
    if (row.outcome !== 'matched' || row.rule === 'earlier export' || twins.has(row.id!)) continue;
    const record = records.get(at(row.file, row.line));
    if (record !== undefined) twins.set(row.id!, { row, record });
  }
  return twins;
}

/** A curated record with the fields only its twin states filled in, and the twin named; itself without a twin. */
export function withTwin(c: NormalizedRecord, twin: Twin | undefined): NormalizedRecord {
  if (twin === undefined) return c;
  const filled: NormalizedRecord = { ...c };
  for (const field of FILLED_FROM_TWIN) {
    if (filled[field] === null) (filled as unknown as Record<string, unknown>)[field] = twin.record[field];
  }
  filled.upstreamTwin = { file: twin.row.file, line: twin.row.line, name: twin.record.name, exportDate: twin.record.origin.exportDate, rule: twin.row.rule! };
  return filled;
}

/** The upstream records the plan adds, under the ids it gave them, in the plan's order. */
export function addedRecords(upstream: readonly NormalizedRecord[], plan: MergePlan): NormalizedRecord[] {
  const records = upstreamAt(upstream);
  const added: NormalizedRecord[] = [];
  for (const row of plan.rows) {
    if (row.outcome !== 'added') continue;
    const record = records.get(at(row.file, row.line));
    if (record !== undefined) added.push(row.id === record.id ? record : { ...record, id: row.id! });
  }
  return added;
}

/** Carries out a plan on whole lists: the curated records (matched ones filled from their twin) and the added ones, in the records' order. */
export function applyMergePlan(curated: readonly NormalizedRecord[], upstream: readonly NormalizedRecord[], plan: MergePlan): NormalizedRecord[] {
  const twins = twinsOf(upstream, plan);
  return sortRecords([...curated.map((c) => withTwin(c, twins.get(c.id))), ...addedRecords(upstream, plan)]);
}

/** Plan and apply: the merged records and the plan. */
export function mergeRecords(
  curated: readonly NormalizedRecord[],
  exports: readonly { file: string; rows: number; records: readonly NormalizedRecord[]; dropped: readonly { line: number; reason: string }[] }[],
  aliases: readonly Alias[] = [],
): MergeResult {
  const plan = planMerge(
    curated.map(identityOf),
    exports.map((e) => ({ file: e.file, rows: e.rows, dropped: e.dropped, records: e.records.map((r) => ({ ...identityOf(r), line: r.origin.line })) })),
    aliases,
  );
  return { records: applyMergePlan(curated, exports.flatMap((e) => e.records), plan), plan };
}
