/**
 * Stage 4, analyze: every fit the report shows, from the impute stage's analysis table (the
 * columns the fits read: pipeline/analyze/table.ts), into fits.json (pipeline/analyze/analyze-table.ts,
 * imported when the stage runs, so a run that finds it cached never loads the analyses or arquero).
 */
import type { Fits } from '../schema/fits.ts';
import { imputeStage } from './impute.ts';
import { ingestStage } from './ingest.ts';
import { restoreShape, type Stage } from './stage.ts';

export interface AnalyzeArtifact {
  fits: Fits;
  outputs: Record<string, string>;
}

export const analyzeStage: Stage<AnalyzeArtifact> = {
  name: 'analyze',
  // The table from impute; the breakpoint search's segment rules from ingest's assumptions.
  reads: { stages: [ingestStage, imputeStage], options: ['resamples'] },
  async run(read, ctx) {
    const { table } = read(imputeStage);
    const { breakpoints } = read(ingestStage).assumptions;
    // The analyses and their libraries (arquero) load only when the stage runs, not in a cached run.
    const [{ analyzeTable }, { releaseScratch }] = await Promise.all([import('../analyze/analyze-table.ts'), import('../analyze/stats/scratch.ts')]);
    let fits: Fits;
    try {
      fits = analyzeTable(table, { resamples: ctx.resamples, breakpoints });
    } finally {
      releaseScratch();
    }
    return { artifact: { fits, outputs: { 'fits.json': `${JSON.stringify(fits, null, 2)}\n` } }, rowsIn: table.ids.length, rowsOut: fits.data.with_flop, warnings: 0 };
  },
  restore: (saved) => restoreShape<AnalyzeArtifact>('analyze', saved, ['fits', 'outputs']),
  publishes: { folder: 'processed', files: (artifact) => artifact.outputs },
};
