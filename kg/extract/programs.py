"""Programs: movements, models, campaigns, plans and legal documents an article names.

'phong trào “Toàn dân bảo vệ an ninh Tổ quốc”', lists of models ('như: “A”; “B”'),
a kind word inside the quotes ('“Chiến dịch cấp căn cước công dân”'), and
numbered documents ('Quyết định 22').
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.data import read_rows
from kg.extract.model import Program, Sentence
from kg.extract.patterns import alternation
from kg.text import clean_spaces, fold

_QUOTED = r"[“\"]([^”\"]{2,300})[”\"]"


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {fold(w): k for w, k in read_rows("program_kinds.tsv")}


@lru_cache(maxsize=1)
def _known() -> dict[str, tuple[str, str]]:
    return {fold(n): (n, k) for n, k in read_rows("programs_known.tsv")}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    kinds = alternation(_kinds())
    known = alternation(n for n, _k in _known().values())
    return {
        "kind": re.compile(rf"(?<!\w)(?i:(?P<kind>{kinds}))(?!\w)"),
        # after the kind word: "như:", "thi đua", then the first quoted name
        "first": re.compile(rf"\s*(?:(?:thi đua|như|là|gồm|về)\s*)*:?\s*{_QUOTED}"),
        # the next name of a list: '; “B”', ', “C”', ' và “D”', and '(của ...)' notes between
        "next": re.compile(rf"\s*(?:\([^)]*\)\s*)?(?:[,;]|và|hoặc)?\s*(?:\([^)]*\)\s*)?(?:mô hình\s*)?{_QUOTED}"),
        "known": re.compile(rf"\s+(?i:(?P<name>{known}))(?!\w)"),
        "number": re.compile(r"\s+(?:số\s+)?(?P<name>\d+[\w/.-]*\d|\d+)"),
        "inner": re.compile(rf"^(?i:(?P<kind>{kinds}))\s+(?P<name>.+)$"),
    }


def _clean(name: str) -> str:
    return clean_spaces(name).strip(" ,.;:…")


def _in_sentence(s: Sentence) -> list[Program]:
    out: list[Program] = []
    p = _patterns()
    taken: set[int] = set()
    for km in p["kind"].finditer(s.text):
        kind = _kinds()[fold(km.group("kind"))]
        pos = km.end()
        m = p["first"].match(s.text, pos)
        if m:
            while m:
                taken.add(m.start(1))
                out.append(_program(m.group(1), kind, s))
                pos = m.end()
                m = p["next"].match(s.text, pos)
            continue
        m = p["known"].match(s.text, pos)
        if m:
            name, known_kind = _known()[fold(m.group("name"))]
            out.append(Program(name, kind, s))
            continue
        m = p["number"].match(s.text, pos)
        if m and kind in ("quyết định", "nghị quyết", "chỉ thị", "nghị định", "kế hoạch"):
            out.append(Program(m.group("name"), kind, s))
    for m in re.finditer(_QUOTED, s.text):
        if m.start(1) in taken:
            continue
        inner = p["inner"].match(m.group(1).strip())
        if inner:
            out.append(Program(_clean(inner.group("name")), _kinds()[fold(inner.group("kind"))], s))
    return out


def _program(text: str, kind: str, s: Sentence) -> Program:
    inner = _patterns()["inner"].match(text.strip())
    if inner and _kinds()[fold(inner.group("kind"))] != kind:
        return Program(_clean(inner.group("name")), _kinds()[fold(inner.group("kind"))], s)
    return Program(_clean(text), kind, s)


def extract_programs(sentences: list[Sentence]) -> list[Program]:
    return [prog for s in sentences for prog in _in_sentence(s) if prog.name]
