"""Programs: movements, models, campaigns, plans and legal documents an article names.

A kind word (program_kinds.tsv) opens a name: a quote ('phong trào “Toàn dân bảo vệ
an ninh Tổ quốc”'), a known name without quotes ('phong trào toàn dân bảo vệ ANTQ'),
a document number ('Quyết định số 521'), a title ('Luật Biên giới quốc gia') or, for
a single model, an unquoted phrase ('mô hình tổ tự quản'). A plural kind word with
'như:', 'gồm' opens a list ('các mô hình, như: “A”; “B” (của Hội ...)', 'gồm camera
an ninh, tiếng loa an ninh và mô hình tái hòa nhập cộng đồng'). A quote may carry its
own kind word ('“Chiến dịch cấp căn cước công dân”').
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.data import read_rows
from kg.extract import program_text as pt
from kg.extract.model import Program, Sentence
from kg.extract.patterns import alternation, ialternation, lead
from kg.text import canonical_tones, fold

# Document numbers: '22', '06/2014/NĐ-CP', '521/QĐ - TTg', '1222/KH-BCĐ', '09-CT/TW'.
_NUMBER = r"\d+[A-Za-z]?(?:\s?[/-]\s?(?:\d+[A-Za-z]?|[A-ZĐ][A-Za-zĐđ\d]*))*"
_DIRECT_WORDS = 6     # words allowed between a kind word and its quoted name
_ABOUT_WORDS = 40     # ... when the quote is introduced by 'về' ('chương trình ... về “X”')
_LIST_WORDS = 40      # words allowed between a plural kind word and its list after a colon
_NEAR_LIST_WORDS = 12  # ... after 'như', 'gồm' with no colon
_CARRIED_WORDS = 6    # a list borrowing the previous sentence's kind opens this early
_TAIL_WORDS = 3       # a sentence ending '... các mô hình.' lends its kind to the next


@dataclass
class _Hit:
    """One kind word in a sentence."""
    start: int
    end: int
    kind: str
    forms: frozenset[str]
    plural: bool
    taken: bool = False


@lru_cache(maxsize=1)
def _kinds() -> dict[str, tuple[str, frozenset[str]]]:
    return {fold(w): (k, frozenset(f.split(","))) for w, k, f in read_rows("program_kinds.tsv")}


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[str, str], ...]:
    """(abbreviation, expansion) pairs written in capitals ('ANTQ'), longest expansion first."""
    pairs = [(a, f) for a, f in read_rows("abbreviations.tsv") if a.isalpha() and a.isupper()]
    return tuple(sorted(pairs, key=lambda p: -len(p[1])))


def _loose(text: str) -> str:
    """Regex for a literal phrase, tolerant of spacing and of an optional comma."""
    return r"\s+".join(re.escape(w).replace(",", ",?") for w in text.split())


def _variants(name: str) -> str:
    """Regex for a known name in which an abbreviation may stand for its expansion."""
    alts: list[str] = []

    def hold(m: re.Match, abbr: str) -> str:
        alts.append(rf"(?:{_loose(m.group(0))}|{re.escape(abbr)})")
        return f" \x01{len(alts) - 1} "

    for abbr, full in _abbreviations():
        name = re.sub(re.escape(full), lambda m, a=abbr: hold(m, a), name, flags=re.IGNORECASE)
    out = ""
    for word in name.split():
        piece = alts[int(word[1:])] if word.startswith("\x01") else re.escape(word).replace(",", ",?")
        out += piece if not out else (r"\s*" if word in ",;" else r"\s+") + piece
    return out


@lru_cache(maxsize=1)
def _known() -> tuple[tuple[str, str], ...]:
    rows = sorted(read_rows("programs_known.tsv"), key=lambda r: -len(r[0]))
    return tuple((n, k) for n, k in rows)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    kind_words = [w for w, *_ in read_rows("program_kinds.tsv")]
    kinds = ialternation(kind_words)  # each use is inside (?i:)
    known = "|".join(f"(?P<k{i}>{_variants(n)})" for i, (n, _k) in enumerate(_known()))
    notes = ialternation(pt.words("note"))
    note = rf"(?:\([^()]*\)|(?i:{notes})\s[^“”\"‘’;,()]{{1,80}})"
    return {
        "kind": re.compile(rf"{lead(kind_words)}(?<!\w)(?i:{kinds})(?!\w)"),
        "kind_last": re.compile(rf"(?<!\w)((?i:{kinds}))\s*:?\s*$"),
        "known": re.compile(rf"\s*(?i:{known})(?!\w)"),
        # "Nghị quyết số 05-NQ/HU", "Nghị quyết chuyên đề số 12-NQ/ĐU" (a lower-case word or two before "số")
        "number": re.compile(rf"(?P<desc>(?:\s+[^\W\d_]+){{1,2}}(?=\s+(?i:{ialternation(pt.words('number-word'))})\s))?"
                             rf"\s+(?P<word>(?i:{ialternation(pt.words('number-word'))})\s+)?(?P<name>{_NUMBER})(?![\w/])"),
        "next": re.compile(rf"\s*(?:{note}\s*){{0,2}}(?:[,;]|(?i:{ialternation(pt.words('conjunction'))})(?!\w))?"
                           rf"\s*(?:(?P<kind>(?i:{kinds}))\s*:?\s*)?"),
        # case-sensitive: 'Như Xuân' is a place, not 'như'
        "intro": re.compile(rf"(?<!\w)(?:{alternation(pt.words('introducer'))})(?!\w)\s*:?|:"),
        "lead": re.compile(rf"\s*:?\s*(?:(?i:{ialternation(pt.words('plural'))})\s+)?(?:(?P<kind>(?i:{kinds}))(?!\w)\s*:?\s*)?"),
        "plural": re.compile(rf"(?:(?<!\w)(?i:{ialternation(pt.words('plural'))})|\d)\s+$"),
        "inner": re.compile(rf"^\s*(?P<kind>(?i:{kinds}))\s+(?P<name>\S.*)$"),
        "conj": re.compile(rf"\s*(?i:{ialternation(pt.words('conjunction'))})\s+(?:(?P<kind>(?i:{kinds}))\s+)?"),
    }


def _kind_of(word: str) -> tuple[str, frozenset[str]]:
    return _kinds()[fold(word)]


def _program(text: str, kind: str, s: Sentence) -> Program | None:
    """A program from a quote's text; a kind word inside the quote wins ('“Đề án ...”')."""
    inner = _patterns()["inner"].match(text)
    if inner and _usable_kind(inner.group("kind"), text, inner.start("kind")):
        if not pt.names_something(inner.group("name")):
            return None  # '“Mô hình rất hay”': words about a program
        kind, text = _kind_of(inner.group("kind"))[0], inner.group("name")
    name = pt.clean(text)
    return Program(name, kind, s) if name and not pt.sentence_like(name) else None


