/**
 * The row stages run in batches give what the three stages give run one after another: the same
 * files byte for byte, records, provenance, disagreements and analysis columns, and on bad input
 * the same problems in the same order — with duplicates and problems spread over batches.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticModels } from '../../bench/scale-data.ts';
import { analysisTable } from '../../pipeline/analyze/table.ts';
import { joinText } from '../../pipeline/io/csv-writer.ts';
import { compareRecords } from '../../pipeline/normalize/merge.ts';
import { imputeStage } from '../../pipeline/stages/impute-stage.ts';
import { ingest } from '../../pipeline/stages/ingest.ts';
import { normalize } from '../../pipeline/stages/normalize.ts';
import { recordOrder, runRowBatches } from '../../pipeline/stages/row-batches.ts';
import { pipelineErrorOf } from '../helpers/errors.ts';

const root = resolve(import.meta.dirname, '../..');
const today = '2026-11-24';
const defaultsDir = join(root, 'data/raw');

/** The three stages one after another, as the orchestrator runs them for a small file. */
function wholeStages(rawDir: string) {
  const ingested = ingest({ rawDir, defaultsDir, today });
  const normalized = normalize(ingested, today);
  const context = { files: ingested.files, hardware: ingested.hardware, assumptions: ingested.assumptions, models: ingested.models.length, external: [] };
  return imputeStage({ ...normalized, ingest: context });
}

function expectSameAsWhole(rawDir: string, batchRows: number) {
  const whole = wholeStages(rawDir);
  const batched = runRowBatches({ rawDir, defaultsDir, today, batchRows, keepRecords: true });
  expect(batched).not.toBeNull();
  const { artifact, stages } = batched!;
  expect(Object.keys(artifact.outputs).sort()).toEqual(Object.keys(whole.outputs).sort());
  for (const name of Object.keys(whole.outputs)) expect(joinText(artifact.outputs[name]), name).toBe(joinText(whole.outputs[name]));
  expect(artifact.records).toEqual(whole.records);
  expect(artifact.provenance).toEqual(whole.provenance);
  expect(artifact.disagreements).toEqual(whole.disagreements);
  expect(artifact.table).toEqual(analysisTable(whole.records, whole.hardware));
  expect(stages.ingest).toMatchObject({ rowsIn: whole.records.length, rowsOut: whole.records.length });
  expect(stages.impute.rowsOut).toBe(whole.records.length);
  return { whole, batched: batched! };
}

/** The error a function throws, as the maintainer sees it: message and located problems. */
function failure(fn: () => unknown): { message: string; problems: unknown[] } {
  const { message, problems } = pipelineErrorOf(fn);
  return { message, problems };
}

