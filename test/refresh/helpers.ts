/** Shared by the refresh tests: a local HTTP server of fixture exports, temp raw folders, state hashes. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvBytes } from '../../pipeline/io/csv-reader.ts';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const fixtures = join(root, 'test', 'fixtures', 'refresh');
export const fixture = (name: string) => join(fixtures, name);

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Serves `routes` on 127.0.0.1 at an ephemeral port. */
export async function serve(routes: Record<string, Handler>): Promise<TestServer> {
  const server = createServer((req, res) => {
    const handler = routes[req.url ?? ''];
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Sends a file with its Content-Length and a content type. */
export function sendFile(file: string, type = 'text/csv; charset=utf-8', status = 200): Handler {
  return (_req, res) => {
    const body = readFileSync(file);
    res.writeHead(status, { 'content-type': type, 'content-length': body.length });
    res.end(body);
  };
}

/** Announces the whole file, sends half of it, and drops the connection. */
export function dropHalfway(file: string): Handler {
  return (_req, res) => {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': body.length });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
  };
}

export function tempRaw(): { dir: string; raw: string; changelog: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'compute-trends-refresh-'));
  const raw = join(dir, 'raw');
  mkdirSync(raw);
  return { dir, raw, changelog: join(dir, 'CHANGELOG.md'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every path below `dir` (folders included, temporaries too) with the hash of each file's bytes. */
export function stateOf(...paths: string[]): string {
  const h = createHash('sha256');
  const walk = (base: string, p: string) => {
    if (!existsSync(p)) return void h.update(`missing ${relative(base, p)}\n`);
    if (statSync(p).isDirectory()) {
      h.update(`dir ${relative(base, p)}\n`);
      for (const name of readdirSync(p).sort()) walk(base, join(p, name));
    } else h.update(`file ${relative(base, p)} `).update(readFileSync(p)).update('\n');
  };
  for (const p of paths) walk(p, p);
  return h.digest('hex');
}

/**
 * Stores `file` as the snapshot `<raw>/snapshots/<source>/<date>.csv` with the metadata
 * `npm run refresh` would write for it (sha256, bytes, rows), as ingest requires.
 */
export function storeSnapshot(raw: string, date: string, file: string, source = 'epoch-notable', meta: Record<string, unknown> = {}): string {
  const dir = join(raw, 'snapshots', source);
  mkdirSync(dir, { recursive: true });
  const bytes = readFileSync(file);
  const path = join(dir, `${date}.csv`);
  writeFileSync(path, bytes);
  const rows = parseCsvBytes(bytes, path).rows.length;
  const record = {
    source,
    snapshot_date: date,
    retrieved_from: file,
    retrieved_at: '2026-01-02T03:04:05.000Z',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    rows,
    license: 'CC-BY-4.0',
    citation: 'fixture',
    ...meta,
  };
  writeFileSync(join(dir, `${date}.meta.json`), `${JSON.stringify(record, null, 2)}\n`);
  return path;
}
