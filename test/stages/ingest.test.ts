/**
 * A large file in which every row has a problem: every problem is reported, as a PipelineError
 * (spreading a few hundred thousand problems into push() overflowed the stack: a RangeError).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../pipeline/messages.ts';
import { ingest } from '../../pipeline/stages/ingest.ts';
import { pipelineErrorOf } from '../helpers/errors.ts';

const root = resolve(import.meta.dirname, '../..');
const ROWS = 150_000;

describe('ingest of a large file with a problem in every row', () => {
  let raw: string;
  beforeAll(() => {
    raw = mkdtempSync(join(tmpdir(), 'ct-many-problems-'));
    cpSync(join(root, 'test/fixtures/raw-small'), raw, { recursive: true });
    const [header, first] = parse(readFileSync(join(raw, 'models.csv'))) as string[][];
    const at = (name: string) => header.indexOf(name);
    const rows = Array.from({ length: ROWS }, (_, k) => first.map((cell, j) => (j === at('id') ? `system-${k}` : j === at('name') ? `System ${k}` : j === at('source_title') ? '' : cell)));
    writeFileSync(join(raw, 'models.csv'), stringify([header, ...rows]));
  });
  afterAll(() => rmSync(raw, { recursive: true, force: true }));

  const options = () => ({ rawDir: raw, defaultsDir: join(root, 'data/raw'), today: '2026-11-24' });

  it('reports all of them, from every batch of its pass', () => {
    const whole = pipelineErrorOf(() => ingest(options()));
    expect(whole.message).toBe(messages.stageFailed('ingest', ROWS));
    expect(whole.problems).toHaveLength(ROWS);
    expect(whole.problems.at(-1)).toMatchObject({ line: ROWS + 1, columnName: 'source_title', message: messages.requiredCell('source_title') });
  });
});
