"""Places inside organisation names: "Công an huyện Sông Mã", "Công an Nghệ An", "UBND xã".

An organisation's place is resolved against the article's own places first,
then against the gazetteer, so "Công an TPHCM" gets its locality even when the
article never names the city as a place on its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg import gazetteer
from kg.data import read_words
from kg.extract.model import Locality, Sentence
from kg.extract.patterns import CAP, NUMBER_NAME, alternation
from kg.extract.places import (district_of_any, frame_re, known_names, level_words, paragraph_start, starts_bigger_name,
                               village_number)
from kg.text import fold

_UP = {"xã": "huyện", "huyện": "tỉnh"}

# Capitalised words, dashed names included: "Bà Rịa - Vũng Tàu", "Phan Rang-Tháp Chàm".
_PLACE_RUN = rf"{CAP}(?:(?:[ \t]+|[ \t]*[-–][ \t]*){CAP})*"
_RUN = re.compile(rf"[ \t]*({_PLACE_RUN})")


@dataclass(frozen=True)
class Place:
    word: str                 # level word to write before the name ("tỉnh", "thành phố"), "" for none
    name: str | None
    loc: Locality | None
    end: int
    level: str = ""           # the level word's level when the text gives only the word


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(read_words("surnames.tsv"))


@lru_cache(maxsize=1)
def _word_re() -> re.Pattern:
    words = alternation(level_words())
    # "tổ dân phố số 9": "số" may stand before a number
    return re.compile(rf"[ \t]*(?P<word>(?i:{words}))(?:(?:[ \t]+|(?<=\.))(?:(?P<so>số)[ \t]+(?=\d))?"
                      rf"(?P<name>{NUMBER_NAME}(?!\w)|{_PLACE_RUN}))?(?!\w)")


def person_like(name: str) -> bool:
    """A family name and two more capitalised words ("Huỳnh Văn Tới"): a person, unless a known place."""
    words = name.split()
    return (len(words) >= 3 and words[0] in _surnames() and all(w[0].isupper() for w in words)
            and not gazetteer.load().lookup(name))


def type_word(loc: Locality) -> str:
    """How the unit's level is written before its name: "tỉnh", "thành phố", "quận", "bản"."""
    if loc.level == "thôn":
        return loc.word
    unit = gazetteer.load().get(loc.level, loc.code) if loc.code else None
    if unit is None:
        return loc.level
    if unit.name.startswith(unit.type + " "):
        return ""  # numbered units carry their type word: "Phường 4"
    return unit.type.lower()


def _of_type(loc: Locality, word: str) -> bool:
    """Is the unit of the type `word` ("phường", "thị trấn") says, as far as the map tells?"""
    unit = gazetteer.load().get(loc.level, loc.code) if loc.code and loc.level != "thôn" else None
    return unit is None or unit.type.lower() == word


_NAME_WORDS = 4  # a person's name: "Sình Dì Gai", "Nguyễn Thị Minh Khai"


def village_part(before: str, run: str, addressed) -> str:
    """The village's name in the `run` written after its level word: up to where a person's name
    starts ("bản Ón Hoàng Văn Yên"); none if the run is the name of the village head printed
    before it: "Trưởng ấp Phạm Văn Tuỳ" (a middle name), "Trưởng thôn Sình Dì Gai" where the
    article also calls that person by it ("ông Gai", as `addressed(run)` tells); "Trưởng bản Lò
    Suối Tủng" alone is a village's head."""
    words = before.split()
    if words and fold(words[-1]) == "trưởng" and len(run.split()) <= _NAME_WORDS and person_like(run):
        if (run.split()[1] in _middle_names() and not _holder_before(before)) or addressed(run):
            return ""
    return _before_person(run)


def _holder_before(before: str) -> bool:
    """Is the post's holder named right before it ("ông Nguyễn Văn Hòa, Trưởng thôn Đồng Văn Nam")?"""
    m = _HOLDER_BEFORE.search(before)
    return m is not None and person_like(m.group(1))


