"""The words after an organisation's head word: a team's lower-case tail, what it belongs to,
a business's proper name.

"Đội Cảnh sát hình sự, kinh tế, ma túy | Công an huyện Như Xuân"
"Ban Chỉ đạo phòng, chống tội phạm ... an ninh Tổ quốc | thành phố Hà Nội"
"Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc, | Bộ Công an"
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.data import read_words
from kg.extract.org_places import Place, level_words, person_like, place_at, village_branches
from kg.extract.patterns import CAP, alternation, ialternation, lead
from kg.text import canonical_tones, fold, old_style_tones

MAX_TAIL = 30        # words; a longer run is prose, not a name
MAX_BARE_TAIL = 6    # words of a team's tail when nothing (parent, place) closes it
_MAX_LOWER = 3       # lower-case words in a row inside a proper name ("Cửa khẩu quốc tế Móng Cái")
CENTRAL = "Trung ương"

_WORD = re.compile(r"(?P<sep>[ \t]*,[ \t]*|[ \t]+)(?P<word>[^\s,.;:!?()\[\]“”\"‘’]+)")
_DETACHED = re.compile(r"[ \t]*(,|\()[ \t]*")
_AT = re.compile(r"[ \t]+tại[ \t]+")
_RUN = re.compile(rf"{CAP}(?:[ \t]+{CAP})*")


@dataclass(frozen=True)
class Anchor:
    kind: str                   # org | place | central
    what: object                # Parsed | Place | str
    core_end: int               # end of the name as printed
    stop: int                   # end of all consumed
    suffix: str = ""            # "tại Đà Nẵng" after a central body's office
    suffix_place: Place | None = None


def both_tones(words) -> set[str]:
    """Each word in both tone placements ("Tòa án", "Toà án"): news prints either."""
    return {w for word in words for w in (word, canonical_tones(word), old_style_tones(word))}


def _orgs():
    """kg.extract.organizations, which uses this module (imported late: a cycle)."""
    from kg.extract import organizations
    return organizations


@lru_cache(maxsize=1)
def head_re() -> re.Pattern:
    texts = both_tones(h.text for h in _orgs().heads().values())
    return re.compile(rf"{lead(texts)}(?<![\w])({ialternation(texts)})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _stop_re() -> re.Pattern:
    return re.compile(rf"(?:{ialternation(read_words('org_tail_stops.tsv'))})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _giving_re() -> re.Pattern:
    """What a firm does ("tài trợ", "trao"): its proper name ends there, before the count that follows."""
    return re.compile(rf"(?:{ialternation(read_words('org_name_stops.tsv'))})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _connector_re() -> re.Pattern:
    return re.compile(rf"(?:{ialternation(read_words('org_name_words.tsv'))})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _phrase_re() -> re.Pattern:
    return re.compile(rf"(?:{alternation(read_words('org_name_phrases.tsv'))})(?!\w)")


def _starts_head(text: str, at: int) -> bool:
    return at < len(text) and text[at].isupper() and head_re().match(text, at) is not None


def tail(text: str, pos: int, ctx) -> tuple[int, int]:
    """(end, safe end) of a team's tail; the safe end stops before a "và" (or dash) that may join two bodies."""
    end, safe, n = pos, None, 0
    while n < MAX_TAIL and (m := _WORD.match(text, end)):
        word, at = m.group("word"), m.start("word")
        if "," in m.group("sep") and not word[0].islower():
            break
        if fold(word) in ("và", "-", "–"):  # "hình sự và hỗ trợ tư pháp", "giao thông - trật tự"
            nxt = _WORD.match(text, m.end())
            # after a dash the next part may be capitalised ("giao thông - Trật tự"), unless it
            # starts another body or place ("- Công an huyện")
            capital_ok = (fold(word) != "và" and nxt is not None and not _ends_tail(text, nxt.start("word"), ctx)
                          and not _person_next(text, nxt.start("word")))
            if nxt is None or "," in nxt.group("sep") or not (nxt.group("word")[0].islower() or capital_ok):
                break
            safe = end if safe is None else safe
        elif _ends_tail(text, at, ctx):
            break
        end, n = m.end(), n + 1
    return end, end if safe is None else safe


def _person_next(text: str, at: int) -> bool:
    """A rank, an honorific or a post at `at` ("- Thượng úy Hồ Văn Lâm chỉ huy"): a person follows."""
    from kg.extract.officers import titled_at

    return titled_at(text, at)


def _ends_tail(text: str, at: int, ctx) -> bool:
    """A stop word, another organisation, a place or a person's name ends a tail."""
    if _stop_re().match(text, at) or _starts_head(text, at) or text.startswith(CENTRAL, at):
        return True
    run = _RUN.match(text, at)
    if run and person_like(run.group(0)):
        return True
    place = place_at(text, at, ctx.resolver, ctx.sentence)
    if place is None:
        return False
    return _closes(text, at) if place.level else True


