/** Stage 5, render: the static report site from the impute and analyze artifacts. */
import { join } from 'node:path';
import type { Assumptions } from '../ingest/assumptions.ts';
import { joinText } from '../io/csv-writer.ts';
import { changelogMarkdown, readChangelog } from '../render/changelog.ts';
import type { RenderModel } from '../render/model.ts';
import { buildSite } from '../render/site.ts';
import type { HardwareSpec } from '../schema/records.ts';
import type { AnalyzeArtifact, ImputeArtifact } from './definitions.ts';

export async function renderStage(
  imputed: ImputeArtifact & { hardware: HardwareSpec[]; assumptions: Assumptions },
  analyzed: AnalyzeArtifact,
  options: { root: string },
): Promise<Map<string, string | Uint8Array>> {
  const model: RenderModel = {
    records: imputed.records,
    fits: analyzed.fits,
    provenance: imputed.provenance,
    assumptions: imputed.assumptions,
    hardware: imputed.hardware,
    disagreements: imputed.disagreements,
    downloads: Object.fromEntries(Object.entries(imputed.outputs).map(([name, text]) => [name, joinText(text)])),
    changelog: changelogMarkdown(readChangelog(options.root)),
  };
  return buildSite(model, join(options.root, 'reports'));
}
