// The Data page's table of every system from data/systems.js: newest first, a page at a time,
// searchable (name, organization, source), filterable (domain, with or without a compute value),
// sortable by column; and a system's details (every models.csv field, provenance, links) in a
// dialog, loaded from data/records/<k>.js. The view is kept in the URL (#q=…&page=…&system=…).
(function () {
  'use strict';
  var CT = window.CT;
  var root = document.getElementById('systems');
  var config = CT.json('data-page-config');
  var D = window.CT_SYSTEMS;
  if (!root || !config || !D) return;
  var T = config.text;
  var N = D.n;
  var table = document.getElementById('systems-table');
  var tbody = table.tBodies[0];
  var statusLine = root.querySelector('.systems-status');

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function column(key) { return D.columns[key]; }
  function dictAt(c, i) { return !c || c.codes[i] < 0 ? '' : c.dict[c.codes[i]]; }
  // The publication a compute value rests on: coded '' when it is the system's paper.
  function valueSource(i) {
    var s = dictAt(D.vsource, i);
    // '' for the authors' own values (their paper) and for systems without a value (the paper too).
    return s === '' ? { text: D.source[i], link: D.link[i] } : { text: s, link: dictAt(D.vlink, i) };
  }
  function text(key, i) {
    if (key === 'vsource') return valueSource(i).text;
    if (D[key] && D[key].dict) return dictAt(D[key], i);
    if (D[key] && key !== 'columns') return D[key][i];
    var c = column(key);
    if (!c) return '';
    if (c.dict) return c.codes[i] < 0 ? '' : c.dict[c.codes[i]];
    return c[i];
  }
  // arXiv ids and DOIs to their resolvers; anything but http(s) is no link.
  function linkUrl(l) {
    if (!l) return '';
    if (/^arXiv:/.test(l)) return 'https://arxiv.org/abs/' + encodeURI(l.slice(6));
    if (/^doi:/.test(l)) return 'https://doi.org/' + encodeURI(l.slice(4));
    return /^https?:\/\//i.test(l) ? l : '';
  }
  function anchor(href, label) {
    if (!href) return document.createTextNode(label);
    var a = el('a', { href: href, rel: 'noopener' }, label);
    return a;
  }

  // ---- controls
  var controls = el('div', { class: 'systems-controls' });
  var searchLabel = el('label', { class: 'ex-field' });
  searchLabel.appendChild(el('span', {}, T.search));
  var search = el('input', { type: 'search', id: 'systems-q', placeholder: T.searchPlaceholder, autocomplete: 'off' });
  searchLabel.appendChild(search);
  controls.appendChild(searchLabel);
  var domainSel = null;
  if (column('domain')) {
    var dl = el('label', { class: 'ex-field' });
    dl.appendChild(el('span', {}, T.domain));
    domainSel = el('select', { id: 'systems-domain' });
    domainSel.appendChild(el('option', { value: '' }, T.all));
    column('domain').dict.forEach(function (d) { domainSel.appendChild(el('option', { value: d }, d)); });
    dl.appendChild(domainSel);
    controls.appendChild(dl);
  }
  var flopSel = null;
  if (column('flop')) {
    var fl = el('label', { class: 'ex-field' });
    fl.appendChild(el('span', {}, T.method));
    flopSel = el('select', { id: 'systems-flop' });
    [['', T.all], ['with', T.withFlop], ['without', T.withoutFlop]].forEach(function (o) { flopSel.appendChild(el('option', { value: o[0] }, o[1])); });
    fl.appendChild(flopSel);
    controls.appendChild(fl);
  }
  root.insertBefore(controls, root.firstChild);
  var pager = el('nav', { class: 'pager', 'aria-label': 'Pages of the table' });
  var prev = el('button', { type: 'button' }, T.prev);
  var pageInfo = el('span', { class: 'pager-info' });
  var next = el('button', { type: 'button' }, T.next);
  [prev, pageInfo, next].forEach(function (n) { pager.appendChild(n); });
  root.insertBefore(pager, root.querySelector('noscript'));
  var dialog = el('dialog', { id: 'system-detail', 'aria-labelledby': 'system-detail-title' });
  document.body.appendChild(dialog);

  // ---- state in the URL
  var state = { q: '', domain: '', flop: '', page: 1, sort: '', desc: false, system: '' };
  function readState() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    state.q = p.get('q') || '';
    state.domain = p.get('domain') || '';
    state.flop = p.get('flop') || '';
    state.page = Math.max(1, Number(p.get('page')) || 1);
    state.sort = p.get('sort') || '';
    state.desc = p.get('order') === 'desc';
    state.system = p.get('system') || '';
    search.value = state.q;
    if (domainSel) domainSel.value = state.domain;
    if (flopSel) flopSel.value = state.flop;
  }
  function writeState() {
    var p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    if (state.domain) p.set('domain', state.domain);
    if (state.flop) p.set('flop', state.flop);
    if (state.sort) { p.set('sort', state.sort); p.set('order', state.desc ? 'desc' : 'asc'); }
    if (state.page > 1) p.set('page', String(state.page));
    if (state.system) p.set('system', state.system);
    var hash = p.toString() ? '#' + p.toString() : location.pathname.split('/').pop();
    if (('#' + p.toString()) !== location.hash) history.replaceState(null, '', p.toString() ? '#' + p.toString() : location.pathname + location.search);
    return hash;
  }

  // ---- rows
  function matching() {
    var q = state.q.trim().toLowerCase();
    var out = [];
    var dom = column('domain'), flop = column('flop'), org = column('org');
    var domCode = dom && state.domain ? dom.dict.indexOf(state.domain) : -2;
    for (var i = N - 1; i >= 0; i--) {
      if (domCode !== -2 && dom.codes[i] !== domCode) continue;
      if (state.flop === 'with' && flop[i] === null) continue;
      if (state.flop === 'without' && flop[i] !== null) continue;
      if (q) {
        var hay = D.name[i].toLowerCase().indexOf(q) >= 0 || D.source[i].toLowerCase().indexOf(q) >= 0 || (org && text('org', i).toLowerCase().indexOf(q) >= 0);
        if (!hay) continue;
      }
      out.push(i);
    }
    if (state.sort) {
      var key = state.sort, dir = state.desc ? -1 : 1;
      out.sort(function (a, b) {
        var x = text(key, a), y = text(key, b);
        var ex = x === null || x === '', ey = y === null || y === '';
        if (ex || ey) return ex === ey ? a - b : ex ? 1 : -1;
        if (typeof x === 'string') { x = x.toLowerCase(); y = String(y).toLowerCase(); }
        return x < y ? -dir : x > y ? dir : b - a;
      });
    }
    return out;
  }
  function cell(key, i) {
    var td = el('td');
    var col = config.columns.filter(function (c) { return c.key === key; })[0];
    td.setAttribute('data-label', col.title);
    if (col.numeric) td.className = 'num';
    if (key === 'name') {
      var a = el('a', { href: '#system=' + encodeURIComponent(D.id[i]) }, D.name[i]);
      td.appendChild(a);
    } else if (key === 'source') {
      td.appendChild(anchor(D.link[i], D.source[i]));
    } else if (key === 'vsource') {
      var vs = valueSource(i);
      td.appendChild(anchor(vs.link, vs.text));
    } else {
      var v = text(key, i);
      td.textContent = typeof v === 'number' ? CT.sci(v) : v === null ? '' : v;
    }
    return td;
  }
  function render() {
    var rows = matching();
    var per = config.perPage;
    var pages = Math.max(1, Math.ceil(rows.length / per));
    if (state.page > pages) state.page = pages;
    var start = (state.page - 1) * per;
    var frag = document.createDocumentFragment();
    rows.slice(start, start + per).forEach(function (i) {
      var tr = el('tr');
      config.columns.forEach(function (c) { tr.appendChild(cell(c.key, i)); });
      frag.appendChild(tr);
    });
    tbody.textContent = '';
    tbody.appendChild(frag);
    statusLine.textContent = rows.length === 0 ? T.none : CT.fill(state.sort ? T.rowsSorted : T.rows, { from: CT.count(start + 1), to: CT.count(Math.min(rows.length, start + per)), total: CT.count(rows.length) });
    pageInfo.textContent = CT.fill(T.page, { page: CT.count(state.page), pages: CT.count(pages) });
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= pages;
    table.querySelectorAll('thead th').forEach(function (th) {
      var k = th.getAttribute('data-key');
      if (k === state.sort) th.setAttribute('aria-sort', state.desc ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
    writeState();
    root.setAttribute('data-state', 'ready');
    root.setAttribute('data-rows', String(rows.length));
    if (!root.hasAttribute('data-ready-at')) root.setAttribute('data-ready-at', String(Math.round(performance.now())));
  }

  // ---- details
  var chunks = {}, waiting = {};
  window.CT_RECORDS = function (k, lines) {
    chunks[k] = lines;
    (waiting[k] || []).forEach(function (f) { f(lines); });
    delete waiting[k];
  };
  function loadChunk(k, done) {
    if (chunks[k]) return done(chunks[k]);
    if (waiting[k]) return waiting[k].push(done);
    waiting[k] = [done];
    var s = document.createElement('script');
    s.src = 'data/records/' + k + '.js';
    document.head.appendChild(s);
  }
  // One models.csv line into its cells (RFC 4180 quoting), the apostrophe before a formula removed.
  function parseLine(line) {
    var out = [], cur = '', quoted = false;
    for (var i = 0; i < line.length; i++) {
      var ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { out.push(cur); cur = ''; }
      else cur += ch;
    }
    out.push(cur);
    return out.map(function (c) { return /^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c; });
  }
  function fieldValue(h, v) {
    if (v === '') return T.empty;
    if ((h.type === 'number' || h.type === 'integer') && h.name !== 'year' && h.name !== 'source_year') {
      var n = Number(v);
      var shown = CT.sci(n);
      return shown === v || String(n) === shown ? v : shown + '  (' + v + (h.unit ? ' ' + h.unit : '') + ')';
    }
    return v;
  }
  var PROVENANCE = /^(training_compute|flop_|reported_compute|confidence|compute_|audit_)/;
  function showDetail(id) {
    var i = D.id.indexOf(id);
    dialog.textContent = '';
    var close = el('button', { type: 'button', class: 'dialog-close' }, T.close);
    close.addEventListener('click', function () { dialog.close(); });
    dialog.appendChild(close);
    if (i < 0) {
      dialog.appendChild(el('h2', { id: 'system-detail-title' }, CT.fill(T.notFound, { id: id })));
      if (!dialog.open) dialog.showModal();
      return;
    }
    dialog.appendChild(el('h2', { id: 'system-detail-title' }, D.name[i]));
    var body = el('div', { class: 'detail-body' }, T.loading);
    dialog.appendChild(body);
    if (!dialog.open) dialog.showModal();
    var k = Math.floor(i / D.perFile);
    loadChunk(k, function (lines) {
      var cells = parseLine(lines[i - k * D.perFile]);
      body.textContent = '';
      var links = el('p', { class: 'detail-links' });
      links.appendChild(el('strong', {}, T.links + ': '));
      links.appendChild(anchor(D.link[i], T.sourceLink + ' — ' + D.source[i]));
      links.appendChild(document.createTextNode(' · '));
      links.appendChild(anchor('explorer.html#q=' + encodeURIComponent(D.name[i]), T.explorerLink));
      body.appendChild(links);
      function list(title, keep) {
        body.appendChild(el('h3', {}, title));
        var dlist = el('dl', { class: 'detail-fields' });
        D.header.forEach(function (h, c) {
          if (!keep(h)) return;
          var dt = el('dt', { title: h.description }, h.label);
          dt.appendChild(el('code', {}, h.name));
          var dd = el('dd');
          var v = cells[c] || '';
          var url = /_link$/.test(h.name) ? linkUrl(v) : /^https?:\/\//.test(v) ? v : '';
          dd.appendChild(url ? anchor(url, v) : document.createTextNode(fieldValue(h, v)));
          dd.appendChild(el('span', { class: 'detail-desc' }, h.description));
          dlist.appendChild(dt);
          dlist.appendChild(dd);
        });
        body.appendChild(dlist);
      }
      list(T.provenance, function (h) { return PROVENANCE.test(h.name); });
      list(T.fields, function (h) { return !PROVENANCE.test(h.name); });
    });
  }
  dialog.addEventListener('close', function () {
    state.system = '';
    writeState();
  });

  // ---- events
  var typing = null;
  search.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () { state.q = search.value; state.page = 1; render(); }, 120);
  });
  [domainSel, flopSel].forEach(function (s) {
    if (s) s.addEventListener('change', function () { state.domain = domainSel ? domainSel.value : ''; state.flop = flopSel ? flopSel.value : ''; state.page = 1; render(); });
  });
  tbody.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#system="]');
    if (!a) return;
    e.preventDefault();
    state.system = decodeURIComponent(a.getAttribute('href').slice(8));
    writeState();
    showDetail(state.system);
  });
  prev.addEventListener('click', function () { state.page--; render(); });
  next.addEventListener('click', function () { state.page++; render(); });
  table.querySelectorAll('thead th').forEach(function (th) {
    th.tabIndex = 0;
    th.setAttribute('title', 'Sort by this column');
    function sort() {
      var k = th.getAttribute('data-key');
      state.desc = state.sort === k ? !state.desc : false;
      state.sort = k;
      state.page = 1;
      render();
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
  });
  function onHash() {
    readState();
    render();
    if (state.system) showDetail(state.system);
    else if (dialog.open) dialog.close();
  }
  window.addEventListener('hashchange', onHash);
  onHash();
})();