describe('runRowBatches', () => {
  let dir: string;
  let synthetic: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ct-batches-'));
    synthetic = join(dir, 'synthetic');
    mkdirSync(synthetic);
    await writeSyntheticModels(join(synthetic, 'models.csv'), 3000);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the shipped data exactly what the whole stages give, in batches of 50 rows', () => {
    const { whole } = expectSameAsWhole(join(root, 'data/raw'), 50);
    // The shipped file is not in date order and has audits and disagreements: all of it is exercised.
    expect(whole.disagreements.length).toBeGreaterThan(0);
    expect(joinText(whole.outputs['audit.csv']).split('\n').length).toBeGreaterThan(10);
  });

  it('gives 3,000 synthetic records in batches of 700 (a short last batch) what the whole stages give', () => {
    const { batched } = expectSameAsWhole(synthetic, 700);
    expect(batched.artifact.records).toHaveLength(3000);
  });

  it('leaves the records out unless asked to keep them, with the same table and files', () => {
    const kept = runRowBatches({ rawDir: synthetic, defaultsDir, today, batchRows: 500, keepRecords: true })!;
    const dropped = runRowBatches({ rawDir: synthetic, defaultsDir, today, batchRows: 500, keepRecords: false })!;
    expect(dropped.artifact.records).toEqual([]);
    expect(dropped.artifact.table).toEqual(kept.artifact.table);
    expect(joinText(dropped.artifact.outputs['models.csv'])).toBe(joinText(kept.artifact.outputs['models.csv']));
  });

  it('does not take a raw folder with an external export (merging needs every record)', () => {
    const raw = join(dir, 'with-export');
    cpSync(join(root, 'test/fixtures/raw-small'), raw, { recursive: true });
    const epoch = readdirSync(join(root, 'test/fixtures/epoch')).filter((f) => f.endsWith('.csv')).sort()[0];
    copyFileSync(join(root, 'test/fixtures/epoch', epoch), join(raw, 'epoch.csv'));
    expect(runRowBatches({ rawDir: raw, defaultsDir, today, batchRows: 10, keepRecords: false })).toBeNull();
  });

  describe('bad input: the same problems as the whole stages, found across batches', () => {
    const [header, ...rows] = parse(readFileSync(join(root, 'test/fixtures/raw-small/models.csv'))) as string[][];
    const col = (name: string) => header.indexOf(name);
    /** The rows with cell `name` of row `i` (0-based, after the header) set to `value`. */
    const setCell = (r: string[][], i: number, name: string, value: string) => r.map((cells, k) => (k === i ? cells.map((c, j) => (j === col(name) ? value : c)) : cells));
    const csv = (r: string[][]) => stringify([header, ...r]);
    const cases: [string, () => string, string][] = [
      // Row 35's id repeats row 2's: the first occurrence is 3 batches earlier.
      ['a duplicate id in a later batch', () => csv(setCell(rows, 34, 'id', rows[1][col('id')])), 'duplicate'],
      ['a bad value in two batches (normalize)', () => csv(setCell(setCell(rows, 3, 'parameters', 'lots'), 33, 'parameters', 'lots')), 'normalize failed with 2 problems'],
      ['a ragged row in a later batch, after a check problem', () => csv(setCell(rows, 1, 'id', 'Bad_Id')).replace(/\n([^\n]*)\n$/, '\n$1,extra\n'), 'as many fields'],
      ['an unclosed quote in a later batch, after a check problem', () => `${csv(setCell(rows, 1, 'id', 'Bad_Id'))}x,"open\n`, 'quote'],
      ['an unknown accelerator and a row without a citation', () => csv(setCell(setCell(rows, 5, 'hardware', 'abacus'), 22, 'source_title', '')), 'ingest failed with 2 problems'],
    ];
    it.each(cases)('%s', (_, text, mentions) => {
      const raw = join(dir, 'bad');
      rmSync(raw, { recursive: true, force: true });
      cpSync(join(root, 'test/fixtures/raw-small'), raw, { recursive: true });
      writeFileSync(join(raw, 'models.csv'), text());
      const expected = failure(() => wholeStages(raw));
      expect(JSON.stringify(expected)).toContain(mentions);
      expect(failure(() => runRowBatches({ rawDir: raw, defaultsDir, today, batchRows: 8, keepRecords: false }))).toEqual(expected);
    });
  });
});

describe('recordOrder', () => {
  it('orders rows as compareRecords orders records: by year, then id', () => {
    const rows = [
      { year: 2020.5, id: 'b' },
      { year: 2019.1, id: 'z' },
      { year: 2020.5, id: 'a' },
      { year: 2021, id: 'c' },
      { year: 2019.1, id: 'y' },
    ];
    const order = recordOrder(Float64Array.from(rows, (r) => r.year), rows.map((r) => r.id));
    const sorted = [...rows].sort((a, b) => compareRecords(a as never, b as never));
    expect(Array.from(order, (i) => rows[i])).toEqual(sorted);
    expect(Array.from(order)).toEqual([4, 1, 2, 0, 3]);
  });

  it('keeps rows already in order as they are', () => {
    expect(Array.from(recordOrder(Float64Array.from([1, 1, 2]), ['a', 'b', 'a']))).toEqual([0, 1, 2]);
  });
});
