"""Bytes to text: the encodings Vietnamese articles come in, and what is not an article."""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from kg.errors import InputError

MAX_BYTES = 2_000_000  # a long article is ~100 kB; anything past this is not one article
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{path}: file too large to be an article ({path.stat().st_size:,} bytes)")
        return path.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _decode(data: bytes, path: Path) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: binary content, not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Windows-1258 writes tones as combining marks; NFC composes them afterwards.
    text = data.decode("cp1258", errors="replace")
    if text.count("\ufffd") > len(text) // 100:
        raise InputError(f"{path}: not UTF-8, UTF-16 or Windows-1258 text")
    return text


def decode_bytes(path: Path) -> str:
    """Read `path` as an article's text: NFC, "\\n" line breaks, no BOM."""
    text = _decode(_read(path), path)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t")
    if control > len(text) // 100 + 2:
        raise InputError(f"{path}: binary content, not a text article")
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text
