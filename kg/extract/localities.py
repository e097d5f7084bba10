"""Administrative places: "huyện Sông Mã", "bản Pìn, xã Chiềng Khoong", bare "Sông Mã".

Mentions are found after a level word ("xã", "TP.", "tổ dân phố"), also in lists ("các
xã: A, B và C", "tổ 14 và 16"), and bare, when a capitalised run starts with the name of
a province or district ("ở Sông Mã", "(Duy Xuyên)") or of a commune of a district named
in the same sentence ("Bình Phú ở huyện Tân Hồng"). kg.extract.places resolves them
against the gazetteer and gives each its parent.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg import gazetteer
from kg.data import read_rows, read_words
from kg.extract.model import Locality, Sentence
from kg.extract.org_places import village_part
from kg.extract.org_tails import head_re
from kg.extract.patterns import NAME, NUMBER_NAME, lead, spaced
from kg.extract.places import (Mention, count_before_re, counted_re, district_of_any, frame_communes, known_names,
                               level_words, link_parents, localities_of, resolve, starts_bigger_name,
                               village_number)
from kg.text import fold

_ITEM = rf"(?:{NAME}|{NUMBER_NAME})(?!\w)"
# Items of a list of places: "A, B và C", "Đông Đăm - Lủng Tráng", "14 và 16".
_SEP = re.compile(r"\s*,\s*|\s+và\s+|\s*[-–]\s*")


@lru_cache(maxsize=1)
def context_words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for kind, word in read_rows("locality_context.tsv"):
        out.setdefault(kind, []).append(word)
    return {kind: tuple(words) for kind, words in out.items()}


@lru_cache(maxsize=1)
def _mention_re() -> re.Pattern:
    printed = [w for w, *_ in read_rows("locality_words.tsv")]
    words = spaced(printed)
    descs = spaced(context_words()["descriptor"])
    return re.compile(
        rf"{lead(printed)}(?<![\w.])(?P<word>(?i:{words}))(?:\s+(?:{descs}))?"
        rf"(?:\s*:\s*|\s+(?P<intro>là|gồm)\s+|\s+|(?<=\.))"
        rf"(?P<items>{_ITEM})"
    )


@lru_cache(maxsize=1)
def _compound_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?i:{spaced(context_words()['compound'])})\s+$")


@lru_cache(maxsize=1)
def _record_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{spaced(context_words()['record'])})[ \t]+$")


def _a_record(text: str, m: re.Match) -> bool:
    """"lập biên bản 2.346 trường hợp", "văn bản 15": a document, not a village "bản"."""
    items = m.group("items") or ""
    return m.group("word").islower() and not items[:1].isupper() and bool(_record_re().search(text, 0, m.start()))


@lru_cache(maxsize=1)
def _next_item_re() -> re.Pattern:
    return re.compile(rf"(?:{_SEP.pattern})(?P<item>{_ITEM})")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(fold(row[0]) for row in read_rows("surnames.tsv"))


def _explicit(sentences: list[Sentence], taken: list[tuple[int, int]]) -> list[Mention]:
    """Places written after their level word; `taken` gets the spans read."""
    out = []
    addressed = _Addressed(sentences)
    for s in sentences:
        for m in _mention_re().finditer(s.text):
            word = m.group("word")
            if m.group("intro") and not count_before_re().search(s.text, 0, m.start()):
                continue  # "4 thôn là A, B và C" lists villages; "Bí thư Chi bộ thôn là ..." does not
            if word[0].isupper() and m.start() > 0 and s.text[m.start() - 1] not in " (“\"‘'":
                continue  # "CôngTỉnh": not a word of its own
            if _compound_re().search(s.text[: m.start()]) or _a_record(s.text, m):
                continue  # "già làng Phạm Văn Nam": a village elder, not a village
            if word[0].isupper() and _in_personal_name(s.text[: m.start()]):
                continue  # "Y Thuôn Buôn Krông": a person
            level, canon = level_words()[fold(word)]
            part = village_part(s.text[: m.start()], m.group("items"), addressed) if level == "thôn" else None
            if part == "":
                continue  # "Trưởng thôn Sình Dì Gai": the post's holder, not a village
            if level == "thôn" and word[0].isupper() and starts_bigger_name(word, m.group("items")):
                continue  # "Sóc Trăng", "Buôn Ma Thuột": a province's or district's name, read bare
            found = _items(s, m, level, canon, m.start("items") + len(part) if part else None)
            taken += [(x.begin, x.end) for x in found] or [(s.start + m.start(), s.start + m.end())]
            out += found
    return out


class _Addressed:
    """Is a name one the article calls a person by, after a rank or honorific ("ông Gai")? Read
    from the article's sentences the first time it is asked."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences, self.names = sentences, None

    def __call__(self, name: str) -> bool:
        if self.names is None:
            from kg.extract.officers import addressed_names  # a cycle: officers reads places
            self.names = addressed_names(self.sentences)
        return fold(name) in self.names or fold(name.split()[-1]) in self.names


