"""Vietnamese text helpers: NFC, tone-placement folding, slugs, sentences."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


def _old_style_pairs() -> dict[str, str]:
    """NFC "oà" -> "òa" for each pair _tone_word moves: o/u, then a/e/y carrying only a tone."""
    pairs = {}
    for first in "oOuU":
        for second in map(chr, range(0xC0, 0x1EFA)):
            parts = unicodedata.normalize("NFD", second)
            if len(parts) == 2 and parts[1] in _TONES and (first + parts[0]).lower() in ("oa", "oe", "uy"):
                pairs[first + second] = nfc(first + parts[1]) + parts[0]
    return pairs


# fold() runs on every word and line of every article: rather than decompose each
# word (_tone_word), find the few word-final old-style pairs in the NFC text.
_PAIRS = _old_style_pairs()
# one class per letter, not an alternation of sixty pairs: the engine tries a class in one step
_OLD_STYLE = re.compile("([oOuU][" + "".join(sorted({p[1] for p in _PAIRS})) + r"])(?!\w)")
# what fold turns into one space: a run of spaces and quotes, a lone tab or quote; a lone
# space is left alone (a sub that rewrote every space cost more than the rest of fold)
_GAPS = re.compile(rf"[\s{re.escape(_QUOTES)}]{{2,}}|[^\S ]|[{re.escape(_QUOTES)}]")
_SPACES = re.compile(r"\s+")


_NEW_PAIRS = {new: old for old, new in _PAIRS.items()}
_NEW_STYLE = re.compile("(" + "|".join(sorted(_NEW_PAIRS, key=len, reverse=True)) + r")(?!\w)")


def old_style_tones(text: str) -> str:
    """canonical_tones the other way: "Ủy ban" -> "Uỷ ban", for matching words listed in one style."""
    return _NEW_STYLE.sub(lambda m: _NEW_PAIRS[m.group(1)], nfc(text))


def canonical_tones(text: str) -> str:
    """Rewrite tone placement to one convention, keeping case and diacritics.

    Same result as applying _tone_word to every word, several times faster."""
    text = nfc(text)
    return _OLD_STYLE.sub(lambda m: _PAIRS.get(m.group(1), m.group(1)), text) if _OLD_STYLE.search(text) else text


@lru_cache(maxsize=1 << 16)  # the extractors fold the same names and words again and again
def fold(text: str | None) -> str:
    """A comparison key: NFC, one tone convention, case-folded, quotes and spaces collapsed."""
    if not text:
        return ""
    return _GAPS.sub(" ", canonical_tones(text).casefold()).strip(" ,.;:")


def strip_marks(text: str) -> str:
    """Diacritic-free ASCII-ish form, for IRIs and search keys only, never for stored labels."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_NOT_WORD = re.compile(r"(?:[^\w+]|_)+")
_PLUS = re.compile(r"-?\+-?")


@lru_cache(maxsize=1 << 17)  # names repeat across mentions and articles
def slug(text: str) -> str:
    """IRI path segment: 'Sông Mã' -> 'sông-mã'. Stable across tone conventions and case.

    The marks stay: 'Hoằng Phú' and 'Hoằng Phụ' are two communes of one district,
    'Hùng' and 'Hưng' two people, and a slug without marks made each pair one node.
    A '+' stays: "mô hình 1+4" is not "mô hình 1-4"."""
    return _PLUS.sub("+", _NOT_WORD.sub("-", fold(text))).strip("-") or "x"


def ascii_slug(text: str) -> str:
    """Slug without marks, for the curated vocabulary ('Thượng tá' -> 'thuong-ta')."""
    s = re.sub(r"[^a-z0-9]+", "-", strip_marks(fold(text))).strip("-")
    return s or "x"


def clean_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
