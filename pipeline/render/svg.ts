/**
 * Server-side rendering of a Vega-Lite spec to static SVG (vega's toSVG), the fallback for readers
 * without JavaScript and the image for link previews. Deterministic for the same spec.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import { LIGHT_CONFIG, mergeConfig } from './charts/theme.ts';

export async function specToSvg(spec: TopLevelSpec, width = 800): Promise<string> {
  // "container" width has no meaning without a page: give the static rendering a fixed width.
  const given = (spec as { width?: unknown }).width;
  const config = mergeConfig(LIGHT_CONFIG, (spec as { config?: object }).config ?? {});
  const fixed = { ...spec, width: given === 'container' ? width : given, config } as TopLevelSpec;
  const vg = compile(fixed).spec;
  const view = new View(parse(vg), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return renumberIds(svg);
}

/**
 * Vega numbers clip paths and gradients from a process-wide counter (clip7, gradient_3...), so the
 * same chart rendered later in a process gets other ids: number them from 1 within each SVG.
 */
export function renumberIds(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/id="((clip|gradient_?|pattern_?)\d+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `${m[2]}${[...ids.keys()].filter((k) => k.startsWith(m[2])).length + 1}`);
  }
  if (ids.size === 0) return svg;
  return svg.replace(/\b(clip|gradient_?|pattern_?)\d+\b/g, (id) => ids.get(id) ?? id);
}
