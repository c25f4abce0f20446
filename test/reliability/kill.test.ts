/**
 * A run killed with SIGKILL — no handler runs, no cleanup — never damages the published outputs.
 * The output folder first holds a good run of raw folder A; then runs on raw folder B (one record
 * changed, so its outputs differ) are killed:
 *
 * - at fixed points, with the hook COMPUTE_TRENDS_PAUSE_AT=<point> (pipeline/io/pause.ts): before
 *   analyze, before render, and with every stage done but nothing published. The outputs must be
 *   A's, byte for byte.
 * - at increasing delays into a long analyze (200,000 resamples) and into render. Same check.
 * - in the middle of publishing (hook point `swap`: data/processed swapped in, reports/site not yet).
 *   The publication is journaled, so the next start completes it: the outputs are then B's, never
 *   a mix.
 *
 * After every kill the next run succeeds and equals a clean run of B, with no temporaries left.
 */
import { rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leftovers, outputHashes, rawFolder, runCli, runLibrary, startCli, tempDir } from './helpers.ts';

let tmp: string;
let rawA: string;
let rawB: string;
let before: ReturnType<typeof outputHashes>;
let cleanB: ReturnType<typeof outputHashes>;
const out = () => join(tmp, 'out');

beforeAll(async () => {
  tmp = tempDir('kill');
  rawA = rawFolder(join(tmp, 'a'), { 'models.csv': 'test/fixtures/raw-small/models.csv' });
  rawB = rawFolder(join(tmp, 'b'), { 'models.csv': 'test/fixtures/raw-small/models.csv' });
  const models = readFileSync(join(rawB, 'models.csv'), 'utf8');
  writeFileSync(join(rawB, 'models.csv'), models.replace(',5.76E+23,FLOP,', ',5.9E+23,FLOP,'));
  expect(readFileSync(join(rawB, 'models.csv'), 'utf8')).not.toBe(models);
  await runLibrary(rawB, join(tmp, 'clean-b'));
  cleanB = outputHashes(join(tmp, 'clean-b'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Resets the output folder to a good run of A. */
async function previousGoodRun(): Promise<void> {
  rmSync(out(), { recursive: true, force: true });
  await runLibrary(rawA, out());
  before = outputHashes(out());
  expect(Object.keys(before.processed)).toContain('models.csv');
  expect(Object.keys(before.site)).toContain('index.html');
  expect(before).not.toEqual(cleanB);
}

const argsB = (resamples = 50) => ['--raw', rawB, '--out', out(), '--resamples', String(resamples), '--force'];

async function expectNextRunSucceeds(): Promise<void> {
  const next = await runCli(['--raw', rawB, '--out', out(), '--resamples', '50']);
  expect(next.code, next.stderr.join('\n')).toBe(0);
  expect(outputHashes(out())).toEqual(cleanB);
  expect(leftovers(out(), join(out(), '.cache'))).toEqual([]);
  expect(existsSync(join(out(), '.cache', 'publish.json'))).toBe(false);
}

describe('SIGKILL at a fixed point (COMPUTE_TRENDS_PAUSE_AT)', () => {
  it.each(['analyze', 'render', 'publish'])('before %s: the previous outputs are intact, and the next run succeeds', async (point) => {
    await previousGoodRun();
    const run = startCli(argsB(), { COMPUTE_TRENDS_PAUSE_AT: point });
    await run.waitFor(new RegExp(`^paused at ${point} `));
    run.child.kill('SIGKILL');
    expect(await run.exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(outputHashes(out())).toEqual(before);
    await expectNextRunSucceeds();
  });

  it('between the two folder swaps: the next start completes the publication (all of B, never a mix)', async () => {
    await previousGoodRun();
    const run = startCli(argsB(), { COMPUTE_TRENDS_PAUSE_AT: 'swap' });
    await run.waitFor(/^paused at swap /);
    run.child.kill('SIGKILL');
    await run.exit;
    // At this instant processed/ is B's and site/ still A's; the journal says what is left to do.
    expect(existsSync(join(out(), '.cache', 'publish.json'))).toBe(true);
    expect(outputHashes(out()).site).toEqual(before.site);
    await expectNextRunSucceeds();
  });
});

describe('SIGKILL after increasing delays', () => {
  it.each([50, 400, 900])('%i ms into a long analyze: the previous outputs are intact', async (delay) => {
    await previousGoodRun();
    const run = startCli(argsB(200_000));
    await run.waitFor(/^impute /);
    await new Promise((r) => setTimeout(r, delay));
    run.child.kill('SIGKILL');
    await run.exit;
    expect(run.stdout.some((l) => l.startsWith('analyze ')), 'analyze had finished: make it longer').toBe(false);
    expect(outputHashes(out())).toEqual(before);
  });

  it.each([20, 200])('%i ms into render: the previous outputs are intact, and the next run succeeds', async (delay) => {
    await previousGoodRun();
    const run = startCli(argsB());
    await run.waitFor(/^analyze /);
    await new Promise((r) => setTimeout(r, delay));
    run.child.kill('SIGKILL');
    await run.exit;
    expect(run.stdout.some((l) => l.startsWith('render ')), 'render had finished: kill earlier').toBe(false);
    expect(outputHashes(out())).toEqual(before);
    await expectNextRunSucceeds();
  });
});