_HOLDER_BEFORE = re.compile(rf"({CAP}(?:[ \t]+{CAP}){{2,3}})[ \t]*(?:,|[-–])[ \t]*(?:\S+[ \t]+){{1,2}}$")


@lru_cache(maxsize=1)
def _middle_names() -> frozenset[str]:
    return frozenset(read_words("middle_names.tsv"))


def _before_person(run: str) -> str:
    """"Ón Hoàng Văn Yên" after "bản": the place ends where a person's name starts."""
    words = run.split()
    for i in range(max(1, len(words) - _NAME_WORDS), len(words) - 2):
        if person_like(" ".join(words[i:])):
            return " ".join(words[:i])
    return run


class Resolver:
    """The article's places, to give an organisation its locality."""

    def __init__(self, localities: list[Locality], main: dict[str, Locality], paragraphs: list[int] = ()):
        """`paragraphs`: where the article's paragraphs start (framed and same_body look back within one)."""
        self.main = main
        self.paragraphs = sorted(paragraphs)
        self.by_name: dict[str, list[Locality]] = {}
        for loc in localities:
            self.by_name.setdefault(fold(loc.name), []).append(loc)
        gaz = gazetteer.load()
        self.units = [u for loc in localities if loc.code for u in [gaz.get(loc.level, loc.code)] if u]
        self.by_code: dict[tuple[str, str], Locality] = {}
        self.by_sentence: dict[int, list[Locality]] = {}
        for loc in localities:
            if loc.code:
                self.by_code.setdefault((loc.level, loc.code), loc)
            self.by_sentence.setdefault(loc.sentence.start, []).append(loc)
        self.frames = {start: f for start, locs in self.by_sentence.items() if (f := _frame(locs))}
        # per level, the sentences that print a place of it (the chain added up to the province is not printed)
        self.naming: dict[str, list[int]] = {}
        for start, locs in sorted(self.by_sentence.items()):
            text = fold(locs[0].sentence.text)
            for level in dict.fromkeys(loc.level for loc in locs if fold(loc.name) in text):
                self.naming.setdefault(level, []).append(start)
        self.bodies: dict[tuple[str, str], list[tuple[int, int, Locality]]] = {}

    def note(self, head: str, loc: Locality, sentence: Sentence, pos: int) -> None:
        """An organisation named with its place ("Công an xã Lũng Pù"), for same_body."""
        self.bodies.setdefault((fold(head), loc.level), []).append((sentence.start, pos, loc))

    def same_body(self, head: str, level: str, word: str, sentence: Sentence, pos: int) -> Locality | None:
        """"Trưởng Công an xã Lũng Pù cho biết ... CAX đã vận động ...": a bare "Công an xã"
        after the same body was named with its place, in the paragraph, is that body; unless a
        sentence after it opens with another place ("Tại xã Nghi Thuận, Đoàn Thanh niên xã ...")."""
        opening = paragraph_start(self.paragraphs, sentence.start, sentence.start)
        before = [(start, at, loc) for start, at, loc in self.bodies.get((fold(head), level), ())
                  if opening <= start and (start, at) < (sentence.start, pos)]
        if not before:
            return None
        start, _at, loc = max(before, key=lambda entry: entry[:2])
        framing = self._framing(level, word, sentence, pos, False)
        if framing is not None and framing[0] > start:
            return None
        return loc if type_word(loc) == word else None

    def in_sentence(self, level: str, sentence: Sentence) -> list[Locality]:
        """The places of `level` a sentence names, each once."""
        found = {loc.key: loc for locs in self.by_name.values() for loc in locs
                 if loc.level == level and loc.sentence.start == sentence.start}
        return list(found.values())

    def knows(self, name: str, level: str) -> bool:
        """Is `name` one of the article's places at `level`?"""
        return any(loc.level == level for loc in self.by_name.get(fold(name), []))

    def named(self, name: str, level: str | None, sentence: Sentence) -> Locality | None:
        """The place called `name` (at `level`, "city" = tỉnh or huyện), the article's first."""
        levels = _levels(level)
        for loc in self.by_name.get(fold(name), []):
            if loc.level in levels and not (level == "city" and _plain_province(loc.level, loc.word)):
                return None if person_like(name) and not loc.code else loc
        if level == "thôn":
            return None
        gaz = gazetteer.load()
        for lvl in levels:
            unit = gaz.resolve(name, lvl, self.units) if lvl != "thôn" else None
            if unit is not None and level == "city" and _plain_province(unit.level, unit.type):
                continue  # "thành phố Hà Tĩnh" is the city, not the province of that name
            if unit is not None:  # the article's place for that unit, in the article's spelling ("Krông Pắk")
                return self.by_code.get((unit.level, unit.code)) or _from_unit(unit, sentence)
        return None

    def framed(self, level: str, word: str, sentence: Sentence, pos: int, any_type: bool = False) -> Locality | None:
        """The place a sentence opens with ("Tại xã Ia Nhin, Hội Phụ nữ xã ...", "Ở thị trấn
        Cái Dầu, ..."): the place of a bare "Công an xã" after it, and in the paragraph's next
        sentences, until one names another place of that level. A place named inside a
        sentence frames nothing ("đối tượng trú tại huyện Hữu Lũng bị Công an huyện bắt"), nor
        one of another type than the word printed ("Tại thị trấn A, Công an xã ...")."""
        framing = self._framing(level, word, sentence, pos, any_type)
        return framing[1] if framing is not None else None

    def _framing(self, level: str, word: str, sentence: Sentence, pos: int, any_type: bool):
        """(start of the framing sentence, its place) for framed(), or None."""
        opening = paragraph_start(self.paragraphs, sentence.start, sentence.start)
        # the closest sentence of the paragraph naming a place of that level must open with it:
        # "... chỉ đạo xã Vũ Lăng nhân rộng. Công an xã ..." ends the frame "Tại xã Tân Lập"
        naming = [s for s in self.naming.get(level, ()) if opening <= s <= sentence.start]
        for start in reversed(naming):
            frame = self.frames.get(start, {}).get(level)
            if start == sentence.start and (frame is None or pos < frame[1]):
                continue  # a place inside this sentence, or after the word, frames nothing here: look back
            if frame is None:
                return None
            return (start, frame[0]) if any_type or type_word(frame[0]) == word else None
        return None

    def framed_any(self, level: str, sentence: Sentence, pos: int) -> Locality | None:
        """framed() whatever the type of the place ("Tại phường A, chùa B ...")."""
        return self.framed(level, "", sentence, pos, any_type=True)

    def only_of_type(self, level: str, word: str, sentence: Sentence) -> Locality | None:
        """The article's one place of that level and type, else the one its sentence names, else
        None; a commune only within the article's district ("Công an thị trấn" is not that of
        the town a suspect comes from)."""
        district = self.main.get("huyện") if level == "xã" else None
        found = {loc.code: loc for locs in self.by_name.values() for loc in locs
                 if loc.level == level and loc.code and _of_type(loc, word)
                 and (district is None or (loc.parent is not None and loc.parent.key == district.key))}
        if len(found) > 1:
            found = {code: loc for code, loc in found.items()
                     if any(x.code == code for x in self.by_sentence.get(sentence.start, ()))}
        return next(iter(found.values())) if len(found) == 1 else None

    def only_village(self, word: str, sentence: Sentence) -> Locality | None:
        """The one village written with this word ("bản") the article has named so far in the
        paragraph, or of those the one its own sentence names ("Tại bản Chai, Chi hội Phụ nữ bản
        ..."), else None (not "thôn A, xã B" where a suspect lives, named paragraphs before)."""
        opening = paragraph_start(self.paragraphs, sentence.start, 0)
        villages = [loc for locs in self.by_name.values() for loc in locs
                    if loc.level == "thôn" and fold(loc.word) == fold(word) and not _residence(loc)]
        named = [loc for loc in villages if opening <= loc.sentence.start <= sentence.start]
        found = {loc.key: loc for loc in named}
        if len(found) > 1:
            found = {loc.key: loc for loc in named if loc.sentence.start == sentence.start}
        if not named:  # none in the paragraph: the one the title and lead are about, if one
            found = {loc.key: loc for loc in villages if loc.sentence.start < self._lead_end()}
        return next(iter(found.values())) if len(found) == 1 else None

    def _lead_end(self) -> int:
        """Where the paragraph after the title and the first one of the body starts."""
        return self.paragraphs[2] if len(self.paragraphs) > 2 else 0

    def main_at(self, level: str, climb: bool = True) -> Locality | None:
        """The article's own place at `level`, else (climbing) the nearest one above it."""
        if level == "city":
            return self._main_city()
        while level:
            if level in self.main:
                return self.main[level]
            level = _UP.get(level) if climb else None
        return None

    def _main_city(self) -> Locality | None:
        """"thành phố" alone: the article's district-level city, else its centrally-run city."""
        for level in ("huyện", "tỉnh"):
            loc = self.main.get(level)
            if loc is not None and type_word(loc) == "thành phố":
                return loc
        return None