def _usable_kind(word: str, text: str, start: int) -> bool:
    """'Luật' counts only with its capital; 'Luật sư' is no kind word at all."""
    if "capital" in _kind_of(word)[1] and not word[0].isupper():
        return False
    rest = fold(text[start:start + 30])
    return not (rest in pt.folded("not-kind") or rest.startswith(pt.affixed("not-kind", after=" ")))


def _hits(text: str, spans: list[pt.Quote]) -> list[_Hit]:
    """Kind words outside quotes and outside organisation names ('Cục Xây dựng phong trào')."""
    out = []
    orgs = pt.affixed("org")
    for m in _patterns()["kind"].finditer(text):
        if any(q.start <= m.start() < q.end for q in spans):
            continue
        if not _usable_kind(m.group(0), text, m.start()):
            continue
        before = fold(text[max(0, m.start() - 30):m.start()])
        if before.endswith(orgs):
            continue
        kind, forms = _kind_of(m.group(0))
        plural = bool(_patterns()["plural"].search(text[max(0, m.start() - 20):m.start()]))
        out.append(_Hit(m.start(), m.end(), kind, forms, plural))
    return out


def _quote_at(spans: list[pt.Quote], pos: int) -> pt.Quote | None:
    return next((q for q in spans if q.start == pos), None)


