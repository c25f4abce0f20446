/**
 * The provenance of the pipeline's own estimates: one shared, frozen object per method (a
 * million records share two objects rather than carrying a million).
 */
import type { FlopProvenance } from '../schema/records.ts';

/** The name this pipeline signs its estimates with. */
export const PIPELINE_NAME = 'compute-trends';

export const OPERATIONS_PROVENANCE: FlopProvenance = Object.freeze({
  kind: 'pipeline',
  estimatedBy: PIPELINE_NAME,
  estimationMethod: 'operation counting (FLOP per parameter per token × parameters × tokens)',
  confidence: null,
});

export const HARDWARE_PROVENANCE: FlopProvenance = Object.freeze({
  kind: 'pipeline',
  estimatedBy: PIPELINE_NAME,
  estimationMethod: 'hardware time (accelerators × time × peak FLOP/s × utilization)',
  confidence: null,
});
