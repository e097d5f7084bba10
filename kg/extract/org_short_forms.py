"""Short forms of a body the article also names in full: one body, under its full name.

"MTTQ huyện" after "Ủy ban MTTQ huyện Bình Lục" (a head's alias, organizations.tsv), and
"BCĐ huyện" after "Ban Chỉ đạo phòng, chống tội phạm ... huyện Gio Linh" (a head and its
place alone, when the article names one longer body of that head and place), "Hội Cựu chiến
binh" alone beside "Hội Cựu chiến binh huyện Gia Lộc".
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.data import read_words
from kg.extract.org_places import level_words
from kg.text import fold

if TYPE_CHECKING:
    from kg.extract.organizations import Parsed


def use_full_names(parsed: list[Parsed]) -> None:
    """Rename each short form in place: the renamed body is the same object wherever it is used."""
    _use_aliases(parsed)
    _use_long_names(parsed)
    _use_placed_names(parsed)
    _use_the_one_placed(parsed)


def _use_aliases(parsed: list[Parsed]) -> None:
    names = {fold(p.org.name) for p in parsed}
    for p in parsed:
        if p.org.name.startswith(p.head.text):
            _rename(p.org, p.head, names)


def _rename(org, head, names: set[str]) -> None:
    """The short form's name under the head's alias, where the article names the body so."""
    full = head.alias + org.name[len(head.text):] if head.alias else None
    if full is not None and fold(full) in names:
        org.name = full


def _use_long_names(parsed: list[Parsed]) -> None:
    for p in parsed:
        place = _place_part(p)
        if place is None:
            continue
        longer = {q.org.name for q in parsed if _longer(q, p, place)}
        if len(longer) == 1:
            p.org.name = longer.pop()


def _use_placed_names(parsed: list[Parsed]) -> None:
    """"Hội Cựu chiến binh" written alone, in an article that names "Hội Cựu chiến binh huyện
    Gia Lộc": the one body of that head at the place the bare name was given."""
    for p in parsed:
        if p.head.mode != "ctx" or fold(p.org.name) != fold(p.head.text) or p.org.locality is None:
            continue
        placed = {q.org.name for q in parsed
                  if q is not p and q.head is p.head and q.org.locality is not None
                  and q.org.locality.key == p.org.locality.key and q.org.locality.level == p.org.locality.level
                  and fold(q.org.name).startswith(fold(p.head.text) + " ")}
        if len(placed) == 1:
            p.org.name = placed.pop()


def _use_the_one_placed(parsed: list[Parsed]) -> None:
    """"Công an xã phối hợp với Ủy ban MTTQ" in an article that names one such committee with its
    place ("Ủy ban MTTQ Việt Nam xã Quỳnh Thuận"): that one, not the article's district's, which
    a head written alone is taken for when the article names none."""
    for p in parsed:
        if p.head.mode != "opt" or p.place is not None or fold(p.org.name) == fold(p.head.text):
            continue
        root = _root(p.head)
        placed = {fold(q.org.name): q.org for q in parsed
                  if q.place is not None and q.org.locality is not None and q.head.mode == "opt" and _root(q.head) == root}
        if len(placed) == 1:
            one = next(iter(placed.values()))
            p.org.name, p.org.locality = one.name, one.locality


def _root(head) -> str:
    """The fullest head a short one stands for ("Mặt trận Tổ quốc" -> "Ủy ban Mặt trận Tổ quốc Việt Nam")."""
    from kg.extract.organizations import heads

    seen = head
    while seen.alias and fold(seen.alias) in heads() and heads()[fold(seen.alias)] is not seen:
        seen = heads()[fold(seen.alias)]
    return seen.alias or seen.text


def _place_part(p: Parsed) -> str | None:
    """' huyện gio linh' when the name is its head and its place alone ("Ban Chỉ đạo huyện Gio
    Linh"), folded; else None."""
    name, head, loc = fold(p.org.name), fold(p.head.text), p.org.locality
    if loc is None or not name.startswith(head + " "):
        return None
    rest, place = name[len(head):], fold(loc.name)
    word = rest[:len(rest) - len(place)].strip() if rest.endswith(" " + place) else None
    return rest if word is not None and (word == "" or word in level_words()) else None


def _longer(q: Parsed, p: Parsed, place: str) -> bool:
    """Is q the body p names, written with a tail between head and place: a lower-case phrase or
    a number ("Ban Chỉ đạo 138 huyện Gio Linh"), not another organisation ("Đảng ủy Công an xã")?"""
    if q is p or q.also or q.org.type != p.org.type or fold(q.head.text) != fold(p.head.text):
        return False
    name = fold(q.org.name)
    if not name.endswith(place) or len(name) <= len(fold(p.org.name)):
        return False
    tail = q.org.name[len(q.head.text):].lstrip()
    return bool(tail) and (tail[0].islower() or tail[0].isdigit())


