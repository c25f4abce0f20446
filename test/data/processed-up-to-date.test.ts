/**
 * data/processed/ is committed so maintainers can review changes in a diff; this proves it is
 * exactly what the pipeline produces from data/raw/ with the default settings.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipeline/run.ts';

const root = resolve(import.meta.dirname, '../..');
const committed = join(root, 'data/processed');

describe('committed data/processed', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'ct-processed-'));
    await runPipeline({
      root,
      // Relative, as the CLI passes it: records name their origin as data/raw/models.csv:line.
      rawDir: relative(process.cwd(), join(root, 'data/raw')),
      processedDir: join(out, 'processed'),
      siteDir: join(out, 'site'),
      cacheDir: join(out, '.cache'),
      today: '2026-11-24',
      until: 'analyze',
      log: () => {},
    });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('holds exactly the files the pipeline writes', () => {
    expect(readdirSync(committed).sort()).toEqual(readdirSync(join(out, 'processed')).sort());
  });

  it.each(readdirSync(committed).sort())('%s equals what the pipeline produces from data/raw (run `npm run pipeline` and commit)', (file) => {
    const expected = readFileSync(join(out, 'processed', file), 'utf8');
    const actual = readFileSync(join(committed, file), 'utf8');
    expect(actual === expected, `${file} is stale`).toBe(true);
  });
});