def _in_personal_name(before: str) -> bool:
    """Does `before` end inside a Highlands personal name ("anh Y Thuôn ")?"""
    words = before.split()
    run = []
    for w in reversed(words[-4:]):
        if not w[0].isupper() or not w[-1].isalpha():
            break
        run.append(w)
    return any(highland_start(w) for w in run)


def highland_start(word: str) -> bool:
    """Does a Highlands personal name start with this word ("Y", "H'Hen", "Ksor")?"""
    return any(word == p or (p[-1] in "'’" and word.startswith(p)) for p in context_words()["name_start"])


def _items(s: Sentence, m: re.Match, level: str, canon: str, stop: int | None = None) -> list[Mention]:
    """One mention per listed name; a later name that is no unit of that level ends the list.
    `stop`: where the first item ends before a person's name (org_places.village_part)."""
    out: list[Mention] = []
    text, start, end = s.text, m.start("items"), m.end("items")
    if stop is not None:
        end = stop
    begin = s.start + m.start()
    while True:
        fitted = _fit(level, canon, text, start, end, first=not out, word=m.group("word"),
                      before=tuple(x.name for x in out))
        if fitted is None:
            break
        name, end = fitted
        loose = level == "xã" and len(m.group("word")) <= 3 and not known_names(name, ("xã",))
        out.append(Mention(canon, level, name, s, s.start + start, s.start + end, typed=True, begin=begin, loose=loose))
        nxt = _next_item_re().match(text, end)
        if (not nxt or nxt.group("item")[0].isdigit() != name[0].isdigit() or _starts_body(text, nxt.start("item"))
                or _starts_title(text, nxt.start("item"))):
            break  # "thôn 3, Hội Cựu chiến binh", "thôn Păng Tiêng, Mục sư A": a list is of places of one kind
        start, end = nxt.start("item"), nxt.end("item")
        begin = s.start + start
    for mention in out:
        mention.tail = out[-1].end
    return out


def _starts_body(text: str, pos: int) -> bool:
    """Does an organisation's name start at `pos` ("Hội CCB xã Tân Lập")?"""
    from kg.extract.organizations import expand  # a cycle: organizations reads places
    return bool(head_re().match(expand(text[pos:pos + 60])))


def _starts_title(text: str, pos: int) -> bool:
    """Does a rank, a title or a post start at `pos` ("Mục sư Cil Ha Wiên")? Not a word of kinship:
    villages are called "Bà Bèo", "Ông Thục"."""
    from kg.extract.officers import titled_at  # a cycle: officers reads places
    return titled_at(text, pos, kin=False)


def _fit(level: str, canon: str, text: str, start: int, end: int, first: bool, word: str = "",
         before: tuple[str, ...] = ()):
    """(name, end) of the place written at start:end, checked against the gazetteer.

    After an abbreviated level word ("P.", "TX") only a name the gazetteer knows is a
    place: "Ảnh: Q. Anh" is a photo credit. After "xã", one it lacks is a place if it has
    two syllables or more: "xã Vĩnh Thạch" (merged away before the map was made), not "xã
    Bán chuyên trách" (and only where the text shows it is one: _shown_communes).
    """
    name = text[start:end]
    if level == "thôn":
        if canon in context_words()["numbered"] and not name[0].isdigit():
            return None
        if name[0].isdigit() and counted_re().match(text, end):
            return None  # "tặng các tổ 189 đèn pin", "hỗ trợ bản 42 con bò": a count
        if fold(name) in _peoples():
            return None  # "làng Chăm", "bản Mông": a people's villages, not one called so
        more = village_number().match(text, end)
        if _common_noun(name, text[end:]) or (not first and not more and known_names(name, ("tỉnh", "huyện"))):
            return None  # "thôn A, Văn Lâm" is a village of Văn Lâm; "thôn A, Văn Lâm 2" two villages
        return (name + more.group(0), more.end()) if more else (name, end)
    if name[0].isdigit():
        return (name, end) if known_names(f"{canon.capitalize()} {name}", _levels(level)) else None
    name, end = _joined(level, name, text, end)
    if known_names(name, _levels(level)):
        if (first or not known_names(name, _higher(level)) or _listed_after(level, text, end)
                or _sibling(level, name, before)):
            return name, end
        return None
    if not first:
        return None
    found = _typo(level, text, start, end) or _trimmed(level, name, start)
    short = len(word) <= 3 and not (fold(word) == "xã" and " " in name and not known_names(name, _higher(level)))
    return found or (None if short else _unknown(level, name, end))


