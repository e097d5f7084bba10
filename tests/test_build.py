"""The build: which files are read, same output whatever the order, atomic exports."""
import os
import shutil
import subprocess
import sys

import pytest
from rdflib import Dataset, Graph

import kg.build
from kg.build import BuildReport, NothingBuilt, build, build_dataset, collect
from kg.errors import KgError
from tests.conftest import ROOT, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def write(path, text="Công an xã An Bình tổ chức 3 buổi tuyên truyền.\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_collect_orders_by_name_whatever_the_argument_order(tmp_path):
    b, a = write(tmp_path / "x" / "b.txt"), write(tmp_path / "y" / "a.md")
    write(tmp_path / "y" / "notes.pdf")
    assert collect([tmp_path / "x", tmp_path / "y"])[0] == [a, b]
    assert collect([tmp_path / "y", tmp_path / "x"])[0] == [a, b]


def test_collect_reads_a_file_named_twice_once(tmp_path):
    a = write(tmp_path / "a.txt")
    (tmp_path / "alias").symlink_to(tmp_path, target_is_directory=True)
    files, problems = collect([a, tmp_path])
    assert files == [a]
    assert problems == [f"{tmp_path / 'alias'}: symlink loop, not followed"]


def test_collect_reads_a_symlinked_article_once(tmp_path):
    a = write(tmp_path / "x" / "a.txt")
    (tmp_path / "y").mkdir()
    (tmp_path / "y" / "b.txt").symlink_to(a)
    files, problems = collect([tmp_path])
    assert files == [a] and problems == []  # both names lead to one file: the smaller path kept


def test_collect_names_a_folder_reached_twice_without_a_loop(tmp_path):
    write(tmp_path / "real" / "a.txt")
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    files, problems = collect([tmp_path])
    assert files == [tmp_path / "link" / "a.txt"]  # the same file by two paths: the first path by name
    assert problems == [f"{tmp_path / 'real'}: folder already read through another path, not followed"]


@pytest.mark.parametrize("make,problem", [
    (lambda p: None, "no such file or folder"),
    (lambda p: p.symlink_to(p), "symlink loop"),
    (lambda p: p.symlink_to(p.parent / "gone"), "broken symlink"),
    (lambda p: os.mkfifo(p), "not a regular file or folder"),
])
def test_collect_names_a_bad_source(tmp_path, make, problem):
    source = tmp_path / "src"
    make(source)
    assert collect([source]) == ([], [f"{source}: {problem}"])


def test_collect_names_an_unreadable_folder(tmp_path, monkeypatch):
    write(tmp_path / "locked" / "a.txt")
    real_scandir = os.scandir

    def scandir(path):  # tests run as root, where chmod 000 does not block
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert collect([tmp_path]) == ([], [f"{tmp_path / 'locked'}: cannot read folder (permission denied)"])


def test_same_article_name_in_two_folders_is_read_once(tmp_path):
    first, second = write(tmp_path / "a" / "x.txt"), write(tmp_path / "b" / "x.txt")
    report = BuildReport()
    build_dataset(collect([tmp_path])[0], report)
    assert report.articles == 1
    assert report.skipped == [f"{second}: same article name as {first}, not read twice"]


def test_an_extractor_bug_skips_only_that_article(tmp_path, monkeypatch):
    good, bad = write(tmp_path / "good.txt"), write(tmp_path / "bad.txt", "Công an huyện Bình Lục.\n")
    real = kg.build.extract

    def extract(article):
        if article.stem == "bad":
            raise ZeroDivisionError("division by zero")
        return real(article)

    monkeypatch.setattr(kg.build, "extract", extract)
    report = BuildReport()
    ds = build_dataset([bad, good], report)
    assert report.articles == 1
    assert report.skipped == [f"{bad}: internal error while extracting (ZeroDivisionError: division by zero); please report it"]
    assert not any("bad" in str(g.identifier) for g in ds.graphs())


def _copy_seeds(root, layout):
    """The seeds under `root`, the i-th in folder layout[i]."""
    for seed, folder in zip(SEED_FILES, layout):
        (root / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(seed, root / folder / seed.name)


def test_same_bytes_whatever_the_folders_and_argument_order(tmp_path):
    _copy_seeds(tmp_path / "one", ["a", "a", "a", "b", "b"])
    _copy_seeds(tmp_path / "two", ["z/y", "c", "z", "c", "z/y"])
    build([tmp_path / "one" / "b", tmp_path / "one" / "a"], tmp_path / "out1", html=False)
    build([tmp_path / "two" / "z", tmp_path / "two" / "c"], tmp_path / "out2", html=False)
    for name in ("graph.ttl", "graph.trig"):
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes(), name


def test_same_bytes_whatever_the_hash_seed(tmp_path):
    # Named graphs used to come out in hash order: run two processes with different seeds.
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "kg", "build", *map(str, SEED_FILES[:3]), "-o", str(out), "--no-html"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        outputs.append([(out / n).read_bytes() for n in ("graph.ttl", "graph.trig")])
    assert outputs[0] == outputs[1]


def test_trig_round_trips_every_named_graph(seeds_build):
    ds = Dataset().parse(seeds_build / "graph.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert len([n for n in names if "/article/" in n]) == len(SEED_FILES)
    assert len(Graph().parse(seeds_build / "graph.ttl")) == len({t for g in ds.graphs() for t in g})


@pytest.fixture
def old_exports(tmp_path):
    out = tmp_path / "exports"
    build([SEEDS / SEED_FILES[0].name], out)
    return out, _files(out)


def _files(out):
    """The exports and anything else left beside them (the .kg-cache folder only speeds builds up)."""
    return {p.name: p.read_bytes() for p in out.iterdir() if p.name != ".kg-cache"}


def _fail(*args, **kwargs):
    raise RuntimeError("boom")


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize("target,attribute,effect", [
    ("kg.viz", "render_html", _fail),          # the last output to render
    ("kg.union", "render", _fail),            # the union graph, written last
    ("kg.viz", "render_html", _interrupt),     # Ctrl-C while rendering
    ("kg.build", "_stage", lambda path, data: _fail() if path.name == "graph.html" else _stage(path, data)),
    ("os", "replace", _fail),                  # failing rename: the staged files are removed
])
def test_a_failing_build_leaves_the_old_exports_byte_identical(old_exports, monkeypatch, target, attribute, effect):
    out, before = old_exports
    monkeypatch.setattr(f"{target}.{attribute}", effect)
    with pytest.raises((RuntimeError, KeyboardInterrupt)):
        build([SEED_FILES[1]], out)
    assert _files(out) == before  # and no temporary file left


_stage = kg.build._stage


def test_nothing_readable_is_an_error_that_keeps_the_reasons(tmp_path):
    empty = write(tmp_path / "in" / "a.txt", "")
    with pytest.raises(NothingBuilt) as err:
        build([tmp_path / "in", tmp_path / "none"], tmp_path / "out")
    assert str(err.value) == "no article could be read (2 input(s) skipped)"
    assert sorted(err.value.report.skipped) == [f"{empty}: empty file", f"{tmp_path / 'none'}: no such file or folder"]
    assert not (tmp_path / "out").exists()


def test_an_unwritable_output_folder_is_a_one_line_error(tmp_path):
    not_a_folder = write(tmp_path / "file.txt")
    with pytest.raises(KgError) as err:
        build([SEED_FILES[0]], not_a_folder, html=False)
    assert str(err.value) == f"{not_a_folder}: cannot write the exports (file exists)"


def test_exports_are_readable_by_others_as_ordinary_files(tmp_path):
    import os
    import stat

    from kg.build import build
    from tests.conftest import SEEDS

    build([SEEDS], tmp_path, html=False)
    umask = os.umask(0)
    os.umask(umask)
    for name in ("graph.ttl", "graph.trig"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask
