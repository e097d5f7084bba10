"""The interactive network page: one self-contained HTML file that makes no network request.

vis-network and its CSS come from pyvis's bundled copy and are inlined; the
graph goes in as JSON inside a non-executed <script type="application/json">
with <, > and & escaped, and the page's script puts every text from an article
on screen with textContent, so a hostile article shows its text and runs nothing.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pyvis
from rdflib import Graph

from kg import netgraph
from kg.netgraph import CLASSES, initial_layout, labels, to_networkx

_VIS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
_ASSETS = Path(__file__).parent / "viz_assets"
STYLE = {  # class key -> (colour, shape); shapes whose size follows the degree
    "Locality": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "square"),
    "Person": ("#e15759", "triangle"),
    "Program": ("#59a14f", "diamond"),
    "Article": ("#9c755f", "hexagon"),
}
FAINT = {"mentions"}  # relations drawn dashed and pale: provenance, not structure
MAX_LABEL = 40  # characters drawn on the canvas; the panel shows the whole name


def stabilization_iterations(n_nodes: int) -> int:
    """Bounded physics: fewer iterations as the graph grows, so a big page is usable in seconds."""
    return max(40, min(300, 80_000 // max(n_nodes, 1)))


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def _node(i: int, n: str, d: dict, degree: int, xy: tuple[float, float]) -> dict:
    attrs = [["type", [labels("class")[d["cls"]]]], *d["attrs"].items(), ["iri", [n]]]
    return {"id": i, "label": _short(d["label"]), "name": d["label"], "group": d["cls"], "value": degree,
            "x": xy[0], "y": xy[1],
            "aliases": d.get("aliases", []), "attrs": [[k, list(v)] for k, v in attrs],
            "sentences": d["sentences"], "more": d["sentence_count"] - len(d["sentences"])}


def page_data(G: nx.MultiDiGraph) -> dict:
    """Everything the page shows, as plain JSON-able data (node ids are small integers)."""
    ids = {n: i for i, n in enumerate(G.nodes)}
    simple, layout = nx.Graph(G), initial_layout(G)
    nodes = [_node(ids[n], n, d, simple.degree(n), layout[n]) for n, d in G.nodes(data=True)]
    edges = [{"from": ids[s], "to": ids[o], "label": d["label"], "rel": d["rel"], "faint": d["rel"] in FAINT}
             for s, o, d in G.edges(data=True)]
    counts = {c: 0 for c in CLASSES}
    for _n, d in G.nodes(data=True):
        counts[d["cls"]] += 1
    names = labels("class")
    classes = [{"key": c, "label": names[c], "color": STYLE[c][0], "shape": STYLE[c][1], "count": counts[c]}
               for c in CLASSES]
    return {"classes": classes, "nodes": nodes, "edges": edges, "attrs": labels("attr"), "ui": labels("ui"),
            "iterations": stabilization_iterations(len(nodes))}


def script_json(data) -> str:
    """JSON that is inert inside a <script> element: no '</script>' or '<!--' can end or change it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def render_network(G: nx.MultiDiGraph) -> str:
    """The page for a networkx graph made by kg.netgraph."""
    # Without its source-map comment: developer tools would try to fetch the map.
    vis_js = re.sub(r"//# sourceMappingURL=\S*", "", (_VIS / "vis-network.min.js").read_text(encoding="utf-8"))
    vis_css = (_VIS / "vis-network.css").read_text(encoding="utf-8")
    page = (_ASSETS / "page.html").read_text(encoding="utf-8")
    parts = {
        "/*VIS_CSS*/": vis_css,
        "/*PAGE_CSS*/": (_ASSETS / "page.css").read_text(encoding="utf-8"),
        "/*VIS_JS*/": vis_js,
        "/*PAGE_JS*/": (_ASSETS / "page.js").read_text(encoding="utf-8"),
        "/*DATA*/": script_json(page_data(G)),
    }
    for marker, text in parts.items():  # one pass each; inlined texts never contain the markers
        page = page.replace(marker, text, 1)
    return page


def select_part(g: Graph, around=(), depth: int = 2, types=(), query: str | None = None) -> nx.MultiDiGraph:
    """The part of the graph to draw: what `query` selects, then what lies `around` the named
    nodes (within `depth` links), then only the classes in `types`. Each step is optional."""
    G = to_networkx(g)
    if query:
        from kg.query import run

        G = netgraph.select(G, netgraph.query_nodes(run(g, query)))
    if around:
        G = netgraph.around(G, list(around), depth)
    if types:
        G = netgraph.keep_classes(G, list(types))
    return G


def render_html(g: Graph) -> str:
    """The page for a whole RDF graph (what `kg build` writes as graph.html)."""
    return render_network(to_networkx(g))