def _frame(locs: list[Locality]) -> dict[str, tuple[Locality, int]]:
    """{level: (place, end)} of the place a sentence opens with, if it opens with one."""
    text = locs[0].sentence.text
    m = _opening_re().match(text)
    if m is None:
        return {}
    name = fold(text[m.end():m.end() + 60])
    fits = [loc for loc in locs if level_words()[fold(m.group("word"))][0] in (loc.level, "city")
            and loc.level != "thôn" and _opens(name, fold(loc.name))]
    best = max(fits, key=lambda loc: len(loc.name), default=None)
    return {best.level: (best, m.end() + len(best.name))} if best else {}


def _opens(text: str, name: str) -> bool:
    return text.startswith(name) and not text[len(name):len(name) + 1].isalnum()


@lru_cache(maxsize=1)
def _opening_re() -> re.Pattern:
    """A sentence that opens with a place: "Tại xã A,", "Ở huyện B", "Riêng thị trấn C", "Xã D có"."""
    words = alternation(w for w, (lvl, _c) in level_words().items() if lvl != "thôn")
    return re.compile(rf"{frame_re().pattern}(?P<word>(?i:{words}))[ \t]+")


def _plain_province(level: str, word: str) -> bool:
    """A province that is no centrally-run city ("tỉnh Hà Tĩnh", not "thành phố Đà Nẵng")."""
    return level == "tỉnh" and fold(word) == "tỉnh"


