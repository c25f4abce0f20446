/**
 * Finds paths a page refers to that the data lacks, before rendering. Handlebars' strict mode
 * catches a missing value printed directly, but passes `undefined` to a helper (`{{doubling
 * eras.typo}}`); this walks the template and checks every path against the context, so either way
 * the build fails naming the template, the line and the full path.
 */
import Handlebars from 'handlebars';

/** The parts of Handlebars' AST this check reads (its published typings do not export them). */
namespace AST {
  interface Node {
    type: string;
    loc: { start: { line: number } };
  }
  export interface PathExpression extends Node {
    data: boolean;
    depth: number;
    parts: string[];
    original: string;
    this_: boolean;
  }
  export type Expression = Node;
  export interface Call extends Node {
    path: Expression;
    params: Expression[];
    hash?: { pairs: { value: Expression }[] };
  }
  export type MustacheStatement = Call;
  export type SubExpression = Call;
  export interface BlockStatement extends Call {
    program?: Program;
    inverse?: Program;
  }
  export interface Program extends Node {
    body: Node[];
  }
}

export interface MissingPath {
  path: string;
  line: number;
}

/** Block helpers that keep the context (their paths resolve against the same object). */
const SAME_CONTEXT = new Set(['if', 'unless']);

function resolves(context: unknown, parts: readonly string[]): boolean {
  return lookup(context, parts).found;
}

function lookup(context: unknown, parts: readonly string[]): { found: boolean; value: unknown } {
  let value: unknown = context;
  for (const part of parts) {
    if (value === null || value === undefined || typeof value !== 'object' || !(part in (value as object))) return { found: false, value: undefined };
    value = (value as Record<string, unknown>)[part];
  }
  return { found: true, value };
}

/** Handlebars' truthiness for {{#if}}: false, null, undefined, '', 0 and [] are false. */
function truthy(v: unknown): boolean {
  return !(v === false || v === null || v === undefined || v === '' || v === 0 || (Array.isArray(v) && v.length === 0));
}

/**
 * Which branches of an {{#if path}} / {{#unless path}} at the page's level will render: the
 * condition is read from the data, so a branch the data do not take is not checked (a page says
 * "{{#if eras.large_scale.computed}}…{{else}}{{notComputed eras.large_scale "…"}}{{/if}}", and the
 * fit's fields exist only in the first branch). Null when the condition is not a plain path.
 */
function takenBranch(b: AST.BlockStatement, context: Record<string, unknown>): 'program' | 'inverse' | null {
  const name = (b.path as AST.PathExpression).original;
  const cond = b.params[0] as AST.PathExpression | undefined;
  if (!SAME_CONTEXT.has(name) || b.params.length !== 1 || cond?.type !== 'PathExpression' || cond.data || cond.depth > 0 || cond.this_) return null;
  const { found, value } = lookup(context, cond.parts);
  const yes = found && truthy(value);
  return (name === 'if') === yes ? 'program' : 'inverse';
}

export function findMissingPath(source: string, context: Record<string, unknown>, helpers: Record<string, unknown>): MissingPath | null {
  const ast = Handlebars.parse(source) as unknown as AST.Program;
  let missing: MissingPath | null = null;
  const checkPath = (node: AST.Expression, root: boolean) => {
    if (missing || node.type !== 'PathExpression') return;
    const p = node as AST.PathExpression;
    if (p.data) {
      // @root.x always resolves against the page's context; other @-variables belong to blocks.
      if (p.parts[0] !== 'root' || resolves(context, p.parts.slice(1))) return;
      missing = { path: p.original, line: p.loc.start.line };
      return;
    }
    if (!root || p.depth > 0 || p.this_ || p.parts.length === 0) return;
    if (!resolves(context, p.parts)) missing = { path: p.original, line: p.loc.start.line };
  };
  const checkCall = (node: AST.MustacheStatement | AST.SubExpression | AST.BlockStatement, root: boolean) => {
    const head = node.path as AST.PathExpression;
    const isHelper = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || (head.type === 'PathExpression' && head.original in helpers);
    if (!isHelper) checkPath(node.path as AST.Expression, root);
    for (const param of [...node.params, ...(node.hash?.pairs.map((pair) => pair.value) ?? [])]) {
      if (param.type === 'SubExpression') checkCall(param as AST.SubExpression, root);
      else checkPath(param, root);
    }
  };
  const walk = (program: AST.Program | undefined, root: boolean) => {
    for (const node of program?.body ?? []) {
      if (node.type === 'MustacheStatement') checkCall(node as AST.MustacheStatement, root);
      if (node.type === 'BlockStatement') {
        const b = node as AST.BlockStatement;
        checkCall(b, root);
        const name = (b.path as AST.PathExpression).original;
        const inner = root && SAME_CONTEXT.has(name);
        const taken = root ? takenBranch(b, context) : null;
        if (taken !== 'inverse') walk(b.program, inner);
        if (taken !== 'program') walk(b.inverse, root);
      }
    }
  };
  walk(ast, true);
  return missing;
}
