"""The build: article files in, graph.ttl / graph.trig / graph.html out, atomically.

Articles are read, extracted and turned into sorted N-Triples lines one at a
time, in worker processes with --jobs N; the main process takes the results in
file order, so the output is the same bytes whatever N, and streams them into
the exports (kg.serialize): memory stays bounded at any corpus size.
"""
from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.serializers.trig import TrigSerializer

from kg import __version__, eras, gazetteer
from kg.decode import os_problem
from kg.errors import InputError, KgError
from kg.extract import extract
from kg import fastquery, serialize
from kg.cache import ArticleCache
from kg import union as ttl_union
from kg.graph import article_iri, article_lines, new_dataset
from kg.serialize import join_lines, split_lines
from kg.ingest import read_article
from kg.namespaces import ID, KGO, PROV, SCHEMA, bind_all

ARTICLE_SUFFIXES = {".txt", ".text", ".md"}
COUNTED = ("Locality", "Organization", "Person", "Program", "Statistic")
MERGE_PROCESSES = max(2, min(8, os.cpu_count() or 2))  # graph.ttl of a large build is merged in parts at once
HTML_MAX_NODES = 3000  # past this the page is slow to make, draw and read: kg viz --around / --type draw parts


@dataclass
class BuildReport:
    articles: int = 0
    skipped: list[str] = field(default_factory=list)   # one message per skipped input
    counts: Counter = field(default_factory=Counter)
    triples: int = 0
    cached: int = 0                                      # articles taken from the cache
    notes: list[str] = field(default_factory=list)      # what the user should know (HTML not drawn...)
    seconds: Counter = field(default_factory=Counter)   # per stage: ingest, extract, graph (summed over workers), write


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
            found = [(src, os.path.realpath(src))]
        else:
            problems.append(f"{src}: {_source_problem(src)}")
            continue
        for path, real in found:
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
                path = os.path.join(root, name)
                # the folder's real path is known: only a symlinked file needs realpath (slow on 100,000)
                yield Path(path), os.path.realpath(path) if os.path.islink(path) else os.path.join(real, name)


@dataclass
class ArticleResult:
    """One article, read and extracted on its own (possibly in a worker process)."""
    path: Path
    iri: str | None = None          # its named graph; None if it could not be read
    skipped: str | None = None      # why it is left out
    lines: list[str] | None = None  # its triples as sorted N-Triples lines
    trig: bytes | None = None       # its TriG block, UTF-8 (made once, in the worker)
    seconds: tuple[float, float, float] = (0.0, 0.0, 0.0)  # ingest, extract, graph
    key: str | None = None          # its cache entry
    cached: bool = False
    known: bool = False             # unchanged since the last build: its TriG block is copied from there

    # A worker sends results to the main process: the lines go as one string, which pickles
    # in a third of the time a list of some 250 strings takes.
    def __getstate__(self) -> dict:
        return {**self.__dict__, "lines": join_lines(self.lines)}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, lines=split_lines(state["lines"]))


def process_article(path: Path, build) -> ArticleResult:
    """Read and extract one article; any problem skips this article only."""
    t0 = time.perf_counter()
    try:
        article = read_article(path)
    except InputError as exc:
        return ArticleResult(path, skipped=str(exc))
    except Exception as exc:  # a bug on one article must not lose the others
        return ArticleResult(path, skipped=f"{path}: internal error while reading ({_brief(exc)}); please report it")
    result = ArticleResult(path, iri=str(article_iri(article.stem)))  # article identity is the file stem
    t1 = time.perf_counter()
    try:
        with gazetteer.in_force(eras.map_for(article.date, article.text)):
            facts = extract(article)
            t2 = time.perf_counter()
            result.lines = article_lines(article, facts, build)
    except Exception as exc:
        result.skipped = f"{path}: internal error while extracting ({_brief(exc)}); please report it"
        return result
    result.seconds = (t1 - t0, t2 - t1, time.perf_counter() - t2)
    return result


def _accept(result: ArticleResult, owners: dict, report: BuildReport) -> bool:
    """Whether the build keeps this article (the first of a name, in file order); else say why not."""
    if result.iri is not None and result.iri in owners:
        report.skipped.append(f"{result.path}: same article name as {owners[result.iri]}, not read twice")
        return False
    if result.skipped:
        report.skipped.append(result.skipped)
        return False
    owners[result.iri] = result.path
    report.articles += 1
    return True