@lru_cache(maxsize=1)
def _compound_re() -> re.Pattern:
    return re.compile(rf"(?:{ialternation(read_words('org_level_compounds.tsv'))})(?!\w)", re.IGNORECASE)


def _closes(text: str, at: int) -> bool:
    """A level word alone closes a name ("Ban Chỉ đạo 138 huyện"), unless it starts a word ("xã hội")."""
    return _compound_re().match(text, at) is None


def anchor_at(text: str, cut: int, head, ctx) -> Anchor | None:
    """What closes a team's name at `cut`: its parent unit, a place, or "Trung ương"."""
    m = _DETACHED.match(text, cut)
    if m and head.type != "committee" and _starts_head(text, m.end()):
        inner = _orgs().parse_at(text, m.end(), ctx)
        # "Chi hội Phụ nữ, Chi đoàn thanh niên buôn": two branches listed, neither the other's parent
        siblings = inner is not None and head.type == "mass" and head.mode == inner.head.mode == "sub"
        if inner is not None and inner.org is not None and (head.mode == "unit" or head.type == inner.org.type) and not siblings:
            stop = inner.end
            if m.group(1) == "(":
                close = re.match(r"[ \t]*\)", text[stop:])
                stop += close.end() if close else 0
            return Anchor("org", inner, cut, stop)
    at = cut + (len(text[cut:]) - len(text[cut:].lstrip(" \t")))
    if _starts_head(text, at):
        inner = _orgs().parse_at(text, at, ctx)
        if inner is not None and inner.org is not None:
            return _with_office_place(text, inner, ctx)
        return None
    if text.startswith(CENTRAL, at):
        return Anchor("central", CENTRAL, at + len(CENTRAL), at + len(CENTRAL))
    place = place_at(text, cut, ctx.resolver, ctx.sentence, fold(head.text) in village_branches())
    if place is not None and (place.name or place.level == "tỉnh"):
        return Anchor("place", place, place.end, place.end)
    if m and m.group(1) == ",":  # "tổ nhân dân tự quản số 12, ấp Hòa Long": a team of the village after the comma
        place = place_at(text, m.end(), ctx.resolver, ctx.sentence)
        if place is not None and place.name and level_words().get(fold(place.word), ("",))[0] == "thôn":
            return Anchor("place", place, place.end, place.end)
    return None


def _with_office_place(text: str, inner, ctx) -> Anchor:
    """"Cơ quan Thường trực Ban Tuyên giáo Trung ương tại Đà Nẵng": a central body's office somewhere."""
    m = _AT.match(text, inner.core_end)
    if inner.org.locality is None and m:
        place = place_at(text, m.end(), ctx.resolver, ctx.sentence)
        if place is not None and place.loc is not None:
            suffix = "tại " + text[m.end():place.end].strip()
            return Anchor("org", inner, place.end, max(place.end, inner.end), suffix, place)
    return Anchor("org", inner, inner.core_end, inner.end)


def name_words(text: str, pos: int, ctx, people: bool = True) -> int | None:
    """End of a proper name after a head ("Xăng dầu Tiền Giang", "cổ phần Cảng Mỹ Tho"), None if none.
    `people`: the name may end in a person's ("Trường THPT chuyên Lê Quý Đôn"); else a person's
    name after lower-case words is someone else ("Đồn Biên phòng X bắt quả tang Nguyễn Văn H")."""
    end, good, lower = pos, None, 0
    while m := _WORD.match(text, end):
        word, at = m.group("word"), m.start("word")
        if "," in m.group("sep") or word in ("-", "–"):
            break
        phrase = _phrase_re().match(text, at) if not lower else None  # never after a verb: "... cảm ơn Công an nhân dân"
        if phrase:
            end = good = phrase.end()
            lower = 0
            continue
        conn = _connector_re().match(text, at)
        if conn:
            end = conn.end()
            continue
        # a one-word stop only in lower case: "Trường THCS Nguyễn Văn Kiêm" is no "... kiêm Trưởng ấp",
        # but "Năm học 2023" ends "Trường THCS Phước Hưng"
        stop = _stop_re().match(text, at) or _giving_re().match(text, at)
        lower_stop = stop and (word[0].islower() or " " in stop.group(0).strip())
        if fold(word) == "và" or lower_stop or _starts_head(text, at):
            break
        if word[0].isupper() or word[0].isdigit():
            run = _RUN.match(text, at) if lower and not people else None
            if run and person_like(run.group(0)):
                break
            end, good, lower = m.end(), m.end(), 0
            continue
        lower += 1
        if lower > _MAX_LOWER:
            break
        end = m.end()
    return good
