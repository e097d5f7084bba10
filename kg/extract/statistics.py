"""Figures: "70 hội nghị", "6.217 lượt người", "92,6%", "1,130 tỷ đồng", "13/13 khu dân cư".

Vietnamese writes thousands with dots and decimals with a comma; small counts are often
words ("Hai tổ liên gia", "ba buổi"). Dates, years, durations, ages, times and numbers
inside names ("Ban Chỉ đạo 138", "tổ 14 và 16", “5 giúp 1”) are not statistics.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from kg import gazetteer
from kg.data import read_rows
from kg.extract.model import Sentence, Statistic
from kg.extract.org_places import level_words
from kg.extract.places import village_number
from kg.extract.patterns import CAP, alternation, ialternation, lead
from kg.text import fold

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_OPEN_QUOTES = "“\"‘'«"
# a long number between two upper-case codes is an identifier (a boat's "CM 95123 TS")
_IDENTIFIER = re.compile(r"(?<!\w)[A-ZĐ]{1,4}[ \t]+$")
_CODE_AFTER = re.compile(r"[ \t]+[A-ZĐ]{1,4}(?!\w)")
_MAX_UNIT_WORDS = 8
_SPILL = 2


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for kind, word, *rest in read_rows("stat_words.tsv"):
        out.setdefault(kind, {})[fold(word)] = rest[0] if rest else ""
    return out


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    w = _words()
    # a list of numbers after a name word stays in the name: "tổ 14 và 16", "số 09, 10"
    listed = r"(?:\d+\s*(?:,|và|-)\s*)*"
    glued = alternation(w["glued"])
    return {
        "number": re.compile(
            rf"(?=\d)(?<![\w.,/+-])(?P<a>{NUMBER})(?:/(?P<b>{NUMBER}))?(?=(?:{glued})(?!\w)|(?![\w/]|[.,]\d))"
        ),
        "word_number": re.compile(rf"{lead(w['number_word'])}(?<!\w)(?P<a>(?i:{ialternation(w['number_word'])}))(?=[ \t]+\w)"),
        "multiplier": re.compile(rf"\s*(?P<m>{ialternation(w['multiplier'])})(?!\w)", re.I),
        "percent": re.compile(r"\s*%"),
        "not_unit": re.compile(rf"\s*(?:{ialternation(w['not_unit'])})(?!\w)", re.I),
        "not_before": re.compile(rf"(?:^|\W)(?:{ialternation(w['not_before'])})\)?\s*{listed}$", re.I),
        "glued": re.compile(rf"(?:{glued})(?!\w)"),
        "anaphor": re.compile(rf"(?<!\w)(?:{ialternation(w['anaphor'])})(?!\w)", re.I),
        "count_before": re.compile(rf"(?:^|\W)(?:{ialternation(w['count_before'])})\s*$", re.I),
        "unit_word": re.compile(r"\s*([^\W\d_][\w]*(?:-[\w]+)?)"),
        "spelled_not": re.compile(rf"[ \t]+(?:{ialternation(w['spelled_not'])})(?!\w)", re.I),
        "spelled_after": re.compile(rf"(?<!\w)(?:{ialternation(w['spelled_after'])})[ \t]+$", re.I),
        "village_name": re.compile(
            rf"(?<!\w)(?i:{ialternation(sorted(k for k, (lvl, _c) in level_words().items() if lvl == 'thôn'))})"
            rf"(?:[ \t]+{CAP}){{1,4}}[ \t]+$"),
        "ordinal": re.compile(rf"(?<!\w)(?:{ialternation(w['ordinal'])})[ \t]+$", re.I),
        "quoted_head": re.compile(rf"[ \t]*(?:{ialternation(w['quoted_head'])})(?!\w)", re.I),
        "range_from": re.compile(rf"(?<!\w)(?:{ialternation(w['range_from'])})[ \t]+$", re.I),
        "range_to": re.compile(rf"[ \t]+(?:{ialternation(w['range_to'])})[ \t]+(?=\d)", re.I),
        "threshold": re.compile(rf"(?:[ \t]+[^\W\d_]\w*){{0,3}}?[ \t]+(?:{ialternation(w['threshold'])})(?!\w)", re.I),
        "unit_before": re.compile(rf"(?<!\w)(?:{ialternation(w['unit_before'])})\s+", re.I),
    }


def parse_number(text: str) -> Decimal:
    """'6.217' -> 6217, '92,6' -> 92.6, '1,130' -> 1.130."""
    return Decimal(text.replace(".", "").replace(",", "."))


def _plain(value: Decimal) -> Decimal:
    """6.217E+3 -> 6217, 92.60 -> 92.6: the value as it is written out."""
    return Decimal(int(value)) if value == value.to_integral() else value.normalize()


@lru_cache(maxsize=1)
def _stop_re() -> re.Pattern:
    return re.compile(rf"\s*(?:{ialternation(_words()['unit_stop'])})(?!\w)", re.I)


def _unit_words(text: str, pos: int, limit: int) -> tuple[list[str], int]:
    """Words of the counted thing from pos, up to a stop word ("với", "tại", "thu hút" ...)."""
    words: list[str] = []
    end = pos
    while len(words) < limit and not _stops(text, end, words):
        m = _patterns()["unit_word"].match(text, end)
        if not m:
            break
        words.append(m.group(1))
        end = m.end()
    return words, end


@lru_cache(maxsize=1)
def _verb_re() -> re.Pattern:
    return re.compile(rf"\s*(?:{ialternation(_words()['unit_verb'])})(?!\w)", re.I)


def _stops(text: str, pos: int, words: list[str]) -> bool:
    """A stop word at pos ends the counted thing, unless it ends a word with the one before ("lý do", "tự do")."""
    m = _stop_re().match(text, pos)
    if m is None:
        return bool(words) and fold(words[0]) not in _words()["verb_head"] and _verb_re().match(text, pos) is not None
    return not (words and fold(f"{words[-1]} {m.group(0)}") in _words().get("unit_compound", {}))


def _unit(text: str, pos: int) -> tuple[str, int]:
    """The counted thing printed at pos; a list of short items is one ("huyện, thị xã, thành phố")."""
    words, end = _unit_words(text, pos, _MAX_UNIT_WORDS)
    if len(words) == _MAX_UNIT_WORDS:
        words, end = _finished(text, words, end)
    unit = " ".join(words)
    while words and (comma := re.match(r",[ \t]*", text[end:])):
        more, more_end = _unit_words(text, end + comma.end(), 3)
        if fold(unit.split(", ")[-1]) in _level_words():  # "13 xã, thị trấn rà soát": levels listed
            n = next((n for n in range(len(more), 0, -1) if fold(" ".join(more[:n])) in _level_words()), 0)
            listed, listed_end = _unit_words(text, end + comma.end(), n) if n else ([], 0)
            if listed and not re.match(r"[ \t]+[A-ZĐÀ-Ỹ0-9]", text[listed_end:]):
                unit, end = f"{unit}, {' '.join(listed)}", listed_end
                continue
        if _verb_next(text, end + comma.end()) or not _list_item(more, text, more_end, single=" " not in unit):
            break
        unit, end = f"{unit}, {' '.join(more)}", more_end
    return unit, end


def _finished(text: str, words: list[str], end: int) -> tuple[list[str], int]:
    """A unit cut at the word limit, with its last words when the phrase ends within
    _SPILL words: "tổ bảo vệ an ninh trật tự cơ | sở." is not cut inside "cơ sở"."""
    more, more_end = _unit_words(text, end, _SPILL)
    closes = _stops(text, more_end, more) or re.match(r"\s*(?:[^\w\s]|$)", text[more_end:])
    return (words + more, more_end) if more and closes else (words, end)


@lru_cache(maxsize=1)
def _level_words() -> frozenset[str]:
    return frozenset(w for w, (level, _canon) in level_words().items() if level != "thôn")


def _verb_next(text: str, pos: int) -> bool:
    """Does a verb start at pos ("2.870 lượt, phát hiện ...")? Then a new clause begins, not an item."""
    head = re.match(r"\s*([^\W\d_]+)(?:[ \t]+([^\W\d_]+))?(?:[ \t]+([^\W\d_]+))?", text[pos:])
    verbs = _words().get("verb", {})
    words = [w for w in head.groups() if w] if head else []
    return any(fold(" ".join(words[:n])) in verbs for n in range(1, len(words) + 1))


def _list_item(words: list[str], text: str, end: int, single: bool) -> bool:
    """A further item of a listed unit: lower-case, short, and followed by the list's end."""
    if not words or not words[0][0].islower() or fold(words[0]) in _words().get("not_item", {}):
        return False
    if fold(words[0]) in _level_words() and any(w[0].isupper() for w in words[1:]):
        return False  # "12 xã, huyện Bắc Sơn": where they are, not a further thing counted
    if re.match(r"\s*(?:[,;.:)…]|$)", text[end:]):
        return True
    return single and bool(_stop_re().match(text, end))  # "64 vụ, việc thông qua ..."


