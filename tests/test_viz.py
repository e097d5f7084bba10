"""The network page as text: self-contained, inert article text, legend, bounded physics, parts."""
import json
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import cli
from kg.namespaces import ID, KGO, NIF, SCHEMA
from kg.netgraph import CLASSES, to_networkx
from kg.query import load_graph
from kg.viz import page_data, render_html, render_network, script_json, select_part, stabilization_iterations
from tests.synthetic import synthetic_graph

HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>alert(1)</script>",
    "<!-- <script>",
    "a & b &amp; c",
]


class Refs(HTMLParser):
    """Elements, and every attribute that could load something."""

    def __init__(self):
        super().__init__()
        self.tags, self.refs, self.scripts = [], [], []
        self._in_script = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href", "srcset", "poster", "data", "action")]
        self._in_script = dict(attrs) if tag == "script" else None

    def handle_data(self, data):
        if self._in_script is not None:
            self.scripts.append((self._in_script, data))


def parse(page: str) -> Refs:
    refs = Refs()
    refs.feed(page)
    return refs


def page_json(page: str) -> dict:
    return json.loads(next(text for attrs, text in parse(page).scripts if attrs.get("id") == "kg-data"))


def hostile_graph() -> Graph:
    g = Graph()
    article, sentence, place = ID["article/h"], URIRef(ID["article/h"] + "#char=0,9"), ID["locality/x"]
    g.add((article, RDF.type, SCHEMA.NewsArticle))
    g.add((article, SCHEMA.headline, Literal("Tiêu đề " + HOSTILE[0])))
    g.add((article, SCHEMA.mentions, place))
    g.add((sentence, NIF.anchorOf, Literal(" ".join(HOSTILE))))
    g.add((sentence, NIF.referenceContext, article))
    g.add((place, RDF.type, KGO.Locality))
    g.add((place, RDFS.label, Literal("Sông Mã " + HOSTILE[1], lang="vi")))
    g.add((place, KGO.mentionedIn, sentence))
    return g


@pytest.fixture(scope="module")
def seeds_page(seeds_build):
    return (seeds_build / "graph.html").read_text(encoding="utf-8")


def test_the_page_loads_nothing_from_outside(seeds_page):
    refs = parse(seeds_page)
    assert refs.refs == []
    assert "link" not in refs.tags and "iframe" not in refs.tags
    assert not re.search(r"url\(\s*(?!['\"]?data:)", seeds_page)
    assert "sourceMappingURL" not in seeds_page  # devtools would fetch it
    assert "@import" not in seeds_page
    assert all(not attrs.get("src") for attrs, _text in refs.scripts)


def test_vis_network_is_inlined(seeds_page):
    assert "vis.Network" in seeds_page and parse(seeds_page).tags.count("script") == 3


def test_a_content_security_policy_forbids_any_fetch(seeds_page):
    assert "default-src 'none'" in seeds_page


@pytest.mark.parametrize("text", HOSTILE)
def test_script_json_never_closes_the_script_element(text):
    encoded = script_json({"t": text})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"t": text}


def test_hostile_article_text_reaches_the_page_only_as_inert_json():
    page = render_html(hostile_graph())
    refs = parse(page)
    assert refs.tags.count("script") == 3 and "img" not in refs.tags
    assert not [text for text in HOSTILE if text in page]  # each one only escaped
    data = page_json(page)
    names = {n["name"] for n in data["nodes"]}
    assert names == {"Sông Mã " + HOSTILE[1], "Tiêu đề " + HOSTILE[0]}
    place = next(n for n in data["nodes"] if n["group"] == "Locality")
    assert place["sentences"] == [[" ".join(HOSTILE), "Tiêu đề " + HOSTILE[0]]]


def test_the_page_script_never_writes_html():
    from kg.viz import _ASSETS

    script = (_ASSETS / "page.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", script)


def test_legend_lists_every_class_with_its_colour_shape_and_count(seeds_build):
    data = page_json((seeds_build / "graph.html").read_text(encoding="utf-8"))
    assert [c["key"] for c in data["classes"]] == list(CLASSES)
    assert all(c["label"] and c["color"].startswith("#") and c["shape"] for c in data["classes"])
    counts = {c["key"]: c["count"] for c in data["classes"]}
    assert sum(counts.values()) == len(data["nodes"]) and counts["Locality"] > 0


def test_nodes_are_sized_by_degree_and_edges_labelled(seeds_build):
    G = to_networkx(load_graph(seeds_build / "graph.ttl"))
    data = page_data(G)
    hub = max(data["nodes"], key=lambda n: n["value"])
    leaf = min(data["nodes"], key=lambda n: n["value"])
    assert hub["value"] > leaf["value"]
    assert all(e["label"] for e in data["edges"])
    assert {e["rel"] for e in data["edges"]} >= {"parent", "locality", "mentions"}


