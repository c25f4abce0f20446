/**
 * The effect of a snapshot on the report's headline: the deep-learning and large-scale era
 * doubling times, from the snapshot's records alone, through the pipeline's own stages (ingest →
 * analyze on a temporary raw folder holding just the export, with the hardware and assumptions the
 * raw folder uses). Point estimates do not depend on the bootstrap, so it runs without resamples by default.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileKind, readDataFile } from '../io/safe-read.ts';
import { projectRoot } from '../project-root.ts';
import { runPipeline } from '../run.ts';
import type { Fits } from '../schema/fits.ts';

export interface Headline {
  /** Doubling time in months of each era, null where the era has too few systems to fit. */
  deep_learning: number | null;
  large_scale: number | null;
}

export interface HeadlineOptions {
  /** Folder whose hardware.csv and assumptions.yaml are used, else those of defaultsDir. */
  rawDir: string;
  defaultsDir: string;
  /** Run date YYYY-MM-DD. */
  today: string;
  /** Bootstrap resamples passed to analyze (default 0: point estimates only). */
  resamples?: number;
}

const root = projectRoot;

export async function headlineDoublings(exportBytes: Uint8Array, options: HeadlineOptions): Promise<Headline> {
  const tmp = mkdtempSync(join(tmpdir(), 'ct-headline-'));
  try {
    const raw = join(tmp, 'raw');
    mkdirSync(raw);
    for (const file of ['hardware.csv', 'assumptions.yaml']) {
      // Read as ingest reads them: only a regular file, never a FIFO or a device.
      const from = fileKind(join(options.rawDir, file)) !== 'absent' ? join(options.rawDir, file) : join(options.defaultsDir, file);
      writeFileSync(join(raw, file), readDataFile(from, from.replace(/\\/g, '/')));
    }
    writeFileSync(join(raw, 'export.csv'), exportBytes);
    const out = join(tmp, 'out');
    await runPipeline({
      root,
      rawDir: raw,
      processedDir: join(out, 'processed'),
      siteDir: join(out, 'site'),
      cacheDir: join(out, '.cache'),
      today: options.today,
      until: 'analyze',
      resamples: options.resamples ?? 0,
      log: () => {},
    });
    const fits: Fits = JSON.parse(readFileSync(join(out, 'processed', 'fits.json'), 'utf8'));
    const { deep_learning: dl, large_scale: ls } = fits.eras;
    return {
      deep_learning: dl.computed ? dl.doubling_months : null,
      large_scale: ls.computed ? ls.doubling_months : null,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
