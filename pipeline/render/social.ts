/**
 * social.png: the link-preview image (1200×630) — the site's title, the headline rate and the
 * overview chart — drawn from SVG by resvg (WebAssembly, no native code) with the DejaVu Sans font
 * files of the dejavu-fonts-ttf package, never the machine's own fonts, so every machine draws the
 * same bytes. Pages name it in og:image only when reports/site.yaml gives the site's address.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { TopLevelSpec } from 'vega-lite';
import { esc } from './html.ts';
import { specToSvg } from './svg.ts';

const require = createRequire(import.meta.url);
export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;

let ready: Promise<void> | null = null;
function init(): Promise<void> {
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

function fonts(): Uint8Array[] {
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => readFileSync(join(dir, f)));
}

/** The card as SVG: title and line of text above the chart, drawn to the card's width. */
export async function socialSvg(title: string, line: string, chart: TopLevelSpec): Promise<string> {
  const inner = await specToSvg({ ...chart, height: 330 } as TopLevelSpec, SOCIAL_WIDTH - 60);
  const w = Number(/width="([\d.]+)"/.exec(inner)?.[1] ?? SOCIAL_WIDTH - 60);
  const h = Number(/height="([\d.]+)"/.exec(inner)?.[1] ?? 400);
  const scale = Math.min((SOCIAL_WIDTH - 60) / w, (SOCIAL_HEIGHT - 134) / h);
  const body = inner.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${SOCIAL_WIDTH}" height="${SOCIAL_HEIGHT}" viewBox="0 0 ${SOCIAL_WIDTH} ${SOCIAL_HEIGHT}">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="36" y="62" font-family="DejaVu Sans" font-weight="bold" font-size="40" fill="#1d1f23">${esc(title)}</text>
<text x="36" y="104" font-family="DejaVu Sans" font-size="24" fill="#3b4048">${esc(line)}</text>
<g transform="translate(30,124) scale(${scale.toFixed(4)})">${body}</g>
</svg>`;
}

export async function socialPng(title: string, line: string, chart: TopLevelSpec): Promise<Uint8Array> {
  await init();
  const svg = await socialSvg(title, line, chart);
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: SOCIAL_WIDTH }, font: { fontBuffers: fonts(), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } });
  const png = resvg.render().asPng();
  resvg.free();
  return png;
}
