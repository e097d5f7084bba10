"""The interactive network page: a pyvis network, written as one self-contained HTML file."""
from __future__ import annotations

import html
import json
from pathlib import Path

import pyvis
from pyvis.network import Network
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.namespaces import KGO, NIF, ORG

_VIS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
CLASSES = {  # class: (colour, shape, legend label)
    KGO.Locality: ("#4e79a7", "dot", "Địa phương / Locality"),
    KGO.Organization: ("#f28e2b", "box", "Tổ chức / Organisation"),
    KGO.Person: ("#e15759", "ellipse", "Người / Person"),
    KGO.Program: ("#59a14f", "diamond", "Chương trình / Program"),
}
EDGES = {KGO.parent: "thuộc", KGO.locality: "đặt tại", ORG.subOrganizationOf: "trực thuộc", ORG.member: "thành viên"}


def _sentences(g: Graph, node: URIRef) -> list[str]:
    return sorted({str(t) for s in g.objects(node, KGO.mentionedIn) for t in g.objects(s, NIF.anchorOf)})[:3]


def build_network(g: Graph) -> Network:
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    ids: dict[URIRef, str] = {}
    for cls, (colour, shape, legend) in CLASSES.items():
        for node in sorted(g.subjects(RDF.type, cls)):
            label = str(g.value(node, RDFS.label) or node)
            title = legend.split(" / ")[1] + ": " + label + "\n" + "\n".join(_sentences(g, node))
            ids[node] = str(node)
            net.add_node(str(node), label=label, title=html.escape(title), color=colour, shape=shape, group=legend)
    for pred, label in EDGES.items():
        for s, o in sorted(g.subject_objects(pred)):
            if s in ids and o in ids:
                net.add_edge(ids[s], ids[o], label=label, title=label)
    for m in sorted(g.subjects(RDF.type, ORG.Membership)):
        person, org = g.value(m, ORG.member), g.value(m, ORG.organization)
        if person in ids and org in ids:
            post = str(g.value(m, KGO.postTitle) or "")
            net.add_edge(ids[person], ids[org], label=post, title=html.escape(post))
    return net


def _json(data) -> str:
    """JSON safe inside a <script> element: no '</script>' can close it early."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(g: Graph) -> str:
    net = build_network(g)
    js = (_VIS / "vis-network.min.js").read_text(encoding="utf-8")
    css = (_VIS / "vis-network.css").read_text(encoding="utf-8")
    legend = "".join(
        f'<span class="key"><i style="background:{c}"></i>{html.escape(l)}</span>' for c, _s, l in CLASSES.values()
    )
    return _PAGE.format(css=css, js=js, legend=legend, nodes=_json(net.nodes), edges=_json(net.edges))


_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>kg</title>
<style>{css}
html,body{{margin:0;height:100%;font-family:sans-serif}}#net{{position:absolute;top:40px;bottom:0;left:0;right:0}}
#legend{{height:40px;line-height:40px;padding:0 8px}}.key{{margin-right:16px}}.key i{{display:inline-block;width:12px;height:12px;margin-right:4px}}
</style></head><body>
<div id="legend">{legend}</div><div id="net"></div>
<script>{js}</script>
<script>
var nodes = new vis.DataSet({nodes});
var edges = new vis.DataSet({edges});
var network = new vis.Network(document.getElementById("net"), {{nodes: nodes, edges: edges}},
  {{physics: {{stabilization: {{iterations: 300}}, barnesHut: {{gravitationalConstant: -8000}}}}, edges: {{arrows: "to", font: {{size: 9}}}}}});
network.once("stabilizationIterationsDone", function () {{ network.setOptions({{physics: false}}); }});
</script></body></html>
"""
