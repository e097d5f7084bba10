"""Organisations: police units and their teams, Party, People's Committees, the Front,
mass organisations, military units, steering committees, schools, businesses.

A name is written in full: abbreviations expanded, the place resolved from
context ("Công an huyện" in an article about Sông Mã is "Công an huyện Sông Mã").
How each head word takes its place or parent is data (kg/data/organizations.tsv).
"""
from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.data import read_rows, read_words
from kg.extract.model import Locality, Organization, Program, Sentence
from kg.extract.org_places import (Place, Resolver, elsewhere_after, elsewhere_at, level_words, place_at, places_listed,
                                   type_word, village_branches)
from kg.extract.org_short_forms import use_full_names
from kg.extract.org_tails import MAX_BARE_TAIL, anchor_at, head_re, name_words, tail
from kg.extract.places import count_before_re, known_names
from kg.extract.patterns import alternation, ialternation, lead
from kg.text import clean_spaces, fold

__all__ = ["Context", "Parsed", "Resolver", "expand", "extract_organizations", "parse_all", "parse_at"]


@dataclass(frozen=True)
class Head:
    text: str
    type: str        # police | party | government | front | mass | military | committee | ...
    mode: str        # none | req | opt | ctx | sub | unit | party | name (see organizations.tsv)
    level: str       # default level for opt and ctx
    alias: str = ""  # the fuller head this short form stands for when the article has it


@dataclass
class Context:
    resolver: Resolver
    sentence: Sentence
    police_unit: Organization | None = None  # the article's police, parent of teams named alone
    in_post: bool = False                # inside a person's post: "Chủ tịch UBMTTQ huyện" is one body
    asked_police: bool = False           # whether .police was read

    @property
    def police(self) -> Organization | None:
        """The article's police. Reading it marks the context: a reading that never asked holds
        for any police, so extract_organizations need not read that sentence again."""
        self.asked_police = True
        return self.police_unit


@dataclass
class Parsed:
    head: Head
    start: int
    end: int                      # end of all it consumed (a parent after a comma included)
    core_end: int                 # end of the name as printed
    org: Organization | None = None   # None: a bare head ("Công an", "Đảng ủy") awaiting a partner
    place: Place | None = None
    also: list[Organization] = field(default_factory=list)  # another organisation named inside
    spread: list[Place] = field(default_factory=list)  # the other places of "UBND các xã A, B"


@lru_cache(maxsize=1)
def heads() -> dict[str, Head]:
    out = {}
    for row in read_rows("organizations.tsv"):
        text, type_, mode = row[:3]
        level, alias = (list(row[3:]) + ["", ""])[:2]
        out[fold(text)] = Head(text, type_, mode, level, alias)
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    table = {abbr: full for abbr, full in read_rows("abbreviations.tsv")}
    pattern = re.compile(rf"(?<![\w.&])({alternation(table)})(?:(?<=\.)|(?![\w&]))(?P<glued>(?<=\.)(?=\w))?")
    glosses = re.compile(rf"[ \t]*\(({alternation(table)})\)")
    return pattern, glosses, table


@lru_cache(maxsize=4096)  # each sentence is expanded for the police unit, the organisations and the officers
def expand(text: str) -> str:
    """Spell out the abbreviations of organisation names ("UBND huyện" -> "Ủy ban nhân dân huyện")."""
    pattern, glosses, table = _abbreviations()
    text = _drop_glosses(text, glosses, table)
    return pattern.sub(lambda m: _spelt_out(m, table), text)


def _spelt_out(m: re.Match, table: dict[str, str]) -> str:
    """The expansion of one abbreviation or short form, unless the text already goes on with it
    ("Ngân hàng chính sách" -> "Ngân hàng Chính sách xã hội", but not twice)."""
    short, full = m.group(1), table[m.group(1)]
    rest = full[len(short):] if fold(full).startswith(fold(short)) else ""
    if rest and fold(m.string[m.end(1):m.end(1) + len(rest)]) == fold(rest):
        return short
    before = re.search(r"(\w+)[ \t]+$", m.string[:m.start(1)])
    first, _, after = full.partition(" ")
    if before and after and fold(before.group(1)) == fold(first):
        full = after  # "Trưởng phòng PC06": "phòng" is written already
    return full + (" " if m.group("glued") is not None else "")


