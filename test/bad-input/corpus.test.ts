/**
 * The bad-input corpus (test/bad-input/cases, described in ./corpus.ts): every case through the
 * library (ingest + normalize) with its problems compared exactly, and the cases marked `cli`
 * through the real CLI (`npx tsx pipeline/cli.ts --raw <case> --out <tmp>`), checking the exit
 * code and every stderr line. A 50 MB record is generated here, never committed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { formatProblem, messages } from '../../pipeline/messages.ts';
import { runMain } from '../../pipeline/cli/edge.ts';
import { main } from '../../pipeline/cli.ts';
import { memoryIo } from '../helpers/cli-io.ts';
import { caseDir, expectedProblems, listCases, located, readExpected, root, runLibrary, TODAY } from './corpus.ts';

const cases = listCases();

describe('bad-input corpus through ingest + normalize', () => {
  it('has at least 30 cases, accepted and rejected', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const expected = cases.map(readExpected);
    expect(expected.filter((e) => e.accepted).length).toBeGreaterThan(0);
    expect(expected.filter((e) => !e.accepted).length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s', (name) => {
    const exp = readExpected(name);
    const outcome = runLibrary(caseDir(name));
    if (exp.accepted) {
      expect(outcome).toEqual({ stage: null, records: exp.records });
      return;
    }
    if (outcome.stage === null) throw new Error(`${name} was accepted; expected ${exp.stage} to fail`);
    expect(outcome.stage).toBe(exp.stage);
    const want = expectedProblems(name, exp);
    expect(outcome.error.message).toBe(messages.stageFailed(outcome.stage, want.length));
    expect(located(outcome.error.problems, (i) => want[i]?.columnName !== undefined)).toEqual(want);
    expect(outcome.error.exitCode).not.toBe(0);
  });
});

/** Header and the three records of an accepted corpus case, for generated inputs. */
function baseRecords(): string[] {
  return readFileSync(join(caseDir('ok-blank-lines'), 'models.csv'), 'utf8').split('\n').filter(Boolean);
}

interface CliResult {
  code: number;
  stdout: string;
  stderr: string[];
}

/**
 * The pipeline's command as a user runs it (`npm run pipeline -- --raw … --out …`: its main with
 * its error edge, the same lines and exit code), in this process: no Node start-up per case. The
 * process boundary itself is covered by test/cli/edge.test.ts and test/launch.test.ts.
 */
async function cli(rawDir: string, out: string): Promise<CliResult> {
  const io = memoryIo({ COMPUTE_TRENDS_TODAY: TODAY });
  const code = await runMain(main, ['--raw', rawDir, '--out', out, '--resamples', '50'], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.filter((l) => l !== '') };
}

/** Runs `jobs` at most `width` at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

describe('a 50 MB record (generated, not committed)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ct-huge-'));
    const [header, a, b, c] = baseRecords();
    writeFileSync(join(dir, 'models.csv'), [header, a, b.replace('Table 2.1', 'x'.repeat(50 * 1024 * 1024)), c].join('\n') + '\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused at its line, as a located problem, in well under a second', () => {
    const outcome = runLibrary(dir);
    if (outcome.stage === null) throw new Error('accepted');
    expect(outcome.stage).toBe('ingest');
    expect(located(outcome.error.problems, () => false)).toEqual([
      { file: `${dir.split(/[\\/]/).at(-1)}/models.csv`, line: 3, column: 1, message: messages.recordTooLarge(1_000_000) },
    ]);
  });

  it('fails the CLI with exit code 1 and the located problem', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ct-huge-out-'));
    try {
      const result = await cli(dir, out);
      expect(result.code).toBe(1);
      expect(result.stderr).toEqual([
        `error: ${messages.stageFailed('ingest', 1)}`,
        `  ${formatProblem({ file: `${dir.split(/[\\/]/).at(-1)}/models.csv`, line: 3, column: 1, message: messages.recordTooLarge(1_000_000), expected: 'records of reasonable size' })}`,
      ]);
      expect(existsSync(join(out, 'processed'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('bad-input corpus through the CLI', () => {
  const cliCases = cases.filter((name) => readExpected(name).cli);
  const results = new Map<string, CliResult & { out: string }>();
  beforeAll(async () => {
    const outs = cliCases.map(() => mkdtempSync(join(tmpdir(), 'ct-bad-cli-')));
    const ran = await pool(
      cliCases.map((name, i) => () => cli(`test/bad-input/cases/${name}`, outs[i])),
      1,
    );
    cliCases.forEach((name, i) => results.set(name, { ...ran[i], out: outs[i] }));
  });
  afterAll(() => {
    for (const { out } of results.values()) rmSync(out, { recursive: true, force: true });
  });

  it('covers a representative subset', () => {
    expect(cliCases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cliCases)('%s', (name) => {
    const exp = readExpected(name);
    const result = results.get(name)!;
    if (exp.accepted) {
      expect(result.stderr.filter((l) => !l.startsWith('WARN ')), result.stderr.join('\n')).toEqual([]);
      expect(result.code).toBe(0);
      const rows = parse(readFileSync(join(result.out, 'processed/models.csv')), { columns: true }) as unknown[];
      expect(rows).toHaveLength(exp.records!);
      return;
    }
    // The library run gives each problem's full text (found …; expected …); its locations and
    // messages are checked against expected.json above, so the CLI must print exactly these lines.
    const outcome = runLibrary(caseDir(name));
    if (outcome.stage === null) throw new Error(`${name} was accepted`);
    expect(outcome.error).toBeInstanceOf(PipelineError);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([`error: ${outcome.error.message}`, ...outcome.error.problems.map((p) => `  ${formatProblem(p)}`)]);
    expect(result.stderr[0]).toBe(`error: ${messages.stageFailed(exp.stage!, expectedProblems(name, exp).length)}`);
    // Nothing is published by a failing run.
    expect(existsSync(join(result.out, 'processed'))).toBe(false);
    expect(existsSync(join(result.out, 'site'))).toBe(false);
  });
});
