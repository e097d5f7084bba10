"""People: "Thượng tá Vũ Việt Cường, Trưởng Công an huyện", "ông Nguyễn Sáu - Chủ tịch UBND xã".

Each post a person holds is one Officer record; honorifics (ông, bà, đồng chí)
are neither name nor rank.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.data import read_words
from kg.extract.model import Officer, Organization, Sentence
from kg.extract.organizations import Resolver, expand, organizations_in
from kg.extract.patterns import CAP, alternation
from kg.text import clean_spaces, fold


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    ranks = alternation(read_words("ranks.tsv"))
    honor = alternation(read_words("honorifics.tsv"))
    surnames = alternation(read_words("surnames.tsv"))
    posts = alternation(read_words("posts.tsv"))
    name = rf"{CAP}(?:\s+{CAP}){{1,4}}"
    return {
        # rank or honorific, then a name
        "titled": re.compile(rf"(?<!\w)(?:(?P<rank>(?i:{ranks}))|(?i:{honor}))\s+(?P<name>{CAP}(?:\s+{CAP}){{0,4}})(?![\w])"),
        # a name that starts with a family name, followed by its post
        "named": re.compile(rf"(?<![\w])(?P<name>(?:{surnames})(?:\s+{CAP}){{1,4}})(?=\s*(?:,|[-–])\s*(?i:{posts})\b)"),
        "post": re.compile(rf"(?i:{posts})(?!\w)"),
    }


@lru_cache(maxsize=1)
def _stops() -> tuple[str, ...]:
    return tuple(fold(w) for w in read_words("org_tail_stops.tsv"))


def _post_segments(text: str, pos: int) -> list[str]:
    """Posts written after a name: ', Trưởng Ban Dân vận Huyện ủy, Chủ tịch Ủy ban MTTQ huyện'."""
    m = re.match(r"\s*(?:,|[-–])\s*", text[pos:])
    if not m or not _patterns()["post"].match(text, pos + m.end()):
        return []
    rest = text[pos + m.end():]
    rest = re.split(r"[.;:()“”\"]|\s[-–]\s", rest, maxsplit=1)[0]
    segments, current = [], []
    for part in rest.split(","):
        part_s = part.strip()
        if current and _patterns()["post"].match(part_s):
            segments.append(", ".join(current))
            current = []
        words, kept = part_s.split(), []
        for i, w in enumerate(words):
            if (i or current) and (fold(w) in _stops() or fold(" ".join(words[i:i + 2])) in _stops()):
                current.append(" ".join(kept))
                segments.append(", ".join(current))
                return [s for s in segments if s]
            kept.append(w)
        current.append(" ".join(kept))
    if current:
        segments.append(", ".join(current))
    return [s for s in segments if s]


def extract_officers(sentences: list[Sentence], resolver: Resolver, police: Organization | None) -> list[Officer]:
    out: list[Officer] = []
    for s in sentences:
        seen: set[int] = set()
        for kind in ("titled", "named"):
            for m in _patterns()[kind].finditer(s.text):
                if m.start("name") in seen:
                    continue
                seen.add(m.start("name"))
                name = _trim_name(m.group("name"))
                if len(name.split()) < 2 and kind == "named":
                    continue
                rank = m.groupdict().get("rank")
                rank = rank[0].upper() + rank[1:].lower() if rank else None
                posts = _post_segments(s.text, m.start("name") + len(name))
                if not posts:
                    out.append(Officer(name, s, rank))
                for post in posts:
                    post_text = clean_spaces(expand(post)).strip(" ,")
                    orgs = organizations_in(post, s, resolver, police)
                    out.append(Officer(name, s, rank, post_text, orgs[-1] if orgs else None))
    return out


def _trim_name(name: str) -> str:
    """Drop a trailing capitalised word that starts the post ('Nguyễn Văn A Trưởng')."""
    words = name.split()
    while len(words) > 1 and _patterns()["post"].fullmatch(words[-1]):
        words.pop()
    return " ".join(words)