def _levels(level: str | None) -> tuple[str, ...]:
    if level is None:
        return ("tỉnh", "huyện", "xã")
    return ("tỉnh", "huyện") if level == "city" else (level,)


def _from_unit(unit, sentence: Sentence) -> Locality:
    parent_unit = gazetteer.load().parent(unit)
    parent = _from_unit(parent_unit, sentence) if parent_unit else None
    return Locality(unit.name, unit.level, unit.level, sentence, parent, unit.code, unit.successor)


def known_prefix(run: str, level: str | None, resolver: Resolver, sentence: Sentence):
    """The longest leading words of a capitalised run that name a place: (name as printed, locality)."""
    ends = [m.end() for m in re.finditer(r"[^\s\-–]+", run)]
    for end in reversed(ends):
        name = run[:end]
        if _before_person(name) != name:
            continue  # "Ón Hoàng Văn Yên": a person's name is no part of a place
        loc = resolver.named(name, level, sentence)
        if loc is not None:
            return name, loc
    return None


def place_at(text: str, pos: int, resolver: Resolver, sentence: Sentence, village_body: bool = False) -> Place | None:
    """The place written at `pos`: "huyện Sông Mã", "xã" (the article's), or a bare "Nghệ An".
    `village_body`: a body of a village is before it ("Ban nhân dân Buôn Đôn" is of a buôn)."""
    m = _word_re().match(text, pos)
    if m and (village_body or not _bigger_name(m)):
        found = _worded(text, m, resolver, sentence)
        if found is not None:
            return found
    m = _RUN.match(text, pos)
    if not m:
        return None
    found = known_prefix(m.group(1), None, resolver, sentence)
    if found is None:
        return None
    name, loc = found
    if _body_past(text, m.start(1), m.start(1) + len(name)):
        return None  # "Trường Trung học phổ thông Chợ Gạo" is a school, not xã Trường Trung
    return Place(type_word(loc), loc.name, loc, m.start(1) + len(name))


