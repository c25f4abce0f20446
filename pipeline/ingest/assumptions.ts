/** Loads and validates data/raw/assumptions.yaml (the impute stage's global assumptions). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { PipelineError } from '../errors.ts';
import { DOMAINS } from '../schema/raw-columns.ts';

const fraction = z.number().gt(0).lte(1);
const factor = z.number().gte(1);

export const assumptionsSchema = z.strictObject({
  utilization: z.strictObject({
    default: fraction,
    by_domain: z.partialRecord(z.enum(DOMAINS), fraction).default({}),
  }),
  uncertainty_factor: z.strictObject({
    reported: factor,
    third_party: factor,
    converted: factor,
    operations: factor,
    hardware: factor,
  }),
  tokens_per_word: z.number().positive(),
  flop_per_parameter_per_token: z.number().positive(),
  audit_disagreement_factor: factor,
});

export type Assumptions = z.infer<typeof assumptionsSchema>;

export function loadAssumptions(path: string, displayName: string): Assumptions {
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new PipelineError(`${displayName}: cannot be read as YAML`, [{ file: displayName, message: (err as Error).message }]);
  }
  const result = assumptionsSchema.safeParse(data);
  if (!result.success) {
    throw new PipelineError(
      `${displayName}: invalid assumptions`,
      result.error.issues.map((i) => ({ file: displayName, message: `${i.path.join('.')}: ${i.message}` })),
    );
  }
  return result.data;
}