def _listed_after(level: str, text: str, end: int) -> bool:
    """Do only units of that level follow in the list, the next one of no other level? "các
    xã Gia Viễn, Đức Phổ và Nam Ninh": Đức Phổ is a commune of the list, not the district it
    lies in; not in "các xã Hàm Liêm, Hàm Thuận Bắc và Tân Lập, Hàm Thuận Nam"."""
    gaz, first = gazetteer.load(), True
    while (nxt := _next_item_re().match(text, end)) is not None:
        item = nxt.group("item")
        if any(gaz.lookup(item, higher) for higher in _higher(level)):
            return False
        if first and not gaz.lookup(item, level):
            return False
        first, end = False, nxt.end()
    return not first


def _sibling(level: str, name: str, before: tuple[str, ...]) -> bool:
    """Is the last of a list of communes, named like a district, a commune beside the others on
    the map, and no district of theirs? "các xã Khánh Hải, Phong Điền thuộc huyện Trần Văn
    Thời", not "xã Mường Sai, Sông Mã"."""
    if level != "xã" or not before:
        return False
    gaz = gazetteer.load()
    listed = [u for item in before for u in gaz.lookup(item, "xã")]
    if district_of_any(name, listed):
        return False
    districts = {u.parent_code for u in listed}
    return any(u.parent_code in districts for u in gaz.lookup(name, "xã"))


def _shown_communes(mentions: list[Mention]) -> list[Mention]:
    """Communes the map lacks, kept where the text shows one is a commune: its district written
    after it ("xã Vĩnh Thạch, huyện Vĩnh Linh"), a village before it ("thôn Tân Mỹ, xã Vĩnh
    Thạch"), a locative or a count before it ("Tại xã Hải Lý", "hai xã Vĩnh Thạch"), in one
    of its mentions. After a post, a name is as often a person's: "Chủ tịch UBND xã Ksor Tiên"."""
    shown = {m.key for m in mentions if m.loose and (m.parent is not None or _locative_before(m))}
    shown |= {o.parent.key for o in mentions if o.parent is not None and o.parent.loose}  # "thôn Tân Mỹ, xã Vĩnh Thạch"
    return [m for m in mentions if not m.loose or m.key in shown]


def _locative_before(m: Mention) -> bool:
    return bool(_shown_by_re().search(m.sentence.text, 0, m.begin - m.sentence.start))


@lru_cache(maxsize=1)
def _shown_by_re() -> re.Pattern:
    # also a count: "hai xã Vĩnh Thạch, Vĩnh Giang" lists communes
    words = [w for kind in ("locative", "via") for w in context_words()[kind]] + ["địa bàn", *read_words("org_count_words.tsv")]
    return re.compile(rf"(?:(?<!\w)(?i:{spaced(words)})|\d)[ \t]+$")


@lru_cache(maxsize=1)
def _peoples() -> frozenset[str]:
    return frozenset(fold(w) for w in context_words()["people"])


def _common_noun(name: str, after: str) -> bool:
    """"khu Công nghiệp", "Tổ Tự quản": a capitalised common noun, not a village."""
    nxt = re.match(r"[ \t]+([^\W\d_]+)", after)
    phrase = fold(f"{name} {nxt.group(1)}") if nxt else ""
    return any(phrase == w or phrase.startswith(w + " ") or fold(name) == w for w in context_words()["not_village"])


def _levels(level: str) -> tuple[str, ...]:
    return ("tỉnh", "huyện") if level == "city" else (level,)


def _higher(level: str) -> tuple[str, ...]:
    return {"xã": ("tỉnh", "huyện"), "huyện": ("tỉnh",)}.get(level, ())


