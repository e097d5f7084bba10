"""Reading program names out of a sentence: quotes, unquoted names, lists.

Helpers for kg.extract.programs, which decides where a name starts; this module
decides where it ends.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.data import read_rows
from kg.extract.patterns import UPPER, alternation, ialternation
from kg.text import clean_spaces, fold

# A quoted stretch: typographic or straight double quotes, typographic single quotes,
# mismatched pairs included ('“ Ứng dụng ..."').
# an apostrophe after a lone capital letter is part of a name ("M’nông", "K’Tu"), not a closing
# quote; a closing ’ may touch the next word (“‘Tiếng kẻng’của thôn”)
_QUOTE = re.compile(r"[“\"‘]((?:[^“”\"‘’\n]|(?<=(?<!\w)[A-ZĐ])[’'](?=\w)){1,300}?)(?:[”\"]|(?<!(?<!\w)[A-ZĐ])’)")
_CLOSERS = "”\"’"
_STRIP = " \t,.;:…-–"
_MASK = "\x00"  # stands for a comma or 'và' that belongs inside a name
MAX_WORDS = 18       # an unquoted name after a kind word
MAX_ITEM_WORDS = 30  # an unquoted item of a list
MAX_QUOTE_WORDS = 45  # a quoted name


@dataclass(frozen=True)
class Quote:
    start: int       # offset of the opening mark
    end: int         # offset after the closing mark
    text: str        # what is between the marks


def quotes(text: str) -> list[Quote]:
    return [Quote(m.start(), m.end(), m.group(1)) for m in _QUOTE.finditer(text)]


def orphan_closer(text: str, pos: int, spans: list[Quote]) -> int | None:
    """Offset of a closing quote after pos that no opening quote matches ('mô hình X”')."""
    for i in range(pos, len(text)):
        if any(q.start <= i < q.end for q in spans):
            return None
        if text[i] in _CLOSERS:
            return i
        if text[i] in "“‘.;!?":
            return None
    return None


@lru_cache(maxsize=None)
def words(role: str) -> tuple[str, ...]:
    return tuple(w for w, r in read_rows("program_words.tsv") if r == role)


@lru_cache(maxsize=None)
def folded(role: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words(role))


@lru_cache(maxsize=None)
def affixed(role: str, before: str = "", after: str = "") -> tuple[str, ...]:
    """The folded words of a role, each between `before` and `after`, as a tuple for one
    str.startswith/endswith call instead of a loop: with after=" ", a text opening with the
    word as a whole word starts with one; with before=" ", a text closing with it ends with one."""
    return tuple(sorted(before + w + after for w in folded(role)))


@lru_cache(maxsize=1)
def _stop_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    place_words = alternation(w for w, *_ in read_rows("locality_words.tsv"))
    end = re.compile(rf"(?<!\w)(?i:{ialternation(words('end'))})(?!\w)")
    place = re.compile(
        rf"(?<!\w)(?i:{ialternation(words('place'))})\s+"
        rf"(?=(?i:{ialternation(words('place-next'))})(?!\w)|(?i:{place_words})\s+[{UPPER}\d]|[{UPPER}\d])"
    )
    punct = re.compile(r"[,;.:()!?…“”\"‘’]|\s[-–]\s|$")
    return end, place, punct


@lru_cache(maxsize=1)
def _joined() -> tuple[tuple[re.Pattern, str], ...]:
    """Each joined phrase as a pattern, and the phrase with its commas and end words
    ('và', 'với') masked."""
    inside = re.compile(rf",|(?<!\w)(?:{ialternation(words('end'))})(?!\w)", re.IGNORECASE)
    return tuple((re.compile(re.escape(phrase), re.IGNORECASE),
                  inside.sub(lambda m: _MASK * len(m.group(0)), phrase))
                 for phrase in words("joined"))


@lru_cache(maxsize=64)  # a sentence's names are each ended on the same text
def mask(text: str) -> str:
    """The text with the commas and 'và' of joined phrases ('phòng cháy, chữa cháy') hidden."""
    for pattern, inner in _joined():
        text = pattern.sub(inner, text)
    return text


def name_end(text: str, pos: int, conjunctions: bool = True, commas: bool = True) -> int:
    """Where an unquoted name starting at pos ends: punctuation, an end word, a place."""
    masked = mask(text)
    end, place, punct = _stop_patterns()
    stops = [place.search(masked, pos)]
    for m in end.finditer(masked, pos):
        if conjunctions or fold(m.group(0)) not in folded("conjunction"):
            stops.append(m)
            break
    for m in punct.finditer(masked, pos):
        if commas or m.group(0) != ",":
            stops.append(m)
            break
    return min(m.start() for m in stops if m is not None)


def clean(name: str) -> str:
    name = clean_spaces(name).strip(_STRIP)
    return name.strip("“”\"‘’ ").strip(_STRIP)


def names_something(name: str) -> bool:
    """Not a description ('tự quản') and not opening on an end word ('rất hay', 'này')."""
    key = fold(name)
    return bool(re.search(r"\w", key)) and key not in folded("generic") and key.split()[0] not in folded("end")


def acceptable(name: str, max_words: int = MAX_WORDS) -> bool:
    """An unquoted name that names one program: short, not a description, not a count."""
    key = fold(name)
    if not names_something(name) or len(key.split()) > max_words:
        return False
    if re.match(r"\d[\d.,]*\s+[^\W\d]", key):  # '300 tổ an ninh': a count of things, not a name
        return False
    if name[0].islower():
        return not (key in folded("not-first") or key.startswith(affixed("not-first", after=" ")))
    return True


def sentence_like(name: str) -> bool:
    """A quote holding someone's words, not a name: it has a sentence end, or is too long."""
    ends = re.search(rf"[^\W\d_]{{2}}[.!?…]\s+[{UPPER}]", name)  # 'TP. Hồ Chí Minh' ends nothing
    return bool(ends) or len(name.split()) > MAX_QUOTE_WORDS


def split_items(region: str) -> tuple[str, list[tuple[int, int]]]:
    """The separator and the spans of a list's items: ';' when it has one, else ',' and a final 'và'."""
    masked = _hide_quotes(mask(region))
    sep = ";" if ";" in masked else ","
    spans, pos = [], 0
    for m in re.finditer(re.escape(sep), masked):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(region)))
    spans = [(a, b) for a, b in spans if re.search(r"\w", region[a:b])]
    return sep, (_split_last(masked, spans) if sep == "," else spans)


def _hide_quotes(text: str) -> str:
    return _QUOTE.sub(lambda m: m.group(0)[0] + _MASK * (len(m.group(0)) - 2) + m.group(0)[-1], text)


def _split_last(masked: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'A, B và C' -> A, B, C; 'A hay mô hình C, D,…' -> A, 'C, D' (the tail after the conjunction)."""
    conj = re.compile(rf"\s(?:{alternation(words('conjunction'))})\s")
    for i in range(len(spans) - 1, max(len(spans) - 3, -1), -1):
        a, b = spans[i]
        m = conj.search(masked, a, b)
        if m:
            return spans[:i] + [(a, m.start()), (m.end(), spans[-1][1])]
    return spans
