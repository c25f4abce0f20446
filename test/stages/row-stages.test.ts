/**
 * The row stages — ingest, normalize, impute — on one road for every size: each passes over the
 * records a batch at a time and keeps only what is small, and a later stage reads the records again
 * from ingest's files. What they give must be what the domain functions give applied to all rows at
 * once (the reference below: every row normalized, merged with the exports by the whole-list
 * mergeRecords, sorted and imputed), across batch boundaries; problems found in different batches
 * come out as one list in file order; and a file changed after ingest read it is an error, not
 * other data.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticModels } from '../../bench/scale-data.ts';
import { mapEpochExport } from '../../pipeline/adapters/epoch.ts';
import { analysisTable } from '../../pipeline/analyze/table.ts';
import { loadModelColumns, modelsCsvPieces } from '../../pipeline/impute/processed-table.ts';
import { toRawRows } from '../../pipeline/ingest/models-file.ts';
import { readCsvFile } from '../../pipeline/io/csv-reader.ts';
import { joinText, toCsv } from '../../pipeline/io/csv-writer.ts';
import { BATCH_ROWS } from '../../pipeline/io/source-file.ts';
import { messages } from '../../pipeline/messages.ts';
import { normalizeCuratedRow } from '../../pipeline/normalize/curated-record.ts';
import { mergeRecords } from '../../pipeline/normalize/merge.ts';
import { MERGE_REPORT_COLUMNS, mergeReportRows } from '../../pipeline/normalize/merge-report.ts';
import { sortRecords } from '../../pipeline/normalize/record-order.ts';
import { AUDIT_COLUMNS, auditRows, impute, imputeAll, processedRecords } from '../../pipeline/stages/impute.ts';
import { ingest } from '../../pipeline/stages/ingest.ts';
import { normalize, normalizedRecords } from '../../pipeline/stages/normalize.ts';
import { pipelineErrorOf } from '../helpers/errors.ts';

const root = resolve(import.meta.dirname, '../..');
const today = '2026-11-24';
const defaultsDir = join(root, 'data/raw');

/** The curated file read whole, every row normalized, merged with the exports, sorted and imputed at once. */
function reference(rawDir: string) {
  const ingested = ingest({ rawDir, defaultsDir, today });
  const hardware = new Map(ingested.hardware.map((h) => [h.id, h]));
  const rows = toRawRows(readCsvFile(join(rawDir, 'models.csv'), ingested.curated!.name));
  const curated = rows.map((r) => normalizeCuratedRow(r, hardware, today).record!);
  const exports = ingested.external.map((file) => {
    const table = readCsvFile(file.path, file.name);
    const mapped = mapEpochExport(table, new Set(hardware.keys()), today);
    return { file: table.file, rows: table.rows.length, records: mapped.records, dropped: mapped.dropped };
  });
  const merged = exports.length > 0 ? mergeRecords(curated, exports, ingested.aliases) : null;
  const { records, disagreements } = impute(merged?.records ?? sortRecords(curated), ingested.hardware, ingested.assumptions);
  const published = new Map(records.map((r) => [r.id, r.flop]));
  return {
    records,
    models: joinText(modelsCsvPieces(records, loadModelColumns())),
    audit: toCsv(AUDIT_COLUMNS, auditRows(records)),
    mergeReport: merged ? toCsv(MERGE_REPORT_COLUMNS, mergeReportRows(merged.plan, published)) : undefined,
    plan: merged?.plan ?? null,
    table: analysisTable(records, ingested.hardware),
    disagreements: disagreements.map((d) => d.id),
  };
}

/** The three stages' passes, as the orchestrator runs them. */
function stages(rawDir: string) {
  const ingested = ingest({ rawDir, defaultsDir, today });
  const normalized = normalize(ingested, today);
  return { ingested, normalized, imputed: imputeAll(ingested, normalized, today) };
}

function expectAsReference(rawDir: string) {
  const expected = reference(rawDir);
  const { ingested, normalized, imputed } = stages(rawDir);
  expect(joinText(imputed.outputs['models.csv'])).toBe(expected.models);
  expect(joinText(imputed.outputs['audit.csv'])).toBe(expected.audit);
  expect(imputed.outputs['merge-report.csv'] && joinText(imputed.outputs['merge-report.csv'])).toBe(expected.mergeReport);
  expect(normalized.merge).toEqual(expected.plan);
  expect(imputed.table).toEqual(expected.table);
  expect(imputed.disagreements).toEqual(expected.disagreements);
  // The records read again from ingest's file, put in normalize's order, are the reference's records.
  const again = [...processedRecords(ingested, normalized, today)].flat();
  expect(Array.from(normalized.order, (i) => again[i])).toEqual(expected.records);
  return expected;
}

