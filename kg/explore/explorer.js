/* kg explorer: draws the graph embedded in #kg-data with vis-network (inlined in the page).
   Every text taken from the data goes through textContent / createTextNode, never innerHTML. */
(function () {
  "use strict";
  var TIP_LIMIT = 12;
  var data = JSON.parse(document.getElementById("kg-data").textContent);

  function tipElement(tip, limit) {
    var root = document.createElement("div");
    root.className = "kg-tip";
    var heading = document.createElement("div");
    heading.className = "kg-tip-heading";
    heading.textContent = tip.heading;
    root.appendChild(heading);
    if (tip.kind) {
      var kind = document.createElement("div");
      kind.className = "kg-tip-kind";
      kind.textContent = tip.kind;
      root.appendChild(kind);
    }
    var table = document.createElement("table");
    tip.rows.forEach(function (row) {
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.textContent = row[0];
      var td = document.createElement("td");
      var values = row[1];
      values.slice(0, limit).forEach(function (value, i) {
        if (i) { td.appendChild(document.createElement("br")); }
        td.appendChild(document.createTextNode(value));
      });
      if (values.length > limit) {
        td.appendChild(document.createElement("br"));
        td.appendChild(document.createTextNode("… and " + (values.length - limit) + " more"));
      }
      tr.appendChild(th);
      tr.appendChild(td);
      table.appendChild(tr);
    });
    root.appendChild(table);
    return root;
  }

  var tips = {};
  function withTooltip(item) {
    var copy = Object.assign({}, item);
    if (item.tip) {
      tips[item.id] = item.tip;
      copy.title = tipElement(item.tip, TIP_LIMIT);
    }
    delete copy.tip;
    return copy;
  }

  var nodes = new vis.DataSet(data.nodes.map(withTooltip));
  var edges = new vis.DataSet(data.edges.map(withTooltip));
  var container = document.getElementById("kg-graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var state = { network: network, nodes: nodes, edges: edges, tipElement: tipElement, stabilized: false };
  window.kgExplorer = state;

  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
    state.stabilized = true;
    if (data.focus !== null) { network.selectNodes([data.focus]); }
  });

  var details = document.getElementById("kg-details-body");
  function showDetails(id) {
    while (details.firstChild) { details.removeChild(details.firstChild); }
    if (id !== undefined && tips[id]) {
      details.appendChild(tipElement(tips[id], Infinity));
    } else {
      details.textContent = "Click a node to see its details.";
    }
  }
  network.on("click", function (params) { showDetails(params.nodes[0]); });

  var search = document.getElementById("kg-search");
  var status = document.getElementById("kg-search-status");
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    var wanted = search.value.trim().toLowerCase();
    if (!wanted) { return; }
    var hits = nodes.get({ filter: function (n) {
      return String(n.label).toLowerCase().indexOf(wanted) >= 0 ||
        (tips[n.id] && String(tips[n.id].heading).toLowerCase().indexOf(wanted) >= 0);
    } });
    status.textContent = hits.length ? hits.length + " found" : "not found";
    if (hits.length) {
      var ids = hits.map(function (n) { return n.id; });
      network.selectNodes(ids);
      network.focus(ids[0], { scale: 1.2, animation: false });
      showDetails(ids[0]);
    }
  });
})();