def name_as_the_article(orgs: list, named: list) -> None:
    """The bodies of officers' posts (`orgs`) under the full name the article gives them
    elsewhere (`named`): "Chủ tịch Ủy ban MTTQ huyện A" after "Ủy ban MTTQ Việt Nam huyện A"."""
    if not orgs:
        return
    names = {fold(o.name) for o in named}
    for org in orgs:
        head = next((h for h in _aliased_heads() if org.name.startswith(h.text + " ")), None)
        if head is not None:
            _rename(org, head, names)


@lru_cache(maxsize=1)
def _aliased_heads() -> tuple:
    """Heads with an alias, longest first."""
    from kg.extract.organizations import heads

    return tuple(sorted((h for h in heads().values() if h.alias), key=lambda h: -len(h.text)))


def the_named_committee(org, named: list, beside: list):
    """A post's committee printed by its head alone ("Phó Chủ tịch UBND tỉnh, Phó Trưởng Ban Chỉ
    đạo"): the one committee of that head the article names in full, where the holder's other
    posts in the sentence (`beside`, their bodies) are at its place; else no body. A committee
    named elsewhere in the article may be another level's ("Ban Chỉ đạo 138 tỉnh" beside a
    commune's chairman) or another kind ("Hội đồng xét xử" beside "Chủ tịch Hội đồng quản trị")."""
    if org.type != "committee" or org.locality is not None or org.parent is not None:
        return org
    from kg.extract.organizations import heads

    head = heads().get(fold(org.name))
    if head is None or head.text != org.name:
        return org
    committee = _the_one_named(head.text, [o for o in named if o.type == "committee"])
    if committee is None:
        return None
    here = committee.locality
    return committee if here is not None and any(b.locality is not None and b.locality.key == here.key for b in beside) else None


# pagodas, parishes, border posts: their names rarely repeat in one article for two bodies, as
# "Trường Tiểu học Kim Đồng" may (and a school's "thành phố Hà Tĩnh" is read as the province)
_NAMED_TYPES = ("other", "military")


def one_place_per_name(orgs: list) -> None:
    """"Giáo xứ Tân Khẩn, xã Kim Chính ..." then "Giáo xứ Tân Khẩn có 3 giáo họ": a pagoda, parish
    or post given its commune once and only the article's province elsewhere is one body, in the
    commune. Two places neither of which holds the other stay two bodies."""
    groups: dict[tuple[str, str], list] = {}
    for org in orgs:
        if org.type in _NAMED_TYPES and org.locality is not None:
            groups.setdefault((fold(org.name), org.type), []).append(org)
    for group in groups.values():
        deepest = max((o.locality for o in group), key=_depth)
        if all(_holds(o.locality, deepest) for o in group):
            for o in group:
                o.locality = deepest


def _depth(loc) -> int:
    n = 0
    while loc.parent is not None:
        n, loc = n + 1, loc.parent
    return n


def _holds(outer, inner) -> bool:
    """Is `outer` the place `inner` or one of its ancestors?"""
    while inner is not None:
        if inner.key == outer.key and inner.level == outer.level:
            return True
        inner = inner.parent
    return False


_THE_SCHOOL = re.compile(r"(?i:hiệu trưởng)[ \t]+nhà trường(?!\w)")


def the_school(officer, named: list):
    """"Thầy A, Hiệu trưởng nhà trường": the one school the article names; else no body."""
    if officer.organization is not None or not officer.post or fold(officer.post) not in ("hiệu trưởng", "phó hiệu trưởng"):
        return officer.organization
    if not _THE_SCHOOL.search(officer.sentence.text):
        return None
    higher = tuple(fold(w) + " " for w in read_words("higher_schools.tsv"))
    schools = {fold(o.name): o for o in named if o.type == "school" and fold(o.name) != fold("Trường")}
    if any(name.startswith(higher) for name in schools):
        return None  # a university's or college's visit: "nhà trường" may be a school it does not name
    return next(iter(schools.values())) if len(schools) == 1 else None


def the_named_unit(org, named: list):
    """A team of a unit printed by a short word ("Đội Vận động quần chúng của đồn",
    organizations._sub_unit): of the one unit of that head the article names in full, renamed
    after it; else no body."""
    if org is not None and org.unnamed:  # "Chính trị viên Đồn": the unit itself
        units = [o for o in named if not o.unnamed and o.parent is None]
        short = fold(org.name).split()[0] + " "
        if any(fold(o.name).startswith(short) and not fold(o.name).startswith(fold(org.name) + " ") for o in units):
            return None  # "Đồn Công an Ia Mơ" named too: which "Đồn" is not said
        return _the_one_named(org.name, units)
    parent = getattr(org, "parent", None)
    if parent is None or not parent.unnamed:
        return org
    unit = _the_one_named(parent.name, [o for o in named if o is not org and o.parent is None])
    if unit is None:
        return None
    org.name, org.parent, org.locality = f"{org.name} {unit.name}", unit, unit.locality
    return org


def _the_one_named(head: str, named: list):
    """The one body of `named` whose full name starts with `head`; None if none or several."""
    full = {o.name: o for o in named if fold(o.name).startswith(fold(head) + " ")}
    return next(iter(full.values())) if len(full) == 1 else None
