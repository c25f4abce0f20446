import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../pipeline/analyze/record-fields.ts';
import { SEED_OFFSET } from '../../pipeline/analyze/seeds.ts';
import { tableFromColumns } from '../../pipeline/analyze/table.ts';
import { analyzeWhoTrains, bootstrapShare } from '../../pipeline/analyze/who-trains.ts';
import { messages } from '../../pipeline/messages.ts';
import { parseDate } from '../../pipeline/values/dates.ts';

const trend = { resamples: 200, seed: 5, noise: 0.3 };
const at = (iso: string) => parseDate(iso).year;

/** Open and closed systems by hand (O: open, C: closed, U: unknown). */
function lagTable() {
  const rows = [
    { id: 'C1', year: 2018.0, flop: 1e22, open: 0 },
    { id: 'O1', year: 2019.0, flop: 1e21, open: 1 },
    { id: 'C2', year: 2020.0, flop: 1e24, open: 0 },
    { id: 'O2', year: 2021.0, flop: 1e23, open: 1 },
    { id: 'U1', year: 2021.5, flop: 5e25, open: -1 },
    { id: 'C3', year: 2022.0, flop: 1e25, open: 0 },
    { id: 'O3', year: 2023.5, flop: 5e24, open: 1 },
  ];
  return tableFromColumns({
    ids: rows.map((r) => r.id),
    dates: rows.map((r) => `${r.year}`),
    year: Float64Array.from(rows, (r) => r.year),
    flop: Float64Array.from(rows, (r) => r.flop),
    openWeights: Int8Array.from(rows, (r) => r.open),
    firstDate: '2018-01-01',
    lastDate: '2024-03-01',
  });
}

describe('the open–closed lag', () => {
  const o = analyzeWhoTrains(lagTable(), new Uint8Array(7), trend).openness;

  it('compares the best of each kind so far at each year’s end and at the last date', () => {
    if (!o.computed) throw new Error(o.reason);
    expect([o.open, o.closed, o.unknown]).toEqual([3, 3, 1]);
    expect(o.lag.map((l) => [l.as_of, l.best_open.id, l.best_closed.id, l.orders_of_magnitude])).toEqual([
      ['2019-12-31', 'O1', 'C1', 1],
      ['2020-12-31', 'O1', 'C2', 3],
      ['2021-12-31', 'O2', 'C2', 1],
      ['2022-12-31', 'O2', 'C3', 2],
      ['2023-12-31', 'O3', 'C3', 0.301],
      ['2024-03-01', 'O3', 'C3', 0.301],
    ]);
  });

  it('gives the years since the closed frontier first reached the best open compute, a lower bound when the data start too late', () => {
    if (!o.computed) throw new Error(o.reason);
    const expected = [
      [at('2019-12-31') - 2018, true],
      [at('2020-12-31') - 2018, true],
      [at('2021-12-31') - 2020, false],
      [at('2022-12-31') - 2020, false],
      [at('2023-12-31') - 2022, false],
      [at('2024-03-01') - 2022, false],
    ];
    o.lag.forEach((l, k) => {
      expect(l.years).toBeCloseTo(expected[k][0] as number, 3);
      expect(l.years_at_least).toBe(expected[k][1]);
    });
    expect(o.lag.map((l) => [l.open_so_far, l.closed_so_far])).toEqual([[1, 1], [1, 2], [2, 2], [2, 3], [3, 3], [3, 3]]);
    expect(o.anchor).toMatchObject({ value: 1, unit: 'years', url: 'https://epoch.ai/blog/open-models-report' });
  });

  it('is zero years when the best open system leads', () => {
    const t = tableFromColumns({ ids: ['c', 'o'], year: Float64Array.of(2020, 2021), flop: Float64Array.of(1e22, 1e23), openWeights: Int8Array.of(0, 1), lastDate: '2021-06-01' });
    const lead = analyzeWhoTrains(t, new Uint8Array(2), trend).openness;
    expect(lead.computed && lead.lag.at(-1)).toMatchObject({ orders_of_magnitude: -1, years: 0, years_at_least: false });
  });

  it('says why without both kinds, or without the field', () => {
    const onlyOpen = tableFromColumns({ ids: ['o'], year: Float64Array.of(2021), flop: Float64Array.of(1e23), openWeights: Int8Array.of(1) });
    expect(analyzeWhoTrains(onlyOpen, new Uint8Array(1), trend).openness).toEqual({ computed: false, reason: messages.opennessNeedsBoth(1, 0), n: 1 });
    const none = analyzeWhoTrains(tableFromColumns({ ids: ['x'] }), new Uint8Array(1), trend);
    expect(none.openness).toMatchObject({ computed: false, reason: messages.noFieldInData('whether its weights are open') });
    expect(none.sectors).toMatchObject({ computed: false, reason: messages.noFieldInData('its developers’ sector (industry, academia, ...)') });
    expect(none.countries).toMatchObject({ computed: false, reason: messages.noFieldInData('its developers’ country') });
  });
});

