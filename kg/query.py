"""SPARQL over a built graph: shipped queries by name, .rq files, or query text.

`kg query` is read-only and stays on this machine: SPARQL Update and anything
that fetches data (SERVICE, FROM, USING, LOAD) is refused unless the caller
allows it, and a query runs in a worker that is stopped after a time limit.
"""
from __future__ import annotations

import io
import json
import multiprocessing
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import rdflib.plugins.sparql
from pyparsing import ParseBaseException
from rdflib import Dataset, Graph
from rdflib.plugins.sparql.processor import prepareQuery, prepareUpdate
from rdflib.plugins.sparql.sparql import CompValue
from rdflib.query import Result

from kg.errors import KgError, QueryError
from kg.namespaces import bind_all, sparql_prologue

QUERY_DIR = Path(__file__).parent / "queries"
FORMATS = ("table", "csv", "tsv", "json")
DEFAULT_TIMEOUT = 60.0
_SPARQL_WORD = re.compile(
    r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", re.I
)
# Algebra nodes that fetch data from elsewhere: remote endpoints, web or disk documents.
_REACHING_OUT = {
    "ServiceGraphPattern": "SERVICE sends part of the query to a remote endpoint",
    "DatasetClause": "FROM / FROM NAMED loads graphs from the web or disk",
    "UsingClause": "USING loads graphs from the web or disk",
    "Load": "LOAD fetches a document from the web or disk",
}


def shipped() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq"))}


def query_text(query: str) -> str:
    """A shipped query's name, a .rq file's path, or SPARQL text itself."""
    if query in shipped():
        return shipped()[query].read_text(encoding="utf-8")
    if query.endswith(".rq") or (len(query) < 500 and "\n" not in query and Path(query).is_file()):
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"{query}: no such query file (shipped queries: {', '.join(shipped())})")
        return path.read_text(encoding="utf-8")
    if not _SPARQL_WORD.search(query):
        raise QueryError(f"{query!r}: not a shipped query ({', '.join(shipped())}), a .rq file or SPARQL text")
    return query


def load_graph(path: Path) -> Graph:
    if not path.is_file():
        raise KgError(f"{path}: no graph here; run `kg build` first or pass -g")
    fmt = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}.get(path.suffix, "turtle")
    # Quads keep their named graphs, so GRAPH ?article { ... } works; the union answers the rest.
    g = bind_all(Dataset(default_union=True) if fmt in ("trig", "nquads") else Graph())
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many types for a bad file
        raise KgError(f"{path}: cannot parse as {fmt}: {str(exc).splitlines()[0]}") from None
    return g


@dataclass
class Parsed:
    kind: str      # "query" or "update"
    prepared: object
    operation: str  # e.g. "SelectQuery", "InsertData"


def parse(text: str) -> Parsed:
    """Parse SPARQL as a query, else as an update; a syntax error names its line and column."""
    prologue = sparql_prologue()  # a query's own PREFIX lines come later and win
    full = prologue + text
    errors = []
    for kind, prepare in (("query", prepareQuery), ("update", prepareUpdate)):
        try:
            prepared = prepare(full)
        except ParseBaseException as exc:
            errors.append(exc)
            continue
        except Exception as exc:  # rdflib's own checks, e.g. an unknown prefix
            raise QueryError(f"query error: {_first_line(exc)}") from None
        algebra = prepared.algebra
        operation = algebra.name if kind == "query" else ", ".join(u.name for u in algebra)
        return Parsed(kind, prepared, operation)
    errors[1] = _locate_update_error(full, errors[1])
    exc = max(errors, key=lambda e: e.loc)  # the parser that got further is the one meant
    line = exc.lineno - prologue.count("\n")
    found = f", found {exc.found}" if getattr(exc, "found", "") else ""
    raise QueryError(f"query syntax error at line {line}, column {exc.col}: {exc.msg}{found}")