def _joined(level: str, name: str, text: str, end: int) -> tuple[str, int]:
    """The name with what the gazetteer says belongs to it: "xã Hố Nai 3", "tỉnh Bà Rịa - Vũng Tàu"."""
    more = re.match(rf" \d{{1,2}}(?![\d,.]\d)|\s*[-–]\s*{NAME}", text[end:])
    if more and known_names(name + more.group(0), _levels(level)):
        return name + more.group(0), end + more.end()
    return name, end


def _typo(level: str, text: str, start: int, end: int):
    """A name with a lower-case syllable typed by mistake: "huyện Như xuân"."""
    tail = re.match(r"[ \t]+([^\W\d_]+)(?:[ \t]+([^\W\d_]+))?", text[end:])
    for k in (1, 2):
        if not tail or tail.group(k) is None:
            break
        stop = end + tail.end(k)
        units = known_names(text[start:stop], _levels(level))
        if units:
            return units[0].name, stop
    return None


def _trimmed(level: str, name: str, start: int):
    """The leading part that is a unit when a person's name follows: "tỉnh Đồng Nai Nguyễn Văn A"."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        part = " ".join(words[:n])
        if fold(words[n]) in _surnames() and known_names(part, _levels(level)):
            return part, start + len(part)
    return None


def _unknown(level: str, name: str, end: int):
    """A district or commune the gazetteer lacks is kept, unless it reads as a person's name."""
    words = name.split()
    if level in ("tỉnh", "city") or (len(words) >= 3 and fold(words[0]) in _surnames()):
        return None
    return name, end


_NAME_RE = re.compile(NAME)


def _runs(s: Sentence, taken: list[tuple[int, int]]):
    """(article offset, syllables) of each capitalised run not read already."""
    end = s.start + len(s.text)
    here = [(a, b) for a, b in taken if a < end and b > s.start]  # an article's spans, this sentence's few
    for m in _NAME_RE.finditer(s.text):
        start = s.start + m.start()
        if not any(a <= start < b for a, b in here):
            yield start, m.group(0).split()


def _longest(words: list[str], shortest: int, test):
    """The longest leading run of at most four syllables that passes `test`, and its verdict."""
    for n in range(min(len(words), 4), shortest - 1, -1):
        name = " ".join(words[:n])
        verdict = test(name, n)
        if verdict:
            return name, verdict
    return None, None


def _bare(sentences: list[Sentence], taken: list[tuple[int, int]]) -> list[Mention]:
    """Province and district names written without their level word ("ở Sông Mã")."""
    out = []
    for s in sentences:
        for start, words in _runs(s, taken):
            name, level = _longest(words, 1, _bare_level)
            if (name is None and len(words) == 1 and _locative_re().search(s.text, 0, start - s.start)
                    and _one_syllable_city(words[0]) and not _someone_called(sentences, words[0])):
                name, level = words[0], "huyện"  # "tại Huế", a city of Thừa Thiên Huế before 2025
            if name and fold(name) in _people() and not _locative_re().search(s.text, 0, start - s.start):
                continue  # "tư tưởng Hồ Chí Minh" is the man; "về Hồ Chí Minh" the city
            if name and _name_goes_on(s.text, start - s.start, name, words):
                continue  # "Hà Trung Kiên", "Thái Bình Dương": a person's (or an ocean's) name
            if name and not _inside_other_name(s.text, start - s.start):
                out.append(Mention(level, level, name, s, start, start + len(name)))
    return out


_BARE_SEP = r"(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+)"
_BARE_LIST = re.compile(rf"(?<![\w,])({NAME})((?:{_BARE_SEP}{NAME}){{2,}})")
_BARE_ITEM = re.compile(rf"{_BARE_SEP}({NAME})")


