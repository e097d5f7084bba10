"""kg.serialize: N-Triples lines, Turtle and TriG blocks, the external merge."""
import io

import pytest
from hypothesis import given, settings, strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.namespaces import KGO
from kg.serialize import Abbreviator, LineMerger, lines_to_graph, nt_lines, nt_term, trig_block, write_turtle

S = URIRef("https://w3id.org/vn-antq/id/locality/son-la/song-ma")


@pytest.mark.parametrize("term,expected", [
    (S, "<https://w3id.org/vn-antq/id/locality/son-la/song-ma>"),
    (Literal("Sông Mã", lang="vi"), '"Sông Mã"@vi'),
    (Literal('nói "không"\\ với\nma túy\r'), r'"nói \"không\"\\ với\nma túy\r"'),
    (Literal("12.5", datatype=XSD.decimal), '"12.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
    (Literal(3, datatype=XSD.nonNegativeInteger), '"3"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>'),
    (URIRef("http://example.org/a b"), "<http://example.org/a\\u0020b>"),
    (Literal("cột\tmốc\x0b"), r'"cột\tmốc\u000B"'),  # no control character in a line: the merge order holds
])
def test_nt_term(term, expected):
    assert nt_term(term) == expected


@pytest.mark.parametrize("iri,expected", [
    (str(RDF.type), "a"),
    (str(KGO.Locality), "kgo:Locality"),
    (str(RDFS.label), "rdfs:label"),
    (str(S), f"<{S}>"),                                   # '/' in the local part: kept whole
    ("https://w3id.org/vn-antq/id/x", "kgid:x"),
])
def test_abbreviations(iri, expected):
    abbr = Abbreviator()
    assert (abbr.predicate if expected == "a" else abbr.iri)(f"<{iri}>") == expected


TRIPLES = {
    (S, RDF.type, KGO.Locality),
    (S, RDFS.label, Literal("Sông Mã", lang="vi")),
    (S, RDFS.label, Literal("Song Ma", lang="vi")),
    (S, KGO.code, Literal('mã "116"\n')),
    (S, KGO.value, Literal("12.5", datatype=XSD.decimal)),
    (URIRef("https://w3id.org/vn-antq/id/article/a#char=0,5"), RDF.type, KGO.Sentence),
}


def test_turtle_parses_back_to_the_same_triples():
    out = io.StringIO()
    write_turtle(out, nt_lines(TRIPLES), Abbreviator())
    assert set(Graph().parse(data=out.getvalue(), format="turtle")) == TRIPLES


def test_trig_block_parses_back_to_its_named_graph():
    abbr, name = Abbreviator(), URIRef("https://w3id.org/vn-antq/id/article/a")
    ds = Dataset().parse(data=abbr.header() + trig_block(nt_term(name), nt_lines(TRIPLES), abbr), format="trig")
    assert set(ds.graph(name)) == TRIPLES


@pytest.mark.parametrize("run_lines", [1, 2, 3, 1000])
def test_merge_gives_every_distinct_line_once_in_order(tmp_path, run_lines):
    merger = LineMerger(tmp_path, run_lines=run_lines)
    parts = [["<a> <p> 1", "<c> <p> 3"], ["<a> <p> 1", "<b> <p> 2"], ["<c> <p> 3", "<d> <p> \"x y\""]]
    for lines in parts:
        merger.add(lines)
    assert list(merger.lines()) == ["<a> <p> 1", "<b> <p> 2", "<c> <p> 3", '<d> <p> "x y"']
    assert list(tmp_path.iterdir()) == []  # runs removed


def test_lines_back_to_an_rdflib_graph():
    escaped = URIRef("http://example.org/a b")
    triples = TRIPLES | {(escaped, RDFS.label, Literal("\\u0041 is not unescaped twice")),
                         (escaped, RDFS.label, Literal("tab\there, bell\x07"))}
    assert set(lines_to_graph(nt_lines(triples), Graph())) == triples


@pytest.mark.parametrize("parts", [2, 3])
def test_merging_the_parts_of_the_runs_gives_the_whole_merge_in_pieces(tmp_path, parts):
    import random

    from kg.serialize import merge_runs

    rng = random.Random(7)
    lists = [sorted({f'<s{rng.randrange(60):02d}> <p> "{rng.choice("aăâ")}{rng.randrange(5)}"' for _ in range(40)})
             for _ in range(30)]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    whole = LineMerger(tmp_path / "a", run_lines=10_000)
    split = LineMerger(tmp_path / "b", run_lines=150)
    for lines in lists:
        whole.add(lines)
        split.add(lines)
    expected = list(whole.counted())
    pieces = [list(merge_runs(ranges)) for ranges in split.parts(parts)]
    assert len(split.runs) > 3 and all(pieces)
    assert [x for piece in pieces for x in piece] == expected
    assert sum(n for _line, n in expected) == sum(map(len, lists))
    subjects = [{line.split(" ")[0] for line, _n in piece} for piece in pieces]
    assert all(not (a & b) for i, a in enumerate(subjects) for b in subjects[i + 1:])  # no subject in two


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",))), st.sampled_from([None, "vi"]))
def test_a_string_literal_written_directly_reads_back_in_rdflib(text, lang):
    from kg.serialize import nt_string

    g = Graph().parse(data=f"<urn:s> <urn:p> {nt_string(text, lang)} .\n", format="nt")
    assert list(g.objects()) == [Literal(text, lang=lang)]
