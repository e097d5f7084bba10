"""graph.ttl in ranges of subjects, so that a rebuild after a small change rewrites only
the ranges that change.

The union graph's Turtle is its triples sorted by subject. A full build cuts it into
buckets of about BUCKET_LINES lines at subject boundaries and keeps, for each bucket,
where its Turtle lies in graph.ttl and its lines with the number of articles that
give each (a line two articles give stays until both are gone). A rebuild that
knows the articles of the last build takes the lines of the articles that left and
of those that came, re-renders the buckets they touch and copies the others' bytes
from the old graph.ttl. Buckets are contiguous ranges of the sorted subjects and a
subject never spans two, so the file is byte-identical to a full build's.

The state lives beside the article cache (one code fingerprint), with a manifest that
also records graph.ttl's and graph.trig's size and modification time: if either was
touched since, the state is not used.
"""
from __future__ import annotations

import bisect
import marshal
import multiprocessing
import os
import shutil
import zlib
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg import serialize

BUCKET_LINES = 20_000
KEEP_LINES = 1_000_000  # past this the graph is too large for the page anyway
MANIFEST = "manifest"
_VERSION = 1


@dataclass
class Bucket:
    first: str                     # its first subject, in N-Triples form
    offset: int                    # where its Turtle starts in graph.ttl, in bytes
    length: int
    file: str                      # its counted lines, under the state folder
    tally: tuple                   # (triples, {class IRI: subjects typed so})

    def as_tuple(self) -> tuple:
        return (self.first, self.offset, self.length, self.file, self.tally)


@dataclass
class Manifest:
    ttl: tuple[int, int]                          # graph.ttl's size and mtime_ns as written
    trig: tuple[int, int]
    header: int                                   # bytes of graph.ttl before the first bucket
    articles: dict[str, tuple[str, int, int]]     # cache key -> (graph IRI, offset and length of its TriG block)
    buckets: list[Bucket] = field(default_factory=list)

    def dump(self) -> bytes:
        return zlib.compress(marshal.dumps((_VERSION, self.ttl, self.trig, self.header, self.articles,
                                            [b.as_tuple() for b in self.buckets])), 1)

    @staticmethod
    def parse(data: bytes) -> Manifest:
        version, ttl, trig, header, articles, buckets = marshal.loads(zlib.decompress(data))
        if version != _VERSION:
            raise ValueError("another state version")
        return Manifest(tuple(ttl), tuple(trig), header, articles, [Bucket(*b) for b in buckets])


def stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns)


def load(state: Path, out_dir: Path) -> Manifest | None:
    """The last build's manifest, if graph.ttl and graph.trig are still as it wrote them."""
    try:
        manifest = Manifest.parse((state / MANIFEST).read_bytes())
        if stamp(out_dir / "graph.ttl") != manifest.ttl or stamp(out_dir / "graph.trig") != manifest.trig:
            return None
        if not all((state / b.file).is_file() for b in manifest.buckets):
            return None
        return manifest
    except (OSError, ValueError, EOFError, TypeError, zlib.error):
        return None


def save_manifest(state: Path, manifest: Manifest) -> None:
    tmp = state / (MANIFEST + ".tmp")
    tmp.write_bytes(manifest.dump())
    os.replace(tmp, state / MANIFEST)


def forget(state: Path) -> None:
    """Drop the manifest: the next build is a full one."""
    try:
        os.unlink(state / MANIFEST)
    except OSError:
        pass


def remove_unused(state: Path, manifest: Manifest) -> None:
    keep = {b.file for b in manifest.buckets} | {MANIFEST}
    for entry in state.iterdir():
        if entry.name not in keep:
            entry.unlink(missing_ok=True)


# --- buckets -------------------------------------------------------------------------------

def tally(lines: Iterable[str]) -> tuple[int, dict[str, int]]:
    """(triples, {class: typed subjects}) of distinct lines."""
    triples, classes = 0, Counter()
    typed = f" {serialize.RDF_TYPE} "
    for line in lines:
        triples += 1
        if typed in line:
            _s, p, o = serialize.split_line(line)
            if p == serialize.RDF_TYPE:  # not a literal that happens to hold the IRI
                classes[o] += 1
    return triples, dict(classes)


def cut(counted: Iterable[tuple[str, int]], size: int = BUCKET_LINES) -> Iterator[tuple[list[str], list[int]]]:
    """Sorted (line, count) pairs in buckets of about `size` lines, cut where the subject changes."""
    lines: list[str] = []
    counts: list[int] = []
    subject = None
    for line, count in counted:
        s = line[: line.index(" ")]
        if len(lines) >= size and s != subject:
            yield lines, counts
            lines, counts = [], []
        subject = s
        lines.append(line)
        counts.append(count)
    if lines:
        yield lines, counts


def render(lines: Iterable[str], abbr: serialize.Abbreviator) -> bytes:
    return serialize.turtle_body(lines, abbr).encode("utf-8")


