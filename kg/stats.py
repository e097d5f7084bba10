"""Graph analysis for `kg stats`: counts, the best connected nodes, communities, a table per province.

Degrees and betweenness are computed on the undirected network of kg.netgraph,
where an article links to what it mentions: a unit named in many articles, or
linking places and people of different articles, ranks high.
"""
from __future__ import annotations

import io
import json
from functools import lru_cache

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg import gazetteer
from kg.namespaces import KGO, ORG, SCHEMA
from kg.netgraph import CLASSES, communities, label_of, labels, to_networkx

COUNTED = {**CLASSES, "Statistic": KGO.Statistic, "Membership": ORG.Membership}
RANKED = ("Organization", "Locality", "Program")
EXACT_BETWEENNESS = 1000  # nodes; above this, betweenness is estimated from a fixed sample of sources
BETWEENNESS_WORK = 2_000_000
PROVINCE_LEVEL = gazetteer.LEVELS[0]


def class_counts(g: Graph) -> dict[str, int]:
    return {key: len(set(g.subjects(RDF.type, cls))) for key, cls in COUNTED.items()}


def betweenness(simple: nx.Graph) -> dict[str, float]:
    """Exact on small graphs; above that, estimated from a fixed-seed sample of sources sized to
    keep the work near BETWEENNESS_WORK link visits (a shortest-path search per source)."""
    n, links = simple.number_of_nodes(), max(simple.number_of_edges(), 1)
    k = None if n <= EXACT_BETWEENNESS else min(n, max(100, BETWEENNESS_WORK // links))
    return nx.betweenness_centrality(simple, k=k, seed=1)


def most_connected(G: nx.MultiDiGraph, top: int) -> dict[str, list[dict]]:
    """For each ranked class, its `top` nodes by degree, then betweenness, then name."""
    simple = nx.Graph(G)
    between = betweenness(simple)
    ranked = {}
    for cls in RANKED:
        rows = [{"name": d["label"], "degree": simple.degree(n), "betweenness": round(between[n], 4), "iri": n}
                for n, d in G.nodes(data=True) if d["cls"] == cls]
        rows.sort(key=lambda r: (-r["degree"], -r["betweenness"], r["name"]))
        ranked[cls] = rows[:top]
    return ranked


def community_rows(G: nx.MultiDiGraph, top: int, members: int = 6) -> list[dict]:
    """The `top` largest communities (Louvain, fixed seed) with their best connected members."""
    rows = []
    for i, group in enumerate(communities(G)[:top], 1):
        main = [{"name": G.nodes[n]["label"], "class": G.nodes[n]["cls"]} for n in group[:members]]
        rows.append({"community": i, "size": len(group), "members": main})
    return rows


class Provinces:
    """Which province each locality, organisation, officer, program and article belongs to."""

    def __init__(self, g: Graph):
        self.g = g
        self.gazetteer = gazetteer.load()
        self.locality = lru_cache(maxsize=None)(self._locality)
        self.organization = lru_cache(maxsize=None)(self._organization)

    def _locality(self, node) -> str | None:
        seen = set()
        while node not in seen:  # up the parent chain to its top, cycle-safe
            seen.add(node)
            parent = min(self.g.objects(node, KGO.parent), default=None)
            if parent is None:
                break
            node = parent
        # Only a real province: the gazetteer keeps a misread "tỉnh <person's name>" out of the table.
        units = self.gazetteer.lookup(label_of(self.g, node), PROVINCE_LEVEL)
        return units[0].name if units else None

    def _organization(self, node, depth: int = 0) -> str | None:
        for loc in sorted(self.g.objects(node, KGO.locality)):
            if self.locality(loc):
                return self.locality(loc)
        parents = sorted(self.g.objects(node, ORG.subOrganizationOf))
        return self.organization(parents[0], depth + 1) if parents and depth < 20 else None

    def of(self, node: URIRef) -> set[str]:
        """Provinces of any node: a locality's, an organisation's, an officer's organisations'."""
        g = self.g
        if (node, RDF.type, KGO.Locality) in g:
            found = {self.locality(node)}
        elif (node, RDF.type, KGO.Organization) in g:
            found = {self.organization(node)}
        elif (node, RDF.type, KGO.Person) in g:
            found = {self.organization(o) for m in g.subjects(ORG.member, node) for o in g.objects(m, ORG.organization)}
        elif (node, RDF.type, KGO.Program) in g:
            found = {self.locality(loc) for loc in g.objects(node, KGO.carriedOutIn)}
        else:
            found = set()
        return {p for p in found if p}


def province_rows(g: Graph) -> list[dict]:
    """Per province: articles naming a place or unit in it, its organisations, officers and programs.

    A program counts where it is carried out, or else in the provinces of the articles that mention it.
    """
    where = Provinces(g)
    keys = ("articles", "organizations", "officers", "programs")
    table: dict[str, dict[str, set]] = {}

    def add(province, key, node):
        table.setdefault(province, {k: set() for k in keys})[key].add(node)

    for article in g.subjects(RDF.type, SCHEMA.NewsArticle):
        mentioned = set(g.objects(article, SCHEMA.mentions))
        provinces = set().union(*(where.of(m) for m in mentioned)) if mentioned else set()
        for p in provinces or {None}:
            add(p, "articles", article)
        for program in mentioned:
            if (program, RDF.type, KGO.Program) in g:
                for p in where.of(program) or provinces or {None}:
                    add(p, "programs", program)
    for key, cls in (("organizations", KGO.Organization), ("officers", KGO.Person)):
        for node in g.subjects(RDF.type, cls):
            for p in where.of(node) or {None}:
                add(p, key, node)
    unknown = labels("ui")["noProvince"]
    rows = [{"province": p or unknown, **{k: len(v) for k, v in counts.items()}} for p, counts in table.items()]
    return sorted(rows, key=lambda r: (r["province"] == unknown, -r["articles"], r["province"]))


def report(g: Graph, top: int = 10) -> dict:
    G = to_networkx(g)
    return {"counts": class_counts(g), "most_connected": most_connected(G, top),
            "communities": community_rows(G, top), "provinces": province_rows(g)}


def _cut(name: str, width: int = 60) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _table(out: io.StringIO, header: list[str], rows: list[list]) -> None:
    """A plain text table; the first column (names) left-aligned, the numbers right-aligned."""
    cells = [header] + [[_cut(str(r[0]))] + [str(c) for c in r[1:]] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for r in cells:
        line = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])]
        out.write("  ".join(line).rstrip() + "\n")


def render(data: dict, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    out.write("# Nodes per class\n")
    _table(out, ["class", "count"], [[k, n] for k, n in data["counts"].items()])
    for cls, rows in data["most_connected"].items():
        out.write(f"\n# Most connected: {cls}\n")
        _table(out, ["name", "degree", "betweenness"], [[r["name"], r["degree"], f"{r['betweenness']:.4f}"] for r in rows])
    out.write("\n# Communities (Louvain, seed 1): size and main members\n")
    for c in data["communities"]:
        members = "; ".join(f"{m['name']} ({m['class']})" for m in c["members"])
        out.write(f"{c['community']:>3}  {c['size']:>4}  {members}\n")
    out.write("\n# Per province\n")
    _table(out, ["province", "articles", "organizations", "officers", "programs"],
           [[r["province"], r["articles"], r["organizations"], r["officers"], r["programs"]] for r in data["provinces"]])
    return out.getvalue()
