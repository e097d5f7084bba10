"""ontology/kg.ttl and schemes.ttl: every KGO term declared, and the schemes agree with kg/data."""
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, OWL, PROV, RDF, RDFS, SKOS

from kg import ontology
from kg.data import read_rows
from kg.graph import SCHEMES, concept_iri
from kg.namespaces import KGO, NIF, ORG, QB, SCHEMA

TERMS = [KGO[name] for name in KGO.__annotations__]
DECLARING = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme)


@pytest.fixture(scope="module")
def onto():
    return ontology.load(ontology.ONTOLOGY)


@pytest.fixture(scope="module")
def schemes():
    return ontology.load(ontology.SCHEMES_FILE)


def declared(g: Graph) -> set:
    return {s for kind in DECLARING for s in g.subjects(RDF.type, kind) if str(s).startswith(str(KGO._NS))}


def test_the_ontology_declares_every_kgo_term_and_nothing_else(onto):
    assert declared(onto) == set(TERMS)


@pytest.mark.parametrize("term", TERMS, ids=lambda t: str(t).rsplit("#", 1)[-1])
def test_every_term_has_labels_in_both_languages_and_a_comment(onto, term):
    languages = sorted(label.language for label in onto.objects(term, RDFS.label))
    assert languages == ["en", "vi"]
    assert onto.value(term, RDFS.comment) is not None


@pytest.mark.parametrize("term", [t for t in TERMS if t[len(KGO._NS)].islower()], ids=str)
def test_every_property_has_a_domain_and_a_range(onto, term):
    assert onto.value(term, RDFS.domain) is not None and onto.value(term, RDFS.range) is not None


@pytest.mark.parametrize("sub, relation, sup", [
    (KGO.Organization, RDFS.subClassOf, ORG.Organization),
    (KGO.Person, RDFS.subClassOf, FOAF.Person),
    (KGO.Statistic, RDFS.subClassOf, QB.Observation),
    (KGO.Sentence, RDFS.subClassOf, NIF.Sentence),
    (KGO.Locality, RDFS.subClassOf, SCHEMA.AdministrativeArea),
    (KGO.Build, RDFS.subClassOf, PROV.Activity),
    (KGO.parent, RDFS.subPropertyOf, SCHEMA.containedInPlace),
    (KGO.locality, RDFS.subPropertyOf, SCHEMA.location),
    (KGO.organizationType, RDFS.subPropertyOf, ORG.classification),
    (KGO.mentionedIn, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    (KGO.postTitle, RDFS.subPropertyOf, SCHEMA.roleName),
])
def test_terms_specialise_the_shared_vocabularies(onto, sub, relation, sup):
    assert (sub, relation, sup) in onto


def test_the_committed_schemes_are_what_the_data_files_give(schemes):
    built = ontology.build_schemes()
    missing, extra = set(built) - set(schemes), set(schemes) - set(built)
    assert not missing and not extra, "run python scripts/build_schemes.py"


@pytest.mark.parametrize("rank, group", [row[:2] for row in read_rows("ranks.tsv")])
def test_every_rank_is_a_concept_under_its_group(schemes, rank, group):
    iri = concept_iri("rank", rank)
    assert (iri, SKOS.prefLabel, Literal(rank, lang="vi")) in schemes
    assert (iri, SKOS.broader, concept_iri("rank", group)) in schemes
    assert (concept_iri("rank", group), SKOS.topConceptOf, KGO.Ranks) in schemes


@pytest.mark.parametrize("scheme, key", [
    *[("org-type", t) for t in
      ("police", "party", "government", "front", "mass", "military", "committee", "school", "business", "media", "other")],
    *[("org-type", row[1]) for row in read_rows("organizations.tsv")],
    *[("program-kind", row[1]) for row in read_rows("program_kinds.tsv")],
    *[("level", level) for level in ("tỉnh", "huyện", "xã", "thôn")],
])
def test_every_value_the_graph_writes_is_a_top_concept(schemes, scheme, key):
    assert (concept_iri(scheme, key), SKOS.topConceptOf, SCHEMES[scheme]) in schemes


@pytest.mark.parametrize("word, level", [
    ("bản", "thôn"), ("tổ dân phố", "thôn"), ("ấp", "thôn"), ("phường", "xã"), ("thị trấn", "xã"),
    ("quận", "huyện"), ("thị xã", "huyện"), ("thành phố", "tỉnh"), ("thành phố", "huyện"),
])
def test_level_words_are_narrower_than_their_level(schemes, word, level):
    assert (concept_iri("level", word), SKOS.broader, concept_iri("level", level)) in schemes


def test_every_concept_has_one_label_per_language_and_known_broader(schemes):
    concepts = set(schemes.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 60
    for c in concepts:
        languages = sorted(label.language for label in schemes.objects(c, SKOS.prefLabel))
        assert languages == ["en", "vi"], c
        for b in schemes.objects(c, SKOS.broader):
            assert b in concepts and schemes.value(b, SKOS.inScheme) == schemes.value(c, SKOS.inScheme), (c, b)


def test_the_seeds_use_only_concepts_the_schemes_declare(seeds_build, schemes):
    g = Graph().parse(seeds_build / "graph.ttl")
    used = {o for p in (KGO.level, KGO.kind, KGO.organizationType, KGO.rank) for o in g.objects(None, p)}
    assert len(used) > 10
    assert {URIRef(c) for c in used} <= set(schemes.subjects(RDF.type, SKOS.Concept))


def test_ontology_and_shapes_parse_with_the_concepts():
    assert len(ontology.ontology()) > len(ontology.load(ontology.ONTOLOGY))
    assert len(ontology.shapes()) > 100
