"""Facts to RDF: one named graph per article, IRIs minted from normalised names."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, PROV, RDF, RDFS, SKOS, XSD

from kg.data import read_rows
from kg.extract.model import Facts, Locality, Organization, Sentence
from kg.ingest import Article
from kg.namespaces import ID, KGO, NIF, ORG, SCHEMA, bind_all
from kg.text import slug

SCHEMES = {"level": KGO.LocalityLevels, "org-type": KGO.OrganizationTypes, "program-kind": KGO.ProgramKinds, "rank": KGO.Ranks}


@lru_cache(maxsize=1)
def coded_words() -> dict[tuple[str, str], str]:
    """Concepts named by a code ("police") and their Vietnamese word ("công an")."""
    return {(row[0], row[1]): row[2] for row in read_rows("concept_labels.tsv") if len(row) > 2 and row[2]}


@lru_cache(maxsize=1 << 16)
def vi(text: str) -> Literal:
    # Cached: labels repeat within and across articles, and rdflib's Literal() is slow to make.
    return Literal(text, lang="vi")


def article_iri(stem: str) -> URIRef:
    return ID[f"article/{slug(stem)}"]


def place_path(loc: Locality, stem: str) -> str:
    """IRI path of a place: its names from the province down. A place the map could not
    put in a province ("thôn 1" with no commune) is only known within its article."""
    root = loc
    while root.parent is not None:
        root = root.parent
    names = "/".join(slug(n) for n in loc.key)
    return names if root.level == "tỉnh" and root.code else f"unplaced/{slug(stem)}/{names}"


def locality_iri(loc: Locality, stem: str) -> URIRef:
    return ID["locality/" + place_path(loc, stem)]


def org_path(org: Organization, stem: str) -> str:
    # The place is part of the identity: "Công an xã Kim Long" exists in several provinces.
    place = place_path(org.locality, stem) + "/" if org.locality is not None else ""
    return place + slug(org.name)


def org_iri(org: Organization, stem: str) -> URIRef:
    return ID["organization/" + org_path(org, stem)]


def concept_iri(scheme: str, label: str) -> URIRef:
    return ID[f"concept/{scheme}/{slug(label)}"]


def decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class ArticleGraph:
    """Writes one article's facts into its named graph."""

    def __init__(self, g: Graph, article: Article):
        self.g = g
        self.article = article
        self.iri = article_iri(article.stem)
        # Sentences, concepts, places and organisations already written (places and
        # organisations by identity: the facts live as long as this writer).
        self.done: dict = {}

    def sentence(self, s: Sentence) -> URIRef:
        iri = self.done.get((s.start, s.end))
        if iri is not None:
            return iri
        iri = self.done[(s.start, s.end)] = URIRef(f"{self.iri}#char={s.start},{s.end}")
        g = self.g
        g.add((iri, RDF.type, KGO.Sentence))
        g.add((iri, NIF.beginIndex, Literal(s.start, datatype=XSD.nonNegativeInteger)))
        g.add((iri, NIF.endIndex, Literal(s.end, datatype=XSD.nonNegativeInteger)))
        g.add((iri, NIF.anchorOf, Literal(s.text)))
        g.add((iri, NIF.referenceContext, self.iri))
        return iri

    def concept(self, scheme: str, label: str) -> URIRef:
        iri = self.done.get((scheme, label))
        if iri is not None:
            return iri
        iri = self.done[(scheme, label)] = concept_iri(scheme, label)
        self.g.add((iri, RDF.type, SKOS.Concept))
        word = coded_words().get((scheme, label))
        if word:  # a code ("police"): its notation, and the Vietnamese word ontology/schemes.ttl gives it
            self.g.add((iri, SKOS.notation, Literal(label)))
        self.g.add((iri, SKOS.prefLabel, vi(word or label)))
        self.g.add((iri, SKOS.inScheme, SCHEMES[scheme]))
        return iri

    def labelled(self, iri: URIRef, cls: URIRef, label: str, sentence: Sentence) -> URIRef:
        self.g.add((iri, RDF.type, cls))
        self.g.add((iri, RDFS.label, vi(label)))
        self.g.add((iri, SKOS.prefLabel, vi(label)))
        self.g.add((iri, KGO.mentionedIn, self.sentence(sentence)))
        self.g.add((self.iri, SCHEMA.mentions, iri))
        return iri

    def locality(self, loc: Locality) -> URIRef:
        # Every statistic, organisation and program about a place names it again: write it once.
        iri = self.done.get(id(loc))
        if iri is not None:
            return iri
        iri = self.done[id(loc)] = self.labelled(locality_iri(loc, self.article.stem), KGO.Locality, loc.name, loc.sentence)
        self.g.add((iri, KGO.level, self.concept("level", loc.level)))
        self.g.add((iri, KGO.levelWord, vi(loc.word)))
        if loc.code:
            self.g.add((iri, KGO.code, Literal(loc.code)))
        if loc.successor:
            self.g.add((iri, KGO.successor, vi(loc.successor)))
        if loc.parent is not None:
            parent = locality_iri(loc.parent, self.article.stem)
            self.g.add((iri, KGO.parent, parent))
            self.g.add((parent, RDF.type, KGO.Locality))
            self.g.add((parent, RDFS.label, vi(loc.parent.name)))
        return iri

    def organization(self, org: Organization, mentioned: bool = True) -> URIRef:
        iri = self.done.get((id(org), mentioned))
        if iri is not None:
            return iri
        iri = self.done[(id(org), mentioned)] = self._organization(org, mentioned)
        return iri

    def _organization(self, org: Organization, mentioned: bool) -> URIRef:
        if mentioned:
            iri = self.labelled(org_iri(org, self.article.stem), KGO.Organization, org.name, org.sentence)
        else:
            # A parent named only inside its sub-unit's name ("Bộ Công an" in "Cục ... Bộ Công an")
            # is linked, not counted among the organisations the article names.
            iri = org_iri(org, self.article.stem)
            self.g.add((iri, RDF.type, ORG.Organization))
            self.g.add((iri, RDFS.label, vi(org.name)))
        self.g.add((iri, KGO.organizationType, self.concept("org-type", org.type)))
        self.g.add((iri, ORG.classification, concept_iri("org-type", org.type)))
        if org.locality is not None:
            self.g.add((iri, KGO.locality, self.locality(org.locality)))
        if org.parent is not None:
            self.g.add((iri, ORG.subOrganizationOf, self.organization(org.parent, mentioned=False)))
        return iri

    def officers(self, officers) -> None:
        by_name: dict[str, list] = {}
        for o in officers:
            by_name.setdefault(o.name, []).append(o)
        for name, records in by_name.items():
            org = next((r.organization for r in records if r.organization is not None), None)
            # Same name and same organisation: the same person across articles.
            scope = org_path(org, self.article.stem) if org else f"in-{slug(self.article.stem)}"
            person = ID[f"person/{slug(name)}/{scope}"]
            for r in records:
                self.labelled(person, KGO.Person, name, r.sentence)
                self.g.add((person, FOAF.name, Literal(name)))
                if r.post is None and r.organization is None:
                    if r.rank:
                        self.g.add((person, KGO.rank, self.concept("rank", r.rank)))
                    continue
                self.membership(person, r)

    def membership(self, person: URIRef, r) -> None:
        key = "/".join(slug(x) for x in (r.name, r.post or "", r.organization.name if r.organization else ""))
        m = ID[f"membership/{key}"]
        g = self.g
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, person))
        g.add((m, PROV.wasDerivedFrom, self.sentence(r.sentence)))
        if r.post:
            g.add((m, KGO.postTitle, vi(r.post)))
            role = ID[f"role/{slug(r.post)}"]
            g.add((role, RDF.type, ORG.Role))
            g.add((role, RDFS.label, vi(r.post)))
            g.add((m, ORG.role, role))
        if r.organization is not None:
            g.add((m, ORG.organization, self.organization(r.organization)))
        if r.rank:
            g.add((m, KGO.rank, self.concept("rank", r.rank)))

    def program(self, p) -> None:
        iri = self.labelled(ID[f"program/{slug(p.kind)}/{slug(p.name)}"], KGO.Program, p.name, p.sentence)
        self.g.add((iri, KGO.kind, self.concept("program-kind", p.kind)))
        if p.locality is not None:
            self.g.add((iri, KGO.carriedOutIn, self.locality(p.locality)))
        if p.organization is not None:
            self.g.add((iri, KGO.carriedOutBy, self.organization(p.organization)))

    def statistic(self, st, index: int) -> None:
        iri = ID[f"statistic/{slug(self.article.stem)}/{st.start}-{index}"]
        g = self.g
        value = decimal_text(st.value)
        g.add((iri, RDF.type, KGO.Statistic))
        g.add((iri, RDFS.label, vi(f"{value} {st.unit}")))
        g.add((iri, KGO.value, Literal(value, datatype=XSD.decimal)))
        g.add((iri, KGO.unit, vi(st.unit)))
        g.add((iri, PROV.wasDerivedFrom, self.sentence(st.sentence)))
        g.add((self.iri, SCHEMA.mentions, iri))
        if st.subject is not None:
            subject = self.locality(st.subject) if isinstance(st.subject, Locality) else self.organization(st.subject)
            g.add((iri, KGO.subject, subject))

    def metadata(self, build: URIRef) -> None:
        a, g = self.article, self.g
        g.add((self.iri, RDF.type, SCHEMA.NewsArticle))
        g.add((self.iri, KGO.articleId, Literal(a.stem)))
        g.add((self.iri, PROV.wasGeneratedBy, build))
        if a.title:
            g.add((self.iri, SCHEMA.headline, vi(a.title)))
        if a.date:
            dtype = XSD.date if len(a.date) == 10 else XSD.gYearMonth
            g.add((self.iri, SCHEMA.datePublished, Literal(a.date, datatype=dtype)))
        if a.publisher:
            pub = ID[f"publisher/{slug(a.publisher)}"]
            g.add((pub, RDF.type, SCHEMA.Organization))
            g.add((pub, RDFS.label, vi(a.publisher)))
            g.add((self.iri, SCHEMA.publisher, pub))
        for name in a.authors:
            author = ID[f"author/{slug(name)}"]
            g.add((author, RDF.type, SCHEMA.Person))
            g.add((author, SCHEMA.name, Literal(name)))
            g.add((self.iri, SCHEMA.author, author))


def add_article(ds: Dataset, article: Article, facts: Facts, build: URIRef) -> None:
    """Write one article's facts into its own named graph of `ds`."""
    g = ds.graph(article_iri(article.stem))
    for triple in article_triples(article, facts, build):
        g.add(triple)


def article_triples(article: Article, facts: Facts, build: URIRef) -> set[tuple]:
    """The triples of one article's named graph, in a plain set: the build serialises them
    itself (kg.serialize), and a set is many times cheaper to fill than an rdflib graph."""
    triples: set[tuple] = set()
    ag = ArticleGraph(triples, article)
    ag.metadata(build)
    for loc in facts.localities:
        ag.locality(loc)
    for org in facts.organizations:
        ag.organization(org)
    ag.officers(facts.officers)
    for p in facts.programs:
        ag.program(p)
    for i, st in enumerate(facts.statistics):
        ag.statistic(st, i)
    return triples


def new_dataset() -> Dataset:
    return bind_all(Dataset())