describe('sectors and countries', () => {
  // 20 systems: 2012–2013 mostly academia, 2016–2017 mixed, 2021–2022 mostly industry.
  const sectors = ['academia', 'academia', 'academia', 'industry', 'academia', 'academia', 'collaboration', 'industry', 'industry', 'other',
    'academia', 'industry', 'collaboration', 'industry', 'industry', 'industry', 'industry', 'collaboration', 'industry', 'academia'];
  const years = [2012, 2012, 2012, 2013, 2013, 2013, 2016, 2016, 2016, 2016, 2017, 2017, 2017, 2021, 2021, 2021, 2021, 2022, 2022, 2022];
  // As the records hold them: several joined by "; ".
  const countries = ['United States of America', 'China', 'China; China', 'Multinational', 'Canada; United States of America', '', 'China', 'United States of America', 'United States of America', 'France',
    'United States of America', 'China', 'United Kingdom of Great Britain and Northern Ireland', 'United States of America', 'China', 'United States of America', 'Germany', 'United States of America', 'Japan', 'India'];
  const t = tableFromColumns({
    ids: years.map((_, i) => `s${i}`),
    year: Float64Array.from(years, (y) => y + 0.5),
    flop: Float64Array.from(years, (y, i) => (i % 4 === 0 ? NaN : 10 ** (y - 1990))),
    sector: Int8Array.from(sectors, (s) => SECTORS.indexOf(s as (typeof SECTORS)[number])),
    countries,
  });
  const setters = Uint8Array.from(years, (y, i) => (i === 2 || i === 8 || i === 16 || i === 19 ? 1 : 0));
  const w = analyzeWhoTrains(t, setters, trend);

  it('counts each year’s systems by sector and gives each period’s shares, industry’s with a seeded interval', () => {
    if (!w.sectors.computed) throw new Error(w.sectors.reason);
    expect(w.sectors.by_year.find((y) => y.year === 2016)).toEqual({ year: 2016, n: 4, counts: { industry: 2, academia: 0, collaboration: 1, other: 1 } });
    const [early, mid, late] = w.sectors.periods;
    expect([early.n, mid.n, late.n]).toEqual([6, 7, 7]);
    expect(early.shares).toEqual({ industry: 0.166667, academia: 0.833333, collaboration: 0, other: 0 });
    expect(late.industry).toMatchObject({ share: 0.714286, resamples: 200, seed: trend.seed + SEED_OFFSET.industry_share + 2 });
    expect(late.industry!.lo).toBeLessThanOrEqual(0.714286);
    expect(late.industry!.hi).toBeGreaterThanOrEqual(0.714286);
    // Record-setters since 2015: rows 8 (industry), 16 (industry), 19 (academia); row 2 is from 2012.
    expect(w.sectors.record_setters_since_2015).toEqual({ n: 3, counts: { industry: 2, academia: 1, collaboration: 0, other: 0 } });
  });

  it('counts a system under one country, or several, and every country it involves', () => {
    if (!w.countries.computed) throw new Error(w.countries.reason);
    expect(w.countries.n).toBe(19);
    const by = Object.fromEntries(w.countries.by_country.map((c) => [c.country, c]));
    expect([by['United States of America'].systems, by['United States of America'].involved]).toEqual([7, 8]);
    expect([by.China.systems, by.China.involved]).toEqual([5, 5]);
    expect([by.Canada.systems, by.Canada.involved]).toEqual([0, 1]);
    expect(w.countries.groups).toEqual(['United States of America', 'China', 'France', 'Germany', 'India', 'Other countries', 'Several countries']);
  });
});

describe('bootstrapShare', () => {
  it('is the share with a percentile interval, the same for the same seed', () => {
    const flags = Uint8Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const a = bootstrapShare(flags, 500, 9);
    expect(a.share).toBe(0.2);
    expect(a.lo).toBeLessThan(0.2);
    expect(a.hi).toBeGreaterThan(0.2);
    expect(bootstrapShare(flags, 500, 9)).toEqual(a);
    expect(bootstrapShare(flags, 0, 9)).toEqual({ share: 0.2, lo: 0.2, hi: 0.2 });
  });
});
