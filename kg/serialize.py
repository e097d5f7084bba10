"""Deterministic streaming RDF output: each article's triples as sorted N-Triples lines,
written as one TriG block per article and merged into the union graph's Turtle.

rdflib's serialisers hold the whole graph in memory and sort it there (an hour
and more for a few million triples). Here an article's triples become lines
"<s> <p> o" once, in the worker that extracted them; the TriG is the articles'
blocks in build order, and the union graph is an external merge sort of the
lines (sorted runs on disk, merged with duplicates dropped), so memory stays
bounded and the bytes depend only on the input.
"""
from __future__ import annotations

import heapq
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from rdflib import BNode, Literal, URIRef

from kg.namespaces import PREFIXES

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RUN_LINES = 1_500_000  # lines sorted in memory before a run goes to disk (~300 MB)
# Control characters are escaped too: no line holds one, so a line's sort order is the same
# with its newline (in the merge) as without it (in memory).
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
                          **{chr(c): f"\\u{c:04X}" for c in range(32) if chr(c) not in "\n\r\t"}})
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f]')
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")  # a local name safe in a prefixed name


def nt_iri(text: str) -> str:
    """The N-Triples form of an IRI given as text."""
    return _iri(text)


def _iri(text: str) -> str:
    if _BAD_IRI.search(text):  # not minted by kg; keep it legal with \u escapes
        text = _BAD_IRI.sub(lambda m: f"\\u{ord(m.group(0)):04X}", text)
    return f"<{text}>"


def nt_term(term) -> str:
    """The N-Triples form of an rdflib term (also valid Turtle)."""
    if type(term) is URIRef or isinstance(term, URIRef):
        return _iri(term)
    if isinstance(term, Literal):
        quoted = nt_string(str(term), term.language)
        return f"{quoted}^^{_iri(term.datatype)}" if term.datatype is not None and not term.language else quoted
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


def nt_string(text: str, lang: str | None = None) -> str:
    """nt_term(Literal(text, lang=lang)) for a string, without making the Literal."""
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"@{lang}' if lang else f'"{text}"'


def nt_lines(triples: Iterable[tuple]) -> list[str]:
    """Sorted, distinct "<s> <p> o" lines (no final dot) of `triples`."""
    return sorted({f"{nt_term(s)} {nt_term(p)} {nt_term(o)}" for s, p, o in triples})


def join_lines(lines: list[str] | None) -> str | None:
    """Lines as one string to store or send (no line holds a line feed: it is escaped)."""
    return None if lines is None else "\n".join(lines)


def split_lines(text: str | None) -> list[str] | None:
    """The lines of join_lines(lines)."""
    return None if text is None else text.split("\n") if text else []


_UNESCAPES = {'\\"': '"', "\\\\": "\\", "\\n": "\n", "\\r": "\r", "\\t": "\t", "\\b": "\b", "\\f": "\f"}
_ESCAPED = re.compile(r'\\(?:["\\nrtbf]|u[0-9A-Fa-f]{4})')


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPED.sub(lambda m: _UNESCAPES.get(m.group(0)) or chr(int(m.group(0)[2:], 16)), text)


def parse_term(text: str):
    """The rdflib term of an N-Triples term written by nt_term."""
    if text[0] == "<":
        return URIRef(_unescape(text[1:-1]))
    if text.startswith("_:"):
        return BNode(text[2:])
    end = text.rindex('"')
    lexical, tail = _unescape(text[1:end]), text[end + 1:]
    if tail.startswith("@"):
        return Literal(lexical, lang=tail[1:])
    if tail.startswith("^^"):
        return Literal(lexical, datatype=URIRef(_unescape(tail[3:-1])))
    return Literal(lexical)


def lines_to_graph(lines: Iterable[str], graph):
    """Add the triples of N-Triples `lines` to an rdflib graph: several times faster than its NT parser."""
    terms: dict[str, object] = {}

    def term(text):
        hit = terms.get(text)
        if hit is None:
            hit = terms[text] = parse_term(text)
        return hit

    graph.addN((term(s), term(p), term(o), graph) for s, p, o in map(split_line, lines))
    return graph


def split_line(line: str) -> tuple[str, str, str]:
    # Subjects and predicates are IRIs or blank nodes: neither holds a space.
    s, p, o = line.split(" ", 2)
    return s, p, o


