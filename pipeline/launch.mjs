// @ts-check
/**
 * How `npm run pipeline | fit | refresh | preview` start: `node pipeline/launch.mjs <entry.ts> [args]`
 * runs the entry compiled to JavaScript, in this same Node process: no TypeScript loader and no
 * second process at start-up (tsx's command starts one), which was most of a short command's time.
 *
 * It never runs code older than the sources. Each entry is compiled into one bundle (its modules
 * and the libraries they import, what it loads on demand in chunks beside it) in
 * .build/<key>/<entry>/, where <key> hashes the bytes of what the build reads: every
 * pipeline/**.ts file (path and content), tsconfig.json, this file, esbuild's package.json and
 * package-lock.json (the libraries' versions). A key with no bundle of the entry yet is compiled
 * first (esbuild, about a second) from exactly the bytes it hashed, into a temporary folder renamed
 * into place, so a bundle always holds the code its name says and two commands started together
 * never run a half-written one. After a .ts edit the next command therefore compiles and runs the
 * edit. `npm ci` compiles the entries of the package's scripts ahead of time through the `prepare`
 * script (`node pipeline/launch.mjs --build`). When what the entry imports does not compile (a
 * file mid-edit) or nothing can be written, the command says why and runs the sources through
 * tsx's loader instead, in the same process.
 *
 * Reading and hashing every source costs ~15 ms at each start (loading node:crypto is most of it),
 * so .build/stamp.json remembers the key of the last sources seen, with each input's path, size,
 * inode, mtime and ctime, as git's index does: when none of these changed, neither did a byte, and
 * the key is reused without reading a file (~3 ms). ctime cannot be set back by the tools that
 * restore mtimes (cp -p, tar, rsync -t). A file changed less than RACY_MS before the stamp would be
 * written could still change within the same timestamp, so then no stamp is written ("racy git").
 *
 * Plain JavaScript (type-checked through JSDoc) because it runs before any TypeScript can. Its few
 * messages are about building, not about the data, so they stay here rather than in messages.ts,
 * which cannot be loaded before the build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);
const defaultRoot = dirname(dirname(here));

/** Folder of compiled trees, relative to the project root (gitignored). */
export const BUILD_DIR = '.build';
/** Compiled trees kept besides the current one: a long run may still import from an older one. */
const KEEP_BUILDS = 4;
/** A temporary left by a killed build is removed when older than this. */
const STALE_TEMP_MS = 10 * 60 * 1000;
/** More than the coarsest file-timestamp step in use (FAT: 2 s); see "racy" above. */
const RACY_MS = 3000;

/** Builds this process has started (for their temporary folders' names). */
let buildsStarted = 0;

/** Sources that esbuild refused; the message lists each problem as file:line:column: text. */
export class SourceError extends Error {}

/**
 * Every .ts file under pipeline/, as project-relative paths with forward slashes, sorted.
 * @param {string} root
 * @returns {string[]}
 */
export function sourceFiles(root) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} rel */
  const walk = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.startsWith('.tmp-')) out.push(child);
    }
  };
  walk('pipeline');
  return out.sort();
}

/**
 * What the compiled output depends on besides the sources, as [name, absolute path].
 * @param {string} root
 * @returns {[string, string][]}
 */
function configFiles(root) {
  return [
    ['launcher', here],
    ['tsconfig.json', join(root, 'tsconfig.json')],
    ['esbuild', join(root, 'node_modules', 'esbuild', 'package.json')],
    // The bundles hold the libraries too: a change of any installed version is a new build.
    ['package-lock.json', join(root, 'package-lock.json')],
  ];
}

/**
 * The bytes of every input, by name (a project-relative path for sources).
 * @param {string} root
 * @param {string[]} files from sourceFiles(root)
 * @returns {Map<string, Buffer | null>}
 */
function readInputs(root, files) {
  /** @type {Map<string, Buffer | null>} */
  const bytes = new Map();
  for (const [name, path] of configFiles(root)) bytes.set(name, existsSync(path) ? readFileSync(path) : null);
  for (const f of files) bytes.set(f, readFileSync(join(root, f)));
  return bytes;
}

/**
 * The key of a compiled tree: a hash of its inputs' names and bytes.
 * @param {Map<string, Buffer | null>} inputs from readInputs
 * @returns {Promise<string>}
 */
