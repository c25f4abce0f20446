/**
 * How a stage's artifact is kept in the cache: `<cache>/<stage>.json`, with what is large beside
 * it as files of bytes (`<cache>/<stage>/<sha256>.bin`), so that an artifact of any size is cached
 * and a cached run reads only what it uses.
 *
 * - Numbers: plain JSON turns NaN and ±Infinity into null, so a stage reading a cached artifact
 *   would see other values than one reading the artifact just computed; they are written as
 *   tagged strings and read back as the numbers they were.
 * - Typed arrays (the analyses' columns, an order of records): a file each, read back whole.
 * - A file's content in pieces (`readonly Uint8Array[]`, pipeline/io/csv-writer.ts FileText:
 *   models.csv, audit.csv): one file, read back lazily, a chunk at a time, by whoever iterates it
 *   (publishing, or a page offering it for download); its bytes are checked against their sha256
 *   as they are read. A million-record models.csv (394 MB) is never held to be cached or published.
 *   Pieces made as they are iterated (LazyPieces) are made once: written and hashed in one pass.
 * - A lone Uint8Array (a Buffer): a file, read back whole as a Buffer.
 * - A long array of strings (the analyses' ids and names): a file of its JSON, read back whole.
 *   Left in the artifact's JSON, each of its strings went through the replacer and the reviver
 *   below: at 1e6 records ~3 s of CPU to cache the impute stage's artifact and read it back.
 * - A long string (a page of the site: at 1e5 records the site's pages together are more than a
 *   JavaScript string can hold): a file, read back whole as the same string.
 *
 * The JSON names every file by its sha256, so the JSON's own hash is the content hash of the whole
 * artifact: what the next stage's cache key is made of.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { clearStaleTemporaries, writeFileAtomic } from './atomic.ts';
import { LazyPieces } from './csv-writer.ts';

const NUMBER_TAG = '\u0000number:';
const FILE_TAG = '\u0000file';

type TypedArrayName = 'Float64Array' | 'Float32Array' | 'Int32Array' | 'Uint32Array' | 'Int16Array' | 'Uint16Array' | 'Int8Array' | 'Uint8Array' | 'Buffer';

const TYPED: Record<Exclude<TypedArrayName, 'Buffer'>, { new (buffer: ArrayBuffer, offset: number, length: number): ArrayBufferView; BYTES_PER_ELEMENT: number }> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
};

/** A file of the artifact, as the JSON refers to it. */
interface FileRef {
  [FILE_TAG]: 'pieces' | 'text' | 'strings' | TypedArrayName;
  sha256: string;
  bytes: number;
}

/** Bytes read back a chunk at a time from a cached file, checked against their hash at the end. */
export class CachedFile implements Iterable<Uint8Array> {
  constructor(
    readonly path: string,
    readonly sha256: string,
    readonly bytes: number,
    /**
     * Whether this process wrote the file from the content it hashed, just now (saveArtifactAsRead):
     * it can then be copied whole (a kernel copy) rather than read and checked again.
     */
    readonly written = false,
  ) {}

  *[Symbol.iterator](): Iterator<Uint8Array> {
    const hash = createHash('sha256');
    const fd = openSync(this.path, 'r');
    let total = 0;
    try {
      for (;;) {
        const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
        const n = readSync(fd, chunk, 0, CHUNK_BYTES, null);
        if (n === 0) break;
        total += n;
        const piece = chunk.subarray(0, n);
        hash.update(piece);
        yield piece;
      }
    } finally {
      closeSync(fd);
    }
    if (total !== this.bytes || hash.digest('hex') !== this.sha256) throw new CorruptCacheError(this.path);
  }
}

/** Arrays of strings at least this long are kept as files of their own. */
const LONG_ARRAY = 4096;

/** Strings longer than this (characters) are kept as files of their own. */
const LONG_TEXT = 1 << 16;

/** A chunk of a cached file: large enough that a 400 MB file is a hundred reads, small enough to die young. */
const CHUNK_BYTES = 4 << 20;

export class CorruptCacheError extends Error {
  constructor(readonly path: string) {
    super(`damaged cache file ${path}`);
  }
}

function isPieces(v: unknown): v is readonly Uint8Array[] {
  return Array.isArray(v) && v.length > 0 && v.every((p) => p instanceof Uint8Array);
}

function isLongStringArray(v: unknown): v is readonly string[] {
  return Array.isArray(v) && v.length >= LONG_ARRAY && v.every((s) => typeof s === 'string');
}

function typedName(v: ArrayBufferView): TypedArrayName | null {
  if (Buffer.isBuffer(v)) return 'Buffer';
  for (const name of Object.keys(TYPED) as (keyof typeof TYPED)[]) if (v instanceof TYPED[name]) return name;
  return null;
}

