"""The RDF graph as a networkx graph: classes, relations, panel attributes, parts, GraphML/GEXF."""
import io

import networkx as nx
import pytest
from rdflib import Graph

from kg.errors import KgError
from kg.netgraph import around, communities, find, flat, keep_classes, network_bytes, to_networkx
from kg.query import load_graph

TTL = """
@prefix kgo: <https://w3id.org/vn-antq/ontology#> .
@prefix id: <https://w3id.org/vn-antq/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

id:article\\/a a schema:NewsArticle ; schema:headline "Tin Sông Mã"@vi ; kgo:articleId "a" ;
    schema:mentions id:locality\\/son-la\\/song-ma, id:organization\\/ca, id:person\\/x, id:program\\/p .
<https://w3id.org/vn-antq/id/article/a#char=0,20> nif:anchorOf "Công an huyện Sông Mã ra mắt mô hình." ;
    nif:referenceContext id:article\\/a ; nif:beginIndex 0 .
id:locality\\/son-la a kgo:Locality ; rdfs:label "Sơn La"@vi .
id:locality\\/son-la\\/song-ma a kgo:Locality ; rdfs:label "Sông Mã"@vi ; kgo:levelWord "huyện"@vi ;
    kgo:level id:concept\\/level\\/huyen ; kgo:code "120" ; kgo:parent id:locality\\/son-la ;
    kgo:mentionedIn <https://w3id.org/vn-antq/id/article/a#char=0,20> .
id:concept\\/level\\/huyen skos:prefLabel "huyện"@vi .
id:organization\\/ca a kgo:Organization ; rdfs:label "Công an huyện Sông Mã"@vi ;
    kgo:locality id:locality\\/son-la\\/song-ma ; kgo:mentionedIn <https://w3id.org/vn-antq/id/article/a#char=0,20> ;
    kgo:organizationType id:concept\\/org-type\\/police .
id:concept\\/org-type\\/police skos:prefLabel "police"@vi .
id:person\\/x a kgo:Person ; rdfs:label "Vũ Việt Cường"@vi .
id:membership\\/m a org:Membership ; org:member id:person\\/x ; org:organization id:organization\\/ca ;
    kgo:postTitle "Trưởng Công an huyện"@vi ; kgo:rank id:concept\\/rank\\/thuong-ta ;
    prov:wasDerivedFrom <https://w3id.org/vn-antq/id/article/a#char=0,20> .
id:concept\\/rank\\/thuong-ta skos:prefLabel "Thượng tá"@vi .
id:program\\/p a kgo:Program ; rdfs:label "Camera an ninh"@vi .
"""
ID = "https://w3id.org/vn-antq/id/"


@pytest.fixture(scope="module")
def net():
    return to_networkx(Graph().parse(data=TTL, format="turtle"))


def test_nodes_have_class_label_and_sentences(net):
    d = net.nodes[ID + "locality/son-la/song-ma"]
    assert (d["cls"], d["label"]) == ("Locality", "Sông Mã")
    assert d["attrs"] == {"level": ["huyện"], "code": ["120"], "parent": ["Sơn La"]}
    assert d["sentences"] == [["Công an huyện Sông Mã ra mắt mô hình.", "Tin Sông Mã"]]


def test_a_concept_named_by_a_code_shows_its_vietnamese_word(net):
    assert net.nodes[ID + "organization/ca"]["attrs"] == {"orgType": ["công an"], "locality": ["Sông Mã"]}


def test_an_officer_shows_rank_post_and_the_sentence_of_the_post(net):
    d = net.nodes[ID + "person/x"]
    assert d["attrs"] == {"rank": ["Thượng tá"], "post": ["Trưởng Công an huyện, Công an huyện Sông Mã"]}
    assert d["sentence_count"] == 1


@pytest.mark.parametrize("source, target, rel, label", [
    ("locality/son-la/song-ma", "locality/son-la", "parent", "thuộc"),
    ("organization/ca", "locality/son-la/song-ma", "locality", "đặt tại"),
    ("person/x", "organization/ca", "member", "Trưởng Công an huyện"),
    ("article/a", "program/p", "mentions", "nhắc đến"),
])
def test_edges_carry_the_relation(net, source, target, rel, label):
    edges = net.get_edge_data(ID + source, ID + target)
    assert [(d["rel"], d["label"]) for d in edges.values()] == [(rel, label)]


@pytest.mark.parametrize("name, expected", [
    ("Công an huyện Sông Mã", "organization/ca"),
    ("công an huyện sông mã", "organization/ca"),
    ("cong an huyen song ma", "organization/ca"),
    ("huyện Sông Mã", "locality/son-la/song-ma"),
    (ID + "program/p", "program/p"),
])
def test_find_by_name_alias_or_iri(net, name, expected):
    assert find(net, name) == [ID + expected]


def test_an_unknown_name_is_a_one_line_error_with_suggestions(net):
    with pytest.raises(KgError) as err:
        find(net, "Công an huyện Sông Mai")
    assert str(err.value) == ("no node named 'Công an huyện Sông Mai' in the graph; "
                              "did you mean 'Công an huyện Sông Mã'?")


@pytest.mark.parametrize("depth, expected", [
    (0, {"organization/ca"}),
    (1, {"organization/ca", "locality/son-la/song-ma", "person/x", "article/a"}),
    (2, {"organization/ca", "locality/son-la/song-ma", "person/x", "article/a", "locality/son-la", "program/p"}),
])
def test_around_follows_links_both_ways(net, depth, expected):
    assert set(around(net, ["Công an huyện Sông Mã"], depth)) == {ID + e for e in expected}


@pytest.mark.parametrize("classes, expected", [
    (["Organization"], {"organization/ca"}),
    (["locality", "PERSON"], {"locality/son-la", "locality/son-la/song-ma", "person/x"}),
])
def test_keep_classes(net, classes, expected):
    assert set(keep_classes(net, classes)) == {ID + e for e in expected}


def test_keep_classes_rejects_an_unknown_class(net):
    with pytest.raises(KgError, match="unknown class 'place'"):
        keep_classes(net, ["Place"])


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_exports_keep_labels_and_classes(net, fmt, read):
    back = read(io.BytesIO(network_bytes(net, fmt)))
    assert back.number_of_nodes() == net.number_of_nodes()
    node = back.nodes[ID + "organization/ca"]
    assert (node["label"], node["class"], node["class_vi"]) == ("Công an huyện Sông Mã", "Organization", "Tổ chức")
    assert node["locality"] == "Sông Mã"


def test_network_exports_are_reproducible(net):
    for fmt in ("graphml", "gexf"):
        assert network_bytes(net, fmt) == network_bytes(to_networkx(Graph().parse(data=TTL, format="turtle")), fmt)
    assert b"lastmodifieddate" not in network_bytes(net, "gexf")


def test_flat_gives_every_node_every_column(net):
    keys = {frozenset(d) for _n, d in flat(net).nodes(data=True)}
    assert len(keys) == 1


def test_communities_cover_the_graph_once(seeds_build):
    G = to_networkx(load_graph(seeds_build / "graph.ttl"))
    found = communities(G)
    assert sorted(n for c in found for n in c) == sorted(G)
    assert found == communities(G)  # seeded: the same every run
