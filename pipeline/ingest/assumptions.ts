/**
 * Loads and validates data/raw/assumptions.yaml (the impute stage's global assumptions): its
 * shape (zod), every number written as a decimal (YAML would read `0x1` as 1 and `.inf` as
 * Infinity), and every value within its plausibility bounds (pipeline/schema/bounds.ts): outside
 * the possible range an error, outside the usual one a warning.
 */
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import { PipelineError, type Problem } from '../errors.ts';
import { readDataFile, YAML_MAX_BYTES } from '../io/safe-read.ts';
import { messages } from '../messages.ts';
import type { BoundName } from '../schema/bounds.ts';
import { DOMAINS } from '../schema/raw-columns.ts';
import { judge } from './plausibility.ts';

// The ranges are the plausibility bounds, checked after the shape (boundOf below).
const fraction = z.number();
const factor = z.number();

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
      min_segment_years: z.number(),
      min_segment_points: z.number().optional(),
    })
    .default({ min_segment_years: 2 }),
});

export type Assumptions = z.infer<typeof assumptionsSchema>;

export function loadAssumptions(path: string, displayName: string): Assumptions {
  return readAssumptions(path, displayName).assumptions;
}

/** The assumptions and the warnings about unusual values in them. */
export function readAssumptions(path: string, displayName: string): { assumptions: Assumptions; warnings: Problem[] } {
  return checkAssumptions(readDataFile(path, displayName, YAML_MAX_BYTES).toString('utf8'), displayName);
}

/** The bound each assumption falls under, by its path. */
function boundOf(path: readonly string[]): BoundName | null {
  if (path[0] === 'utilization') return 'assumptions.utilization';
  if (path[0] === 'uncertainty_factor') return 'assumptions.uncertainty_factor';
  if (path[0] === 'breakpoints' && (path[1] === 'min_segment_years' || path[1] === 'min_segment_points')) return `assumptions.breakpoints.${path[1]}`;
  if (path.length === 1 && (path[0] === 'tokens_per_word' || path[0] === 'flop_per_parameter_per_token' || path[0] === 'audit_disagreement_factor')) {
    return `assumptions.${path[0]}`;
  }
  return null;
}

/** Every number in a value, with its path. */
function* numbers(value: unknown, path: string[] = []): Generator<[string[], number]> {
  if (typeof value === 'number') yield [path, value];
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) yield* numbers(v, [...path, k]);
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses the text of assumptions.yaml. Every problem names the line and column of the offending
 * key or value, so a maintainer can go straight to it.
 */
export function parseAssumptions(text: string, displayName: string): Assumptions {
  return checkAssumptions(text, displayName).assumptions;
}

/** parseAssumptions, with the warnings. */
export function checkAssumptions(text: string, displayName: string): { assumptions: Assumptions; warnings: Problem[] } {
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
  // A number YAML reads from another notation (0x1, 0o17, .inf, .nan) is refused where it is written.
  const notation: Problem[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && !DECIMAL.test(node.source ?? String(node.value))) {
        notation.push({ file: displayName, ...at(node.range?.[0]), text: node.source, message: messages.assumptionNotation(pathTo(doc, node), node.source ?? '') });
      }
    },
  });
  if (notation.length > 0) throw new PipelineError(messages.invalidAssumptions(displayName), notation);
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
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const [path, value] of numbers(result.data)) {
    const bound = boundOf(path);
    const verdict = bound && judge(bound, value, path.join('.'));
    if (!verdict) continue;
    const node = doc.getIn(path, true);
    const where = { file: displayName, ...at(isScalar(node) ? node.range?.[0] : offsetOf(doc, path)), text: isScalar(node) ? node.source : String(value) };
    (verdict.level === 'error' ? problems : warnings).push({ ...where, message: verdict.message, expected: verdict.expected });
  }
  if (problems.length > 0) throw new PipelineError(messages.invalidAssumptions(displayName), problems);
  return { assumptions: result.data, warnings };
}

/** The dotted path of a scalar in the document ("utilization.default"), for messages. */
function pathTo(doc: Document, target: unknown): string {
  let found = '';
  visit(doc, {
    Pair(_key, pair, path) {
      if (pair.value === target) {
        const keys = path.filter((n) => isMap(n) === false && (n as { key?: unknown }).key !== undefined).map((n) => String(((n as { key: { value: unknown } }).key).value));
        found = [...keys, isScalar(pair.key) ? String(pair.key.value) : ''].filter(Boolean).join('.');
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found || 'a value';
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