def _bigger_name(m: re.Match) -> bool:
    """"Huyện ủy Sóc Sơn", "Tỉnh ủy Sóc Trăng": a village word that starts the name of a district
    or province is that name's, not a village's."""
    word = m.group("word")
    return (word[0].isupper() and level_words()[fold(word)][0] == "thôn" and bool(m.group("name"))
            and starts_bigger_name(word, m.group("name")))


def places_listed(text: str, pos: int, resolver: Resolver, sentence: Sentence) -> tuple[list[Place], int] | None:
    """The places of "các xã Lê Ninh, Hiệp Sơn" at `pos`, each known at that level, and where
    the list ends; None for fewer than two or a name the article and the map do not know."""
    m = _plural_list_re().match(text, pos)
    if m is None:
        return None
    level, word = level_words()[fold(m.group("word"))]
    places, at = [], m.end()
    while (run := _RUN.match(text, at)) is not None:
        found = known_prefix(run.group(1), level, resolver, sentence)
        if found is None or not run.group(1).startswith(found[0]) or _holds(found[1], places):
            break  # the list ends: "... và Công an thị xã Kinh Môn", "xã A, B, Sông Mã" (their district)
        name, loc = found
        end = run.start(1) + len(name)
        places.append(Place(word, loc.name, loc, end))
        more = _LIST_SEP.match(text, end)
        if more is None:
            break
        at = more.end()
    return (places, places[-1].end) if len(places) >= 2 else None


def _holds(loc: Locality, places: list[Place]) -> bool:
    """Is `loc` (read at the list's level) a district of a place listed before it?"""
    gaz = gazetteer.load()
    return district_of_any(loc.name, [gaz.get(p.loc.level, p.loc.code) for p in places if p.loc and p.loc.code])


_LIST_SEP = re.compile(r"[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+")


@lru_cache(maxsize=1)
def _plural_list_re() -> re.Pattern:
    from kg.extract.localities import context_words

    words = alternation(w for w, (lvl, _c) in level_words().items() if lvl in ("xã", "huyện", "city"))
    return re.compile(rf"[ \t]+(?i:{alternation(context_words()['plural'])})[ \t]+(?P<word>(?i:{words}))(?=[ \t]+[A-ZÀ-ỸĐ])")


def _body_past(text: str, start: int, end: int) -> bool:
    """Does an organisation's head start at `start` and run past `end`? ("Chùa Hang" is a ward:
    the head "Chùa" ends inside it.)"""
    from kg.extract.org_tails import head_re  # a cycle: organisations read places

    head = head_re().match(text, start)
    return head is not None and head.end() > end


def _worded(text: str, m: re.Match, resolver: Resolver, sentence: Sentence) -> Place | None:
    level, canon = level_words()[fold(m.group("word"))]
    run = m.group("name")
    if m.group("so"):
        if level != "thôn":
            return None
        canon += " số"
    if run and level == "thôn" and not run[0].isdigit():
        more = village_number().match(text, m.end("name"))  # "ấp Bình Tiền 2"
        run += more.group(0) if more else ""
        # the article's localities decided already whether the run is a village or its head's name
        run = village_part(text[: m.start()], run, lambda name: not resolver.knows(name, "thôn"))
    if run:
        found = known_prefix(run, level, resolver, sentence)
        if found:
            name, loc = found
            return Place(canon, name, loc, m.start("name") + len(name))
        run = _before_person(run)
        # one unknown syllable is no commune: "Công an xã Bán chuyên trách" is the semi-professional police
        if level == "thôn" or not (person_like(run) or _a_count(run, canon, level) or (level == "xã" and " " not in run)):
            return Place(canon, run, None, m.start("name") + len(run))
    if _plural_re().match(text, m.end("word")) or elsewhere_after(text, m.end("word")):
        return None
    if level == "thôn":  # "Chi hội Phụ nữ bản": the article's one village of that word, if one
        if not _bare_village_end(text, m.end("word")):
            return None  # "tổ chức", "khối cơ quan", "khu công nghiệp": no village at all
        loc = resolver.only_village(canon, sentence)
        return Place(canon, loc.name, loc, m.end("word"), level) if loc is not None else None
    loc = resolver.framed(level, canon, sentence, m.start("word")) or resolver.main_at(level, climb=False)
    if loc is not None and not _of_type(loc, canon):
        # "Công an thị trấn" in an article mostly about a xã: the thị trấn it names, if only one
        loc = resolver.only_of_type(level, canon, sentence)
    return Place(canon, loc.name if loc else None, loc, m.end("word"), level)