def _drop_glosses(text: str, glosses: re.Pattern, table: dict[str, str]) -> str:
    """"Ủy ban Mặt trận Tổ quốc (MTTQ)", "Ban Chỉ đạo phòng, chống tội phạm ... Tổ quốc (BCĐ) huyện
    Tuy Phước": the bracketed abbreviation repeats the name, or its head, it is no second body
    (and the name goes on to its place after it)."""
    def gloss(m: re.Match) -> str:
        before = fold(text[:m.start()])
        full = fold(table[m.group(1)])
        if before.endswith(full):
            return ""
        at = before.rfind(full, max(0, len(before) - _GLOSS_REACH))
        return "" if at >= 0 and not _GLOSS_BREAK.search(before, at) else m.group(0)
    return glosses.sub(gloss, text)


_GLOSS_REACH = 160  # characters: a long committee name between its head and the abbreviation
_GLOSS_BREAK = re.compile(r"[().;:“”\"]")


@lru_cache(maxsize=1)
def _generic_re() -> re.Pattern:
    return re.compile(rf"[ \t]+(?:{ialternation(read_words('org_generic_words.tsv'))})(?!\w)", re.IGNORECASE)


def names_its_level(head: Head) -> bool:
    """"Huyện ủy", "Tỉnh đoàn" carry their level: "Huyện ủy Sông Mã", not "Huyện ủy huyện Sông Mã"."""
    first, _, last = fold(head.text).partition(" ")
    return first in _LEVEL_PREFIXES and last in ("ủy", "đoàn")


_LEVEL_PREFIXES = ("tỉnh", "huyện", "quận", "thị", "thành")


def compose(*parts: str | None) -> str:
    return clean_spaces(" ".join(p for p in parts if p)).strip(" ,")


def parse_at(text: str, start: int, ctx: Context) -> Parsed | None:
    """The organisation whose head word starts at `start`, or None when it is not one."""
    m = head_re().match(text, start)
    if not m:
        return None
    head = heads()[fold(m.group(1))]
    if _generic_re().match(text, m.end(1)):
        # "Công an các xã", "Hội Nông dân các cấp": generic, not one organisation
        return _one_per_place(text, start, m.end(1), head, ctx) if head.mode in ("req", "opt", "ctx") else None
    return _MODES[head.mode](text, start, m.end(1), head, ctx)


def _one_per_place(text: str, start: int, end: int, head: Head, ctx: Context) -> Parsed | None:
    """"UBND các xã Lê Ninh, Hiệp Sơn": one body per place listed, the others in `also`. Not in
    a post: "Trưởng Công an các xã A, B" are two chiefs, each of one."""
    if ctx.in_post:
        return None
    listed = places_listed(text, end, ctx.resolver, ctx.sentence)
    if listed is None:
        return None
    places, stop = listed
    word = "" if names_its_level(head) else places[0].word
    orgs = [Organization(compose(head.text, word, p.name), head.type, ctx.sentence, p.loc) for p in places]
    return Parsed(head, start, stop, stop, orgs[0], places[0], orgs[1:], places[1:])


def _national(text, start, end, head, ctx) -> Parsed:
    return Parsed(head, start, end, end, Organization(head.text, head.type, ctx.sentence))


