import { describe, expect, it } from 'vitest';
import { seriesOf } from '../../pipeline/analyze/series.ts';
import { analysisTable as tableOf, hasFlopBy, TableRows } from '../../pipeline/analyze/table.ts';
import { chipCount, chipHours, coresPerChipOf, costOn, sectorOf, SECTORS } from '../../pipeline/analyze/record-fields.ts';
import { COST_COLUMN } from '../../pipeline/analyze/table.ts';
import { COST_BASES, FLOP_METHODS, type HardwareSpec, type ProcessedRecord } from '../../pipeline/schema/records.ts';
import { imputeAll, processedRecords as imputed } from '../../pipeline/stages/impute.ts';
import { ingest } from '../../pipeline/stages/ingest.ts';
import { normalize } from '../../pipeline/stages/normalize.ts';

/** The shipped data, through impute, and the accelerator table. */
function shipped(): { records: ProcessedRecord[]; hardware: HardwareSpec[] } {
  const raw = new URL('../../data/raw', import.meta.url).pathname;
  const ingested = ingest({ rawDir: raw, defaultsDir: raw, today: '2026-11-24' });
  const normalized = normalize(ingested, '2026-11-24');
  const records = [...imputed(ingested, normalized, '2026-11-24')].flat();
  return { records: Array.from(normalized.order, (i) => records[i]), hardware: ingested.hardware };
}
const processedRecords = () => shipped().records;

describe('analysisTable', () => {
  const { records, hardware } = shipped();
  const analysisTable = (rs: readonly ProcessedRecord[]) => tableOf(rs, hardware);

  it('holds the columns the analyses read, NaN where a record has no value', () => {
    const t = analysisTable(records);
    expect(t.ids).toEqual(records.map((r) => r.id));
    records.forEach((r, i) => {
      expect(t.year[i]).toBe(r.year);
      expect(t.flop[i]).toBe(r.flop?.flop ?? NaN);
      expect(t.method[i]).toBe(r.flop ? FLOP_METHODS.indexOf(r.flop.method) : -1);
      expect(t.parameters[i]).toBe(r.parameters ?? NaN);
      expect(t.languageTokens[i]).toBe(r.domain === 'language' && r.tokensProcessed !== null ? r.tokensProcessed : NaN);
    });
    const dates = records.map((r) => r.publicationDate).sort();
    expect([t.firstDate, t.lastDate]).toEqual([dates[0], dates.at(-1)]);
  });

  it('holds the trend analyses\' columns: chips, chip-hours, cost per basis, power, sector, countries, openness', () => {
    const t = analysisTable(records);
    const cores = coresPerChipOf(hardware);
    records.forEach((r, i) => {
      expect(t.chips[i]).toBe(chipCount(r, cores) ?? NaN);
      expect(t.chipHours[i]).toBe(chipHours(r, cores)?.value ?? NaN);
      for (const basis of COST_BASES) expect(t[COST_COLUMN[basis]][i]).toBe(costOn(r, basis) ?? NaN);
      expect(t.powerWatts[i]).toBe(r.powerDrawWatts ?? NaN);
      const sector = sectorOf(r.organizationCategory);
      expect(t.sector[i]).toBe(sector === null ? -1 : SECTORS.indexOf(sector));
      expect(t.countries[i]).toBe(r.country ?? '');
      expect(t.openWeights[i]).toBe(r.openWeights === null ? -1 : r.openWeights ? 1 : 0);
    });
    // The shipped data hold Epoch AI's fields: the columns are not all empty.
    expect(t.cost2023Usd.some((v) => v > 0)).toBe(true);
    expect(t.powerWatts.some((v) => v > 0)).toBe(true);
    expect(t.chips.some((v) => v > 0)).toBe(true);
    expect(t.sector.some((v) => v >= 0)).toBe(true);
  });

  it('gives series of positive values only, with ids read through to the records', () => {
    const t = analysisTable(records);
    const s = seriesOf(t, t.flop, hasFlopBy(t, ['stated']));
    const expected = records.filter((r) => r.flop?.method === 'stated' && r.flop.flop > 0);
    expect(s.ids).toEqual(expected.map((r) => r.id));
    expect(Array.from(s.y)).toEqual(expected.map((r) => Math.log10(r.flop!.flop)));
  });

  it('is the table the impute stage builds in its pass, batch by batch, put in the records\' order', () => {
    const raw = new URL('../../data/raw', import.meta.url).pathname;
    const ingested = ingest({ rawDir: raw, defaultsDir: raw, today: '2026-11-24' });
    expect(imputeAll(ingested, normalize(ingested, '2026-11-24'), '2026-11-24').table).toEqual(analysisTable(records));
  });

  it('is empty-safe', () => {
    const t = analysisTable([] as ProcessedRecord[]);
    expect([t.ids.length, t.firstDate, t.lastDate]).toEqual([0, '', '']);
  });
});

describe('TableRows', () => {
  it('takes the records a batch at a time and gives one table of them, each at its place', () => {
    const records = processedRecords().slice(100, 150);
    const { hardware } = shipped();
    // order[k]: the pass's record in row k; places, its inverse: the row of each record of the pass.
    const order = records.map((_, i) => (i * 17) % records.length);
    expect(new Set(order).size).toBe(records.length);
    const places = new Uint32Array(records.length);
    order.forEach((i, k) => (places[i] = k));
    const rows = new TableRows(records.length, hardware, places);
    for (const batch of [records.slice(0, 20), records.slice(20, 21), records.slice(21)]) rows.add(batch);
    expect(() => rows.add(records.slice(0, 1))).toThrow(/more than the 50 records/);
    expect(rows.table()).toEqual(tableOf(order.map((i) => records[i]), hardware));
  });

  it('gives no table before every record announced was added, and refuses places for another count', () => {
    const { records, hardware } = shipped();
    const rows = new TableRows(3, hardware);
    rows.add(records.slice(0, 2));
    expect(() => rows.table()).toThrow(/2 of the 3 records/);
    rows.add(records.slice(2, 3));
    expect(rows.table().ids).toEqual(records.slice(0, 3).map((r) => r.id));
    expect(() => new TableRows(3, hardware, [0, 1])).toThrow(/2 places for 3 records/);
  });
});