def _locate_update_error(full: str, exc: ParseBaseException) -> ParseBaseException:
    """rdflib's update grammar reports any error at the start of the update; find the real place."""
    from pyparsing import Literal, Optional, StringEnd, ZeroOrMore
    from rdflib.plugins.sparql import parser as grammar

    one = grammar.Prologue + grammar.Update1
    # "-": once past ";" and not at the end, an error inside the next operation is final.
    locator = one + ZeroOrMore(Literal(";") + ~StringEnd() - one) + Optional(Literal(";")) + StringEnd()
    try:
        locator.parse_string(full, parse_all=True)
    except ParseBaseException as located:
        return located
    return exc


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _node_names(node):
    """Names of every algebra node under `node`."""
    if isinstance(node, CompValue):
        yield node.name
        node = list(node.values())
    elif isinstance(node, dict):
        node = list(node.values())
    if isinstance(node, (list, tuple)):
        for child in node:
            yield from _node_names(child)


def check_allowed(parsed: Parsed, allow_update: bool = False, allow_service: bool = False) -> None:
    """Refuse what would change the graph or fetch data, unless explicitly allowed."""
    if parsed.kind == "update" and not allow_update:
        raise QueryError(f"refused: SPARQL Update ({parsed.operation}) would change the graph and "
                         "`kg query` is read-only; pass --allow-update to apply it to an in-memory copy")
    if allow_service:
        return
    names = set(_node_names(parsed.prepared.algebra))
    for name, why in _REACHING_OUT.items():
        if name in names:
            raise QueryError(f"refused: {why}; pass --allow-service to allow it")


def run(graph: Graph, text: str) -> Result:
    """Run a read-only query (no update, nothing fetched) in this thread."""
    parsed = parse(text)
    check_allowed(parsed)
    return _execute(graph, parsed)


def _execute(graph: Graph, parsed: Parsed):
    try:
        if parsed.kind == "update":
            graph.update(parsed.prepared)
            return None
        return graph.query(parsed.prepared)
    except Exception as exc:
        raise QueryError(f"query error: {_first_line(exc)}") from None


def _tsv(result: Result) -> str:
    """W3C SPARQL TSV results: a ?-prefixed header, terms in N-Triples syntax."""
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    for row in result:
        lines.append("\t".join("" if row[v] is None else row[v].n3() for v in result.vars))
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    return "" if value is None else str(value)


def render(result: Result, fmt: str) -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if result.type != "SELECT":
        if result.type == "ASK":
            answer = bool(result.askAnswer)
            return (json.dumps({"head": {}, "boolean": answer}) if fmt == "json" else str(answer).lower()) + "\n"
        return result.serialize(format="turtle").decode("utf-8")
    if fmt == "tsv":
        return _tsv(result)
    if fmt in ("csv", "json"):
        return result.serialize(format=fmt).decode("utf-8")
    names = [str(v) for v in result.vars]
    rows = [[_cell(r[v]) for v in result.vars] for r in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    out = io.StringIO()
    out.write("  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n")
    out.write(f"({len(rows)} rows)\n")
    return out.getvalue()


# --- Running with a time limit -------------------------------------------------------------

def _answer(graph: Graph, parsed: Parsed, fmt: str) -> str:
    """Execute and render: the query's output, or what an update did."""
    before = len(graph)
    if parsed.kind == "update" and not graph.context_aware:
        graph = _as_dataset(graph)  # DROP, CLEAR, GRAPH {...} need named graphs
    result = _execute(graph, parsed)
    if result is None:
        return (f"update applied to an in-memory copy only, nothing saved: "
                f"{before} triples before, {len(graph)} after\n")
    return render(result, fmt)


def _as_dataset(graph: Graph) -> Dataset:
    ds = bind_all(Dataset())
    for triple in graph:
        ds.add(triple)
    return ds


def _block_network(event: str, args) -> None:
    # Defence in depth: the algebra check above should already have refused these.
    if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        raise QueryError("refused: the query tried to reach the network; pass --allow-service to allow it")


def _worker(conn, graph: Graph, parsed: Parsed, fmt: str, allow_service: bool) -> None:
    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = allow_service  # only this worker process
    if not allow_service:
        sys.addaudithook(_block_network)
    try:
        conn.send(("ok", _answer(graph, parsed, fmt)))
    except KgError as exc:
        conn.send(("error", str(exc)))
    except Exception as exc:  # the worker reports, it never prints a traceback
        conn.send(("error", f"query error: {_first_line(exc)}"))


def _timed_out(timeout: float) -> QueryError:
    return QueryError(f"query stopped after {timeout:g} s; add LIMIT or narrower patterns, "
                      "or raise --timeout (0 = no limit)")


def _in_process(graph: Graph, parsed: Parsed, fmt: str, timeout: float, allow_service: bool) -> str:
    """Run in a forked worker: it shares the loaded graph and can be killed at the deadline."""
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_worker, args=(sender, graph, parsed, fmt, allow_service), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout or None):
            raise _timed_out(timeout)
        status, payload = receiver.recv()
    except EOFError:
        raise QueryError("query error: the query worker stopped without an answer (out of memory?)") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    if status == "error":
        raise QueryError(payload)
    return payload


