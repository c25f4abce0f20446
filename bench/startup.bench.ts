/**
 * `npm run bench -- startup`: how long the short commands take as whole processes, start-up
 * included, as a user runs them:
 *   - `npm run fit` on a 1,000-point CSV (seeded synthetic points, written to a temporary folder);
 *   - `npm run pipeline` on the shipped data with every stage cached (a temporary --out folder,
 *     warmed by one full run first).
 * Each is timed against the path it replaced, the same command through tsx (which compiles the
 * TypeScript as it loads and starts a second Node process): a temporary package.json gives npm the
 * old scripts. A third line times the compiled command without npm, to show npm's own share, and a
 * fourth the floor: npm running `node -e 0` (npm, its shell and a Node process doing nothing). The
 * fit minus the floor is printed as our share. Where NODE_EXTRA_CA_CERTS is set, Node reads that
 * file at each start, npm's and the command's, so the fit is also timed without it.
 * Runs alternate (new, old, without npm, new, …) so a machine that changes speed during the bench
 * affects each alike. Besides wall time it prints the CPU time of each whole process tree (user +
 * system, from the kernel's account of finished children in /proc/self/stat, on Linux): on a busy
 * machine wall time mostly measures the other work, CPU time much less so. Targets, on an idle
 * two-core machine: fit under 0.5 s, cached pipeline under 1 s. STARTUP_RUNS=<n> (default 7) sets
 * the timed runs of each command. Prints figures; never fails on them.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../pipeline/analyze/stats/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(1, Number(process.env.STARTUP_RUNS ?? 7));
const POINTS = 1000;
const TARGET_S = { fit: 0.5, pipeline: 1 } as const;

interface Command {
  label: string;
  cmd: string;
  args: string[];
  cwd: string;
  /** The environment, when not this process's own. */
  env?: NodeJS.ProcessEnv;
  /** Its own check of the output, instead of the group's. */
  check?: (stdout: string) => string | null;
}