def _bare_communes_listed(sentences: list[Sentence], explicit: list[Mention]) -> list[Mention]:
    """Three names or more listed bare, all communes of one district the article names: "các
    xã giáp Khu kinh tế như Bình Thuận, Bình Dương, Bình Phước, Bình Trị" (of Bình Sơn) are no
    provinces."""
    districts = {fold(m.name) for m in explicit if m.level in ("huyện", "city")}
    if not districts:
        return []
    gaz, out = gazetteer.load(), []
    for s in sentences:
        for m in _BARE_LIST.finditer(s.text):
            items = [(m.start(1), m.group(1))] + [(m.start(2) + x.start(1), x.group(1)) for x in _BARE_ITEM.finditer(m.group(2))]
            if any(e.sentence is s and e.begin <= s.start + at < e.tail for at, _n in items for e in explicit):
                continue  # "các xã A, B, C": read with their level word
            if not _communes_announced(s.text[:m.start()]):
                continue  # "các tuyến phố Hàng Bạc, Hàng Đào ...", "các đồng chí ...", "vào Bình Dương, ..."
            found = _one_district(gaz, [name for _at, name in items], districts)
            if found:
                out += [Mention("xã", "xã", name, s, s.start + at, s.start + at + len(name), unit=unit)
                        for (at, name), unit in zip(items, found)]
    return out


def _communes_announced(before: str) -> bool:
    """Does the clause before a bare list say it lists communes ("các xã biên giới khác như")?"""
    clause = re.split(r"[.;:!?]", before)[-1]
    return _plural_communes_re().search(clause) is not None


@lru_cache(maxsize=1)
def _plural_communes_re() -> re.Pattern:
    words = [w for w, (level, _c) in level_words().items() if level == "xã"]
    return re.compile(rf"(?<!\w)(?i:{spaced(context_words()['plural'])})[ \t]+(?i:{spaced(words)})(?!\w)")


def _one_district(gaz, names: list[str], districts: set[str]):
    """The communes of one district the article names, one per name, or None."""
    by_district: dict[str, list] = {}
    for i, name in enumerate(names):
        for u in gaz.lookup(name, "xã"):
            up = gaz.parent(u)
            if up is not None and fold(up.name) in districts:
                by_district.setdefault(up.code, [None] * len(names))[i] = u
    for units in by_district.values():
        if all(units):
            return units
    return None


def _someone_called(sentences: list[Sentence], word: str) -> bool:
    """Does the article name a person whose name ends in `word` ("Nguyễn Thị Huế ... tìm đến Huế")?"""
    for s in sentences:
        for m in _NAME_RE.finditer(s.text):
            words = m.group(0).split()
            if len(words) >= 2 and words[-1] == word and fold(words[0]) in _surnames():
                return True
    return False


def _one_syllable_city(word: str) -> bool:
    """A city of one syllable ("Huế", "Vinh"): a district only after a locative word, as
    "Huế" and "Vinh" are also given names."""
    return any(u.type == "Thành phố" for u in gazetteer.load().lookup(word, "huyện"))


def _as_named_commune(bare: list[Mention], explicit: list[Mention]) -> list[Mention]:
    """A bare district name the article also prints as a commune, and never as a district, is
    that commune when no commune of the name lies in that district's province: "bãi biển Thuận
    An" beside "phường Thuận An" is no city of Bình Dương. (Not a province's name: "quê Thái
    Bình" beside "xã Thái Bình"; nor "Yên Châu" beside the thị trấn of huyện Yên Châu.)"""
    communes = {fold(m.name): m.word for m in explicit if m.level == "xã"}
    higher = {fold(m.name) for m in explicit if m.level in ("tỉnh", "city", "huyện")}
    gaz = gazetteer.load()
    for m in bare:
        key = fold(m.name)
        if m.level == "huyện" and key in communes and key not in higher:
            provinces = {gaz.province(u) for u in gaz.lookup(m.name, "xã")}
            if not any(gaz.province(u) in provinces for u in gaz.lookup(m.name, "huyện")):
                m.level, m.word = "xã", communes[key]
    return bare


def _name_goes_on(text: str, at: int, name: str, words: list[str]) -> bool:
    """Is the place's name the start of a longer one: three or four capitalised words from a
    family name on, the words after the place starting no organisation ("Hà Nội Công an")?"""
    if len(words) not in (3, 4) or name.count(" ") + 1 >= len(words) or fold(words[0]) not in _surnames():
        return False
    return not _starts_body(text, at + len(name) + 1)


def _bare_level(name: str, syllables: int) -> str | None:
    """The level of a province or district called `name`, the province first."""
    return _bare_level_in(name, syllables, gazetteer.load())


@lru_cache(maxsize=1 << 16)  # "Công an", "Ủy ban", "Sông Mã": the same runs in every article
def _bare_level_in(name: str, syllables: int, gaz: gazetteer.Gazetteer) -> str | None:
    if gaz.lookup(name, "tỉnh"):
        return "tỉnh"
    # one syllable is too weak a sign for a district ("Vinh", "Ba"), enough for "Huế", "TPHCM"
    return "huyện" if syllables > 1 and gaz.lookup(name, "huyện") else None


