/* kg explorer: draws the graph embedded in #kg-data with vis-network (inlined in the page).
   Every text taken from the data goes through textContent / createTextNode, never innerHTML.
   Positions come precomputed from Python; filters hide and show nodes and edges in place. */
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var t = { start: started, parsed: performance.now() };
  var N = data.nodes.length;
  var byId = data.nodes;  // node ids are their index
  var state = { stabilized: false, firstDrawMs: null, lastFilterMs: null, drawCount: 0, t: t };
  window.kgExplorer = state;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function span(d0, d1) {
    if (!d0) { return ""; }
    return d0 === d1 ? d0 : d0 + " – " + d1;
  }

  // adjacency: node -> edge indices
  var adj = [];
  for (var i = 0; i < N; i++) { adj.push([]); }
  data.edges.forEach(function (e, k) { adj[e.from].push(k); adj[e.to].push(k); });
  function other(e, id) { return e.from === id ? e.to : e.from; }

  // ---- drawing -------------------------------------------------------------------------------
  var revealed = null;  // null = every node may be shown; else a Uint8Array of revealed nodes
  if (data.initial !== null) {
    revealed = new Uint8Array(N);
    data.initial.forEach(function (id) { revealed[id] = 1; });
  }
  var nodeHidden = new Uint8Array(N);
  var edgeHidden = new Uint8Array(data.edges.length);
  // many nodes: physics starts off, edges have no label (their tooltip has it) and nodes get their
  // label only when the view is zoomed in far enough to read it (see labelView)
  var large = !data.options.physics.enabled;
  var visItems = data.nodes.map(function (n) {
    var item = { id: n.id, shape: n.shape, color: n.color, x: n.x, y: n.y, value: n.value };
    if (!large) { item.label = n.label; }
    if (n.borderWidth) { item.borderWidth = n.borderWidth; }
    return item;
  });
  var visEdges = data.edges.map(function (e) {
    return large ? { id: e.id, from: e.from, to: e.to } : { id: e.id, from: e.from, to: e.to, label: e.label };
  });
  var nodes = new vis.DataSet(visItems);
  var edges = new vis.DataSet(visEdges);
  var container = $("kg-graph");
  t.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  t.network = performance.now();
  state.network = network; state.nodes = nodes; state.edges = edges; state.data = data;

  var pendingFilter = null;
  network.on("afterDrawing", function () {
    state.drawCount += 1;
    var now = performance.now();
    if (state.firstDrawMs === null) { state.firstDrawMs = now; state.firstDrawSinceScript = now - started; }
    if (pendingFilter !== null) { state.lastFilterMs = now - pendingFilter; pendingFilter = null; }
  });
  // labels by zoom level (large graphs): vis-network draws no label smaller than its drawThreshold, so
  // below that scale none is needed; above it, the nodes in view get theirs (at most LABELS_IN_VIEW)
  var labelled = new Uint8Array(N), LABELS_IN_VIEW = 600, labelTimer = null;
  var scaling = data.options.nodes.scaling.label;
  function labelView() {
    labelTimer = null;
    if (!large || network.getScale() * scaling.max < scaling.drawThreshold) { return 0; }
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    var inView = [];
    for (var i = 0; i < N; i++) {
      var n = byId[i];
      if (!labelled[i] && !nodeHidden[i] && n.x >= a.x && n.x <= b.x && n.y >= a.y && n.y <= b.y) { inView.push(n); }
    }
    inView.sort(function (p, q) { return q.value - p.value || p.id - q.id; });
    var updates = inView.slice(0, LABELS_IN_VIEW).map(function (n) {
      labelled[n.id] = 1;
      return { id: n.id, label: n.label };
    });
    if (updates.length) { nodes.update(updates); }
    return updates.length;
  }
  function labelSoon() {
    if (large && labelTimer === null) { labelTimer = setTimeout(labelView, 120); }
  }
  state.labelView = labelView;
  network.on("zoom", labelSoon);
  network.on("dragEnd", labelSoon);
  network.on("animationFinished", labelSoon);

  function settled() {
    state.stabilized = true;
    if (data.focus !== null) { network.selectNodes([data.focus]); showDetails(data.focus); }
  }
  if (data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      $("kg-physics").checked = false;
      settled();
    });
  } else {
    network.once("afterDrawing", settled);
  }
  if (!N) { state.stabilized = true; }

  // ---- filters -------------------------------------------------------------------------------
  var dates = data.dates;  // [first, last] or null
  var dayList = [];
  if (dates) {
    var d = new Date(dates[0] + "T00:00:00Z"), end = new Date(dates[1] + "T00:00:00Z");
    while (d <= end && dayList.length < 40000) {
      dayList.push(d.toISOString().slice(0, 10));
      d.setUTCDate(d.getUTCDate() + 1);
    }
  }
  var from = $("kg-from"), to = $("kg-to");
  if (dayList.length) {
    from.max = to.max = String(dayList.length - 1);
    from.value = "0"; to.value = String(dayList.length - 1);
  } else {
    $("kg-dates").hidden = true;
  }
  function checked(name) {
    var out = {};
    document.querySelectorAll("input[name=" + name + "]").forEach(function (c) { out[c.value] = c.checked; });
    return out;
  }
  function scopeNodes(value) {
    // nodes related to a body (or to every body of a place): the bodies, their events, the persons
    // taking part or holding posts there, the initiatives they endorse
    if (!value) { return null; }
    var bodies = [];
    var parts = value.split(":");
    var key = Number(parts[1]);
    if (parts[0] === "b") { bodies = [key]; } else {
      data.nodes.forEach(function (n) { if (n.place === key) { bodies.push(n.id); } });
    }
    var keep = new Uint8Array(N);
    bodies.forEach(function (b) {
      keep[b] = 1;
      adj[b].forEach(function (k) {
        var e = data.edges[k], o = other(e, b);
        keep[o] = 1;
        if (byId[o].kind === "event") {
          adj[o].forEach(function (k2) { keep[other(data.edges[k2], o)] = 1; });
        }
        if (byId[o].kind === "post") {
          adj[o].forEach(function (k2) { keep[other(data.edges[k2], o)] = 1; });
        }
      });
    });
    return keep;
  }
  function overlaps(d0, d1, lo, hi) { return !(d1 < lo || d0 > hi); }

  function setHidden(nodeChanges, edgeChanges) {
    // vis-network 9 (the copy bundled in kg/explore/vis) keeps each item's options in network.body: flipping
    // ``hidden`` there and announcing the change once costs a fraction of a DataSet update, which
    // re-parses every option of every changed item. (The DataSets never carry ``hidden``.)
    var body = network.body;
    if (body && body.nodes && body.edges && body.emitter) {
      nodeChanges.forEach(function (c) { body.nodes[c.id].options.hidden = c.hidden; });
      edgeChanges.forEach(function (c) { body.edges[c.id].options.hidden = c.hidden; });
      body.emitter.emit("_dataUpdated");
    } else {
      if (nodeChanges.length) { nodes.update(nodeChanges); }
      if (edgeChanges.length) { edges.update(edgeChanges); }
      network.redraw();
    }
  }

  function applyFilters() {
    var kinds = checked("kind"), rels = checked("rel");
    var lo = dayList.length ? dayList[Number(from.value)] : null;
    var hi = dayList.length ? dayList[Number(to.value)] : null;
    if (lo && hi && lo > hi) { var t = lo; lo = hi; hi = t; }
    var dateActive = dayList.length && (lo !== dayList[0] || hi !== dayList[dayList.length - 1]);
    var undated = $("kg-undated").checked;
    var scope = scopeNodes($("kg-scope").value);
    var comm = $("kg-community").value === "" ? null : Number($("kg-community").value);
    var hideIsolated = $("kg-isolated").checked;
    $("kg-date-label").textContent = lo ? lo + " – " + hi : "";
    var nh = new Uint8Array(N), eh = new Uint8Array(data.edges.length);
    for (var i = 0; i < N; i++) {
      var n = byId[i];
      var hide = (revealed && !revealed[i]) || !kinds[n.kind] || (scope && !scope[i]) ||
        (comm !== null && n.c !== comm);
      if (!hide && dateActive) {
        hide = n.d0 ? !overlaps(n.d0, n.d1, lo, hi) : !undated;
      }
      nh[i] = hide ? 1 : 0;
    }
    var degree = new Uint32Array(N);
    data.edges.forEach(function (e, k) {
      var hide = !rels[e.label] || nh[e.from] || nh[e.to];
      if (!hide && dateActive) { hide = e.d0 ? !overlaps(e.d0, e.d1, lo, hi) : !undated; }
      eh[k] = hide ? 1 : 0;
      if (!hide) { degree[e.from] += 1; degree[e.to] += 1; }
    });
    if (hideIsolated) {
      for (var j = 0; j < N; j++) { if (!nh[j] && !degree[j]) { nh[j] = 1; } }
    }
    var nodeChanges = [], edgeChanges = [], shown = 0;
    for (var a = 0; a < N; a++) {
      if (nh[a] !== nodeHidden[a]) { nodeChanges.push({ id: a, hidden: nh[a] === 1 }); }
      if (!nh[a]) { shown += 1; }
    }
    for (var b = 0; b < eh.length; b++) {
      if (eh[b] !== edgeHidden[b]) { edgeChanges.push({ id: b, hidden: eh[b] === 1 }); }
    }
    nodeHidden = nh; edgeHidden = eh;
    pendingFilter = performance.now();
    setHidden(nodeChanges, edgeChanges);
    labelSoon();
    state.visible = shown;
    $("kg-visible").textContent = shown + " of " + N + " nodes shown";
    return shown;
  }
  state.applyFilters = applyFilters;
  state.visibleCount = function () {
    var c = 0;
    for (var i = 0; i < N; i++) { if (!nodeHidden[i]) { c += 1; } }
    return c;
  };
  document.querySelectorAll("#kg-filters input, #kg-filters select").forEach(function (input) {
    if (input.id === "kg-physics") { return; }
    input.addEventListener(input.type === "range" ? "input" : "change", applyFilters);
  });
  $("kg-physics").addEventListener("change", function () {
    network.setOptions({ physics: { enabled: $("kg-physics").checked } });
  });
  $("kg-show-all").addEventListener("click", function () { revealed = null; applyFilters(); network.fit(); });
  $("kg-fit").addEventListener("click", function () { network.fit(); });

  // double-click: reveal the node's neighbours
  function expand(id) {
    if (revealed === null) { return 0; }
    var added = 0;
    adj[id].forEach(function (k) {
      var o = other(data.edges[k], id);
      if (!revealed[o]) { revealed[o] = 1; added += 1; }
    });
    applyFilters();
    return added;
  }
  state.expand = expand;
  network.on("doubleClick", function (params) { if (params.nodes.length) { expand(params.nodes[0]); } });

  // ---- PNG export ----------------------------------------------------------------------------
  function exportPng() {
    var canvas = container.querySelector("canvas");
    return canvas ? canvas.toDataURL("image/png") : null;
  }
  state.exportPng = exportPng;
  $("kg-png").addEventListener("click", function () {
    var url = exportPng();
    if (!url) { return; }
    var a = document.createElement("a");
    a.href = url; a.download = "kg-view.png";
    document.body.appendChild(a); a.click(); document.body.removeChild(a);
  });

  // ---- tooltips (built on hover, never as markup) -----------------------------------------------
  var tip = $("kg-tip");
  function release(ix) {
    var r = data.releases[ix];
    return r[0] + (r[3] ? " (" + r[3] + ")" : "") + (r[1] ? " — " + r[1] : "");
  }
  function evidenceList(ev, limit) {
    var list = el("ul", "kg-evidence");
    ev.slice(0, limit).forEach(function (pair) {
      var li = el("li");
      if (pair[1] >= 0) { li.appendChild(el("q", null, data.quotes[pair[1]])); li.appendChild(el("br")); }
      li.appendChild(el("span", "kg-release", release(pair[0])));
      list.appendChild(li);
    });
    return list;
  }
  function rows(table, name, values, limit) {
    if (!values.length) { return; }
    var tr = el("tr"), td = el("td");
    tr.appendChild(el("th", null, name));
    values.slice(0, limit).forEach(function (v, i) {
      if (i) { td.appendChild(el("br")); }
      td.appendChild(document.createTextNode(v));
    });
    if (values.length > limit) {
      td.appendChild(el("br"));
      td.appendChild(document.createTextNode("… and " + (values.length - limit) + " more"));
    }
    tr.appendChild(td);
    table.appendChild(tr);
  }
  function edgeTip(e) {
    var root = el("div", "kg-tip");
    root.appendChild(el("div", "kg-tip-heading", byId[e.from].name + " — " + e.label + " → " + byId[e.to].name));
    var table = el("table");
    rows(table, "Date", e.d0 ? [span(e.d0, e.d1)] : [], 1);
    rows(table, "Posts", (e.posts || []).map(function (p) { return p[0] + (p[1] ? " (" + span(p[1], p[2]) + ")" : ""); }), 6);
    rows(table, "Releases", uniq(e.ev.map(function (p) { return release(p[0]); })), 6);
    root.appendChild(table);
    if (e.ev.some(function (p) { return p[1] >= 0; })) {
      root.appendChild(evidenceList(e.ev.filter(function (p) { return p[1] >= 0; }), 3));
    }
    return root;
  }
  function uniq(list) {
    var seen = {}, out = [];
    list.forEach(function (x) { if (!seen[x]) { seen[x] = 1; out.push(x); } });
    return out;
  }
  function nodeTip(n) {
    var root = el("div", "kg-tip");
    root.appendChild(el("div", "kg-tip-heading", n.name));
    root.appendChild(el("div", "kg-tip-kind", data.kinds[n.kind] + (n.c >= 0 ? " · community C" + (n.c + 1) : "")));
    var table = el("table");
    rows(table, "Dates", n.d0 ? [span(n.d0, n.d1)] : [], 1);
    rows(table, "Place", n.place !== undefined ? [data.places[n.place]] : [], 1);
    rows(table, "Links", [String(adj[n.id].length)], 1);
    rows(table, "Sources", n.src.map(release), 4);
    root.appendChild(table);
    root.appendChild(el("div", "kg-tip-kind", "click for details, double-click to expand"));
    return root;
  }
  function showTip(content, pointer) {
    clear(tip);
    tip.appendChild(content);
    tip.hidden = false;
    var r = container.getBoundingClientRect();
    var x = r.left + pointer.x + 14, y = r.top + pointer.y + 14;
    tip.style.left = Math.max(0, Math.min(x, window.innerWidth - tip.offsetWidth - 4)) + "px";
    tip.style.top = Math.max(0, Math.min(y, window.innerHeight - tip.offsetHeight - 4)) + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(nodeTip(byId[p.node]), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeTip(data.edges[p.edge]), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  state.edgeTip = function (k) { return edgeTip(data.edges[k]).textContent; };

  // ---- details panel -------------------------------------------------------------------------
  var details = $("kg-details-body");
  function link(id, text) {
    var b = el("button", "kg-link", text);
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }
  function section(title) {
    var s = el("section", "kg-section");
    s.appendChild(el("h3", null, title));
    details.appendChild(s);
    return s;
  }
  function timeline(parent, items) {
    // items: [date text, sort key, node id or null, text]
    var ol = el("ol", "kg-timeline");
    items.sort(function (a, b) { return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0; });
    items.forEach(function (it) {
      var li = el("li");
      li.appendChild(el("time", null, it[0] || "undated"));
      li.appendChild(document.createTextNode(" "));
      if (it[2] !== null) { li.appendChild(link(it[2], it[3])); } else { li.appendChild(document.createTextNode(it[3])); }
      ol.appendChild(li);
    });
    parent.appendChild(ol);
  }
  function neighbours(id, label, dir) {
    // [edge, other node] over the edges with ``label`` leaving (dir "out") or entering ("in") id
    var out = [];
    adj[id].forEach(function (k) {
      var e = data.edges[k];
      if (e.label !== label) { return; }
      if ((dir === "out" && e.from === id) || (dir === "in" && e.to === id)) { out.push([e, other(e, id)]); }
    });
    return out;
  }
  function names(pairs) {
    var s = el("div", "kg-names");
    pairs.forEach(function (p, i) {
      if (i) { s.appendChild(document.createTextNode("; ")); }
      s.appendChild(link(p[1], byId[p[1]].name));
    });
    return s;
  }
  function quotes(id) {
    var seen = {}, ev = [];
    adj[id].forEach(function (k) {
      data.edges[k].ev.forEach(function (p) {
        var key = p[0] + ":" + p[1];
        if (p[1] >= 0 && !seen[key]) { seen[key] = 1; ev.push(p); }
      });
    });
    if (ev.length) { section("Evidence (" + ev.length + ")").appendChild(evidenceList(ev, 50)); }
  }
  function showDetails(id) {
    clear(details);
    if (id === undefined || id === null || !byId[id]) {
      details.textContent = "Click a node to see its details.";
      return;
    }
    var n = byId[id];
    details.appendChild(el("div", "kg-tip-heading", n.name));
    details.appendChild(el("div", "kg-tip-kind", data.kinds[n.kind] + (n.d0 ? " · " + span(n.d0, n.d1) : "") +
      (n.place !== undefined ? " · " + data.places[n.place] : "")));
    if (n.kind === "person") {
      var posts = [];
      neighbours(id, "holds post in", "out").forEach(function (p) {
        (p[0].posts || []).forEach(function (post) {
          posts.push([span(post[1], post[2]), post[1] || "9999", p[1], post[0]]);
        });
      });
      timeline(section("Career (posts, attested)"), posts);
      var events = [];
      ["presided", "attended"].forEach(function (rel) {
        neighbours(id, rel, "out").forEach(function (p) {
          events.push([byId[p[1]].d0 || "", byId[p[1]].d0 || "9999", p[1], rel + ": " + byId[p[1]].name]);
        });
      });
      timeline(section("Events"), events);
    } else if (n.kind === "event") {
      var s = section("Event");
      var t = el("table");
      rows(t, "Date", n.d0 ? [n.d0] : [], 1);
      s.appendChild(t);
      [["Convened by", "convened", "in"], ["Presided by", "presided", "in"], ["Attended by", "attended", "in"],
        ["Initiatives", "endorses", "out"]].forEach(function (spec) {
        var found = neighbours(id, spec[1], spec[2]);
        if (found.length) { s.appendChild(el("h4", null, spec[0])); s.appendChild(names(found)); }
      });
    } else if (n.kind === "initiative") {
      var endorsed = neighbours(id, "endorses", "in").map(function (p) {
        return [span(p[0].d0, p[0].d1), p[0].d0 || "9999", p[1], byId[p[1]].name + " (" + data.kinds[byId[p[1]].kind] + ")"];
      });
      timeline(section("Endorsed by, over time"), endorsed);
    } else if (n.kind === "body") {
      timeline(section("Events convened"), neighbours(id, "convened", "out").map(function (p) {
        return [byId[p[1]].d0 || "", byId[p[1]].d0 || "9999", p[1], byId[p[1]].name];
      }));
      var holders = [];
      neighbours(id, "holds post in", "in").forEach(function (p) {
        (p[0].posts || []).forEach(function (post) {
          holders.push([span(post[1], post[2]), post[1] || "9999", p[1], byId[p[1]].name + ": " + post[0]]);
        });
      });
      if (holders.length) { timeline(section("Posts held here"), holders); }
      var ini = neighbours(id, "endorses", "out");
      if (ini.length) { section("Endorses").appendChild(names(ini)); }
    }
    quotes(id);
    if (n.src.length) {
      var src = section("Sources");
      var ul = el("ul");
      n.src.forEach(function (r) { ul.appendChild(el("li", null, release(r))); });
      src.appendChild(ul);
    }
    details.appendChild(el("div", "kg-iri", n.iri));
  }
  state.showDetails = showDetails;
  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(params.nodes[0]); }
  });

  function focusNode(id) {
    if (revealed !== null && !revealed[id]) { revealed[id] = 1; }
    if (nodeHidden[id]) {  // make sure the node is drawn: lift the filters that hide it
      document.querySelectorAll("input[name=kind]").forEach(function (c) { if (c.value === byId[id].kind) { c.checked = true; } });
      $("kg-scope").value = ""; $("kg-community").value = "";
      $("kg-isolated").checked = false;
      if (dayList.length) { from.value = "0"; to.value = String(dayList.length - 1); }
      applyFilters();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showDetails(id);
  }
  state.focusNode = focusNode;

  // ---- search across scripts -----------------------------------------------------------------
  var search = $("kg-search"), status = $("kg-search-status"), hitList = $("kg-hits");
  var FOLD = /[\s\-'’‘·•・.,()（）]+/g;
  function fold(s) { return s.normalize("NFKC").toLowerCase().replace(FOLD, ""); }
  var hits = [], current = -1, shownFor = null;
  // a Chinese query is also read as pinyin: 王毅 finds a person known only as "Wang Yi"
  var reading = {};
  Object.keys(data.pinyin).forEach(function (syllable) {
    Array.prototype.forEach.call(data.pinyin[syllable], function (ch) { reading[ch] = syllable; });
  });
  var HAN = /[\u3400-\u9fff]/;
  function pinyinOf(q) {
    if (!HAN.test(q)) { return null; }
    var chars = Array.from(q.replace(FOLD, ""));
    return chars.map(function (ch, i) {
      return (i === 0 && data.surnames[ch]) || reading[ch] || ch;
    }).join("");
  }
  function find(query) {
    var q = fold(query);
    if (!q) { return []; }
    var qp = pinyinOf(q);
    var scored = [];
    data.nodes.forEach(function (n) {
      var best = 4;
      n.keys.forEach(function (k) {
        if (k === q) { best = 0; } else if (best > 1 && k.indexOf(q) === 0) { best = 1; }
        else if (qp !== null && best > 2 && k === qp) { best = 2; } else if (best > 3 && k.indexOf(q) > 0) { best = 3; }
      });
      if (best < 4) { scored.push([best, -n.value, n.name, n.id]); }
    });
    scored.sort(function (a, b) {
      for (var i = 0; i < 3; i++) { if (a[i] !== b[i]) { return a[i] < b[i] ? -1 : 1; } }
      return a[3] - b[3];
    });
    return scored.map(function (s) { return s[3]; });
  }
  state.find = find;
  function mark(i) {
    current = i;
    Array.prototype.forEach.call(hitList.children, function (li, j) {
      li.setAttribute("aria-selected", j === i ? "true" : "false");
      if (j === i) { li.scrollIntoView({ block: "nearest" }); }
    });
  }
  function showHits() {
    shownFor = search.value;
    hits = find(search.value);
    clear(hitList);
    hits.slice(0, 50).forEach(function (id, i) {
      var li = el("li", null, byId[id].name + " · " + data.kinds[byId[id].kind]);
      li.setAttribute("role", "option");
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); mark(i); focusNode(id); });
      hitList.appendChild(li);
    });
    hitList.hidden = hits.length === 0;
    status.textContent = search.value.trim() ? (hits.length ? hits.length + " found" : "not found") : "";
    mark(hits.length ? 0 : -1);
  }
  search.addEventListener("input", showHits);
  search.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (shownFor !== search.value) { showHits(); }
      var shown = Math.min(hits.length, 50);
      if (shown) { mark((current + (event.key === "ArrowDown" ? 1 : shown - 1)) % shown); }
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (shownFor !== search.value) { showHits(); }
      if (current >= 0) { focusNode(hits[current]); }
    } else if (event.key === "Escape") {
      search.value = ""; showHits(); container.focus();
    }
  });

  // ---- keyboard ------------------------------------------------------------------------------
  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") { return; }
    if (event.key === "/") { event.preventDefault(); search.focus(); }
    else if (event.key === "Escape") { network.unselectAll(); hideTip(); showDetails(null); }
    else if (event.key === "f") { network.fit(); }
  });

  applyFilters();
  pendingFilter = null;
})();