def _add_one(ds: Dataset, path: Path, build, owners: dict, report: BuildReport) -> None:
    """Read, extract and add one article; any problem skips this article only."""
    result = process_article(path, build)
    if _accept(result, owners, report):
        serialize.lines_to_graph(result.lines, ds.graph(URIRef(result.iri)))


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


def _mkstemp(folder: Path, prefix: str) -> tuple[int, str]:
    """A temporary file with the permissions an ordinary file would get (mkstemp's are 0600)."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    return fd, tmp


def _stage(path: Path, data: bytes) -> str:
    """Write `data` to a temporary file beside `path`; return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _mkstemp(path.parent, f".{path.name}.")
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


def write_all_atomic(out_dir: Path, outputs: dict[str, bytes], staged: dict[Path, str] | None = None) -> None:
    """Stage every file, then rename them all: a failure leaves the old files as they were.

    `staged`: files already written to temporary names (target -> temporary), renamed with the rest."""
    staged = dict(staged or {})
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


def _article_output(path: Path, build, cache: ArticleCache | None, key: str | None = None) -> ArticleResult:
    """process_article, then its N-Triples lines and TriG block; from the cache if built before."""
    key = key or (cache.key(path) if cache else None)
    hit = cache.get(key) if key else None
    if hit is not None:
        iri, lines, trig = hit
        return ArticleResult(path, iri=iri, lines=lines, trig=trig, key=key, cached=True)
    result = process_article(path, build)
    result.key = key
    if result.skipped is None:
        t = time.perf_counter()
        block = serialize.trig_block(serialize.nt_term(URIRef(result.iri)), result.lines, _abbreviator())
        result.trig = block.encode("utf-8")
        ingest, extracting, graph = result.seconds
        result.seconds = (ingest, extracting, graph + time.perf_counter() - t)
        if key:
            cache.put(key, (result.iri, result.lines, result.trig))
    return result


_ABBREVIATOR: list = []


def _abbreviator() -> serialize.Abbreviator:
    if not _ABBREVIATOR:
        _ABBREVIATOR.append(serialize.Abbreviator())
    return _ABBREVIATOR[0]


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers so: die quietly


def _output_of(item: tuple[Path, str | None], build, cache: ArticleCache | None) -> ArticleResult:
    return _article_output(item[0], build, cache, item[1])


def _computed(todo: list[tuple[Path, str | None]], build, cache: ArticleCache | None, jobs: int):
    """The ArticleResult of each (path, key) in `todo`, in order, computed by `jobs` processes."""
    work = partial(_output_of, build=build, cache=cache)
    if jobs <= 1 or len(todo) < 2:
        yield from map(work, todo)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(min(jobs, len(todo)), initializer=_ignore_interrupt) as pool:
        yield from pool.imap(work, todo, chunksize=8)


def _results(files: list[Path], build, cache: ArticleCache | None, jobs: int, known: dict | None = None):
    """Each file's ArticleResult, in file order. Cached articles are read here and only the
    others go to the workers: a rebuild after a small change sends them almost nothing.
    An article `known` from the last build (by cache key) is not even read from the cache."""
    known = known or {}
    # With nothing to look up, each worker hashes its own articles: 100,000 files hashed here
    # first would keep the workers waiting about ten seconds.
    lookup = cache is not None and (bool(known) or not cache.empty())
    keys = [cache.key(p) if lookup else None for p in files]
    cached = [bool(k) and (k in known or cache.has(k)) for k in keys]
    todo = [(p, k) for p, k, hit in zip(files, keys, cached) if not hit]
    with contextlib.closing(_computed(todo, build, cache, jobs)) as computed:
        for path, key, hit in zip(files, keys, cached):
            if key in known:
                yield ArticleResult(path, iri=known[key][0], key=key, cached=True, known=True)
            elif hit:  # a damaged entry is extracted again here, in this process
                yield _article_output(path, build, cache, key)
            else:
                yield next(computed)


class StaleState(Exception):
    """The last build's state cannot be used after all (an article's cache entry is gone)."""