def test_panel_attributes_come_with_vietnamese_names(seeds_build):
    data = page_data(to_networkx(load_graph(seeds_build / "graph.ttl")))
    person = next(n for n in data["nodes"] if n["group"] == "Person" and len(n["attrs"]) > 2)
    keys = [k for k, _v in person["attrs"]]
    assert keys[0] == "type" and keys[-1] == "iri" and "post" in keys
    assert all(k in data["attrs"] for k in keys)


@pytest.mark.parametrize("n_nodes, iterations", [(0, 300), (85, 300), (400, 200), (2000, 40), (50_000, 40)])
def test_physics_iterations_are_bounded(n_nodes, iterations):
    assert stabilization_iterations(n_nodes) == iterations


def test_a_big_graph_gets_a_first_layout_and_few_iterations():
    G = to_networkx(synthetic_graph(210))
    data = page_data(G)
    assert len(data["nodes"]) > 1900
    assert data["iterations"] == 40
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])  # no two nodes start on one spot


def test_the_page_is_the_same_for_the_same_graph(seeds_build):
    g = load_graph(seeds_build / "graph.ttl")
    assert render_network(to_networkx(g)) == render_network(to_networkx(g))


@pytest.mark.parametrize("options, some_names, classes", [
    ({"around": ["Công an huyện Sông Mã"], "depth": 1}, {"Công an huyện Sông Mã", "Sông Mã"}, None),
    ({"around": ["cong an huyen song ma"], "depth": 2, "types": ["Organization"]},
     {"Công an huyện Sông Mã", "Ủy ban nhân dân huyện Sông Mã"}, {"Organization"}),
    ({"query": "SELECT ?o WHERE { ?o a kgo:Organization }"}, {"Công an huyện Sông Mã"}, {"Organization"}),
    ({"query": "SELECT ?o WHERE { ?o a kgo:Organization }", "types": ["Locality"]}, set(), set()),
])
def test_select_part(seeds_build, options, some_names, classes):
    part = select_part(load_graph(seeds_build / "graph.ttl"), **options)
    assert some_names <= {d["label"] for _n, d in part.nodes(data=True)}
    if classes is not None:
        assert {d["cls"] for _n, d in part.nodes(data=True)} == classes


def test_a_construct_query_draws_the_nodes_it_names(seeds_build):
    g = load_graph(seeds_build / "graph.ttl")
    part = select_part(g, query="CONSTRUCT { ?o kgo:locality ?l } WHERE { ?o a kgo:Organization ; kgo:locality ?l }")
    assert {d["cls"] for _n, d in part.nodes(data=True)} == {"Organization", "Locality"}
    assert {d["rel"] for *_e, d in part.edges(data=True)} >= {"locality"}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_cli_viz_around_writes_a_smaller_page(seeds_build, tmp_path):
    out = tmp_path / "part.html"
    result = run("viz", "-g", seeds_build / "graph.ttl", "-o", out, "--around", "Công an huyện Sông Mã", "--depth", "2",
                 "--type", "Organization", "--type", "Locality")
    assert result.exit_code == 0, result.output
    data = page_json(out.read_text(encoding="utf-8"))
    assert {n["group"] for n in data["nodes"]} == {"Organization", "Locality"}
    assert result.output == f"wrote {out}: {len(data['nodes'])} nodes, {len(data['edges'])} links\n"


@pytest.mark.parametrize("args, message", [
    (["--around", "Công an huyện Sông Xyz"], "Error: no node named 'Công an huyện Sông Xyz' in the graph"),
    (["--type", "Place"], "Error: unknown class 'place'; choose among Locality, Organization, Person, Program, Article"),
    (["--query", "ASK { ?s ?p ?o }"], "Error: --query needs a CONSTRUCT or a SELECT of nodes, not an ASK"),
])
def test_cli_viz_errors_are_one_line(seeds_build, tmp_path, args, message):
    result = run("viz", "-g", seeds_build / "graph.ttl", "-o", tmp_path / "x.html", *args)
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1
    assert not (tmp_path / "x.html").exists()


def test_cli_viz_query_file(seeds_build, tmp_path):
    rq = tmp_path / "orgs.rq"
    rq.write_text("SELECT ?o WHERE { ?o a kgo:Organization }", encoding="utf-8")
    result = run("viz", "-g", seeds_build / "graph.ttl", "-o", tmp_path / "o.html", "--query", rq)
    assert result.exit_code == 0, result.output
    assert {n["group"] for n in page_json((tmp_path / "o.html").read_text(encoding="utf-8"))["nodes"]} == {"Organization"}


@pytest.mark.parametrize("fmt, marker, a_class", [
    ("graphml", b"<graphml", b">Organization</data>"),
    ("gexf", b"<gexf", b'value="Organization"'),
])
def test_cli_export_network_formats(seeds_build, tmp_path, fmt, marker, a_class):
    out = tmp_path / f"g.{fmt}"
    result = run("export", "-g", seeds_build / "graph.ttl", "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert marker in data and "Công an huyện Sông Mã".encode() in data and a_class in data
