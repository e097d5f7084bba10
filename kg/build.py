"""The build: article files in, graph.ttl / graph.trig / graph.html out, atomically."""
from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg import __version__
from kg.errors import InputError, KgError
from kg.extract import extract
from kg.graph import add_article, new_dataset
from kg.ingest import read_article
from kg.namespaces import ID, KGO, PROV, bind_all

ARTICLE_SUFFIXES = {".txt", ".text", ".md"}


@dataclass
class BuildReport:
    articles: int = 0
    skipped: list[str] = field(default_factory=list)   # one message per skipped input
    counts: Counter = field(default_factory=Counter)
    triples: int = 0


def collect(sources: list[Path]) -> tuple[list[Path], list[str]]:
    """Article files under `sources`, sorted by path, and a message for each bad source."""
    files, problems = set(), []
    for src in sources:
        if src.is_dir():
            for path in _walk(src, problems):
                files.add(path)
        elif src.is_file():
            files.add(src)
        else:
            problems.append(f"{src}: no such file or folder")
    return sorted(files, key=lambda p: (p.name, str(p))), problems


def _walk(folder: Path, problems: list[str]):
    seen: set[str] = set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a symlink loop
            problems.append(f"{root}: symlink loop, not followed")
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(names):
            if Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(root) / name


def build_dataset(files: list[Path], report: BuildReport, progress=None) -> Dataset:
    ds = new_dataset()
    build = ID[f"build/kg-{__version__}"]
    seen_stems: set[str] = set()
    for path in files:
        if progress:
            progress(path)
        try:
            article = read_article(path)
        except InputError as exc:
            report.skipped.append(str(exc))
            continue
        if article.stem in seen_stems:
            report.skipped.append(f"{path}: another article has the same name {article.stem!r}")
            continue
        seen_stems.add(article.stem)
        add_article(ds, article, extract(article), build)
        report.articles += 1
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


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a crash leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def build(sources: list[Path], out_dir: Path, progress=None, html: bool = True) -> BuildReport:
    files, problems = collect(sources)
    report = BuildReport(skipped=problems)
    if not files:
        raise KgError("no article files found in " + ", ".join(str(s) for s in sources))
    ds = build_dataset(files, report, progress)
    if report.articles == 0:
        raise KgError("no article could be read: " + "; ".join(report.skipped))
    g = union(ds)
    count_classes(g, report)
    # Render everything first, then rename: an interrupted build leaves the old exports.
    outputs = {
        "graph.ttl": g.serialize(format="turtle").encode("utf-8"),
        "graph.trig": ds.serialize(format="trig").encode("utf-8"),
    }
    if html:
        from kg.viz import render_html

        outputs["graph.html"] = render_html(g).encode("utf-8")
    for name, data in outputs.items():
        write_atomic(out_dir / name, data)
    return report
