/**
 * Clock-free validity: the "not after the run date" checks (publication dates, snapshot dates,
 * hardware release dates) depend on the run date, which is part of the ingest and normalize cache
 * keys, so a cached run and a forced run on the same date always agree — in both directions.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import type { RunOptions } from '../../pipeline/run.ts';
import { modelsCsv, writeSnapshot } from '../bad-input/families.ts';
import { rawFolder, runLibrary, tempDir } from './helpers.ts';

let tmp: string;
let raw: string;
beforeAll(() => {
  tmp = tempDir('clock');
  raw = rawFolder(tmp, { 'models.csv': 'test/fixtures/raw-small/models.csv' });
  // A record published in June 2026: valid from that day on, not before.
  const row = modelsCsv([
    { id: 'future-net', name: 'Future Net', organization: 'Lab', domain: 'vision', publication_date: '2026-06-01', source_title: 'A paper', source_year: '2026', source_link: 'https://example.org/future' },
  ]).split('\n')[1];
  writeFileSync(join(raw, 'models.csv'), `${readFileSync(join(raw, 'models.csv'), 'utf8').trimEnd()}\n${row}\n`);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The outcome of a run on `today`: 'ok', or the failing stage and first message. */
async function outcome(out: string, today: string, extra: Partial<RunOptions> = {}): Promise<string> {
  try {
    await runLibrary(raw, out, { today, until: 'analyze', ...extra });
    return 'ok';
  } catch (err) {
    if (!(err instanceof PipelineError)) throw err;
    return `${err.message}: ${err.problems[0]?.message}`;
  }
}

describe('a cached run and a forced run agree on every run date', () => {
  it('a record dated after the run date: accepted later, refused earlier, cached or not', async () => {
    const out = join(tmp, 'out');
    expect(await outcome(out, '2026-11-24')).toBe('ok');
    const early = await outcome(out, '2026-01-01');
    expect(early).toMatch(/^normalize failed with 1 problem: publication_date: Date is after today \(2026-01-01\)/);
    expect(await outcome(out, '2026-01-01', { force: true })).toBe(early);
    expect(await outcome(out, '2026-11-24')).toBe('ok');
    expect(await outcome(out, '2026-11-24', { force: true })).toBe('ok');
  });

  it('a snapshot dated after the run date: the same', async () => {
    writeSnapshot(raw, '2026-03-01');
    const out = join(tmp, 'out-snapshot');
    expect(await outcome(out, '2026-11-24')).toBe('ok');
    const early = await outcome(out, '2026-02-01');
    expect(early).toMatch(/^ingest failed with 1 problem: the snapshot date 2026-03-01 is after the run date 2026-02-01/);
    expect(await outcome(out, '2026-02-01', { force: true })).toBe(early);
  });
});
