"""Sentence spans inside the article's body paragraphs."""
from __future__ import annotations

import re

from kg.extract.model import Sentence

# A sentence ends at . ! ? … followed by a space and an upper-case letter, a quote
# or a bracket; "TP. Hà Nội", "P.Bảo Vinh" and "./." do not end one.
_BOUNDARY = re.compile(r"(?<![A-ZĐ]\.)(?<!\bTP\.)(?<!\bTT\.)(?<!\bThS\.)(?<=[.!?…])\s+(?=[\"“(‘'A-ZĐÀ-Ỹ])")


def split_sentences(text: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    out: list[Sentence] = []
    for p_start, p_end in paragraphs:
        chunk = text[p_start:p_end]
        pos = 0
        for m in _BOUNDARY.finditer(chunk):
            _add(out, text, p_start + pos, p_start + m.start())
            pos = m.end()
        _add(out, text, p_start + pos, p_end)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
