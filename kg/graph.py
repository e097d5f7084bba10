"""Facts to RDF: one named graph per article, IRIs minted from normalised names."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from kg.data import read_rows
from kg import eras, gazetteer
from kg.gazetteer import compact_key, name_key
from kg.extract.model import Facts, Locality, Organization, Sentence
from kg.extract.programs import display_name
from kg.ingest import Article
from kg.namespaces import ID, KGO, PREFIXES, bind_all
from kg.serialize import lines_to_graph, nt_iri, nt_string, nt_term

ID_BASE = str(ID)
from kg.text import ascii_slug, slug

SCHEMES = {"level": KGO.LocalityLevels, "org-type": KGO.OrganizationTypes, "program-kind": KGO.ProgramKinds, "rank": KGO.Ranks}


@lru_cache(maxsize=1)
def coded_words() -> dict[tuple[str, str], str]:
    """Concepts named by a code ("police") and their Vietnamese word ("công an")."""
    return {(row[0], row[1]): row[2] for row in read_rows("concept_labels.tsv") if len(row) > 2 and row[2]}


@lru_cache(maxsize=1 << 16)  # labels repeat within and across articles
def vi(text: str) -> str:
    """A Vietnamese label in N-Triples form."""
    return nt_string(text, "vi")


def plain(text: str) -> str:
    """A plain literal in N-Triples form."""
    return nt_string(text)


def article_iri(stem: str) -> URIRef:
    return ID[f"article/{slug(stem)}"]


def place_path(loc: Locality, stem: str) -> str:
    """IRI path of a place: its names from the province down. A place the map could not
    put in a province ("thôn 1" with no commune) is only known within its article."""
    chain = [loc]
    while chain[-1].parent is not None:
        chain.append(chain[-1].parent)
    root = chain[-1]
    names = "/".join(_segment(node) for node in reversed(chain))
    return names if root.level == "tỉnh" and root.code else f"unplaced/{slug(stem)}/{names}"


def _segment(loc: Locality) -> str:
    name = slug(loc.map_name)
    if loc.code and (loc.level, loc.code, loc.map_name) in eras.former_twins():
        return f"{name}-{loc.code}"  # the 2024 "Thịnh Quang", not that of 2025
    return name


def locality_iri(loc: Locality, stem: str) -> URIRef:
    return ID["locality/" + place_path(loc, stem)]


def org_path(org: Organization, stem: str) -> str:
    # The place is part of the identity: "Công an xã Kim Long" exists in several provinces.
    place = place_path(org.locality, stem) + "/" if org.locality is not None else ""
    return place + slug(as_mapped(org.name, org.locality))


def as_mapped(text: str, loc: Locality | None) -> str:
    """Places in a name written as on the map: "Công an huyện Đăk R'Lấp" and "Công an huyện
    Đắk R'Lấp" are one organisation, however an article spells its district."""
    while loc is not None:
        if loc.mapped:
            text = _respelt(text, loc)
        loc = loc.parent
    return text


def _respelt(text: str, loc: Locality) -> str:
    """`text` with each run of words that is the place `loc` in another spelling (or under an
    alias of the map's, "Mù Căng Chải") written as on the map."""
    name = loc.mapped
    if name in text:
        return text
    words, n = text.split(" "), name.count(" ") + 1
    target, initial = compact_key(name_key(name)), name[:1].casefold()
    for i in range(len(words) - n + 1):
        if words[i][:1].casefold() != initial:
            continue
        run = " ".join(words[i:i + n])
        if compact_key(name_key(run)) == target or _aliased(run, loc):
            words[i:i + n] = name.split(" ")
    return " ".join(words)


def _aliased(run: str, loc: Locality) -> bool:
    return bool(loc.code) and any(u.code == loc.code for u in gazetteer.load().lookup(run, loc.level))


def org_iri(org: Organization, stem: str) -> URIRef:
    return ID["organization/" + org_path(org, stem)]


def concept_iri(scheme: str, label: str) -> URIRef:
    return ID[f"concept/{scheme}/{ascii_slug(label)}"]


def decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _t(term) -> str:
    return nt_term(term)


def kgid(path: str) -> str:
    """An instance IRI in N-Triples form: kgid("locality/sơn-la") is <…/id/locality/sơn-la>."""
    return nt_iri(ID_BASE + path)


@lru_cache(maxsize=4096)
def concept_nt(key: tuple[str, str]) -> str:
    return nt_term(concept_iri(*key))


class _Vocabulary(dict):
    """V["kgo:level"]: a vocabulary term in N-Triples form, made once. The namespace object
    checks the name (KGO knows only the terms of ontology/kg.ttl)."""

    NAMESPACES = {**PREFIXES, "kgo": KGO}  # kg.namespaces' prefixes; KGO itself, which checks the name

    def __missing__(self, name: str) -> str:
        prefix, local = name.split(":")
        term = self[name] = nt_term(getattr(self.NAMESPACES[prefix], local))
        return term


V = _Vocabulary()
A, LABEL, PREF, MENTIONED, MENTIONS = V["rdf:type"], V["rdfs:label"], V["skos:prefLabel"], V["kgo:mentionedIn"], V["schema:mentions"]
ALT = V["skos:altLabel"]
NNI = V["xsd:nonNegativeInteger"]


class ArticleGraph:
    """Writes one article's facts as N-Triples lines "<s> <p> o": the build serialises lines
    (kg.serialize), and writing them straight is several times cheaper than making rdflib
    terms first."""

    def __init__(self, lines: set[str], article: Article):
        self.lines = lines
        self.article = article
        self.iri = _t(article_iri(article.stem))
        # Sentences, concepts, places and organisations already written (places and
        # organisations by identity: the facts live as long as this writer).
        self.done: dict = {}

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.add(f"{s} {p} {o}")

    def sentence(self, s: Sentence) -> str:
        iri = self.done.get((s.start, s.end))
        if iri is not None:
            return iri
        iri = self.done[(s.start, s.end)] = f"{self.iri[:-1]}#char={s.start},{s.end}>"
        add = self.add
        add(iri, A, V["kgo:Sentence"])
        add(iri, V["nif:beginIndex"], f'"{s.start}"^^{NNI}')
        add(iri, V["nif:endIndex"], f'"{s.end}"^^{NNI}')
        add(iri, V["nif:anchorOf"], plain(s.text))
        add(iri, V["nif:referenceContext"], self.iri)
        return iri

    def concept(self, scheme: str, label: str) -> str:
        iri = self.done.get((scheme, label))
        if iri is not None:
            return iri
        iri = self.done[(scheme, label)] = concept_nt((scheme, label))
        self.add(iri, A, V["skos:Concept"])
        word = coded_words().get((scheme, label))
        if word:  # a code ("police"): its notation, and the Vietnamese word ontology/schemes.ttl gives it
            self.add(iri, V["skos:notation"], plain(label))
        self.add(iri, PREF, vi(word or label))
        self.add(iri, V["skos:inScheme"], _t(SCHEMES[scheme]))
        return iri

    def labelled(self, iri: str, cls: str, label: str, sentence: Sentence) -> str:
        self.add(iri, A, cls)
        self.add(iri, LABEL, vi(label))
        self.add(iri, PREF, vi(label))
        self.add(iri, MENTIONED, self.sentence(sentence))
        self.add(self.iri, MENTIONS, iri)
        return iri

    def locality(self, loc: Locality) -> str:
        # Every statistic, organisation and program about a place names it again: write it once.
        iri = self.done.get(id(loc))
        if iri is not None:
            return iri
        iri = kgid("locality/" + place_path(loc, self.article.stem))
        self.done[id(loc)] = self.labelled(iri, V["kgo:Locality"], loc.map_name, loc.sentence)
        if loc.map_name != loc.name:
            self.add(iri, ALT, vi(loc.name))
        self.add(iri, V["kgo:level"], self.concept("level", loc.level))
        self.add(iri, V["kgo:levelWord"], vi(loc.word))
        if loc.code:
            self.add(iri, V["kgo:code"], plain(loc.code))
        if loc.successor:
            self.add(iri, V["kgo:successor"], vi(loc.successor))
        if loc.parent is not None:
            # the whole chain up to the province, as for the places the article locates (a
            # body's place read off the map, "Công an xã Hoà Bình", may be the only one in it)
            self.add(iri, V["kgo:parent"], self.locality(loc.parent))
        return iri

    def organization(self, org: Organization, mentioned: bool = True) -> str:
        iri = self.done.get((id(org), mentioned))
        if iri is not None:
            return iri
        iri = self.done[(id(org), mentioned)] = self._organization(org, mentioned)
        return iri

    def _organization(self, org: Organization, mentioned: bool) -> str:
        iri = kgid("organization/" + org_path(org, self.article.stem))
        name = as_mapped(org.name, org.locality)
        if name != org.name:
            self.add(iri, ALT, vi(org.name))
        if mentioned:
            self.labelled(iri, V["kgo:Organization"], name, org.sentence)
        else:
            # A parent named only inside its sub-unit's name ("Bộ Công an" in "Cục ... Bộ Công an")
            # is linked, not counted among the organisations the article names.
            self.add(iri, A, V["org:Organization"])
            self.add(iri, LABEL, vi(name))
        self.add(iri, V["kgo:organizationType"], self.concept("org-type", org.type))
        self.add(iri, V["org:classification"], concept_nt(("org-type", org.type)))
        if org.locality is not None:
            self.add(iri, V["kgo:locality"], self.locality(org.locality))
        if org.parent is not None:
            self.add(iri, V["org:subOrganizationOf"], self.organization(org.parent, mentioned=False))
        return iri

    def officers(self, officers) -> None:
        by_name: dict[str, list] = {}
        for o in officers:
            by_name.setdefault(o.name, []).append(o)
        for name, records in by_name.items():
            org = next((r.organization for r in records if r.organization is not None), None)
            # Same name and same organisation: the same person across articles.
            scope = org_path(org, self.article.stem) if org else f"in-{slug(self.article.stem)}"
            person = kgid(f"person/{slug(name)}/{scope}")
            for r in records:
                self.labelled(person, V["kgo:Person"], name, r.sentence)
                self.add(person, V["foaf:name"], plain(name))
                if r.post is None and r.organization is None:
                    if r.rank:
                        self.add(person, V["kgo:rank"], self.concept("rank", r.rank))
                    continue
                self.membership(person, r)

    def membership(self, person: str, r) -> None:
        org = r.organization
        post = as_mapped(r.post or "", org.locality if org else None)
        key = "/".join(slug(x) for x in (r.name, post, as_mapped(org.name, org.locality) if org else ""))
        m = kgid(f"membership/{key}")
        add = self.add
        add(m, A, V["org:Membership"])
        add(m, V["org:member"], person)
        add(m, V["prov:wasDerivedFrom"], self.sentence(r.sentence))
        if r.post:
            add(m, V["kgo:postTitle"], vi(post))
            role = kgid(f"role/{slug(post)}")
            add(role, A, V["org:Role"])
            add(role, LABEL, vi(post))
            add(m, V["org:role"], role)
        if r.organization is not None:
            add(m, V["org:organization"], self.organization(r.organization))
        if r.rank:
            add(m, V["kgo:rank"], self.concept("rank", r.rank))

    def program(self, p) -> None:
        iri = kgid(f"program/{slug(p.kind)}/{slug(p.name)}")
        self.labelled(iri, V["kgo:Program"], display_name(p.name), p.sentence)
        self.add(iri, V["kgo:kind"], self.concept("program-kind", p.kind))
        if p.locality is not None:
            self.add(iri, V["kgo:carriedOutIn"], self.locality(p.locality))
        if p.organization is not None:
            self.add(iri, V["kgo:carriedOutBy"], self.organization(p.organization))

    def statistic(self, st, index: int) -> None:
        iri = kgid(f"statistic/{slug(self.article.stem)}/{st.start}-{index}")
        add = self.add
        value = decimal_text(st.value)
        add(iri, A, V["kgo:Statistic"])
        add(iri, LABEL, vi(f"{value} {st.unit}"))
        add(iri, V["kgo:value"], _t(Literal(value, datatype=XSD.decimal)))
        add(iri, V["kgo:unit"], vi(st.unit))
        add(iri, V["prov:wasDerivedFrom"], self.sentence(st.sentence))
        add(self.iri, MENTIONS, iri)
        if st.subject is not None:
            subject = self.locality(st.subject) if isinstance(st.subject, Locality) else self.organization(st.subject)
            add(iri, V["kgo:subject"], subject)

    def metadata(self, build: URIRef) -> None:
        a, add = self.article, self.add
        add(self.iri, A, V["schema:NewsArticle"])
        add(self.iri, V["kgo:articleId"], plain(a.stem))
        add(self.iri, V["prov:wasGeneratedBy"], _t(build))
        if a.title:
            add(self.iri, V["schema:headline"], vi(a.title))
        if a.date:
            dtype = XSD.date if len(a.date) == 10 else XSD.gYearMonth
            add(self.iri, V["schema:datePublished"], _t(Literal(a.date, datatype=dtype)))
        if a.publisher:
            pub = kgid(f"publisher/{slug(a.publisher)}")
            add(pub, A, V["schema:Organization"])
            add(pub, LABEL, vi(a.publisher))
            add(self.iri, V["schema:publisher"], pub)
        for name in a.authors:
            author = kgid(f"author/{slug(name)}")
            add(author, A, V["schema:Person"])
            add(author, V["schema:name"], plain(name))
            add(self.iri, V["schema:author"], author)


def add_article(ds: Dataset, article: Article, facts: Facts, build: URIRef) -> None:
    """Write one article's facts into its own named graph of `ds`."""
    lines_to_graph(article_lines(article, facts, build), ds.graph(article_iri(article.stem)))


def article_lines(article: Article, facts: Facts, build: URIRef) -> list[str]:
    """The triples of one article's named graph as sorted, distinct N-Triples lines (no final dot)."""
    lines: set[str] = set()
    ag = ArticleGraph(lines, article)
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
    return sorted(lines)


def new_dataset() -> Dataset:
    return bind_all(Dataset())
