import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { listSnapshots } from '../../pipeline/ingest/snapshots.ts';
import { sha256 } from '../../pipeline/io/hash.ts';
import { messages } from '../../pipeline/messages.ts';
import { refresh, type RefreshOptions } from '../../pipeline/refresh/refresh.ts';
import { dropHalfway, fixture, root, sendFile, serve, stateOf, tempRaw, type TestServer } from './helpers.ts';

const GOOD_OCT = fixture('epoch-2024-10.csv');
const GOOD_DEC = fixture('epoch-2024-12.csv');

describe('npm run refresh: imports, and failures that change nothing', () => {
  const tmp = tempRaw();
  let server: TestServer;
  const options = (from: string, date: string, extra: Partial<RefreshOptions> = {}): RefreshOptions => ({
    from,
    source: 'epoch-notable',
    rawDir: tmp.raw,
    defaultsDir: join(root, 'data', 'raw'),
    changelogPath: tmp.changelog,
    date,
    today: '2026-01-01',
    now: () => new Date('2026-01-02T03:04:05Z'),
    timeoutMs: 120_000,
    ...extra,
  });
  const state = () => stateOf(tmp.raw, tmp.changelog);

  beforeAll(async () => {
    server = await serve({
      '/good.csv': sendFile(GOOD_DEC),
      '/drop.csv': dropHalfway(GOOD_DEC),
      '/error-200': sendFile(fixture('error-page.html'), 'text/html; charset=utf-8'),
      '/html-as-csv': sendFile(fixture('error-page.html'), 'text/csv'),
      '/error-500': (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error'),
      '/semicolon.csv': sendFile(fixture('semicolon.csv')),
      '/missing-columns.csv': sendFile(fixture('missing-columns.csv')),
      '/hang': () => undefined,
    });
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('imports a first snapshot from a local path, with metadata and a changelog entry', async () => {
    const result = await refresh(options(GOOD_OCT, '2024-10-01'));
    expect(result.status).toBe('imported');
    const csv = join(tmp.raw, 'snapshots', 'epoch-notable', '2024-10-01.csv');
    expect(readFileSync(csv)).toEqual(readFileSync(GOOD_OCT));
    const meta = JSON.parse(readFileSync(csv.replace(/\.csv$/, '.meta.json'), 'utf8'));
    expect(meta).toEqual({
      source: 'epoch-notable',
      snapshot_date: '2024-10-01',
      retrieved_from: GOOD_OCT,
      retrieved_at: '2026-01-02T03:04:05.000Z',
      sha256: sha256(readFileSync(GOOD_OCT)),
      bytes: readFileSync(GOOD_OCT).length,
      rows: 30,
      license: 'CC-BY-4.0',
      citation: 'Epoch AI, Data on Notable AI Models (2024) https://epoch.ai/data/notable-ai-models',
    });
    const changelog = readFileSync(tmp.changelog, 'utf8');
    expect(changelog).toMatch(/^# Data changelog\n/);
    expect(changelog).toContain('## 2024-10-01 — epoch-notable\n\nFirst snapshot of epoch-notable: `snapshots/epoch-notable/2024-10-01.csv`, 30 rows, 30 systems');
  });

  const failures: [string, string, RegExp][] = [
    ['a connection dropped halfway through the body', '/drop.csv', /connection was closed before the whole file arrived/],
    ['an HTML error page served with status 200', '/error-200', /HTML page/],
    ['an HTML page served as text/csv', '/html-as-csv', /HTML page/],
    ['status 500', '/error-500', /HTTP 500 Internal Server Error/],
    ['a semicolon-delimited file', '/semicolon.csv', /separated by semicolons/],
    ['a file missing required columns', '/missing-columns.csv', /required column "Training compute \(FLOP\)" or "Training compute \(FLOPs\)" is missing/],
    ['a server that never answers', '/hang', /did not finish within 0.5 s/],
    ['a missing page (404)', '/nowhere.csv', /HTTP 404/],
  ];
  it.each(failures)('rejects %s and leaves snapshots and changelog byte-identical', async (_label, path, problem) => {
    const before = state();
    // Only the server that never answers needs a short time-out (it is what that case tests); the
    // others get a long one, so that a loaded machine cannot turn their failure into a time-out.
    const timeoutMs = path === '/hang' ? 500 : 120_000;
    const err = await refresh(options(server.url(path), '2024-12-01', { timeoutMs })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PipelineError);
    const e = err as PipelineError;
    expect(e.message).toBe(messages.refreshFailed(server.url(path)));
    expect(e.exitCode).not.toBe(0);
    expect(e.problems.map((p) => p.message).join('\n')).toMatch(problem);
    expect(e.problems.every((p) => p.file === server.url(path))).toBe(true);
    expect(state()).toBe(before);
  });

  it('rejects a missing local file and an unreadable CSV with located problems, changing nothing', async () => {
    const before = state();
    await expect(refresh(options(join(tmp.dir, 'nope.csv'), '2024-12-01'))).rejects.toThrow(PipelineError);
    const err = (await refresh(options(fixture('broken-quote.csv'), '2024-12-01')).catch((e: unknown) => e)) as PipelineError;
    expect(err.problems[0]).toMatchObject({ file: fixture('broken-quote.csv'), line: 3, message: messages.quoteNotClosed });
    expect(state()).toBe(before);
  });

  it('imports the good export over HTTP and records the diff against the previous snapshot', async () => {
    const result = await refresh(options(server.url('/good.csv'), '2024-12-01'));
    if (result.status !== 'imported') throw new Error('expected an import');
    expect(listSnapshots(tmp.raw, 'epoch-notable').map((s) => s.date)).toEqual(['2024-10-01', '2024-12-01']);
    expect(result.meta.retrieved_from).toBe(server.url('/good.csv'));
    expect(readFileSync(result.snapshot.path)).toEqual(readFileSync(GOOD_DEC));
    const { diff, before, after } = result.comparison;
    expect(before).toMatchObject({ date: '2024-10-01', rows: 30, systems: 30, dropped: 0 });
    expect(after).toMatchObject({ date: '2024-12-01', rows: 32, systems: 31, dropped: 1 });
    expect(diff.added.map((s) => s.name)).toEqual(['Fixture Net 31', 'Fixture Net 32']);
    expect(diff.removed.map((s) => s.name)).toEqual(['Fixture Net 03']);
    // Net 13's compute is rewritten 1.23e+20 → 123000000000000000000.0: the same value, not a change.
    expect(diff.changed.map((s) => s.name)).toEqual(['Fixture Net 10', 'Fixture Net 11', 'Fixture Net 12']);
    expect(diff.flopChanges).toHaveLength(1);
    expect(diff.flopChanges[0]).toMatchObject({ name: 'Fixture Net 10' });
    expect(diff.flopChanges[0].ratio).toBeCloseTo(3, 6);
    const changelog = readFileSync(tmp.changelog, 'utf8');
    expect(changelog.indexOf('## 2024-12-01')).toBeLessThan(changelog.indexOf('## 2024-10-01'));
    expect(changelog).toContain(result.entry.trim());
    expect(result.entry).toContain('- **Added** (2): Fixture Net 31 (2024), Fixture Net 32 (2024)');
    expect(result.entry).toContain('- **Removed** (1): Fixture Net 03 (2012)');
    expect(result.entry).toContain('- **Changed** (3), by field: parameters 1, training compute 2');
    expect(result.entry).toMatch(/Fixture Net 10 \(2015\): \S+ → \S+ FLOP \(×3\)/);
    // The headline analysis runs on each snapshot's records (impute + analyze, as the pipeline does).
    const { headline } = result.comparison;
    for (const h of [headline.before!, headline.after]) for (const v of Object.values(h)) expect(v).toBeGreaterThan(1);
    const months = (v: number | null) => v!.toFixed(1);
    expect(result.entry).toContain(
      `- **Doubling time** (this source alone): deep-learning era ${months(headline.before!.deep_learning)} → ${months(headline.after.deep_learning)} months; ` +
        `large-scale era ${months(headline.before!.large_scale)} → ${months(headline.after.large_scale)} months.`,
    );
  });

  it('says an identical re-import is a no-op, and changes nothing', async () => {
    const before = state();
    const result = await refresh(options(server.url('/good.csv'), '2024-12-05'));
    expect(result).toMatchObject({ status: 'unchanged', sha256: sha256(readFileSync(GOOD_DEC)) });
    expect(result.snapshot.date).toBe('2024-12-01');
    expect(existsSync(join(tmp.raw, 'snapshots', 'epoch-notable', '2024-12-05.csv'))).toBe(false);
    expect(state()).toBe(before);
  });

  it('refuses a different file for a date that already has a snapshot', async () => {
    const before = state();
    const err = (await refresh(options(GOOD_OCT, '2024-12-01')).catch((e: unknown) => e)) as PipelineError;
    expect(err).toBeInstanceOf(PipelineError);
    expect(err.problems[0].message).toMatch(/already exists with different content/);
    expect(state()).toBe(before);
  });

  it('refuses a bad date or source name before fetching anything', async () => {
    await expect(refresh(options(GOOD_OCT, '2024-13-45'))).rejects.toThrow(messages.badSnapshotDate('2024-13-45'));
    await expect(refresh(options(GOOD_OCT, '2023-02-29'))).rejects.toThrow(messages.badSnapshotDate('2023-02-29'));
    await expect(refresh(options(GOOD_OCT, '2024-12-09', { source: '../evil' }))).rejects.toThrow(messages.badSourceName('../evil'));
    await expect(refresh(options(GOOD_OCT, '2024-12-09', { source: 'other-source' }))).rejects.toThrow(/unknown source "other-source"/);
  });
});
