import { describe, expect, it } from 'vitest';
import { seriesOf } from '../../pipeline/analyze/series.ts';
import { analysisTable, hasFlopBy, joinTables } from '../../pipeline/analyze/table.ts';
import { FLOP_METHODS, type ProcessedRecord } from '../../pipeline/schema/records.ts';
import { imputeAll, processedRecords as imputed } from '../../pipeline/stages/impute.ts';
import { ingest } from '../../pipeline/stages/ingest.ts';
import { normalize } from '../../pipeline/stages/normalize.ts';

/** The shipped data, through impute. */
function processedRecords(): ProcessedRecord[] {
  const raw = new URL('../../data/raw', import.meta.url).pathname;
  const ingested = ingest({ rawDir: raw, defaultsDir: raw, today: '2026-11-24' });
  const normalized = normalize(ingested, '2026-11-24');
  const records = [...imputed(ingested, normalized, '2026-11-24')].flat();
  return Array.from(normalized.order, (i) => records[i]);
}

describe('analysisTable', () => {
  const records = processedRecords();

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

describe('joinTables', () => {
  it('joins batch tables in the order given, as one table of the records in that order', () => {
    const records = processedRecords().slice(100, 150);
    const batches = [records.slice(0, 20), records.slice(20, 21), records.slice(21)].map((b) => analysisTable(b));
    const order = records.map((_, i) => (i * 17) % records.length);
    expect(new Set(order).size).toBe(records.length);
    expect(joinTables(batches, order)).toEqual(analysisTable(order.map((i) => records[i])));
    // The dates span every batch, whatever rows are taken.
    expect(joinTables(batches, [])).toMatchObject({ ids: [], firstDate: analysisTable(records).firstDate, lastDate: analysisTable(records).lastDate });
  });
});