def _unit_before(text: str, start: int) -> str:
    """For a bare number ("lên con số 85"), the thing the sentence counts before it ("tổng số mô hình")."""
    cues = list(_patterns()["unit_before"].finditer(text, 0, start))
    if not cues:
        return ""
    words, _ = _unit_words(text, cues[-1].end(), 3)
    return " ".join(words)


def _figures(text: str) -> list[tuple[re.Match, list[Decimal]]]:
    """Each number with its values: "126/136" gives both, "13/13" one; spelled counts too."""
    p = _patterns()
    out = []
    for m in p["number"].finditer(text):
        values = [parse_number(m.group("a"))]
        if m.group("b") and m.group("b") != m.group("a"):
            values.append(parse_number(m.group("b")))
        out.append((m, values))
    for m in p["word_number"].finditer(text):
        if _spelled_count(text, m):
            out.append((m, [Decimal(_words()["number_word"][fold(m.group("a"))])]))
    return sorted(out, key=lambda item: item[0].start())


_SAYING_WORDS = 6


def _spelled_count(text: str, m: re.Match) -> bool:
    """"Hai tổ liên gia" counts; "Ba Đồn" or "Hai Bà Trưng" mid-sentence is a name."""
    word = m.group("a")
    if _patterns()["spelled_not"].match(text, m.end()) or _patterns()["spelled_after"].search(
            text, max(0, m.start() - 12), m.start()):
        return False  # "hai bên", "ngã ba Cái Tắc"
    opened, closed = text.rfind("“", 0, m.start()), text.find("”", m.end())
    if opened > text.rfind("”", 0, m.start()) and closed > 0 and len(text[opened:closed].split()) <= _SAYING_WORDS:
        return False  # “ông Công an ba cùng”: a saying, not a count (a speaker's words may count)
    if not word[0].isupper():
        return True
    if text[: m.start()].strip(" " + _OPEN_QUOTES):
        return False
    following = re.match(r"[ \t]+(\w+)", text[m.end():])
    return not (following and gazetteer.load().lookup(f"{word} {following.group(1)}"))