async function keyOf(inputs) {
  const { createHash } = await import('node:crypto');
  const h = createHash('sha256');
  for (const [name, bytes] of inputs) h.update(name).update('\0').update(bytes ?? 'missing').update('\0');
  return h.digest('hex').slice(0, 20);
}

/**
 * The identity of every input without reading it (path, size, inode, mtime, ctime), and the newest
 * of those times.
 * @param {string} root
 * @param {string[]} files
 * @returns {{ signature: string, newestMs: number }}
 */
export function statSignature(root, files) {
  let newestMs = 0;
  /** @type {string[]} */
  const lines = [];
  /** @type {[string, string][]} */
  const all = [...configFiles(root), ...files.map((f) => /** @type {[string, string]} */ ([f, join(root, f)]))];
  for (const [name, path] of all) {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) {
      lines.push(`${name} missing`);
      continue;
    }
    newestMs = Math.max(newestMs, st.mtimeMs, st.ctimeMs);
    lines.push(`${name} ${st.size} ${st.ino} ${st.mtimeMs} ${st.ctimeMs}`);
  }
  return { signature: lines.join('\n'), newestMs };
}

/**
 * The build key of the sources as they are now: from .build/stamp.json when no input's identity
 * changed since it was written, else from their bytes (and the stamp is renewed).
 * @param {string} root
 * @param {number} [now] the clock, for tests of the racy case
 * @returns {Promise<{ files: string[], key: string }>}
 */
export async function currentKey(root, now = Date.now()) {
  const files = sourceFiles(root);
  // Identities before bytes: a file changed in between fails the next comparison.
  const { signature, newestMs } = statSignature(root, files);
  const stampPath = join(root, BUILD_DIR, 'stamp.json');
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (stamp.signature === signature && typeof stamp.key === 'string') return { files, key: stamp.key };
  } catch {
    // no stamp yet, or an unreadable one: hash the bytes
  }
  const key = await keyOf(readInputs(root, files));
  if (newestMs < now - RACY_MS) {
    try {
      mkdirSync(join(root, BUILD_DIR), { recursive: true });
      const temp = join(root, BUILD_DIR, `.tmp-stamp-${process.pid}`);
      writeFileSync(temp, JSON.stringify({ key, signature }));
      renameSync(temp, stampPath);
    } catch {
      // a read-only checkout: every start hashes the bytes
    }
  }
  return { files, key };
}

/**
 * The folder, inside a compiled tree, of one entry's bundle: `pipeline/refresh/cli.ts` → `pipeline-refresh-cli`.
 * @param {string} entry project-relative, with forward slashes
 */
const entryFolder = (entry) => entry.replace(/\.ts$/, '').split('/').join('-');

/**
 * Compiles `entry` as the sources are now into <root>/.build/<key>/<entry folder>/ and returns
 * that folder: the entry as one file at its own path (e.g. pipeline/cli.js), with every module it
 * imports, the libraries included, bundled into it, and what it imports only when needed
 * (`await import(...)`: the site builder and vega) in chunk files beside it. One file instead of
 * the ~390 modules a run loaded one by one (arquero alone 166, zod 95) is most of a short command's
 * start-up (ARCHITECTURE.md, "How commands start"). CommonJS libraries inside an ES-module bundle find
 * `require` through the banner. A source map per file, so a stack trace names the .ts line.
 * @param {string} root
 * @param {string[]} files
 * @param {string} entry project-relative, with forward slashes
 * @returns {Promise<string>}
 */
