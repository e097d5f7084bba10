"""Decoding: the encodings articles come in are read; what is not an article is named."""
import codecs
import unicodedata

import pytest

from kg.decode import MAX_BYTES, MAX_LINE, decode_bytes
from kg.errors import InputError

SENTENCE = "Đại úy Nguyễn Văn Hưởng, Trưởng Công an xã Bình Nghĩa, huyện Bình Lục phát động phong trào."
TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: base letter, then a combining tone."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + tone).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("data", [
    SENTENCE.encode("utf-8"),
    codecs.BOM_UTF8 + SENTENCE.encode("utf-8"),
    SENTENCE.encode("utf-16"),                          # BOM in native order
    codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"),
    SENTENCE.encode("utf-16-le"),                       # no BOM: found by its zero bytes
    SENTENCE.encode("utf-16-be"),
    codecs.BOM_UTF32_LE + SENTENCE.encode("utf-32-le"),
    to_cp1258(SENTENCE),
    unicodedata.normalize("NFD", SENTENCE).encode("utf-8"),
    SENTENCE.replace(",", ",\r\n").encode("utf-8"),
])
def test_encodings_decode_to_the_same_nfc_text(tmp_path, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert decode_bytes(path).replace("\n", "") == SENTENCE


def test_windows_1258_really_uses_combining_tones():
    data = to_cp1258("Hưởng")
    assert data.decode("cp1258") != "Hưởng"  # decomposed until NFC composes it
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == "Hưởng"


@pytest.mark.parametrize("data,problem", [
    (b"", "empty file"),
    (b"  \n\t\r\n ", "no text, only whitespace"),
    (codecs.BOM_UTF8, "no text, only whitespace"),
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", "binary content (a PDF document), not a text article"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (a PNG image), not a text article"),
    (b"PK\x03\x04\x14\x00\x06\x00", "binary content (a ZIP archive or Office document), not a text article"),
    (bytes(range(256)) * 4, "binary content, not a text article"),
    (b"\x01\x02\x03\x04 abc \x05\x06\x07\x08\x0e\x0f" * 20, "binary content, not a text article"),
    (b"\x81\x8a\x8d\x8e\x8f\x90\x9a\x9d\x9e\xa0" * 10, "not UTF-8, UTF-16 or Windows-1258 text"),
    (b"x" * (MAX_LINE + 1), f"line 1 has {MAX_LINE + 1:,} characters, too long for an article"),
    (b"x" * (MAX_BYTES + 1), f"a single line of {MAX_BYTES + 1:,} bytes, not an article"),
    (b"Cong an xa.\n" * (MAX_BYTES // 10), f"file too large to be an article ({MAX_BYTES // 10 * 12:,} bytes, limit {MAX_BYTES:,})"),
])
def test_what_is_not_an_article_is_named(tmp_path, data, problem):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        decode_bytes(path)
    assert str(err.value) == f"{path}: {problem}"


def test_missing_file_and_symlink_loop_and_folder(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    cases = {tmp_path / "none.txt": "no such file or folder", loop: "symlink loop",
             broken: "broken symlink", tmp_path: "not a regular file"}
    for path, problem in cases.items():
        with pytest.raises(InputError) as err:
            decode_bytes(path)
        assert str(err.value) == f"{path}: {problem}"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        decode_bytes(fifo)


def test_a_damaged_byte_does_not_turn_utf8_into_windows_1258(tmp_path):
    data = SENTENCE.encode("utf-8")
    cut = data.index("ưở".encode()) + 1  # the middle of a multi-byte letter
    path = tmp_path / "a.txt"
    path.write_bytes(data[:cut] + data[cut + 1:])
    text = decode_bytes(path)
    assert text.count("\ufffd") == 1
    assert text.replace("\ufffd", "").startswith("Đại úy Nguyễn Văn H")
    assert text.endswith("Trưởng Công an xã Bình Nghĩa, huyện Bình Lục phát động phong trào.")
