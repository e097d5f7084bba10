"""The RDF graph as a networkx graph of the things a person looks at, and parts of it.

Nodes are localities, organisations, officers, programs and articles, keyed by
IRI, with a Vietnamese label, a class key, the attributes shown in the view's
side panel and the sentences they came from. Edges carry the relation's key and
Vietnamese label. An article links to what it mentions, so a program that no
other relation reaches still sits beside the places and units of its article.
"""
from __future__ import annotations

import difflib
import io
import math
import re
from functools import lru_cache

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.data import read_rows
from kg.errors import KgError
from kg.namespaces import KGO, NIF, ORG, SCHEMA
from kg.text import fold, strip_marks

CLASSES = {  # class key -> RDF class, in drawing and legend order
    "Locality": KGO.Locality,
    "Organization": KGO.Organization,
    "Person": KGO.Person,
    "Program": KGO.Program,
    "Article": SCHEMA.NewsArticle,
}
RELATIONS = (KGO.parent, KGO.locality, ORG.subOrganizationOf, KGO.carriedOutIn, KGO.carriedOutBy)
MAX_SENTENCES = 12  # per node: enough to see why it is there, without bloating a big page


def labels(kind: str) -> dict[str, str]:
    """Vietnamese display labels of one kind (class, relation, attr, ui) from view_labels.tsv."""
    return {row[1]: row[2] for row in read_rows("view_labels.tsv") if row[0] == kind}


