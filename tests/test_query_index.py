"""kg query on a large graph: loaded once into an on-disk store beside it, reused until the file changes."""
import shutil

import pytest

pytest.importorskip("pyoxigraph")

import kg.fastquery as fq  # noqa: E402
from kg.build import build  # noqa: E402
from kg.query import answer_file  # noqa: E402
from tests.conftest import SEEDS  # noqa: E402

QUERY = "SELECT ?name WHERE { ?l a kgo:Locality ; rdfs:label ?name } ORDER BY ?name"


@pytest.fixture
def graph(tmp_path, monkeypatch):
    monkeypatch.setattr(fq, "INDEX_MIN_BYTES", 0)  # the seeds' graph counts as large
    build([SEEDS], tmp_path / "out", html=False)
    return tmp_path / "out" / "graph.ttl"


def test_the_store_is_made_once_and_answers_as_rdflib_does(graph, monkeypatch):
    first = answer_file(graph, QUERY, "csv")
    assert fq.index_of(graph).is_dir()
    loads = []
    monkeypatch.setattr(fq.engine().Store, "bulk_load", lambda *a, **k: loads.append(1))
    assert answer_file(graph, QUERY, "csv") == first  # from the store on disk: nothing loaded
    assert loads == []
    monkeypatch.setenv(fq.DISABLE, "1")
    assert answer_file(graph, QUERY, "csv") == first


def test_a_changed_graph_gets_a_new_store(graph, tmp_path):
    before = answer_file(graph, QUERY, "csv")
    shutil.copy(graph, tmp_path / "old.ttl")
    graph.write_text(graph.read_text(encoding="utf-8") + '\n<urn:x> a kgo:Locality ; rdfs:label "Zzz" .\n',
                     encoding="utf-8")
    after = answer_file(graph, QUERY, "csv")
    assert after.splitlines()[-1] == "Zzz" and after != before


def test_a_build_removes_the_store_of_the_graph_it_replaces(graph):
    answer_file(graph, QUERY, "csv")
    build([SEEDS], graph.parent, html=False)
    assert not fq.index_of(graph).exists()


def test_a_folder_that_cannot_hold_the_store_means_loading_in_memory(graph, monkeypatch):
    monkeypatch.setattr(fq, "_make_index", lambda *args: None)
    assert answer_file(graph, QUERY, "csv").splitlines()[0] == "name"
    assert not fq.index_of(graph).exists()


def test_making_the_store_is_said_on_stderr(graph, capsys):
    answer_file(graph, QUERY, "csv")
    assert f"loading {graph} into {fq.index_of(graph)}" in capsys.readouterr().err
    answer_file(graph, QUERY, "csv")
    assert capsys.readouterr().err == ""  # opened, not made again