/**
 * Writes `value` as `<dir>/<name>.json` and its files; returns the artifact's content hash. The
 * stage's files of an earlier run that this artifact no longer names are removed.
 */
export function saveArtifact(dir: string, name: string, value: unknown): string {
  return save(dir, name, value).hash;
}

/**
 * Writes `value` as saveArtifact does, and returns with its content hash the artifact as
 * loadArtifact would read it back: the JSON just written parsed again by the same reviver, each
 * file it names given by the content just hashed and written rather than read again (a file of
 * pieces as a CachedFile of the cache, known to hold what it was hashed from; a typed array, a
 * Buffer, an array of strings as the value written, which reading back gives byte for byte: their
 * files are their exact bytes, and JSON gives every string back as it was).
 */
export function saveArtifactAsRead(dir: string, name: string, value: unknown): { hash: string; artifact: unknown } {
  const { hash, json, written } = save(dir, name, value);
  // The reviver meets the files in the order the replacer wrote them: each reference gets its own value.
  return { hash, artifact: parseArtifact(json, join(dir, name), (ref) => written.get(`${ref[FILE_TAG]}:${ref.sha256}`)?.shift()) };
}

function save(dir: string, name: string, value: unknown): { hash: string; json: string; written: Map<string, unknown[]> } {
  const filesDir = join(dir, name);
  // Per file written, by kind and hash: the values loadArtifact would read back from it, one per
  // reference to it in the JSON (two equal columns are two arrays, as read back).
  const written = new Map<string, unknown[]>();
  // The files this call wrote (a file already there under its hash was not rewritten).
  const wrote = new Set<string>();
  mkdirSync(filesDir, { recursive: true });
  const kept = new Set<string>();
  const writeFile = (kind: FileRef[typeof FILE_TAG], pieces: Iterable<Uint8Array>): FileRef => {
    const hash = createHash('sha256');
    let bytes = 0;
    for (const p of pieces) {
      hash.update(p);
      bytes += p.byteLength;
    }
    const sha256 = hash.digest('hex');
    const path = join(filesDir, `${sha256}.bin`);
    if (!kept.has(sha256) && !sameSize(path, bytes)) {
      writePieces(path, pieces);
      wrote.add(sha256);
    }
    kept.add(sha256);
    return { [FILE_TAG]: kind, sha256, bytes };
  };
  // Written to a temporary while hashed, then named by the hash.
  const writeOnce = (pieces: LazyPieces): FileRef => {
    const tmp = join(filesDir, `.tmp-pieces-${process.pid}`);
    const hash = createHash('sha256');
    let bytes = 0;
    writeAll(tmp, pieces, (p) => {
      hash.update(p);
      bytes += p.byteLength;
    });
    const sha256 = hash.digest('hex');
    const path = join(filesDir, `${sha256}.bin`);
    if (kept.has(sha256) || sameSize(path, bytes)) rmSync(tmp, { force: true });
    else {
      renameSync(tmp, path);
      wrote.add(sha256);
    }
    kept.add(sha256);
    return { [FILE_TAG]: 'pieces', sha256, bytes };
  };
  const as = (ref: FileRef, readBack: unknown): FileRef => {
    const key = `${ref[FILE_TAG]}:${ref.sha256}`;
    const values = written.get(key);
    if (values) values.push(readBack);
    else written.set(key, [readBack]);
    return ref;
  };
  const pieces = (ref: FileRef): FileRef => as(ref, new CachedFile(join(filesDir, `${ref.sha256}.bin`), ref.sha256, ref.bytes, wrote.has(ref.sha256)));
  const json = stringifyKeepingBuffers(value, function (this: Record<string, unknown>, key, v: unknown) {
    const original = this[key];
    if (isPieces(original)) return pieces(writeFile('pieces', original));
    if (original instanceof CachedFile) return pieces(writeFile('pieces', original));
    if (original instanceof LazyPieces) return pieces(writeOnce(original));
    if (isLongStringArray(original)) return as(writeFile('strings', [Buffer.from(JSON.stringify(original), 'utf8')]), original);
    if (ArrayBuffer.isView(original)) {
      const kind = typedName(original);
      if (kind !== null) return as(writeFile(kind, [new Uint8Array(original.buffer, original.byteOffset, original.byteLength)]), original);
    }
    // A long text is read back (its UTF-8 file turns a lone surrogate into U+FFFD).
    if (typeof original === 'string' && original.length > LONG_TEXT) return writeFile('text', [Buffer.from(original, 'utf8')]);
    return typeof v === 'number' && !Number.isFinite(v) ? `${NUMBER_TAG}${v}` : v;
  });
  writeFileAtomic(join(dir, `${name}.json`), json);
  for (const f of readdirSync(filesDir)) if (f.endsWith('.bin') && !kept.has(f.slice(0, -4))) rmSync(join(filesDir, f), { force: true });
  clearStaleTemporaries(filesDir);
  return { hash: sha256Of(json), json, written };
}

