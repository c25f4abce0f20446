// Chart pages: embeds each figure from its inline Vega-Lite spec, in the page's colour scheme, with
// a toolbar (zoom in/out, reset, PNG/SVG with title, source and licence). The wheel scrolls the
// page; Ctrl (or ⌘) + wheel zooms. Sets data-ready="true" on a chart once it is drawn and
// interactive (tests and the page-speed benchmark wait for it).
(function () {
  'use strict';
  var CT = window.CT;
  var themes = CT.json('chart-themes') || {};
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  // Below this width legends stack one under another.
  var NARROW = 560;

  function merge(a, b) {
    var out = {};
    [a, b].forEach(function (src) {
      Object.keys(src || {}).forEach(function (k) {
        var v = src[k];
        out[k] = v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' ? merge(out[k], v) : v;
      });
    });
    return out;
  }
  // In dark mode, colours meant for a light page (a dark grey trend line) take their dark twin.
  function swapColours(node, map) {
    if (Array.isArray(node)) return node.map(function (v) { return swapColours(v, map); });
    if (node && typeof node === 'object') {
      var out = {};
      Object.keys(node).forEach(function (k) { out[k] = k === 'values' ? node[k] : swapColours(node[k], map); });
      return out;
    }
    return typeof node === 'string' && map[node] ? map[node] : node;
  }

  // Legends with entries side by side keep at most n columns on a phone.
  function capColumns(node, n) {
    if (!node || typeof node !== 'object') return;
    Object.keys(node).forEach(function (k) {
      if (k === 'values') return;
      if (k === 'legend' && node[k] && node[k].columns > n) node[k].columns = n;
      else capColumns(node[k], n);
    });
  }

  // The zoom signals of a spec's interval selection bound to scales: zoom_<x field>, zoom_<y field>.
  function zoomSignals(spec) {
    var found = null;
    (spec.layer || [spec]).forEach(function (layer) {
      (layer.params || spec.params || []).forEach(function (p) {
        if (p.bind === 'scales' && !found) {
          var enc = layer.encoding && layer.encoding.x ? layer.encoding : spec.encoding || {};
          if (enc.x && enc.y) found = { x: p.name + '_' + enc.x.field.replace(/\W/g, '_'), y: p.name + '_' + enc.y.field.replace(/\W/g, '_'), xLog: (enc.x.scale || {}).type === 'log', yLog: (enc.y.scale || {}).type === 'log' };
        }
      });
    });
    return found;
  }
  function scaled(domain, log, factor) {
    var f = log ? function (v) { return Math.log10(v); } : function (v) { return v; };
    var g = log ? function (v) { return Math.pow(10, v); } : function (v) { return v; };
    var a = f(domain[0]), b = f(domain[domain.length - 1]), mid = (a + b) / 2, half = ((b - a) / 2) * factor;
    return [g(mid - half), g(mid + half)];
  }
  function button(text, label, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (label) b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  // PNG and SVG with the figure's title above and the source line and licence below.
  function exportImage(view, kind, title, name) {
    var t = CT.text;
    var source = t.exportSource || '';
    if (kind === 'svg') {
      return view.toSVG().then(function (svg) {
        var w = Number((/width="([\d.]+)"/.exec(svg) || [])[1] || 800), h = Number((/height="([\d.]+)"/.exec(svg) || [])[1] || 400);
        var esc = function (s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;'); };
        var bg = dark ? '#1e2126' : '#ffffff', fg = dark ? '#e6e8eb' : '#1d1f23';
        var out = '<svg xmlns="http://www.w3.org/2000/svg" width="' + w + '" height="' + (h + 64) + '">' +
          '<rect width="100%" height="100%" fill="' + bg + '"/>' +
          '<text x="8" y="24" font-family="sans-serif" font-size="16" font-weight="bold" fill="' + fg + '">' + esc(title) + '</text>' +
          '<g transform="translate(0,34)">' + svg.replace(/^<\?xml[^>]*>/, '') + '</g>' +
          '<text x="8" y="' + (h + 56) + '" font-family="sans-serif" font-size="12" fill="' + fg + '">' + esc(source) + '</text></svg>';
        CT.download(name + '.svg', out, 'image/svg+xml');
      });
    }
    return view.toCanvas(2).then(function (chart) {
      var c = document.createElement('canvas');
      c.width = chart.width;
      c.height = chart.height + 128;
      var g = c.getContext('2d');
      g.fillStyle = dark ? '#1e2126' : '#ffffff';
      g.fillRect(0, 0, c.width, c.height);
      g.fillStyle = dark ? '#e6e8eb' : '#1d1f23';
      g.font = 'bold 32px sans-serif';
      g.fillText(title, 16, 44);
      g.drawImage(chart, 0, 68);
      g.font = '24px sans-serif';
      g.fillText(source, 16, chart.height + 108);
      return new Promise(function (done) { c.toBlob(function (blob) { CT.download(name + '.png', blob); done(); }, 'image/png'); });
    });
  }

  function toolbar(el, view, spec, title, name) {
    var bar = document.createElement('div');
    bar.className = 'chart-tools';
    var z = zoomSignals(spec);
    var t = CT.text;
    if (z) {
      var zoom = function (factor) {
        var x = scaled(view.scale('x').domain(), z.xLog, factor), y = scaled(view.scale('y').domain(), z.yLog, factor);
        view.signal(z.x, x).signal(z.y, y).runAsync();
      };
      bar.appendChild(button('+', t.zoomIn, function () { zoom(1 / 1.6); }));
      bar.appendChild(button('−', t.zoomOut, function () { zoom(1.6); }));
      bar.appendChild(button(t.zoomReset, null, function () { view.signal(z.x, null).signal(z.y, null).runAsync(); }));
      var hint = document.createElement('span');
      hint.className = 'chart-hint';
      hint.textContent = t.zoomHint;
      bar.appendChild(hint);
    }
    var ex = document.createElement('span');
    ex.className = 'chart-export';
    ex.appendChild(document.createTextNode(t.exportLabel + ' '));
    ex.appendChild(button(t.exportPng, t.exportLabel + ' PNG', function () { exportImage(view, 'png', title, name); }));
    ex.appendChild(button(t.exportSvg, t.exportLabel + ' SVG', function () { exportImage(view, 'svg', title, name); }));
    bar.appendChild(ex);
    el.parentNode.insertBefore(bar, el);
    return bar;
  }

  // Embeds a spec in el; resolves with the view once it is drawn.
  function embed(el, spec, options) {
    options = options || {};
    var config = merge(dark ? themes.dark : themes.light, {});
    if (el.clientWidth < NARROW) {
      config = merge(config, { legend: { layout: { top: { direction: 'vertical', anchor: 'start' } }, columns: 1 } });
      // Landmark names would cover the points of a phone-sized chart; tooltips still name every point.
      if (spec.layer) spec = Object.assign({}, spec, { layer: spec.layer.filter(function (l) { return !/^landmark-labels/.test(l.name || ''); }) });
      capColumns(spec, 2);
    }
    if (dark && themes.darkColours) spec = swapColours(spec, themes.darkColours);
    var embedOptions = {
      actions: false,
      renderer: 'svg',
      // vega-tooltip escapes HTML in values by default; never turn that off: values are data.
      tooltip: { theme: dark ? 'dark' : 'light' },
      config: config
    };
    if (dark) embedOptions.theme = 'dark';
    return vegaEmbed(el, spec, embedOptions).then(function (result) {
      var view = result.view;
      el.vegaView = view;
      // Sliders show their value rounded to their step, not as 0.28176715.
      el.querySelectorAll('.vega-bind input[type="range"]').forEach(function (input) {
        var shown = input.nextElementSibling;
        if (!shown || shown.tagName !== 'SPAN') return;
        var decimals = Math.max(0, -Math.floor(Math.log10(Number(input.step) || 0.01)));
        var show = function () { shown.textContent = Number(input.value).toFixed(decimals); };
        show();
        input.addEventListener('input', show);
      });
      var svg = el.querySelector('svg');
      if (svg && options.label) {
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', options.label);
      }
      return view.runAsync();
    });
  }

  function embedFigure(el) {
    var script = document.getElementById(el.getAttribute('data-spec'));
    if (!script) return Promise.resolve();
    var spec = JSON.parse(script.textContent);
    var figure = el.closest('figure');
    var title = figure ? (figure.querySelector('.figure-title') || {}).textContent || '' : '';
    var name = el.getAttribute('data-spec').replace(/^spec-/, '');
    return embed(el, spec, { label: el.getAttribute('data-label') })
      .then(function (view) {
        toolbar(el, view, spec, title.replace(/^Figure \d+\.\s*/, ''), name);
        el.setAttribute('data-ready', 'true');
        el.setAttribute('data-ready-at', String(Math.round(performance.now())));
      })
      .catch(function () {
        el.textContent = el.getAttribute('data-error') || '';
        var img = document.createElement('img');
        img.src = 'charts/' + name + '.svg';
        img.alt = '';
        img.style.maxWidth = '100%';
        el.appendChild(img);
        el.setAttribute('data-ready', 'error');
      });
  }

  CT.embed = embed;
  CT.toolbar = toolbar;
  CT.dark = dark;
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof vegaEmbed !== 'function') return;
    // One chart after another, in page order: the first is interactive sooner than if all were
    // built at once, and the page stays responsive while the rest follow.
    var charts = Array.prototype.slice.call(document.querySelectorAll('.vega-chart[data-spec]'));
    charts.reduce(function (previous, el) {
      return previous.then(function () { return new Promise(function (next) { setTimeout(next, 0); }); }).then(function () { return embedFigure(el); });
    }, Promise.resolve());
  });
})();
