/* The workbench's pages: math by KaTeX, charts by uPlot, live runs over Server-Sent Events. No inline scripts. */
(function () {
  'use strict';
  // Okabe–Ito, a colour-blind-safe palette (yellow last: it is faint on white).
  var PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
  var NAMES = { trainLoss: 'train loss', testLoss: 'test loss', trainAccuracy: 'train accuracy', testAccuracy: 'test accuracy' };
  // KaTeX and uPlot are fetched only by pages that have math or charts, from beside this script
  var SELF = document.currentScript ? document.currentScript.src : '';
  var ASSETS = SELF.slice(0, SELF.lastIndexOf('/') + 1);
  var LOADING = {};
  function loadOnce(css, js) {
    if (LOADING[js]) return LOADING[js];
    var parts = [css, js].map(function (file) {
      return new Promise(function (resolve) {
        var el = file.slice(-4) === '.css' ? document.createElement('link') : document.createElement('script');
        el.onload = resolve; el.onerror = resolve;
        if (el.tagName === 'LINK') { el.rel = 'stylesheet'; el.href = ASSETS + file; } else { el.src = ASSETS + file; }
        document.head.appendChild(el);
      });
    });
    LOADING[js] = Promise.all(parts);
    return LOADING[js];
  }
  function katexReady() { return window.katex ? Promise.resolve() : loadOnce('katex/katex.min.css', 'katex/katex.min.js'); }
  function uplotReady() { return window.uPlot ? Promise.resolve() : loadOnce('uplot/uPlot.min.css', 'uplot/uPlot.iife.min.js'); }
  var tokenMeta = document.querySelector('meta[name="wb-token"]');
  var TOKEN = tokenMeta ? tokenMeta.content : '';

  function sig4(v) {
    if (v == null || !isFinite(v)) return '';
    if (v === 0) return '0';
    var s = Number(v.toPrecision(4));
    var a = Math.abs(s);
    return (a >= 1e5 || a < 1e-3) ? s.toExponential().replace(/\.?0+e/, 'e') : String(s);
  }

  function renderMath(root) {
    if (!(root || document).querySelector('span.math:not([data-rendered])')) return Promise.resolve();
    return katexReady().then(function () { typeset(root); });
  }

  function typeset(root) {
    if (!window.katex) return;
    (root || document).querySelectorAll('span.math').forEach(function (el) {
      if (el.dataset.rendered) return;
      try {
        katex.render(el.textContent, el, { displayMode: el.classList.contains('display'), throwOnError: false });
        el.dataset.rendered = '1';
      } catch (e) { el.title = String(e); }
    });
  }

  /**
   * For each series, how many earlier ones it lies on: within 1.5% of the y span (of its logarithms on a
   * log axis) at every point, undrawn at the same points; the PNGs' rule (engine: Coinciding). Such a
   * curve is drawn dashed, its points smaller, so that the curve under it shows.
   */
  function overlays(spec) {
    function val(v) { return v == null || !isFinite(v) ? null : spec.logY ? (v > 0 ? Math.log10(v) : null) : v; }
    var ys = spec.series.map(function (s) { return s.y.map(val); });
    var lo = Infinity, hi = -Infinity;
    ys.forEach(function (y) { y.forEach(function (v) { if (v != null) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }); });
    var tol = 0.015 * (hi > lo ? hi - lo : Math.max(Math.abs(hi), 1e-300));
    return ys.map(function (y, i) {
      var depth = 0;
      for (var j = 0; j < i && y.length > 1; j++) {
        if (y.every(function (v, k) { var w = ys[j][k]; return (v == null) === (w == null) && (v == null || Math.abs(v - w) <= tol); })) depth++;
      }
      return depth;
    });
  }

  /** spec: {id,title,xLabel,yLabel,logX,logY,x:[...],series:[{label,y,lo?,hi?}],marks?:[x...]} */
  function makeChart(container, spec, width) {
    var data = [spec.x.slice()];
    // a sweep over providers (prior.use = gaussian, laplace) has named x values: a point per category
    var cats = spec.categories;
    function xName(v) { return cats ? (v === Math.round(v) && cats[v] != null ? cats[v] : '') : sig4(v); }
    var series = [{ label: spec.xLabel, value: function (u, v) { return v == null ? '' : xName(v); } }];
    var whiskers = [];
    var over = cats ? [] : overlays(spec);
    spec.series.forEach(function (s, i) {
      // in an overlay of runs, one colour per run: its train curve solid, its test curve dashed
      var colour = PALETTE[(s.run != null ? s.run : i) % PALETTE.length];
      data.push(s.y.slice());
      var line = { label: s.label, stroke: s.dash ? '#555' : colour, width: s.dash ? 1 : (spec.x.length > 200 ? 1 : 2),
        points: { show: spec.x.length < 40 && !spec.stepped, size: 6 }, value: function (u, v) { return sig4(v); }, spanGaps: false };
      // past the palette's 8 colours the series repeat them dashed, then dotted, as the PNGs do
      var round = Math.floor((s.run != null ? s.run : i) / PALETTE.length) % 4;
      if (round > 0) line.dash = [[7, 4], [2, 3], [8, 3, 2, 3]][round - 1];
      if (s.test) line.dash = [6, 4];
      if (s.dash) line.dash = [6, 4];
      if (over[i] > 0) {
        line.dash = [[6, 5], [1.5, 4], [8, 4, 1.5, 4]][(over[i] - 1) % 3];
        line.points = { show: line.points.show, size: 4 };
      }
      if (spec.stepped && uPlot.paths && uPlot.paths.stepped) line.paths = uPlot.paths.stepped({ align: 1 });
      if (cats) { line.paths = function () { return null; }; line.points = { show: true, size: 10, width: 2, fill: colour }; }
      series.push(line);
      if (s.lo && s.hi) whiskers.push({ idx: data.length - 1, lo: s.lo, hi: s.hi, colour: colour });
    });
    spec.marks = spec.marks || [];
    var yScale = { distr: spec.logY ? 3 : 1 };
    if (whiskers.length && !spec.logY) {
      yScale.range = function (u, min, max) {
        whiskers.forEach(function (w) {
          w.lo.forEach(function (v) { if (v != null && v < min) min = v; });
          w.hi.forEach(function (v) { if (v != null && v > max) max = v; });
        });
        var pad = (max - min) * 0.05 || 1;
        return [min - pad, max + pad];
      };
    }
    // a y label longer than the plot is tall goes above the plot, whole, instead of being cut
    var longY = (spec.yLabel || '').length > 34;
    var box = document.createElement('figure');
    box.className = 'chart';
    if (longY) {
      var y = document.createElement('div');
      y.className = 'y-label';
      y.textContent = '↑ ' + spec.yLabel;
      box.appendChild(y);
    }
    box.dataset.chart = spec.id || '';
    container.appendChild(box);
    var opts = {
      title: spec.title, width: width || chartWidth(container, spec), height: 300,
      scales: { x: cats ? { time: false, distr: 1, range: function () { return [-0.5, cats.length - 0.5]; } }
                        : { time: false, distr: spec.logX ? 3 : 1 }, y: yScale },
      axes: [
        { label: spec.xLabel, values: function (u, vals) { return vals.map(xName); },
          incrs: cats ? [1] : spec.integerX ? [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] : undefined },
        { label: longY ? '' : spec.yLabel, values: function (u, vals) { return vals.map(sig4); }, size: 60 }
      ],
      series: series, legend: { show: true, live: true },
      cursor: { drag: { x: true, y: false } },
      hooks: { setCursor: [function (u) {
        // away from the plot the legend shows each series' last value, not blanks
        if (u.cursor.idx == null) showLastValues(u);
      }], draw: [function (u) {
        // error bars: one standard error either side of each point
        whiskers.forEach(function (w) {
          if (!u.series[w.idx].show) return;
          var ctx = u.ctx; ctx.save(); ctx.strokeStyle = w.colour; ctx.lineWidth = 1.5;
          for (var i = 0; i < u.data[0].length; i++) {
            if (w.lo[i] == null || w.hi[i] == null || u.data[0][i] == null) continue;
            var px = u.valToPos(u.data[0][i], 'x', true);
            var y0 = u.valToPos(w.lo[i], 'y', true), y1 = u.valToPos(w.hi[i], 'y', true);
            ctx.beginPath(); ctx.moveTo(px, y0); ctx.lineTo(px, y1);
            ctx.moveTo(px - 4, y0); ctx.lineTo(px + 4, y0); ctx.moveTo(px - 4, y1); ctx.lineTo(px + 4, y1); ctx.stroke();
          }
          ctx.restore();
        });
      }, function (u) {
        var marks = spec.marks;
        if (!marks.length) return;
        var ctx = u.ctx; ctx.save(); ctx.strokeStyle = '#555'; ctx.setLineDash([6, 4]); ctx.lineWidth = 1.5;
        marks.forEach(function (m) {
          var px = u.valToPos(m, 'x', true);
          ctx.beginPath(); ctx.moveTo(px, u.bbox.top); ctx.lineTo(px, u.bbox.top + u.bbox.height); ctx.stroke();
          ctx.fillStyle = '#555'; ctx.fillText('swap', px + 4, u.bbox.top + 12);
        });
        ctx.restore();
      }] }
    };
    var chart = new uPlot(opts, data, box);
    var plot = box.querySelector('.u-wrap');
    if (plot) { plot.setAttribute('role', 'img'); plot.setAttribute('aria-label', spec.title || spec.id || 'chart'); }
    showLastValues(chart);
    CHARTS.push({ chart: chart, container: container, spec: spec });
    if (spec.note) {
      // what a logarithmic axis left out, in the words of the run's PNG
      var note = document.createElement('figcaption');
      note.className = 'chart-note';
      note.textContent = spec.note;
      box.appendChild(note);
    }
    chart.spec = spec;
    return chart;
  }

  var CHARTS = [];

  /** As wide as its container allows, at most the spec's width (or 640 px). */
  function chartWidth(container, spec) {
    var room = container.clientWidth || 640;
    return Math.max(200, Math.min(room, spec.width || 640));
  }

  function showLastValues(u) {
    var n = u.data[0].length;
    if (n && u.setLegend) u.setLegend({ idx: n - 1 });
  }

  // charts follow their container's width when the window (or a phone's orientation) changes
  var resizing = false;
  window.addEventListener('resize', function () {
    if (resizing) return;
    resizing = true;
    requestAnimationFrame(function () {
      resizing = false;
      CHARTS.forEach(function (c) {
        var w = chartWidth(c.container, c.spec);
        if (w !== c.chart.width) c.chart.setSize({ width: w, height: c.chart.height });
      });
    });
  });

  function renderCharts() {
    if (!document.querySelector('script.chart-data')) return Promise.resolve();
    return uplotReady().then(drawCharts);
  }

  function drawCharts() {
    if (!window.uPlot) return;
    document.querySelectorAll('script.chart-data').forEach(function (s) {
      var container = s.previousElementSibling;
      if (!container || !container.classList.contains('charts') || container.dataset.done) return;
      var folded = container.closest('details:not([open])');
      if (folded) { // drawn when its folded section is opened, at the width it then has
        folded.addEventListener('toggle', drawCharts, { once: true });
        return;
      }
      var specs = [];
      try { specs = JSON.parse(s.textContent); } catch (e) { return; }
      specs.forEach(function (spec) { if (spec.series.length) makeChart(container, spec); });
      container.dataset.done = '1';
    });
  }

  function comparePage() {
    var toggle = document.getElementById('differences-only');
    var table = document.getElementById('compare-results');
    if (!toggle || !table) return;
    toggle.addEventListener('change', function () { table.classList.toggle('differences-only', toggle.checked); });
  }

  function post(url, body, headers) {
    var h = { 'X-Workbench-Token': TOKEN };
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    return fetch(url, { method: 'POST', body: body, headers: h, credentials: 'same-origin' });
  }

  function runsPage() {
    var filter = document.getElementById('run-filter');
    var table = document.getElementById('runs-table');
    if (!filter || !table) return;
    var button = document.getElementById('compare-button');
    function apply() {
      var q = filter.value.toLowerCase();
      table.querySelectorAll('tr.run-row').forEach(function (tr) {
        tr.hidden = q && tr.textContent.toLowerCase().indexOf(q) < 0;
      });
    }
    function count() {
      button.disabled = table.querySelectorAll('input[name=run]:checked').length < 2;
    }
    filter.addEventListener('input', apply);
    table.addEventListener('change', count);
    apply(); count();
  }

  // the runs table's rows after the first screenful come in hidden, so that the first paint lays out only the
  // first (docs/web.md); their showing is set up before anything else the page's script does, so that no
  // error elsewhere in it can leave them hidden
  function laterRows() {
    var later = document.querySelector('#runs-table tbody.later[hidden]');
    return later ? afterFirstPaint().then(function () { later.hidden = false; }) : Promise.resolve();
  }

  // once the browser has shown the page's first contentful paint (at most 1.5 s); after the first frame where it does not report paints
  function afterFirstPaint() {
    return new Promise(function (resolve) {
      var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
      if (types.indexOf('paint') < 0) {
        requestAnimationFrame(function () { setTimeout(resolve, 0); });
        return;
      }
      var observer = new PerformanceObserver(function (list) {
        if (list.getEntriesByName('first-contentful-paint').length) done();
      });
      // a browser that paints without reporting it (a screenshot, a tab opened in the background) shows them after a while
      var timer = setTimeout(done, 1500);
      function done() { observer.disconnect(); clearTimeout(timer); resolve(); }
      observer.observe({ type: 'paint', buffered: true });
    });
  }

  function runPage() {
    var form = document.getElementById('run-form');
    if (!form) return;
    var cancel = document.getElementById('run-cancel');
    var setBox = document.getElementById('run-set');
    var current = null;
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = new URLSearchParams(new FormData(form));
      document.getElementById('run-start').disabled = true;
      post('/api/run', body).then(function (r) { return r.json().then(function (j) { return [r, j]; }); })
        .then(function (rj) {
          if (!rj[0].ok) { showError(rj[1].error || ('HTTP ' + rj[0].status)); return; }
          current = rj[1].id;
          cancel.disabled = false;
          // the address now names the run: a reload or another tab comes back to it
          history.replaceState(null, '', '/run?id=' + encodeURIComponent(current));
          watch(current, body.get('experiment'));
          refreshActive();
        }).catch(function (e) { showError(String(e)); });
    });
    cancel.addEventListener('click', function () {
      if (current) post('/api/cancel?id=' + encodeURIComponent(current), null);
      cancel.disabled = true;
      document.getElementById('run-status').textContent = 'cancelling…';
    });
    // a parameter's button puts PATH=VALUE among the overrides, replacing a line for the same path
    form.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button.param');
      if (!b) return;
      var line = b.dataset.set, path = line.slice(0, line.indexOf('=') + 1);
      var lines = setBox.value.split('\n').filter(function (l) { return l.trim() && l.trim().indexOf(path) !== 0; });
      lines.push(line);
      setBox.value = lines.join('\n');
      setBox.focus();
    });
    document.getElementById('run-experiment').addEventListener('change', function (ev) {
      fetch('/run?experiment=' + encodeURIComponent(ev.target.value)).then(function (r) { return r.text(); }).then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('run-params');
        if (fresh) document.getElementById('run-params').replaceWith(document.importNode(fresh, true));
      });
    });
    var live = document.getElementById('run-live');
    if (live.dataset.watch) { // reattached: /run?id= after a reload, from the header or from another tab
      current = live.dataset.watch;
      cancel.disabled = false;
      watch(current, live.dataset.watchName);
    }
    function showError(msg) {
      live.hidden = false;
      document.getElementById('run-heading').textContent = 'Not started';
      showProblem(msg);
      document.getElementById('run-start').disabled = false;
    }
  }

  /** The header's runs in progress, refreshed while there are any. */
  var activeTimer = null;
  function refreshActive() {
    var box = document.getElementById('active-runs');
    if (!box) return;
    fetch('/api/active', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (runs) {
      // entries are updated in place (a link being clicked stays the same element); ended runs leave
      var seen = {};
      runs.forEach(function (r) {
        seen[r.id] = true;
        var a = box.querySelector('a.active-run[data-run="' + r.id + '"]');
        if (!a) {
          a = document.createElement('a');
          a.className = 'active-run'; a.href = r.href; a.dataset.run = r.id;
          var name = document.createElement('span'); name.className = 'name';
          var pct = document.createElement('span'); pct.className = 'pct';
          a.appendChild(name); a.appendChild(document.createTextNode(' ')); a.appendChild(document.createElement('progress'));
          a.appendChild(document.createTextNode(' ')); a.appendChild(pct);
          box.appendChild(a);
        }
        a.title = r.origin + ': ' + r.label + ' ' + r.status;
        a.querySelector('.name').textContent = r.name;
        var bar = a.querySelector('progress'); bar.max = r.total; bar.value = r.done;
        a.querySelector('.pct').textContent = r.percent + '%';
      });
      box.querySelectorAll('a.active-run').forEach(function (a) { if (!seen[a.dataset.run]) a.remove(); });
      box.hidden = runs.length === 0;
      clearTimeout(activeTimer);
      if (runs.length) activeTimer = setTimeout(refreshActive, 1000);
    }).catch(function () { /* the server stopped: the list stays as it was */ });
  }

  function watch(id, experiment) {
    var live = document.getElementById('run-live');
    live.hidden = false;
    live.dataset.run = id;
    delete live.dataset.state;
    document.getElementById('run-heading').textContent = 'Running ' + experiment + '…';
    var bar = document.getElementById('run-progress');
    delete bar.dataset.state;
    var status = document.getElementById('run-status');
    var log = document.getElementById('run-log');
    var result = document.getElementById('run-result');
    var chartsBox = document.getElementById('live-charts');
    log.textContent = ''; result.innerHTML = ''; chartsBox.innerHTML = ''; showProblem('');
    ['epochs', 'updates', 'firstShownAt', 'finishedAt', 'lastUpdate', 'lastEpochEnd'].forEach(function (k) { delete chartsBox.dataset[k]; });
    var loss = null, acc = null, lossKeys = [], accKeys = [];
    var source = new EventSource('/api/events?id=' + encodeURIComponent(id));
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED && !live.dataset.state) {
        document.getElementById('run-heading').textContent = 'Lost the run ' + experiment + ': reload the page';
      }
    };
    source.onmessage = function (m) {
      var e = JSON.parse(m.data);
      if (e.type === 'progress') {
        bar.max = Math.max(1, e.total); bar.value = e.done;
        status.textContent = e.label + ': ' + e.status;
      } else if (e.type === 'message') {
        log.textContent += e.line + '\n';
        if (/swapped/.test(e.line) && loss) {
          // a hot swap happens between epochs: mark it just after the last epoch drawn
          var at = loss.data[0].length + 0.5;
          [loss, acc].forEach(function (c) { c.spec.marks = c.spec.marks || []; c.spec.marks.push(at); c.redraw(); });
        }
      } else if (e.type === 'metrics') {
        var v = e.values;
        if (!loss) {
          lossKeys = ['trainLoss', 'testLoss'].filter(function (k) { return k in v; });
          accKeys = ['trainAccuracy', 'testAccuracy'].filter(function (k) { return k in v; });
          loss = makeChart(chartsBox, { id: 'loss', title: 'Loss (live)', xLabel: 'epoch', yLabel: 'cross-entropy loss', x: [],
            integerX: true, series: lossKeys.map(function (k) { return { label: NAMES[k], y: [] }; }) });
          acc = makeChart(chartsBox, { id: 'accuracy', title: 'Accuracy (live)', xLabel: 'epoch', yLabel: 'accuracy', x: [],
            integerX: true, series: accKeys.map(function (k) { return { label: NAMES[k], y: [] }; }) });
        }
        push(loss, e.step, lossKeys.map(function (k) { return v[k]; }));
        push(acc, e.step, accKeys.map(function (k) { return v[k]; }));
        chartsBox.dataset.epochs = String(loss.data[0].length);
        chartsBox.dataset.lastUpdate = String(Date.now());
        chartsBox.dataset.lastEpochEnd = String(e.at);
        chartsBox.dataset.updates = String(Number(chartsBox.dataset.updates || 0) + 1);
        if (!chartsBox.dataset.firstShownAt) chartsBox.dataset.firstShownAt = String(Date.now());
      } else if (e.type === 'finished') {
        source.close();
        chartsBox.dataset.finishedAt = String(e.at);
        document.getElementById('run-start').disabled = false;
        document.getElementById('run-cancel').disabled = true;
        // running, done → result, cancelled, failed: reason, refused: reason
        var heading = document.getElementById('run-heading');
        var said = String(e.text || e.state).split('\n')[0];
        heading.textContent = experiment + ': ' + (said.length > 160 ? said.slice(0, 157) + '…' : said) + (e.state === 'done' ? ' ' : '');
        live.dataset.state = e.state;
        bar.dataset.state = e.state;
        status.textContent = e.state === 'done' ? '' : e.state;
        if (e.state === 'done') {
          var link = document.createElement('a'); link.href = '/runs/' + e.run; link.textContent = e.run;
          heading.appendChild(link);
          bar.value = bar.max;
          showResult(e.run, result);
        } else {
          // the state and the first line of its reason head the page; the whole reason reads as an error beneath
          showProblem(e.error || '');
        }
        refreshActive();
      }
    };
  }

  function showProblem(msg) {
    var box = document.getElementById('run-problem');
    if (!box) {
      box = document.createElement('p');
      box.id = 'run-problem'; box.className = 'error-box'; box.setAttribute('role', 'alert');
      document.getElementById('run-heading').insertAdjacentElement('afterend', box);
    }
    box.textContent = msg;
    box.hidden = !msg;
  }

  function push(chart, x, ys) {
    var data = chart.data.map(function (a) { return Array.prototype.slice.call(a); });
    data[0].push(x);
    for (var i = 0; i < ys.length; i++) data[i + 1].push(ys[i] == null ? null : ys[i]);
    chart.setData(data);
    if (chart.cursor.idx == null) showLastValues(chart);
  }

  function showResult(run, box) {
    fetch('/runs/' + run).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var keys = doc.getElementById('result-keys');
      var h = document.createElement('h3');
      var a = document.createElement('a'); a.href = '/runs/' + run; a.textContent = run;
      h.appendChild(document.createTextNode('Result folder ')); h.appendChild(a);
      box.appendChild(h);
      var answer = doc.getElementById('run-answer');
      if (answer) {
        answer.id = 'answer-table';
        box.appendChild(document.importNode(answer, true));
        renderMath(box);
      } else if (keys) { keys.id = 'answer-table'; box.appendChild(document.importNode(keys, true)); }
      doc.querySelectorAll('.figures').forEach(function (f) { box.appendChild(document.importNode(f, true)); });
      box.dataset.run = run;
    });
  }

  // the Plugins page's Available list (docs/plugin-repository.md): plan, install, update
  function availablePlugins() {
    var table = document.getElementById('available');
    if (!table) return;
    var out = document.getElementById('available-output');
    function show(r) { return r.json().then(function (j) { out.textContent = j.output || j.error || ''; return j; }); }
    function button(label, action) {
      var b = document.createElement('button');
      b.type = 'button'; b.textContent = label; b.className = 'available-' + label.toLowerCase();
      b.addEventListener('click', action);
      return b;
    }
    fetch('/plugins/available').then(function (r) { return r.json(); }).then(function (j) {
      var body = table.querySelector('tbody');
      if (j.note || j.error) out.textContent = j.note || j.error;
      (j.available || []).forEach(function (a) {
        var spec = a.kind ? a.kind + '/' + a.name : a.bundle;
        var tr = document.createElement('tr');
        [a.label + (a.summary ? ' — ' + a.summary : ''), a.versions.join(', '), a.repository, a.installed.join(', ')]
          .forEach(function (text) { var td = document.createElement('td'); td.textContent = text; tr.appendChild(td); });
        var actions = document.createElement('td');
        actions.appendChild(button('Plan', function () {
          out.textContent = 'planning ' + spec + '…';
          fetch('/plugins/available?plan=' + encodeURIComponent(spec)).then(show);
        }));
        actions.appendChild(button(a.installed.length ? 'Update' : 'Install', function () {
          out.textContent = (a.installed.length ? 'updating ' : 'installing ') + spec + '…';
          post('/plugins/available?' + (a.installed.length ? 'update=' : 'install=') + encodeURIComponent(spec), '').then(show);
        }));
        tr.appendChild(actions);
        body.appendChild(tr);
      });
    });
  }

  function pluginsPage() {
    availablePlugins();
    var button = document.getElementById('plugin-upload');
    if (!button) return;
    button.addEventListener('click', function () {
      var input = document.getElementById('plugin-file');
      var out = document.getElementById('plugin-status');
      if (!input.files.length) { out.textContent = 'choose a .jar first'; return; }
      var f = input.files[0];
      out.textContent = 'uploading ' + f.name + '…';
      post('/plugins?name=' + encodeURIComponent(f.name), f, { 'Content-Type': 'application/java-archive' })
        .then(function (r) { return r.json().then(function (j) { return [r, j]; }); })
        .then(function (rj) {
          if (!rj[0].ok) { out.textContent = rj[1].error; return; }
          out.textContent = 'installed ' + rj[1].installed + '; waiting for its providers…';
          var before = document.querySelectorAll('#providers tbody tr').length;
          var tries = 0;
          (function poll() {
            fetch('/plugins').then(function (r) { return r.text(); }).then(function (html) {
              var doc = new DOMParser().parseFromString(html, 'text/html');
              var rows = doc.querySelectorAll('#providers tbody tr').length;
              if (rows > before || ++tries > 50) {
                var t = document.getElementById('providers');
                t.replaceWith(document.importNode(doc.getElementById('providers'), true));
                document.querySelector('.bundles').replaceWith(document.importNode(doc.querySelector('.bundles'), true));
                out.textContent = rows > before ? 'installed ' + rj[1].installed + ': ' + (rows - before) + ' new provider(s)'
                  : 'installed ' + rj[1].installed + ' (no new provider appeared)';
              } else { setTimeout(poll, 100); }
            });
          })();
        });
    });
  }

  // the page is set up once its document is parsed: at once for the pages' deferred script, which runs
  // after the parsing (layout.mustache; loaded async, the runs page painted 50 ms later: docs/web.md), at
  // DOMContentLoaded for a copy that runs while the document is still being parsed
  function setUp() {
    var rows = laterRows();
    runsPage();
    comparePage();
    runPage();
    pluginsPage();
    var box = document.getElementById('active-runs');
    if (box && !box.hidden) activeTimer = setTimeout(refreshActive, 1000);
    // the Run page draws live charts and shows answers with math: it fetches both at once
    var live = document.getElementById('run-form') ? [katexReady(), uplotReady()] : [];
    Promise.all([rows, renderMath(), renderCharts()].concat(live)).then(function () {
      document.documentElement.dataset.ready = '1';
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();
