"""The CLI contract of DESIGN.md, through click's CliRunner."""
import csv
import io

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from tests.conftest import SEEDS

COLUMNS = {
    "articles": ["article", "title", "date", "publisher", "author"],
    "localities": ["article", "name", "level", "parent"],
    "organizations": ["article", "name", "type", "locality"],
    "officers": ["article", "name", "rank", "post", "organization"],
    "programs": ["article", "name", "kind"],
    "statistics": ["article", "value", "unit", "subject"],
}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_every_command_has_help():
    for name, command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert command.help, f"{name} has no help text"


def test_build_writes_the_three_exports_and_a_summary(tmp_path):
    result = run("build", SEEDS, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("5 articles: ")
    assert "triples" in result.output
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / name).stat().st_size > 1000


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_shipped_queries_give_the_contract_columns(seeds_build, name):
    result = run("query", name, "-g", seeds_build / "graph.ttl", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows, name
    assert list(rows[0])[: len(COLUMNS[name])] == COLUMNS[name]
    assert {r["article"] for r in rows} <= {p.stem for p in SEEDS.glob("*.txt")}


def test_officer_with_two_posts_gives_two_rows(seeds_build):
    result = run("query", "officers", "-g", seeds_build / "graph.ttl", "--format", "csv")
    rows = [r for r in csv.DictReader(io.StringIO(result.output)) if r["name"] == "Ngô Thị Khanh"]
    assert {r["organization"] for r in rows} == {"Ban Dân vận Huyện ủy Bình Lục", "Ủy ban Mặt trận Tổ quốc huyện Bình Lục"}


def test_query_accepts_sparql_text_and_rq_file(seeds_build, tmp_path):
    text = "SELECT ?name WHERE { ?l a kgo:Locality ; rdfs:label ?name } ORDER BY ?name"
    direct = run("query", text, "-g", seeds_build / "graph.ttl", "--format", "tsv")
    assert direct.exit_code == 0 and "Sông Mã" in direct.output
    rq = tmp_path / "places.rq"
    rq.write_text(text, encoding="utf-8")
    from_file = run("query", rq, "-g", seeds_build / "graph.ttl", "--format", "tsv")
    assert from_file.output == direct.output


@pytest.mark.parametrize("fmt,parse_as", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_export_round_trips(seeds_build, tmp_path, fmt, parse_as):
    out = tmp_path / f"g.{fmt}"
    assert run("export", "-g", seeds_build / "graph.ttl", "--format", fmt, "-o", out).exit_code == 0
    original = Graph().parse(seeds_build / "graph.ttl")
    assert len(Graph().parse(out, format=parse_as)) == len(original)


def test_query_on_a_missing_graph_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["query", "articles", "-g", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path / 'none.ttl'}: no graph here; run `kg build` first or pass -g"


def test_query_on_trig_sees_named_graphs(seeds_build):
    text = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle } }"
    result = run("query", text, "-g", seeds_build / "graph.trig", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == "5"


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_shipped_queries_answer_the_same_on_both_engines(seeds_build, name, monkeypatch):
    pytest.importorskip("pyoxigraph")
    args = ("query", name, "-g", seeds_build / "graph.ttl", "--format", "csv")
    fast = run(*args).output
    monkeypatch.setenv("KG_NO_OXIGRAPH", "1")
    assert run(*args).output == fast


def test_a_person_without_post_is_listed_beside_one_with_a_post(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(
        "Bài A\n\nThượng tá Vũ Văn Cường, Trưởng Công an huyện Sông Mã, cho biết anh Lò Văn Pâng đã giao nộp 1 khẩu súng.\n"
        "Đại úy Lê Văn Hải tham gia buổi tuyên truyền.\n", encoding="utf-8")
    run("build", tmp_path, "-o", tmp_path / "out")
    for engine in ("", "1"):
        monkeypatch.setenv("KG_NO_OXIGRAPH", engine)
        result = run("query", "officers", "-g", tmp_path / "out" / "graph.ttl", "--format", "csv")
        rows = {(r["name"], r["rank"]) for r in csv.DictReader(io.StringIO(result.output))}
        assert {("Vũ Văn Cường", "Thượng tá"), ("Lò Văn Pâng", ""), ("Lê Văn Hải", "Đại úy")} <= rows, engine
