/**
 * The generated families of bad input (./families.ts) through ingest + normalize, as the
 * orchestrator calls them: every case ends in the located error it names (stage, file, line,
 * column, message) or in a clean success with exactly the warnings and dropped rows it names —
 * never in any other exception. Each case's raw folder is written to a temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError, type Problem } from '../../pipeline/errors.ts';
import { displayPaths } from '../../pipeline/io/display-path.ts';
import { ingest } from '../../pipeline/stages/ingest.ts';
import { normalize } from '../../pipeline/stages/normalize.ts';
import { root, TODAY } from './corpus.ts';
import { families, type ExpectedIssue, type FamilyCase } from './families.ts';

const cases = families();
const tmp = mkdtempSync(join(tmpdir(), 'ct-families-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hasFifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

type Run = { stage: null; records: number; warnings: Problem[]; dropped: { line: number; reason: string }[] } | { stage: 'ingest' | 'normalize'; error: PipelineError };

function run(dir: string): Run {
  const options = { rawDir: dir, defaultsDir: join(root, 'data/raw'), today: TODAY, display: displayPaths(root, dir) };
  let ingested;
  try {
    ingested = ingest(options);
  } catch (err) {
    if (err instanceof PipelineError) return { stage: 'ingest', error: err };
    throw err;
  }
  try {
    const out = normalize(ingested, TODAY);
    return { stage: null, records: out.order.length, warnings: out.warnings, dropped: out.dropped };
  } catch (err) {
    if (err instanceof PipelineError) return { stage: 'normalize', error: err };
    throw err;
  }
}

/** Whether a problem is the one expected: its file (in the case folder), and the line, column and message given. */
function matches(actual: Problem | undefined, e: ExpectedIssue): void {
  expect(actual, JSON.stringify(e)).toBeDefined();
  expect(actual!.file).toBe(`test-families/${e.file}`);
  if (e.line !== undefined) expect(actual!.line).toBe(e.line);
  if (e.column !== undefined) expect(actual!.column).toBe(e.column);
  if (typeof e.message === 'string') expect(actual!.message).toBe(e.message);
  else expect(actual!.message).toMatch(e.message);
}

function check(c: FamilyCase, i: number): void {
  const dir = join(tmp, String(i), 'test-families');
  mkdirSync(dir, { recursive: true });
  c.build(dir);
  const outcome = run(dir);
  const e = c.expect;
  if (e.outcome === 'error') {
    if (outcome.stage === null) throw new Error(`accepted; expected ${e.stage} to fail`);
    expect(outcome.stage, outcome.error.problems.map((p) => p.message).join('\n')).toBe(e.stage);
    expect(outcome.error.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toHaveLength(e.problems.length);
    e.problems.forEach((p, k) => matches(outcome.error.problems[k], p));
    expect(outcome.error.exitCode).not.toBe(0);
    return;
  }
  if (outcome.stage !== null) throw new Error(`${outcome.stage} failed: ${outcome.error.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n')}`);
  expect(outcome.records).toBe(e.records);
  expect(outcome.warnings.map((w) => `${w.file}:${w.line}:${w.column} ${w.message}`)).toHaveLength((e.warnings ?? []).length);
  (e.warnings ?? []).forEach((w, k) => matches(outcome.warnings[k], w));
  expect(outcome.dropped.map((d) => d.line)).toEqual((e.dropped ?? []).map((d) => d.line));
  (e.dropped ?? []).forEach((d, k) => (typeof d.reason === 'string' ? expect(outcome.dropped[k].reason).toBe(d.reason) : expect(outcome.dropped[k].reason).toMatch(d.reason)));
}

describe('generated families of bad input', () => {
  it('cover every family with many cases', () => {
    const byFamily = new Map<string, number>();
    for (const c of cases) byFamily.set(c.family, (byFamily.get(c.family) ?? 0) + 1);
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(byFamily.size).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => `${c.family} / ${c.name}`)).size).toBe(cases.length);
  });

  const named = cases.map((c, i) => [`${c.family}: ${c.name}`, c, i] as const);
  it.each(named)('%s', (_name, c, i) => {
    if (c.needsFifo && !hasFifo) return;
    check(c, i);
  });
});
