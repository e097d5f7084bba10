"""SPARQL over a built graph: shipped queries by name, .rq files, or query text."""
from __future__ import annotations

import io
import json
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

from kg.errors import KgError, QueryError
from kg.namespaces import bind_all, sparql_prologue

QUERY_DIR = Path(__file__).parent / "queries"
FORMATS = ("table", "csv", "tsv", "json")


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
    if not any(k in query.upper() for k in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")):
        raise QueryError(f"{query!r}: not a shipped query ({', '.join(shipped())}), a .rq file or SPARQL text")
    return query


def load_graph(path: Path) -> Graph:
    if not path.is_file():
        raise KgError(f"{path}: no graph here; run `kg build` first or pass -g")
    fmt = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}.get(path.suffix, "turtle")
    g = bind_all(Graph())
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many types for a bad file
        raise KgError(f"{path}: cannot parse as {fmt}: {str(exc).splitlines()[0]}") from None
    return g


def run(graph: Graph, text: str) -> Result:
    text = sparql_prologue() + text  # a query's own PREFIX lines come later and win
    try:
        return graph.query(text)
    except Exception as exc:
        raise QueryError(f"query error: {str(exc).splitlines()[0]}") from None


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
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer)).lower()
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
