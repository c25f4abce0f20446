/**
 * The merge plan: every upstream row matched, added or dropped (in = matched + added + dropped),
 * systems that differ by a digit or a suffix kept apart, aliases, ambiguity listed, likely twins.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alias } from '../../pipeline/ingest/aliases-file.ts';
import { applyMergePlan, looksLikeTwin, mergeRecords, planMerge, type Identity, type UpstreamExport } from '../../pipeline/normalize/merge.ts';
import { messages } from '../../pipeline/messages.ts';
import type { NormalizedRecord } from '../../pipeline/schema/records.ts';
import { record } from '../helpers/records.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

const curated = (id: string, name: string, publicationDate: string, organization = 'Lab A', flop: number | null = null): Identity => ({ id, name, organization, publicationDate, flop });
let nextLine = 2;
const row = (name: string, publicationDate: string, organization = 'Lab A', flop: number | null = null, id?: string) => ({
  id: id ?? `epoch-${name.toLowerCase().replace(/[^a-z0-9.]+/g, '-')}`,
  name,
  organization,
  publicationDate,
  flop,
  line: nextLine++,
});
const file = (records: UpstreamExport['records'], dropped: UpstreamExport['dropped'] = [], name = 'epoch.csv'): UpstreamExport => ({ file: name, rows: records.length + dropped.length, records, dropped });
const alias = (id: string, upstreamName: string, relation: Alias['relation'] = 'same', line = 2): Alias => ({ id, upstreamName, relation, note: 'checked', file: 'aliases.csv', line, idColumn: 1 });

describe('systems that differ only in a digit or a suffix stay two systems', () => {
  it('OPT-1.3B and OPT-13B, Odyssey 1.2B and 12B, Command R and R+: within an export, and against a curated record', () => {
    const rows = [
      row('OPT-1.3B', '2022-05-02', 'Meta AI'),
      row('OPT-13B', '2022-05-02', 'Meta AI', 3.53e23),
      row('Odyssey 1.2B', '2023-02-02'),
      row('Odyssey 12B', '2023-02-02'),
      row('Command R', '2024-03-11', 'Cohere'),
      row('Command R+', '2024-04-04', 'Cohere', null, 'epoch-command-r-plus'),
    ];
    const plan = planMerge([curated('opt-13b', 'OPT-13B', '2022-05-02', 'Meta AI', 3.5e23), curated('command-r', 'Command R', '2024-03-11', 'Cohere')], [file(rows)]);
    const outcome = (name: string) => plan.rows.find((r) => r.name === name)!;
    expect(outcome('OPT-13B')).toMatchObject({ outcome: 'matched', id: 'opt-13b', rule: 'name+year', curatedFlop: 3.5e23, upstreamFlop: 3.53e23 });
    expect(outcome('OPT-1.3B')).toMatchObject({ outcome: 'added', id: 'epoch-opt-1.3b' });
    expect(outcome('Odyssey 1.2B').outcome).toBe('added');
    expect(outcome('Odyssey 12B').outcome).toBe('added');
    expect(outcome('Command R')).toMatchObject({ outcome: 'matched', id: 'command-r' });
    expect(outcome('Command R+')).toMatchObject({ outcome: 'added', id: 'epoch-command-r-plus' });
    expect(plan.total).toEqual({ in: 6, matched: 2, added: 4, dropped: 0 });
    expect(plan.ambiguous).toEqual([]);
  });

  it('two rows of one export with the same name are never merged with each other', () => {
    const rows = [row('Twin Net', '2020-01-01', 'Lab A', 1e20, 'epoch-twin-net'), row('Twin Net', '2020-06-01', 'Lab A', 2e20, 'epoch-twin-net-2020')];
    const plan = planMerge([], [file(rows)]);
    expect(plan.rows.map((r) => [r.outcome, r.id])).toEqual([
      ['added', 'epoch-twin-net'],
      ['added', 'epoch-twin-net-2020'],
    ]);
  });
});

describe('matching rules', () => {
  it('matches the same name within a year when an organization is shared, never on the name alone', () => {
    const plan = planMerge(
      [curated('graphcast', 'GraphCast', '2022-12-24', 'Google DeepMind'), curated('bert', 'BERT', '2018-10-11', 'Google')],
      [file([row('GraphCast', '2023-11-14', 'Google DeepMind'), row('BERT', '2019-10-11', 'Some Other Lab')])],
    );
    expect(plan.rows[0]).toMatchObject({ outcome: 'matched', id: 'graphcast', rule: 'name+organization', reason: messages.matchedByNameOrganization('2022-12-24', '2023-11-14', 325) });
    expect(plan.rows[1]).toMatchObject({ outcome: 'added' });
  });

  it('an alias settles a name variant; a distinct alias keeps a look-alike apart and unlisted', () => {
    const plan = planMerge(
      [curated('gpt-3', 'GPT-3 175B', '2020-05-28', 'OpenAI'), curated('electra-small', 'ELECTRA-Small', '2020-03-23', 'Google')],
      [file([row('GPT-3 175B (davinci)', '2020-05-28', 'OpenAI'), row('ELECTRA', '2020-03-23', 'Google')])],
      [alias('gpt-3', 'gpt-3 175B  (DAVINCI)', 'same', 2), alias('electra-small', 'ELECTRA', 'distinct', 3)],
    );
    expect(plan.rows[0]).toMatchObject({ outcome: 'matched', id: 'gpt-3', rule: 'alias', reason: messages.matchedByAlias('aliases.csv', 2, 'checked') });
    expect(plan.rows[1]).toMatchObject({ outcome: 'added', likelyTwins: [] });
    expect(plan.likelyTwins).toEqual([]);
    expect(plan.unusedAliases).toEqual([]);
  });

  it('an alias is stronger than a name match, and an unused alias is reported', () => {
    const plan = planMerge(
      [curated('a', 'Alpha', '2020-01-01'), curated('b', 'Beta', '2020-01-01')],
      [file([row('Alpha', '2020-01-01')])],
      [alias('b', 'Alpha'), alias('a', 'Gamma', 'same', 3)],
    );
    expect(plan.rows[0]).toMatchObject({ outcome: 'matched', id: 'b', rule: 'alias' });
    expect(plan.unusedAliases.map((a) => a.upstreamName)).toEqual(['Gamma']);
  });

  it('a later export matches the systems an earlier one added', () => {
    const plan = planMerge([], [file([row('Qux', '2021-01-01')], [], 'a.csv'), file([row('Qux', '2021-01-01'), row('Quux', '2021-01-01')], [], 'b.csv')]);
    expect(plan.rows.map((r) => [r.file, r.outcome, r.rule])).toEqual([
      ['a.csv', 'added', null],
      ['b.csv', 'matched', 'earlier export'],
      ['b.csv', 'added', null],
    ]);
    expect(plan.files).toEqual([
      { file: 'a.csv', in: 1, matched: 0, added: 1, dropped: 0 },
      { file: 'b.csv', in: 2, matched: 1, added: 1, dropped: 0 },
    ]);
  });
});

describe('ambiguous matches are listed, not resolved silently', () => {
  it('one row matching two records is dropped and listed', () => {
    const plan = planMerge([curated('foo-a', 'Foo Net', '2020-01-01'), curated('foo-b', 'Foo-Net', '2020-06-01')], [file([row('FOO NET', '2020-03-01')])]);
    expect(plan.rows[0]).toMatchObject({ outcome: 'dropped', id: null, reason: messages.ambiguousRowToRecords(['foo-a', 'foo-b']) });
    expect(plan.ambiguous).toEqual([{ kind: 'row-to-records', rule: 'name+year', rows: [{ file: 'epoch.csv', line: plan.rows[0].line, name: 'FOO NET' }], ids: ['foo-a', 'foo-b'] }]);
  });

  it('two rows matching one record are both dropped and listed; an alias for one decides', () => {
    const rows = [row('Bar 7B', '2021-01-01'), row('BAR-7B', '2021-02-01')];
    const tied = planMerge([curated('bar-7b', 'Bar 7B', '2021-01-01')], [file(rows)]);
    expect(tied.rows.map((r) => r.outcome)).toEqual(['dropped', 'dropped']);
    expect(tied.rows[0].reason).toBe(messages.ambiguousRowsToRecord('bar-7b', [rows[1].line]));
    expect(tied.ambiguous).toMatchObject([{ kind: 'rows-to-record', ids: ['bar-7b'] }]);

    const settled = planMerge([curated('bar-7b', 'Bar 7B', '2021-01-01')], [file(rows)], [alias('bar-7b', 'BAR-7B')]);
    expect(settled.rows.map((r) => [r.outcome, r.rule])).toEqual([
      ['added', null],
      ['matched', 'alias'],
    ]);
    expect(settled.rows[0].reason).toBe(messages.aliasTookRecord('bar-7b', rows[1].line));
    expect(settled.ambiguous).toHaveLength(1);
  });
});

describe('likely twins', () => {
  it('lists unmatched pairs with an organization in common, dates within a year and similar names', () => {
    const plan = planMerge([curated('gpt-3-175b', 'GPT-3 175B', '2020-05-28', 'OpenAI')], [file([row('GPT-3 175B (davinci)', '2020-05-28', 'OpenAI')])]);
    expect(plan.rows[0]).toMatchObject({ outcome: 'added', likelyTwins: ['gpt-3-175b'] });
    expect(plan.likelyTwins).toMatchObject([{ id: 'gpt-3-175b', upstreamName: 'GPT-3 175B (davinci)', outcome: 'added' }]);
  });

  it('lists pairs named differently that state the same FLOP in the same year', () => {
    const c = curated('samuel', "Samuel's checkers player", '1959-07', 'IBM', 4.28e8);
    expect(looksLikeTwin(c, { name: 'Samuel Neural Checkers', organization: 'IBM', publicationDate: '1959-07-01', upstreamFlop: 4.28e8 })).toBe(true);
    expect(looksLikeTwin(c, { name: 'Other System', organization: '', publicationDate: '1959-03-01', upstreamFlop: 4.29e8 })).toBe(true);
    expect(looksLikeTwin(c, { name: 'Other System', organization: 'Bell Labs', publicationDate: '1959-03-01', upstreamFlop: 4.28e8 })).toBe(false);
    expect(looksLikeTwin(c, { name: 'Samuel Neural Checkers', organization: 'IBM', publicationDate: '1959-07-01', upstreamFlop: 9e8 })).toBe(false);
  });

  it('leaves out records and rows that are matched', () => {
    const plan = planMerge(
      [curated('claude-3-opus', 'Claude 3 Opus', '2024-03-04', 'Anthropic')],
      [file([row('Claude 3 Opus', '2024-03-04', 'Anthropic'), row('Claude 3 Sonnet', '2024-03-04', 'Anthropic')])],
    );
    expect(plan.likelyTwins).toEqual([]);
  });
});

describe('every upstream row accounted for: in = matched + added + dropped', () => {
  const names = ['Alpha', 'Alpha 2', 'Alpha-2', 'alpha 2B', 'Beta 1.3B', 'Beta 13B', 'Gamma R', 'Gamma R+', 'Delta'];
  const dates = ['2020-01-01', '2020-07-01', '2021-03-01', '2023-01-01'];
  const orgs = ['Lab A', 'Lab B', ''];
  const identity = fc.record({
    name: fc.constantFrom(...names),
    publicationDate: fc.constantFrom(...dates),
    organization: fc.constantFrom(...orgs),
    flop: fc.option(fc.constantFrom(1e20, 1.005e20, 3e22), { nil: null }),
  });

  it('holds per export and in total for any curated records, exports and aliases, and every row is listed once', () => {
    fc.assert(
      fc.property(
        fc.array(identity, { maxLength: 6 }),
        fc.array(fc.record({ rows: fc.array(identity, { maxLength: 8 }), dropped: fc.nat(3) }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ c: fc.nat(5), name: fc.constantFrom(...names), relation: fc.constantFrom('same' as const, 'distinct' as const) }), { maxLength: 3 }),
        (cur, exps, als) => {
          const curatedIds = cur.map((c, i) => ({ ...c, id: `c-${i}` }));
          let line = 2;
          const exports = exps.map((e, f) => {
            const records = e.rows.map((r) => ({ ...r, id: `epoch-${r.name.toLowerCase().replace(/[^a-z0-9.+]+/g, '-')}`, line: line++ }));
            const dropped = Array.from({ length: e.dropped }, () => ({ line: line++, reason: 'no name' }));
            return { file: `f${f}.csv`, rows: records.length + dropped.length, records, dropped };
          });
          const seen = new Set<string>();
          const aliases = als
            .filter((a) => a.c < curatedIds.length && !(a.relation === 'same' && seen.has(a.name)) && (a.relation === 'distinct' || seen.add(a.name)))
            .map((a, i) => alias(`c-${a.c}`, a.name, a.relation, i + 2));
          const plan = planMerge(curatedIds, exports, aliases);
          for (const f of plan.files) expect(f.in).toBe(f.matched + f.added + f.dropped);
          expect(plan.total.in).toBe(exports.reduce((n, e) => n + e.rows, 0));
          expect(plan.total.in).toBe(plan.total.matched + plan.total.added + plan.total.dropped);
          expect(plan.rows).toHaveLength(plan.total.in);
          expect(new Set(plan.rows.map((r) => `${r.file}:${r.line}`)).size).toBe(plan.rows.length);
          const added = plan.rows.filter((r) => r.outcome === 'added').map((r) => r.id!);
          expect(new Set([...added, ...curatedIds.map((c) => c.id)]).size).toBe(added.length + curatedIds.length);
          const known = new Set([...added, ...curatedIds.map((c) => c.id)]);
          for (const r of plan.rows) if (r.outcome === 'matched') expect(known.has(r.id!)).toBe(true);
          // No curated record takes two rows of one export.
          for (const f of plan.files) {
            const ids = plan.rows.filter((r) => r.file === f.file && r.outcome === 'matched' && r.rule !== 'earlier export').map((r) => r.id);
            expect(new Set(ids).size).toBe(ids.length);
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('throws when an export has rows that are neither records nor dropped', () => {
    expect(() => planMerge([], [{ file: 'x.csv', rows: 3, records: [row('A', '2020-01-01')], dropped: [] }])).toThrow(/3 rows in/);
  });
});

describe('applying the plan', () => {
  const upstream = (overrides: Partial<NormalizedRecord>): NormalizedRecord =>
    record({
      id: 'epoch-x',
      origin: { file: 'epoch.csv', line: 7, dataset: 'epoch', exportDate: '2024-12-06' },
      ...overrides,
    });

  it('keeps the curated values, fills the fields only the upstream states, and never its compute estimate', () => {
    const mine = record({ id: 'x', name: 'X 7B', parameters: 7e9, country: 'Utopia', compute: null });
    const theirs = upstream({
      name: 'X 7B',
      parameters: 8e9,
      compute: { kind: 'flop', flop: 1e23, unit: 'FLOP', text: '1e23', formula: '' },
      country: 'Atlantis',
      organizationCategory: 'Industry',
      trainingCost: { value: 1e6, basis: 'cloud' },
      openWeights: true,
      confidence: 'Likely',
      computeEstimationMethod: 'Hardware',
      computeBounds: { low: 5e22, high: 2e23 },
    });
    const { records, plan } = mergeRecords([mine], [{ file: 'epoch.csv', rows: 1, records: [theirs], dropped: [] }]);
    expect(plan.total).toEqual({ in: 1, matched: 1, added: 0, dropped: 0 });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      id: 'x',
      parameters: 7e9,
      compute: null,
      country: 'Utopia',
      organizationCategory: 'Industry',
      trainingCost: { value: 1e6, basis: 'cloud' },
      openWeights: true,
      confidence: null,
      computeEstimationMethod: null,
      computeBounds: null,
      upstreamTwin: { file: 'epoch.csv', line: 7, name: 'X 7B', exportDate: '2024-12-06', rule: 'name+year' },
    });
  });

  it('adds unmatched rows under the id the plan gave them', () => {
    const theirs = upstream({ id: 'taken', name: 'Y' });
    const plan = planMerge([{ id: 'taken', name: 'Z', organization: 'Lab', publicationDate: '2001', flop: null }], [{ file: 'epoch.csv', rows: 1, records: [{ id: 'taken', name: 'Y', organization: '', publicationDate: '2020-05-28', flop: null, line: 7 }], dropped: [] }]);
    const records = applyMergePlan([record({ id: 'taken', name: 'Z', publicationDate: '2001', year: 2001.5 })], [theirs], plan);
    expect(records.map((r) => r.id)).toEqual(['taken', 'taken-2']);
  });
});
