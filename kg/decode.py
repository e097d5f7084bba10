"""Bytes to text: the encodings Vietnamese articles come in, and what is not an article.

Every problem is an InputError whose message is one line: "<path>: <problem>".
"""
from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import unicodedata
from pathlib import Path

from kg.errors import InputError

MAX_BYTES = 2_000_000  # a long article is ~100 kB; anything past this is not one article
MAX_LINE = 100_000     # characters; a real paragraph is a few thousand at most
# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of formats that are often mistaken for text (a PDF can be mostly ASCII).
_SIGNATURES = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"\x1f\x8b", "a gzip archive"),
    (b"%!PS", "a PostScript document"), (b"\x7fELF", "a program"),
)


def _read(path: Path) -> bytes:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise InputError(f"{path}: not a regular file")
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: {os_problem(exc, path)}") from None
    if len(data) > MAX_BYTES:
        size = max(info.st_size, len(data))
        if b"\n" not in data and b"\r" not in data:
            raise InputError(f"{path}: a single line of {size:,} bytes, not an article")
        raise InputError(f"{path}: file too large to be an article ({size:,} bytes, limit {MAX_BYTES:,})")
    return data


def os_problem(exc: OSError, path: Path) -> str:
    """What an OSError on `path` means to the user, in a few words."""
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.ENOENT:
        return "broken symlink" if os.path.islink(path) else "no such file or folder"
    return f"cannot read ({(exc.strerror or str(exc)).lower()})"


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: ASCII letters leave a zero in every other byte."""
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if half < 8 or max(even, odd) < half * 0.3 or min(even, odd) > half * 0.02:
        return None
    try:
        return data.decode("utf-16-be" if even > odd else "utf-16-le")
    except UnicodeDecodeError:
        return None


def _decode(data: bytes, path: Path) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"{path}: binary content ({kind}), not a text article")
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{path}: binary content, not a text article")
        return text
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    # Legacy Vietnamese bytes almost never form valid UTF-8 sequences, so many valid
    # ones mean UTF-8 with a few damaged bytes, not Windows-1258.
    if damaged == 0 or sum(1 for ch in text if ord(ch) > 127) - damaged >= 3 * damaged:
        return text
    # Windows-1258 writes most tones as combining marks; NFC composes them afterwards.
    text = data.decode("cp1258", errors="replace")
    if text.count("\ufffd") > len(text) // 100:
        raise InputError(f"{path}: not UTF-8, UTF-16 or Windows-1258 text")
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")  # control characters but tab and line feed


def _check_text(text: str, path: Path) -> None:
    control = len(_CONTROL.findall(text))
    if control > len(text) // 100 + 2:
        raise InputError(f"{path}: binary content, not a text article")
    if not text.strip():
        raise InputError(f"{path}: no text, only whitespace")
    longest = max(text.split("\n"), key=len)
    if len(longest) > MAX_LINE:
        number = text.split("\n").index(longest) + 1
        raise InputError(f"{path}: line {number} has {len(longest):,} characters, too long for an article")


def decode_bytes(path: Path) -> str:
    """Read `path` as an article's text: NFC, "\\n" line breaks, no BOM."""
    data = _read(path)
    if not data:
        raise InputError(f"{path}: empty file")
    text = _decode(data, path)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    _check_text(text, path)
    return text
