/**
 * Stage 5, render: the static report site from the artifacts of the stages before it, reports/
 * (pages, layout, assets) and data/CHANGELOG.md. The site builder and its libraries (vega,
 * vega-lite, handlebars, markdown-it) are imported when the stage runs, so a run that stops
 * before render, or finds it cached, never loads them.
 */
import { join } from 'node:path';
import { joinText } from '../io/csv-writer.ts';
import { CHANGELOG_FILE, changelogMarkdown, readChangelog } from '../render/changelog.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { analyzeStage } from './analyze.ts';
import { imputeStage, processedRecords } from './impute.ts';
import { ingestStage } from './ingest.ts';
import { normalizeStage } from './normalize.ts';
import { restoreShape, type Stage } from './stage.ts';

export interface RenderArtifact {
  /** The site's files by path relative to its folder. */
  site: Record<string, string | Uint8Array>;
}

export const renderStage: Stage<RenderArtifact> = {
  name: 'render',
  reads: {
    stages: [ingestStage, normalizeStage, imputeStage, analyzeStage],
    // The site also shows reports/ (pages, layout, assets) and the changelog, which no earlier stage reads.
    files: (ctx) => [join(ctx.root, 'reports'), join(ctx.root, CHANGELOG_FILE)],
  },
  async run(read, ctx) {
    const ingested = read(ingestStage);
    const normalized = read(normalizeStage);
    const imputed = read(imputeStage);
    // The records in their one order, for the pages that list or plot them.
    const inPassOrder: ProcessedRecord[] = [];
    for (const batch of processedRecords(ingested, normalized, ctx.today)) for (const r of batch) inPassOrder.push(r);
    const records = Array.from(normalized.order, (i) => inPassOrder[i]);
    const { buildSite } = await import('../render/site.ts');
    const site = await buildSite(
      {
        records,
        fits: read(analyzeStage).fits,
        provenance: imputed.provenance,
        assumptions: ingested.assumptions,
        hardware: ingested.hardware,
        disagreements: imputed.disagreements,
        downloads: Object.fromEntries(Object.entries(imputed.outputs).map(([name, text]) => [name, joinText(text)])),
        changelog: changelogMarkdown(readChangelog(ctx.root)),
      },
      join(ctx.root, 'reports'),
    );
    return { artifact: { site: Object.fromEntries(site) }, rowsIn: records.length, rowsOut: site.size, warnings: 0 };
  },
  restore: (saved) => restoreShape<RenderArtifact>('render', saved, ['site']),
  publishes: { folder: 'site', files: (artifact) => new Map(Object.entries(artifact.site)) },
};
