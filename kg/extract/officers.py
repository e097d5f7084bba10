"""People: "Thượng tá Vũ Việt Cường, Trưởng Công an huyện", "ông Nguyễn Sáu - Chủ tịch UBND xã",
"Bí thư Tỉnh ủy Bình Phước Nguyễn Mạnh Cường", "các đồng chí Ủy viên BTV Tỉnh ủy: A - ...; B - ...".

Each post a person holds is one Officer record; honorifics (ông, bà, đồng chí)
are neither name nor rank. Posts come before or after the name; a list of
posts before a colon is shared by every person listed after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg import gazetteer
from kg.data import read_rows, read_words
from kg.extract.model import Officer, Organization, Sentence
from kg.extract.org_places import Resolver, level_words
from kg.extract.org_tails import both_tones, head_re
from kg.extract.organizations import Context, expand
from kg.extract.patterns import CAP, alternation, ialternation, lead
from kg.extract.posts import Post, PostList, post_lists, title_re
from kg.text import fold

_NAME = rf"{CAP}(?:[ \t]+{CAP}){{0,4}}"
_PRE_GAP = re.compile(r"[ \t]*(?:,|là(?=[ \t]))?[ \t]*")  # "Chủ tịch UBND xã, ông A" / "Trưởng thôn là ông A"
# ", Trưởng ...", " - Trưởng ...", and past an age: ", 68 tuổi, Tổ trưởng ..."
_AGE = r"[,(][ \t]*\d{1,3}[ \t]+tuổi[ \t]*\)?[ \t]*"  # ", 68 tuổi," between a name and what follows
_POST_GAP = re.compile(rf"[ \t]*(?:{_AGE})?(?:[,:(]|[-–])?[ \t]*")
_COLON = re.compile(r"[ \t]*:")
_IS = re.compile(r"[ \t]*,?[ \t]*(?i:là)[ \t]+")
_CLAUSE_START = re.compile(r"(?:^|[,;:(“\"–-])[ \t]*$")
_LISTED = re.compile(r"[ \t]*(?:,|và|,[ \t]*và)[ \t]*")
_JOINED = re.compile(r"\w['’](\w)")


@dataclass
class Candidate:
    start: int        # where the person's mention starts (rank or honorific included)
    end: int
    name: str
    rank: str | None
    titled: bool      # a rank or honorific stands before the name


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    rank_words, honor_words, surname_words = (read_words(f) for f in ("ranks.tsv", "honorifics.tsv", "surnames.tsv"))
    rank_words, honor_words = sorted(both_tones(rank_words)), sorted(both_tones(honor_words))  # "Thượng uý"
    ranks, honor, surnames = alternation(rank_words), alternation(honor_words), alternation(surname_words)
    return {
        "titled": re.compile(rf"{lead([*rank_words, *honor_words])}(?<!\w)(?:(?P<rank>(?i:{ranks}))|(?i:{honor}))"
                             rf"[ \t]+(?P<name>{_NAME})(?!\w)"),
        "family": re.compile(rf"{lead(surname_words)}(?<!\w)(?P<name>(?:{surnames})(?:[ \t]+{CAP}){{1,4}})(?!\w)"),
        "honorific": re.compile(rf"(?<!\w)(?i:{honor})[ \t]+$"),
        "owner": re.compile(rf"(?<!\w)(?i:{ialternation(read_words('post_owner_words.tsv'))})[ \t]+$"),
        # "các đồng chí: A, Giám đốc ...; Đầu Thanh Tùng, Phó Chủ tịch ...": an item of a list of people
        "listed": re.compile(rf"[;:][ \t]*(?P<name>{CAP}(?:[ \t]+{CAP}){{2,3}})[ \t]*,[ \t]*"),
        "holds": _verbs_re(row[0] for row in read_rows("post_verbs.tsv") if row[1:] != ("agent",)),
        "holds_as_agent": _verbs_re(read_words("post_verbs.tsv")),
        "agent": re.compile(r"(?<!\w)do[ \t]+$", re.I),
    }


@lru_cache(maxsize=1)
def _rank_forms() -> dict[str, str]:
    return {fold(rank): rank for rank in read_words("ranks.tsv")}


def _listed_rank(printed: str) -> str:
    """The rank as ranks.tsv writes it ("thượng uý" -> "Thượng úy"): one label for one rank."""
    return _rank_forms().get(fold(printed), printed.capitalize())


def _verbs_re(verbs) -> re.Pattern:
    # "do ông A, 58 tuổi, làm Tổ trưởng": an age may stand between
    return re.compile(rf"[ \t]*(?:{_AGE})?,?[ \t]*(?i:{ialternation(verbs)})[ \t]+")


def extract_officers(sentences: list[Sentence], resolver: Resolver, police: Organization | None) -> list[Officer]:
    out: list[Officer] = []
    for s in sentences:
        out += _sentence_officers(expand(s.text), Context(resolver, s, police))
    return tidy(out)


def _sentence_officers(text: str, ctx: Context) -> list[Officer]:
    lists = post_lists(text, ctx)
    out = []
    cands = candidates(text, lists, lambda name: any(ctx.resolver.knows(name, level) for level in ("tỉnh", "huyện", "xã")))
    pres = {id(c): _pre_list(text, c, lists) for c in cands}
    used_as_pre = {id(lst) for lst in pres.values() if lst is not None}
    previous: Candidate | None = None
    for c in cands:
        posts = _shared_posts(text, c, lists)
        pre = pres[id(c)]
        post = _post_list(text, c, lists, used_as_pre)
        for lst in (pre, post):
            posts += lst.posts if lst else []
        if (pre or post or posts or c.titled or _listed_after(text, previous, c) or _born_after(text, c)) and _is_name(c.name):
            out += _records(c, posts, ctx.sentence)
            previous = c
    return out


def addressed_names(sentences: list[Sentence]) -> frozenset[str]:
    """The names, folded, that follow a rank or an honorific in these sentences ("ông Gai")."""
    return frozenset(fold(m.group("name")) for s in sentences for m in _patterns()["titled"].finditer(s.text))


def titled_at(text: str, pos: int, kin: bool = True) -> bool:
    """Does a rank or honorific and a name, or a post title, start at pos? `kin`: an honorific of
    one word ("ông", "bà") counts too."""
    m = _patterns()["titled"].match(text, pos)
    if m is not None and not kin and not m.group("rank") and " " not in text[pos:m.start("name")].strip():
        m = None
    return bool(m or title_re().match(text, pos))


def _listed_after(text: str, previous: Candidate | None, c: Candidate) -> bool:
    """"các đồng chí Nguyễn Văn A, Trần Văn B": a name listed right after a person's is a person's."""
    return previous is not None and _LISTED.fullmatch(text, previous.end, c.start) is not None


_INITIAL = re.compile(r"[A-ZĐ]")
# the dot of an initial, then the sentence goes on: "Lê Thị H. (SN 1978", "Nguyễn Văn T. khai";
# before a capital the dot may end the sentence, and the name may be a school's ("Trần Phú B.")
_INITIAL_END = re.compile(r"\.(?:[ \t]*[(,;]|[ \t]+(?P<next>[^\W\d_]))")


def _initial_ends(text: str, pos: int) -> bool:
    m = _INITIAL_END.match(text, pos)
    return m is not None and (m.group("next") is None or m.group("next").islower())


def candidates(text: str, lists: list[PostList], place_named=lambda name: False) -> list[Candidate]:
    """Names after a rank or honorific, and names that start with a family name; `place_named`:
    is a name one of the article's places ("ngư dân Lý Sơn" beside "huyện Lý Sơn")?"""
    out: list[Candidate] = []
    for m in _patterns()["titled"].finditer(text):
        name = trim_name(m.group("name"))
        if name and not _starts_post_or_body(text, m.start("name")) and not (
                _people_of(text[m.start():m.start("name")]) and place_named(name)):
            rank = m.group("rank")
            out.append(Candidate(m.start(), m.start("name") + len(name), name, _listed_rank(rank) if rank else None, True))
    taken = [(c.start, c.end) for c in out]
    for m in _patterns()["family"].finditer(text):
        start = _after_lists(m.start("name"), lists)
        found = _patterns()["family"].match(text, start) if start != m.start("name") else m
        if found is None or any(a < found.end() and found.start() < b for a, b in taken):
            continue
        name = trim_name(found.group("name"))
        if len(name.split()) >= 2 and not _after_level_word(text, found.start(), lists):
            end = found.start() + len(name)
            if _INITIAL.fullmatch(name.split()[-1]) and _initial_ends(text, end):
                # "Lê Thị H. (SN 1978, trú ...)": a person the news names by an initial
                out.append(Candidate(found.start(), end + 1, name + ".", None, True))
                continue
            out.append(Candidate(found.start(), end, name, None, False))
    taken = [(c.start, c.end) for c in out]
    for m in _patterns()["listed"].finditer(text):
        start, end = m.span("name")
        if any(a < end and start < b for a, b in taken) or _starts_post_or_body(text, start):
            continue
        if gazetteer.load().lookup(m.group("name")):
            continue  # "Kết quả: Tân Lập, Trưởng Công an xã ...": a place, not a person
        if any(lst.start == m.end() for lst in lists):  # a post follows: a person, whatever the family name
            out.append(Candidate(start, end, m.group("name"), None, False))
    return sorted(out, key=lambda c: c.start)


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    return frozenset(fold(row[0]) for row in read_rows("honorifics.tsv") if row[1:] == ("people",))