def _chain(text: str, first: pt.Quote, kind: str, spans: list[pt.Quote], s: Sentence, used: set[int]) -> list[Program]:
    """A quoted name and the names listed after it: '“A”; “B” (của Hội ...), “C” tại xã X và “D”'."""
    out, q = [], first
    p = _patterns()
    while q is not None:
        used.add(q.start)
        out.append(_program(q.text, kind, s))
        m = p["next"].match(text, q.end)
        if not m:
            break
        gap, q = text[q.end:m.end()], _quote_at(spans, m.end())
        # a note may end with a kind word: '“A” ở xã X là mô hình “B”' (one inside it, '“A” của Cục Xây
        # dựng phong trào ... và “B”', or in brackets, is the note's own)
        last = p["kind_last"].search(gap)
        item_kind = _kind_of(m.group("kind") or last.group(1))[0] if m.group("kind") or last else kind
        if q is None:  # a known name may continue the list after a comma: '“A”, dân vận khéo'
            known = p["known"].match(text, m.end())
            if known and not m.group("kind") and re.search(r"[,;]", gap):
                out.append(Program(pt.clean(known.group(0)), kind, s))
            break
        if item_kind != kind:
            out.extend(_chain(text, q, item_kind, spans, s, used))
            break
    return [prog for prog in out if prog]


@lru_cache(maxsize=1)
def _speech_re() -> re.Pattern:
    """A word of speech ("nói", "cho biết") as a whole word, in folded text."""
    return re.compile(rf"(?<!\w)(?:{alternation(pt.folded('speech'))})(?!\w)")


def _gap_ok(gap: str) -> bool:
    """The words between a kind word and a quote leave the quote to that kind word."""
    if re.search(r"[.;!?“”\"‘’]", gap):
        return False
    n = len(gap.split())
    tail = fold(gap)
    about = tail.endswith(pt.affixed("about"))
    if n > (_ABOUT_WORDS if about else _DIRECT_WORDS):
        return False
    if _speech_re().search(tail):
        return False
    return not (tail in pt.folded("blocker") or tail.endswith(pt.affixed("blocker", before=" ")))


def _after_kind(text: str, hit: _Hit, limit: int, spans: list[pt.Quote], s: Sentence, used: set[int]) -> list[Program]:
    """The name a kind word introduces, tried form by form."""
    p = _patterns()
    if "known" in hit.forms and not hit.plural:
        m = p["known"].match(text, hit.end)
        if m and m.start() < limit:
            return [Program(pt.clean(m.group(0)), hit.kind, s)]
    if "number" in hit.forms or "code" in hit.forms:
        m = p["number"].match(text, hit.end)
        if m and _document_number(m, text[hit.start], "code" in hit.forms) and (
                not m.group("desc") or m.group("desc").islower()):
            return [Program(m.group("name"), hit.kind, s)]
    if "quoted" in hit.forms:
        q = next((q for q in spans if hit.end <= q.start < limit), None)
        if q and q.start not in used and _gap_ok(text[hit.end:q.start]):
            return _chain(text, q, hit.kind, spans, s, used)
    if "title" in hit.forms or ("phrase" in hit.forms and not hit.plural):
        return _phrase(text, hit, spans, s)
    return []


def _document_number(m: re.Match, first: str, coded: bool = False) -> bool:
    """'Quyết định 22', 'kế hoạch số 45', 'kế hoạch 45/KH-UBND' -- but not 'kế hoạch 3 năm';
    `coded`: only a document's code ('Chương trình phối hợp số 12/CTPH-CAH', not 'Chương trình 2 ngày',
    nor 'chương trình phối hợp số 09 ... về “...”', named by its quote)."""
    code = bool(re.search(r"[/-]", m.group("name")))
    return code if coded else bool(m.group("word")) or first.isupper() or code