async function compile(root, files, entry) {
  // The tree is named by the bytes it is compiled from, even if a file changed since the key.
  const inputs = readInputs(root, files);
  const key = await keyOf(inputs);
  const buildRoot = join(root, BUILD_DIR);
  const target = join(buildRoot, key, entryFolder(entry));
  if (existsSync(target)) return target;
  const esbuild = await import('esbuild');
  // Compiled at the depth of its final place, so the source maps' relative paths hold after the rename.
  // Named by process and by build within it: two builds one process starts in the same millisecond
  // (as a test does) once shared a folder, and the first to finish removed it under the second.
  const tempRoot = join(buildRoot, `.tmp-${process.pid}-${Date.now()}-${++buildsStarted}`);
  const temp = join(tempRoot, entryFolder(entry));
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: [entry],
      outdir: temp,
      outbase: '.',
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      banner: { js: "import { createRequire as __launchCreateRequire } from 'node:module'; const require = __launchCreateRequire(import.meta.url);" },
      // As tsx runs the sources: function and class names kept; source maps for stack traces.
      keepNames: true,
      sourcemap: 'linked',
      sourcesContent: false,
      charset: 'utf8',
      tsconfigRaw: inputs.get('tsconfig.json')?.toString('utf8') ?? '{}',
      logLevel: 'silent',
      plugins: [
        {
          // The sources compiled are exactly the bytes the key hashed.
          name: 'hashed-bytes',
          setup(build) {
            build.onLoad({ filter: /\.ts$/ }, (args) => {
              const bytes = inputs.get(relative(root, args.path).split(sep).join('/'));
              return bytes ? { contents: bytes, loader: 'ts' } : undefined;
            });
          },
        },
      ],
    });
  } catch (err) {
    rmSync(tempRoot, { recursive: true, force: true });
    const errors = /** @type {{ errors?: import('esbuild').Message[] }} */ (err).errors;
    if (errors?.length) {
      // Located as the pipeline locates problems: file:line:column (1-based), then the message.
      throw new SourceError(errors.map(({ location: at, text }) => `${at ? `${at.file}:${at.line}:${at.column + 1}: ` : ''}${text}`).join('\n'));
    }
    throw err;
  }
  try {
    mkdirSync(join(buildRoot, key), { recursive: true });
    renameSync(temp, target);
  } catch (err) {
    // Another command compiled the same bytes first: the bundles are the same, keep its.
    if (!existsSync(target)) throw err;
  } finally {
    rmSync(tempRoot, { recursive: true, force: true });
  }
  pruneBuilds(buildRoot, key);
  return target;
}

/**
 * The compiled bundle of `entry` as the sources are now, compiled first if there is none: the
 * folder holding it at its own path (e.g. <folder>/pipeline/cli.js).
 * @param {string} root
 * @param {string} entry project-relative, e.g. pipeline/cli.ts
 * @returns {Promise<string>}
 */
export async function ensureBuild(root, entry) {
  const { files, key } = await currentKey(root);
  const target = join(root, BUILD_DIR, key, entryFolder(entry));
  return existsSync(target) ? target : compile(root, files, entry);
}

/**
 * The entries the package's scripts launch (`node pipeline/launch.mjs <entry>`), compiled at install.
 * @param {string} root
 * @returns {string[]}
 */
export function scriptEntries(root) {
  const { scripts = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const entries = Object.values(scripts).flatMap((s) => [...String(s).matchAll(/launch\.mjs\s+(pipeline\/\S+\.ts)/g)].map((m) => m[1]));
  return [...new Set(entries)].sort();
}

/**
 * Removes all but the newest KEEP_BUILDS trees besides the current one, and old temporaries.
 * @param {string} buildRoot
 * @param {string} current
 */
function pruneBuilds(buildRoot, current) {
  const now = Date.now();
  const trees = [];
  for (const entry of readdirSync(buildRoot, { withFileTypes: true })) {
    const path = join(buildRoot, entry.name);
    const mtime = statSync(path).mtimeMs;
    if (entry.name.startsWith('.tmp-')) {
      if (now - mtime > STALE_TEMP_MS) rmSync(path, { recursive: true, force: true });
    } else if (entry.isDirectory() && entry.name !== current) trees.push({ path, mtime });
  }
  trees.sort((a, b) => b.mtime - a.mtime);
  for (const { path } of trees.slice(KEEP_BUILDS)) rmSync(path, { recursive: true, force: true });
}

/**
 * Stack traces of the compiled commands name the .ts file, line and column, through the bundles'
 * source maps, each read the first time a stack passes through its bundle. Node's own support
 * (`--enable-source-maps`) parses the map of every bundle and chunk as it loads: ~6 ms of
 * `npm run fit`, more of a pipeline run, for stacks that are printed only with --debug or when
 * a command breaks. V8 calls Error.prepareStackTrace only when a stack is read.
 * @param {string} buildRoot absolute path of .build/
 */
export function mapStacks(buildRoot) {
  const prefix = pathToFileURL(buildRoot).href + '/';
  /** @type {Map<string, import('node:module').SourceMap | null>} */
  const maps = new Map();
  /** @param {string} url a bundle's file URL */
  const mapOf = (url) => {
    let map = maps.get(url);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(fileURLToPath(url) + '.map', 'utf8')));
      } catch {
        map = null; // no map, or an unreadable one: the frame keeps the bundle's place
      }
      maps.set(url, map);
    }
    return map;
  };
  /** @param {NodeJS.CallSite} frame */
  const mapped = (frame) => {
    const text = frame.toString();
    const url = frame.getFileName();
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    if (!url?.startsWith(prefix) || line === null || column === null) return text;
    const entry = /** @type {{ originalSource?: string, originalLine?: number, originalColumn?: number }} */ (mapOf(url)?.findEntry(line - 1, column - 1) ?? {});
    if (entry.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return text;
    const source = new URL(entry.originalSource, url).href;
    return text.replace(`${url}:${line}:${column}`, `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`);
  };
  Error.prepareStackTrace = (err, frames) => {
    let head;
    try {
      head = String(err);
    } catch {
      head = Object.prototype.toString.call(err);
    }
    return head + frames.map((frame) => `\n    at ${mapped(frame)}`).join('');
  };
}

