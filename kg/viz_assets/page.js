// The network view. Every text from the graph reaches the page through textContent
// (or vis's canvas), never as markup: an article's "<script>" is shown, not run.
"use strict";
var DATA = JSON.parse(document.getElementById("kg-data").textContent);
var UI = DATA.ui, ATTRS = DATA.attrs;
var STYLE = {}, shown = {};
DATA.classes.forEach(function (c) { STYLE[c.key] = c; shown[c.key] = true; });

function el(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

// Search key: no diacritics, no case; "đ" is a letter of its own, not d + mark.
function fold(s) {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
    .toLowerCase().replace(/\s+/g, " ").trim();
}

var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
  var tip = el("div", n.name + " — " + STYLE[n.group].label);
  return {id: n.id, label: n.label, group: n.group, value: n.value, x: n.x, y: n.y, title: tip};
}));
var edges = new vis.DataSet(DATA.edges.map(function (e, i) {
  var edge = {id: i, from: e.from, to: e.to, label: e.label};
  if (e.faint) {  // provenance, not structure: pale, and its label only drawn when zoomed in
    edge.dashes = true; edge.width = 0.5; edge.color = {color: "#c8c8c8", highlight: "#888"};
    edge.font = {size: 7, color: "#999"};
  }
  return edge;
}));
var byId = {}, links = {};
DATA.nodes.forEach(function (n) {
  byId[n.id] = n; links[n.id] = [];
  n.keys = [n.name].concat(n.aliases).map(fold);
});
DATA.edges.forEach(function (e) {
  links[e.from].push([e.label, e.to, "→"]);
  links[e.to].push([e.label, e.from, "←"]);
});
var view = new vis.DataView(nodes, {filter: function (n) { return shown[n.group]; }});

var groups = {};
DATA.classes.forEach(function (c) {
  groups[c.key] = {color: {background: c.color, border: c.color}, shape: c.shape};
});
var network = new vis.Network(document.getElementById("net"), {nodes: view, edges: edges}, {
  groups: groups,
  layout: {improvedLayout: false},  // the nodes come with a first layout
  nodes: {scaling: {min: 6, max: 36, label: {enabled: true, min: 11, max: 18, drawThreshold: 5}},
          font: {face: "Noto Sans, DejaVu Sans, Arial, sans-serif"}},
  edges: {arrows: {to: {enabled: true, scaleFactor: 0.4}}, font: {size: 9, color: "#555", strokeWidth: 2},
          smooth: false, color: {color: "#9aa6b2", highlight: "#333"}},
  physics: {solver: "barnesHut", stabilization: {iterations: DATA.iterations, updateInterval: 25},
            barnesHut: {gravitationalConstant: -4000, centralGravity: 0.6, springLength: 90, springConstant: 0.04, damping: 0.3}},
  interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: DATA.nodes.length > 500}
});

var statusBox = document.getElementById("status");
network.on("stabilizationProgress", function (p) {
  statusBox.textContent = Math.round(100 * p.iterations / p.total) + "%";
});
// Settle, then stop: physics off, and positions kept in the data so a class shown again comes back in place.
network.once("stabilizationIterationsDone", function () {
  network.setOptions({physics: false});
  var pos = network.getPositions();
  nodes.update(Object.keys(pos).map(function (id) { return {id: Number(id), x: pos[id].x, y: pos[id].y}; }));
  statusBox.textContent = DATA.nodes.length + " / " + DATA.edges.length;
  window.kgReady = true;
});
if (DATA.nodes.length === 0) { network.setOptions({physics: false}); window.kgReady = true; }

// Legend: one checkbox per class, with its colour, shape and count.
var legend = document.getElementById("legend");
DATA.classes.forEach(function (c) {
  var label = el("label"), box = el("input"), swatch = el("span", "", "swatch " + c.shape);
  box.type = "checkbox"; box.checked = true; box.value = c.key;
  swatch.style.background = c.color; swatch.style.setProperty("--c", c.color);
  box.addEventListener("change", function () { showClass(c.key, box.checked); });
  label.append(box, swatch, document.createTextNode(c.label + " (" + c.count + ")"));
  legend.appendChild(label);
});

function showClass(key, on) {
  shown[key] = on;
  legend.querySelector('input[value="' + key + '"]').checked = on;
  view.refresh();
}

// Side panel: attributes, source sentences with their article, links to go on from.
var panel = document.getElementById("panel");
document.getElementById("p-sent-head").textContent = UI.sentences;
document.getElementById("p-link-head").textContent = UI.neighbours;

function fill(id, children) {
  var box = document.getElementById(id);
  box.replaceChildren.apply(box, children);
}

function showPanel(id) {
  var n = byId[id];
  document.getElementById("p-name").textContent = n.name;
  var dl = [];
  n.attrs.forEach(function (a) { dl.push(el("dt", ATTRS[a[0]] || a[0]), el("dd", a[1].join("; "))); });
  fill("p-attrs", dl);
  var sents = n.sentences.map(function (s) {
    var li = el("li", s[0]);
    li.appendChild(el("cite", s[1]));
    return li;
  });
  if (n.more > 0) sents.push(el("li", "+ " + n.more + " " + UI.more));
  fill("p-sents", sents);
  fill("p-links", links[id].map(function (l) {
    var li = el("li", l[2] + " " + l[0] + ": "), b = el("button", byId[l[1]].name, "link");
    b.type = "button";
    b.addEventListener("click", function () { select(l[1]); });
    li.appendChild(b);
    return li;
  }));
  panel.hidden = false;
  document.body.classList.add("with-panel");
}

function hidePanel() {
  panel.hidden = true;
  document.body.classList.remove("with-panel");
}
document.getElementById("close").addEventListener("click", hidePanel);

function select(id) {
  var n = byId[id];
  if (!shown[n.group]) showClass(n.group, true);
  network.selectNodes([id]);
  network.focus(id, {scale: Math.max(network.getScale(), 1), animation: {duration: 300}});
  showPanel(id);
}

network.on("click", function (p) {
  if (p.nodes.length) showPanel(p.nodes[0]); else if (!p.edges.length) hidePanel();
});

// Search by name, ignoring diacritics and case: "song ma" finds "Sông Mã", "dong" finds "Đồng".
var search = document.getElementById("search"), matches = document.getElementById("matches");
search.placeholder = UI.search;
function findNodes(text) {
  var q = fold(text);
  if (!q) return [];
  var hits = DATA.nodes.filter(function (n) { return n.keys.some(function (k) { return k.indexOf(q) >= 0; }); });
  hits.sort(function (a, b) {  // names that start with the query first, then the best connected
    var sa = a.keys.some(function (k) { return k.indexOf(q) === 0; }), sb = b.keys.some(function (k) { return k.indexOf(q) === 0; });
    return (sb - sa) || (b.value - a.value) || (a.name < b.name ? -1 : 1);
  });
  return hits;
}
search.addEventListener("input", function () {
  fill("matches", findNodes(search.value).slice(0, 20).map(function (n) {
    var li = el("li", n.name);
    li.appendChild(el("small", STYLE[n.group].label));
    li.addEventListener("click", function () { select(n.id); fill("matches", []); });
    return li;
  }));
});
search.addEventListener("keydown", function (ev) {
  if (ev.key === "Enter") {
    var hits = findNodes(search.value);
    if (hits.length) { select(hits[0].id); fill("matches", []); }
  } else if (ev.key === "Escape") { fill("matches", []); }
});