describe('the row stages', () => {
  let dir: string;
  let synthetic: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ct-row-stages-'));
    synthetic = join(dir, 'synthetic');
    mkdirSync(synthetic);
    // Three batches and a short fourth.
    await writeSyntheticModels(join(synthetic, 'models.csv'), 3 * BATCH_ROWS + 321);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('give the shipped data what the domain functions give on all its rows at once', () => {
    const expected = expectAsReference(join(root, 'data/raw'));
    // The shipped file is not in date order and has audits and disagreements: all of it is exercised.
    expect(expected.disagreements.length).toBeGreaterThan(0);
    expect(expected.audit.split('\n').length).toBeGreaterThan(10);
    // With the shipped Epoch AI snapshot merged: matched rows (their curated twins filled), added ones.
    expect(expected.plan!.total.matched).toBeGreaterThan(0);
    expect(expected.plan!.total.added).toBeGreaterThan(0);
    expect(expected.records.filter((r) => r.upstreamTwin !== null)).toHaveLength(expected.plan!.total.matched);
  });

  it('give the shipped curated records alone what the domain functions give at once', () => {
    // The curated file spans batches of 1,000 only at scale: here it is the file without an export.
    const curated = join(dir, 'shipped-curated');
    mkdirSync(curated);
    for (const f of ['models.csv', 'hardware.csv', 'assumptions.yaml', 'aliases.csv']) copyFileSync(join(root, 'data/raw', f), join(curated, f));
    expect(expectAsReference(curated).plan).toBeNull();
  });

  it('give synthetic records spread over several batches what the domain functions give at once', () => {
    expect(expectAsReference(synthetic).records).toHaveLength(3 * BATCH_ROWS + 321);
  });

  it('merge an external export: the curated records, then the upstream rows the plan adds, in one order', () => {
    const raw = join(dir, 'with-export');
    cpSync(join(root, 'test/fixtures/raw-small'), raw, { recursive: true });
    copyFileSync(join(root, 'test/fixtures/epoch/notable-small.csv'), join(raw, 'epoch.csv'));
    const { ingested, normalized, imputed } = stages(raw);
    const plan = normalized.merge!;
    expect(plan.rows).toHaveLength(ingested.external[0].rows);
    expect(plan.total.in).toBe(plan.total.matched + plan.total.added + plan.total.dropped);
    expect(normalized.dropped).toHaveLength(plan.total.dropped);
    expect(normalized.order.length).toBe(normalized.curated + plan.total.added);
    const records = [...normalizedRecords(ingested, normalized, today)].flat();
    expect(records.filter((r) => r.origin.dataset === 'epoch')).toHaveLength(plan.total.added);
    expect(records.filter((r) => r.upstreamTwin !== null)).toHaveLength(plan.total.matched);
    expect(imputed.table.ids).toEqual(Array.from(normalized.order, (i) => records[i].id));
    expect(Object.keys(imputed.outputs).sort()).toEqual(['audit.csv', 'merge-report.csv', 'models.csv']);
    expect(joinText(imputed.outputs['merge-report.csv']).trimEnd().split('\n')).toHaveLength(plan.total.in + 1);
    expect(imputed.provenance.merge).toMatchObject({ ...plan.total, files: plan.files, ambiguous: plan.ambiguous, likelyTwins: plan.likelyTwins });
  });

  it('fail, when a file changed after ingest read it, rather than read other records', () => {
    const raw = join(dir, 'changed');
    cpSync(join(root, 'test/fixtures/raw-small'), raw, { recursive: true });
    const ingested = ingest({ rawDir: raw, defaultsDir, today });
    writeFileSync(join(raw, 'models.csv'), readFileSync(join(raw, 'models.csv'), 'utf8').replace('5.76E+23', '5.9E+23'));
    const err = pipelineErrorOf(() => normalize(ingested, today));
    expect(err.message).toBe(messages.rawFileChanged(ingested.curated!.name));
  });

  describe('problems found in different batches: one list, in file order', () => {
    let header: string[];
    let rows: string[][];
    beforeAll(() => {
      [header, ...rows] = parse(readFileSync(join(synthetic, 'models.csv'))) as string[][];
    });
    const col = (name: string) => header.indexOf(name);
    const setCell = (r: string[][], i: number, name: string, value: string) => r.map((cells, k) => (k === i ? cells.map((c, j) => (j === col(name) ? value : c)) : cells));
    const run = (r: string[][], tail = '') => {
      const raw = join(dir, 'bad');
      rmSync(raw, { recursive: true, force: true });
      mkdirSync(raw);
      writeFileSync(join(raw, 'models.csv'), stringify([header, ...r]) + tail);
      return pipelineErrorOf(() => stages(raw));
    };
    // Row i (0-based, after the header) is on line i + 2.
    const far = 2 * BATCH_ROWS + 200;

    it('a duplicate id two batches after its first occurrence', () => {
      const err = run(setCell(rows, far, 'id', rows[5][col('id')]));
      expect(err.message).toBe(messages.stageFailed('ingest', 1));
      expect(err.problems).toMatchObject([{ line: far + 2, columnName: 'id', message: messages.duplicateId(7) }]);
    });

    it('a bad value in two batches (normalize)', () => {
      const err = run(setCell(setCell(rows, 3, 'parameters', 'lots'), far, 'parameters', 'lots'));
      expect(err.message).toBe(messages.stageFailed('normalize', 2));
      expect(err.problems.map((p) => [p.line, p.columnName])).toEqual([
        [5, 'parameters'],
        [far + 2, 'parameters'],
      ]);
    });

    it('a ragged row in a later batch, after a check problem in the first: the ragged row alone', () => {
      const err = run(setCell(rows, 1, 'id', 'Bad_Id'), 'x,y\n');
      expect(err.problems).toMatchObject([{ line: rows.length + 2, message: messages.raggedRow(`2 fields; the header has ${header.length}`) }]);
    });

    it('an unclosed quote in a later batch, after a check problem in the first: the quote alone', () => {
      const err = run(setCell(rows, 1, 'id', 'Bad_Id'), 'x,"open\n');
      expect(err.problems).toMatchObject([{ line: rows.length + 2, message: messages.quoteNotClosed }]);
    });
  });
});
