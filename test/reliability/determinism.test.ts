/**
 * The outputs depend on the data and the code only: running twice, running on two copies of the
 * raw folder in different places, on another run date, or from two clones of the project gives
 * byte-identical processed/ and site/, and no output file mentions a temporary or machine path.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFiles, outputHashes, rawFolder, root, runCli, tempDir } from './helpers.ts';

/** The raw folder the project ships, copied: the full data set, so every fit of the report exists. */
const SHIPPED = { 'models.csv': 'data/raw/models.csv', 'hardware.csv': 'data/raw/hardware.csv', 'assumptions.yaml': 'data/raw/assumptions.yaml' };

/** Whole CLI runs of the shipped data, several at once: on a loaded two-core machine they take minutes. */
const SLOW = 600_000;

let tmp: string;
beforeAll(() => {
  tmp = tempDir('determinism');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every output file whose bytes contain one of `needles`, with the needle found. */
function mentions(dirs: string[], needles: string[]): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const text = readFileSync(p).toString('latin1');
        for (const n of needles) if (text.includes(n)) found.push(`${p}: ${n}`);
      }
    }
  };
  dirs.forEach(walk);
  return found;
}

describe('determinism', () => {
  // Through the CLI, one process per run, as a maintainer or CI runs it.
  const cli = (raw: string, out: string, extra: string[] = [], env: Record<string, string> = {}) =>
    runCli(['--raw', raw, '--out', out, '--resamples', '50', ...extra], env).then((run) => {
      expect(run.code, run.stderr.join('\n')).toBe(0);
      return run;
    });

  it('two runs into the same folder (the second forced) give identical outputs', async () => {
    const raw = rawFolder(join(tmp, 'twice'), SHIPPED);
    const out = join(tmp, 'twice', 'out');
    await cli(raw, out);
    const first = outputHashes(out);
    const again = await cli(raw, out, ['--force']);
    expect(again.stdout.filter((l) => l.includes('cached'))).toEqual([]);
    expect(outputHashes(out)).toEqual(first);
  }, SLOW);

  it('two copies of the raw folder in different places, run on different dates, give identical outputs that name no machine path', async () => {
    const x = rawFolder(join(tmp, 'place-x', 'deeper'), SHIPPED);
    const y = rawFolder(join(tmp, 'place-y'), SHIPPED);
    await Promise.all([cli(x, join(tmp, 'out-x')), cli(y, join(tmp, 'out-y'), [], { COMPUTE_TRENDS_TODAY: '2027-06-30' })]);
    const hx = outputHashes(join(tmp, 'out-x'));
    expect(Object.keys(hx.site).length).toBeGreaterThan(5);
    expect(outputHashes(join(tmp, 'out-y'))).toEqual(hx);
    const needles = [tmp, relative(root, tmp), tmpdir(), root, homedir(), 'place-x', 'place-y', '2026-11-24', '2027-06-30'];
    expect(mentions([join(tmp, 'out-x', 'processed'), join(tmp, 'out-x', 'site')], needles)).toEqual([]);
  }, SLOW);

  it('two clones of the project, each running `pipeline/cli.ts` with its defaults, give identical outputs', async () => {
    const clones = ['clone-a', 'clone-b'].map((name) => {
      const dir = join(tmp, name, 'compute-trends');
      mkdirSync(dir, { recursive: true });
      for (const part of ['pipeline', 'reports', 'data', 'package.json', 'tsconfig.json']) {
        cpSync(join(root, part), join(dir, part), { recursive: true, filter: (src) => !/[\\/](site|\.tmp-[^\\/]*)$/.test(src) });
      }
      rmSync(join(dir, 'data', 'processed'), { recursive: true, force: true });
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      return dir;
    });
    for (const run of await Promise.all(clones.map((dir) => runCli(['--resamples', '50'], {}, dir)))) {
      expect(run.code, run.stderr.join('\n')).toBe(0);
    }
    const read = (dir: string) => ({ processed: hashFiles(join(dir, 'data', 'processed')), site: hashFiles(join(dir, 'reports', 'site')) });
    expect(Object.keys(read(clones[0]).processed)).toContain('models.csv');
    expect(Object.keys(read(clones[0]).site)).toContain('index.html');
    expect(read(clones[1])).toEqual(read(clones[0]));
    expect(mentions([join(clones[0], 'data', 'processed'), join(clones[0], 'reports', 'site')], [tmp, 'clone-a', root])).toEqual([]);
  }, SLOW);
});