class Abbreviator:
    """Turtle's short forms: `a` for rdf:type, prefixed names for vocabulary terms."""

    def __init__(self, prefixes: dict[str, str] = PREFIXES):
        self.by_ns = {str(ns): p for p, ns in prefixes.items()}
        self.prefixes = dict(sorted((p, str(ns)) for p, ns in prefixes.items()))
        self.cache: dict[str, str] = {RDF_TYPE: "a"}

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()) + "\n"

    def iri(self, text: str) -> str:
        short = self.cache.get(text)
        if short is not None:
            return short
        iri = text[1:-1]
        cut = max(iri.rfind("#"), iri.rfind("/")) + 1
        prefix, local = self.by_ns.get(iri[:cut]), iri[cut:]
        # Instance IRIs ("…/locality/sơn-la/sông-mã") stay whole.
        short = text if prefix is None or not _LOCAL.fullmatch(local) else f"{prefix}:{local}"
        if len(self.cache) < 1_000_000:  # entities recur across articles; bounded memory
            self.cache[text] = short
        return short

    def term(self, text: str) -> str:
        if text[0] == "<":
            return self.iri(text)
        if text[-1] == ">":  # a typed literal: shorten its datatype
            cut = text.rfind("^^<")
            return text[: cut + 2] + self.iri(text[cut + 2:])
        return text

    def predicate(self, text: str) -> str:
        return "a" if text == RDF_TYPE else self.iri(text)


def turtle_blocks(lines: Iterable[str], abbr: Abbreviator, indent: str = "") -> Iterator[str]:
    """One Turtle block per subject of `lines` (sorted, so a subject's lines are together)."""
    subject, pred, parts = None, None, []
    for line in lines:
        s, p, o = split_line(line)
        if s != subject:
            if parts:
                yield "".join(parts) + " .\n"
            subject, pred, parts = s, p, [indent, abbr.term(s), " ", abbr.predicate(p), " ", abbr.term(o)]
        elif p != pred:
            pred = p
            parts += [" ;\n", indent, "    ", abbr.predicate(p), " ", abbr.term(o)]
        else:
            parts += [",\n", indent, "        ", abbr.term(o)]
    if parts:
        yield "".join(parts) + " .\n"


def trig_block(graph: str, lines: Iterable[str], abbr: Abbreviator) -> str:
    """A named graph in TriG: `graph` is the graph's IRI in N-Triples form."""
    return f"{abbr.iri(graph)} {{\n" + "".join(turtle_blocks(lines, abbr, "    ")) + "}\n\n"


