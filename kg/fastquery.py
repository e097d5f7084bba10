"""`kg query` on pyoxigraph, when it is installed (`pip install -e '.[fast]'`): same answers, sooner.

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
    """Load `path` and run `text` (prologue included) within `timeout` s (0: none). None if
    pyoxigraph cannot read the file or the query: then rdflib answers. Raises TimeoutError."""
    box: dict = {}

    def work():
        try:
            box["result"] = to_result(load(path).query(text), operation)
        except Exception:  # a file or a query pyoxigraph will not take: rdflib answers, or explains
            box["result"] = None

    worker = threading.Thread(target=work, daemon=True)  # abandoned at the deadline, gone at exit
    worker.start()
    worker.join(timeout or None)
    if worker.is_alive():
        raise TimeoutError
    return box.get("result")
