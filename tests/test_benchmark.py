"""The benchmark: a deterministic corpus, and a run on a tiny N (no timing is asserted)."""
import json
import random

import pytest

from benchmarks import bench, corpus
from kg import gazetteer


def test_an_article_depends_only_on_its_number_and_seed():
    assert corpus.article_text(7) == corpus.article_text(7)
    assert corpus.article_text(7) != corpus.article_text(8)
    assert corpus.article_text(7, seed=1) != corpus.article_text(7)


def test_articles_move_the_seeds_to_other_places():
    pool = corpus.load_pool()
    swaps = [corpus.Article(pool, random.Random(f"0:{i}")).swap for i in range(20)]
    districts = {swap[name] for swap in swaps for name, level in pool.places.items() if level == "huyện"}
    assert len(districts) >= 5
    assert all(gazetteer.load().lookup(d, "huyện") for d in districts)
    texts = [corpus.article_text(i) for i in range(20)]
    assert sum(d in text for d in districts for text in texts) >= 20


def test_seed_places_are_gazetteer_names():
    pool = corpus.load_pool()
    assert pool.places and all(gazetteer.load().lookup(name, level) for name, level in pool.places.items())


def test_corpus_files(tmp_path):
    paths = corpus.write_corpus(tmp_path, 3)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "000/bench-000000.txt", "000/bench-000001.txt", "000/bench-000002.txt"]
    assert paths[1].read_text(encoding="utf-8") == corpus.article_text(1)


def test_the_benchmark_runs_on_a_tiny_corpus(tmp_path):
    bench.main(["--n", "20", "--work", str(tmp_path / "work"), "--results", str(tmp_path / "results"),
                "--phases", "incremental,html,stores"])
    result = json.loads((tmp_path / "results" / "20-jobs1.json").read_text())
    build = result["build"]
    assert build["articles"] == 20 and build["triples"] > 0
    assert set(build["stages"]) == {"ingest", "extract", "graph", "write"}
    assert result["incremental"]["articles"] == 21 and result["incremental"]["cached"] == 19
    assert result["stores"]["rdflib"]["triples"] == build["triples"]
    if "load_s" in result["stores"]["oxigraph"]:
        for name, answer in result["stores"]["oxigraph"]["queries"].items():
            assert answer["digest"] == result["stores"]["rdflib"]["queries"][name]["digest"], name
    table = bench.markdown([result])
    assert "| **articles/s** |" in table and "N = 20" in table


@pytest.mark.parametrize("value,unit,expected", [(1234.5, " s", "1,234.5 s"), (7, "", "7"), (None, "", "–")])
def test_cells(value, unit, expected):
    assert bench._fmt(value, unit) == expected


def test_query_cells_show_the_kept_answer_beside_the_first():
    from kg.query import shipped

    queries = {name: {"s": 12.0, "rows": 1500, "ok": True, "again": {"s": 0.4, "ok": True}} for name in shipped()}
    queries["(first query: the store)"] = {"s": 130.0, "rows": 0, "ok": True}
    rows = bench.cli_rows([{"n": 5, "jobs": 1, "cli_queries": queries}])
    assert "| `kg query statistics` | 12.0 s (1,500 rows); again: 0.4 s |" in rows