def _phrase(text: str, hit: _Hit, spans: list[pt.Quote], s: Sentence) -> list[Program]:
    """An unquoted name: 'mô hình tổ tự quản;', 'Luật Biên giới quốc gia,', and a second after 'và'."""
    pos = hit.end + len(text[hit.end:]) - len(text[hit.end:].lstrip())
    if pos == hit.end or pos >= len(text) or not text[pos].isalnum():
        return []
    closer = pt.orphan_closer(text, pos, spans)
    if closer is not None and len(text[pos:closer].split()) <= pt.MAX_ITEM_WORDS:
        name = pt.clean(text[pos:closer])
        return [Program(name, hit.kind, s)] if name and pt.acceptable(name, pt.MAX_ITEM_WORDS) else []
    end = pt.name_end(text, pos)
    name = pt.clean(text[pos:end])
    if not name or not pt.acceptable(name):
        return []
    out = [Program(name, hit.kind, s)]
    m = _patterns()["conj"].match(text, end)
    if m and (m.group("kind") or _title_case(text[m.end():m.end() + 2])):
        kind = _kind_of(m.group("kind"))[0] if m.group("kind") else hit.kind
        out += _phrase(text, _Hit(m.start(), m.end() - 1, kind, hit.forms, False), spans, s)
    return out


def _title_case(two: str) -> bool:
    return len(two) == 2 and two[0].isupper() and two[1].islower()


def _governing(hits: list[_Hit], pos: int, text: str, reach: int) -> _Hit | None:
    """The plural kind word a list at pos belongs to: 'Nhiều mô hình hay ... như: ...'."""
    for hit in reversed([h for h in hits if h.end <= pos]):
        gap = text[hit.end:pos]
        if re.search(r"[.;!?]", gap) or len(gap.split()) > reach:
            return None
        if hit.plural:
            return hit
    return None


def _lists(text: str, hits: list[_Hit], carried: str | None, spans: list[pt.Quote], s: Sentence,
           used: set[int]) -> list[Program]:
    """Names listed after an introducer ('như:', 'gồm', ':') that follows a plural kind word."""
    out: list[Program] = []
    for m in _patterns()["intro"].finditer(text):
        if any(q.start <= m.start() < q.end for q in spans) or _not_introducer(text, m.end()):
            continue
        colon = m.group(0).rstrip().endswith(":")
        hit = _governing(hits, m.start(), text, _LIST_WORDS if colon else _NEAR_LIST_WORDS)
        if hit is None and carried and _opens_sentence(text, m, hits, spans):
            # borrowed from the previous sentence: taken counts as 'named', so quotes only
            hit = _Hit(0, 0, carried, frozenset(), True, taken=True)
        if hit:
            out += _list_items(text, m.end(), hit, spans, s, used)
    return out


def _opens_sentence(text: str, m: re.Match, hits: list[_Hit], spans: list[pt.Quote]) -> bool:
    """'Nội dung tập trung: “A”, “B”': an early colon, no kind word before it, two quotes after."""
    early = len(text[:m.start()].split()) <= _CARRIED_WORDS
    return early and not any(h.end <= m.start() for h in hits) and len([q for q in spans if q.start >= m.end()]) >= 2


def _not_introducer(text: str, end: int) -> bool:
    before = fold(text[max(0, end - 20):end])
    return before.endswith(pt.affixed("not-introducer"))


def _list_items(text: str, pos: int, hit: _Hit, spans: list[pt.Quote], s: Sentence, used: set[int]) -> list[Program]:
    """A list of quotes runs while its items hold quotes (or, split on ';', open with a kind
    word); a list without quotes belongs to a kind word that named nothing itself."""
    sep, items = pt.split_items(text[pos:])
    quoted = bool(items) and _quote_at(spans, _patterns()["lead"].match(text, pos + items[0][0]).end()) is not None
    if not quoted and hit.taken:
        return []
    out: list[Program] = []
    for a, b in items:
        lead = _patterns()["lead"].match(text, pos + a)
        has_quote = any(pos + a <= q.start < pos + b for q in spans)
        if quoted and not has_quote and not (sep == ";" and lead.group(0).strip()):
            break
        out += _item(text, pos + a, pos + b, hit.kind, spans, s, used)
    return out


