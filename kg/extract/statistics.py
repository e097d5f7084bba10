"""Figures: "70 hội nghị", "6.217 lượt người", "92,6%", "1,130 tỷ đồng", "13/13 khu dân cư".

Vietnamese writes thousands with dots and decimals with a comma. Dates, years,
durations, ages and numbers inside names are not statistics.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from kg.data import read_rows
from kg.extract.model import Locality, Organization, Sentence, Statistic
from kg.extract.patterns import alternation
from kg.text import fold

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for kind, word, *rest in read_rows("stat_words.tsv"):
        out.setdefault(kind, {})[fold(word)] = rest[0] if rest else ""
    return out


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    w = _words()
    return {
        "number": re.compile(rf"(?<![\w.,/-])(?P<a>{NUMBER})(?:/(?P<b>{NUMBER}))?(?![\w/]|[.,]\d)"),
        "multiplier": re.compile(rf"\s*(?P<m>{alternation(w['multiplier'])})(?!\w)", re.I),
        "percent": re.compile(r"\s*%"),
        "not_unit": re.compile(rf"\s*(?:{alternation(w['not_unit'])})(?!\w)", re.I),
        "not_before": re.compile(rf"(?:^|\W)(?:{alternation(w['not_before'])})\s*$", re.I),
        "unit_word": re.compile(r"\s*([^\W\d_][\w]*(?:-[\w]+)?)"),
    }


def parse_number(text: str) -> Decimal:
    """'6.217' -> 6217, '92,6' -> 92.6, '1,130' -> 1.130."""
    return Decimal(text.replace(".", "").replace(",", "."))


def _unit(text: str, pos: int) -> tuple[str, int]:
    stops = _words()["unit_stop"]
    words: list[str] = []
    end = pos
    while len(words) < 6:
        m = _patterns()["unit_word"].match(text, end)
        if not m or (words and fold(m.group(1)) in stops):
            break
        if words and fold(words[-1] + " " + m.group(1)) in stops:
            words.pop()
            break
        words.append(m.group(1))
        end = m.end()
        if text[end:end + 2] in (", ", ",") and words:
            break
    return " ".join(words), end


def _is_date_or_name(text: str, m: re.Match) -> bool:
    p = _patterns()
    before = text[: m.start()]
    if p["not_before"].search(before):
        return True
    if p["not_unit"].match(text, m.end()):
        return True
    a = m.group("a")
    if m.group("b") and ("." not in a and "." not in m.group("b")):
        b = int(m.group("b").replace(",", "") or 0)
        if len(m.group("b")) == 4 or (b <= 12 and not _has_unit_after(text, m.end())):
            return True
    if re.fullmatch(r"(19|20)\d\d", a) and not _has_unit_after(text, m.end()):
        return True
    if re.match(r"\s*[-–]\s*\d", text[m.end():]) and re.fullmatch(r"(19|20)\d\d", a):
        return True
    return False


def _has_unit_after(text: str, pos: int) -> bool:
    m = _patterns()["unit_word"].match(text, pos)
    return bool(m) and m.group(1)[0].islower()


def extract_statistics(sentences: list[Sentence], subject_of) -> list[Statistic]:
    """`subject_of(sentence, offset)` gives the organisation or place a figure is about."""
    out: list[Statistic] = []
    p = _patterns()
    for s in sentences:
        for m in p["number"].finditer(s.text):
            if _is_date_or_name(s.text, m):
                continue
            values = [parse_number(m.group("a"))]
            if m.group("b") and m.group("b") != m.group("a"):
                values.append(parse_number(m.group("b")))
            end = m.end()
            if pm := p["percent"].match(s.text, end):
                unit, end = "%", pm.end()
            else:
                if mm := p["multiplier"].match(s.text, end):
                    factor = Decimal(_words()["multiplier"][fold(mm.group("m"))])
                    values = [v * factor for v in values]
                    end = mm.end()
                unit, end = _unit(s.text, end)
                if not unit or not unit[0].isalpha():
                    continue
            subject = subject_of(s, m.start())
            for v in values:
                out.append(Statistic(v.normalize() if v == v.to_integral() else v, unit, s, s.start + m.start(), subject))
    return out