def _placed(text, start, end, head, ctx) -> Parsed | None:
    """"Công an huyện Sông Mã", "UBND xã" (the article's), "Công an Nghệ An" (level word added)."""
    place = place_at(text, end, ctx.resolver, ctx.sentence, fold(head.text) in village_branches())
    if place is not None and _below_its_level(head, place, text[end:end + 12]):
        place = None  # "Bí thư Huyện ủy Trần Quang Khải": a person, though a ward bears the name
    if place is None and elsewhere_at(text, end):
        return None  # "Đoàn Thanh niên xã bạn": a body of an unnamed other commune, not the article's
    if place is not None and place.level in ("tỉnh", "huyện", "xã"):  # a bare level word
        loc = ctx.resolver.same_body(head.text, place.level, place.word, ctx.sentence, start)
        place = replace(place, name=loc.name, loc=loc) if loc else place
    elif place is not None and place.loc is not None and place.name:
        ctx.resolver.note(head.text, place.loc, ctx.sentence, start)
    if place is not None:
        if _any_of_level(text, start, place, ctx):
            return None
        word = "" if names_its_level(head) else place.word
        org = Organization(compose(head.text, word, place.name), head.type, ctx.sentence, place.loc)
        return Parsed(head, start, place.end, place.end, org, place)
    if head.mode == "req":
        return _of_org(text, start, end, head, ctx) or Parsed(head, start, end, end)
    if head.mode == "ctx":
        of_org = _of_org(text, start, end, head, ctx)
        if of_org is not None:
            return of_org
        loc = ctx.resolver.main_at(head.level)
        return Parsed(head, start, end, end, Organization(head.text, head.type, ctx.sentence, loc))
    loc = ctx.resolver.main_at(head.level, climb=not names_its_level(head))
    word = "" if names_its_level(head) or loc is None else type_word(loc)
    org = Organization(compose(head.text, word, loc.name if loc else None), head.type, ctx.sentence, loc)
    return Parsed(head, start, end, end, org)


def _below_its_level(head: Head, place: Place, after: str) -> bool:
    """A name without a level word that is only a commune's, after a head that carries the level
    of a district or province ("Huyện ủy", "Tỉnh đoàn"): not that body's place. ("Thành ủy" and
    "Thành đoàn" may be a city's of either level.)"""
    if not names_its_level(head) or place.loc is None or place.level or place.loc.level != "xã":
        return False
    if fold(head.text).split(" ", 1)[0] not in ("huyện", "quận", "tỉnh"):
        return False
    if fold(after).split(" ", 1)[0] in level_words():
        return False
    return not known_names(place.loc.name, ("tỉnh", "huyện"))


def _any_of_level(text: str, start: int, place: Place, ctx: Context) -> bool:
    """"lực lượng công an xã", or "Công an xã" in an article with no commune: any commune's police.
    (A post names one body: "cán bộ công an xã" is the article's commune police.)"""
    if not place.level or ctx.in_post:
        return False
    return (text[start].islower() or (not place.name and place.level != "tỉnh")
            or _force_re().search(text, max(0, start - 60), start) is not None)  # the words just before


@lru_cache(maxsize=1)
def _force_re() -> re.Pattern:
    """"lực lượng Công an xã": a force, the police of every commune (org_force_words.tsv)."""
    return re.compile(rf"(?<!\w)(?i:{ialternation(read_words('org_force_words.tsv'))})[ \t]+$")


_UNITS_OF = {"party": ("police", "military"), "mass": ("police", "military", "school")}


def _of_org(text, start, end, head, ctx) -> Parsed | None:
    """A Party committee or youth union of a unit: "Đảng ủy Công an tỉnh Khánh Hòa", "Đoàn Thanh
    niên Trường THPT Chợ Gạo"."""
    if head.type not in _UNITS_OF or text[end:end + 1] != " " or not text[end + 1:end + 2].isupper():
        return None
    inner = parse_at(text, end + 1, ctx)
    if inner is None or inner.org is None or inner.org.type not in _UNITS_OF[head.type]:
        return None
    org = Organization(compose(head.text, inner.org.name), head.type, ctx.sentence, inner.org.locality)
    return Parsed(head, start, inner.end, inner.core_end, org, inner.place)


