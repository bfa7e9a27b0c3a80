/* The workbench's pages: math by KaTeX, charts by uPlot, live runs over Server-Sent Events. No inline scripts. */
(function () {
  'use strict';
  // Okabe–Ito, a colour-blind-safe palette (yellow last: it is faint on white).
  var PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
  var NAMES = { trainLoss: 'train loss', testLoss: 'test loss', trainAccuracy: 'train accuracy', testAccuracy: 'test accuracy' };
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
    if (!window.katex) return;
    (root || document).querySelectorAll('span.math').forEach(function (el) {
      if (el.dataset.rendered) return;
      try {
        katex.render(el.textContent, el, { displayMode: el.classList.contains('display'), throwOnError: false });
        el.dataset.rendered = '1';
      } catch (e) { el.title = String(e); }
    });
  }

  /** spec: {id,title,xLabel,yLabel,logX,logY,x:[...],series:[{label,y,lo?,hi?}],marks?:[x...]} */
  function makeChart(container, spec, width) {
    var data = [spec.x.slice()];
    var series = [{ label: spec.xLabel, value: function (u, v) { return sig4(v); } }];
    var whiskers = [];
    spec.series.forEach(function (s, i) {
      var colour = PALETTE[i % PALETTE.length];
      data.push(s.y.slice());
      var line = { label: s.label, stroke: s.dash ? '#555' : colour, width: s.dash ? 1 : (spec.x.length > 200 ? 1 : 2),
        points: { show: spec.x.length < 40 && !spec.stepped, size: 6 }, value: function (u, v) { return sig4(v); }, spanGaps: false };
      // past the palette's 8 colours the series repeat them dashed, then dotted, as the PNGs do
      var round = Math.floor(i / PALETTE.length) % 4;
      if (round > 0) line.dash = [[7, 4], [2, 3], [8, 3, 2, 3]][round - 1];
      if (s.dash) line.dash = [6, 4];
      if (spec.stepped && uPlot.paths && uPlot.paths.stepped) line.paths = uPlot.paths.stepped({ align: 1 });
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
    var box = document.createElement('figure');
    box.className = 'chart';
    box.dataset.chart = spec.id || '';
    container.appendChild(box);
    var opts = {
      title: spec.title, width: width || spec.width || Math.min(container.clientWidth || 640, 640), height: 300,
      scales: { x: { time: false, distr: spec.logX ? 3 : 1 }, y: yScale },
      axes: [
        { label: spec.xLabel, values: function (u, vals) { return vals.map(sig4); },
          incrs: spec.integerX ? [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] : undefined },
        { label: spec.yLabel, values: function (u, vals) { return vals.map(sig4); }, size: 60 }
      ],
      series: series, legend: { show: true, live: true },
      cursor: { drag: { x: true, y: false } },
      hooks: { draw: [function (u) {
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

  function renderCharts() {
    if (!window.uPlot) return;
    document.querySelectorAll('script.chart-data').forEach(function (s) {
      var container = s.previousElementSibling;
      if (!container || !container.classList.contains('charts') || container.dataset.done) return;
      var folded = container.closest('details:not([open])');
      if (folded) { // drawn when its folded section is opened, at the width it then has
        folded.addEventListener('toggle', renderCharts, { once: true });
        return;
      }
      var specs = [];
      try { specs = JSON.parse(s.textContent); } catch (e) { return; }
      specs.forEach(function (spec) { if (spec.series.length) makeChart(container, spec); });
      container.dataset.done = '1';
    });
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
    rememberColumns();
  }

  // the runs table's metric columns, remembered in this browser (docs/run-store.md)
  function rememberColumns() {
    var cols = document.getElementById('run-columns');
    if (!cols) return;
    var KEY = 'workbench.runs.columns';
    var params = new URLSearchParams(location.search);
    var saved = null;
    try { saved = localStorage.getItem(KEY); } catch (e) { saved = null; }
    if (!params.has('cols') && saved) {
      params.set('cols', saved);
      location.replace(location.pathname + '?' + params.toString());
      return;
    }
    try { localStorage.setItem(KEY, cols.value); } catch (e) { /* private mode: not remembered */ }
    document.getElementById('query-form').addEventListener('submit', function () {
      try { localStorage.setItem(KEY, cols.value); } catch (e) { /* not remembered */ }
    });
  }

  function runPage() {
    var form = document.getElementById('run-form');
    if (!form) return;
    var cancel = document.getElementById('run-cancel');
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
          watch(current, body.get('experiment'));
        }).catch(function (e) { showError(String(e)); });
    });
    cancel.addEventListener('click', function () {
      if (current) post('/api/cancel?id=' + encodeURIComponent(current), null);
      cancel.disabled = true;
    });
    function showError(msg) {
      var live = document.getElementById('run-live'); live.hidden = false;
      document.getElementById('run-heading').textContent = 'Not started';
      document.getElementById('run-log').textContent = msg;
      document.getElementById('run-start').disabled = false;
    }
  }

  function watch(id, experiment) {
    var live = document.getElementById('run-live');
    live.hidden = false;
    document.getElementById('run-heading').textContent = 'Running ' + experiment + '…';
    var bar = document.getElementById('run-progress');
    var status = document.getElementById('run-status');
    var log = document.getElementById('run-log');
    var result = document.getElementById('run-result');
    var chartsBox = document.getElementById('live-charts');
    log.textContent = ''; result.innerHTML = ''; chartsBox.innerHTML = '';
    ['epochs', 'updates', 'firstShownAt', 'finishedAt', 'lastUpdate', 'lastEpochEnd'].forEach(function (k) { delete chartsBox.dataset[k]; });
    var loss = null, acc = null, lossKeys = [], accKeys = [];
    var source = new EventSource('/api/events?id=' + encodeURIComponent(id));
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
        if (e.status === 0) {
          document.getElementById('run-heading').textContent = 'Done: ' + e.run;
          bar.value = bar.max;
          showResult(e.run, result);
        } else {
          document.getElementById('run-heading').textContent = (e.status === 2 ? 'Invalid: ' : 'Stopped: ') + (e.error || '');
          live.dataset.ended = e.status === 1 && /cancelled/.test(e.error || '') ? 'cancelled' : 'failed';
        }
      }
    };
  }

  function push(chart, x, ys) {
    var data = chart.data.map(function (a) { return Array.prototype.slice.call(a); });
    data[0].push(x);
    for (var i = 0; i < ys.length; i++) data[i + 1].push(ys[i] == null ? null : ys[i]);
    chart.setData(data);
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

  function pluginsPage() {
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

  document.addEventListener('DOMContentLoaded', function () {
    renderMath();
    renderCharts();
    runsPage();
    runPage();
    pluginsPage();
    document.documentElement.dataset.ready = '1';
  });
})();