/**
 * JSON.stringify with `replacer`, a Buffer reaching the replacer as itself: JSON.stringify calls a
 * value's toJSON before the replacer, and a Buffer's makes an array of a number per byte, which
 * the replacer then throws away for a file of the bytes. For the site's files (the vega bundles,
 * fonts, the records' pages) that array cost 1.8 s of the render stage's 20 s at 1e5 records, and
 * as much again in collections (bench/scale.bench.ts). JSON.stringify runs to its end before any
 * other code does, so nothing else sees Buffers without their toJSON meanwhile.
 */
function stringifyKeepingBuffers(value: unknown, replacer: (this: Record<string, unknown>, key: string, v: unknown) => unknown): string {
  const proto = Buffer.prototype as { toJSON: unknown };
  const toJSON = proto.toJSON;
  proto.toJSON = undefined;
  try {
    return JSON.stringify(value, replacer);
  } finally {
    proto.toJSON = toJSON;
  }
}

/** The artifact saved as `<dir>/<name>.json`, or undefined when there is none. */
export function loadArtifact(dir: string, name: string): unknown {
  const path = join(dir, `${name}.json`);
  if (!existsSync(path)) return undefined;
  return parseArtifact(readFileSync(path, 'utf8'), join(dir, name), () => undefined);
}

/** An artifact's JSON read back; a file it names is `known(ref)` when that is defined, else read from `filesDir`. */
function parseArtifact(json: string, filesDir: string, known: (ref: FileRef) => unknown): unknown {
  return JSON.parse(json, (_key, v: unknown) => {
    if (typeof v === 'string') return v.startsWith(NUMBER_TAG) ? Number(v.slice(NUMBER_TAG.length)) : v;
    if (!isFileRef(v)) return v;
    const given = known(v);
    if (given !== undefined) return given;
    const file = join(filesDir, `${v.sha256}.bin`);
    if (!sameSize(file, v.bytes)) throw new CorruptCacheError(file);
    const kind = v[FILE_TAG];
    if (kind === 'pieces') return new CachedFile(file, v.sha256, v.bytes);
    if (kind === 'text') return readFileSync(file, 'utf8');
    if (kind === 'strings') return JSON.parse(readFileSync(file, 'utf8')) as string[];
    const bytes = readFileSync(file);
    if (kind === 'Buffer') return bytes;
    const Typed = TYPED[kind];
    // A buffer of its own (aligned for the element size, not part of Node's pool): the one read into
    // when it is already that (a large file), else a copy.
    let own = bytes.buffer;
    if (bytes.byteOffset !== 0 || own.byteLength !== bytes.byteLength) {
      own = new ArrayBuffer(bytes.byteLength);
      new Uint8Array(own).set(bytes);
    }
    return new Typed(own, 0, bytes.byteLength / Typed.BYTES_PER_ELEMENT);
  });
}

/**
 * Whether the artifact saved as `<dir>/<name>.json` is intact: a regular file whose content hash is
 * `hash` (what saveArtifact returned), and every file it names present at its recorded size. A
 * truncated or edited artifact is then rebuilt by its stage instead of read (a file's bytes are
 * checked against their sha256 again as they are read: CachedFile).
 */
export function artifactIntact(dir: string, name: string, hash: string): boolean {
  const path = join(dir, `${name}.json`);
  try {
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return false;
    const json = readFileSync(path, 'utf8');
    if (sha256Of(json) !== hash) return false;
    let whole = true;
    JSON.parse(json, (_key, v: unknown) => {
      if (isFileRef(v) && !sameSize(join(dir, name, `${v.sha256}.bin`), v.bytes)) whole = false;
      return v;
    });
    return whole;
  } catch {
    return false;
  }
}

function isFileRef(v: unknown): v is FileRef {
  return typeof v === 'object' && v !== null && FILE_TAG in v;
}

function sameSize(path: string, bytes: number): boolean {
  const st = statSync(path, { throwIfNoEntry: false });
  return st !== undefined && st.isFile() && st.size === bytes;
}

/** Pieces written to a temporary beside `path`, then renamed into place (pipeline/io/atomic.ts's naming). */
function writePieces(path: string, pieces: Iterable<Uint8Array>): void {
  const tmp = join(dirname(path), `.tmp-${basename(path)}-${process.pid}`);
  writeAll(tmp, pieces);
  renameSync(tmp, path);
}

/** Pieces written to `path`, each shown to `each` first. */
function writeAll(path: string, pieces: Iterable<Uint8Array>, each?: (piece: Uint8Array) => void): void {
  const fd = openSync(path, 'w');
  try {
    for (const p of pieces) {
      each?.(p);
      for (let at = 0; at < p.byteLength; ) at += writeSync(fd, p, at, p.byteLength - at);
    }
  } finally {
    closeSync(fd);
  }
}

function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