class _Exports:
    """graph.trig written as articles come, graph.ttl at the end, both under temporary names.

    graph.ttl is written through kg.union: in full (every article's lines merged), or, when
    `previous` (the last build's manifest) is given, by updating the last one."""

    def __init__(self, out_dir: Path, build, state: Path | None = None, previous: ttl_union.Manifest | None = None,
                 cache: ArticleCache | None = None):
        self.out_dir, self.build = out_dir, build
        self.state, self.previous, self.cache = state, previous, cache
        self.staged: dict[Path, str] = {}
        self.trig = None
        self.old_trig = None
        self.runs: Path | None = None
        self.merger: serialize.LineMerger | None = None
        self.came: list[list[str]] = []              # lines of the articles new since `previous`
        self.articles: dict[str, tuple[str, int, int]] = {}
        self.abbr = serialize.Abbreviator()
        self.manifest: ttl_union.Manifest | None = None

    def _open(self, name: str):
        fd, tmp = _mkstemp(self.out_dir, f".{name}.")
        self.staged[self.out_dir / name] = tmp
        return os.fdopen(fd, "wb")

    def _start(self) -> None:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.runs = Path(tempfile.mkdtemp(dir=self.out_dir, prefix=".kg-runs-"))
        self.merger = serialize.LineMerger(self.runs, serialize.RUN_LINES)
        self.trig = self._open("graph.trig")
        line = " ".join(map(serialize.nt_term, (self.build, RDF.type, PROV.Activity)))
        head = self.abbr.header() + serialize.trig_block(serialize.nt_term(ID["graph/build"]), [line], self.abbr)
        self.trig.write(head.encode("utf-8"))
        self.merger.add([line])
        if self.previous is not None:
            self.old_trig = open(self.out_dir / "graph.trig", "rb")

    def add(self, result: ArticleResult) -> None:
        if self.trig is None:
            self._start()
        offset = self.trig.tell()
        if result.known:
            _iri, old_offset, length = self.previous.articles[result.key]
            self.old_trig.seek(old_offset)
            self.trig.write(self.old_trig.read(length))
        else:
            length = self.trig.write(result.trig)
            if self.previous is not None:
                self.came.append(result.lines)
                if len(self.came) > self._max_changes():
                    raise StaleState("much has changed: a full merge is cheaper")
            else:
                self.merger.add(result.lines)
        if result.key:
            self.articles[result.key] = (result.iri, offset, length)

    def _max_changes(self) -> int:
        # an update holds the changed articles' lines in memory; past this a full merge is cheaper
        return max(2000, len(self.previous.articles) // 10)

    def _gone(self):
        """The lines of the last build's articles that this one no longer has."""
        gone = sorted(self.previous.articles.keys() - self.articles.keys())
        if len(gone) > self._max_changes():
            raise StaleState("much has changed: a full merge is cheaper")
        for key in gone:
            entry = self.cache.get(key) if self.cache else None
            if entry is None:
                raise StaleState(key)
            yield entry[1]

    def finish(self, report: BuildReport, html: bool) -> dict[str, bytes]:
        """Close graph.trig, write graph.ttl; the HTML page as bytes."""
        _close(self.trig)
        with self._open("graph.ttl") as fh:
            writer = ttl_union.Writer(fh, self.state, self.abbr)
            header = writer.header()
            if self.previous is None and self.merger.runs:  # a large graph: the merge in parts, at once
                writer.write_parts(self.merger.parts(MERGE_PROCESSES), self.runs)
            elif self.previous is None:
                writer.write_all(ttl_union.cut(self.merger.counted()))
            else:
                with open(self.out_dir / "graph.ttl", "rb") as old_ttl:
                    ttl_union.update(self.previous, self._gone(), self.came, self.state, old_ttl, writer)
        _close(fh)
        if writer.state is not None:  # its buckets are saved: the next build can update this one
            self.manifest = ttl_union.Manifest((0, 0), (0, 0), header, self.articles, writer.buckets)
        nodes = _count(writer.buckets, report)
        if not html:
            return {}
        lines = writer.lines()
        if nodes <= HTML_MAX_NODES and lines is not None:
            from kg.viz import render_html

            g = serialize.lines_to_graph(lines, bind_all(Graph()))
            return {"graph.html": render_html(g).encode("utf-8")}
        report.notes.append(f"graph.html: {nodes:,} nodes are more than the page can draw ({HTML_MAX_NODES:,}); "
                            "draw a part with `kg viz --around NAME` or `kg viz --type CLASS`")
        return {"graph.html": _too_large_page(report.notes[-1]).encode("utf-8")}

    def save_state(self) -> None:
        """After the renames: remember what graph.ttl and graph.trig now hold."""
        if self.state is None or self.manifest is None:
            return
        try:
            self.manifest.ttl = ttl_union.stamp(self.out_dir / "graph.ttl")
            self.manifest.trig = ttl_union.stamp(self.out_dir / "graph.trig")
            ttl_union.save_manifest(self.state, self.manifest)
            ttl_union.remove_unused(self.state, self.manifest)
        except OSError:
            ttl_union.forget(self.state)  # the exports are written; the next build merges in full

    def discard(self) -> None:
        """Remove whatever is left under temporary names (after the renames, nothing)."""
        _close(self.trig)
        if self.old_trig is not None:
            self.old_trig.close()
        for tmp in self.staged.values():
            if os.path.exists(tmp):
                os.unlink(tmp)
        if self.runs is not None:
            shutil.rmtree(self.runs, ignore_errors=True)


def _close(fh) -> None:
    if fh is not None and not fh.closed:
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()


def _count(buckets: list[ttl_union.Bucket], report: BuildReport) -> int:
    """Triples and typed subjects into `report`; the nodes the page would draw."""
    counted = {serialize.nt_term(KGO[c]): c for c in COUNTED}
    article = serialize.nt_term(SCHEMA.NewsArticle)
    report.counts.update({c: 0 for c in COUNTED})
    articles = 0
    for bucket in buckets:
        triples, classes = bucket.tally
        report.triples += triples
        for cls, n in classes.items():
            if cls in counted:
                report.counts[counted[cls]] += n
            elif cls == article:
                articles += n
    return articles + sum(n for c, n in report.counts.items() if c != "Statistic")


def _too_large_page(message: str) -> str:
    import html

    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>kg</title></head>\n'
            f"<body><p>{html.escape(message)}</p></body></html>\n")


