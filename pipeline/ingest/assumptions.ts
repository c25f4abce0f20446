/** Loads and validates data/raw/assumptions.yaml (the impute stage's global assumptions). */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import { DOMAINS } from '../schema/raw-columns.ts';

const fraction = z.number().gt(0).lte(1);
const factor = z.number().gte(1);

export const assumptionsSchema = z.strictObject({
  utilization: z.strictObject({
    default: fraction,
    by_domain: z.partialRecord(z.enum(DOMAINS), fraction).default({}),
  }),
  uncertainty_factor: z.strictObject({
    stated: factor,
    third_party: factor,
    converted: factor,
    operations: factor,
    hardware: factor,
  }),
  tokens_per_word: z.number().positive(),
  flop_per_parameter_per_token: z.number().positive(),
  audit_disagreement_factor: factor,
  // The segment rules of the automatic breakpoints (pipeline/analyze/stats/admissible.ts). Optional,
  // so an assumptions file written before them still reads: the defaults then apply.
  breakpoints: z
    .strictObject({
      min_segment_years: z.number().gte(0).lte(100),
      min_segment_points: z.number().int().gte(0).optional(),
    })
    .default({ min_segment_years: 2 }),
});

export type Assumptions = z.infer<typeof assumptionsSchema>;

export function loadAssumptions(path: string, displayName: string): Assumptions {
  return parseAssumptions(readFileSync(path, 'utf8'), displayName);
}

/**
 * Parses the text of assumptions.yaml. Every problem names the line and column of the offending
 * key or value, so a maintainer can go straight to it.
 */
export function parseAssumptions(text: string, displayName: string): Assumptions {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { line: 1, column: 1 };
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    throw new PipelineError(
      messages.unreadableYaml(displayName),
      doc.errors.map((e) => ({ file: displayName, ...at(e.pos[0]), message: messages.yamlSyntax(e.message.split('\n')[0]) })),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // e.g. an alias bomb or an unresolvable alias: still the file's fault, not a crash.
    throw new PipelineError(messages.unreadableYaml(displayName), [{ file: displayName, line: 1, column: 1, message: messages.yamlSyntax((err as Error).message) }]);
  }
  const result = assumptionsSchema.safeParse(data);
  if (!result.success) {
    throw new PipelineError(
      messages.invalidAssumptions(displayName),
      result.error.issues.flatMap((issue) => {
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => {
            const path = [...issue.path.map(String), key];
            return { file: displayName, ...at(offsetOf(doc, path)), message: messages.assumptionUnknownKey(path.join('.')) };
          });
        }
        const path = issue.path.map(String);
        // A missing key has no place in the file: point at the mapping that should hold it.
        const message = doc.hasIn(path) ? messages.assumptionIssue(path.join('.'), issue.message) : messages.assumptionMissing(path.join('.'));
        return [{ file: displayName, ...at(offsetOf(doc, path)), message }];
      }),
    );
  }
  return result.data;
}

/** Where the key at `path` starts, else its nearest existing ancestor's key; undefined (line 1) for the top level. */
function offsetOf(doc: Document, path: string[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    if (!isMap(parent)) continue;
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === path[n - 1]);
    if (pair && isScalar(pair.key)) return pair.key.range?.[0];
  }
  return undefined;
}
