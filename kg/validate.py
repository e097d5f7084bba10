"""Check a built graph against the SHACL shapes in ontology/shapes.ttl (pySHACL, offline)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg import ontology
from kg.namespaces import NIF, PREFIXES, SH, bind_all
from kg.query import load_graph


@dataclass(frozen=True)
class Violation:
    focus: str            # the focus node, shortened ("kgid:statistic/...")
    label: str | None     # its rdfs:label, or a sentence's first words
    path: str | None      # the property, shortened ("kgo:value")
    message: str
    severity: str = "Violation"

    def line(self) -> str:
        label = f' "{self.label}"' if self.label else ""
        where = f" {self.path}:" if self.path else ""
        severity = "" if self.severity == "Violation" else f"[{self.severity}] "
        return f"{severity}{self.focus}{label}:{where} {self.message}"


@dataclass
class Report:
    conforms: bool
    nodes: int                                   # focus nodes the shapes target
    violations: list[Violation] = field(default_factory=list)


def validate(graph_path: Path) -> Report:
    """Validate the graph file `graph_path` (Turtle, TriG, N-Triples ...)."""
    return validate_graph(_load(Path(graph_path)))


def validate_graph(data: Graph) -> Report:
    from pyshacl import validate as shacl  # slow to import: only when validating

    shapes, onto = ontology.shapes(), ontology.ontology()
    # The whole ontology, schemes included, joins a copy of the data: sh:class follows
    # rdfs:subClassOf and the concept shapes see schemes.ttl. (pySHACL's ont_graph would
    # copy only class and property axioms.) No inference, nothing fetched.
    merged = bind_all(Graph())
    merged += data
    merged += onto
    conforms, results, _ = shacl(merged, shacl_graph=shapes, inference="none", inplace=True,
                                 allow_warnings=True, abort_on_first=False)
    violations = sorted(_violations(results, data), key=lambda v: (v.focus, v.path or "", v.message))
    return Report(bool(conforms), _targets(data, shapes, onto), violations)


def _load(path: Path) -> Graph:
    if path.suffix in (".trig", ".nq") and path.is_file():
        ds = Dataset()
        ds.parse(path, format="trig" if path.suffix == ".trig" else "nquads")
        g = bind_all(Graph())
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return load_graph(path)


def _targets(data: Graph, shapes: Graph, onto: Graph) -> int:
    nodes = set()
    for cls in set(shapes.objects(None, SH.targetClass)):
        for sub in onto.transitive_subjects(RDFS.subClassOf, cls):
            nodes.update(data.subjects(RDF.type, sub))
    return len(nodes)


def _violations(results: Graph, data: Graph):
    # Top-level results only: those nested under sh:detail repeat them from inside sh:node.
    for result in results.objects(None, SH.result):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        severity = results.value(result, SH.resultSeverity)
        message = results.value(result, SH.resultMessage)
        yield Violation(
            focus=short(focus),
            label=_label(data, focus),
            path=short(path) if isinstance(path, URIRef) else None,
            message=str(message) if message is not None else "does not conform",
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        )


def _label(data: Graph, node) -> str | None:
    label = data.value(node, RDFS.label) or data.value(node, NIF.anchorOf)
    if not isinstance(label, Literal):
        return None
    text = str(label)
    return text if len(text) <= 60 else text[:57] + "..."


def short(term) -> str:
    """A term as prefix:rest when a kg prefix covers it, else <iri>."""
    text = str(term)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if text.startswith(str(ns)):
            return f"{prefix}:{text[len(str(ns)):]}"
    return f"<{text}>" if isinstance(term, URIRef) else text