class LineMerger:
    """The union of many sorted line lists: an external merge sort that counts how many
    lists give each line (kg.union keeps the counts, to take an article's lines out later)."""

    def __init__(self, tmp_dir: Path, run_lines: int = RUN_LINES):
        self.tmp_dir, self.run_lines = tmp_dir, run_lines
        self.buffer: list[str] = []
        self.runs: list[Path] = []

    def add(self, lines: list[str]) -> None:
        self.buffer += lines
        if len(self.buffer) >= self.run_lines:
            self._spill()

    def _spill(self) -> None:
        # A line given more than once is written "line\tcount". No line holds a tab or a line
        # feed (escaped), and both sort before every character a line holds: the entries of
        # one line stay together in the merge, in its place.
        path = self.tmp_dir / f"run-{len(self.runs):05d}.nt"
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(f"{line}\n" if n == 1 else f"{line}\t{n}\n" for line, n in _counted(sorted(self.buffer)))
        self.runs.append(path)
        self.buffer = []

    def counted(self) -> Iterator[tuple[str, int]]:
        """Every distinct line with the number of lists that gave it, in sorted order."""
        if not self.runs:
            yield from _counted(sorted(self.buffer))
            return
        if self.buffer:
            self._spill()
        try:
            yield from merge_runs([(p, 0, p.stat().st_size) for p in self.runs])
        finally:
            for p in self.runs:
                os.unlink(p)

    def lines(self) -> Iterator[str]:
        """Every distinct line, in sorted order."""
        return (line for line, _n in self.counted())

    def parts(self, n: int) -> list[list[tuple[Path, int, int]]]:
        """The runs cut in n parts at the same subjects, as (run, start, end) byte ranges:
        merging each part (merge_runs) gives the merged lines in n consecutive pieces, no
        subject in two. Spills first."""
        if self.buffer:
            self._spill()
        sizes = [p.stat().st_size for p in self.runs]
        longest = self.runs[sizes.index(max(sizes))]
        with open(longest, "rb") as fh:
            pivots = sorted({_line_after(fh, max(sizes) * k // n) for k in range(1, n)} - {None})
        cuts = []
        for path, size in zip(self.runs, sizes):
            with open(path, "rb") as fh:
                cuts.append([0, *(_first_at_least(fh, size, pivot) for pivot in pivots), size])
        return [[(path, c[i], c[i + 1]) for path, c in zip(self.runs, cuts)] for i in range(len(pivots) + 1)]


def merge_runs(ranges: list[tuple[Path, int, int]]) -> Iterator[tuple[str, int]]:
    """(line, count) of the lines in byte ranges of sorted runs, merged, counts summed."""
    files = [open(p, "rb") for p, _start, _end in ranges]
    try:
        for fh, (_p, start, _end) in zip(files, ranges):
            fh.seek(start)
        streams = [_entries(fh, end - start) for fh, (_p, start, end) in zip(files, ranges)]
        yield from _summed(map(_parse_entry, heapq.merge(*streams)))
    finally:
        for fh in files:
            fh.close()


def _entries(fh, length: int) -> Iterator[str]:
    """The entries of a run in the next `length` bytes of `fh`, without their line feeds."""
    left = length
    while left > 0:
        chunk = fh.read(min(left, 1 << 22))
        if not chunk:
            return
        left -= len(chunk)
        if left > 0 and not chunk.endswith(b"\n"):
            tail = fh.readline(left)  # finish the last line: chunks end at line ends
            left -= len(tail)
            chunk += tail
        yield from chunk.decode("utf-8").split("\n")[:-1]


def _key(entry: bytes) -> bytes:
    return entry.rstrip(b"\n").split(b"\t", 1)[0]


def _line_start(fh, x: int) -> int:
    """The first line start at or after byte x."""
    if x == 0:
        return 0
    fh.seek(x - 1)
    fh.readline()
    return fh.tell()


def _line_after(fh, x: int) -> str | None:
    """The subject of the line at or after byte x, and a space: every line of that subject
    sorts at or after it, every line of an earlier subject before it (a cut between subjects)."""
    fh.seek(_line_start(fh, x))
    entry = fh.readline()
    return _key(entry).split(b" ", 1)[0].decode("utf-8") + " " if entry else None


def _first_at_least(fh, size: int, pivot: str) -> int:
    """Byte offset of the first entry whose line is >= pivot (UTF-8 keeps the order of text)."""
    key = pivot.encode("utf-8")

    def at_least(start: int) -> bool:
        if start >= size:
            return True
        fh.seek(start)
        return _key(fh.readline()) >= key

    lo, hi = 0, size
    while lo < hi:
        mid = (lo + hi) // 2
        if at_least(_line_start(fh, mid)):
            hi = mid
        else:
            lo = mid + 1
    return _line_start(fh, lo)


def _counted(lines: Iterable[str]) -> Iterator[tuple[str, int]]:
    """(line, repeats) of sorted lines."""
    return _summed((line, 1) for line in lines)


def _summed(pairs: Iterable[tuple[str, int]]) -> Iterator[tuple[str, int]]:
    """(line, count) pairs sorted by line, each line once with its counts added."""
    last, total = None, 0
    for line, n in pairs:
        if line != last:
            if last is not None:
                yield last, total
            last, total = line, 0
        total += n
    if last is not None:
        yield last, total


def _parse_entry(entry: str) -> tuple[str, int]:
    """A run's entry, "line" or "line\tcount", as (line, count)."""
    if "\t" in entry:
        line, _, n = entry.rpartition("\t")
        return line, int(n)
    return entry, 1


def turtle_body(lines: Iterable[str], abbr: Abbreviator) -> str:
    """The Turtle of sorted lines, without the prefixes: one block a subject, a blank line after each."""
    return "".join(block + "\n" for block in turtle_blocks(lines, abbr))


def write_turtle(fh: IO[str], lines: Iterable[str], abbr: Abbreviator) -> None:
    fh.write(abbr.header())
    fh.write(turtle_body(lines, abbr))
