"""`kg query` on pyoxigraph (a dependency; kg falls back to rdflib without it): same answers, sooner.

pyoxigraph parses Turtle and answers SPARQL one to two orders of magnitude
faster than rdflib's default store (benchmarks/RESULTS.md). Only plain
read-only SELECT and ASK queries on a triples file (.ttl, .nt) come here;
updates, --allow-service, TriG and N-Quads (named graphs), CONSTRUCT and
DESCRIBE stay on rdflib, and so does any query pyoxigraph cannot parse.
pyoxigraph writes CSV itself (the same bytes as rdflib's writer); for the
other formats the solutions become an rdflib Result, so kg.query.render
writes them exactly as before. Set KG_NO_OXIGRAPH=1 to use rdflib only.

A large graph's answers are kept beside its on-disk store: listing every
figure of 100,000 articles takes minutes to compute, and reading it again
takes a second. They go when the store goes, i.e. when the graph changes.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import Result

DISABLE = "KG_NO_OXIGRAPH"
_SYNTAX = {".ttl": "TURTLE", ".nt": "N_TRIPLES"}
_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK"}


def engine():
    """The pyoxigraph module, or None (not installed, or turned off)."""
    if os.environ.get(DISABLE):
        return None
    try:
        import pyoxigraph
    except ImportError:
        return None
    return pyoxigraph


def eligible(path: Path, kind: str, operation: str) -> bool:
    return engine() is not None and kind == "query" and operation in _KINDS and path.suffix in _SYNTAX


def load(path: Path):
    ox = engine()
    store = ox.Store()
    store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, _SYNTAX[path.suffix]))
    return store


INDEX_MIN_BYTES = 20_000_000  # about 1,000 articles: below this, loading in memory takes a second or less
_STAMP = "kg-source"


def index_of(path: Path) -> Path:
    """The on-disk store kept beside a graph file: exports/.graph.ttl.oxigraph/."""
    return path.with_name(f".{path.name}.oxigraph")


def store_for(path: Path):
    """(store, folder): a store holding the graph at `path`, and the on-disk folder it was
    opened from, or None. A large graph is loaded once into an on-disk store beside it and
    opened from there afterwards (milliseconds, not a minute), until the file changes; if
    that store cannot be written, in memory as for a small one."""
    if path.stat().st_size < INDEX_MIN_BYTES:
        return load(path), None
    ox = engine()
    folder, stamp = index_of(path), _stamp_of(path)
    store = _open_index(ox, folder, stamp)
    if store is None:
        # a minute or two on 100,000 articles: say why nothing happens yet
        print(f"kg query: loading {path} into {folder} (once, until the graph changes)...", file=sys.stderr, flush=True)
        _make_index(ox, path, folder, stamp)
        store = _open_index(ox, folder, stamp)
    return (store, folder) if store is not None else (load(path), None)


def _stamp_of(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size} {st.st_mtime_ns} pyoxigraph {engine().__version__}\n"


def _current(folder: Path, stamp: str) -> bool:
    """Was the store in `folder` made from the graph file as it is now?"""
    try:
        return (folder / _STAMP).read_text(encoding="utf-8") == stamp
    except (OSError, ValueError):
        return False


def _open_index(ox, folder: Path, stamp: str):
    if not _current(folder, stamp):
        return None
    try:
        return ox.Store.read_only(str(folder))
    except (OSError, ValueError):
        return None


def _make_index(ox, path: Path, folder: Path, stamp: str) -> None:
    """Load `path` into a new store under a temporary name, then put it in place."""
    try:
        tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.oxigraph-"))
    except OSError:
        return  # a read-only folder: the caller loads in memory
    try:
        store = ox.Store(str(tmp))
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, _SYNTAX[path.suffix]))
        store.flush()
        store.optimize()  # a compacted store answers about twice as fast (10,000 articles)
        del store
        (tmp / _STAMP).write_text(stamp, encoding="utf-8")
        old = None
        if folder.exists():
            old = folder.with_name(tmp.name + "-old")
            os.replace(folder, old)
        os.replace(tmp, folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except (OSError, ValueError):
        pass  # another kg query put its own in place, or the disk is full
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def forget_index(path: Path) -> None:
    """Remove the store beside a graph file that has just been rewritten."""
    shutil.rmtree(index_of(path), ignore_errors=True)


class _Terms:
    """pyoxigraph terms to rdflib terms; a row repeats values, and rdflib's Literal() is slow."""

    def __init__(self, ox):
        self.ox, self.cache = ox, {}

    def __call__(self, term):
        if term is None:
            return None
        key = (type(term), str(term))
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = self._convert(term)
        return hit

    def _convert(self, term):
        if isinstance(term, self.ox.NamedNode):
            return URIRef(term.value)
        if isinstance(term, self.ox.BlankNode):
            return BNode(term.value)
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):  # a plain literal, as rdflib parses it
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))


