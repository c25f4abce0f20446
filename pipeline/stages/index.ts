/**
 * The pipeline's stages, in order. The orchestrator (pipeline/run.ts) runs any such list; a new
 * stage is a module exporting a Stage (pipeline/stages/stage.ts) and a place in this list.
 */
import { analyzeStage } from './analyze.ts';
import { imputeStage } from './impute.ts';
import { ingestStage } from './ingest.ts';
import { normalizeStage } from './normalize.ts';
import { renderStage } from './render.ts';
import type { Stage } from './stage.ts';

export const PIPELINE_STAGES: readonly Stage<unknown>[] = [ingestStage, normalizeStage, imputeStage, analyzeStage, renderStage];

/** The stages' names, in order. */
export const STAGE_NAMES: readonly string[] = PIPELINE_STAGES.map((s) => s.name);
