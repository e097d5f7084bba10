"""`kg validate`: the seeds' graph meets the shapes; broken graphs fail with readable lines."""
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import FOAF, PROV, RDF, RDFS, XSD

from kg.cli import cli
from kg.graph import concept_iri
from kg.namespaces import ID, KGO, NIF, ORG, SCHEMA, bind_all
from kg.validate import Violation, short, validate, validate_graph

TEXT = "Xã Tân Lập có 12 tổ tự quản."
ARTICLE = ID["article/t"]
SENTENCE = ID[f"article/t#char=0,{len(TEXT)}"]
COMMUNE = ID["locality/tan-lap"]
STAT = ID["statistic/t/14-0"]
PERSON = ID["person/le-van-a/in-t"]
MEMBERSHIP = ID["membership/le-van-a"]


def base() -> Graph:
    """A small graph, written by hand, that meets every shape."""
    g = bind_all(Graph())
    for t in [
        (ARTICLE, RDF.type, SCHEMA.NewsArticle), (ARTICLE, KGO.articleId, Literal("t")),
        (SENTENCE, RDF.type, KGO.Sentence), (SENTENCE, NIF.referenceContext, ARTICLE),
        (SENTENCE, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)),
        (SENTENCE, NIF.endIndex, Literal(len(TEXT), datatype=XSD.nonNegativeInteger)),
        (SENTENCE, NIF.anchorOf, Literal(TEXT)),
        (COMMUNE, RDF.type, KGO.Locality), (COMMUNE, RDFS.label, Literal("Tân Lập", lang="vi")),
        (COMMUNE, KGO.level, concept_iri("level", "xã")), (COMMUNE, KGO.mentionedIn, SENTENCE),
        (STAT, RDF.type, KGO.Statistic), (STAT, KGO.value, Literal("12", datatype=XSD.decimal)),
        (STAT, RDFS.label, Literal("12 tổ tự quản", lang="vi")),
        (STAT, KGO.unit, Literal("tổ tự quản", lang="vi")), (STAT, PROV.wasDerivedFrom, SENTENCE),
        (STAT, KGO.subject, COMMUNE),
        (PERSON, RDF.type, KGO.Person), (PERSON, RDFS.label, Literal("Lê Văn A", lang="vi")),
        (PERSON, FOAF.name, Literal("Lê Văn A")), (PERSON, KGO.mentionedIn, SENTENCE),
        (MEMBERSHIP, RDF.type, ORG.Membership), (MEMBERSHIP, ORG.member, PERSON),
        (MEMBERSHIP, KGO.rank, concept_iri("rank", "Thượng tá")), (MEMBERSHIP, PROV.wasDerivedFrom, SENTENCE),
    ]:
        g.add(t)
    return g


def test_the_hand_made_graph_conforms():
    report = validate_graph(base())
    assert [v.line() for v in report.violations] == []
    assert report.conforms and report.nodes == 6


@pytest.mark.parametrize("remove, add, focus, path", [
    ((STAT, KGO.value, None), [], STAT, "kgo:value"),
    ((STAT, KGO.value, None), [(STAT, KGO.value, Literal("mười hai"))], STAT, "kgo:value"),
    ((STAT, KGO.unit, None), [], STAT, "kgo:unit"),
    ((STAT, PROV.wasDerivedFrom, None), [(STAT, PROV.wasDerivedFrom, ARTICLE)], STAT, "prov:wasDerivedFrom"),
    ((STAT, KGO.subject, None), [(STAT, KGO.subject, PERSON)], STAT, "kgo:subject"),
    ((COMMUNE, KGO.level, None), [], COMMUNE, "kgo:level"),
    ((COMMUNE, KGO.level, None), [(COMMUNE, KGO.level, concept_iri("level", "bản"))], COMMUNE, "kgo:level"),
    ((COMMUNE, KGO.level, None), [(COMMUNE, KGO.level, concept_iri("level", "ấp chiến lược"))], COMMUNE, "kgo:level"),
    ((COMMUNE, KGO.mentionedIn, None), [], COMMUNE, "kgo:mentionedIn"),
    (None, [(COMMUNE, RDFS.label, Literal("Tân Lập 2", lang="vi"))], COMMUNE, "rdfs:label"),
    (None, [(COMMUNE, KGO.parent, STAT)], COMMUNE, "kgo:parent"),
    ((SENTENCE, NIF.beginIndex, None), [(SENTENCE, NIF.beginIndex, Literal(99, datatype=XSD.nonNegativeInteger))],
     SENTENCE, "nif:beginIndex"),
    ((SENTENCE, NIF.referenceContext, None), [], SENTENCE, "nif:referenceContext"),
    ((ARTICLE, KGO.articleId, None), [], ARTICLE, "kgo:articleId"),
    ((MEMBERSHIP, ORG.member, None), [(MEMBERSHIP, ORG.member, COMMUNE)], MEMBERSHIP, "org:member"),
    ((MEMBERSHIP, KGO.rank, None), [(MEMBERSHIP, KGO.rank, concept_iri("rank", "Đồng chí"))], MEMBERSHIP, "kgo:rank"),
    ((PERSON, KGO.mentionedIn, None), [], PERSON, "kgo:mentionedIn"),
])
def test_a_broken_graph_names_the_node_and_the_property(remove, add, focus, path):
    g = base()
    if remove:
        g.remove(remove)
    for t in add:
        g.add(t)
    report = validate_graph(g)
    assert not report.conforms
    assert (short(focus), path) in {(v.focus, v.path) for v in report.violations}


@pytest.mark.parametrize("violation, line", [
    (Violation("kgid:statistic/t/1-0", "12 người", "kgo:value", "needs exactly one kgo:value"),
     'kgid:statistic/t/1-0 "12 người": kgo:value: needs exactly one kgo:value'),
    (Violation("kgid:article/t#char=0,5", None, None, "span differs", "Warning"),
     "[Warning] kgid:article/t#char=0,5: span differs"),
])
def test_a_violation_is_one_readable_line(violation, line):
    assert violation.line() == line


def test_the_seeds_graph_conforms(seeds_build):
    report = validate(seeds_build / "graph.ttl")
    assert [v.line() for v in report.violations] == []
    assert report.conforms and report.nodes > 100


def test_the_trig_export_validates_like_the_turtle(seeds_build):
    assert validate(seeds_build / "graph.trig").nodes == validate(seeds_build / "graph.ttl").nodes


def test_cli_reports_conformance(seeds_build):
    result = CliRunner().invoke(cli, ["validate", "-g", str(seeds_build / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms: ") and result.output.endswith(" nodes checked\n")


def test_cli_lists_violations_and_exits_1(tmp_path):
    g = base()
    g.remove((STAT, KGO.value, None))
    path = tmp_path / "bad.ttl"
    g.serialize(path, format="turtle")
    result = CliRunner().invoke(cli, ["validate", "-g", str(path)])
    assert result.exit_code == 1
    assert 'kgid:statistic/t/14-0 "12 tổ tự quản": kgo:value: needs exactly one kgo:value' in result.output


def test_cli_without_a_graph_says_so(tmp_path):
    result = CliRunner().invoke(cli, ["validate", "-g", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1 and "no graph here" in result.output