/**
 * Runs a pipeline/ entry (e.g. pipeline/fit-cli.ts) compiled, with `args` as its arguments; it
 * sees process.argv[1] as its own file, as when run directly with node.
 * @param {string} root
 * @param {string} entry
 * @param {string[]} args
 */
export async function launch(root, entry, args) {
  const source = resolve(root, entry);
  const rel = relative(root, source).split(sep).join('/');
  if (!rel.startsWith('pipeline/') || !rel.endsWith('.ts') || !existsSync(source)) {
    throw new Error(`launch: not a TypeScript file in pipeline/: ${entry}`);
  }
  let file;
  try {
    file = join(await ensureBuild(root, rel), rel.replace(/\.ts$/, '.js'));
    mapStacks(join(root, BUILD_DIR));
  } catch (err) {
    // Run the sources through tsx's loader instead, in this process: slower to start, never
    // stale. A file that does not compile then stops the command only if the command imports it
    // (as under tsx before), and nothing can be compiled in a read-only checkout.
    process.stderr.write(noBuildNote(err, 'this command runs the TypeScript sources instead'));
    const { register } = await import('tsx/esm/api');
    register();
    process.setSourceMapsEnabled(true);
    file = source;
  }
  process.argv.splice(1, process.argv.length - 1, file, ...args);
  await import(pathToFileURL(file).href);
}

/**
 * The note printed when there is no compiled tree: why, and what happens instead.
 * @param {unknown} err what ensureBuild threw
 * @param {string} instead
 */
function noBuildNote(err, instead) {
  if (err instanceof SourceError) return `note: pipeline/ does not compile, so ${instead}:\n  ${err.message.split('\n').join('\n  ')}\n`;
  return `note: could not compile pipeline/ into ${BUILD_DIR}/ (${String(/** @type {Error} */ (err)?.message ?? err).split('\n')[0]}), so ${instead}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === here) {
  const [first, ...rest] = process.argv.slice(2);
  if (first === '--build') {
    // At install (prepare): a build that fails must not fail the install; each command compiles
    // again, or runs the sources, and says why.
    (async () => {
      for (const entry of scriptEntries(defaultRoot)) await ensureBuild(defaultRoot, entry);
    })().catch((err) => process.stderr.write(noBuildNote(err, 'the commands will run the TypeScript sources until it does')));
  } else if (!first) {
    process.stderr.write('usage: node pipeline/launch.mjs <pipeline/entry.ts> [args] | --build\n');
    process.exitCode = 2;
  } else {
    launch(defaultRoot, first, rest).catch((/** @type {Error} */ err) => {
      // tsx's report of a file that does not compile: the message locates it; its stack is tsx's own.
      process.stderr.write(`${err?.name === 'TransformError' ? `error: ${err.message}` : (err?.stack ?? String(err))}\n`);
      process.exitCode = 1;
    });
  }
}
