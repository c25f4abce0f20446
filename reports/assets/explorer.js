// The Explorer: every system of data/systems.js in one scatter, with filters, search, a choice of
// axes, colour and scales, counts that follow the filters, the view in the URL (#x=…&y=…), and a
// CSV of the selection. Controls are built from the fields the data file has (one list on the
// server: pipeline/render/fields.ts); filters and search reach the chart through the Vega View API
// (view.change, view.signal); a change of axes, colour or scale draws it anew from the spec.
(function () {
  'use strict';
  var CT = window.CT;
  var root = document.getElementById('explorer');
  var config = CT.json('explorer-config');
  var D = window.CT_SYSTEMS;
  if (!root || !config) return;
  var T = config.text;
  if (!D || typeof vegaEmbed !== 'function') {
    root.setAttribute('data-state', 'error');
    root.appendChild(el('p', {}, T.noData));
    return;
  }
  var N = D.n;
  var CHECKBOXES_UP_TO = 12;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // ---- fields
  var fields = {};
  D.fields.forEach(function (f) { fields[f.key] = f; });
  var axisFields = D.fields.filter(function (f) { return f.kind === 'number' || f.kind === 'date'; });
  var categoryFields = D.fields.filter(function (f) { return f.kind === 'category'; });
  var dateField = D.fields.filter(function (f) { return f.kind === 'date'; })[0];
  // For each category field: its distinct values (split at "; " where a cell holds several), and per dictionary entry the values it holds.
  categoryFields.forEach(function (f) {
    var col = D.columns[f.key];
    var values = [], index = {};
    f.codeValues = col.dict.map(function (entry) {
      var parts = f.multi ? entry.split('; ') : [entry];
      return parts.map(function (v) {
        if (index[v] === undefined) { index[v] = values.length; values.push(v); }
        return index[v];
      });
    });
    f.values = values;
    var totals = values.map(function () { return 0; });
    for (var i = 0; i < N; i++) {
      var c = col.codes[i];
      if (c >= 0) f.codeValues[c].forEach(function (v) { totals[v]++; });
    }
    f.totals = totals;
    f.checkboxes = values.length <= CHECKBOXES_UP_TO;
    // Colours go to the most frequent values, the rest share "Other".
    var byCount = values.map(function (_, v) { return v; }).sort(function (a, b) { return totals[b] - totals[a] || (values[a] < values[b] ? -1 : 1); });
    f.colourOf = {};
    byCount.forEach(function (v, rank) { f.colourOf[v] = rank < config.palette.length - 1 ? values[v] : T.other; });
    f.legend = byCount.slice(0, config.palette.length - 1).map(function (v) { return values[v]; });
    if (values.length > config.palette.length - 1) f.legend.push(T.other);
  });

  // ---- state, from and to the URL
  var defaults = {
    x: dateField ? dateField.key : (axisFields[0] || {}).key,
    y: fields.flop ? 'flop' : (axisFields[1] || axisFields[0] || {}).key,
    color: fields.domain ? 'domain' : '',
    q: '', from: '', to: '', filters: {}
  };
  function logDefault(key) { return fields[key] && fields[key].scale === 'log'; }
  function readState() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    var s = { x: p.get('x'), y: p.get('y'), color: p.has('color') ? p.get('color') : defaults.color, q: p.get('q') || '', from: p.get('from') || '', to: p.get('to') || '', filters: {} };
    if (!fields[s.x] || fields[s.x].kind === 'category') s.x = defaults.x;
    if (!fields[s.y] || fields[s.y].kind === 'category') s.y = defaults.y;
    if (s.color && !(fields[s.color] && fields[s.color].kind === 'category')) s.color = '';
    s.xlog = p.has('xscale') ? p.get('xscale') === 'log' : logDefault(s.x);
    s.ylog = p.has('yscale') ? p.get('yscale') === 'log' : logDefault(s.y);
    categoryFields.forEach(function (f) {
      var v = p.getAll(f.key).filter(Boolean);
      if (v.length) s.filters[f.key] = f.checkboxes ? v.filter(function (x) { return f.values.indexOf(x) >= 0; }) : v[0];
    });
    return s;
  }
  function writeState() {
    var p = new URLSearchParams();
    p.set('x', state.x);
    p.set('y', state.y);
    p.set('color', state.color);
    if (fields[state.x].kind !== 'date') p.set('xscale', state.xlog ? 'log' : 'linear');
    if (fields[state.y].kind !== 'date') p.set('yscale', state.ylog ? 'log' : 'linear');
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
    Object.keys(state.filters).forEach(function (k) {
      var v = state.filters[k];
      (Array.isArray(v) ? v : [v]).forEach(function (x) { if (x) p.append(k, x); });
    });
    if (state.q) p.set('q', state.q);
    var hash = '#' + p.toString();
    if (location.hash !== hash) history.replaceState(null, '', hash);
    link.href = hash;
  }
  var state = readState();

  // ---- controls
  var controls = el('div', { class: 'explorer-controls' });
  function select(id, label, options, value) {
    var wrap = el('label', { class: 'ex-field' });
    wrap.appendChild(el('span', {}, label));
    var s = el('select', { id: id });
    options.forEach(function (o) {
      var opt = el('option', { value: o.value }, o.label);
      if (o.value === value) opt.selected = true;
      s.appendChild(opt);
    });
    wrap.appendChild(s);
    return { wrap: wrap, input: s };
  }
  function checkbox(id, label, checked) {
    var wrap = el('label', { class: 'ex-check' });
    var c = el('input', { type: 'checkbox', id: id });
    c.checked = checked;
    wrap.appendChild(c);
    wrap.appendChild(document.createTextNode(' ' + label));
    return { wrap: wrap, input: c };
  }
  var axisOptions = axisFields.map(function (f) { return { value: f.key, label: f.label }; });
  var xSel = select('ex-x', T.x, axisOptions, state.x);
  var xLog = checkbox('ex-xlog', T.log, state.xlog);
  var ySel = select('ex-y', T.y, axisOptions, state.y);
  var yLog = checkbox('ex-ylog', T.log, state.ylog);
  var cSel = select('ex-color', T.color, [{ value: '', label: T.noColor }].concat(categoryFields.map(function (f) { return { value: f.key, label: f.label }; })), state.color);
  var axes = el('div', { class: 'ex-row ex-axes' });
  [xSel.wrap, xLog.wrap, ySel.wrap, yLog.wrap, cSel.wrap].forEach(function (w) { axes.appendChild(w); });
  controls.appendChild(axes);

  var searchWrap = el('label', { class: 'ex-field ex-search' });
  searchWrap.appendChild(el('span', {}, T.search));
  var search = el('input', { type: 'search', id: 'ex-q', placeholder: T.searchPlaceholder, autocomplete: 'off' });
  search.value = state.q;
  searchWrap.appendChild(search);
  var searchRow = el('div', { class: 'ex-row' });
  searchRow.appendChild(searchWrap);
  controls.appendChild(searchRow);

  var filterBox = el('details', { class: 'ex-filters', open: '' });
  filterBox.appendChild(el('summary', {}, T.filters));
  var filterGrid = el('div', { class: 'ex-grid' });
  filterBox.appendChild(filterGrid);
  var countSpans = {};
  if (dateField) {
    var years = D.columns[dateField.key].filter(function (v) { return v !== null; });
    var minYear = Math.floor(Math.min.apply(null, years.length < 100000 ? years : [years[0]]));
    var fs = el('fieldset', { class: 'ex-range' });
    fs.appendChild(el('legend', {}, dateField.label));
    var from = el('input', { type: 'number', id: 'ex-from', step: '1', inputmode: 'numeric', 'aria-label': T.from, placeholder: String(minYear) });
    var to = el('input', { type: 'number', id: 'ex-to', step: '1', inputmode: 'numeric', 'aria-label': T.to });
    from.value = state.from;
    to.value = state.to;
    var l1 = el('label', {}, T.from + ' ');
    l1.appendChild(from);
    var l2 = el('label', {}, ' ' + T.to + ' ');
    l2.appendChild(to);
    fs.appendChild(l1);
    fs.appendChild(l2);
    filterGrid.appendChild(fs);
  }
  categoryFields.forEach(function (f) {
    var fs = el('fieldset', { class: 'ex-filter', 'data-field': f.key });
    fs.appendChild(el('legend', {}, f.label));
    if (f.checkboxes) {
      countSpans[f.key] = [];
      f.values.forEach(function (v, i) {
        var id = 'ex-' + f.key + '-' + i;
        var wrap = el('label', { class: 'ex-check', for: id });
        var c = el('input', { type: 'checkbox', id: id, value: v, 'data-field': f.key });
        c.checked = Array.isArray(state.filters[f.key]) && state.filters[f.key].indexOf(v) >= 0;
        wrap.appendChild(c);
        wrap.appendChild(document.createTextNode(' ' + v + ' '));
        var n = el('span', { class: 'ex-count' });
        countSpans[f.key].push(n);
        wrap.appendChild(n);
        fs.appendChild(wrap);
      });
    } else {
      var listId = 'ex-list-' + f.key;
      var input = el('input', { type: 'search', id: 'ex-' + f.key, list: listId, 'data-field': f.key, 'aria-label': f.label + ' ' + T.contains, placeholder: T.contains + '…', autocomplete: 'off' });
      input.value = state.filters[f.key] || '';
      var list = el('datalist', { id: listId });
      f.values.slice().sort().slice(0, 2000).forEach(function (v) { list.appendChild(el('option', { value: v })); });
      fs.appendChild(input);
      fs.appendChild(list);
      var n = el('span', { class: 'ex-count' });
      countSpans[f.key] = n;
      fs.appendChild(n);
    }
    filterGrid.appendChild(fs);
  });
  var resetButton = el('button', { type: 'button', class: 'ex-reset' }, T.reset);
  filterBox.appendChild(resetButton);
  controls.appendChild(filterBox);

  var status = el('p', { class: 'ex-status', role: 'status', 'aria-live': 'polite' });
  var found = el('p', { class: 'ex-found', 'aria-live': 'polite' });
  var basisNote = el('p', { class: 'ex-basis' });
  var chart = el('div', { class: 'vega-chart ex-chart', 'data-label': '' });
  var actions = el('p', { class: 'ex-actions' });
  var csvButton = el('button', { type: 'button' }, T.csv);
  var link = el('a', { href: '#', class: 'ex-link' }, T.link);
  actions.appendChild(csvButton);
  actions.appendChild(document.createTextNode(' '));
  actions.appendChild(link);
  var hint = el('p', { class: 'ex-hint' }, T.detail);
  var side = el('div', { class: 'ex-side' }), mainCol = el('div', { class: 'ex-main' });
  side.appendChild(controls);
  [status, basisNote, found, chart, hint, actions].forEach(function (n) { mainCol.appendChild(n); });
  root.appendChild(side);
  root.appendChild(mainCol);
  // On a phone the chart comes first: the filters start folded.
  if (window.innerWidth < 760) filterBox.removeAttribute('open');

  // ---- selection
  // A number stated on a basis (training cost) is drawn on one basis at a time: the one the
  // reader's filter picks, else the basis most systems have. Null when no axis has a basis.
  function axisBasis() {
    var out = null;
    [state.x, state.y].forEach(function (key) {
      var bf = fields[key] && fields[key].basis ? fields[fields[key].basis] : null;
      if (!bf || out) return;
      var chosen = Array.isArray(state.filters[bf.key]) ? state.filters[bf.key] : [];
      if (chosen.length === 1) { out = { axis: fields[key], field: bf, value: chosen[0], forced: false }; return; }
      var candidates = (chosen.length ? chosen : bf.values).map(function (v) { return bf.values.indexOf(v); });
      candidates.sort(function (a, b) { return bf.totals[b] - bf.totals[a] || a - b; });
      out = { axis: fields[key], field: bf, value: bf.values[candidates[0]], forced: true };
    });
    return out;
  }
  function categoryText(f, i) {
    var c = D.columns[f.key].codes[i];
    return c < 0 ? '' : D.columns[f.key].dict[c];
  }
  // Per active filter, a test of one record.
  function activeFilters() {
    var out = [];
    if (dateField && (state.from || state.to)) {
      var lo = state.from ? Number(state.from) : -Infinity, hi = state.to ? Number(state.to) + 1 : Infinity;
      var years = D.columns[dateField.key];
      out.push({ key: dateField.key, test: function (i) { return years[i] !== null && years[i] >= lo && years[i] < hi; } });
    }
    categoryFields.forEach(function (f) {
      var v = state.filters[f.key];
      if (!v || (Array.isArray(v) && v.length === 0)) return;
      var col = D.columns[f.key];
      var ok = new Uint8Array(col.dict.length);
      if (Array.isArray(v)) {
        var wanted = v.map(function (x) { return f.values.indexOf(x); });
        f.codeValues.forEach(function (vals, code) { ok[code] = vals.some(function (x) { return wanted.indexOf(x) >= 0; }) ? 1 : 0; });
      } else {
        var q = v.toLowerCase();
        col.dict.forEach(function (entry, code) { ok[code] = entry.toLowerCase().indexOf(q) >= 0 ? 1 : 0; });
      }
      out.push({ key: f.key, test: function (i) { var c = col.codes[i]; return c >= 0 && ok[c] === 1; } });
    });
    var basis = axisBasis();
    if (basis && basis.forced) {
      var bcol = D.columns[basis.field.key], want = basis.field.values.indexOf(basis.value);
      // Only systems with a figure on another basis are left out; those without one count as lacking the axis value.
      out.push({ key: basis.field.key, test: function (i) { var c = bcol.codes[i]; return c < 0 || basis.field.codeValues[c].indexOf(want) >= 0; } });
    }
    return out;
  }
  function axisValue(key, log) {
    var col = D.columns[key];
    return function (i) {
      var v = col[i];
      return v === null || (log && !(v > 0)) ? null : v;
    };
  }

  function compute() {
    var filters = activeFilters();
    var selected = new Uint8Array(N);
    var facet = {};
    categoryFields.forEach(function (f) { if (f.checkboxes) facet[f.key] = f.values.map(function () { return 0; }); });
    var match = 0;
    for (var i = 0; i < N; i++) {
      var failed = -1, fails = 0;
      for (var k = 0; k < filters.length && fails < 2; k++) {
        if (!filters[k].test(i)) { fails++; failed = k; }
      }
      if (fails === 0) { selected[i] = 1; match++; }
      // Counts beside each checkbox follow the other filters: a record failing only that field's filter counts too.
      if (fails === 0 || fails === 1) {
        categoryFields.forEach(function (f) {
          if (!f.checkboxes || (fails === 1 && filters[failed].key !== f.key)) return;
          var c = D.columns[f.key].codes[i];
          if (c >= 0) f.codeValues[c].forEach(function (v) { facet[f.key][v]++; });
        });
      }
    }
    return { selected: selected, match: match, facet: facet };
  }

  function valueText(f, v) {
    if (v === null || v === undefined) return '';
    return f.kind === 'date' ? String(Math.floor(v)) : CT.sci(v);
  }

  function rowsFor(sel) {
    var fx = fields[state.x], fy = fields[state.y], fc = state.color ? fields[state.color] : null;
    var gx = axisValue(state.x, state.xlog && fx.kind !== 'date'), gy = axisValue(state.y, state.ylog && fy.kind !== 'date');
    var q = state.q.trim().toLowerCase();
    var plottable = 0, hits = [];
    var take = new Uint8Array(N);
    for (var i = 0; i < N; i++) {
      if (!sel.selected[i] || gx(i) === null || gy(i) === null) continue;
      plottable++;
      if (q && D.name[i].toLowerCase().indexOf(q) >= 0) { hits.push(i); take[i] = 1; }
    }
    // Up to maxDrawn points: the lowest in the server's draw order (record-setters, a system of every year, a stratified sample).
    var drawn = hits.length;
    for (var k = 0; k < D.drawOrder.length && drawn < Math.max(config.maxDrawn, hits.length); k++) {
      var j = D.drawOrder[k];
      if (take[j] || !sel.selected[j] || gx(j) === null || gy(j) === null) continue;
      take[j] = 1;
      drawn++;
    }
    var orgField = fields.org;
    var rows = [];
    for (var r = 0; r < N; r++) {
      if (!take[r]) continue;
      var cText = fc ? categoryText(fc, r) : '';
      var cv = fc && D.columns[fc.key].codes[r] >= 0 ? fc.colourOf[fc.codeValues[D.columns[fc.key].codes[r]][0]] : '';
      rows.push({
        id: D.id[r], name: D.name[r], date: D.date[r], org: orgField ? categoryText(orgField, r) : '',
        x: gx(r), y: gy(r), x_text: valueText(fx, gx(r)), y_text: valueText(fy, gy(r)),
        c: fc ? (cv || '—') : T.noColor, c_text: cText, hit: take[r] === 1 && hits.indexOf(r) >= 0,
        by: D.by && D.by.codes[r] >= 0 ? D.by.dict[D.by.codes[r]] : '',
        href: 'data.html#system=' + encodeURIComponent(D.id[r])
      });
    }
    return { rows: rows, plottable: plottable, hits: hits, drawn: drawn };
  }

  function specFor(rows) {
    var spec = JSON.parse(JSON.stringify(config.spec));
    var fx = fields[state.x], fy = fields[state.y], fc = state.color ? fields[state.color] : null;
    var basis = axisBasis();
    function axis(f, log) {
      var preset = config.axes[f.kind === 'date' ? 'date' : log ? 'log' : 'linear'];
      var title = basis && f.basis === basis.field.key ? CT.fill(T.basisTitle, { axis: f.label, basis: basis.value }) : f.label;
      return Object.assign({ field: spec.encoding.x.field, type: 'quantitative', title: title }, JSON.parse(JSON.stringify(preset)));
    }
    spec.encoding.x = axis(fx, state.xlog);
    spec.encoding.x.field = 'x';
    spec.encoding.y = axis(fy, state.ylog);
    spec.encoding.y.field = 'y';
    var points = spec.layer[0].encoding;
    if (fc) {
      points.color.title = fc.label;
      points.color.scale = { domain: fc.legend.concat(['—']), range: config.palette.slice(0, fc.legend.length).concat(['#9aa0a6']) };
    } else {
      points.color = { value: config.palette[0] };
    }
    points.tooltip = points.tooltip.filter(function (t) { return (t.field !== 'org' || fields.org) && (t.field !== 'c_text' || fc) && (t.field !== 'by' || D.by); }).map(function (t) {
      var title = t.field === 'x_text' ? fx.label : t.field === 'y_text' ? fy.label : t.field === 'c_text' ? fc.label : t.title;
      return Object.assign({}, t, { title: title });
    });
    spec.data = { name: 'systems', values: rows };
    spec.params[0].value = !!state.q.trim();
    spec.description = fy.label + ' against ' + fx.label + (fc ? ', coloured by ' + fc.label : '');
    return spec;
  }

  function showCounts(sel, drawn) {
    var missing = sel.match - drawn.plottable;
    var text = CT.fill(T.counts, { match: CT.count(sel.match), total: CT.count(N) });
    if (sel.match === 0) text = T.none;
    else {
      if (missing > 0) text += CT.fill(T.missing, { missing: CT.count(missing) });
      text += drawn.drawn < drawn.plottable ? CT.fill(T.drawnSample, { drawn: CT.count(drawn.drawn) }) : T.drawnAll;
    }
    status.textContent = text;
    var basis = axisBasis();
    basisNote.textContent = !basis ? '' : CT.fill(basis.forced && basis.field.values.length > 1 ? T.basisAuto : T.basisOne, { axis: basis.axis.label, basis: basis.value, field: basis.field.label });
    var q = state.q.trim();
    found.textContent = !q ? '' : drawn.hits.length ? CT.fill(T.found, { found: CT.count(drawn.hits.length), names: drawn.hits.slice(0, 5).map(function (i) { return D.name[i]; }).join(', ') + (drawn.hits.length > 5 ? ', …' : '') }) : CT.fill(T.notFound, { q: q });
    categoryFields.forEach(function (f) {
      if (f.checkboxes) countSpans[f.key].forEach(function (span, v) { span.textContent = '(' + CT.count(sel.facet[f.key][v]) + ')'; });
    });
  }

  var view = null, drawnKey = '', pending = null;
  function ready(n) {
    chart.setAttribute('data-marks', String(n));
    chart.setAttribute('data-ready', 'true');
    if (!chart.hasAttribute('data-ready-at')) chart.setAttribute('data-ready-at', String(Math.round(performance.now())));
    root.setAttribute('data-state', 'ready');
  }
  function update() {
    writeState();
    var sel = compute();
    var drawn = rowsFor(sel);
    showCounts(sel, drawn);
    chart.setAttribute('data-ready', 'false');
    var basis = axisBasis();
    var key = [state.x, state.y, state.color, state.xlog, state.ylog, basis ? basis.value : ''].join('|');
    var job;
    if (view && key === drawnKey) {
      job = view.change('systems', vega.changeset().remove(vega.truthy).insert(drawn.rows)).signal('searching', !!state.q.trim()).runAsync();
    } else {
      if (view) view.finalize();
      var old = root.querySelector('.chart-tools');
      if (old) old.remove();
      chart.textContent = '';
      drawnKey = key;
      var spec = specFor(drawn.rows);
      chart.setAttribute('data-label', spec.description);
      job = CT.embed(chart, spec, { label: spec.description }).then(function (v) {
        view = v;
        CT.toolbar(chart, v, spec, spec.description, 'explorer');
        return v;
      });
    }
    pending = job.then(function () { ready(drawn.rows.length); });
    return pending;
  }

  // ---- events
  function onChange() {
    state.x = xSel.input.value;
    state.y = ySel.input.value;
    state.color = cSel.input.value;
    state.xlog = xLog.input.checked && fields[state.x].kind !== 'date';
    state.ylog = yLog.input.checked && fields[state.y].kind !== 'date';
    state.q = search.value;
    if (dateField) { state.from = from.value; state.to = to.value; }
    state.filters = {};
    categoryFields.forEach(function (f) {
      if (f.checkboxes) {
        var on = Array.prototype.filter.call(root.querySelectorAll('input[data-field="' + f.key + '"]'), function (c) { return c.checked; }).map(function (c) { return c.value; });
        if (on.length) state.filters[f.key] = on;
      } else {
        var v = document.getElementById('ex-' + f.key).value.trim();
        if (v) state.filters[f.key] = v;
      }
    });
    update();
  }
  function syncScaleBoxes() {
    [[xSel, xLog], [ySel, yLog]].forEach(function (pair) {
      var f = fields[pair[0].input.value];
      pair[1].input.disabled = f.kind === 'date';
    });
  }
  [xSel, ySel].forEach(function (s, k) {
    s.input.addEventListener('change', function () {
      (k === 0 ? xLog : yLog).input.checked = logDefault(s.input.value);
      syncScaleBoxes();
      onChange();
    });
  });
  syncScaleBoxes();
  root.addEventListener('change', function (e) { if (e.target !== xSel.input && e.target !== ySel.input) onChange(); });
  var typing = null;
  root.addEventListener('input', function (e) {
    if (e.target.type !== 'search' && e.target.type !== 'number') return;
    clearTimeout(typing);
    typing = setTimeout(onChange, 150);
  });
  resetButton.addEventListener('click', function () {
    root.querySelectorAll('.ex-filters input').forEach(function (i) { if (i.type === 'checkbox') i.checked = false; else i.value = ''; });
    onChange();
  });
  csvButton.addEventListener('click', function () {
    var sel = compute();
    var cols = D.fields;
    var header = ['id', 'name', 'publication_date'].concat(cols.map(function (f) { return f.column; }));
    var rows = [];
    for (var i = 0; i < N; i++) {
      if (!sel.selected[i]) continue;
      rows.push([D.id[i], D.name[i], D.date[i]].concat(cols.map(function (f) { return f.kind === 'category' ? categoryText(f, i) : D.columns[f.key][i]; })));
    }
    CT.download('compute-trends-selection.csv', CT.csv(header, rows), 'text/csv');
  });
  window.addEventListener('hashchange', function () {
    var s = readState();
    if (location.hash === link.getAttribute('href')) return;
    state = s;
    xSel.input.value = s.x; ySel.input.value = s.y; cSel.input.value = s.color;
    xLog.input.checked = s.xlog; yLog.input.checked = s.ylog; search.value = s.q;
    if (dateField) { from.value = s.from; to.value = s.to; }
    categoryFields.forEach(function (f) {
      if (f.checkboxes) root.querySelectorAll('input[data-field="' + f.key + '"]').forEach(function (c) { c.checked = Array.isArray(s.filters[f.key]) && s.filters[f.key].indexOf(c.value) >= 0; });
      else document.getElementById('ex-' + f.key).value = s.filters[f.key] || '';
    });
    syncScaleBoxes();
    update();
  });
  update();
})();
