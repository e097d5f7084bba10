"""Place mentions resolved: which unit of the map each is, and the unit it lies in.

Same-named units are told apart by the unit written right after a mention ("xã Kim
Long, huyện Châu Đức"), then by the other places of the article, then by the type the
text gives ("thành phố Yên Bái" is the city, not the province). Communes created by the
2025 reform are candidates too ("phường Sơn Trà" of Đà Nẵng), after the old ones.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from kg import gazetteer
from kg.data import read_rows, read_words
from kg.extract.model import Locality, Sentence
from kg.extract.patterns import alternation, spaced
from kg.gazetteer import REFORMED, Unit, compact_key, name_key
from kg.text import fold

_RANK = {"tỉnh": 0, "city": 0, "huyện": 1, "xã": 2, "thôn": 3}
# What may stand between a place and the unit it lies in: "A, huyện B", "A (thuộc xã B cũ)".
_GAP = r"[\s,(–-]*(?:(?:{via})\s+)?"
_NEAR = 16


@dataclass(eq=False)
class Mention:
    word: str          # canonical level word ("huyện", "bản", "thành phố")
    level: str         # tỉnh | city | huyện | xã | thôn
    name: str
    sentence: Sentence
    start: int         # article offsets of the name
    end: int
    typed: bool = False             # written with its level word
    tail: int = -1                  # end of the list it belongs to, where its parent is written
    begin: int = -1                 # start of its level word, if written
    unit: Unit | None = None
    parent: "Mention | None" = None    # the unit written right after it
    commune: "Mention | None" = None   # for a village, the commune named before it in the sentence
    shared_parent: Unit | None = None  # for an ambiguous name, the parent all its units share
    loose: bool = False                # a commune the map lacks: kept only where the text shows it is one

    def __post_init__(self):
        self.tail = self.end if self.tail < 0 else self.tail
        self.begin = self.start if self.begin < 0 else self.begin

    @property
    def rank(self) -> int:
        return 4 if self.word in _inner() else _RANK[self.level]

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.level, self.word if self.level == "thôn" else "", fold(self.name))


@lru_cache(maxsize=1)
def _inner() -> frozenset[str]:
    return frozenset(w for kind, w in read_rows("locality_context.tsv") if kind == "inner")


@lru_cache(maxsize=1)
def _gap_re() -> re.Pattern:
    via = "|".join(re.escape(w) for kind, w in read_rows("locality_context.tsv") if kind == "via")
    return re.compile(_GAP.format(via=via))


@lru_cache(maxsize=2)
def _counted(kind: str = "counted") -> str:
    return spaced(w for k, w in read_rows("locality_context.tsv") if k == kind)


@lru_cache(maxsize=1)
def village_number() -> re.Pattern:
    """"thôn Đồng Lạc 2": a small number right after a village's name is part of it, unless it
    counts what follows ("thôn Đồng Lạc 30 năm tuổi Đảng", "ấp Bình Tiền 12 thành viên")."""
    return re.compile(rf" \d{{1,2}}(?![\d,.]\d|[\w%/])(?![ \t]+(?i:{_counted()})(?!\w)(?![ \t]*\d))")


@lru_cache(maxsize=1)
def counted_re() -> re.Pattern:
    """What a number counts when it stands right before it: "các tổ 189 | đèn pin" is no "tổ 189"."""
    return re.compile(rf"[ \t]+(?i:{_counted('classifier')})(?!\w)")


@lru_cache(maxsize=1)
def count_before_re() -> re.Pattern:
    """A count right before a word: "4 thôn", "các xã", "3 chùa" (org_count_words.tsv)."""
    return re.compile(rf"(?:\d|(?<!\w)(?i:{alternation(read_words('org_count_words.tsv'))}))[ \t]+$")


@lru_cache(maxsize=1)
def level_words() -> dict[str, tuple[str, str]]:
    """fold(level word) -> (level, canonical word); level "city" is a thành phố of either level."""
    return {fold(w): (level, canon) for w, level, canon in read_rows("locality_words.tsv")}


def district_of_any(name: str, units) -> bool:
    """Is a district or province called `name` one that `units` lie in? ("xã Mường Sai, Sông
    Mã": Sông Mã is Mường Sai's district, not one more commune of a list)"""
    gaz = gazetteer.load()
    higher = [u for level in ("huyện", "tỉnh") for u in gaz.lookup(name, level)]
    return any(h in gaz.chain(u) for u in units if u is not None for h in higher)


def known_names(name: str, levels) -> list[Unit]:
    """Units of those levels called `name`, the 2025 communes included."""
    return list(_known_names(name, tuple(levels), gazetteer.load()))


def starts_bigger_name(word: str, name: str) -> bool:
    """Is a village word the start of a province's or district's name ("Sóc Trăng", "Buôn Ma
    Thuột", "Sóc Sơn"), read with the words after it?"""
    words = [word, *name.split()[:3]]
    return any(known_names(" ".join(words[:n]), ("tỉnh", "huyện")) for n in range(2, len(words) + 1))


@lru_cache(maxsize=1 << 14)  # every sentence asks about the same few names
def _known_names(name: str, levels: tuple[str, ...], gaz: gazetteer.Gazetteer) -> tuple[Unit, ...]:
    units = [u for level in levels for u in gaz.lookup(name, level)]
    return tuple(units + (gaz.reformed(name) if "xã" in levels else []))


def link_parents(mentions: list[Mention]) -> None:
    """Each mention's parent as written: the next unit of a higher level right after it."""
    for i, m in enumerate(mentions):
        m.parent = None
        if m.level == "thôn":
            m.commune = _sole_commune_before(mentions[:i], m.sentence)
        for other in mentions[i + 1:]:
            if other.sentence is not m.sentence or other.begin - m.tail > _NEAR:
                break
            if other.begin < m.tail or other.rank >= m.rank:
                continue
            gap = m.sentence.text[m.tail - m.sentence.start: other.begin - m.sentence.start]
            if _gap_re().fullmatch(gap):
                m.parent = other
            break


_JOINED = re.compile(r"\s*(?:,|và|hoặc)\s*")


def _sole_commune_before(earlier: list[Mention], sentence: Sentence) -> Mention | None:
    """The commune named last before a village in its sentence, unless it ends a list of
    communes: "Tại Phường 1 và phường Khánh Hòa, khóm 4 ..." does not say whose khóm 4 is."""
    communes = [o for o in earlier if o.sentence is sentence and o.level == "xã"]
    if not communes:
        return None
    last = communes[-1]
    if len(communes) > 1:
        prev = communes[-2]
        gap = sentence.text[prev.end - sentence.start: last.begin - sentence.start]
        if _JOINED.fullmatch(gap):
            return None
    return last


def paragraph_start(paragraphs: list[int], pos: int, default: int) -> int:
    """Where the paragraph holding `pos` starts (`paragraphs`: their sorted starts); `default` before the first."""
    i = bisect.bisect_right(paragraphs, pos) - 1
    return paragraphs[i] if i >= 0 else default


def frame_communes(mentions: list[Mention], paragraphs: list[int]) -> None:
    """A village whose sentence names no commune lies in the commune its paragraph opens
    with: "Tại xã Sơn Vĩ, mô hình ... . Ông A, Bí thư Chi bộ thôn Lũng Làn, cho biết ..."."""
    communes = [o for o in mentions if o.level == "xã"]
    naming = {o.sentence.start for o in communes}  # sentences that name a commune
    for m in mentions:
        if m.level != "thôn" or m.commune is not None or m.parent is not None or m.sentence.start in naming:
            continue  # "thôn Nà Lay của xã Vũ Lăng": the sentence says where
        opening = paragraph_start(paragraphs, m.sentence.start, 0)
        # the closest earlier sentence of the paragraph naming a commune must open with it:
        # "... chỉ đạo xã Vũ Lăng nhân rộng. Thôn Nà Lay ..." ends the frame "Tại xã Tân Lập"
        last = max((start for start in naming if opening <= start < m.sentence.start), default=None)
        framing = [o for o in communes if o.sentence.start == last and _opens_sentence(o)]
        m.commune = framing[0] if framing else None


def _opens_sentence(m: Mention) -> bool:
    return frame_re().fullmatch(m.sentence.text, 0, m.begin - m.sentence.start) is not None


@lru_cache(maxsize=1)
def frame_re() -> re.Pattern:
    """What may stand before the place a sentence opens with ("Tại", "Riêng ở"; frame_words.tsv)."""
    lead = "|".join(re.escape(w) for w, _kind in sorted(read_rows("frame_words.tsv"), key=lambda r: -len(r[0])))
    return re.compile(rf"[\s\-–•*“\"]*(?:(?i:{lead})[ \t]+)*")


# --- resolution -----------------------------------------------------------------

def _type_of(m: Mention) -> str | None:
    return m.word.capitalize() if m.typed and m.level != "thôn" else None


def _candidates(group: list[Mention]) -> list[Unit]:
    m = group[0]
    if m.level == "thôn":
        return []
    levels = ("tỉnh", "huyện") if m.level == "city" else (m.level,)
    name = f"{m.word.capitalize()} {m.name}" if m.name[0].isdigit() else m.name
    units = known_names(name, levels)
    typ = next((t for t in map(_type_of, group) if t), None)
    if m.level != "xã" and typ and any(u.type == typ for u in units):
        units = [u for u in units if u.type == typ]  # "thành phố Yên Bái" is not the province
    return units


def _affinity(gaz, a: Unit, b: Unit) -> float:
    ca, cb = gaz.chain(a), gaz.chain(b)
    if b in ca or a in cb:
        return 2
    if a.level == b.level and len(ca) > 1 and ca[1:2] == cb[1:2]:
        return 1.5  # siblings
    return 1 if ca[-1] == cb[-1] else 0


def _score(gaz, unit: Unit, group: list[Mention], known: list[Unit]) -> tuple[float, float, float]:
    """(written parents, other places of the article, tie-breaks), compared in that order."""
    chain = gaz.chain(unit)
    written = sum(1 for m in group if m.parent and m.parent.unit in chain)
    context = sum(_affinity(gaz, unit, k) for k in known)
    typ = next((t for t in map(_type_of, group) if t), None)
    bonus = (0.5 if unit.type == typ else 0) + (0 if unit.code.startswith(REFORMED) else 0.25)
    return written, context, bonus


def _choose(gaz, units: list[Unit], group: list[Mention], known: list[Unit], decisive: bool) -> Unit | None:
    if not units:
        return None
    scores = {u: _score(gaz, u, group, known) for u in units}
    top = max(scores.values())
    best = [u for u, s in scores.items() if s == top]
    best = [u for u in best if not any(a in best for a in gaz.chain(u)[1:])]  # the huyện over its thị trấn
    if any(m.parent for m in group) and top[0] == 0:
        return None  # none lies where the text puts it: the text wins ("xã A, huyện B" with B's A not on the map)
    if len(best) != 1 or (decisive and top[0] + top[1] <= 0):
        return None
    if known and top[0] + top[1] <= 0 and group[0].level == "xã":
        return None  # the map's only "Đức Thắng" is in Hà Nội; the article's places are all in Bình Thuận
    return best[0]


def groups_of(mentions: list[Mention]) -> dict[tuple, list[Mention]]:
    out: dict[tuple, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.key, []).append(m)
    return out


def resolve(mentions: list[Mention]) -> None:
    """Give each mention its unit where the map and the article decide it."""
    gaz = gazetteer.load()
    groups = groups_of(m for m in mentions if m.level != "thôn")
    candidates = {k: _candidates(g) for k, g in groups.items()}
    chosen: dict[tuple, Unit] = {}
    for decisive in (True, False):  # first what the text decides, then the tie-breaks
        changed = True
        while changed:
            changed = False
            for k, group in groups.items():
                if k in chosen:
                    continue
                known = [u for key, u in chosen.items() if key != k]
                unit = _choose(gaz, candidates[k], group, known, decisive)
                if unit:
                    chosen[k] = unit
                    changed = True
                    for m in group:
                        m.unit = unit
    for k, group in groups.items():
        parents = {gaz.parent(u) for u in candidates[k]}
        if k not in chosen and len(candidates[k]) > 1 and len(parents) == 1:
            up = parents.pop()  # "huyện Hồng Ngự" or the city: either way in Đồng Tháp
            for m in group:
                m.shared_parent = up


# --- localities -------------------------------------------------------------------

def unit_locality(unit: Unit, sentence: Sentence, printed: dict | None = None) -> Locality:
    """The unit as a Locality, named as the article prints it (`printed`, from printed_names)."""
    gaz = gazetteer.load()
    up = gaz.parent(unit)
    parent = unit_locality(up, sentence, printed) if up else None
    code = None if unit.code.startswith(REFORMED) else unit.code
    mapped = unit.printed
    name = (printed or {}).get((unit.level, unit.code)) or mapped
    return Locality(name, unit.level, unit.level, sentence, parent, code, unit.successor, mapped)


def printed_names(mentions: list[Mention]) -> dict[tuple[str, str], str]:
    """Units the article prints only otherwise than the map ("Đakrông" for Đa Krông): its first
    such form is the name, as a reader would write it down. Printed once as on the map, the
    map's form wins: the other is a slip ("Đắc Lắc" beside "Đắk Lắk")."""
    out: dict[tuple[str, str], str] = {}
    as_mapped: set[tuple[str, str]] = set()
    for m in mentions:
        if m.unit is None:
            continue
        unit = (m.unit.level, m.unit.code)
        mapped, key = name_key(m.unit.printed), name_key(m.name)
        if key == mapped:
            as_mapped.add(unit)
        elif unit not in out and compact_key(key) == compact_key(mapped):
            out[unit] = m.name
    return {unit: name for unit, name in out.items() if unit not in as_mapped}


def localities_of(mentions: list[Mention], opening: int = 0, paragraphs=()) -> list[tuple[Mention, Locality]]:
    """Each mention with its locality; one place per group, whatever mention gives its parent.
    `opening`: where the article's third paragraph starts (the title and lead come before it);
    `paragraphs`: where paragraphs start."""
    groups = groups_of(mentions)
    places: dict[tuple, Locality] = {}
    printed = printed_names(mentions)
    order = sorted(groups, key=lambda k: min(m.rank for m in groups[k]))
    focus = _focus_commune(groups, opening)
    homes = _homes(groups, mentions, paragraphs)
    for k in order:
        places[k] = _place(groups[k], places, printed, focus, _communes_beside(groups[k], mentions), homes, paragraphs)
    _share_list_parents(groups, places)
    out = []
    for m in mentions:
        p = places.get(m.key)
        if p is not None:
            out.append((m, Locality(p.name, p.level, p.word, m.sentence, p.parent, p.code, p.successor, p.mapped)))
    return out


def _focus_commune(groups: dict[tuple, list[Mention]], opening: int) -> tuple | None:
    """The commune the article is about: named in its title or lead (before `opening`) and more
    often than any other."""
    key = _most_named_commune(groups)
    return key if key is not None and min(m.sentence.start for m in groups[key]) < opening else None


def _most_named_commune(groups: dict[tuple, list[Mention]]) -> tuple | None:
    """The group of the commune the article names more often than any other, if one."""
    sizes = sorted(((len(g), k) for k, g in groups.items() if g[0].level == "xã"), reverse=True)
    if not sizes or (len(sizes) > 1 and sizes[0][0] == sizes[1][0]):
        return None
    return sizes[0][1]


def _share_list_parents(groups: dict[tuple, list[Mention]], places: dict) -> None:
    """A village with no commune of its own lies in the one commune of the villages printed in a
    list with it ("bà con thôn Nà Han, Nà Lầu", Nà Han being of xã Tân Thanh), when that is the
    commune the article names most ("ấp Giồng Dứa thuộc xã B giáp ranh": B is a neighbour's)."""
    lists: dict[tuple, list[tuple]] = {}
    communes: dict[int, set] = {}  # sentence -> the communes it names
    for k, group in groups.items():
        for m in group:
            if m.level == "thôn" and m.typed:
                lists.setdefault((m.sentence.start, m.tail), []).append(k)
            elif m.level == "xã" and places.get(k) is not None:
                communes.setdefault(m.sentence.start, set()).add(places[k].key)
    most = _most_named_commune(groups)
    if most is None or places.get(most) is None:
        return
    main = places[most].key  # only the commune the article names most: not a neighbour's
    for (sentence, _tail), keys in lists.items():
        parents = {places[k].parent.key: places[k].parent for k in keys if places.get(k) and places[k].parent}
        if set(parents) != {main} or communes.get(sentence, set()) - {main}:
            continue  # "các thôn A, B, C thuộc hai xã X và Y": the list's own sentence says otherwise
        parent = next(iter(parents.values()))
        for k in keys:
            loc = places.get(k)
            if loc is not None and loc.parent is None:
                places[k] = dataclasses.replace(loc, parent=parent)


def _homes(groups: dict[tuple, list[Mention]], mentions: list[Mention], paragraphs) -> dict[tuple, list]:
    """Communes named only as where someone comes from ("quê ở thôn A, xã B") or lives ("trú tại
    xã B"), with where: no rival to the commune the article is about (_sole_parent), except a
    home named in a village's paragraph before it, where the story may have gone next
    ("trú tại xã B. Tổ công tác đến bản Hin, nơi Hùng sinh sống")."""
    home: dict[int, tuple[int, int, bool]] = {}  # mention -> (its paragraph, its sentence, lived in)
    for m in mentions:
        at = m.begin - m.sentence.start
        found = _home_end_re().search(m.sentence.text, max(0, at - 28), at)  # "sinh ra và lớn lên ở " is 21 long
        if found:
            lives = fold(found.group(1)) not in _origin_words()
            while m is not None:
                home[id(m)] = (paragraph_start(paragraphs, m.sentence.start, 0), m.sentence.start, lives)
                m = m.parent
    return {k: [home[id(m)] for m in g] for k, g in groups.items()
            if g[0].level == "xã" and all(id(m) in home for m in g)}


def _away(homes: dict[tuple, list], places: dict, m: Mention, paragraphs) -> set[tuple]:
    """The home communes (_homes) that are no rival for village mention `m`."""
    paragraph = paragraph_start(paragraphs, m.sentence.start, 0)
    return {places[k].key for k, where in homes.items() if places.get(k) is not None
            and not any(lives and p == paragraph and start <= m.sentence.start for p, start, lives in where)}


@lru_cache(maxsize=1)
def _origin_words() -> frozenset[str]:
    from kg.extract.localities import context_words  # a cycle: localities reads places

    return frozenset(fold(w) for w in context_words()["origin"])


@lru_cache(maxsize=1)
def _home_end_re() -> re.Pattern:
    from kg.extract.localities import context_words

    words = [*context_words()["origin"], *context_words()["residence"]]
    return re.compile(rf"(?<!\w)((?i:{alternation(words)}))[ \t]+$")


def _communes_beside(group: list[Mention], mentions: list[Mention]) -> bool:
    """Does a sentence naming this village also name a commune ("Thôn A ... thuộc xã B")?"""
    if group[0].level != "thôn":
        return False
    starts = {m.sentence.start for m in group}
    return any(o.level == "xã" and o.sentence.start in starts for o in mentions)


def _place(group: list[Mention], places: dict, printed: dict, focus: tuple | None = None,
           beside: bool = False, homes: dict | None = None, paragraphs=()) -> Locality | None:
    m = group[0]
    unit = next((x.unit for x in group if x.unit), None)
    if unit:
        return unit_locality(unit, m.sentence, printed)
    parent = _written_parent(group, places) or _shared_parent(group, m.sentence, printed)
    parent = parent or _sole_parent(m, places, None if beside else focus, lambda: _away(homes or {}, places, m, paragraphs))
    level = "tỉnh" if m.level == "city" else m.level
    return Locality(m.name, level, m.word if level == "thôn" else level, m.sentence, parent)


def _written_parent(group: list[Mention], places: dict) -> Locality | None:
    """The deepest parent the text gives any of the group's mentions."""
    found = [x.parent or x.commune for x in group]
    found = [p for p in found if p is not None and places.get(p.key) is not None]
    if not found:
        return None
    deepest = max(found, key=lambda p: p.rank)
    return places[deepest.key]


def _shared_parent(group: list[Mention], sentence: Sentence, printed: dict) -> Locality | None:
    up = next((x.shared_parent for x in group if x.shared_parent), None)
    return unit_locality(up, sentence, printed) if up else None


def _sole_parent(m: Mention, places: dict, focus: tuple | None = None, away=lambda: frozenset()) -> Locality | None:
    """Without a written parent, the article's only place one level up (villages, unknown units);
    for a village, also the commune the article is about (`focus`) when no other is named before
    it (`away()`: communes named before it that are no rival, _homes)."""
    up = {"thôn": "xã", "huyện": "tỉnh", "xã": "huyện"}.get(m.level)
    if m.level != "thôn" and _candidates([m]):
        return None  # ambiguous on the map: the text does not say which
    found = {loc.key: loc for loc in _all_places(places) if loc.level == up}
    if len(found) > 1 and m.level == "thôn":
        # "Tại phường A ..." (A throughout) ... "Khối B ..." ... "nhân rộng ra các phường C, D"
        main = places.get(focus) if focus else None
        no_rival = away()
        found = {key: loc for key, loc in found.items() if loc.sentence.start <= m.sentence.start and key not in no_rival}
        if main is None or [loc.key for loc in found.values()] != [main.key]:
            return None
    return next(iter(found.values())) if len(found) == 1 else None


def _all_places(places: dict):
    for loc in places.values():
        while loc is not None:
            yield loc
            loc = loc.parent
