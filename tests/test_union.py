"""graph.ttl updated from the last build's state: only what changed is re-rendered, and the
bytes are those of a full build."""
import shutil

import pytest

import kg.union
from kg import serialize
import kg.build
from kg.build import build
from kg.cache import ArticleCache
from kg.union import Manifest, cut
from tests.conftest import SEED_FILES, exports

EXTRA = "Sáng 3/5, Công an xã Mường Sai tổ chức 3 buổi tuyên truyền cho 120 lượt người.\n"


@pytest.fixture
def small_buckets(monkeypatch):
    monkeypatch.setattr(kg.union, "BUCKET_LINES", 50)  # many buckets from five articles
    monkeypatch.setattr(kg.union.cut, "__defaults__", (50,))


@pytest.fixture
def updates(monkeypatch):
    """How many times graph.ttl was updated from the last build (not merged in full)."""
    calls = []
    real = kg.union.update

    def update(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(kg.union, "update", update)
    return calls


def _edit(corpus):
    changed = corpus / SEED_FILES[1].name
    changed.write_text(changed.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    (corpus / "zz-new.txt").write_text("Tiêu đề\n\n" + EXTRA, encoding="utf-8")
    (corpus / SEED_FILES[3].name).unlink()


def test_an_update_gives_the_bytes_of_a_full_build(corpus, tmp_path, small_buckets, updates):
    build([corpus], tmp_path / "out")
    _edit(corpus)
    report = build([corpus], tmp_path / "out")
    assert updates == [1]
    fresh = build([corpus], tmp_path / "fresh", cache=False)
    assert exports(tmp_path / "out") == exports(tmp_path / "fresh")
    assert (report.triples, report.counts) == (fresh.triples, fresh.counts)


def test_updates_in_a_row_stay_exact(corpus, tmp_path, small_buckets, updates):
    build([corpus], tmp_path / "out")
    _edit(corpus)
    build([corpus], tmp_path / "out")
    shutil.copy(SEED_FILES[3], corpus / SEED_FILES[3].name)  # back again
    (corpus / "zz-new.txt").unlink()
    build([corpus], tmp_path / "out")
    assert updates == [1, 1]
    build([corpus], tmp_path / "fresh", cache=False)
    assert exports(tmp_path / "out") == exports(tmp_path / "fresh")


def test_a_line_two_articles_give_stays_while_one_is_left(tmp_path, updates):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):  # the same place, organisation and concepts in both
        (folder / f"{name}.txt").write_text("Tiêu đề\n\n" + EXTRA, encoding="utf-8")
    build([folder], tmp_path / "out")
    (folder / "b.txt").unlink()
    build([folder], tmp_path / "out")
    assert updates == [1]
    build([folder], tmp_path / "fresh", cache=False)
    assert exports(tmp_path / "out") == exports(tmp_path / "fresh")


def test_a_touched_export_means_a_full_merge(corpus, tmp_path, updates):
    build([corpus], tmp_path / "out")
    (tmp_path / "out" / "graph.ttl").write_text("edited by hand\n", encoding="utf-8")
    _edit(corpus)
    build([corpus], tmp_path / "out")
    assert updates == []
    build([corpus], tmp_path / "fresh", cache=False)
    assert exports(tmp_path / "out") == exports(tmp_path / "fresh")


def test_a_lost_cache_entry_means_a_full_merge(corpus, tmp_path, updates):
    build([corpus], tmp_path / "out")
    gone = corpus / SEED_FILES[3].name
    cache = ArticleCache(tmp_path / "out")
    cache._file(cache.key(gone)).unlink()
    gone.unlink()
    build([corpus], tmp_path / "out")
    assert updates == [1]  # tried, found the entry missing, merged in full
    build([corpus], tmp_path / "fresh", cache=False)
    assert exports(tmp_path / "out") == exports(tmp_path / "fresh")


def test_buckets_are_cut_between_subjects():
    counted = [(f"<s{i // 3}> <p> {i}", 1) for i in range(10)]
    parts = [lines for lines, _counts in cut(counted, size=4)]
    assert [len(p) for p in parts] == [6, 4]  # s1 is not split to make the first bucket 4 long
    assert [line for p in parts for line in p] == [line for line, _n in counted]
    assert all(p[0].split()[0] != q[-1].split()[0] for q, p in zip(parts, parts[1:]))


def test_the_manifest_round_trips():
    m = Manifest((1, 2), (3, 4), 5, {"k": ("<a>", 0, 9)},
                 [kg.union.Bucket("<a>", 5, 10, "b-1", (3, {"<C>": 1}))])
    assert Manifest.parse(m.dump()) == m


def test_the_merger_counts_lines_across_runs(tmp_path):
    merger = serialize.LineMerger(tmp_path, run_lines=2)
    for lines in (["<a> <p> 1", "<b> <p> 2"], ["<a> <p> 1"], ["<a> <p> 1", "<c> <p> 3"]):
        merger.add(lines)
    assert list(merger.counted()) == [("<a> <p> 1", 3), ("<b> <p> 2", 1), ("<c> <p> 3", 1)]


def test_a_state_that_cannot_be_saved_means_a_full_merge_next_time(corpus, tmp_path, monkeypatch, updates):
    with monkeypatch.context() as m:
        m.setattr(kg.union, "_save", lambda *args: False)  # a full disk, say
        report = build([corpus], tmp_path / "out")
    assert report.articles == len(SEED_FILES)  # the build itself is fine
    _edit(corpus)
    build([corpus], tmp_path / "out")
    assert updates == []
    build([corpus], tmp_path / "fresh", cache=False)
    assert exports(tmp_path / "out") == exports(tmp_path / "fresh")


@pytest.mark.parametrize("processes", [2, 3])
def test_a_merge_from_disk_is_done_in_parts_at_once_with_the_same_bytes(corpus, tmp_path, monkeypatch, processes):
    build([corpus], tmp_path / "plain", cache=False)
    calls = []
    real = kg.union.Writer.write_parts

    def write_parts(self, parts, folder):
        calls.append(len(parts))
        return real(self, parts, folder)

    monkeypatch.setattr(kg.union.Writer, "write_parts", write_parts)
    monkeypatch.setattr(kg.build, "MERGE_PROCESSES", processes)
    monkeypatch.setattr(serialize, "RUN_LINES", 300)  # runs on disk from five articles
    monkeypatch.setattr(kg.union.cut, "__defaults__", (50,))
    report = build([corpus], tmp_path / "out")
    assert calls == [processes]
    assert exports(tmp_path / "out") == exports(tmp_path / "plain")
    assert report.triples == build([corpus], tmp_path / "plain2", cache=False).triples
    _edit(corpus)  # and the state it saved is right
    build([corpus], tmp_path / "out")
    build([corpus], tmp_path / "fresh")  # a full build (with a state: the page reads the lines from it)
    assert exports(tmp_path / "out") == exports(tmp_path / "fresh")


def test_a_full_merge_after_a_stale_state_names_each_skipped_input_once(corpus, tmp_path):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    build([corpus], tmp_path / "out")
    gone = corpus / SEED_FILES[3].name
    cache = ArticleCache(tmp_path / "out")
    cache._file(cache.key(gone)).unlink()  # the update finds it missing and starts again in full
    gone.unlink()
    report = build([corpus, tmp_path / "missing"], tmp_path / "out")
    assert sorted(report.skipped) == [f"{corpus / 'empty.txt'}: empty file", f"{tmp_path / 'missing'}: no such file or folder"]
