"""The build: article files in, graph.ttl / graph.trig / graph.html out, atomically."""
from __future__ import annotations

import io
import os
import signal
import tempfile
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import RDF
from rdflib.plugins.serializers.trig import TrigSerializer

from kg import __version__
from kg.decode import os_problem
from kg.errors import InputError, KgError
from kg.extract import extract
from kg.graph import add_article, article_iri, new_dataset
from kg.ingest import read_article
from kg.namespaces import ID, KGO, PROV, bind_all

ARTICLE_SUFFIXES = {".txt", ".text", ".md"}


@dataclass
class BuildReport:
    articles: int = 0
    skipped: list[str] = field(default_factory=list)   # one message per skipped input
    counts: Counter = field(default_factory=Counter)
    triples: int = 0


class NothingBuilt(KgError):
    """No article could be read; `report.skipped` says why for each input."""

    def __init__(self, message: str, report: BuildReport):
        super().__init__(message)
        self.report = report


def collect(sources: list[Path]) -> tuple[list[Path], list[str]]:
    """Article files under `sources` in a fixed order, and a message for each bad source.

    The order depends only on file names and paths, never on the order of the
    arguments or of the entries on disk, so the output is the same.
    """
    files: dict[str, Path] = {}   # real path -> the path first met; the same file twice is read once
    problems: list[str] = []
    for src in sources:
        if src.is_dir():
            found = _walk(src, problems)
        elif src.is_file():
            found = [src]
        else:
            problems.append(f"{src}: {_source_problem(src)}")
            continue
        for path in found:
            real = os.path.realpath(path)
            files[real] = min(files.get(real, path), path, key=str)
    return sorted(files.values(), key=lambda p: (p.name, str(p))), problems


def _source_problem(src: Path) -> str:
    try:
        os.stat(src)
    except OSError as exc:
        return os_problem(exc, src)
    return "not a regular file or folder"


def _walk(folder: Path, problems: list[str]):
    def unreadable(exc: OSError):
        problems.append(f"{exc.filename}: cannot read folder ({(exc.strerror or str(exc)).lower()})")

    seen: set[str] = set()
    for root, dirs, names in os.walk(folder, followlinks=True, onerror=unreadable):
        real = os.path.realpath(root)
        if real in seen:
            above = os.path.realpath(os.path.dirname(root))
            loop = above == real or above.startswith(real + os.sep)
            problems.append(f"{root}: {'symlink loop' if loop else 'folder already read through another path'}, not followed")
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(names):
            if Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(root) / name


def _add_one(ds: Dataset, path: Path, build, owners: dict, report: BuildReport) -> None:
    """Read, extract and add one article; any problem skips this article only."""
    try:
        article = read_article(path)
    except InputError as exc:
        report.skipped.append(str(exc))
        return
    except Exception as exc:  # a bug on one article must not lose the others
        report.skipped.append(f"{path}: internal error while reading ({_brief(exc)}); please report it")
        return
    iri = article_iri(article.stem)  # article identity is the file stem
    if iri in owners:
        report.skipped.append(f"{path}: same article name as {owners[iri]}, not read twice")
        return
    try:
        add_article(ds, article, extract(article), build)
    except Exception as exc:
        ds.remove_graph(ds.graph(iri))  # no half-written article
        report.skipped.append(f"{path}: internal error while extracting ({_brief(exc)}); please report it")
        return
    owners[iri] = path
    report.articles += 1


def _brief(exc: Exception) -> str:
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {first[:120]}" if first else type(exc).__name__


def build_dataset(files: list[Path], report: BuildReport, progress=None) -> Dataset:
    ds = new_dataset()
    build = ID[f"build/kg-{__version__}"]
    owners: dict = {}
    for path in files:
        if progress:
            progress(path)
        _add_one(ds, path, build, owners, report)
    ds.graph(ID["graph/build"]).add((build, RDF.type, PROV.Activity))
    return ds


def union(ds: Dataset) -> Graph:
    g = bind_all(Graph())
    for ctx in ds.graphs():
        for triple in ctx:
            g.add(triple)
    return g


def count_classes(g: Graph, report: BuildReport) -> None:
    for cls in ("Locality", "Organization", "Person", "Program", "Statistic"):
        report.counts[cls] = len(set(g.subjects(RDF.type, KGO[cls])))
    report.triples = len(g)


class _SortedTrig(TrigSerializer):
    """TriG with the named graphs in IRI order; rdflib lists them in hash order."""

    def __init__(self, store):
        super().__init__(store)
        self.contexts.sort(key=lambda c: str(c.identifier))


def trig_bytes(ds: Dataset) -> bytes:
    out = io.BytesIO()
    _SortedTrig(ds).serialize(out, encoding="utf-8")
    return out.getvalue()


def render(ds: Dataset, html: bool) -> tuple[dict[str, bytes], Graph]:
    """Every export as bytes, before anything is written."""
    g = union(ds)
    outputs = {"graph.ttl": g.serialize(format="turtle", encoding="utf-8"), "graph.trig": trig_bytes(ds)}
    if html:
        from kg.viz import render_html

        outputs["graph.html"] = render_html(g).encode("utf-8")
    return outputs, g


def _stage(path: Path, data: bytes) -> str:
    """Write `data` to a temporary file beside `path`; return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


@contextmanager
def _hold_interrupt():
    """Hold Ctrl-C during the renames, so the exports are all old or all new."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def write_all_atomic(out_dir: Path, outputs: dict[str, bytes]) -> None:
    """Stage every file, then rename them all: a failure leaves the old files as they were."""
    staged: dict[Path, str] = {}
    try:
        for name, data in outputs.items():
            staged[out_dir / name] = _stage(out_dir / name, data)
        with _hold_interrupt():
            for path, tmp in list(staged.items()):
                os.replace(tmp, path)
                del staged[path]
    finally:
        for tmp in staged.values():
            if os.path.exists(tmp):
                os.unlink(tmp)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a crash leaves the old file."""
    write_all_atomic(path.parent, {path.name: data})


def build(sources: list[Path], out_dir: Path, progress=None, html: bool = True) -> BuildReport:
    files, problems = collect(sources)
    report = BuildReport(skipped=problems)
    if not files:
        raise NothingBuilt("no article files found in " + ", ".join(str(s) for s in sources), report)
    ds = build_dataset(files, report, progress)
    if report.articles == 0:
        raise NothingBuilt(f"no article could be read ({len(report.skipped)} input(s) skipped)", report)
    # Render everything first, then rename: an interrupted build leaves the old exports.
    outputs, g = render(ds, html)
    count_classes(g, report)
    try:
        write_all_atomic(out_dir, outputs)
    except OSError as exc:
        raise KgError(f"{out_dir}: cannot write the exports ({(exc.strerror or str(exc)).lower()})") from None
    return report
