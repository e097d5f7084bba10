"""Queries: syntax errors located, read-only by default, nothing fetched, bounded in time."""
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg import query as q
from kg.cli import cli
from kg.errors import QueryError

EX = "http://example.org/"


@pytest.fixture
def small():
    g = Graph()
    for i in range(30):
        g.add((URIRef(f"{EX}s{i}"), URIRef(f"{EX}p"), Literal(i)))
    return g


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize("text,message", [
    ("SELECT ?s WHERE { ?s ?p ?o", "query syntax error at line 1, column 27: Expected SelectQuery, found end of text"),
    ("SELECT ?s WHERE {\n  ?s ?p ?o\n  FILTER( }", "query syntax error at line 3, column 3: Expected SelectQuery, found 'FILTER'"),
    ("INSERT DATA { <a:b> <a:c> }", "query syntax error at line 1, column 15: Expected InsertData, found '<'"),
    ("INSERT DATA { <a:b> <a:c> <a:d> } ;\n DELETE DATA { <a:b> }",
     "query syntax error at line 2, column 16: Expected DeleteData, found '<'"),
    ("SELECT ?s WHERE { ?s nope:p ?o }", "query error: Unknown namespace prefix : nope"),
])
def test_a_bad_query_names_where(text, message):
    with pytest.raises(QueryError) as err:
        q.parse(text)
    assert str(err.value) == message


@pytest.mark.parametrize("text,operation", [
    ("INSERT DATA { <a:b> <a:c> <a:d> }", "InsertData"),
    ("DELETE WHERE { ?s ?p ?o }", "DeleteWhere"),
    ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "Modify"),
    ("LOAD <http://example.org/data.ttl>", "Load"),
    ("CLEAR ALL", "Clear"),
    ("DROP GRAPH <http://example.org/g>", "Drop"),
    ("CREATE GRAPH <http://example.org/g>", "Create"),
    ("ADD DEFAULT TO <http://example.org/g>", "Add"),
])
def test_updates_are_refused_by_default(small, text, operation):
    with pytest.raises(QueryError) as err:
        q.answer(small, text)
    assert str(err.value) == (f"refused: SPARQL Update ({operation}) would change the graph and `kg query` "
                              "is read-only; pass --allow-update to apply it to an in-memory copy")
    assert len(small) == 30


def test_an_allowed_update_changes_only_a_copy(small):
    out = q.answer(small, "DELETE WHERE { ?s ?p ?o }", allow_update=True)
    assert out == "update applied to an in-memory copy only, nothing saved: 30 triples before, 0 after\n"
    assert len(small) == 30


@pytest.mark.parametrize("text,why", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
     "SERVICE sends part of the query to a remote endpoint"),
    ("SELECT * WHERE { ?x ?y ?z OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } }",
     "SERVICE sends part of the query to a remote endpoint"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM / FROM NAMED loads graphs from the web or disk"),
    ("SELECT * FROM NAMED <http://example.org/g> WHERE { ?s ?p ?o }", "FROM / FROM NAMED loads graphs from the web or disk"),
])
def test_fetching_data_is_refused_without_allow_service(small, text, why):
    with pytest.raises(QueryError) as err:
        q.answer(small, text)
    assert str(err.value) == f"refused: {why}; pass --allow-service to allow it"


def test_load_needs_both_flags(small):
    with pytest.raises(QueryError, match="refused: LOAD fetches a document"):
        q.answer(small, "LOAD <http://example.org/data.ttl>", allow_update=True)


def test_the_worker_blocks_the_network_even_if_a_check_is_missed(small, monkeypatch):
    monkeypatch.setattr(q, "check_allowed", lambda *args: None)  # pretend the algebra check missed it
    with pytest.raises(QueryError) as err:
        q.answer(small, "SELECT * WHERE { SERVICE <http://192.0.2.1/sparql> { ?s ?p ?o } }")
    assert "the query tried to reach the network" in str(err.value)


def test_a_runaway_query_is_stopped(small):
    # 30^6 = 729 million rows to count: far past any time limit.
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }"
    with pytest.raises(QueryError) as err:
        q.answer(small, runaway, timeout=0.5)
    assert str(err.value) == "query stopped after 0.5 s; add LIMIT or narrower patterns, or raise --timeout (0 = no limit)"


def test_the_thread_fallback_also_stops_waiting(small, monkeypatch):
    monkeypatch.setattr(q.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryError, match="query stopped after 0.2 s"):
        q.answer(small, runaway, timeout=0.2)


@pytest.mark.parametrize("fmt,expected", [
    ("tsv", '?n\n"30"^^<http://www.w3.org/2001/XMLSchema#integer>\n'),
    ("table", "n\n30\n(1 rows)\n"),
])
def test_an_ordinary_query_is_answered_by_the_worker(small, fmt, expected):
    assert q.answer(small, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", fmt) == expected


def test_ask_ends_with_a_newline(small):
    assert q.answer(small, "ASK { ?s ?p 3 }") == "true\n"


@pytest.mark.parametrize("args,message", [
    (["SELECT ?s WHERE {\n ?s ?p ?o\n FILTER( }"], "Error: query syntax error at line 3, column 2: Expected SelectQuery, found 'FILTER'"),
    (["DROP ALL"], "Error: refused: SPARQL Update (Drop) would change the graph and `kg query` is read-only; "
                   "pass --allow-update to apply it to an in-memory copy"),
    (["SELECT * WHERE { SERVICE <http://example.org/q> { ?s ?p ?o } }"],
     "Error: refused: SERVICE sends part of the query to a remote endpoint; pass --allow-service to allow it"),
])
def test_cli_refusals_are_one_line_exit_1(seeds_build, args, message):
    result = run("query", *args, "-g", seeds_build / "graph.ttl")
    assert result.exit_code == 1
    assert result.output == message + "\n"


def test_cli_allow_update_says_nothing_is_saved(seeds_build):
    before = (seeds_build / "graph.ttl").read_bytes()
    result = run("query", "DELETE WHERE { ?s a kgo:Locality }", "-g", seeds_build / "graph.ttl", "--allow-update")
    assert result.exit_code == 0
    assert result.output.startswith("update applied to an in-memory copy only, nothing saved: ")
    assert (seeds_build / "graph.ttl").read_bytes() == before


def test_cli_timeout_option(seeds_build):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result = run("query", runaway, "-g", seeds_build / "graph.ttl", "--timeout", "0.5")
    assert result.exit_code == 1
    assert result.output == "Error: query stopped after 0.5 s; add LIMIT or narrower patterns, or raise --timeout (0 = no limit)\n"
