/**
 * Property-based fuzzing of the ingest and normalize stages with fast-check: random bytes, random
 * bytes after a valid header, near-valid CSV (valid files with random edits to bytes, cells and
 * lines), records built cell by cell from valid and hostile values, and the same for hardware.csv,
 * assumptions.yaml and an Epoch AI export. Each input is written to a temporary raw folder and run
 * through `ingest` and `normalize` exactly as the orchestrator calls them.
 *
 * The contract: the stages succeed, or fail with a PipelineError whose problems are all located —
 * a file always, and a line and column (≥ 1) for every problem in a CSV file. A TypeError, a
 * RangeError, a hang or an unlocated problem is a bug.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError, type Problem } from '../../pipeline/errors.ts';
import { displayPaths } from '../../pipeline/io/display-path.ts';
import { toRawRows } from '../../pipeline/ingest/models-file.ts';
import { RAW_HARDWARE_COLUMNS, RAW_MODEL_COLUMNS } from '../../pipeline/schema/raw-columns.ts';
import { curatedRows, ingest } from '../../pipeline/stages/ingest.ts';
import { normalizeCuratedRow } from '../../pipeline/normalize/curated-record.ts';
import { normalize } from '../../pipeline/stages/normalize.ts';
import { anyCell } from '../normalize/arbitraries.ts';

const root = resolve(import.meta.dirname, '../..');
const TODAY = '2026-11-24';
/** A fixed seed per property keeps failures reproducible; FUZZ_SEED / FUZZ_RUNS explore further. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const VALID_MODELS = readFileSync(join(root, 'test/fixtures/raw-small/models.csv'), 'utf8');
const VALID_HARDWARE = readFileSync(join(root, 'data/raw/hardware.csv'), 'utf8');
const VALID_ASSUMPTIONS = readFileSync(join(root, 'data/raw/assumptions.yaml'), 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a raw folder holding exactly `files` through ingest and normalize; returns the problems (none: accepted). */
function stages(files: Record<string, string | Uint8Array>): Problem[] {
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  try {
    const ingested = ingest({ rawDir: dir, defaultsDir: join(root, 'data/raw'), today: TODAY, display: displayPaths(root, dir) });
    normalize(ingested, TODAY);
    return [];
  } catch (err) {
    if (err instanceof PipelineError) return err.problems;
    throw err;
  }
}

/** The contract above, as an assertion on one input. */
function expectLocated(files: Record<string, string | Uint8Array>): void {
  const problems = stages(files);
  for (const p of problems) {
    expect(typeof p.file, JSON.stringify(p)).toBe('string');
    expect(typeof p.message, JSON.stringify(p)).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    if (p.file!.endsWith('.csv')) {
      expect(Number.isInteger(p.line) && p.line! >= 1, `line of ${JSON.stringify(p)}`).toBe(true);
      expect(Number.isInteger(p.column) && p.column! >= 1, `column of ${JSON.stringify(p)}`).toBe(true);
    }
    if (p.columnName !== undefined) expect(p.column, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
  }
}

const property = <T>(arb: fc.Arbitrary<T>, check: (v: T) => void, runs = RUNS) =>
  fc.assert(fc.property(arb, check), { seed: SEED, numRuns: runs, endOnFailure: true });

const encode = (s: string) => new TextEncoder().encode(s);

/** Byte-level edits of a valid file: insert, delete or overwrite bytes, including quotes, CR, LF, BOM and invalid UTF-8. */
function byteEdits(valid: string): fc.Arbitrary<Uint8Array> {
  const special = fc.constantFrom(0x22, 0x2c, 0x0a, 0x0d, 0x00, 0xef, 0xbb, 0xbf, 0xc3, 0xe9, 0xff, 0x3d, 0x3c);
  const byte = fc.oneof(special, fc.integer({ min: 0, max: 255 }));
  const edit = fc.tuple(fc.constantFrom('insert', 'delete', 'replace'), fc.nat(), fc.array(byte, { minLength: 1, maxLength: 4 }));
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let bytes = [...encode(valid)];
    for (const [kind, at, inserted] of edits) {
      const p = at % (bytes.length + 1);
      if (kind === 'insert') bytes.splice(p, 0, ...inserted);
      else if (kind === 'delete') bytes.splice(p, inserted.length);
      else bytes.splice(p, inserted.length, ...inserted);
    }
    return Uint8Array.from(bytes);
  });
}