_YEAR = re.compile(r"(?:19|20)\d\d")


def _is_date_or_name(text: str, m: re.Match) -> bool:
    p = _patterns()
    before = text[: m.start()]
    named = (p["not_before"].search(before) and not p["count_before"].search(before)
             and not p["percent"].match(text, m.end())  # "năm 2025, 100% thôn": a share, not a listed name
             and not _after_a_year(before, m))
    if named or before.endswith(tuple(_OPEN_QUOTES)) or _after_village_name(text, m.start()):
        return True  # "Ban Chỉ đạo 138", "tổ 14 và 16", “5 giúp 1”, "khu phố Phú Thọ 3"
    if p["not_unit"].match(text, m.end()) or _identifier(text, m):
        return True
    a, b = m.group("a"), m.groupdict().get("b")
    if b and "." not in a and "." not in b:
        if len(b) == 4 or (int(b.replace(",", "") or 0) <= 12 and not _has_unit_after(text, m.end())):
            return True  # "11/7", "tháng 3/2020"
    if _YEAR.fullmatch(a):
        return not _has_unit_after(text, m.end()) or bool(re.match(r"\s*[-–]\s*\d", text[m.end():]))
    return False


_YEAR_LISTED = re.compile(rf"(?<![\d.,]){_YEAR.pattern}\s*,\s*$")


def _after_a_year(before: str, m: re.Match) -> bool:
    """"Năm 2023, 13 xóm": a count after the year, not a second year listed ("năm 2022, 2023")."""
    return _YEAR_LISTED.search(before) is not None and not _YEAR.fullmatch(m.group("a"))


def _after_village_name(text: str, start: int) -> bool:
    """"khu phố Phú Thọ | 3 chia sẻ": the number goes on a village's name, as the village reader
    takes it (places.village_number: not "thôn Nà Tấu 40 hộ")."""
    last = text[max(0, start - 24):start].split()
    return (bool(last) and last[-1][0].isupper() and village_number().match(text, start - 1) is not None
            and _patterns()["village_name"].search(text, max(0, start - 60), start) is not None)


def _identifier(text: str, m: re.Match) -> bool:
    """"tàu CM 95123 TS": a registration, not a count; "Đoàn TN 25 ĐVTN" counts (four digits or more)."""
    return (re.fullmatch(r"\d{4,}", m.group(0)) is not None and _CODE_AFTER.match(text, m.end()) is not None
            and _IDENTIFIER.search(text, 0, m.start()) is not None)


def _has_unit_after(text: str, pos: int) -> bool:
    words, _ = _unit_words(text, pos, 1)
    return bool(words) and words[0][0].islower()