def _in_thread(graph: Graph, parsed: Parsed, fmt: str, timeout: float) -> str:
    """Where fork is unavailable: a daemon thread, abandoned (not stopped) at the deadline."""
    box: dict = {}

    def target():
        try:
            box["ok"] = _answer(graph, parsed, fmt)
        except Exception as exc:
            box["error"] = exc if isinstance(exc, KgError) else QueryError(f"query error: {_first_line(exc)}")

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout or None)
    if worker.is_alive():
        raise _timed_out(timeout)
    if "error" in box:
        raise box["error"]
    return box["ok"]


def answer(graph: Graph, text: str, fmt: str = "table", timeout: float = DEFAULT_TIMEOUT,
           allow_update: bool = False, allow_service: bool = False) -> str:
    """Parse, check and run `text` against `graph` within `timeout` seconds (0: no limit)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    parsed = parse(text)
    check_allowed(parsed, allow_update, allow_service)
    if "fork" in multiprocessing.get_all_start_methods():
        return _in_process(graph, parsed, fmt, timeout, allow_service)
    return _in_thread(graph, parsed, fmt, timeout)


def kept_answer(path: Path, text: str, fmt: str, allow_update: bool = False, allow_service: bool = False) -> Path | None:
    """The file holding answer_file()'s output when a large graph answered this query before
    (kg.fastquery keeps it beside the store), so that it can be copied out as it is."""
    from kg import fastquery

    parsed = parse(text)
    check_allowed(parsed, allow_update, allow_service)
    if not _for_pyoxigraph(path, parsed, fmt, allow_update or allow_service):
        return None
    return fastquery.kept_file(path, sparql_prologue() + text, fmt)


def _for_pyoxigraph(path: Path, parsed: Parsed, fmt: str, widened: bool) -> bool:
    """Does kg.fastquery answer this? Updates and --allow-service (`widened`) stay on rdflib."""
    from kg import fastquery

    return fmt in FORMATS and not widened and path.is_file() and fastquery.eligible(path, parsed.kind, parsed.operation)


def answer_file(path: Path, text: str, fmt: str = "table", timeout: float = DEFAULT_TIMEOUT,
                allow_update: bool = False, allow_service: bool = False) -> str:
    """answer() on the graph file at `path`: on pyoxigraph when installed and the query is a
    plain read-only SELECT or ASK (kg.fastquery), else on rdflib. Same output either way."""
    from kg import fastquery

    parsed = parse(text)
    check_allowed(parsed, allow_update, allow_service)
    if _for_pyoxigraph(path, parsed, fmt, allow_update or allow_service):
        try:
            output = fastquery.answer(path, sparql_prologue() + text, parsed.operation, fmt, timeout)
        except TimeoutError:
            raise _timed_out(timeout) from None
        if output is not None:
            return output
    return answer(load_graph(path), text, fmt, timeout, allow_update, allow_service)
