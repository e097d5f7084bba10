"""The build cache and --jobs: faster rebuilds, never different bytes."""
import shutil

import pytest

import kg.build
from kg.build import build
from kg.cache import UNION, CACHE_DIR, ArticleCache
from tests.conftest import SEED_FILES, exports



@pytest.fixture
def extractions(monkeypatch):
    """The stems of the articles extracted (not taken from the cache), in order."""
    seen = []
    real = kg.build.extract

    def extract(article):
        seen.append(article.stem)
        return real(article)

    monkeypatch.setattr(kg.build, "extract", extract)
    return seen


def test_a_cached_build_gives_the_same_bytes_without_extracting(corpus, tmp_path, extractions):
    fresh = build([corpus], tmp_path / "fresh", cache=False)
    first = build([corpus], tmp_path / "out")
    extractions.clear()
    again = build([corpus], tmp_path / "out")
    assert (fresh.cached, first.cached, again.cached) == (0, 0, len(SEED_FILES))
    assert extractions == []
    assert exports(tmp_path / "out") == exports(tmp_path / "fresh")
    assert again.counts == fresh.counts and again.triples == fresh.triples


def _change(corpus):
    path = corpus / SEED_FILES[1].name
    path.write_text(path.read_text(encoding="utf-8") + "\nCông an xã Mường Sai tổ chức 3 buổi tuyên truyền.\n",
                    encoding="utf-8")
    return path.stem


def _add(corpus):
    (corpus / "new.txt").write_text("Công an huyện Bình Lục tổ chức 12 buổi tuyên truyền.\n", encoding="utf-8")
    return "new"


def _rename(corpus):
    # The file name is the article's identity: same text, new name, new IRIs.
    (corpus / SEED_FILES[2].name).rename(corpus / "renamed.txt")
    return "renamed"


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("edit", [_change, _add, _rename])
def test_only_the_edited_article_is_extracted_again(corpus, tmp_path, extractions, edit, jobs):
    build([corpus], tmp_path / "out")
    stem = edit(corpus)
    extractions.clear()
    report = build([corpus], tmp_path / "out", jobs=jobs)
    assert extractions == [stem]
    build([corpus], tmp_path / "fresh", cache=False)
    assert exports(tmp_path / "out") == exports(tmp_path / "fresh")
    assert report.cached == report.articles - 1


def test_a_damaged_entry_is_extracted_again(corpus, tmp_path, extractions):
    build([corpus], tmp_path / "out")
    for entry in (tmp_path / "out" / CACHE_DIR).rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"not zlib")
    extractions.clear()
    build([corpus], tmp_path / "out")
    assert len(extractions) == len(SEED_FILES)
    build([corpus], tmp_path / "fresh", cache=False)
    assert exports(tmp_path / "out") == exports(tmp_path / "fresh")


def test_other_code_never_reuses_an_entry(tmp_path):
    key = ArticleCache(tmp_path).key(SEED_FILES[0])
    ArticleCache(tmp_path, fingerprint="old-code").put(key, ("iri", ["line"], "trig"))
    assert ArticleCache(tmp_path).get(key) is None
    assert ArticleCache(tmp_path, fingerprint="old-code").get(key) == ("iri", ["line"], "trig")


def test_a_build_keeps_only_the_entries_it_used(corpus, tmp_path):
    ArticleCache(tmp_path / "out", fingerprint="old-code").put("ab" * 32, ("iri", [], ""))
    build([corpus], tmp_path / "out")
    (corpus / SEED_FILES[0].name).unlink()
    build([corpus], tmp_path / "out")
    entries = [p for p in (tmp_path / "out" / CACHE_DIR).rglob("*") if p.is_file() and UNION not in p.parts]
    assert len(entries) == len(SEED_FILES) - 1
    assert [p.name for p in (tmp_path / "out" / CACHE_DIR).iterdir()] == [ArticleCache(tmp_path).root.name]


@pytest.mark.parametrize("jobs", [2, 3])
def test_jobs_give_the_same_bytes_as_one_process(corpus, tmp_path, jobs):
    build([corpus], tmp_path / "one", jobs=1, cache=False)
    report = build([corpus], tmp_path / "many", jobs=jobs, cache=False)
    assert report.articles == len(SEED_FILES)
    assert exports(tmp_path / "many") == exports(tmp_path / "one")


def test_jobs_keep_the_skipped_messages_and_their_order(tmp_path):
    folder = tmp_path / "in"
    (folder / "b").mkdir(parents=True)
    shutil.copy(SEED_FILES[0], folder / "a.txt")
    (folder / "empty.txt").write_bytes(b"")
    shutil.copy(SEED_FILES[1], folder / "b" / "a.txt")  # same name: read once
    one = build([folder], tmp_path / "one", jobs=1)
    many = build([folder], tmp_path / "many", jobs=2)
    assert many.skipped == one.skipped == [f"{folder / 'b' / 'a.txt'}: same article name as {folder / 'a.txt'}, not read twice",
                                           f"{folder / 'empty.txt'}: empty file"]