def _party_board(text, start, end, head, ctx) -> Parsed | None:
    """"Ban Dân vận Huyện ủy", "Ban Thường vụ Tỉnh ủy": a board of the Party committee after it;
    "Ban Thường vụ Huyện đoàn" (mode board): of the Front or mass organisation too, of its type."""
    inner = parse_at(text, end + 1, ctx) if text[end:end + 1] == " " else None
    types = ("party", "front", "mass", "other") if head.mode == "board" else ("party",)
    if inner is None or inner.org is None or inner.head.type not in types:
        return None
    parent = inner.org
    org = Organization(compose(head.text, parent.name), parent.type, ctx.sentence, parent.locality, parent)
    return Parsed(head, start, inner.end, inner.core_end, org, inner.place)


def _sub_unit(text, start, end, head, ctx) -> Parsed | None:
    """"Đội Cảnh sát hình sự, kinh tế, ma túy Công an huyện Như Xuân", "Ban Chỉ đạo 138 tỉnh X"."""
    full, safe = tail(text, end, ctx)
    if _generic_re().search(text, end, full):
        return None  # "Ban Chỉ đạo 138 cấp huyện": every district's, not one body
    for cut in dict.fromkeys((full, safe)):
        found = anchor_at(text, cut, head, ctx)
        if found is not None:
            return _anchored(text, start, end, cut, head, found, ctx)
    short = _of_short_re().match(text, full)
    if short and head.mode == "unit" and not elsewhere_after(text, short.end()):  # not "của đồn bạn"
        # "Đội Vận động quần chúng của đồn": of the article's one border post (the_named_unit)
        unit = Organization(short_parents()[fold(short.group("short"))], head.type, ctx.sentence, unnamed=True)
        org = Organization(compose(head.text, text[end:full]), head.type, ctx.sentence, None, unit)
        return Parsed(head, start, short.end(), full, org)
    numbered = _NUMBERED.match(text, end)
    if head.type == "other" and numbered and numbered.end() == full:
        # "Tổ liên gia số 3" named alone: a team of the commune its sentence names, else of the one
        # the text is about there
        named = ctx.resolver.in_sentence("xã", ctx.sentence)
        loc = named[0] if len(named) == 1 else None if named else (
            ctx.resolver.framed_any("xã", ctx.sentence, start) or ctx.resolver.main_at("xã", climb=False))
        org = Organization(compose(head.text, numbered.group(0)), head.type, ctx.sentence, loc)
        return Parsed(head, start, full, full, org)
    police = ctx.police
    if head.type != "police" or police is None or len(text[end:safe].split()) > MAX_BARE_TAIL:
        return None
    org = Organization(compose(head.text, text[end:safe], police.name), head.type, ctx.sentence, police.locality, police)
    return Parsed(head, start, safe, safe, org)


@lru_cache(maxsize=1)
def short_parents() -> dict[str, str]:
    return {fold(short): head for short, head in read_rows("org_short_parents.tsv")}


@lru_cache(maxsize=1)
def _of_short_re() -> re.Pattern:
    return re.compile(rf"[ \t]+của[ \t]+(?P<short>(?i:{ialternation(sorted(short_parents()))}))(?!\w)")


_NUMBERED = re.compile(r"[ \t]+số[ \t]+\d+(?!\w)")


def _anchored(text, start, end, cut, head, found, ctx) -> Parsed:
    words = text[end:cut]
    if found.kind == "org":
        inner: Parsed = found.what
        parent = inner.org
        loc = found.suffix_place.loc if found.suffix_place else parent.locality
        name = compose(head.text, words, parent.name, found.suffix)
        if head.type == "committee":  # a steering committee of a body is not its sub-unit
            org = Organization(name, head.type, ctx.sentence, loc)
            return Parsed(head, start, found.stop, found.core_end, org, inner.place, [parent, *inner.also])
        type_ = parent.type if head.mode == "unit" else head.type
        org = Organization(name, type_, ctx.sentence, loc, parent)
        return Parsed(head, start, found.stop, found.core_end, org, found.suffix_place or inner.place)
    if found.kind == "central":
        org = Organization(compose(head.text, words, found.what), head.type, ctx.sentence)
        return Parsed(head, start, found.stop, found.core_end, org)
    place: Place = found.what
    org = Organization(compose(head.text, words, place.word, place.name), head.type, ctx.sentence, place.loc)
    return Parsed(head, start, found.stop, found.core_end, org, place)