def local_name(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def label_of(g: Graph, node) -> str:
    """The node's Vietnamese label (the smallest, when there are several, for determinism)."""
    found = sorted(str(v) for v in g.objects(node, RDFS.label)) or sorted(str(v) for v in g.objects(node, SKOS.prefLabel))
    return found[0] if found else local_name(node)


def _values(g: Graph, node, *path) -> list[str]:
    """Labels (or literal values) reached from `node` along predicates `path`, sorted, unique."""
    nodes = {node}
    for pred in path:
        nodes = {o for n in nodes for o in g.objects(n, pred)}
    return sorted({label_of(g, n) if isinstance(n, URIRef) else str(n) for n in nodes})


def _titles(g: Graph) -> dict:
    return {a: _label_of_article(g, a) for a in g.subjects(RDF.type, SCHEMA.NewsArticle)}


def _label_of_article(g: Graph, article) -> str:
    title = sorted(str(t) for t in g.objects(article, SCHEMA.headline))
    return title[0] if title else str(g.value(article, KGO.articleId) or local_name(article))


def _sentence_nodes(g: Graph, node) -> set:
    found = set(g.objects(node, KGO.mentionedIn))
    for m in g.subjects(ORG.member, node):  # an officer's posts come with their own sentences
        found.update(g.objects(m, PROV.wasDerivedFrom))
    return found


def _sentences(g: Graph, node, titles: dict) -> tuple[list[list[str]], int]:
    """(sentence, article title) pairs in article and text order, at most MAX_SENTENCES, and the total."""
    rows = []
    for s in _sentence_nodes(g, node):
        text = g.value(s, NIF.anchorOf)
        if text is None:
            continue
        article = g.value(s, NIF.referenceContext)
        begin = g.value(s, NIF.beginIndex)
        rows.append((titles.get(article, ""), int(begin) if begin is not None else 0, str(text)))
    rows = sorted(set(rows))
    return [[text, title] for title, _begin, text in rows[:MAX_SENTENCES]], len(rows)


def _posts(g: Graph, person) -> list[str]:
    posts = set()
    for m in g.subjects(ORG.member, person):
        post = ", ".join(_values(g, m, KGO.postTitle) + _values(g, m, ORG.organization))
        if post:
            posts.add(post)
    return sorted(posts)


def _person_ranks(g: Graph, person) -> list[str]:
    ranks = set(_values(g, person, KGO.rank))
    for m in g.subjects(ORG.member, person):
        ranks.update(_values(g, m, KGO.rank))
    return sorted(ranks)


_ATTRIBUTES = {  # class key -> attribute key -> how to read it
    "Locality": {"level": (KGO.level,), "code": (KGO.code,), "parent": (KGO.parent,), "successor": (KGO.successor,)},
    "Organization": {"orgType": (KGO.organizationType,), "locality": (KGO.locality,), "parentOrg": (ORG.subOrganizationOf,)},
    "Person": {"rank": _person_ranks, "post": _posts},
    "Program": {"kind": (KGO.kind,), "carriedOutIn": (KGO.carriedOutIn,), "carriedOutBy": (KGO.carriedOutBy,)},
    "Article": {"date": (SCHEMA.datePublished,), "publisher": (SCHEMA.publisher,),
                "author": (SCHEMA.author, SCHEMA.name), "articleId": (KGO.articleId,)},
}


def _statistics(g: Graph, node) -> list[str]:
    return sorted(f"{g.value(st, KGO.value)} {g.value(st, KGO.unit)}" for st in g.subjects(KGO.subject, node))


_SCHEMES = {"level": "level", "orgType": "org-type", "kind": "program-kind", "rank": "rank"}  # attribute -> concept scheme


@lru_cache(maxsize=1)
def _concept_words() -> dict[tuple[str, str], str]:
    """Vietnamese words for concepts the graph names by a code ("police" -> "công an")."""
    return {(row[0], row[1]): row[2] for row in read_rows("concept_labels.tsv") if len(row) > 2 and row[2]}


def _attributes(g: Graph, node, cls: str) -> dict[str, list[str]]:
    """The side panel's lines for one node: attribute key -> values (empty ones left out)."""
    found, words = {}, _concept_words()
    for key, how in _ATTRIBUTES[cls].items():
        values = how(g, node) if callable(how) else _values(g, node, *how)
        found[key] = [words.get((_SCHEMES.get(key), v), v) for v in values]
    found["statistics"] = _statistics(g, node)[:MAX_SENTENCES]
    return {k: v for k, v in found.items() if v}


def _aliases(g: Graph, node, label: str) -> list[str]:
    """Other names a person may type: 'huyện Sông Mã' for the locality 'Sông Mã'."""
    return sorted({f"{w} {label}" for w in g.objects(node, KGO.levelWord)})


def _add_nodes(g: Graph, G: nx.MultiDiGraph) -> None:
    titles = _titles(g)
    for cls, rdf_class in CLASSES.items():
        for node in sorted(set(g.subjects(RDF.type, rdf_class))):
            if str(node) in G:  # a node typed twice keeps its first class
                continue
            label = titles[node] if cls == "Article" else label_of(g, node)
            sentences, total = _sentences(g, node, titles)
            G.add_node(str(node), label=label, cls=cls, attrs=_attributes(g, node, cls), sentences=sentences,
                       sentence_count=total, aliases=_aliases(g, node, label))


def _add_edge(G: nx.MultiDiGraph, s, o, rel: str, label: str) -> None:
    s, o = str(s), str(o)
    if s in G and o in G and s != o:
        G.add_edge(s, o, key=f"{rel}:{label}", rel=rel, label=label)


def _add_edges(g: Graph, G: nx.MultiDiGraph) -> None:
    names = labels("relation")
    for pred in RELATIONS:
        rel = local_name(pred)
        for s, o in sorted(g.subject_objects(pred)):
            _add_edge(G, s, o, rel, names[rel])
    for m in sorted(g.subjects(RDF.type, ORG.Membership)):
        posts = _values(g, m, KGO.postTitle)
        for person in g.objects(m, ORG.member):
            for org in g.objects(m, ORG.organization):
                _add_edge(G, person, org, "member", posts[0] if posts else names["member"])
    for a, thing in sorted(g.subject_objects(SCHEMA.mentions)):
        _add_edge(G, a, thing, "mentions", names["mentions"])


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """The graph's localities, organisations, officers, programs and articles, and their relations."""
    G = nx.MultiDiGraph()
    _add_nodes(g, G)
    _add_edges(g, G)
    return G


# Parts of a big graph -------------------------------------------------------

def _name_keys(data: dict) -> set[str]:
    return {fold(n) for n in [data["label"], *data.get("aliases", ())]}


def find(G: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes named `name` (or with that IRI): case and tone placement ignored; diacritics too if nothing else matches."""
    if name in G:
        return [name]
    wanted = fold(name)
    found = [n for n, d in G.nodes(data=True) if wanted in _name_keys(d)]
    if not found:
        loose = strip_marks(wanted)
        found = [n for n, d in G.nodes(data=True) if loose in {strip_marks(k) for k in _name_keys(d)}]
    if not found:
        names = sorted({d["label"] for _n, d in G.nodes(data=True)})
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise KgError(f"no node named {name!r} in the graph{hint}")
    return sorted(found)


def around(G: nx.MultiDiGraph, names: list[str], depth: int) -> nx.MultiDiGraph:
    """The nodes within `depth` links (either direction) of the named nodes."""
    undirected = G.to_undirected(as_view=True)
    keep: set[str] = set()
    for name in names:
        for start in find(G, name):
            keep.update(nx.single_source_shortest_path_length(undirected, start, cutoff=depth))
    return G.subgraph(sorted(keep)).copy()


def keep_classes(G: nx.MultiDiGraph, classes: list[str]) -> nx.MultiDiGraph:
    """Only the nodes of these class keys (matched case-insensitively)."""
    wanted = {c.casefold() for c in classes}
    unknown = wanted - {c.casefold() for c in CLASSES}
    if unknown:
        raise KgError(f"unknown class {sorted(unknown)[0]!r}; choose among {', '.join(CLASSES)}")
    return G.subgraph([n for n, d in G.nodes(data=True) if d["cls"].casefold() in wanted]).copy()


def query_nodes(result) -> set[str]:
    """Every IRI a SPARQL result names: the terms of a CONSTRUCT's triples, the cells of a SELECT."""
    if result.type == "CONSTRUCT" or result.type == "DESCRIBE":
        return {str(t) for triple in result.graph for t in triple if isinstance(t, URIRef)}
    if result.type == "SELECT":
        return {str(v) for row in result for v in row if isinstance(v, URIRef)}
    raise KgError("--query needs a CONSTRUCT or a SELECT of nodes, not an ASK")


def select(G: nx.MultiDiGraph, iris: set[str]) -> nx.MultiDiGraph:
    keep = sorted(n for n in iris if n in G)
    if not keep:
        raise KgError("the query selected no locality, organisation, officer, program or article")
    return G.subgraph(keep).copy()


# Flat copies for Gephi and Cytoscape ------------------------------------------

def flat(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are plain strings, as GraphML and GEXF want: label, class, IRI, panel attributes."""
    classes = labels("class")
    F = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        extra = {k: "; ".join(v) for k, v in d["attrs"].items() if k != "statistics"}
        F.add_node(n, **{"label": d["label"], "class": d["cls"], "class_vi": classes[d["cls"]], "iri": n, **extra})
    for s, o, k, d in G.edges(keys=True, data=True):
        F.add_edge(s, o, key=k, label=d["label"], relation=d["rel"])
    # Every node gets every attribute key, so the tools see one column per key.
    keys = sorted({k for _n, d in F.nodes(data=True) for k in d})
    for _n, d in F.nodes(data=True):
        for k in keys:
            d.setdefault(k, "")
    return F


def network_bytes(G: nx.MultiDiGraph, fmt: str) -> bytes:
    """GraphML or GEXF (for Gephi, Cytoscape) of a kg network, the same bytes for the same graph."""
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat(G), buf, encoding="utf-8")
        return buf.getvalue()
    if fmt == "gexf":
        nx.write_gexf(flat(G), buf, encoding="utf-8")
        return re.sub(rb' lastmodifieddate="[^"]*"', b"", buf.getvalue(), count=1)  # today's date: not reproducible
    raise KgError(f"unknown network format {fmt!r}; choose graphml or gexf")


# Communities and a first layout ----------------------------------------------

def communities(G: nx.MultiDiGraph, seed: int = 1) -> list[list[str]]:
    """Louvain communities of the undirected graph, largest first, each sorted by degree then IRI."""
    simple = nx.Graph(G)
    found = nx.community.louvain_communities(simple, seed=seed) if simple.number_of_edges() else [{n} for n in simple]
    ranked = [sorted(c, key=lambda n: (-simple.degree(n), n)) for c in found]
    return sorted(ranked, key=lambda c: (-len(c), c[0]))


_GOLDEN = math.pi * (3 - math.sqrt(5))


def _spiral(i: int, spacing: float) -> tuple[float, float]:
    """The i-th point of a sunflower spiral: evenly spread points, the first ones in the centre."""
    r = spacing * math.sqrt(i)
    return r * math.cos(i * _GOLDEN), r * math.sin(i * _GOLDEN)


def initial_layout(G: nx.MultiDiGraph, spacing: float = 40.0) -> dict[str, tuple[float, float]]:
    """Starting positions: each community a disc with its hubs in the middle, the discs on a spiral.

    The browser's physics only has to tidy this up, so a bounded number of
    iterations gives a readable picture even for thousands of nodes.
    """
    groups = communities(G)
    if not groups:
        return {}
    mean_size = sum(len(c) for c in groups) / len(groups)
    apart = 1.5 * spacing * math.sqrt(mean_size)  # discs of average size just touch
    pos = {}
    for k, members in enumerate(groups):
        cx, cy = _spiral(k, apart)
        for i, n in enumerate(members):
            x, y = _spiral(i, spacing)
            pos[n] = (round(cx + x, 1), round(cy + y, 1))
    return pos
