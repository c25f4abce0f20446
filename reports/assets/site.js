// Progressive enhancement: embeds each chart from its inline spec, and makes tables sortable and
// searchable. Pages read fully without it (static SVG fallbacks, plain tables).
(function () {
  'use strict';
  function embedCharts() {
    if (typeof vegaEmbed !== 'function') return;
    document.querySelectorAll('.vega-chart[data-spec]').forEach(function (el) {
      var script = document.getElementById(el.getAttribute('data-spec'));
      if (!script) return;
      var spec = JSON.parse(script.textContent);
      vegaEmbed(el, spec, { actions: { export: true, source: false, compiled: false, editor: false }, renderer: 'svg' })
        .catch(function (err) { el.textContent = 'Chart could not be drawn: ' + err.message; });
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