_NAMED_AFTER_PEOPLE = ("school", "business")  # "Trường THPT Lê Quý Đôn", "Công ty TNHH Lê Văn Hùng"


def _proper(text, start, end, head, ctx) -> Parsed | None:
    """"Trường THPT Sông Mã", "Công ty Xăng dầu Tiền Giang", "Trại giam A2 (Diên Khánh, Khánh Hòa)"."""
    rest_end = name_words(text, end, ctx, people=head.type in _NAMED_AFTER_PEOPLE)
    if rest_end is None and head.type == "school":
        return Parsed(head, start, end, end)  # "Trường Trung học cơ sở" alone: a kind of school, no body
    if rest_end is None and (len(head.text.split()) < LONG_HEAD or head.type == "other"):
        return None  # "Chi hội Tin Lành" alone: a kind of congregation, no body
    rest_end = end if rest_end is None else rest_end
    name = compose(head.text, text[end:rest_end])
    loc, stop = _proper_place(text, end, rest_end, ctx, head.level, head.type)
    return Parsed(head, start, stop, rest_end, Organization(name, head.type, ctx.sentence, loc))


def _proper_place(text: str, end: int, rest_end: int, ctx: Context, level: str = "",
                  head_type: str = "") -> tuple[Locality | None, int]:
    """A place in brackets right after the name, else one the name ends with, else one stated
    right after it ("ở ấp B"), else (a pagoda,
    a parish: a head with a level) the place of that level the paragraph is about, else the
    article's province."""
    m = re.match(r"[ \t]*\(", text[rest_end:])
    if m:
        place = place_at(text, rest_end + m.end(), ctx.resolver, ctx.sentence)
        close = text.find(")", rest_end)
        if place is not None and place.loc is not None and close > 0:
            return place.loc, close + 1
    words = text[end:rest_end].split()
    for i in range(len(words)):
        for loc in ctx.resolver.by_name.get(fold(" ".join(words[i:])), []):
            return loc, rest_end
    # "chùa A ở ấp B, xã C", "Nhà thờ X tại thị trấn Y"; not a firm: "công nhân Công ty A ở ấp B"
    # is where the worker lives, "Tập đoàn Viettel tại huyện X" its branch. After a comma, with its
    # level word: "giáo xứ A, xã B, huyện C", "Trường THCS A, thành phố B"; not one of a list of
    # places ("chùa A, xã B, xã C"), nor a commune after a school ("bảo vệ Trường THCS A, xã B"
    # is where the guard lives)
    stated = _STATED.match(text, rest_end) if head_type != "business" else None
    comma = _COMMA.match(text, rest_end) if head_type != "business" and not stated else None
    for at, worded in ((stated, False), (comma, True)):
        place = place_at(text, at.end(), ctx.resolver, ctx.sentence) if at else None
        if place is None or place.loc is None or place.level:
            continue
        if worded and (fold(text[at.end():at.end() + len(place.word)]) != fold(place.word)
                       or _listed_place(text, place, ctx) or (not level and place.loc.level in ("xã", "thôn"))):
            continue  # a commune after a school's name may be a pupil's or a guard's home
        return place.loc, rest_end
    # "Đồn Biên phòng Xín Cái", "Giáo xứ Thanh Châu": a post or parish named after a commune of
    # the article's district or province (not a firm or school: "Trường THCS Lê Lợi" is the man's)
    province = ctx.resolver.main_at("tỉnh")
    for i in range(len(words) if head_type in ("military", "other") and province else 0):
        loc = ctx.resolver.named(" ".join(words[i:]), "xã", ctx.sentence) if len(words) - i >= 2 else None
        if loc is not None and loc.code and loc.key[:1] == province.key:
            return loc, rest_end
    framed = ctx.resolver.framed_any(level, ctx.sentence, end) if level else None
    return framed or ctx.resolver.main_at("tỉnh"), rest_end


