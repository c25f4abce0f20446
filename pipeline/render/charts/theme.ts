/**
 * Chart styling: the settings every chart shares (text sizes: axis text at least 12 px), and those
 * that depend on the page's colour scheme. The light config also styles the static SVG; the page
 * carries both as JSON and charts.js picks one with prefers-color-scheme (the dark one on top of
 * vega-embed's "dark" theme), swapping the few colours meant for a light page (darkColours).
 */
export const BASE_CONFIG = {
  axis: { labelFontSize: 12, titleFontSize: 13 },
  legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 440, titleLimit: 440, symbolSize: 80 },
  text: { fontSize: 12 },
};

export const LIGHT_CONFIG = {
  background: '#ffffff',
  legend: { labelLimit: 440 },
  text: { color: '#1d1f23' },
};

export const DARK_CONFIG = {
  background: '#1e2126',
  axis: { gridColor: '#3a3f47', domainColor: '#8a9099', tickColor: '#8a9099' },
  legend: { labelLimit: 440 },
  text: { color: '#e6e8eb' },
  rule: { color: '#a3a9b3' },
};

/** Colours chosen for a light page and their twins on the dark one (a dark grey line would vanish). */
export const DARK_COLOURS: Record<string, string> = { '#555': '#c9ced6', '#888': '#a3a9b3', '#9d9d9d': '#b5bac2' };

export const CHART_THEMES = { light: LIGHT_CONFIG, dark: DARK_CONFIG, darkColours: DARK_COLOURS };

/** b's settings over a's, object by object (arrays and values replace). */
export function mergeConfig<T extends object>(a: T, b: object): T {
  const out = { ...a } as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev) ? mergeConfig(prev, v) : v;
  }
  return out as T;
}