def _a_count(run: str, canon: str, level: str) -> bool:
    """"Công an xã 31 tin báo": a number names a ward or district only where the map has one
    ("Phường 12", "Quận 8"); else it counts what follows. (A numbered ward the gazetteer lacks
    is then read as the article's own ward: rarer in the news than a count.)"""
    return run[0].isdigit() and not known_names(f"{canon.capitalize()} {run}", _levels(level))


def _residence(loc: Locality) -> bool:
    """Is the village named as where someone lives ("trú tại bản Pục")?"""
    return any(fold(m.group(1)) == fold(loc.name) for m in _residence_re().finditer(loc.sentence.text))


@lru_cache(maxsize=1)
def _residence_re() -> re.Pattern:
    from kg.extract.localities import context_words

    words = alternation(w for w, (lvl, _c) in level_words().items() if lvl == "thôn")
    return re.compile(rf"(?<!\w)(?i:{alternation(context_words()['residence'])})[ \t]+(?i:{words})[ \t]+({_PLACE_RUN}|\d+)")


def _bare_village_end(text: str, pos: int) -> bool:
    """Does a bare village word end here ("Chi hội Phụ nữ bản, ...", "Chi đoàn xóm vận động")?
    Not before a word it makes a common noun with ("tổ chức", "khối cơ quan", "khu công nghiệp")."""
    if re.match(r"[ \t]*(?:[,.;:)]|$)", text[pos:]):
        return True
    return _compound_after_re().match(text, pos) is None


@lru_cache(maxsize=1)
def _compound_after_re() -> re.Pattern:
    from kg.extract.localities import context_words

    return re.compile(rf"[ \t]+(?i:{alternation(context_words()['not_village'])})(?!\w)")


@lru_cache(maxsize=1)
def village_branches() -> frozenset[str]:
    """Heads of the bodies a village has (village_branches.tsv)."""
    return frozenset(fold(w) for w in read_words("village_branches.tsv"))


def elsewhere_at(text: str, pos: int) -> bool:
    """"Đoàn Thanh niên xã kết nghĩa": a level word at pos naming another, unnamed unit."""
    m = _word_re().match(text, pos)
    return m is not None and not m.group("name") and elsewhere_after(text, m.end("word"))


def elsewhere_after(text: str, pos: int) -> bool:
    """Does a word for another unit follow at pos ("của đồn | bạn")?"""
    return _elsewhere_re().match(text, pos) is not None


@lru_cache(maxsize=1)
def _elsewhere_re() -> re.Pattern:
    """"Đoàn Thanh niên xã bạn", "Công an xã lân cận": not the article's commune, and not named."""
    from kg.extract.localities import context_words

    return re.compile(rf"[ \t]+(?i:{alternation(context_words()['elsewhere'])})(?!\w)")


@lru_cache(maxsize=1)
def _plural_re() -> re.Pattern:
    """"Công an xã, thị trấn": a level word listed with another is generic, not a place
    ("Hội Nông dân huyện và Huyện đoàn Đức Hòa" lists a body, "Huyện đoàn", after it)."""
    words = alternation(w for w, (lvl, _c) in level_words().items() if lvl != "thôn")
    return re.compile(rf"\s*(?:,|và|hoặc|/)\s*(?i:{words})(?!\w)(?![ \t]+(?i:ủy|uỷ|đoàn|đội)(?!\w))")