def _listed_place(text: str, place, ctx: Context) -> bool:
    """Is the place followed by another of its level ("xã B, xã C", "xã B và thị trấn C")?"""
    joined = re.match(r"[ \t]*(?:,|và)[ \t]*", text[place.end:])
    if not joined:
        return False
    after = place_at(text, place.end + joined.end(), ctx.resolver, ctx.sentence)
    return after is not None and after.loc is not None and after.loc.level == place.loc.level


_STATED = re.compile(r"[ \t]+(?:ở|tại|đóng trên địa bàn)[ \t]+")
_COMMA = re.compile(r"[ \t]*,[ \t]*")
LONG_HEAD = 4  # words: a head this long is a name in itself ("Ngân hàng Nông nghiệp và Phát triển nông thôn")

_MODES = {"none": _national, "req": _placed, "opt": _placed, "ctx": _placed,
          "party": _party_board, "board": _party_board, "sub": _sub_unit, "unit": _sub_unit, "name": _proper}


# -- a sentence ---------------------------------------------------------------

@lru_cache(maxsize=1)
def _not_names_re() -> re.Pattern:
    words = read_words("org_not_names.tsv")
    return re.compile(rf"{lead(words)}(?<!\w)(?:{ialternation(words)})(?!\w)", re.IGNORECASE)


def _skipped_spans(text: str) -> list[tuple[int, int]]:
    """Quoted titles (program names) and phrases such as "Thủ tướng Chính phủ": no organisation there."""
    spans = [m.span() for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]
    return spans + [m.span() for m in _not_names_re().finditer(text)]


def parse_all(text: str, ctx: Context, names: tuple[str, ...] = (), parsed: list[Parsed] | None = None) -> list[Parsed]:
    """Every organisation named in an (expanded) sentence, coordinated heads resolved; one
    wholly inside one of `names` (a model's name: "Hội CCB tham gia xóa nghiện ma túy") is none.
    `parsed`: the sentence read before, when that reading holds for `ctx` too."""
    inside = [(i, i + len(n)) for n in names for i in _find_all(text, n)]
    found = _parse_all(text, ctx) if parsed is None else parsed
    return [p for p in found if not any(a <= p.start and p.core_end <= b for a, b in inside)]


def _find_all(text: str, sub: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(sub), text)] if sub else []


def _parse_all(text: str, ctx: Context) -> list[Parsed]:
    skipped = _skipped_spans(text)
    out: list[Parsed] = []
    pos = 0
    while m := head_re().search(text, pos):
        head = heads()[fold(m.group(1))]
        if (any(a <= m.start() < b for a, b in skipped) or (m.group(1)[0].islower() and not _lower_ok(text, m, head))
                or _counted_team(text, m, head) or _is_post(text, m)):
            pos = m.end()
            continue
        found = parse_at(text, m.start(), ctx)
        out += [found] if found else []
        pos = found.end if found else m.end()
    coordinate(text, out, ctx)
    return [p for p in out if p.org is not None]


def _lower_ok(text: str, m: re.Match, head: Head) -> bool:
    """A head printed in lower case names a body only where a place must follow ("công an xã A"),
    or a place-bound proper name does ("Trụ trì chùa Chrôi Tưm Sa Mon")."""
    if head.mode == "req":
        return True
    if count_before_re().search(text, 0, m.start()):
        return False  # "3 chùa Phật giáo Nam tông Khmer": pagodas counted, none named
    if head.mode == "sub" and head.type == "other":  # "tổ bảo vệ an ninh, trật tự ấp Tân Long"
        return _named_place_re().match(text, m.end(1)) is not None
    return head.mode == "name" and bool(head.level) and re.match(r"[ \t]+[A-ZÀ-Ỹ]", text[m.end(1):m.end(1) + 2]) is not None


