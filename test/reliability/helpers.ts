/**
 * Shared by the reliability tests: hashes of every file of an output folder, temporary raw
 * folders, and the CLI run as one process (`node --import tsx pipeline/cli.ts`, not through npx,
 * so that a SIGKILL reaches the pipeline itself and no child survives it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { runPipeline, type RunOptions } from '../../pipeline/run.ts';

export const root = resolve(import.meta.dirname, '../..');
export const TODAY = '2026-11-24';
export const RESAMPLES = 50;

/**
 * sha256 of every regular file below `dir`, by path relative to it (sorted); empty when it does not
 * exist. Anything else (a FIFO, a link) is listed by its kind, never opened.
 */
export function hashFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      const rel = relative(dir, p).split('\\').join('/');
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
      else out[rel] = st.isSymbolicLink() ? 'symbolic link' : 'special file';
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The published outputs of a run into `out` (`--out out`): processed/ and site/. */
export function outputHashes(out: string): { processed: Record<string, string>; site: Record<string, string> } {
  return { processed: hashFiles(join(out, 'processed')), site: hashFiles(join(out, 'site')) };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ct-${prefix}-`));
}

/** A raw folder `<parent>/<name>` holding copies of the given project files (models.csv first). */
export function rawFolder(parent: string, files: Record<string, string>, name = 'raw'): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  for (const [target, source] of Object.entries(files)) copyFileSync(join(root, source), join(dir, target));
  return dir;
}

/** Library run with the test defaults; returns the stage lines it printed. */
export async function runLibrary(rawDir: string, out: string, extra: Partial<RunOptions> = {}): Promise<{ lines: string[]; reports: Awaited<ReturnType<typeof runPipeline>> }> {
  const lines: string[] = [];
  const reports = await runPipeline({
    root,
    rawDir,
    processedDir: join(out, 'processed'),
    siteDir: join(out, 'site'),
    cacheDir: join(out, '.cache'),
    today: TODAY,
    resamples: RESAMPLES,
    log: (l) => lines.push(l),
    ...extra,
  });
  return { lines, reports };
}

export interface CliRun {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (null when killed) and signal. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when a line matching `pattern` appears on stdout or stderr. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
}

export function startCli(args: string[], env: Record<string, string> = {}, cwd = root): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', join(cwd, 'pipeline/cli.ts'), ...args], {
    cwd,
    env: { ...process.env, COMPUTE_TRENDS_TODAY: TODAY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters: { pattern: RegExp; resolve: (l: string) => void }[] = [];
  const feed = (into: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        into.push(line);
        for (const w of [...waiters]) if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    };
  };
  child.stdout!.on('data', feed(stdout));
  child.stderr!.on('data', feed(stderr));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const waitFor = (pattern: RegExp, timeoutMs = 30_000) => {
    const seen = [...stdout, ...stderr].find((l) => pattern.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise<string>((resolveLine, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${[...stdout, ...stderr].join('\n')}`)), timeoutMs);
      waiters.push({ pattern, resolve: (l) => (clearTimeout(timer), resolveLine(l)) });
      void exit.then(() => setTimeout(() => reject(new Error(`exited before a line matching ${pattern}:\n${[...stdout, ...stderr].join('\n')}`)), 50));
    });
  };
  return { child, stdout, stderr, exit, waitFor };
}

/** Runs the CLI to its end. */
export async function runCli(args: string[], env: Record<string, string> = {}, cwd = root): Promise<{ code: number | null; stdout: string[]; stderr: string[] }> {
  const run = startCli(args, env, cwd);
  const { code } = await run.exit;
  return { code, stdout: run.stdout, stderr: run.stderr };
}

/** Every `.tmp-*` or `*.previous` entry left in the given folders. */
export function leftovers(...dirs: string[]): string[] {
  return dirs.flatMap((d) => (existsSync(d) ? readdirSync(d).filter((n) => n.startsWith('.tmp-') || n.endsWith('.previous')).map((n) => join(d, n)) : []));
}