def to_result(solutions, operation: str) -> Result:
    """An rdflib Result holding pyoxigraph's answer."""
    result = Result(_KINDS[operation])
    if result.type == "ASK":
        result.askAnswer = bool(solutions)
        return result
    import pyoxigraph as ox

    convert = _Terms(ox)
    names = [v.value for v in solutions.variables]
    result.vars = [Variable(n) for n in names]
    result.bindings = [{Variable(n): convert(s[n]) for n in names if s[n] is not None} for s in solutions]
    return result


def _csv(solutions) -> str | None:
    """pyoxigraph's own CSV writer: the bytes rdflib's csv module writes, except a lone empty
    cell, which Python quotes ('""'); one-column answers are left to rdflib."""
    if len(solutions.variables) < 2:
        return None
    return solutions.serialize(format=engine().QueryResultsFormat.CSV).decode("utf-8")


def _render(solutions, operation: str, fmt: str) -> str:
    from kg.query import render

    fast = _csv(solutions) if operation == "SelectQuery" and fmt == "csv" else None
    return fast if fast is not None else render(to_result(solutions, operation), fmt)


ANSWERS = "answers"
KEEP_BYTES = 4 << 30       # answers kept beside one store, the oldest dropped first
KEEP_ONE_BYTES = 1 << 30   # a larger answer is not kept


@lru_cache(maxsize=1)
def _writers() -> str:
    """The code that renders answers: a kept answer is only good for the kg that wrote it."""
    here = Path(__file__).parent
    return hashlib.sha256(b"".join((here / name).read_bytes() for name in ("query.py", "fastquery.py"))).hexdigest()


def _answer_file(folder: Path, text: str, fmt: str) -> Path:
    digest = hashlib.sha256(f"{_writers()}\n{fmt}\n{text}".encode("utf-8")).hexdigest()[:32]
    return folder / ANSWERS / f"{digest}.{fmt}"


def kept_file(path: Path, text: str, fmt: str) -> Path | None:
    """The file of an answer kept for `text` (prologue included) on the graph at `path` as it
    is now, or None: a caller may copy it out without opening the store."""
    if engine() is None:
        return None
    try:
        if path.stat().st_size < INDEX_MIN_BYTES or not _current(index_of(path), _stamp_of(path)):
            return None
    except OSError:
        return None
    kept = _answer_file(index_of(path), text, fmt)
    return kept if kept.is_file() else None


def _read_kept(path: Path, text: str, fmt: str) -> str | None:
    kept = kept_file(path, text, fmt)
    try:
        return kept.read_bytes().decode("utf-8") if kept is not None else None
    except (OSError, UnicodeDecodeError):
        return None


# Functions whose value changes from one run to the next: such an answer is not kept.
_CHANGING = re.compile(r"\b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)


def _keep(folder: Path | None, text: str, fmt: str, output: str) -> None:
    """Keep an answer for next time: written under a temporary name, then renamed."""
    if folder is None or _CHANGING.search(text):
        return
    data = output.encode("utf-8")
    if len(data) > KEEP_ONE_BYTES:
        return
    target = _answer_file(folder, text, fmt)
    try:
        target.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
        _prune(target.parent)
    except OSError:
        pass  # a read-only or full disk: the answer is still printed


def _prune(answers: Path) -> None:
    files = sorted((st.st_mtime_ns, f.name, st.st_size, f)
                   for f in answers.iterdir() if not f.name.startswith(".") for st in [f.stat()])
    total = sum(size for _t, _n, size, _f in files)
    for _t, _n, size, f in files[:-1]:  # the newest stays
        if total <= KEEP_BYTES:
            break
        total -= size
        f.unlink()


def answer(path: Path, text: str, operation: str, fmt: str, timeout: float) -> str | None:
    """Run `text` (prologue included) on the graph at `path` within `timeout` s (0: none) and
    render it as `fmt`. None if pyoxigraph cannot read the file or the query: then rdflib
    answers. Raises TimeoutError. Loading the graph (or its on-disk store, once) is not
    counted in `timeout`; an answer kept from before comes back at once."""
    kept = _read_kept(path, text, fmt)  # before opening the store: it is not needed then
    if kept is not None:
        return kept
    box: dict = {}
    try:
        store, folder = store_for(path)
    except Exception:  # a file pyoxigraph will not take: rdflib answers, or explains
        return None

    def work():
        try:
            box["output"] = _render(store.query(text), operation, fmt)
        except Exception:  # a query pyoxigraph will not take: rdflib answers, or explains
            box["output"] = None

    worker = threading.Thread(target=work, daemon=True)  # abandoned at the deadline, gone at exit
    worker.start()
    worker.join(timeout or None)
    if worker.is_alive():
        raise TimeoutError
    output = box.get("output")
    if output is not None:
        _keep(folder, text, fmt, output)
    return output