@contextmanager
def _writing(out_dir: Path):
    try:
        yield
    except OSError as exc:
        raise KgError(f"{out_dir}: cannot write the exports ({(exc.strerror or str(exc)).lower()})") from None


def build(sources: list[Path], out_dir: Path, progress=None, html: bool = True, jobs: int = 1,
          cache: bool = True) -> BuildReport:
    """Build the exports in `out_dir` from article files and folders; `jobs` processes extract.

    With `cache`, each article's output is kept under out_dir/.kg-cache and reused while
    the article and kg's code are unchanged: same bytes, without extracting again."""
    files, problems = collect(sources)
    report = BuildReport(skipped=list(problems))
    if not files:
        raise NothingBuilt("no article files found in " + ", ".join(str(s) for s in sources), report)
    store = ArticleCache(out_dir) if cache else None
    state = store.union_state() if store else None
    previous = ttl_union.load(state, out_dir) if state else None
    try:
        report, used = _build(files, report, out_dir, progress, html, jobs, store, state, previous)
    except StaleState:
        ttl_union.forget(state)
        report, used = _build(files, BuildReport(skipped=list(problems)), out_dir, progress, html, jobs, store, state, None)
    if store:
        store.prune(used)
    return report


def _build(files, report, out_dir, progress, html, jobs, store, state, previous):
    build_iri = ID[f"build/kg-{__version__}"]
    exports, owners, used = _Exports(out_dir, build_iri, state, previous, store), {}, set()
    try:
        known = previous.articles if previous else None
        with contextlib.closing(_results(files, build_iri, store, jobs, known)) as results:
            for result in results:
                if progress:
                    progress(result.path)
                used.add(result.key)
                if _accept(result, owners, report):
                    t = time.perf_counter()
                    with _writing(out_dir):
                        exports.add(result)
                    report.seconds.update(dict(zip(("ingest", "extract", "graph"), result.seconds)))
                    report.seconds["write"] += time.perf_counter() - t
                    report.cached += result.cached
        if report.articles == 0:
            raise NothingBuilt(f"no article could be read ({len(report.skipped)} input(s) skipped)", report)
        t = time.perf_counter()
        with _writing(out_dir):
            # Render everything first, then rename: an interrupted build leaves the old exports.
            write_all_atomic(out_dir, exports.finish(report, html), exports.staged)
            exports.save_state()
            fastquery.forget_index(out_dir / "graph.ttl")  # kg query makes it again from the new file
        report.seconds["write"] += time.perf_counter() - t
    finally:
        exports.discard()
    return report, used
