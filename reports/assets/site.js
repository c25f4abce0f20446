// Progressive enhancement: embeds each chart from its inline spec, and makes tables sortable and
// searchable. Pages read fully without it (static SVG fallbacks, plain tables).
(function () {
  'use strict';
  function chartThemes() {
    var el = document.getElementById('chart-themes');
    try { return el ? JSON.parse(el.textContent) : {}; } catch (e) { return {}; }
  }
  // Below this width a legend inside the plot would cover the points: it moves under the chart.
  var NARROW = 560;
  function legendsBelow(node) {
    if (!node || typeof node !== 'object') return;
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if (key === 'legend' && value && value.orient === 'top-left') {
        value.orient = 'bottom';
        value.direction = 'vertical';
      } else {
        legendsBelow(value);
      }
    });
  }
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
  function embedCharts() {
    if (typeof vegaEmbed !== 'function') return;
    var themes = chartThemes();
    var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    document.querySelectorAll('.vega-chart[data-spec]').forEach(function (el) {
      var script = document.getElementById(el.getAttribute('data-spec'));
      if (!script) return;
      var spec = JSON.parse(script.textContent);
      var narrow = el.clientWidth < NARROW;
      if (narrow) legendsBelow(spec);
      var config = (dark ? themes.dark : themes.light) || {};
      if (narrow) config = merge(config, { legend: { layout: { bottom: { direction: 'vertical', anchor: 'start' } } } });
      var options = {
        actions: { export: true, source: false, compiled: false, editor: false },
        renderer: 'svg',
        downloadFileName: el.getAttribute('data-spec').replace(/^spec-/, ''),
        // vega-tooltip escapes HTML in values by default; never turn that off: values are data.
        tooltip: { theme: dark ? 'dark' : 'light' },
        config: config
      };
      if (dark) options.theme = 'dark';
      vegaEmbed(el, spec, options)
        .then(function (result) {
          el.vegaView = result.view;
          // vega-embed's actions menu is a <summary> holding only an icon: give it a name.
          el.querySelectorAll('details > summary').forEach(function (s) { s.setAttribute('aria-label', 'Export the chart (PNG or SVG)'); });
          el.setAttribute('data-rendered', 'true');
        })
        .catch(function () {
          el.textContent = el.getAttribute('data-error') || '';
          var img = document.createElement('img');
          img.src = 'charts/' + el.getAttribute('data-spec').replace(/^spec-/, '') + '.svg';
          img.alt = '';
          img.style.maxWidth = '100%';
          el.appendChild(img);
        });
    });
  }
  function sortValue(td) {
    var v = td.getAttribute('data-sort');
    return v !== null ? parseFloat(v) : td.textContent.trim().toLowerCase();
  }
  function makeSortable(table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, index) {
      th.tabIndex = 0;
      th.setAttribute('title', 'Sort by this column');
      function sort() {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortValue(a.cells[index]), y = sortValue(b.cells[index]);
          if (x === y) return 0;
          if (x === '' || (typeof x === 'number' && isNaN(x))) return 1;
          if (y === '' || (typeof y === 'number' && isNaN(y))) return -1;
          return (x < y ? -1 : 1) * (asc ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  }
  function makeSearchable(table) {
    var input = document.createElement('input');
    input.type = 'search';
    input.className = 'table-search';
    input.placeholder = 'Search ' + table.tBodies[0].rows.length + ' rows';
    input.setAttribute('aria-label', 'Search the table');
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = q !== '' && row.textContent.toLowerCase().indexOf(q) === -1;
      });
    });
    table.parentNode.parentNode.insertBefore(input, table.parentNode);
  }
  document.addEventListener('DOMContentLoaded', function () {
    embedCharts();
    document.querySelectorAll('table.sortable').forEach(makeSortable);
    document.querySelectorAll('table#systems-table').forEach(makeSearchable);
  });
})();