/** 1,000 points, 1960–2024, log10 FLOP rising 0.15/yr then 0.55/yr from 2010, N(0, 0.3²) noise (seed 20261206). */
function writePoints(path: string): void {
  const rng = createRng(20261206);
  const lines = ['year,training_compute_flop'];
  for (let i = 0; i < POINTS; i++) {
    const year = 1960 + 64 * rng.next();
    const log10 = 10 + 0.15 * (year - 1960) + 0.4 * Math.max(year - 2010, 0) + 0.3 * rng.normal();
    lines.push(`${year.toFixed(4)},${(10 ** log10).toPrecision(6)}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux's usual builds). */
const USER_HZ = 100;

/** User + system seconds of this process's finished children (and theirs), or null off Linux. */
function childrenCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  // Fields after the command name in parentheses: state is field 3; cutime 16 and cstime 17.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / USER_HZ;
}

interface Timing {
  wall: number;
  cpu: number | null;
}

/** One whole process, from spawn to exit: wall and CPU seconds; its output, to check it. */
function timeOnce(c: Command): Timing & { status: number | null; stdout: string; stderr: string } {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const r = spawnSync(c.cmd, c.args, { cwd: c.cwd, env: c.env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 24 });
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { wall, cpu, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the commands in turn RUNS times after one warm-up each; timings per command, or the failure. */
function timeInTurn(commands: Command[], check: (stdout: string) => string | null): (Timing[] | string)[] {
  const times: (Timing[] | string)[] = commands.map(() => []);
  for (let run = -1; run < RUNS; run++) {
    commands.forEach((c, i) => {
      if (typeof times[i] === 'string') return;
      const r = timeOnce(c);
      const problem = r.status !== 0 ? `exit ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` : (c.check ?? check)(r.stdout);
      if (problem) times[i] = problem;
      else if (run >= 0) (times[i] as Timing[]).push({ wall: r.wall, cpu: r.cpu });
    });
  }
  return times;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** "median (min–max)" of some seconds. */
function spread(xs: number[]): string {
  return `${median(xs).toFixed(3)} s (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)})`;
}

function printRows(commands: Command[], times: (Timing[] | string)[]): void {
  console.log(`  ${''.padEnd(42)} ${'wall: median (min–max)'.padEnd(26)} cpu: median (min–max)`);
  for (const [i, c] of commands.entries()) {
    const t = times[i];
    if (typeof t === 'string') {
      console.log(`  ${c.label.padEnd(42)} failed (${t})`);
      continue;
    }
    const cpu = t.map((x) => x.cpu).filter((x): x is number => x !== null);
    console.log(`  ${c.label.padEnd(42)} ${spread(t.map((x) => x.wall)).padEnd(26)} ${cpu.length ? spread(cpu) : 'n/a'}`);
  }
}

function version(cmd: string): string {
  return spawnSync(cmd, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-startup-'));
  try {
    const csv = join(dir, 'points.csv');
    writePoints(csv);
    const out = join(dir, 'out');
    // The scripts as they were before the compiled launcher: tsx on the sources.
    const old = join(dir, 'old-scripts');
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    mkdirSync(old);
    writeFileSync(
      join(old, 'package.json'),
      JSON.stringify({
        name: 'old-scripts',
        private: true,
        scripts: { fit: `${tsx} ${join(root, 'pipeline/fit-cli.ts')}`, pipeline: `${tsx} ${join(root, 'pipeline/cli.ts')}`, floor: 'node -e 0' },
      }),
    );

    const [l1, l5] = loadavg();
    console.log(`node ${process.version}, npm ${version('npm')}, ${cpus().length} cores, load average ${l1.toFixed(2)} (1 min) ${l5.toFixed(2)} (5 min)`);
    console.log(`whole processes, spawn to exit: median and min–max of ${RUNS} runs each, after one warm-up; cpu = user + system of the whole process tree\n`);

    const fitArgs = ['--input', csv, '--x', 'year', '--y', 'training_compute_flop', '--log10-y', '--json'];
    const fit: Command[] = [
      { label: 'npm run fit (compiled)', cmd: 'npm', args: ['run', 'fit', '--', ...fitArgs], cwd: root },
      { label: 'npm run fit through tsx (before)', cmd: 'npm', args: ['run', 'fit', '--', ...fitArgs], cwd: old },
      { label: 'node pipeline/launch.mjs (no npm)', cmd: process.execPath, args: ['pipeline/launch.mjs', 'pipeline/fit-cli.ts', ...fitArgs], cwd: root },
      // npm, its shell and a Node process that does nothing: the part of the command that is not ours.
      { label: 'npm run of `node -e 0` (the floor)', cmd: 'npm', args: ['run', 'floor'], cwd: old, check: () => null },
    ];
    // Node reads the file NODE_EXTRA_CA_CERTS names at every start (~40 ms for a system bundle on the
    // machine these targets were set on), once for npm and once for the command. Where it is set,
    // the same command without it shows the environment's share.
    const extraCerts = process.env.NODE_EXTRA_CA_CERTS;
    if (extraCerts) {
      const env = { ...process.env };
      delete env.NODE_EXTRA_CA_CERTS;
      fit.push({ label: 'npm run fit, NODE_EXTRA_CA_CERTS unset', cmd: 'npm', args: ['run', 'fit', '--', ...fitArgs], cwd: root, env });
    }
    console.log(`npm run fit -- --input <${POINTS} points> --x year --y training_compute_flop --log10-y --json   (target < ${TARGET_S.fit} s)`);
    // npm prints the script's name and command before its output: the JSON starts at the first brace.
    const fitted = (stdout: string) => (JSON.parse(stdout.slice(stdout.indexOf('{'))) as { n: number }).n;
    const fitTimes = timeInTurn(fit, (stdout) => (fitted(stdout) === POINTS ? null : `fitted ${fitted(stdout)} points, not ${POINTS}`));
    printRows(fit, fitTimes);
    const [compiled, , , floor] = fitTimes;
    if (typeof compiled !== 'string' && typeof floor !== 'string') {
      const ours = median(compiled.map((t) => t.wall)) - median(floor.map((t) => t.wall));
      console.log(`  ours: npm run fit minus the floor, medians: ${ours.toFixed(3)} s`);
    }
    if (extraCerts) console.log(`  NODE_EXTRA_CA_CERTS is set here (${extraCerts}): every Node process reads it as it starts`);

    const warm = timeOnce({ label: 'warm-up', cmd: 'npm', args: ['run', 'pipeline', '--', '--out', out], cwd: root });
    if (warm.status !== 0) throw new Error(`the warm-up pipeline run failed: ${warm.stderr}`);
    const pipeline: Command[] = [
      { label: 'npm run pipeline (compiled), all cached', cmd: 'npm', args: ['run', 'pipeline', '--', '--out', out], cwd: root },
      { label: 'npm run pipeline through tsx (before)', cmd: 'npm', args: ['run', 'pipeline', '--', '--out', out], cwd: old },
      { label: 'node pipeline/launch.mjs (no npm)', cmd: process.execPath, args: ['pipeline/launch.mjs', 'pipeline/cli.ts', '--out', out], cwd: root },
    ];
    const allCached = (stdout: string) => {
      const stages = stdout.split('\n').filter((l) => /^\w+\s+(cached|rows)/.test(l));
      return stages.length > 0 && stages.every((l) => l.includes('cached')) ? null : `not every stage was cached: ${stages.join(' | ')}`;
    };
    console.log(`\nnpm run pipeline -- --out <folder>, shipped data, every stage cached   (target < ${TARGET_S.pipeline} s)`);
    printRows(pipeline, timeInTurn(pipeline, allCached));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
