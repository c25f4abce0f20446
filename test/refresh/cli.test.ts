import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { memoryIo } from '../helpers/cli-io.ts';
import { PipelineError } from '../../pipeline/errors.ts';
import { messages } from '../../pipeline/messages.ts';
import { HELP, main, runCli } from '../../pipeline/refresh/cli.ts';
import { fetchExport } from '../../pipeline/refresh/download.ts';
import { fixture, root, stateOf, tempRaw } from './helpers.ts';

describe('the refresh CLI', () => {
  const tmp = tempRaw();
  afterAll(() => tmp.cleanup());
  const io = memoryIo({ COMPUTE_TRENDS_TODAY: '2026-01-01' });
  const lines = io.stdout;
  const raw = ['--raw', tmp.raw];

  it('prints its usage', async () => {
    expect(await main(['--help'], io)).toBe(0);
    expect(lines.join('\n')).toBe(HELP);
    lines.length = 0;
    expect(HELP).toMatch(/^Usage: npm run refresh -- --from <path-or-url> \[options\]/);
  });

  it('exits 2 on a usage error, 1 on a failed import', async () => {
    const errors = memoryIo();
    expect(await runCli([...raw], errors)).toBe(2);
    expect(await runCli(['--from', 'x.csv', '--diff', ...raw], errors)).toBe(2);
    expect(await runCli(['--bogus'], errors)).toBe(2);
    expect(await runCli(['--from', fixture('semicolon.csv'), ...raw], errors)).toBe(1);
    expect(await runCli(['--diff', ...raw], errors)).toBe(1);
    expect(errors.stderr.join('\n')).toContain(messages.diffNeedsTwo('epoch-notable', 0));
  });

  it('imports into --raw with the changelog beside the snapshots, then diffs', async () => {
    expect(await main(['--from', fixture('epoch-2024-10.csv'), '--date', '2024-10-01', ...raw], io)).toBe(0);
    expect(await main(['--from', fixture('epoch-2024-12.csv'), '--date', '2024-12-01', ...raw], io)).toBe(0);
    expect(existsSync(join(tmp.raw, 'CHANGELOG.md'))).toBe(true);
    expect(lines.join('\n')).toContain('Changed systems (3):');
    lines.length = 0;
    const before = stateOf(tmp.raw);
    expect(await main(['--diff', ...raw], io)).toBe(0);
    expect(lines.join('\n')).toContain('- **Added** (2): Fixture Net 31 (2024), Fixture Net 32 (2024)');
    expect(stateOf(tmp.raw)).toBe(before);
    expect(readFileSync(join(tmp.raw, 'CHANGELOG.md'), 'utf8')).toContain(lines[0].split('\n\n')[0]);
  });

  it('exits non-zero as a process, with the problems on stderr', () => {
    const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['pipeline/refresh/cli.ts', '--from', fixture('missing-columns.csv'), ...raw], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('required column "Training compute (FLOP)" or "Training compute (FLOPs)" is missing from the header');
  });
});

describe('fetchExport', () => {
  it('rejects a body shorter than its Content-Length even if the client does not', async () => {
    const fake = vi.fn(async () => new Response('Model,Publication date\n', { headers: { 'content-length': '999' } }));
    vi.stubGlobal('fetch', fake);
    try {
      const err = (await fetchExport('https://example.org/x.csv').catch((e: unknown) => e)) as PipelineError;
      expect(err).toBeInstanceOf(PipelineError);
      expect(err.problems[0].message).toBe(messages.downloadTruncated(23, 999));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