def _counted_team(text: str, m: re.Match, head: Head) -> bool:
    """"các Tổ liên gia an toàn PCCC": teams counted, capitals or not, name none."""
    return head.mode == "sub" and head.type == "other" and count_before_re().search(text, 0, m.start()) is not None


@lru_cache(maxsize=1)
def _named_place_re() -> re.Pattern:
    """A level word and a capitalised name right after a team's head: the team of that place."""
    return re.compile(rf"[ \t]+(?i:{alternation(level_words())})[ \t]+[A-ZÀ-ỸĐ0-9]")


@lru_cache(maxsize=1)
def _post_re() -> re.Pattern:
    return re.compile(rf"(?:{ialternation(read_words('posts.tsv'))})(?!\w)", re.IGNORECASE)


def _is_post(text: str, m: re.Match) -> bool:
    """"Cục trưởng", "Đội trưởng": a post title, not the head "Cục" or "Đội"."""
    post = _post_re().match(text, m.start())
    return post is not None and post.end() > m.end()


_JOIN = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+|cùng\s+)")
_LISTED = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")  # a list, not "A cùng B" (A does it with B)


def coordinate(text: str, parsed: list[Parsed], ctx: Context) -> None:
    """"Đảng ủy, HĐND, UBND xã Đông Thọ": bare heads take the place of the next organisation.
    "Ủy ban MTTQ huyện, Hội Nông dân, Hội CCB, Huyện đoàn X": a mass body named alone among
    bodies of the article's district is that district's, and is named so."""
    for i in range(len(parsed) - 2, -1, -1):
        p, q = parsed[i], parsed[i + 1]
        if p.org is None and q.org is not None and _JOIN.fullmatch(text, p.end, q.start):
            p.org = shared(p.head, q, ctx)
            if p.org is not None and q.spread:  # "Đảng ủy, HĐND, UBND các xã A, B": each for each
                p.spread = q.spread
                p.also = [o for place in q.spread if (o := shared(p.head, replace(q, place=place), ctx))]
    donors: dict[int, Parsed] = {}
    for i in range(len(parsed) - 2, -1, -1):
        _name_in_list(text, parsed[i], parsed[i + 1], ctx, donors)
    for i in range(1, len(parsed)):
        _name_in_list(text, parsed[i], parsed[i - 1], ctx, {})


def _name_in_list(text: str, p: Parsed, q: Parsed, ctx: Context, donors: dict[int, Parsed]) -> None:
    """p, a ctx head alone, listed right before q: "Hội Nông dân, Hội CCB và Đoàn Thanh niên xã
    Tân Dân" share the place (or the level word) written after the list; `donors` remembers
    whose place an item took, for the item before it. Listed either side of a body of its own
    place, it takes that place in its name ("Ủy ban MTTQ huyện, Hội Nông dân, Huyện đoàn X")."""
    if p.head.mode != "ctx" or p.org is None or q.org is None or fold(p.org.name) != fold(p.head.text):
        return
    if fold(q.org.name) == fold(q.head.text):
        return
    a, b = (p, q) if p.start < q.start else (q, p)
    if not _JOIN.fullmatch(text, a.end, b.start):
        return
    loc, donor = q.org.locality, donors.get(id(q), q)
    if (p is a and q.head.type == p.head.type and p.head.type in ("mass", "front") and _LISTED.fullmatch(text, a.end, b.start)
            and donor.place is not None and donor.place.loc is not None and (donor.place.name or donor.place.level)):
        p.org = shared(p.head, donor, ctx) or p.org  # the place written after a list of like bodies
        donors[id(p)] = donor
    elif loc is not None and p.org.locality is not None and loc.key == p.org.locality.key:
        p.org.name = compose(p.head.text, type_word(loc), loc.name)


