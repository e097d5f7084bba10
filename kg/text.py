"""Vietnamese text helpers: NFC, tone-placement folding, slugs, sentences."""
from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0309\u0303\u0323"
# Old style puts the tone on the first vowel of a word-final "oa", "oe", "uy"
# ("hoà", "thuỷ"); new style on the second ("hòa", "thủy"). Both occur in news.
_FINAL_PAIR = re.compile(r"([oOuU])([aAeEyY])([" + _TONES + r"])$")
_QUOTES = "\"'“”‘’«»„`"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _tone_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    m = _FINAL_PAIR.search(decomposed)
    if m and m.group(1).lower() + m.group(2).lower() in ("oa", "oe", "uy"):
        decomposed = decomposed[: m.start()] + m.group(1) + m.group(3) + m.group(2)
    return unicodedata.normalize("NFC", decomposed)


def canonical_tones(text: str) -> str:
    """Rewrite tone placement to one convention, keeping case and diacritics."""
    return re.sub(r"\w+", lambda m: _tone_word(m.group(0)), nfc(text))


def fold(text: str | None) -> str:
    """A comparison key: NFC, one tone convention, case-folded, quotes and spaces collapsed."""
    if not text:
        return ""
    text = canonical_tones(text).casefold()
    text = "".join(" " if ch in _QUOTES else ch for ch in text)
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


def strip_marks(text: str) -> str:
    """Diacritic-free ASCII-ish form, for IRIs and search keys only, never for stored labels."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slug(text: str) -> str:
    """IRI path segment: 'Sông Mã' -> 'song-ma'. Stable across tone conventions."""
    s = strip_marks(fold(text))
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def clean_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
