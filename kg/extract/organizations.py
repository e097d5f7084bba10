"""Organisations: police units and their teams, Party, People's Committees, the Front,
mass organisations, military units, steering committees, schools.

A name is written in full: abbreviations expanded, the place resolved from
context ("Công an huyện" in an article about Sông Mã is "Công an huyện Sông Mã").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.data import read_rows
from kg.extract.model import Locality, Organization, Sentence
from kg.extract.patterns import NAME, alternation
from kg.text import clean_spaces, fold

@dataclass(frozen=True)
class Head:
    text: str
    type: str
    place: str       # req | opt | none | sub | party | name
    level: str       # default level for "opt"


@lru_cache(maxsize=1)
def _heads() -> dict[str, Head]:
    out = {}
    for row in read_rows("organizations.tsv"):
        text, type_, place = row[:3]
        out[fold(text)] = Head(text, type_, place, row[3] if len(row) > 3 else "")
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern, dict[str, str]]:
    table = {abbr: full for abbr, full in read_rows("abbreviations.tsv")}
    pattern = re.compile(rf"(?<![\w.])({alternation(table)})(?![\w])")
    return pattern, table


def expand(text: str) -> str:
    """Spell out the abbreviations of organisation names ("UBND huyện" -> "Ủy ban nhân dân huyện")."""
    pattern, table = _abbreviations()
    return pattern.sub(lambda m: table[m.group(1)], text)


@lru_cache(maxsize=1)
def _level_words() -> dict[str, tuple[str, str]]:
    return {fold(w): (level, canon) for w, level, canon in read_rows("locality_words.tsv") if level != "thôn"}


@lru_cache(maxsize=1)
def _tail_stops() -> tuple[str, ...]:
    return tuple(fold(w) for (w, *_rest) in read_rows("org_tail_stops.tsv"))


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern:
    return re.compile(rf"(?<![\w])({alternation(h.text for h in _heads().values())})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern:
    words = alternation(w for w in _level_words())
    return re.compile(rf"\s*(?:(?P<word>(?i:{words}))(?:(?:\s+|(?<=\.))(?P<name>{NAME}))?(?!\w)|(?P<bare>{NAME}))")


class Resolver:
    """The article's places, to give an organisation its locality."""

    def __init__(self, localities: list[Locality], main: dict[str, Locality]):
        self.main = main
        self.by_name: dict[str, Locality] = {}
        for loc in localities:
            self.by_name.setdefault(fold(loc.name), loc)

    def named(self, name: str) -> Locality | None:
        return self.by_name.get(fold(name))


def _place(text: str, pos: int, resolver: Resolver):
    """(level word, place name, locality, end) of the place written at `pos`, or None."""
    m = _place_re().match(text, pos)
    if not m:
        return None
    if m.group("word"):
        level, canon = _level_words()[fold(m.group("word"))]
        name = m.group("name")
        if name and name[0].islower():
            name = None
        if name:
            loc = resolver.named(name)
            end = m.end("name")
        else:
            loc = resolver.main.get("tỉnh" if level == "city" else level)
            name = loc.name if loc else None
            end = m.end("word")
        if level == "city" and loc is not None:
            canon = "thành phố"
        return canon, name, loc, end
    bare = m.group("bare")
    loc = resolver.named(bare)
    if loc and loc.level in ("tỉnh", "huyện", "xã"):
        return "", loc.name, loc, m.end("bare")
    return None


def _names_its_level(head: Head) -> bool:
    """"Huyện ủy", "Tỉnh đoàn" carry their level: "Huyện ủy Sông Mã", not "Huyện ủy huyện Sông Mã"."""
    return fold(head.text).endswith((" ủy", " đoàn"))


def _compose(*parts: str | None) -> str:
    return clean_spaces(" ".join(p for p in parts if p))


def _sub_tail(text: str, pos: int) -> tuple[str, int]:
    """The lower-case rest of a team's name: 'hình sự, kinh tế, ma túy'."""
    m = re.match(r"(?:[ ,]+(?:[^\W\d_A-ZĐ]+|\d+))+", text[pos:])
    if not m:
        return "", pos
    words = re.findall(r"[ ,]+[^\s,]+", m.group(0))
    kept, end = [], pos
    for w in words:
        if fold(w.strip(" ,")) in _tail_stops() or any(fold(" ".join([*kept, w])).endswith(s) for s in _tail_stops() if " " in s):
            break
        kept.append(w)
        end += len(w)
    return "".join(kept).strip(" ,"), end


def parse_at(text: str, m: re.Match, resolver: Resolver, police: Organization | None, sentence: Sentence):
    """The organisation whose head matched at `m`, or None when it is not one."""
    head = _heads()[fold(m.group(1))]
    end = m.end(1)
    if head.place == "none":
        return Organization(head.text, head.type, sentence), end
    if head.place == "sub":
        tail, end = _sub_tail(text, end)
        if not tail:
            return None
        parent = None
        after = _head_re().match(text, end + 1) if text[end:end + 1] == " " else None
        if after and fold(after.group(1)) == fold("Công an"):
            found = parse_at(text, after, resolver, police, sentence)
            if found:
                parent, end = found
        parent = parent or police
        name = _compose(head.text, tail, parent.name if parent else None)
        loc = parent.locality if parent else None
        return Organization(name, head.type, sentence, loc, parent), end
    if head.place == "party":
        after = _head_re().match(text, end + 1) if text[end:end + 1] == " " else None
        if not after or _heads()[fold(after.group(1))].type != "party":
            return None
        found = parse_at(text, after, resolver, police, sentence)
        if not found:
            return None
        parent, end = found
        return Organization(_compose(head.text, parent.name), head.type, sentence, parent.locality, parent), end
    place = _place(text, end, resolver)
    if place is None:
        if head.place == "req":
            return None
        loc = resolver.main.get(head.level) if head.place == "opt" else None
        word = "" if _names_its_level(head) else head.level
        name = _compose(head.text, word if loc else None, loc.name if loc else None)
        return Organization(name, head.type, sentence, loc), end
    word, place_name, loc, end = place
    if head.place == "name" and not place_name:
        return None
    if _names_its_level(head):
        word = ""
    return Organization(_compose(head.text, word, place_name), head.type, sentence, loc), end


def extract_organizations(sentences: list[Sentence], localities: list[Locality], main: dict[str, Locality]) -> list[Organization]:
    resolver = Resolver(localities, main)
    out: list[Organization] = []
    police: Organization | None = None
    for s in sentences:
        text = expand(s.text)
        pos = 0
        while True:
            m = _head_re().search(text, pos)
            if not m:
                break
            if not m.group(1)[0].isupper() and _heads()[fold(m.group(1))].place != "req":
                pos = m.end()
                continue
            found = parse_at(text, m, resolver, police, s)
            if found:
                org, pos = found
                out.append(org)
                if org.type == "police" and org.parent is None and org.locality is not None:
                    police = police or org
            else:
                pos = m.end()
    return out


def organizations_in(text: str, sentence: Sentence, resolver: Resolver, police: Organization | None) -> list[Organization]:
    """Organisations named inside a piece of text (a post: 'Trưởng Công an huyện')."""
    text = expand(text)
    out, pos = [], 0
    while m := _head_re().search(text, pos):
        found = parse_at(text, m, resolver, police, sentence)
        if found:
            out.append(found[0])
            pos = found[1]
        else:
            pos = m.end()
    return out
