"""Read an article file: decode, normalise, separate the article from page furniture.

Character offsets everywhere in kg index into `Article.text`: the file decoded,
NFC-normalised, with line breaks as "\\n".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.data import read_rows
from kg.decode import decode_bytes
from kg.extract.patterns import UPPER
from kg.text import clean_spaces, fold


_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
_DMY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_PUBLISHER = re.compile(r"^(Báo|Tạp chí|Đài|Cổng thông tin|Cổng TTĐT|Trang TTĐT|Truyền hình)\s+[\w\s.-]{2,40}$")
_CREDIT_LINE = re.compile(
    r"^(?:Tác giả|Bài và ảnh|Bài, ảnh|Tin, ảnh|Tin và ảnh|Bài|Tin|Ảnh|Nhóm PV|PV|Phóng sự|Video|Clip|Thực hiện)\s*:\s*(.+)$", re.I
)
# A photo credit at the end of a caption: "... ngày hội. Ảnh: T. HUY", "(Ảnh: T.P.)".
_CAPTION_CREDIT = re.compile(r"[.,]?\s*\(?\b[Ảả]nh\s*:\s*([^()\n]{2,60}?)\)?\s*\.?\s*$")
_NAME_SPLIT = re.compile(r"\s+[-–+&]\s+|\s*,\s*|\s+và\s+|\s*[-–]\s*$")
# A byline name: up to five capitalised words or initials ("Huyền Trang", "T. HUY", "T.P.").
_NAME_LIKE = re.compile(rf"^[{UPPER}][^\W\d_]*\.?(?:\s*[{UPPER}][^\W\d_]*\.?){{0,4}}$")


@dataclass
class Article:
    stem: str
    path: str
    text: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    # (start, end) of each paragraph of the article body, in reading order.
    paragraphs: list[tuple[int, int]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _furniture() -> tuple[list[re.Pattern], list[re.Pattern]]:
    """The stop rules and the skip rules, each joined in one pattern (one scan a line, not one a rule)."""
    rules: dict[str, list[str]] = {"stop": [], "skip": []}
    for action, pattern in read_rows("furniture.tsv"):
        rules["stop" if action == "stop" else "skip"].append(f"(?:{pattern})")
    return tuple([re.compile("|".join(rules[kind]), re.I)] if rules[kind] else [] for kind in ("stop", "skip"))


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line), line
        start += len(line) + 1


_MAX_NAME = 60


def _sentence_like(raw: str) -> bool:
    """A clause too long for a name after a comma or "và" ("Huyện A, tỉnh B ra quân; ..."); a long
    outlet after a dash is one ("An - Trung tâm Văn hóa Thông tin ... huyện Bắc Sơn")."""
    for part in re.split(r"\s+[-–]\s+", raw):
        pieces = re.split(r"\s*,\s*|\s+và\s+", part)
        if len(pieces) > 1 and any(len(piece) > _MAX_NAME for piece in pieces):
            return True
    return False


def _split_names(raw: str) -> list[str]:
    names = [_trim_name(clean_spaces(n)) for n in _NAME_SPLIT.split(raw)]
    return [n for n in names if n and len(n) <= _MAX_NAME]


@lru_cache(maxsize=1)
def _publisher_re() -> re.Pattern:
    rows = read_rows("publisher_words.tsv")
    prefixes = "|".join(re.escape(w) for kind, w in rows if kind == "prefix")
    suffixes = "|".join(re.escape(w) for kind, w in rows if kind == "suffix")
    return re.compile(rf"^(?:{prefixes})\b.*|.*(?i:{suffixes})$")


def _take_credit(art: Article, raw: str, first: bool = False) -> bool:
    """Read 'A - B (Báo X)' as authors and publisher; False, taking nothing, if it is not one."""
    raw = raw.strip().rstrip(".") if not re.search(r"\b\w\.$", raw.strip()) else raw.strip()
    outlet = re.search(r"\s*\(([^()]+)\)$", raw)
    people = raw[: outlet.start()] if outlet else raw
    if _sentence_like(people):
        return False  # a sentence, not a byline: "Huyện A, tỉnh B ra quân; Công an xã ..."
    parts = _split_names(people) + ([outlet.group(1)] if outlet else [])
    publishers = [p for p in parts if _publisher_re().match(p)]
    names = [p for p in parts if p not in publishers]
    if not names and not publishers or not all(_NAME_LIKE.match(n) for n in names):
        return False
    art.authors = names + art.authors if first else art.authors + names
    art.publisher = art.publisher or (publishers[0] if publishers else None)
    return True


def _trim_name(name: str) -> str:
    name = name.strip(" -–")
    # "T.P." keeps its dot as an initial; "Huyền Trang." loses the sentence's.
    return name if re.search(r"\b\w\.$", name) else name.rstrip(".")


def _is_title(line: str) -> bool:
    line = line.strip()
    return 3 <= len(line) <= 200 and not re.search(r"[.:;,…]$", line)


def _iso_date(line: str) -> str | None:
    m = _DMY.search(line)
    if not m:
        return None
    day, month, year = (int(g) for g in m.groups())
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def parse_article(text: str, stem: str, path: str = "") -> Article:
    """Split decoded text into metadata and body paragraphs."""
    art = Article(stem=stem, path=path, text=text)
    stop, skip = _furniture()
    body: list[tuple[int, int]] = []
    seen_content = False
    for start, end, line in _lines(text):
        m = _DATE_LINE.match(line)
        if m:
            art.date = art.date or m.group(1)
            start += m.end()
            line = text[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        if any(p.fullmatch(stripped) for p in stop):
            break
        if art.title and fold(stripped) == fold(art.title):
            continue  # the title repeated by the page template
        if any(p.fullmatch(stripped) for p in skip):
            if len(body) < 3:  # a timestamp under the headline, not a date in the text
                art.date = art.date or _iso_date(stripped)
            continue
        if _PUBLISHER.match(stripped) and len(stripped.split()) <= 8:
            art.publisher = art.publisher or stripped
            continue
        credit = _CREDIT_LINE.match(stripped)
        if credit and _take_credit(art, credit.group(1)):
            continue
        if not seen_content and art.title is None and not body and _is_title(stripped):
            art.title = clean_spaces(stripped)
        seen_content = True
        lead = len(line) - len(line.lstrip())
        seg_start, seg_end = start + lead, start + lead + len(stripped)
        # the test first: the pattern alone tries every position of every line
        caption = _CAPTION_CREDIT.search(stripped) if "Ảnh" in stripped or "ảnh" in stripped else None
        if caption:
            art.authors += _split_names(caption.group(1))
            seg_end = seg_start + caption.start()
        body.append((seg_start, seg_end))
    _trailing_bylines(art, body)
    art.paragraphs = body
    art.authors = list(dict.fromkeys(art.authors))
    return art


def _trailing_bylines(art: Article, body: list[tuple[int, int]]) -> None:
    """Short name-only lines closing the article are its bylines, not body."""
    while len(body) > 1:
        start, end = body[-1]
        line = art.text[start:end].strip()
        if len(line) > 90 or re.search(r"\d", line) or not _take_credit(art, line, first=True):
            break
        body.pop()


def read_article(path: Path) -> Article:
    """Read one article file; raises InputError naming the file and the problem."""
    text = decode_bytes(path)
    return parse_article(text, stem=path.stem, path=str(path))