@lru_cache(maxsize=1)
def _commune_forces() -> frozenset[str]:
    return frozenset(fold(w) for w in read_words("commune_forces.tsv"))


def shared(head: Head, partner: Parsed, ctx: Context) -> Organization | None:
    """The organisation a bare head names when it shares `partner`'s place (or unit, for a Party committee)."""
    other = partner.org
    if head.mode in ("party", "board"):
        # "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy X": of the committee of the next body
        committee = other.parent if other.parent is not None and other.parent.type == other.type else other
        types = ("party", "front", "mass") if head.mode == "board" else ("party",)
        if committee.type not in types or fold(committee.name).startswith(fold(head.text)):
            return None
        return Organization(compose(head.text, committee.name), committee.type, ctx.sentence, committee.locality, committee)
    # a commune's police or military command has a Party cell, not a committee: "Phó Bí thư
    # Đảng ủy, Trưởng Công an xã X" is of the commune's Party committee (not a border post's,
    # a prison's, nor "Bí thư Chi bộ, Trưởng Công an xã X", the police's own cell)
    communes = (other.locality is not None and other.locality.level in ("xã", "thôn")
                and fold(head.text) == "đảng ủy" and fold(partner.head.text) in _commune_forces())
    if head.type == "party" and other.type in ("police", "military") and not communes:
        while other.parent is not None:
            other = other.parent
        return Organization(compose(head.text, other.name), head.type, ctx.sentence, other.locality)
    loc = partner.place.loc if partner.place else other.locality
    if loc is None or (head.level == "thôn" and loc.level != "thôn"):
        return None  # "Ban điều hành cùng Công an phường": a hamlet's board is no ward's
    word = "" if names_its_level(head) else (partner.place.word if partner.place else type_word(loc))
    return Organization(compose(head.text, word, loc.name), head.type, ctx.sentence, loc)


def extract_organizations(sentences: list[Sentence], localities: list[Locality], main: dict[str, Locality],
                          programs: list[Program] = (), paragraphs: list[int] = ()) -> list[Organization]:
    """The organisations each sentence names; `programs` are names no organisation is read in."""
    resolver = Resolver(localities, main, paragraphs)
    read: dict[int, tuple[list[Parsed], bool]] = {}
    police = article_police(sentences, resolver, read)
    parsed = [p for s in sentences
              for p in parse_all(expand(s.text), Context(resolver, s, police), _names_in(s, programs), _reusable(read, s, police))]
    use_full_names(parsed)
    for p in parsed:
        p.org.at = p.start
    return [org for p in parsed for org in (p.org, *p.also)]


def _names_in(sentence: Sentence, programs) -> tuple[str, ...]:
    return tuple(expand(p.name) for p in programs if p.sentence.start == sentence.start)


def _reusable(read: dict, s: Sentence, police: Organization | None) -> list[Parsed] | None:
    """A sentence's reading with no police, if it holds with `police`: the same police, or never asked."""
    found, asked = read.get(s.start, (None, True))
    return found if police is None or not asked else None


def article_police(sentences: list[Sentence], resolver: Resolver, read: dict | None = None) -> Organization | None:
    """The police unit the article is about: the first one with a place, not a team of another.
    `read` gets, by sentence start, each sentence's reading and whether it asked for the
    article's police (_reusable): the article is read again once its police is known."""
    for s in sentences:
        ctx = Context(resolver, s)
        found = _parse_all(expand(s.text), ctx)
        if read is not None:
            read[s.start] = (found, ctx.asked_police)
        for p in found:
            if p.org.type == "police" and p.org.parent is None and p.org.locality is not None:
                return copy(p.org)  # a parent of its own: renaming the reading reused later leaves it be
    return None

