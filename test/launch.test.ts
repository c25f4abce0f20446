/**
 * pipeline/launch.mjs: the commands run compiled JavaScript, and never code older than the sources.
 * The first part works on a toy project in a temporary folder (a two-file pipeline/); the second
 * on a copy of this project, through the real entry points, as a maintainer editing a .ts file would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILD_DIR, currentKey, ensureBuild, scriptEntries, SourceError, sourceFiles } from '../pipeline/launch.mjs';

const root = resolve(import.meta.dirname, '..');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A project with pipeline/main.ts importing pipeline/lib/value.ts (with its .ts extension). */
function toyProject(value: string): string {
  const dir = tempDir('launch-toy-');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'toy', type: 'module' }));
  cpSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'pipeline', 'lib'), { recursive: true });
  writeFileSync(join(dir, 'pipeline', 'main.ts'), "import { value } from './lib/value.ts';\nexport const answer: string = value;\n");
  writeValue(dir, value);
  return dir;
}

/** The toy project's entry. */
const MAIN = 'pipeline/main.ts';

const writeValue = (dir: string, value: string) => writeFileSync(join(dir, 'pipeline', 'lib', 'value.ts'), `export const value: string = '${value}';\n`);

/** What the compiled main.js of a tree exports, read by a separate Node process. */
function answerOf(tree: string): string {
  const url = pathToFileURL(join(tree, 'pipeline', 'main.js')).href;
  return execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(url)}); process.stdout.write(m.answer);`], { encoding: 'utf8' });
}

/** A moment well after every file's timestamps: the stamp may be written. */
const later = () => Date.now() + 60_000;

describe('the compiled bundle follows the sources', () => {
  it('compiles an entry and what it imports into one file in .build/<key>/<entry>/, and it runs as the sources say', async () => {
    const dir = toyProject('one');
    expect(sourceFiles(dir)).toEqual(['pipeline/lib/value.ts', 'pipeline/main.ts']);
    const tree = await ensureBuild(dir, MAIN);
    expect(tree.startsWith(join(dir, BUILD_DIR))).toBe(true);
    expect(tree.endsWith(`${sep}pipeline-main`)).toBe(true);
    // lib/value.ts is inside main.js: nothing left to import.
    const compiled = readFileSync(join(tree, 'pipeline', 'main.js'), 'utf8');
    expect(compiled).not.toMatch(/\bimport\b[^;]*value/);
    expect(compiled).toContain('"one"');
    expect(answerOf(tree)).toBe('one');
    // Nothing changed: the same tree, not compiled again.
    const mtime = statSync(tree).mtimeMs;
    expect(await ensureBuild(dir, MAIN)).toBe(tree);
    expect(statSync(tree).mtimeMs).toBe(mtime);
  });

  it('an edit gives a new tree with the edit, even one that keeps the size and sets the mtime back', async () => {
    const dir = toyProject('one');
    const file = join(dir, 'pipeline', 'lib', 'value.ts');
    // A whole second, which setting it back below restores exactly.
    const stamped = 1_700_000_000;
    utimesSync(file, stamped, stamped);
    const before = await currentKey(dir, later());
    expect(existsSync(join(dir, BUILD_DIR, 'stamp.json'))).toBe(true);
    const first = await ensureBuild(dir, MAIN);
    writeValue(dir, 'two'); // same length as 'one'
    utimesSync(file, stamped, stamped); // as `cp -p` or `tar` would leave it
    expect(statSync(file).mtimeMs).toBe(stamped * 1000);
    const after = await currentKey(dir, later());
    expect(after.key).not.toBe(before.key);
    const second = await ensureBuild(dir, MAIN);
    expect(second).not.toBe(first);
    expect(answerOf(second)).toBe('two');
    // And back: the earlier tree, still holding the earlier code.
    writeValue(dir, 'one');
    expect(await ensureBuild(dir, MAIN)).toBe(first);
    expect(answerOf(first)).toBe('one');
  });

  it('reuses the stamp while no file changed, and writes none while a change is too recent to trust', async () => {
    const dir = toyProject('one');
    const stamp = join(dir, BUILD_DIR, 'stamp.json');
    // Files written just now: their timestamps could still repeat, so no stamp yet.
    await currentKey(dir);
    expect(existsSync(stamp)).toBe(false);
    const { key } = await currentKey(dir, later());
    const saved = JSON.parse(readFileSync(stamp, 'utf8')) as { key: string; signature: string };
    expect(saved.key).toBe(key);
    // The stamp is believed without reading the sources: a key planted in it is returned as is...
    writeFileSync(stamp, JSON.stringify({ ...saved, key: 'planted' }));
    expect((await currentKey(dir, later())).key).toBe('planted');
    // ...until any file changes: a new file here.
    writeFileSync(join(dir, 'pipeline', 'lib', 'extra.ts'), 'export const extra = 1;\n');
    const next = await currentKey(dir, later());
    expect(next.key).not.toBe('planted');
    expect(next.key).not.toBe(key);
    expect(next.files).toContain('pipeline/lib/extra.ts');
  });

  it('a change to tsconfig.json is a new build', async () => {
    const dir = toyProject('one');
    const { key } = await currentKey(dir);
    const config = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    config.compilerOptions.target = 'ES2020';
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    expect((await currentKey(dir)).key).not.toBe(key);
  });

  it('sources that do not compile: a SourceError naming file, line and column, and no tree for them', async () => {
    const dir = toyProject('one');
    const good = await ensureBuild(dir, MAIN);
    writeFileSync(join(dir, 'pipeline', 'lib', 'value.ts'), "export const value: string = 'unterminated;\n");
    const err = await ensureBuild(dir, MAIN).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toMatch(/^pipeline\/lib\/value\.ts:1:\d+: Unterminated string literal$/);
    const trees = readdirSync(join(dir, BUILD_DIR)).filter((n) => n !== 'stamp.json');
    expect(trees).toEqual([good.slice(join(dir, BUILD_DIR).length + 1).split(sep)[0]]);
  });

  it('runs an entry in one process; a stack trace names the .ts file and line', () => {
    const dir = toyProject('one');
    cpSync(join(root, 'pipeline', 'launch.mjs'), join(dir, 'pipeline', 'launch.mjs'));
    writeFileSync(join(dir, 'pipeline', 'boom.ts'), "import { value } from './lib/value.ts';\ninterface T { v: string }\nconst t: T = { v: value };\nthrow new Error(`boom ${t.v}`);\n");
    const r = spawnSync(process.execPath, ['pipeline/launch.mjs', 'pipeline/boom.ts'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: boom one');
    expect(r.stderr).toContain(`${join(dir, 'pipeline', 'boom.ts')}:4:7`);
  });

  it('maps a stack through the bundle’s source map only when it is read: every frame of the compiled code on its .ts line', () => {
    const dir = toyProject('one');
    cpSync(join(root, 'pipeline', 'launch.mjs'), join(dir, 'pipeline', 'launch.mjs'));
    writeFileSync(join(dir, 'pipeline', 'lib', 'fail.ts'), "// line 1\nexport function fail(why: string): never {\n  throw new RangeError(`failed: ${why}`);\n}\n");
    writeFileSync(
      join(dir, 'pipeline', 'stack.ts'),
      [
        "import { fail } from './lib/fail.ts';",
        '// Node parses no source map as the bundle loads.',
        "process.stdout.write(`maps at load: ${String(process.sourceMapsEnabled)}\\n`);",
        'async function outer(): Promise<void> {',
        '  await Promise.resolve();',
        "  fail('deep');",
        '}',
        'try {',
        '  await outer();',
        '} catch (err) {',
        '  process.stdout.write(`${(err as Error).stack}\\n`);',
        '}',
        '',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, ['pipeline/launch.mjs', 'pipeline/stack.ts'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('maps at load: false');
    expect(lines[1]).toBe('RangeError: failed: deep');
    expect(lines.slice(2)).toEqual([
      `    at fail (${pathToFileURL(join(dir, 'pipeline', 'lib', 'fail.ts')).href}:3:9)`,
      `    at outer (${pathToFileURL(join(dir, 'pipeline', 'stack.ts')).href}:6:3)`,
      `    at async ${pathToFileURL(join(dir, 'pipeline', 'stack.ts')).href}:9:3`,
    ]);
    expect(r.stdout).not.toContain(BUILD_DIR);
  });

  it('where nothing can be compiled, says so and runs the sources through tsx, in the same process', () => {
    const dir = toyProject('one');
    cpSync(join(root, 'pipeline', 'launch.mjs'), join(dir, 'pipeline', 'launch.mjs'));
    writeFileSync(join(dir, BUILD_DIR), 'a file where the build folder should be');
    writeFileSync(join(dir, 'pipeline', 'print.ts'), "import { answer } from './main.ts';\nconsole.log(`${answer} ${process.argv.slice(2).join(' ')}`);\n");
    const r = spawnSync(process.execPath, ['pipeline/launch.mjs', 'pipeline/print.ts', '--flag', 'x'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('one --flag x\n');
    expect(r.stderr).toMatch(/^note: could not compile pipeline\/ into \.build\/ \(.*\), so this command runs the TypeScript sources instead\n$/);
  });

  it('two builds of the same sources at once end with one complete tree and no temporaries', async () => {
    const dir = toyProject('one');
    // Both in the same millisecond, as a loaded machine made them: their temporaries must differ.
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    let built: [string, string];
    try {
      built = await Promise.all([ensureBuild(dir, MAIN), ensureBuild(dir, MAIN)]);
    } finally {
      now.mockRestore();
    }
    const [a, b] = built;
    expect(a).toBe(b);
    expect(readdirSync(join(dir, BUILD_DIR)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    expect(answerOf(a)).toBe('one');
  });
});

describe('npm run … on a copy of this project', () => {
  let copy: string;
  const node = (args: string[]) => spawnSync(process.execPath, ['pipeline/launch.mjs', ...args], { cwd: copy, encoding: 'utf8' });

  beforeAll(() => {
    copy = tempDir('launch-copy-');
    for (const name of ['package.json', 'tsconfig.json', 'pipeline', 'reports', 'data', 'test/fixtures/raw-small']) {
      cpSync(join(root, name), join(copy, name), { recursive: true, filter: (src) => !src.includes(`${join(root, 'reports', 'site')}`) });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  });

  it('the package scripts start through the launcher, and npm ci compiles ahead (prepare)', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.prepare).toBe('node pipeline/launch.mjs --build');
    expect(scripts.pipeline).toBe('node pipeline/launch.mjs pipeline/cli.ts');
    expect(scripts.fit).toBe('node pipeline/launch.mjs pipeline/fit-cli.ts');
    expect(scripts.refresh).toBe('node pipeline/launch.mjs pipeline/refresh/cli.ts');
    expect(scripts.preview).toBe('node pipeline/launch.mjs pipeline/preview.ts');
    expect(scriptEntries(root)).toEqual(['pipeline/cli.ts', 'pipeline/fit-cli.ts', 'pipeline/preview.ts', 'pipeline/refresh/cli.ts']);
  });

  it('--build compiles the entry of each script into one bundle holding the libraries it imports', async () => {
    expect(node(['--build']).status).toBe(0);
    const { key } = await currentKey(copy);
    for (const entry of scriptEntries(copy)) {
      const file = join(copy, BUILD_DIR, key, entry.replace(/\.ts$/, '').split('/').join('-'), entry.replace(/\.ts$/, '.js'));
      const text = readFileSync(file, 'utf8');
      // What is left to import at start-up: Node's own modules and the bundle's shared chunks, no library, no source file.
      const imported = [...text.matchAll(/^import\b[^;]*?from\s*"([^"]+)"/gm)].map((m) => m[1]);
      expect(imported.length, entry).toBeGreaterThan(0);
      for (const specifier of imported) expect(specifier, entry).toMatch(/^(?:node:[a-z_/]+|(?:\.\.\/)+chunk-[A-Z0-9]+\.js)$/);
    }
  });

  it('after an edit to a .ts file, the next command runs the edit', () => {
    const before = node(['pipeline/fit-cli.ts', '--help']);
    expect(before.status).toBe(0);
    expect(before.stdout).toMatch(/^Usage: npm run fit -- --input <csv>/);
    const file = join(copy, 'pipeline', 'fit-cli.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Usage: npm run fit --', 'Usage (edited): npm run fit --'));
    const after = node(['pipeline/fit-cli.ts', '--help']);
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/^Usage \(edited\): npm run fit --/);
  });

  /** Runs `body` with `rel` ending in a line that does not compile. */
  function withBroken(rel: string, body: (line: number) => void): void {
    const file = join(copy, rel);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}export const broken = ;\n`);
    try {
      body(text.split('\n').length);
    } finally {
      writeFileSync(file, text);
    }
  }

  it('a .ts file the command imports does not compile: located, exit 1, and no earlier build is run', () => {
    withBroken('pipeline/errors.ts', (line) => {
      const r = node(['pipeline/fit-cli.ts', '--help']);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`note: pipeline/ does not compile, so this command runs the TypeScript sources instead:\n  pipeline/errors.ts:${line}:23: Unexpected ";"\n`);
      expect(r.stderr).toMatch(/error: Transform failed with 1 error:\n.*pipeline\/errors\.ts:/);
    });
  });

  it('a .ts file the command does not import does not compile: the command runs compiled, its bundle holds only what it imports', () => {
    withBroken('pipeline/render/toc.ts', () => {
      const r = node(['pipeline/fit-cli.ts', '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Usage(?: \(edited\))?: npm run fit --/);
      expect(r.stderr).toBe('');
      // The pipeline's bundle would hold the file (render's table of contents): it says so and runs the sources.
      const pipeline = node(['pipeline/cli.ts', '--help']);
      expect(pipeline.stderr).toContain('note: pipeline/ does not compile, so this command runs the TypeScript sources instead:\n  pipeline/render/toc.ts:');
    });
  });

  it('the compiled pipeline finds the project from .build/ and writes what the TypeScript sources write', () => {
    const args = ['--raw', 'test/fixtures/raw-small', '--resamples', '20'];
    const compiled = node(['pipeline/cli.ts', ...args, '--out', 'out-compiled']);
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const sources = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', ...args, '--out', 'out-sources'], { cwd: copy, encoding: 'utf8' });
    expect(sources.status).toBe(0);
    // data/raw's hardware and assumptions (found from the root) were read: the records got FLOP.
    const models = readFileSync(join(copy, 'out-compiled', 'processed', 'models.csv'), 'utf8');
    expect(models.split('\n').length).toBeGreaterThan(2);
    for (const folder of ['processed', 'site']) {
      const files = readdirSync(join(copy, 'out-sources', folder), { recursive: true }).map(String).sort();
      expect(readdirSync(join(copy, 'out-compiled', folder), { recursive: true }).map(String).sort()).toEqual(files);
      for (const f of files) {
        const path = join(copy, 'out-sources', folder, f);
        if (statSync(path).isFile()) expect(readFileSync(join(copy, 'out-compiled', folder, f)).equals(readFileSync(path)), `${folder}/${f}`).toBe(true);
      }
    }
  });
});
