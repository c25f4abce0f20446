/**
 * The bad-input corpus (test/bad-input/cases/<case>/): each case is a small raw folder — a
 * models.csv, plus hardware.csv or assumptions.yaml only when the case is about them (otherwise
 * the shipped ones in data/raw are used, as the pipeline does) — and expected.json, which says
 * whether the folder is accepted or, if not, which stage fails and with exactly which problems.
 * Messages are named by their key in pipeline/messages.ts (and its arguments), so the corpus
 * asserts on the same text the maintainer reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PipelineError, type Problem } from '../../pipeline/errors.ts';
import { displayPaths } from '../../pipeline/io/display-path.ts';
import { messages } from '../../pipeline/messages.ts';
import { ingest } from '../../pipeline/stages/ingest.ts';
import { normalize } from '../../pipeline/stages/normalize.ts';

export const root = resolve(import.meta.dirname, '../..');
export const CASES_DIR = join(root, 'test/bad-input/cases');
/** The run date of every case (the CLI reads it from COMPUTE_TRENDS_TODAY). */
export const TODAY = '2026-11-24';

type MessageKey = keyof typeof messages;

export interface ExpectedProblem {
  /** Relative to the case folder ("models.csv"), or to the project when it contains a slash. */
  file: string;
  line: number;
  column: number;
  columnName?: string;
  message: { key: MessageKey; args?: unknown[] };
}

export interface Expected {
  description: string;
  accepted: boolean;
  /** Accepted cases: records after normalize. */
  records?: number;
  /** Rejected cases: the stage that fails, and every problem it reports, in order. */
  stage?: 'ingest' | 'normalize';
  problems?: ExpectedProblem[];
  /** Also driven through the real CLI. */
  cli?: boolean;
}

export function listCases(): string[] {
  return readdirSync(CASES_DIR).sort();
}

export function caseDir(name: string): string {
  return join(CASES_DIR, name);
}

export function readExpected(name: string): Expected {
  return JSON.parse(readFileSync(join(caseDir(name), 'expected.json'), 'utf8')) as Expected;
}

/** The text of messages[key](...args), or of the constant messages[key]. */
export function messageText(m: ExpectedProblem['message']): string {
  const entry = messages[m.key] as unknown;
  if (typeof entry === 'function') return (entry as (...a: unknown[]) => string)(...(m.args ?? []));
  if (typeof entry === 'string') return entry;
  throw new Error(`messages.${String(m.key)} is not a message`);
}

/** What a problem must equal: its location and message (text and expected are checked by the CLI lines). */
export interface LocatedProblem {
  file: string | undefined;
  line: number | undefined;
  column: number | undefined;
  columnName?: string;
  message: string;
}

export function expectedProblems(name: string, exp: Expected): LocatedProblem[] {
  return (exp.problems ?? []).map((p) => ({
    file: p.file.includes('/') ? p.file : `test/bad-input/cases/${name}/${p.file}`,
    line: p.line,
    column: p.column,
    ...(p.columnName ? { columnName: p.columnName } : {}),
    message: messageText(p.message),
  }));
}

export function located(problems: readonly Problem[], withColumnName: (i: number) => boolean): LocatedProblem[] {
  return problems.map((p, i) => ({
    file: p.file,
    line: p.line,
    column: p.column,
    ...(withColumnName(i) && p.columnName ? { columnName: p.columnName } : {}),
    message: p.message,
  }));
}

export type LibraryOutcome =
  | { stage: null; records: number }
  | { stage: 'ingest' | 'normalize'; error: PipelineError };

/** Runs a raw folder through the ingest and normalize stages, as the orchestrator calls them. */
export function runLibrary(rawDir: string): LibraryOutcome {
  let ingested;
  try {
    ingested = ingest({ rawDir, defaultsDir: join(root, 'data/raw'), today: TODAY, display: displayPaths(root, rawDir) });
  } catch (err) {
    if (err instanceof PipelineError) return { stage: 'ingest', error: err };
    throw err;
  }
  try {
    return { stage: null, records: normalize(ingested, TODAY).order.length };
  } catch (err) {
    if (err instanceof PipelineError) return { stage: 'normalize', error: err };
    throw err;
  }
}