def _item(text: str, a: int, b: int, kind: str, spans: list[pt.Quote], s: Sentence, used: set[int]) -> list[Program]:
    """One item of a list: its quotes, or an unquoted name ('mô hình 5+1', 'các cụm An ninh liên hoàn')."""
    inside = [q for q in spans if a <= q.start < b]
    lead = _patterns()["lead"].match(text, a)
    if lead.group("kind"):
        kind = _kind_of(lead.group("kind"))[0]
    if inside:
        for q in inside:
            used.add(q.start)
        return [p for p in (_program(q.text, kind, s) for q in inside) if p]
    start = lead.end()
    end = min(b, pt.name_end(text, start, conjunctions=False, commas=False))
    name = pt.clean(text[start:end])
    return [Program(name, kind, s)] if name and pt.acceptable(name, pt.MAX_ITEM_WORDS) else []


def _in_sentence(s: Sentence, carried: str | None) -> tuple[list[Program], str | None, str | None]:
    """The programs a sentence names, the kind its closing plural kind word lends the next one,
    and the kind of the bulleted list its closing colon opens (_bullets_kind)."""
    text = s.text
    spans = pt.quotes(text)
    hits = _hits(text, spans)
    used: set[int] = set()
    out: list[Program] = []
    for i, hit in enumerate(hits):
        limit = hits[i + 1].start if i + 1 < len(hits) else len(text)
        found = _after_kind(text, hit, limit, spans, s, used)
        hit.taken = bool(found)
        out += found
    out += _lists(text, hits, carried, spans, s, used)
    out += _inner(text, spans, s, used)
    out += _quoted_models(spans, s, used)
    return _drop_cut(out), _tail_kind(text, hits), _bullets_kind(text, hits)


def _drop_cut(programs: list[Program]) -> list[Program]:
    """A name cut at a comma ('phòng chống khai thác lâm') yields to the same name read whole."""
    cut = [o for o in programs if "," in o.name]  # only a name holding a comma can be the whole one
    if not cut:
        return programs
    return [p for p in programs
            if not any(o.kind == p.kind and o.name.startswith(p.name + ",") for o in cut)]


def _inner(text: str, spans: list[pt.Quote], s: Sentence, used: set[int]) -> list[Program]:
    """Quotes no kind word claimed but which open with one: '“Chiến dịch cấp căn cước công dân”'."""
    out = []
    for q in spans:
        m = _patterns()["inner"].match(q.text)
        if q.start not in used and m and _usable_kind(m.group("kind"), q.text, m.start("kind")):
            out.append(_program(q.text, _kind_of(m.group("kind"))[0], s))
    return [p for p in out if p]


def _quoted_models(spans: list[pt.Quote], s: Sentence, used: set[int]) -> list[Program]:
    """Quotes no kind word claimed that hold a model's known name ("428 “Tổ liên gia tự quản”")."""
    out = []
    for q in spans:
        kind = _quoted_known().get(fold(pt.clean(q.text))) if q.start not in used else None
        if kind:
            used.add(q.start)
            out.append(Program(pt.clean(q.text), kind, s))
    return out


@lru_cache(maxsize=1)
def _quoted_known() -> dict[str, str]:
    return {fold(name): kind for name, kind in read_rows("programs_quoted.tsv")}


_BULLET = re.compile(r"\s*[-–+•*](?:\s+|(?=[“\"‘]))")


def _bullets_kind(text: str, hits: list[_Hit]) -> str | None:
    """'... các mô hình được duy trì gồm:' closing a paragraph: the kind of the items bulleted after it."""
    body = text.rstrip()
    if not body.endswith(":") or _not_introducer(text, len(body) - 1):
        return None
    hit = _governing(hits, len(body) - 1, text, _LIST_WORDS)
    return hit.kind if hit else None