def _people_of(word: str) -> bool:
    """"ngư dân Lý Sơn": a word that may name the fishermen of a place, not a person called so."""
    return fold(word.strip()) in _people_words()


@lru_cache(maxsize=1)
def _born_re() -> re.Pattern:
    return re.compile(rf"[ \t]*\((?:(?i:{ialternation(read_words('birth_words.tsv'))})[ \t:]*\d{{4}}|\d{{1,3}}[ \t]+tuổi)(?!\w)")


def _born_after(text: str, c: Candidate) -> bool:
    """"Lò Văn Sương (SN 1987, trú tại bản Hới)", "Trần Văn Tư (61 tuổi, ...)": a person the news names."""
    return _born_re().match(text, c.end) is not None


def _after_lists(pos: int, lists: list[PostList]) -> int:
    """A run that starts inside an organisation's name ("Hà Nam Nguyễn Văn A") starts after it."""
    for lst in lists:
        if lst.start <= pos < lst.end:
            return lst.end + 1
    return pos


def _starts_post_or_body(text: str, pos: int) -> bool:
    return bool(title_re().match(text, pos) or head_re().match(text, pos))


def _after_level_word(text: str, pos: int, lists: list[PostList]) -> bool:
    """"phường Lê Lợi", "xã Nguyễn Huệ": a place named after a person, unless posts end there
    ("Chủ tịch Ủy ban MTTQ tỉnh Huỳnh Văn Tới")."""
    m = re.search(r"(\w+)[ \t]+$", text[:pos])
    if m is None or fold(m.group(1)) not in level_words():
        return False
    return not any(lst.end == m.end(1) for lst in lists)


