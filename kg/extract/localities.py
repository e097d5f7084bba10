"""Administrative places: "huyện Sông Mã", "bản Pìn, xã Chiềng Khoong", bare "Sông Mã".

Names are resolved against the gazetteer; same-named units are told apart by
the other places of the article and by the unit named right after ("xã Kim
Long, huyện Châu Đức").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg import gazetteer
from kg.data import read_rows
from kg.extract.model import Locality, Sentence
from kg.extract.patterns import NAME, NUMBER_NAME, alternation
from kg.text import fold

_RANK = {"tỉnh": 0, "city": 0, "huyện": 1, "xã": 2, "thôn": 3}


@dataclass
class Mention:
    word: str          # canonical level word ("huyện", "bản", "thành phố")
    level: str         # tỉnh | city | huyện | xã | thôn
    name: str
    sentence: Sentence
    start: int
    end: int
    unit: gazetteer.Unit | None = None
    locality: Locality | None = None


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, str]]:
    return {fold(w): (level, canon) for w, level, canon in read_rows("locality_words.tsv")}


@lru_cache(maxsize=1)
def _mention_re() -> re.Pattern:
    words = alternation(_words())
    # "huyện Sông Mã", "TP.Long Khánh", "tổ 14 và 16"
    return re.compile(
        rf"(?<![\w.])(?P<word>(?i:{words}))(?:\s+|(?<=\.))(?P<name>{NAME}|{NUMBER_NAME}(?:\s*(?:,|và)\s*{NUMBER_NAME})*)(?!\w)"
    )


def _explicit(sentences: list[Sentence]) -> list[Mention]:
    out = []
    for s in sentences:
        for m in _mention_re().finditer(s.text):
            word = m.group("word")
            if word[0].isupper() and m.start() > 0 and s.text[m.start() - 1] not in " (“\"":
                continue
            level, canon = _words()[fold(word)]
            name = m.group("name")
            if level != "thôn" and not name[0].isupper():
                continue
            names = re.split(r"\s*(?:,|và)\s*", name) if name[0].isdigit() else [name]
            for n in names:
                out.append(Mention(canon, level, n, s, s.start + m.start(), s.start + m.end()))
    return out


def _bare(sentences: list[Sentence], taken: set[tuple[int, int]]) -> list[Mention]:
    """Province and district names written without their level word ("ở Sông Mã")."""
    gaz = gazetteer.load()
    out = []
    pattern = re.compile(NAME)
    for s in sentences:
        for m in pattern.finditer(s.text):
            start = s.start + m.start()
            if any(a <= start < b for a, b in taken):
                continue
            words = m.group(0).split()
            # Try the longest run of syllables that names a unit, from the left.
            for n in range(min(len(words), 4), 1, -1):
                name = " ".join(words[:n])
                for level in ("tỉnh", "huyện"):
                    if gaz.lookup(name, level):
                        out.append(Mention(level, level, name, s, start, start + len(name)))
                        break
                else:
                    continue
                break
    return out


def _pick(gaz, mention: Mention, context: list) -> gazetteer.Unit | None:
    levels = {"city": ("tỉnh", "huyện"), "tỉnh": ("tỉnh",), "huyện": ("huyện",), "xã": ("xã",)}
    for level in levels.get(mention.level, ()):
        unit = gaz.resolve(mention.name, level, context)
        if unit:
            return unit
    return None


def _neighbour_parent(mentions: list[Mention], i: int) -> Mention | None:
    """The unit named right after this one, one level up ("xã Kim Long, huyện Châu Đức")."""
    m = mentions[i]
    for other in mentions[i + 1:]:
        if other.sentence is not m.sentence or other.start - m.end > 12:
            break
        if _RANK[other.level] < _RANK[m.level]:
            gap = m.sentence.text[m.end - m.sentence.start: other.start - m.sentence.start]
            if re.fullmatch(r"[\s,(–-]*|\s*(?:,|và)\s*[\d\s,và]*", gap):
                return other
    return None


def _resolve(mentions: list[Mention]) -> None:
    gaz = gazetteer.load()
    context: list = []
    for level in ("tỉnh", "city", "huyện", "xã"):
        for i, m in enumerate(mentions):
            if m.level != level:
                continue
            parent = _neighbour_parent(mentions, i)
            ctx = ([parent.unit] if parent and parent.unit else []) + context
            m.unit = _pick(gaz, m, ctx)
            if m.unit and m.unit not in context:
                context.append(m.unit)


def extract_localities(sentences: list[Sentence]) -> list[Locality]:
    """Every place mention, resolved; unresolved ones keep the parent the text gives."""
    mentions = sorted(_explicit(sentences), key=lambda m: m.start)
    taken = {(m.start, m.end) for m in mentions}
    mentions = sorted(mentions + _bare(sentences, taken), key=lambda m: m.start)
    _resolve(mentions)
    out: list[Locality] = []
    for i, m in enumerate(mentions):
        loc = _locality(mentions, i)
        if loc:
            out.append(loc)
            # the chain up to the province is part of what the article locates
            p = loc.parent
            while p is not None:
                out.append(Locality(p.name, p.level, p.word, m.sentence, p.parent, p.code, p.successor))
                p = p.parent
    return out


def _locality(mentions: list[Mention], i: int) -> Locality | None:
    m = mentions[i]
    if m.locality:
        return m.locality
    if m.unit:
        m.locality = _unit_locality(m.unit, m.sentence)
    elif m.level == "thôn":
        parent_m = _neighbour_parent(mentions, i) or _previous_commune(mentions, i)
        parent = _locality(mentions, mentions.index(parent_m)) if parent_m else None
        m.locality = Locality(m.name, "thôn", m.word, m.sentence, parent)
    elif m.level != "city" or m.name:
        parent_m = _neighbour_parent(mentions, i)
        parent = _locality(mentions, mentions.index(parent_m)) if parent_m else None
        level = "tỉnh" if m.level == "city" else m.level
        m.locality = Locality(m.name, level, m.word if level == "thôn" else level, m.sentence, parent)
    return m.locality


def _previous_commune(mentions: list[Mention], i: int) -> Mention | None:
    m = mentions[i]
    for other in reversed(mentions[:i]):
        if other.sentence is not m.sentence:
            break
        if other.level == "xã":
            return other
    return None


def _unit_locality(unit, sentence: Sentence) -> Locality:
    gaz = gazetteer.load()
    parent_unit = gaz.parent(unit)
    parent = _unit_locality(parent_unit, sentence) if parent_unit else None
    return Locality(unit.name, unit.level, unit.level, sentence, parent, unit.code, unit.successor)


def main_places(localities: list[Locality]) -> dict[str, Locality]:
    """The place of each level the article is mostly about: the most mentioned, first on ties."""
    counts: Counter = Counter()
    first: dict = {}
    for loc in localities:
        k = (loc.level, loc.key)
        counts[k] += 1
        first.setdefault(k, loc)
    best: dict[str, Locality] = {}
    for (level, key), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        best.setdefault(level, first[(level, key)])
    return best
