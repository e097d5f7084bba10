"""Every namespace kg uses, defined once and bound to every graph it makes."""
from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/vn-antq/"
ID = Namespace(BASE + "id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
QB = Namespace("http://purl.org/linked-data/cube#")
SH = Namespace("http://www.w3.org/ns/shacl#")


class KGO(DefinedNamespace):
    """The kg ontology (ontology/kg.ttl declares every term here)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Locality: URIRef
    Organization: URIRef
    Person: URIRef
    Program: URIRef
    Statistic: URIRef
    Sentence: URIRef
    Build: URIRef
    # concept schemes
    LocalityLevels: URIRef
    OrganizationTypes: URIRef
    ProgramKinds: URIRef
    Ranks: URIRef
    # properties
    level: URIRef
    levelWord: URIRef
    parent: URIRef
    code: URIRef
    successor: URIRef
    locality: URIRef
    organizationType: URIRef
    rank: URIRef
    postTitle: URIRef
    kind: URIRef
    value: URIRef
    unit: URIRef
    subject: URIRef
    mentionedIn: URIRef
    carriedOutIn: URIRef
    carriedOutBy: URIRef
    articleId: URIRef


PREFIXES = {
    "kgo": KGO._NS,
    "kgid": ID,
    "org": ORG,
    "schema": SCHEMA,
    "nif": NIF,
    "qb": QB,
    "prov": PROV,
    "skos": SKOS,
    "foaf": FOAF,
    "dcterms": DCTERMS,
    "rdfs": RDFS,
    "rdf": RDF,
    "owl": OWL,
    "xsd": XSD,
    "sh": SH,
}


def bind_all(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))