class Writer:
    """Writes buckets to graph.ttl (an open binary file) and their lines to the state folder."""

    def __init__(self, fh, state: Path | None, abbr: serialize.Abbreviator):
        self.fh, self.state, self.abbr = fh, state, abbr
        self.buckets: list[Bucket] = []
        self.generation = os.urandom(4).hex()  # new files never overwrite the last build's
        self.kept: dict[int, list[str]] | None = {}  # the lines written, while few (for the HTML page)
        self.kept_lines = 0

    def header(self) -> int:
        data = self.abbr.header().encode("utf-8")
        self.fh.write(data)
        return len(data)

    def write(self, lines: list[str], counts: list[int]) -> None:
        self._put(lines, *prepare((lines, counts)))

    def write_all(self, buckets: Iterable[tuple[list[str], list[int]]]) -> None:
        for lines, counts in buckets:
            self.write(lines, counts)

    def write_parts(self, parts: list[list[tuple[Path, int, int]]], folder: Path) -> None:
        """Merge and render the parts of a merge from disk (LineMerger.parts) in as many
        processes at once, then put their Turtle in order: the last step of a large build
        was one process's work while the other cores idled."""
        if "fork" not in multiprocessing.get_all_start_methods():
            for ranges in parts:
                self.write_all(cut(serialize.merge_runs(ranges)))
            return
        paths = [folder / f"part-{i}.ttl" for i in range(len(parts))]
        with ProcessPoolExecutor(len(parts), mp_context=multiprocessing.get_context("fork")) as pool:
            done = [pool.submit(_render_part, ranges, self.state, path) for ranges, path in zip(parts, paths)]
            results = [future.result() for future in done]
        self.kept = None
        for path, (buckets, saved) in zip(paths, results):
            if not saved:
                self.state = None
            base = self.fh.tell()
            with open(path, "rb") as part:
                shutil.copyfileobj(part, self.fh, 1 << 22)
            os.unlink(path)
            self.buckets += [Bucket(b.first, base + b.offset, b.length, b.file, b.tally) for b in buckets]

    def _put(self, lines: list[str], data: bytes, blob: bytes, counted: tuple) -> None:
        name = f"b-{self.generation}-{len(self.buckets):06d}"
        if self.state is not None and not _save(self.state, name, blob):
            self.state = None  # a state that cannot be kept only costs the next build time
        if self.kept is not None:
            self.kept_lines += len(lines)
            self.kept[len(self.buckets)] = lines
            if self.kept_lines > KEEP_LINES:
                self.kept = None
        self.buckets.append(Bucket(lines[0].split(" ", 1)[0], self.fh.tell(), len(data), name, counted))
        self.fh.write(data)

    def copy(self, bucket: Bucket, old_ttl) -> None:
        old_ttl.seek(bucket.offset)
        data = old_ttl.read(bucket.length)
        self.buckets.append(Bucket(bucket.first, self.fh.tell(), bucket.length, bucket.file, bucket.tally))
        self.fh.write(data)

    def lines(self) -> Iterator[str] | None:
        """Every line of the union graph, or None if they are neither kept nor saved."""
        if self.kept is None and self.state is None:
            return None
        return (line for i, b in enumerate(self.buckets)
                for line in (self.kept.get(i) if self.kept and i in self.kept else read_bucket(self.state, b)[0]))


_ABBR: list = []


def _render_part(ranges: list[tuple[Path, int, int]], state: Path | None, path: Path) -> tuple[list[Bucket], bool]:
    """In a worker process: one part of the merge, as Turtle in `path`; its buckets, and whether they were saved."""
    with open(path, "wb") as fh:
        writer = Writer(fh, state, serialize.Abbreviator())
        writer.kept = None
        writer.write_all(cut(serialize.merge_runs(ranges)))
    return writer.buckets, writer.state is not None


def prepare(bucket: tuple[list[str], list[int]]) -> tuple[bytes, bytes, tuple]:
    """A bucket's Turtle, its saved form and its tally."""
    if not _ABBR:
        _ABBR.append(serialize.Abbreviator())
    lines, counts = bucket
    return render(lines, _ABBR[0]), zlib.compress(marshal.dumps((lines, counts)), 1), tally(lines)


def _save(state: Path, name: str, blob: bytes) -> bool:
    try:
        state.mkdir(parents=True, exist_ok=True)
        (state / name).write_bytes(blob)
        return True
    except OSError:
        return False


def read_bucket(state: Path, bucket: Bucket) -> tuple[list[str], list[int]]:
    lines, counts = marshal.loads(zlib.decompress((state / bucket.file).read_bytes()))
    return lines, counts


def update(manifest: Manifest, gone: Iterable[list[str]], came: Iterable[list[str]], state: Path,
           old_ttl, writer: Writer) -> None:
    """Write graph.ttl anew: the buckets the changed lines touch re-rendered, the others copied."""
    firsts = [b.first for b in manifest.buckets]
    delta: dict[int, Counter] = {}

    def place(lines: list[str], step: int) -> None:
        for line in lines:
            i = max(bisect.bisect_right(firsts, line[: line.index(" ")]) - 1, 0)
            delta.setdefault(i, Counter())[line] += step

    for lines in gone:
        place(lines, -1)
    for lines in came:
        place(lines, +1)
    for i, bucket in enumerate(manifest.buckets):
        if i not in delta:
            writer.copy(bucket, old_ttl)
            continue
        merged = Counter(dict(zip(*read_bucket(state, bucket))))
        merged.update(delta[i])
        writer.write_all(cut(sorted((line, n) for line, n in merged.items() if n > 0)))
    if not manifest.buckets and delta:  # nothing was built before: all is new
        writer.write_all(cut(sorted((line, n) for line, n in delta[0].items() if n > 0)))