_QUOTED_UNIT = re.compile(r"[ \t]+[“\"]((?:[ \t]*[^\W\d][^\s“”\"]*){1,8}?)[ \t]*[”\"]")


def _measure(text: str, m: re.Match, values: list[Decimal]) -> tuple[str, list[Decimal]]:
    """The unit of the figure and its values, a multiplier word folded in ("1,2 triệu")."""
    p = _patterns()
    end = m.end()
    if p["percent"].match(text, end):
        return "%", values
    if mm := p["multiplier"].match(text, end):
        factor = Decimal(_words()["multiplier"][fold(mm.group("m"))])
        values = [v * factor for v in values]
        end = mm.end()
    quoted = _QUOTED_UNIT.match(text, end)
    if quoted and _patterns()["quoted_head"].match(quoted.group(1)) and not _patterns()["ordinal"].search(
            text, max(0, m.start() - 12), m.start()):  # "428 “Tổ liên gia tự quản”", not "Hội thi lần 2 “Tổ ...”"
        return quoted.group(1).strip(), values
    glued = _patterns()["glued"].match(text, end)
    unit = glued.group(0) if glued else _unit(text, end)[0]  # "2.500m2 nhà" measures in m2
    if not unit and re.match(r"\s*(?:[.,;:)…]|$)", text[end:]):
        unit = _unit_before(text, m.start())
    return (unit if unit and unit[0].isalpha() else ""), values


def _threshold(text: str, m: re.Match) -> bool:
    """"tàu dài từ 15 m trở lên": a condition, not a figure."""
    return _after_from(text, m) and _patterns()["threshold"].match(text, m.end()) is not None


def _after_from(text: str, m: re.Match) -> bool:
    """Does "từ" stand right before the number ("từ 15 đến 20 hộ", "từ 15 m trở lên")?"""
    return _patterns()["range_from"].search(text, max(0, m.start() - 8), m.start()) is not None


def _range_start(text: str, m: re.Match, values: list[Decimal]) -> tuple[str, list[Decimal]]:
    """"từ 15 đến 20 hộ": the first number counts what the second does (and in its multiplier:
    "từ 2 đến 3 triệu đồng"), unless the second is a date, a time or a duration."""
    p = _patterns()
    after = p["range_to"].match(text, m.end())
    if after is None or not _after_from(text, m):
        return "", values
    upper = p["number"].match(text, after.end())
    if upper is None or _is_date_or_name(text, upper):
        return "", values
    unit, factor = _measure(text, upper, [Decimal(1)])
    return unit, [v * factor[0] for v in values]


def extract_statistics(sentences: list[Sentence], subject_of) -> list[Statistic]:
    """`subject_of(sentence, offset)` gives the organisation or place a figure is about."""
    out: list[Statistic] = []
    for s in sentences:
        for m, values in _figures(s.text):
            if _is_date_or_name(s.text, m) or _threshold(s.text, m):
                continue
            unit, values = _measure(s.text, m, values)
            if not unit:
                unit, values = _range_start(s.text, m, values)
            if not unit:
                continue
            subject = subject_of(s, m.start())
            for v in values:
                out.append(Statistic(_plain(v), unit, s, s.start + m.start(), subject))
    _harmonise(out)
    return out


def _harmonise(stats: list[Statistic]) -> None:
    """One figure told twice ("5 mô hình bảo vệ an ninh Tổ quốc" in the title, "5 mô hình, gồm"
    in the body) gets one unit: the words both printings share."""
    for i, st in enumerate(stats):
        for other in stats[:i]:
            if other.value != st.value or other.unit == st.unit:
                continue
            common = _common_words(other.unit, st.unit)
            if common:
                st.unit = other.unit = common
            elif _refers_back(st) and other.unit.split()[0] == st.unit.split()[0]:
                st.unit = other.unit  # "ba điểm dân cư ..." then "Ba điểm bản nêu trên"


def _refers_back(st: Statistic) -> bool:
    at = st.start - st.sentence.start
    window = st.sentence.text[at: at + len(st.unit) + 30]
    return bool(_patterns()["anaphor"].search(window))


def _common_words(a: str, b: str) -> str:
    wa, wb = a.split(), b.split()
    n = 0
    while n < min(len(wa), len(wb)) and wa[n] == wb[n]:
        n += 1
    # only a unit that is all of the other's start is the same thing told shorter:
    # "đối tượng phạm pháp" and "đối tượng vi phạm" are two
    return " ".join(wa[:n]) if n == min(len(wa), len(wb)) else ""
