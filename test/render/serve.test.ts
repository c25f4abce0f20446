/** The preview server serves the site's files and nothing outside it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer, listen, resolveRequest } from '../../pipeline/render/serve.ts';
import { root } from './fixture.ts';

let dir: string;
let server: Server;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-serve-'));
  mkdirSync(join(dir, 'site', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dir, 'site', 'assets', 'site.js'), '1;');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  server = createSiteServer(join(dir, 'site'));
  url = await listen(server, 0);
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

describe('the site server', () => {
  it('serves index.html for / and files with their content type', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const js = await fetch(`${url}assets/site.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('1;');
  });

  it('answers 404 for missing files and anything outside the site folder', async () => {
    expect((await fetch(`${url}nope.html`)).status).toBe(404);
    expect((await fetch(`${url}%2e%2e/secret.txt`)).status).toBe(404);
    expect(resolveRequest(join(dir, 'site'), '/../secret.txt')).toBeNull();
    expect(resolveRequest(join(dir, 'site'), '/..%2fsecret.txt')).toBeNull();
    expect(resolveRequest(join(dir, 'site'), '/%E0%A4%A')).toBeNull();
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });
});

describe('npm run preview', () => {
  it('serves the site on the given port and prints its URL', async () => {
    const { spawn } = await import('node:child_process');
    const probe = createSiteServer(dir);
    const port = Number(new URL(await listen(probe, 0)).port);
    await new Promise<void>((done) => probe.close(() => done()));
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'pipeline', 'preview.ts'), '--port', String(port), '--dir', join(dir, 'site')], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.on('exit', (code) => reject(new Error(`preview exited with ${code}`)));
      });
      expect(line).toContain(`http://127.0.0.1:${port}/`);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    } finally {
      child.kill();
    }
  });
});
