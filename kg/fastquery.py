"""`kg query` on pyoxigraph (a dependency; kg falls back to rdflib without it): same answers, sooner.

pyoxigraph parses Turtle and answers SPARQL one to two orders of magnitude
faster than rdflib's default store (benchmarks/RESULTS.md). Only plain
read-only SELECT and ASK queries on a triples file (.ttl, .nt) come here;
updates, --allow-service, TriG and N-Quads (named graphs), CONSTRUCT and
DESCRIBE stay on rdflib, and so does any query pyoxigraph cannot parse. The
solutions become an rdflib Result, so kg.query.render writes every format
exactly as before. Set KG_NO_OXIGRAPH=1 to use rdflib only.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
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
    """A store holding the graph at `path`. A large graph is loaded once into an on-disk
    store beside it and opened from there afterwards (milliseconds, not a minute), until
    the file changes; if that store cannot be written, in memory as for a small one."""
    if path.stat().st_size < INDEX_MIN_BYTES:
        return load(path)
    ox = engine()
    folder, stamp = index_of(path), _stamp_of(path)
    store = _open_index(ox, folder, stamp)
    if store is None:
        # a minute or two on 100,000 articles: say why nothing happens yet
        print(f"kg query: loading {path} into {folder} (once, until the graph changes)...", file=sys.stderr, flush=True)
        _make_index(ox, path, folder, stamp)
        store = _open_index(ox, folder, stamp)
    return store if store is not None else load(path)


def _stamp_of(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size} {st.st_mtime_ns} pyoxigraph {engine().__version__}\n"


def _open_index(ox, folder: Path, stamp: str):
    try:
        if (folder / _STAMP).read_text(encoding="utf-8") != stamp:
            return None
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


def run(path: Path, text: str, operation: str, timeout: float) -> Result | None:
    """Run `text` (prologue included) on the graph at `path` within `timeout` s (0: none). None
    if pyoxigraph cannot read the file or the query: then rdflib answers. Raises TimeoutError.
    Loading the graph (or its on-disk store, once) is not counted in `timeout`."""
    box: dict = {}
    try:
        store = store_for(path)
    except Exception:  # a file pyoxigraph will not take: rdflib answers, or explains
        return None

    def work():
        try:
            box["result"] = to_result(store.query(text), operation)
        except Exception:  # a query pyoxigraph will not take: rdflib answers, or explains
            box["result"] = None

    worker = threading.Thread(target=work, daemon=True)  # abandoned at the deadline, gone at exit
    worker.start()
    worker.join(timeout or None)
    if worker.is_alive():
        raise TimeoutError
    return box.get("result")