def _bullet_item(s: Sentence, kind: str) -> list[Program] | None:
    """'- “Camera an ninh” với 1.250 mắt camera;': the quoted name opening a bullet; None if
    the sentence is no bullet."""
    m = _BULLET.match(s.text)
    if not m:
        return None
    q = next((q for q in pt.quotes(s.text) if q.start == m.end()), None)
    found = _program(q.text, kind, s) if q else None
    return [found] if found else []


def _tail_kind(text: str, hits: list[_Hit]) -> str | None:
    """'... và các mô hình.': the kind of a plural kind word closing the sentence."""
    if hits and hits[-1].plural and not hits[-1].taken:
        if len(text[hits[-1].end:].split()) <= _TAIL_WORDS:
            return hits[-1].kind
    return None


def _key(prog: Program) -> tuple[str, str]:
    """Same program, same wording: compared with abbreviations expanded ('ANTT' = 'an ninh trật tự')."""
    name = prog.name
    if _any_abbreviation().search(name):  # most names hold none: skip the loop
        for abbr, full, pattern in _abbreviation_patterns():
            if abbr in name:
                name = pattern.sub(full, name)
    return prog.kind, " ".join(_NOT_WORD.sub(" ", fold(name)).split())


def _dedupe(programs: list[Program]) -> list[Program]:
    """One entry per program and wording; the spelled-out wording wins over an abbreviated one."""
    best: dict[tuple[str, str], Program] = {}
    for prog in programs:
        k = _key(prog)
        if k not in best or _abbreviated(best[k]) > _abbreviated(prog):
            best[k] = prog
    return list(best.values())


def _abbreviated(prog: Program) -> int:
    if not _any_abbreviation().search(prog.name):
        return 0
    return sum(1 for abbr, _f, pattern in _abbreviation_patterns() if abbr in prog.name and pattern.search(prog.name))


_NOT_WORD = re.compile(r"[^\w+]")


@lru_cache(maxsize=1)
def _any_abbreviation() -> re.Pattern:
    """Finds any abbreviation anywhere, word or not: where it finds none, `abbr in name` is false for all."""
    return re.compile("|".join(re.escape(a) for a, _f in _abbreviations()))


@lru_cache(maxsize=1)
def _abbreviation_patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    """_abbreviations() with each abbreviation compiled as a whole word."""
    return tuple((a, f, re.compile(rf"(?<!\w){re.escape(a)}(?!\w)")) for a, f in _abbreviations())


def extract_programs(sentences: list[Sentence], paragraphs: set[int] | None = None) -> list[Program]:
    """`paragraphs`: where paragraphs start; a bulleted list ends at a paragraph with no bullet
    (without them, at a sentence with none)."""
    out: list[Program] = []
    carried = bullets = None
    for s in sentences:
        found, carried, opens = _in_sentence(s, carried)
        items = _bullet_item(s, bullets) if bullets else None
        if items is None and (paragraphs is None or s.start in paragraphs):
            bullets = None
        bullets = opens or bullets
        out += [p for p in found + (items or []) if p and p.name]
    return _dedupe(out)


def display_name(name: str) -> str:
    """The label of a program's node, the same whatever the case or tone placement an article prints.

    A program's IRI folds both, so each article's own form would be one more label on the
    shared node, and `kg query programs` would list an article once for every form any
    article used. A known program takes its listed spelling; any other, the printed one in
    the new tone placement, with a capital first letter where its first word is all lower
    case ("iOS" stays). Wordings stay as printed: two of them with one IRI ("phòng, chống"
    and "phòng chống") are two labels, and programs.rq lists one per article."""
    known = _known_spellings().get(fold(name))
    if known:
        return known
    name = canonical_tones(name)
    first = next((i for i, ch in enumerate(name) if ch.isalnum()), None)
    if first is None or not name[first].isalpha():
        return name  # "3 không": the capital would land mid-name
    word = name[first:].split(" ", 1)[0]
    return name[:first] + name[first].upper() + name[first + 1:] if word.islower() else name


@lru_cache(maxsize=1)
def _known_spellings() -> dict[str, str]:
    return {fold(n): n for n, _k in _known()}