/** Line-level edits: drop, duplicate, swap or truncate lines of a valid file. */
function lineEdits(valid: string): fc.Arbitrary<string> {
  const lines = valid.split('\n');
  const edit = fc.tuple(fc.constantFrom('drop', 'duplicate', 'swap', 'truncate'), fc.nat(), fc.nat());
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    const out = [...lines];
    for (const [kind, a, b] of edits) {
      const i = a % out.length;
      const j = b % out.length;
      if (kind === 'drop') out.splice(i, 1);
      else if (kind === 'duplicate') out.splice(i, 0, out[i]);
      else if (kind === 'swap') [out[i], out[j]] = [out[j], out[i]];
      else out[i] = out[i].slice(0, b % (out[i].length + 1));
      if (out.length === 0) out.push('');
    }
    return out.join('\n');
  });
}

/** Valid cells of each column, from the shipped records, to mix with hostile ones. */
function samplesByColumn(csv: string, columns: readonly string[]): Map<string, string[]> {
  const table = readCells(csv);
  return new Map(columns.map((c, i) => [c, [...new Set(table.map((r) => r[i] ?? ''))]]));
}

function readCells(csv: string): string[][] {
  // The fixtures are plain RFC 4180; csv-parse keeps this independent of the reader under test.
  return (parseCsv(csv) as string[][]).slice(1);
}

const HOSTILE = ['', ' ', '-1', '0', 'NaN', 'Infinity', '-Infinity', '1e400', '1e-400', '3e31', '2e15', '=1+1', '+1', '@SUM(A1)', '<b>x</b>', 'x\ny', '"', '""', ',', '\u0000', '\u202e', '🚀', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '9'.repeat(400), 'a'.repeat(2000)];

/** Records built cell by cell: each cell a valid sample of its column, a hostile value, or any string. */
function records(columns: readonly string[], csv: string, maxRows = 6): fc.Arbitrary<string> {
  const samples = samplesByColumn(csv, columns);
  const cell = (c: string) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...samples.get(c)!) }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 2, arbitrary: anyCell(samples.get(c)!.filter(Boolean).slice(0, 20)) });
  const row = fc.tuple(...columns.map(cell));
  return fc.array(row, { minLength: 1, maxLength: maxRows }).map((rows) => stringify([columns as string[], ...rows]));
}