@lru_cache(maxsize=1)
def _locative_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?i:{spaced(context_words()['locative'])})[ \t]+$")


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return frozenset(fold(w) for w in context_words()["person"])


def _inside_other_name(text: str, pos: int) -> bool:
    """Is the name at pos a firm's ("Công ty TNHH MTV Cao su Phú Riềng"), a person's ("ông Quang Bình",
    "Trung tá Trần Tế Xương") or a street's ("đường Trần Văn Thời")?"""
    before = text[max(0, pos - 200):pos]
    if before.rstrip().endswith((",", " và")):  # a later item of a list: what comes before the list
        before = _LIST_BEFORE.sub("", before)
    clause = fold(re.split(r"[,;:()“”\"]", before)[-1])
    return bool(_before_name_re().search(clause) or _business_re().search(clause))


_LIST_BEFORE = re.compile(rf"(?:{NAME}[ \t]*(?:,|[ \t]và)[ \t]*)+$")


@lru_cache(maxsize=1)
def _before_name_re() -> re.Pattern:
    words = [fold(w) for name in ("honorifics.tsv", "ranks.tsv") for w in read_words(name)] + [
        fold(w) for kind in ("street", "establishment") for w in context_words()[kind]]
    return re.compile(rf"(?<!\w)(?:{spaced(words)})\s*$")


@lru_cache(maxsize=1)
def _business_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{spaced(fold(w) for w in context_words()['business'])})(?!\w)")


def _bare_communes(sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Communes written bare next to their district: "Bình Phú ở huyện Tân Hồng"."""
    gaz = gazetteer.load()
    taken = [(m.begin, m.end) for m in mentions]
    out = []
    for s in sentences:
        districts = [m.unit for m in mentions if m.sentence is s and m.unit and m.unit.level == "huyện"]
        children = {fold(c.name): c for d in districts for c in gaz.children(d)}
        for start, words in _runs(s, taken) if children else ():
            name, unit = _longest(words, 2, lambda nm, n: children.get(fold(nm)))
            if name and not _inside_other_name(s.text, start - s.start):
                out.append(Mention("xã", "xã", name, s, start, start + len(name), unit=unit))
    return out


def extract_localities(sentences: list[Sentence], paragraphs: list[int] = ()) -> list[Locality]:
    """Every place mention, resolved, each followed by its parent chain up to the province.
    `paragraphs`: where paragraphs start (a village takes the commune its paragraph opens with)."""
    taken: list[tuple[int, int]] = []
    mentions = _explicit(sentences, taken)
    bare = _as_named_commune(_bare(sentences, taken), mentions)
    listed = _bare_communes_listed(sentences, mentions)
    bare = [m for m in bare if not any(x.start <= m.start < x.end for x in listed)]
    mentions = sorted(mentions + bare + listed, key=lambda m: m.start)
    link_parents(mentions)
    if any(m.loose for m in mentions):
        mentions = _shown_communes(mentions)
        link_parents(mentions)
    resolve(mentions)
    mentions = sorted(mentions + _bare_communes(sentences, mentions), key=lambda m: m.start)
    link_parents(mentions)
    frame_communes(mentions, sorted(paragraphs))
    out: list[Locality] = []
    for m, loc in localities_of(mentions, _opening(paragraphs, sentences), sorted(paragraphs)):
        out.append(loc)
        p = loc.parent
        while p is not None:  # the chain up to the province is part of what the article locates
            out.append(Locality(p.name, p.level, p.word, m.sentence, p.parent, p.code, p.successor, p.mapped))
            p = p.parent
    return out


def _opening(paragraphs: list[int], sentences: list[Sentence]) -> int:
    """Where the article's body goes past its title and lead paragraph (a short dateline line
    after the title does not count as the lead); without paragraphs, the whole text."""
    starts = sorted(paragraphs)
    end = max((s.end for s in sentences), default=0) + 1
    if len(starts) > 2 and starts[2] - starts[1] < _DATELINE:
        starts = starts[:1] + starts[2:]
    return starts[2] if len(starts) > 2 else end


_DATELINE = 60  # characters: a paragraph this short after the title is a dateline or a byline


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
