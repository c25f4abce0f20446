/**
 * The folders of pipeline/ import one way only (ARCHITECTURE.md, "Supporting modules"): no folder
 * imports a folder that imports it back, directly or round a longer circle. A shared piece two
 * folders need lives in the lower one (the parsers in values/, the estimate methods in
 * estimators/, shared types in schema/), so each stage reads from the bottom up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './reliability/helpers.ts';

const PIPELINE = join(root, 'pipeline');

/** Every .ts file under pipeline/, relative to it, with forward slashes. */
function sources(dir = PIPELINE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [relative(PIPELINE, path).split('\\').join('/')] : [];
  });
}

/** The unit a file belongs to: its top folder under pipeline/, or the file itself at the top. */
const unitOf = (file: string): string => (file.includes('/') ? `${file.split('/')[0]}/` : file);

/** Relative module specifiers of a source: static imports and re-exports, and import() of a literal. */
export function relativeImports(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'|\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) specs.push(m[1] ?? m[2]);
  return specs;
}

/** unit → the units it imports (itself left out). */
export function unitGraph(files: readonly string[], read: (file: string) => string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = unitOf(file);
    const to = graph.get(from) ?? new Set<string>();
    graph.set(from, to);
    for (const spec of relativeImports(read(file))) {
      const target = normalize(join(dirname(file), spec)).split('\\').join('/');
      if (target.startsWith('..')) continue; // outside pipeline/ (none today)
      const unit = unitOf(target);
      if (unit !== from) to.add(unit);
    }
  }
  return graph;
}

/** Every circle of units, each as the path that closes it (a → b → … → a); empty when there is none. */
export function circles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (unit: string): void => {
    state.set(unit, 'open');
    path.push(unit);
    for (const next of [...(graph.get(unit) ?? [])].sort()) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(unit, 'done');
  };
  for (const unit of [...graph.keys()].sort()) if (!state.has(unit)) visit(unit);
  return found;
}

describe('the folders of pipeline/ import one way', () => {
  it('finds a circle it is shown, and none in a one-way tree', () => {
    const files: Record<string, string> = {
      'ingest/a.ts': "import { x } from '../values/x.ts';",
      'values/x.ts': 'export const x = 1;',
      'normalize/b.ts': "import { a } from '../ingest/a.ts';\nconst lazy = () => import('../values/x.ts');",
    };
    const graph = unitGraph(Object.keys(files), (f) => files[f]);
    expect([...graph.get('normalize/')!].sort()).toEqual(['ingest/', 'values/']);
    expect(circles(graph)).toEqual([]);
    files['values/x.ts'] = "export { b } from '../normalize/b.ts';";
    expect(circles(unitGraph(Object.keys(files), (f) => files[f]))).toEqual([
      ['ingest/', 'values/', 'normalize/', 'ingest/'],
      ['values/', 'normalize/', 'values/'],
    ]);
  });

  it('has no circle: no folder imports one that imports it back', () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(100);
    const graph = unitGraph(files, (f) => readFileSync(join(PIPELINE, f), 'utf8'));
    // The stages sit above the folders they run, the parsers below every stage.
    expect(graph.get('stages/')).toContain('normalize/');
    expect(graph.get('ingest/')).toContain('values/');
    expect(circles(graph)).toEqual([]);
  });
});
