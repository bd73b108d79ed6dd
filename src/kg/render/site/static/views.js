/* summit-kg site: the pictures of an answer, from the data in <script id="kg-views">.
   plotly.js (timeline, bars) and vis-network (network) are local assets, copied from their
   installed Python packages when the site is built; nothing is fetched from anywhere.
   window.kgViews says what was drawn, for tests and for the curious. */
(function () {
  "use strict";
  var source = document.getElementById("kg-views");
  if (!source) { return; }
  var data = JSON.parse(source.textContent);
  var drawn = { timeline: 0, bars: 0, network: 0, ready: false };
  window.kgViews = drawn;
  var config = { displaylogo: false, responsive: true,
                 modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"] };
  var font = { family: "DejaVu Sans, Arial, sans-serif", size: 13, color: "#222" };
  function short(text, n) { return text.length > n ? text.slice(0, n - 1) + "\u2026" : text; }
  function open(points) {
    var p = points && points.points && points.points[0];
    if (p && p.customdata) { window.location.href = p.customdata; }
  }

  function timeline(el, t) {
    var series = {};
    t.marks.forEach(function (m) {
      var key = m.series;
      var s = series[key] || (series[key] = { x: [], y: [], text: [], symbol: [], customdata: [] });
      s.x.push(m.year_only ? m.when + "-07-02" : m.when);
      s.y.push(short(m.label, 42));
      s.text.push((m.year_only ? m.when : m.when) + " \u00b7 " + m.label + " \u00b7 " + m.note);
      s.symbol.push(m.year_only ? "square" : "circle");
      s.customdata.push(m.href || "");
    });
    var names = Object.keys(series);
    var traces = names.map(function (name) {
      var s = series[name];
      return { type: "scatter", mode: "markers", name: name, x: s.x, y: s.y, text: s.text,
               customdata: s.customdata, hovertemplate: "%{text}<extra></extra>",
               marker: { size: 12, symbol: s.symbol, line: { width: 1, color: "#333" } } };
    });
    var rows = {};
    t.marks.forEach(function (m) { rows[short(m.label, 42)] = true; });
    var height = 140 + 30 * Object.keys(rows).length;
    Plotly.newPlot(el, traces, {
      font: font, height: height, margin: { l: 10, r: 10, t: 10, b: 40 },
      xaxis: { type: "date", title: { text: "" }, gridcolor: "#e5e5e5" },
      yaxis: { type: "category", automargin: true, autorange: "reversed" },
      showlegend: names.length > 1, legend: { orientation: "h", y: -0.15 },
      hovermode: "closest"
    }, config).then(function () {
      drawn.timeline = t.marks.length;
      el.on("plotly_click", open);
      finish();
    });
  }

  function bars(el, c) {
    c.charts.forEach(function (chart, i) {
      var box = document.createElement("div");
      box.className = "plot kg-bars";
      var title = document.createElement("h3");
      title.textContent = chart.unit;
      el.appendChild(title);
      el.appendChild(box);
      var bars = chart.bars.slice().reverse();
      Plotly.newPlot(box, [{
        type: "bar", orientation: "h",
        x: bars.map(function (b) { return b.value; }),
        y: bars.map(function (b) { return short(b.label, 42); }),
        text: bars.map(function (b) { return b.text; }), textposition: "auto",
        customdata: bars.map(function (b) { return b.href || ""; }),
        hovertemplate: "%{y}: %{text}<extra></extra>", marker: { color: "#2e86c1" }
      }], {
        font: font, height: 90 + 36 * bars.length, margin: { l: 10, r: 20, t: 10, b: 40 },
        xaxis: { exponentformat: "B", gridcolor: "#e5e5e5", rangemode: "tozero" },
        yaxis: { automargin: true }
      }, config).then(function () {
        drawn.bars += chart.bars.length;
        box.on("plotly_click", open);
        finish();
      });
    });
  }

  function network(el, n) {
    var nodes = n.nodes.map(function (d) {
      return { id: d.id, label: short(d.label, 40), shape: d.shape, title: d.label + " (" + d["class"] + ")",
               color: { background: d.color, border: "#333", highlight: { background: d.color, border: "#000" } },
               href: d.href };
    });
    var edges = n.edges.map(function (e, i) {
      return { id: "e" + i, from: e.from, to: e.to, label: e.label, arrows: "to" };
    });
    var net = new vis.Network(el, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) }, {
      nodes: { font: { size: 14, face: "DejaVu Sans, Arial", strokeWidth: 3, strokeColor: "#fff" },
               size: 14, widthConstraint: { maximum: 170 } },
      edges: { color: { color: "#9aa3ab", highlight: "#333" }, smooth: { type: "continuous" },
               font: { size: 10, color: "#555", strokeWidth: 3, strokeColor: "#fff" },
               arrows: { to: { scaleFactor: 0.5 } } },
      physics: { solver: "forceAtlas2Based",
                 forceAtlas2Based: { gravitationalConstant: -90, springLength: 140, avoidOverlap: 0.5 },
                 stabilization: { iterations: 300, fit: true } },
      layout: { randomSeed: 7 },
      interaction: { hover: true, keyboard: { enabled: true, bindToWindow: false }, navigationButtons: false }
    });
    net.once("stabilizationIterationsDone", function () {
      net.setOptions({ physics: { enabled: false } });
      net.fit();
      drawn.network = nodes.length;
      drawn.edges = edges.length;
      finish();
    });
    net.on("click", function (p) {
      if (p.nodes.length) {
        var node = nodes.filter(function (d) { return d.id === p.nodes[0]; })[0];
        if (node && node.href) { window.location.href = node.href; }
      }
    });
    window.kgNetwork = net;
  }

  var waiting = 0;
  function finish() { waiting -= 1; if (waiting <= 0) { drawn.ready = true; } }
  var t = document.querySelector(".kg-timeline");
  var c = document.querySelector(".kg-chart");
  var n = document.querySelector(".kg-network");
  var plots = window.Plotly !== undefined;
  var drawTimeline = t && data.timeline && plots;
  var drawBars = c && data.chart && plots;
  var drawNetwork = n && data.network && window.vis !== undefined;
  waiting = (drawTimeline ? 1 : 0) + (drawBars ? data.chart.charts.length : 0) + (drawNetwork ? 1 : 0);
  if (drawTimeline) { timeline(t, data.timeline); }
  if (drawBars) { bars(c, data.chart); }
  if (drawNetwork) { network(n, data.network); }
  if (!waiting) { drawn.ready = true; }
})();
