import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { listSnapshots, readPins, selectSnapshots } from '../../pipeline/ingest/snapshots.ts';
import { messages } from '../../pipeline/messages.ts';
import { externalTables, ingest } from '../../pipeline/stages/ingest.ts';
import { fixture, root, storeSnapshot, tempRaw } from './helpers.ts';

describe('snapshots in the ingest stage', () => {
  let tmp: ReturnType<typeof tempRaw>;
  const dir = () => join(tmp.raw, 'snapshots', 'epoch-notable');
  const run = () => ingest({ rawDir: tmp.raw, defaultsDir: join(root, 'data', 'raw'), today: '2026-01-01' });

  beforeEach(() => {
    tmp = tempRaw();
    storeSnapshot(tmp.raw, '2024-10-01', fixture('epoch-2024-10.csv'));
    storeSnapshot(tmp.raw, '2024-12-01', fixture('epoch-2024-12.csv'));
    // Neither a temporary nor metadata is a snapshot.
    writeFileSync(join(dir(), '.tmp-2025-01-01.csv-123'), 'partial');
  });
  afterEach(() => tmp.cleanup());

  it('lists snapshots oldest first, ignoring temporaries and metadata', () => {
    expect(listSnapshots(tmp.raw, 'epoch-notable').map((s) => s.date)).toEqual(['2024-10-01', '2024-12-01']);
    expect(listSnapshots(tmp.raw, 'absent')).toEqual([]);
  });

  it('reads the newest snapshot of each source, and lists it among the files read', () => {
    const out = run();
    const newest = join(dir(), '2024-12-01.csv').replace(/\\/g, '/');
    expect(out.files).toContain(newest);
    expect(out.files.some((f) => f.endsWith('2024-10-01.csv'))).toBe(false);
    expect(out.external.map((t) => t.name)).toEqual([newest]);
    expect(externalTables(out)[0].header[0]).toBe('Model');
  });

  it('reads the snapshot pinned in pins.yaml instead', () => {
    writeFileSync(join(tmp.raw, 'snapshots', 'pins.yaml'), '# hold the report on October\nepoch-notable: 2024-10-01\n');
    expect(readPins(tmp.raw).pins.get('epoch-notable')).toBe('2024-10-01');
    const out = run();
    expect(out.external.map((t) => t.name)).toEqual([join(dir(), '2024-10-01.csv').replace(/\\/g, '/')]);
    expect(externalTables(out)[0].header[0]).toBe('System');
  });

  it('reads top-level exports and snapshots together', () => {
    copyFileSync(fixture('epoch-2024-10.csv'), join(tmp.raw, 'epoch.csv'));
    expect(run().external.map((t) => t.name.split('/').slice(-2).join('/'))).toEqual(['raw/epoch.csv', 'epoch-notable/2024-12-01.csv']);
  });

  it('fails on a pin to an unknown source or date, located on its line', () => {
    const pins = join(tmp.raw, 'snapshots', 'pins.yaml');
    writeFileSync(pins, 'epoch-notable: 2024-11-01\nelsewhere: 2024-10-01\n');
    const { problems } = selectSnapshots(tmp.raw);
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, message: messages.pinUnknownDate('epoch-notable', '2024-11-01'), expected: messages.pinDates(['2024-10-01', '2024-12-01']) }),
      expect.objectContaining({ line: 2, message: messages.pinUnknownSource('elsewhere'), expected: messages.pinSources(['epoch-notable']) }),
    ]);
    expect(run).toThrow(PipelineError);
    writeFileSync(pins, '- epoch-notable\n');
    expect(readPins(tmp.raw).problems[0].message).toBe(messages.pinsNotAMap);
  });
});
