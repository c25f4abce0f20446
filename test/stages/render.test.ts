/**
 * The render stage loads the site builder and its libraries only when it runs: nothing the
 * orchestrator or the CLI imports statically reaches vega, vega-lite, vega-embed, handlebars or
 * markdown-it, so a fully cached run or `--until analyze` never loads them.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../helpers/static-graph.ts';

const root = resolve(import.meta.dirname, '../..');
const HEAVY = ['vega', 'vega-lite', 'vega-embed', 'handlebars', 'markdown-it'];

describe('the render stage', () => {
  it('is not reached by a static import from the CLI or the orchestrator: its libraries load when it runs', () => {
    for (const entry of ['pipeline/cli.ts', 'pipeline/run.ts']) {
      const { files, packages } = staticGraph(join(root, entry));
      expect(files.has(join(root, 'pipeline/stages/render.ts')), entry).toBe(true);
      expect(files.has(join(root, 'pipeline/render/site.ts')), entry).toBe(false);
      expect(HEAVY.filter((p) => packages.has(p)), entry).toEqual([]);
    }
  });

  it('does reach them through the site builder (the graph walk sees them where they are)', () => {
    expect(HEAVY.filter((p) => staticGraph(join(root, 'pipeline/render/site.ts')).packages.has(p))).toEqual(expect.arrayContaining(['vega', 'vega-lite', 'handlebars', 'markdown-it']));
  });
});