describe('fuzzing ingest + normalize: only located PipelineErrors', () => {
  it('random bytes as models.csv', () => {
    property(fc.uint8Array({ maxLength: 3000 }), (bytes) => expectLocated({ 'models.csv': bytes }));
  });

  it('random bytes after a valid header', () => {
    property(fc.uint8Array({ maxLength: 3000 }), (bytes) => expectLocated({ 'models.csv': Buffer.concat([encode(`${RAW_MODEL_COLUMNS.join(',')}\n`), bytes]) }));
  });

  it('a valid file with random byte edits (quotes, line ends, BOM, invalid UTF-8, NUL)', () => {
    property(byteEdits(VALID_MODELS), (bytes) => expectLocated({ 'models.csv': bytes }));
  });

  it('a valid file with lines dropped, duplicated, swapped or truncated', () => {
    property(lineEdits(VALID_MODELS), (text) => expectLocated({ 'models.csv': text }));
  });

  it('records built from valid, hostile and arbitrary cells', () => {
    property(records(RAW_MODEL_COLUMNS, VALID_MODELS), (text) => expectLocated({ 'models.csv': text }), RUNS * 2);
  });

  it('toRawRows maps every column to its own field, in any header order', () => {
    // rawCells lists the columns as a literal by position; this pins each name to its field.
    property(fc.shuffledSubarray([...RAW_MODEL_COLUMNS], { minLength: 1 }), (cols) => {
      const [row] = toRawRows({ file: 'f.csv', header: cols, rows: [{ line: 2, cells: cols.map((c) => ` ${c} `) }] });
      for (const c of RAW_MODEL_COLUMNS) expect(row.cells[c]).toBe(cols.includes(c) ? c : '');
    });
  });

  it('a shuffled or partial header', () => {
    const header = fc.shuffledSubarray([...RAW_MODEL_COLUMNS, 'flop', 'Model', ''], { minLength: 0 });
    property(fc.tuple(header, records(RAW_MODEL_COLUMNS, VALID_MODELS, 3)), ([cols, body]) => {
      const [, ...rows] = body.split('\n');
      expectLocated({ 'models.csv': [cols.join(','), ...rows].join('\n') });
    });
  });

  it('hardware.csv: random edits and records built from valid and hostile cells', () => {
    const models = VALID_MODELS.split('\n').slice(0, 3).join('\n') + '\n';
    property(fc.oneof(byteEdits(VALID_HARDWARE), records(RAW_HARDWARE_COLUMNS, VALID_HARDWARE, 4).map(encode)), (hw) =>
      expectLocated({ 'models.csv': models, 'hardware.csv': hw }),
    );
  });

  it('assumptions.yaml: random edits and random text', () => {
    const models = VALID_MODELS.split('\n').slice(0, 3).join('\n') + '\n';
    property(fc.oneof(byteEdits(VALID_ASSUMPTIONS), fc.string({ maxLength: 300 }).map(encode)), (yaml) =>
      expectLocated({ 'models.csv': models, 'assumptions.yaml': yaml }),
    );
  });

  it('normalize alone: the parsed columns of validated rows set to valid, hostile and arbitrary values', () => {
    // Rows that passed ingest, so every case reaches the parsers of normalize (units, sizes, dates, durations).
    const valid = ingest({ rawDir: join(root, 'test/fixtures/raw-small'), defaultsDir: join(root, 'data/raw'), today: TODAY });
    const parsed = ['publication_date', 'parameters', 'active_parameters', 'training_tokens', 'dataset_size', 'epochs', 'training_compute', 'training_compute_unit', 'hardware', 'hardware_count', 'training_time', 'utilization'] as const;
    const rows = [...curatedRows(valid)].flat();
    const hardware = new Map(valid.hardware.map((h) => [h.id, h]));
    const samples = new Map(parsed.map((c) => [c, [...new Set(rows.map((r) => r.cells[c]))]]));
    const edit = fc.tuple(fc.nat(), fc.constantFrom(...parsed)).chain(([row, col]) =>
      fc.oneof(fc.constantFrom(...samples.get(col)!), fc.constantFrom(...HOSTILE), anyCell(samples.get(col)!.filter(Boolean).slice(0, 20))).map((text) => ({ row, col, text })),
    );
    property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
      const models = rows.map((r) => ({ ...r, cells: { ...r.cells } }));
      for (const { row, col, text } of edits) models[row % models.length].cells[col] = text.trim();
      // Each row as the normalize stage's pass normalizes it.
      for (const model of models) {
        for (const p of normalizeCuratedRow(model, hardware, TODAY).problems) {
          expect(p.file, JSON.stringify(p)).toMatch(/models\.csv$/);
          expect(Number.isInteger(p.line) && p.line! >= 2, JSON.stringify(p)).toBe(true);
          expect(Number.isInteger(p.column) && p.column! >= 1, JSON.stringify(p)).toBe(true);
          expect(parsed as readonly string[]).toContain(p.columnName);
        }
      }
    }, RUNS * 4);
  });

  it('an Epoch AI export beside the curated records: random cells', () => {
    const columns = ['Model', 'Organization', 'Publication date', 'Domain', 'Parameters', 'Training compute (FLOP)', 'Training dataset size (datapoints)', 'Training hardware', 'Hardware quantity', 'Hardware utilization', 'Training time (hours)', 'Epochs', 'Link', 'Reference'];
    const sample = stringify([columns, ['GPT-3 175B (davinci)', 'OpenAI', '2020-05-28', 'Language', '1.75e11', '3.14e23', '3.74e11', 'NVIDIA V100', '10000', '0.2', '355.2', '1', 'https://arxiv.org/abs/2005.14165', 'Language Models are Few-Shot Learners'], ['AlexNet', 'University of Toronto', '2012-09-30', 'Vision', '60000000', '4.7e17', '1200000', 'NVIDIA GTX 580', '2', '', '132', '90', 'https://papers.nips.cc/paper/4824', 'ImageNet Classification']]);
    property(records(columns, sample, 5), (text) => expectLocated({ 'models.csv': VALID_MODELS, 'export.csv': text }));
  });
});
