// Every page: shared helpers (number format, CSV, downloads, the page's texts) and sortable tables.
// Pages read fully without it (static SVG fallbacks, plain tables). Chart pages add charts.js,
// the Explorer explorer.js, the Data page data-page.js.
(function () {
  'use strict';
  var SUPER = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
  function json(id) {
    var el = document.getElementById(id);
    try { return el ? JSON.parse(el.textContent) : null; } catch (e) { return null; }
  }
  // The number format of the report (pipeline/render/format.ts, sci): "3.1 × 10²³", plain between 0.01 and 10⁴.
  function sci(n) {
    if (n === null || n === undefined || !isFinite(n)) return '';
    var a = Math.abs(n);
    if (a === 0) return '0';
    if (a >= 1e-2 && a < 1e4) return String(Number(n.toPrecision(3)));
    var parts = n.toExponential(1).split('e');
    return parts[0].replace('-', '\u2212') + ' × 10' + String(Number(parts[1])).split('').map(function (c) { return SUPER[c]; }).join('');
  }
  // A spreadsheet runs a cell starting with = + - @ tab or CR as a formula: an apostrophe makes it text.
  function csvCell(v) {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return isFinite(v) ? String(v) : '';
    var s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csv(header, rows) {
    return [header].concat(rows).map(function (r) { return r.map(csvCell).join(','); }).join('\n') + '\n';
  }
  // Saves text or a Blob (a PNG) as a file.
  function download(name, content, type) {
    var url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  // "{n} of {m}" with its slots filled.
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (_, k) { return values[k] !== undefined ? values[k] : ''; });
  }
  function count(n) { return Number(n).toLocaleString('en-US'); }
  window.CT = { json: json, sci: sci, csv: csv, csvCell: csvCell, download: download, fill: fill, count: count, text: json('site-text') || {} };

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
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('table.sortable').forEach(makeSortable);
  });
})();