def trim_name(name: str) -> str:
    """Drop trailing words that start a post or an organisation ("Nguyễn Văn A Trưởng")."""
    words = name.split()
    while len(words) > 1 and (title_re().match(words[-1]) or head_re().fullmatch(words[-1])):
        words.pop()
    return " ".join(words)


def _is_name(name: str) -> bool:
    return not title_re().match(name) and not head_re().match(name)


def _pre_list(text: str, c: Candidate, lists: list[PostList]) -> PostList | None:
    """Posts written just before the name: "Chủ tịch UBND tỉnh Nguyễn Đăng Bình"."""
    for lst in lists:
        if lst.start == c.start and c.titled and _status(lst.posts[0].text):
            return lst  # "già làng Y Bhiu": the honorific the name is read after is the post
        gap = text[lst.end:c.start]
        if lst.end <= c.start and _PRE_GAP.fullmatch(gap) and (lst.capital or _honorific_before(text, lst.start)
                                                                or _status(lst.posts[0].text)):
            if "là" in gap and not _CLAUSE_START.search(text, 0, lst.start):
                return None  # "Vợ Chủ tịch UBND xã là bà A": the post is someone else's
            return None if _owned_before(text, lst.start) else lst
    return None


def _status(title: str) -> bool:
    """A post that is also how one is addressed ("già làng Y Bhiu"): it binds written in lower case."""
    words = fold(title).split()
    return any(words[:len(h)] == h for h in _honorific_words())


@lru_cache(maxsize=1)
def _honorific_words() -> tuple[list[str], ...]:
    return tuple(fold(w).split() for w in read_words("honorifics.tsv") if " " in w)


def _honorific_before(text: str, pos: int) -> bool:
    return bool(_patterns()["honorific"].search(text[:pos]))


def _owned_before(text: str, pos: int) -> bool:
    """"của Bộ trưởng Bộ Công an": a post of someone else, named in passing."""
    return bool(_patterns()["owner"].search(text[:pos]))


def _post_list(text: str, c: Candidate, lists: list[PostList], used: set[int]) -> PostList | None:
    """Posts written after the name: ", Trưởng Công an huyện" / " - Chủ tịch UBND xã" / " làm Tổ trưởng"."""
    for lst in lists:
        if lst.start >= c.end and id(lst) not in used and _after_name(text, c, lst):
            return lst
    return None


