"""Posts a person holds, as printed: "Trưởng Ban Dân vận Huyện ủy, Chủ tịch Ủy ban MTTQ huyện".

A list of posts is read on the expanded sentence; each post is its title plus the
organisation written after it, whose name the organisation parser decides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.data import read_rows, read_words
from kg.extract.model import Organization
from kg.extract.org_places import Place, elsewhere_after, level_words, place_at, village_branches
from kg.extract.org_tails import both_tones, head_re, tail
from kg.extract.organizations import Context, Parsed, compose, heads, parse_at, shared, short_parents
from kg.extract.patterns import ialternation, lead
from kg.text import fold

# "A, B", "A kiêm B", "A, đồng thời là B", "A, cũng là B": one person's posts in a row ("A cũng
# là B" without the comma says it of another: "Trưởng Công an xã cũng là Phó Chủ tịch UBND xã")
_ALSO = r"(?:kiêm|đồng thời (?:là|kiêm))"
_NEXT = re.compile(rf"[ \t]*(?:,[ \t]*(?P<also>(?:{_ALSO}|(?:đồng thời )?cũng là)[ \t]+)?|[ \t]+(?P<also2>{_ALSO})[ \t]+)")


@dataclass
class Post:
    text: str                         # the post as printed, abbreviations expanded
    parsed: Parsed | None = None      # the organisation written after the title
    placed: bool = False              # a place, not an organisation, follows ("Trưởng thôn Pìn")
    where: Place | None = None        # that place
    org: Organization | None = None   # resolved: the organisation the post belongs to
    member: bool = False              # "Tỉnh ủy viên": its body is the article's committee of that level
    also: bool = False                # joined to the post before by "kiêm", "đồng thời là", "cũng là"


@dataclass
class PostList:
    start: int
    end: int
    posts: list[Post]
    capital: bool                     # the first title is capitalised


@lru_cache(maxsize=1)
def title_re() -> re.Pattern:
    # "nguyên Chủ tịch UBND xã": a former post is still the person's post as printed
    posts = both_tones([*read_words("posts.tsv"), *read_words("status_posts.tsv")])
    return re.compile(rf"{lead(['nguyên', *posts])}(?<!\w)(?:nguyên[ \t]+)?(?:{ialternation(posts)})(?!\w)", re.IGNORECASE)


def post_lists(text: str, ctx: Context) -> list[PostList]:
    """Every list of posts in a sentence, left to right."""
    ctx = Context(ctx.resolver, ctx.sentence, ctx.police, in_post=True)
    out, pos = [], 0
    while m := title_re().search(text, pos):
        found = list_at(text, m, ctx)
        out.append(found)
        pos = max(found.end, m.end())
    return out


def list_at(text: str, m: re.Match, ctx: Context) -> PostList:
    start, posts, end, also = m.start(), [], m.end(), False
    while m is not None:
        post, end = _post_at(text, m, ctx)
        post.also = also
        posts.append(post)
        sep = _NEXT.match(text, _past_address(text, end, ctx))
        m = title_re().match(text, sep.end()) if sep else None
        also = bool(sep and (sep.group("also") or sep.group("also2")))
    _resolve(posts, ctx)
    return PostList(start, end, posts, text[start].isupper())


def _past_address(text: str, end: int, ctx: Context) -> int:
    """"Trưởng ấp Búng Lớn, xã Nhơn Hội, người có uy tín": the units written after a post,
    each with its level word, locate it; the list goes on after them. `end` if none."""
    at = end
    while (sep := _COMMA.match(text, at)) and (place := place_at(text, sep.end(), ctx.resolver, ctx.sentence)):
        if not place.name or not place.loc or place.loc.level == "thôn" or not place.word:
            break
        at = place.end
    sep = _NEXT.match(text, at) if at != end else None
    title = title_re().match(text, sep.end()) if sep else None
    # only a standing in the community, held by no one named after it: "Trưởng ấp X, xã Y,
    # Chủ tịch UBND xã Y Nguyễn Văn Z" lists another person's post
    if title is None or fold(title.group(0)) not in _status_posts() or _NAMED_AFTER.match(text, title.end()):
        return end
    return at


_NAMED_AFTER = re.compile(r"[ \t]+(?:là[ \t]+)?[A-ZĐÀ-Ỹ]")
_COMMA = re.compile(r"[ \t]*,[ \t]*")


def _post_at(text: str, m: re.Match, ctx: Context) -> tuple[Post, int]:
    """One post: its title and the organisation or place written after it."""
    parsed = _org_after(text, m, ctx)
    if parsed is not None:
        return Post(_clean(text[m.start():parsed.core_end]), parsed), parsed.end
    if _MEMBER.search(m.group(0)):
        # "Huyện ủy viên": of the committee the title starts with, where the article has one; never
        # of the next post's body ("Đảng ủy viên, Trưởng Công an xã" is no member of the police)
        member = _member_of(text, m, ctx)
        return Post(_clean(m.group(0)), member, placed=member is None, member=member is not None), m.end()
    last = text.rfind(" ", m.start(), m.end()) + 1  # "Trưởng bản | Ón": the title ends with a level word
    two = text.rfind(" ", m.start(), last - 1) + 1  # "Trưởng khu phố | Nhơn Cầu"
    if two > m.start() and fold(text[two:m.end()]) in level_words():
        last = two
    status = fold(m.group(0)) in _status_posts()
    if status:
        starts = (m.end(),)  # "già làng" is a village elder: its "làng" starts no village's name
    elif fold(text[last:m.end()]) in level_words():
        starts = (last, m.end())  # "Trưởng bản Đông Tấu" is not "Trưởng bản" of a commune "Đông"
    else:
        starts = (m.end(), last)
    for at in starts:
        place = place_at(text, at, ctx.resolver, ctx.sentence)
        if place is not None and not place.level and place.name and place.end > m.end() and (not status or _worded(text, at)):
            return Post(_clean(text[m.start():place.end]), placed=True, where=place), place.end
    if status:
        return Post(_clean(m.group(0)), placed=True), m.end()
    return Post(_clean(m.group(0)), _team_before(text, m, ctx)), m.end()


def _worded(text: str, at: int) -> bool:
    words = text[at:at + 20].split()
    return bool(words) and fold(words[0]) in level_words()


@lru_cache(maxsize=1)
def _status_posts() -> frozenset[str]:
    return frozenset(fold(w) for w in read_words("status_posts.tsv"))


_MEMBER = re.compile(r"\w[ \t]+(?i:ủy|uỷ)[ \t]+viên$")  # "Huyện ủy viên", not "Ủy viên" alone


def _member_of(text: str, m: re.Match, ctx: Context) -> Parsed | None:
    """"Huyện ủy viên": a member of the body the title starts with (the article's Huyện ủy)."""
    if not head_re().match(text, m.start()):
        return None
    parsed = parse_at(text, m.start(), ctx)
    return parsed if parsed is not None and parsed.org is not None and parsed.end <= m.end() else None


def _team_before(text: str, m: re.Match, ctx: Context) -> Parsed | None:
    """The team a "Tổ trưởng" printed alone leads: the last one of its head named before it in its clause."""
    head = _team_heads().get(fold(m.group(0)))
    if head is None or not _BARE_AFTER.match(text, m.end()):
        return None  # "Tổ trưởng Tổ liên gia ...": the post names its own team
    clause = text.rfind(";", 0, m.start()) + 1
    heads = [h.start() for h in re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", text[:m.start()], re.I)
             if h.start() >= clause]
    if not heads:
        return None
    # only the last team of that head: "đội Cảnh sát ... phối hợp với đội dân phòng do ông A làm Đội trưởng"
    parsed = parse_at(text, heads[-1], ctx)
    return parsed if parsed is not None and parsed.org is not None and parsed.end <= m.start() else None


_BARE_AFTER = re.compile(r"[ \t]*(?:[,.;:)!?]|$)")  # the post printed alone, ending its clause


@lru_cache(maxsize=1)
def _team_heads() -> dict[str, str]:
    return {fold(post): head for post, head in read_rows("post_teams.tsv")}


def _org_after(text: str, m: re.Match, ctx: Context) -> Parsed | None:
    """"Trưởng Công an huyện": the organisation after the title; "Trưởng ban Tuyên giáo Trung ương":
    the title's last word starts it."""
    last = text.rfind(" ", m.start(), m.end()) + 1
    starts = [m.end() + 1] if text[m.end():m.end() + 1] == " " else []
    starts += [last] if last > m.start() else []
    for at in starts:
        found = head_re().match(text, at)
        if found is None:
            continue
        parsed = parse_at(text, at, ctx)
        if parsed is not None:
            return parsed
        head = heads()[fold(found.group(1))]
        if head.mode in ("party", "board") and _NEXT.match(text, found.end(1)):
            # "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy X": the board of the next post's
            # Party committee (organizations.shared)
            return Parsed(head, at, found.end(1), found.end(1))
        if head.type == "committee" and tail(text, found.end(1), ctx)[0] == found.end(1):
            # "Phó Trưởng Ban Chỉ đạo" written alone, no name after it ("Hội đồng quản trị" has one):
            # the committee the article names (the_named_committee)
            return Parsed(head, at, found.end(1), found.end(1), Organization(head.text, head.type, ctx.sentence))
    return _short_unit(text, m, ctx)


def _short_unit(text: str, m: re.Match, ctx: Context) -> Parsed | None:
    """"Chính trị viên Đồn cho biết": the article's one unit of the head that short word stands
    for (org_short_forms.the_named_unit), or no body."""
    short = _short_unit_re().match(text, m.end())
    if short is None or _post_units().get(fold(m.group(0))) != fold(short.group("short")) or elsewhere_after(text, short.end()):
        return None  # "Chính trị viên đồn bạn": of another country's post
    head = heads()[fold(short_parents()[fold(short.group("short"))])]
    unit = Organization(head.text, head.type, ctx.sentence, unnamed=True)
    return Parsed(head, short.start("short"), short.end(), short.end(), unit)


@lru_cache(maxsize=1)
def _post_units() -> dict[str, str]:
    return {fold(post): fold(short) for post, short in read_rows("post_short_units.tsv")}


@lru_cache(maxsize=1)
def _short_unit_re() -> re.Pattern:
    # no capitalised name after it: "Đồn Biên phòng Bờ Y" is read as the body it names
    words = sorted(set(_post_units().values()))
    return re.compile(rf"[ \t]+(?P<short>(?i:{ialternation(words)}))(?!\w)(?![ \t]+[A-ZÀ-ỸĐ])")


def _resolve(posts: list[Post], ctx: Context) -> None:
    """A bare "Công an" or "Đảng ủy", or a title alone ("Vụ trưởng"), belongs with the next post's body."""
    following: Post | None = None
    for post in reversed(posts):
        p = post.parsed
        if p is not None and p.org is None:
            partner = following.parsed if following is not None and not following.also else None
            if partner is not None and partner.org is not None:
                p.org = shared(p.head, partner, ctx)
            elif following is not None and _village(following.where) and fold(p.head.text) in village_branches():
                # "Bí thư Chi bộ, Trưởng khu phố Nhơn Cầu": the branch of that village
                where = following.where
                p.org = Organization(compose(p.head.text, where.word, where.name), p.head.type, ctx.sentence, where.loc)
            post.org = p.org
        elif p is not None:
            post.org = p.org
        elif not post.placed and following is not None and not following.also:
            post.org = following.org
        if post.member and following is not None and _elsewhere(post.org, following.org):
            post.org = None  # "Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Lào Cai" in an article about Yên Bái
        following = post


def _village(where: Place | None) -> bool:
    return where is not None and where.loc is not None and where.loc.level == "thôn" and bool(where.name)


def _elsewhere(org: Organization | None, other: Organization | None) -> bool:
    """Does `other` lie in another unit of the level `org` lies at?"""
    if org is None or other is None or org.locality is None:
        return False
    loc = other.locality
    while loc is not None and loc.level != org.locality.level:
        loc = loc.parent
    return loc is not None and loc.key != org.locality.key


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,")
