/**
 * Server-side rendering of a Vega-Lite spec to static SVG (vega's toSVG), the fallback for readers
 * without JavaScript and the image for link previews. Deterministic for the same spec.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';

export async function specToSvg(spec: TopLevelSpec, width = 800): Promise<string> {
  // "container" width has no meaning without a page: give the static rendering a fixed width.
  const given = (spec as { width?: unknown }).width;
  const fixed = { ...spec, width: given === 'container' ? width : given } as TopLevelSpec;
  const vg = compile(fixed).spec;
  const view = new View(parse(vg), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
