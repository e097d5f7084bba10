"""Which map an article was written against, and the 2024 units that need their own IRI.

The mergers of the 2023-2025 round changed some 1,200 units between the map of 2024
(kg.gazetteer.of_2024) and that of early 2025 (kg.gazetteer.current). An article names the
units of its time: "xã Kiên Thành, huyện Lục Ngạn" in 2024, of thị xã Chũ in 2025.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg import gazetteer
from kg.data import read_rows
from kg.text import fold, slug

# The mergers of the 2023-2025 round came into force between 1 November 2024 and 1 January
# 2025: an article dated before is read against the 2024 map, one dated after against the
# 2025 map. One dated between, or undated, is read against the 2025 map if it prints a name
# only that map has (a 2025 article may recall the old names, one of before cannot know the
# new ones), else against the 2024 map if it prints one only that map has; an undated one
# that prints neither, against the 2025 map, one dated between against the 2024 map.
_BEFORE_MERGERS = "2024-11"
_AFTER_MERGERS = "2025-01"
_CLAUSE_END = re.compile(r"[,;:()\[\]“”\"\n]")


@lru_cache(maxsize=8)  # one article asks for it when extracted and when made into triples
def map_for(date: str | None, text: str) -> gazetteer.Gazetteer:
    """The map an article of that date and text was written against."""
    if date and date < _BEFORE_MERGERS:
        return gazetteer.of_2024()
    if date and date >= _AFTER_MERGERS:
        return gazetteer.current()
    own_2024, own_2025 = _own_names()
    folded = fold(text)
    seen_2024 = bool(_provinces_2024().search(text))
    for m in _level_word_re().finditer(folded):
        after = _CLAUSE_END.split(folded[m.end():m.end() + 40], 1)[0]
        words = (m.group(0) + after).replace(".", " ").split()[:5]
        for n in range(len(words), 1, -1):
            key = " ".join(words[:n])
            if key in own_2025:
                return gazetteer.current()
            if key in own_2024:
                seen_2024 = True
                break
    return gazetteer.of_2024() if seen_2024 or date else gazetteer.current()


@lru_cache(maxsize=1)
def _own_names() -> tuple[frozenset[str], frozenset[str]]:
    """Names written with their type word ("huyện long điền", "thị xã chũ") that only one of
    the two maps has."""
    old, new = gazetteer.of_2024(), gazetteer.current()
    return (frozenset(_typed_keys(old, False) - _typed_keys(new, True)),
            frozenset(_typed_keys(new, False) - _typed_keys(old, True)))


def _typed_keys(gaz: gazetteer.Gazetteer, provinces: bool) -> set[str]:
    """Names with their type word, of districts and communes (and provinces): a province's own
    names are _provinces_2024's, but "TP Huế" was a city before it was the province."""
    return gaz.typed_keys(gazetteer.LEVELS if provinces else ("huyện", "xã"))


@lru_cache(maxsize=1)
def _provinces_2024() -> re.Pattern:
    """Province names of 2024 the 2025 map has not ("Thừa Thiên Huế"): the name alone, as
    printed, tells the article's time (the 2025 names may be cities of 2024: "Huế")."""
    old = {u.code: u.name for u in gazetteer.of_2024().units() if u.level == "tỉnh"}
    new = {u.code: u.name for u in gazetteer.current().units() if u.level == "tỉnh"}
    renamed = {code for code in old if new.get(code) != old[code]}
    names = {old[code] for code in renamed}
    names |= {alias for alias, level, _c in gazetteer.aliases() if level == "tỉnh"
              and any(u.code in renamed for u in gazetteer.of_2024().lookup(alias, level))}
    pattern = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(r"(?<!\w)(?:%s)(?!\w)" % pattern, re.IGNORECASE) if names else re.compile(r"(?!)")


def twins(old: gazetteer.Gazetteer, new: gazetteer.Gazetteer) -> set[tuple[str, str]]:
    """(level, code) of the units of `old` named, in the same place, as a unit of `new` of
    another code: "Thịnh Quang" of Đống Đa in 2024, merged in 2025 into the Thịnh Quang that
    had been Ngã Tư Sở. (scripts/build_gazetteer_2024.py marks them in gazetteer_2024.tsv.)"""
    def path(gaz, unit, known):
        up = gaz.parent(unit)
        return (known[(up.level, up.code)] + "/" if up else "") + slug(unit.printed)

    now: dict[str, str] = {}
    paths_now: dict[tuple[str, str], str] = {}
    for unit in new.units():
        paths_now[(unit.level, unit.code)] = p = path(new, unit, paths_now)
        now[p] = unit.code
    found, paths_old = set(), {}
    for unit in old.units():
        p = path(old, unit, paths_old)
        if now.get(p, unit.code) != unit.code and paths_now.get((unit.level, unit.code)) != p:
            found.add((unit.level, unit.code))
            p += f"-{unit.code}"
        paths_old[(unit.level, unit.code)] = p
    return found


@lru_cache(maxsize=1)
def former_twins() -> frozenset[tuple[str, str, str]]:
    """(level, code, name) of the 2024 units whose IRI takes their code, so that they and the
    2025 unit of their name and place are not one node."""
    rows = gazetteer.data_rows(gazetteer.DATA_DIR / "gazetteer_2024.tsv")
    return frozenset((level, code, gazetteer.Unit(code, level, type_, name, None, None).printed)
                     for code, level, type_, name, _parent, status in rows if status == "twin")




@lru_cache(maxsize=1)
def _level_word_re() -> re.Pattern:
    """A district's or commune's type word as news prints it ("huyện", "thị xã", "TX.", "TT")."""
    words = {fold(w).rstrip(".") for w, level, _c in read_rows("locality_words.tsv") if level in ("city", "huyện", "xã")}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?:[ .]+|(?=\.))")
