/**
 * Chart styling that depends on the page's colour scheme. The light config also styles the static
 * SVG; the page carries both as JSON and site.js picks one with prefers-color-scheme (the dark one
 * on top of vega-embed's "dark" theme).
 */
export const LIGHT_CONFIG = {
  background: '#ffffff',
  legend: { fillColor: 'rgba(255,255,255,0.88)', labelLimit: 440 },
  text: { color: '#1d1f23' },
};

export const DARK_CONFIG = {
  background: '#1e2126',
  axis: { gridColor: '#3a3f47', domainColor: '#8a9099', tickColor: '#8a9099' },
  legend: { fillColor: 'rgba(30,33,38,0.9)', labelLimit: 440 },
  text: { color: '#e6e8eb' },
  rule: { color: '#a3a9b3' },
};

export const CHART_THEMES = { light: LIGHT_CONFIG, dark: DARK_CONFIG };
