"""Sentence spans inside the article's body paragraphs."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.data import read_words
from kg.extract.model import Sentence

# A sentence may end at . ! ? … followed by a space and an upper-case letter, a quote
# or a bracket; "TP. Hà Nội", "P. Bảo Vinh" and initials ("T. Huy") do not end one,
# while an acronym does ("... bảo đảm ANTT. Công an xã ...").
_CANDIDATE = re.compile(r"(?<=[.!?…])\s+(?=[\"“(‘'A-ZĐÀ-Ỹ])")
_LAST_WORD = re.compile(r"(\S+)\.$")
# No real sentence is this long; a longer run (a scraped blob without full stops) is cut at
# a clause boundary so that the extractors' work per sentence stays bounded.
MAX_SENTENCE = 1500


@lru_cache(maxsize=1)
def _no_break_after() -> frozenset[str]:
    return frozenset(read_words("sentence_abbreviations.tsv"))


def _ends_sentence(chunk: str, pos: int) -> bool:
    m = _LAST_WORD.search(chunk, max(0, pos - 80), pos)
    if not m:
        return True
    word = m.group(1).lstrip("(“\"‘'")
    return not (re.fullmatch(r"[A-ZĐ]", word) or word in _no_break_after())


def split_sentences(text: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    out: list[Sentence] = []
    for p_start, p_end in paragraphs:
        chunk = text[p_start:p_end]
        pos = 0
        for m in _CANDIDATE.finditer(chunk):
            if _ends_sentence(chunk, m.start()):
                _add(out, text, p_start + pos, p_start + m.start())
                pos = m.end()
        _add(out, text, p_start + pos, p_end)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = _clause_end(text, start, start + MAX_SENTENCE)
        _add(out, text, start, cut)
        start = cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def _clause_end(text: str, start: int, limit: int) -> int:
    """The end of the last clause (';', ',', then a space) before `limit`."""
    for sep in ("; ", ", ", " "):
        i = text.rfind(sep, start + MAX_SENTENCE // 2, limit)
        if i > 0:
            return i + 1
    return limit