def _after_name(text: str, c: Candidate, lst: PostList) -> bool:
    gap, p = text[c.end:lst.start], _patterns()
    if _POST_GAP.fullmatch(gap) or p["holds"].fullmatch(gap):
        return True
    if not p["holds_as_agent"].fullmatch(gap):
        return False
    # "là"/"làm" bind a person introduced by "do"; "là" also one addressed by a title who opens
    # the clause ("Ông A là Trưởng thôn"). Elsewhere they bind too loosely: "con trai ông A là ...",
    # "thay ông A làm ...", "Nguyễn Văn L làm Phó Trưởng Công an xã bị thương", "A, B là X, Y".
    if p["agent"].search(text, max(0, c.start - 8), c.start):
        return True
    # "Đồng chí Quân là cán bộ trẻ": a word for what one is, not a post of a body
    named = lst.capital or lst.posts[0].org is not None or lst.posts[0].placed
    return (c.titled and named and _IS.fullmatch(gap) is not None
            and _CLAUSE_START.search(text, 0, c.start) is not None)


def _shared_posts(text: str, c: Candidate, lists: list[PostList]) -> list[Post]:
    """"các đồng chí Ủy viên BTV Tỉnh ủy: A - ...; B - ...": the posts before the colon are everyone's."""
    out: list[Post] = []
    for lst in lists:
        if lst.end <= c.start and _COLON.match(text, lst.end):
            out += lst.posts
    return out


def _records(c: Candidate, posts: list[Post], sentence: Sentence) -> list[Officer]:
    if not posts:
        return [Officer(c.name, sentence, c.rank)]
    return [Officer(c.name, sentence, c.rank, p.text, p.org) for p in posts]


# -- the article --------------------------------------------------------------

def tidy(officers: list[Officer]) -> list[Officer]:
    """One article's people: short names joined to the full name, ranks shared, repeats dropped."""
    _full_names(officers)
    # "Bác Hồ", "Bà Rịa": a lone word is no name; "K’Brơi", "H’Hen" (Highlands names) are whole
    officers = [o for o in officers if " " in o.name or _joined_name(o.name)]
    ranks: dict[str, str] = {}
    for o in officers:
        if o.rank:
            ranks.setdefault(o.name, o.rank)
    with_post = {o.name for o in officers if o.post}
    out, seen = [], set()
    for o in officers:
        o.rank = o.rank or ranks.get(o.name)
        key = (o.name, o.rank, fold(o.post), _org_name(o))
        if key in seen or (o.post is None and o.name in with_post) or _said_in_full(o, officers):
            continue
        seen.add(key)
        out.append(o)
    return out


def _joined_name(name: str) -> bool:
    m = _JOINED.search(name)
    return bool(m) and m.group(1).isupper()


def _said_in_full(officer: Officer, officers: list[Officer]) -> bool:
    """"Giám đốc Công an tỉnh" beside "Giám đốc Công an tỉnh Khánh Hòa", same person and body."""
    post = fold(officer.post)
    return bool(post) and any(
        o.name == officer.name and _org_name(o) == _org_name(officer) and fold(o.post).startswith(post + " ")
        for o in officers)


def _org_name(officer: Officer) -> str | None:
    return officer.organization.name if officer.organization else None


def _full_names(officers: list[Officer]) -> None:
    """"anh Long" after "anh Đinh Văn Long", "thiếu tá Tấn Đông" after "Huỳnh Văn Tấn Đông"."""
    names = {o.name for o in officers}
    ranks: dict[str, set] = {}
    for o in officers:
        ranks.setdefault(o.name, set()).add(o.rank)
    for o in officers:
        longer = {n for n in names if n != o.name and n.endswith(" " + o.name)}
        if not longer and _highland(o.name) and o.post is None:  # "Trung tá Y Thương" after "Y Thương Ayŭn"
            # not one with a post or another rank of his own: "Đại úy Y Phôn, Phó Trưởng Công an xã"
            # beside "Trung úy Y Phôn Byă" are two men
            longer = {n for n in names if n != o.name and n.startswith(o.name + " ")
                      and (o.rank is None or o.rank in ranks[n] <= {o.rank, None})}
        if len(longer) == 1:
            o.name = longer.pop()


def _highland(name: str) -> bool:
    """A name that opens with a Highlands prefix ("Y Thương", "H'Hen", "Ksor Bar")."""
    from kg.extract.localities import highland_start  # a cycle: localities reads officers' names

    return highland_start(name.split()[0])
