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


def test_an_answer_is_kept_beside_the_store_and_given_again(graph, monkeypatch):
    first = answer_file(graph, QUERY, "csv")
    table = answer_file(graph, QUERY, "table")
    assert len(list((fq.index_of(graph) / fq.ANSWERS).iterdir())) == 2  # one per format

    computed = []
    render = fq._render
    monkeypatch.setattr(fq, "_render", lambda *args: computed.append(1) or render(*args))
    assert answer_file(graph, QUERY, "csv") == first
    assert answer_file(graph, QUERY, "table") == table
    assert computed == []
    answer_file(graph, QUERY + " LIMIT 2", "csv")  # another query is another answer
    assert computed == [1]


def test_kept_answers_go_with_the_graph_they_answered(graph):
    answer_file(graph, QUERY, "csv")
    graph.write_text(graph.read_text(encoding="utf-8") + '\n<urn:x> a kgo:Locality ; rdfs:label "Zzz" .\n',
                     encoding="utf-8")
    assert answer_file(graph, QUERY, "csv").splitlines()[-1] == "Zzz"


def test_kept_answers_stay_under_their_limit(graph, monkeypatch):
    monkeypatch.setattr(fq, "KEEP_BYTES", 1)
    answer_file(graph, QUERY, "csv")
    answer_file(graph, QUERY, "tsv")
    kept = list((fq.index_of(graph) / fq.ANSWERS).iterdir())
    assert [f.suffix for f in kept] == [".tsv"]  # the newest stays, the older went


def test_an_answer_too_large_to_keep_is_still_given(graph, monkeypatch):
    monkeypatch.setattr(fq, "KEEP_ONE_BYTES", 10)
    assert answer_file(graph, QUERY, "csv").startswith("name")
    assert not (fq.index_of(graph) / fq.ANSWERS).exists()


def test_the_command_copies_a_kept_answer_out(graph, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.query import kept_answer

    args = ["query", QUERY, "-g", str(graph), "--format", "csv"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0 and kept_answer(graph, QUERY, "csv") is not None
    monkeypatch.setattr(fq, "answer", lambda *a, **k: pytest.fail("computed again"))
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0 and again.stdout_bytes == first.stdout_bytes
    assert kept_answer(graph, QUERY, "tsv") is None  # another format was never asked


def test_no_kept_answer_for_an_update_or_a_changed_graph(graph):
    from kg.query import kept_answer

    answer_file(graph, QUERY, "csv")
    assert kept_answer(graph, QUERY, "csv", allow_service=True) is None
    graph.write_text(graph.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert kept_answer(graph, QUERY, "csv") is None


def test_an_answer_kept_by_other_rendering_code_is_not_given(graph, monkeypatch):
    from kg.query import kept_answer

    answer_file(graph, QUERY, "csv")
    assert kept_answer(graph, QUERY, "csv") is not None
    monkeypatch.setattr(fq, "_writers", lambda: "another kg")
    assert kept_answer(graph, QUERY, "csv") is None


@pytest.mark.parametrize("query", [
    "SELECT ?now WHERE { BIND(NOW() AS ?now) }",
    "SELECT ?l (rand ( ) AS ?r) WHERE { ?l a kgo:Locality } LIMIT 1",
    "SELECT ?id WHERE { BIND(STRUUID() AS ?id) }",
])
def test_an_answer_that_changes_from_run_to_run_is_not_kept(graph, query):
    from kg.query import kept_answer

    answer_file(graph, query, "csv")
    assert kept_answer(graph, query, "csv") is None
    answer_file(graph, QUERY, "csv")
    assert kept_answer(graph, QUERY, "csv") is not None
