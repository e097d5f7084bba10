"""`kg build` on bad and hostile input, through the CLI: one line per skipped input, exit codes."""
import codecs
import os
import random
import shutil
import unicodedata

import pytest
from click.testing import CliRunner

import kg.decode
from kg.cli import cli
from tests.conftest import SEEDS
from tests.test_decode import to_cp1258

GOOD = sorted(SEEDS.glob("*.txt"))[0]
MB5 = 5 * 1024 * 1024


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def write_bytes(data):
    return lambda path: path.write_bytes(data)


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(64)


@pytest.mark.parametrize("name,make,problem", [
    ("empty.txt", write_bytes(b""), "empty file"),
    ("spaces.txt", write_bytes(b" \n\t\n   \n"), "no text, only whitespace"),
    ("report.txt", write_bytes(PDF), "binary content (a PDF document), not a text article"),
    ("photo.txt", write_bytes(PNG), "binary content (a PNG image), not a text article"),
    ("noise.txt", write_bytes(random.Random(6).randbytes(4096)), "binary content, not a text article"),
    ("huge.txt", write_bytes(b"Cong an xa.\n" * 200_000), "file too large to be an article (2,400,000 bytes, limit 2,000,000)"),
    ("oneline.txt", write_bytes(b"a" * MB5), f"a single line of {MB5:,} bytes, not an article"),
    ("loop.txt", lambda p: p.symlink_to(p), "symlink loop"),
    ("dangling.txt", lambda p: p.symlink_to(p.parent / "gone.txt"), "broken symlink"),
])
def test_a_bad_file_is_skipped_with_one_line_and_exit_3(tmp_path, name, make, problem):
    (tmp_path / "in").mkdir()
    shutil.copy(GOOD, tmp_path / "in" / GOOD.name)
    make(tmp_path / "in" / name)
    result = run("build", tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 3, result.output
    assert result.stdout.startswith("1 articles: ")
    assert result.stderr == f"skipped: {tmp_path / 'in' / name}: {problem}\n1 input(s) skipped\n"
    assert "Traceback" not in result.output


def test_a_missing_path_is_skipped_and_the_build_goes_on(tmp_path):
    result = run("build", GOOD, tmp_path / "nowhere", "-o", tmp_path / "out")
    assert result.exit_code == 3
    assert result.stderr == f"skipped: {tmp_path / 'nowhere'}: no such file or folder\n1 input(s) skipped\n"
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_a_folder_symlink_loop_is_not_followed(tmp_path):
    shutil.copy(GOOD, tmp_path / GOOD.name)
    (tmp_path / "again").symlink_to(tmp_path, target_is_directory=True)
    result = run("build", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 3
    assert result.stderr == f"skipped: {tmp_path / 'again'}: symlink loop, not followed\n1 input(s) skipped\n"


def test_an_unreadable_file_is_skipped(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    shutil.copy(GOOD, locked)
    real_open = open

    def fake_open(path, *args, **kwargs):  # root reads through chmod 000: refuse as the OS would
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(kg.decode, "open", fake_open, raising=False)
    result = run("build", GOOD, locked, "-o", tmp_path / "out")
    assert result.exit_code == 3
    assert result.stderr == f"skipped: {locked}: cannot read (permission denied)\n1 input(s) skipped\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; the mocked test covers it")
def test_a_chmod_000_file_is_skipped(tmp_path):
    locked = tmp_path / "locked.txt"
    shutil.copy(GOOD, locked)
    locked.chmod(0)
    result = run("build", GOOD, locked, "-o", tmp_path / "out")
    assert result.stderr == f"skipped: {locked}: cannot read (permission denied)\n1 input(s) skipped\n"


def test_every_input_bad_is_exit_1_listing_each(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(PDF)
    result = run("build", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"skipped: {tmp_path / 'a.txt'}: empty file",
        f"skipped: {tmp_path / 'b.txt'}: binary content (a PDF document), not a text article",
        "Error: no article could be read (2 input(s) skipped)",
    ]
    assert not (tmp_path / "out").exists()


def test_ctrl_c_is_exit_130_and_keeps_the_old_exports(tmp_path, monkeypatch):
    assert run("build", GOOD, "-o", tmp_path).exit_code == 0
    before = (tmp_path / "graph.ttl").read_bytes()

    def interrupt(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.union.render", interrupt)
    result = run("build", SEEDS, "-o", tmp_path)
    assert result.exit_code == 130
    assert result.stderr == f"interrupted; {tmp_path}/ left as it was\n"
    assert (tmp_path / "graph.ttl").read_bytes() == before


SENTENCE = "Sáng 2/7, Thượng tá Nguyễn Văn Hưởng, Trưởng Công an huyện Bình Lục, tỉnh Hà Nam dự hội nghị.\n"


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + SENTENCE.encode("utf-8"),
    codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"),
    to_cp1258(SENTENCE),
    unicodedata.normalize("NFD", SENTENCE).encode("utf-8"),
])
def test_other_encodings_give_the_same_graph_as_utf8(tmp_path, data):
    (tmp_path / "utf8").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "utf8" / "a.txt").write_bytes(SENTENCE.encode("utf-8"))
    (tmp_path / "other" / "a.txt").write_bytes(data)  # same name: same article identity
    for name in ("utf8", "other"):
        result = run("build", tmp_path / name, "-o", tmp_path / f"out-{name}", "--no-html")
        assert result.exit_code == 0, result.output
    expected = (tmp_path / "out-utf8" / "graph.ttl").read_bytes()
    assert "Nguyễn Văn Hưởng".encode() in expected
    assert (tmp_path / "out-other" / "graph.ttl").read_bytes() == expected


def test_build_help_documents_the_exit_codes():
    result = run("build", "--help")
    for line in ("0  built, nothing skipped", "1  error: nothing was written",
                 "3  built, but some inputs were skipped (listed at the end)"):
        assert line in result.output


def test_sigterm_stops_a_build_as_ctrl_c_does(tmp_path, monkeypatch):
    import os
    import signal

    assert run("build", GOOD, "-o", tmp_path).exit_code == 0
    before = (tmp_path / "graph.ttl").read_bytes()
    monkeypatch.setattr("kg.union.render", lambda *args: os.kill(os.getpid(), signal.SIGTERM))
    result = run("build", SEEDS, "-o", tmp_path)
    assert result.exit_code == 143
    assert result.stderr == f"stopped; {tmp_path}/ left as it was\n"
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".") and p.name != ".kg-cache") == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back
