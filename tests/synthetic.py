"""A synthetic graph of any size, shaped like a built one, for the view's and the stats' tests."""
from __future__ import annotations

import random

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.namespaces import ID, KGO, NIF, ORG, SCHEMA, bind_all


def _thing(g, cls, iri, label, article, sentence):
    g.add((iri, RDF.type, cls))
    g.add((iri, RDFS.label, Literal(label, lang="vi")))
    g.add((iri, KGO.mentionedIn, sentence))
    g.add((article, SCHEMA.mentions, iri))


def synthetic_graph(n_articles: int, seed: int = 1):
    """About 10 nodes an article: a province, districts, units, officers, programs, all linked."""
    rng = random.Random(seed)
    g = bind_all(Graph())
    provinces = [ID[f"locality/p{i}"] for i in range(max(1, n_articles // 40))]
    for i, p in enumerate(provinces):
        g.add((p, RDF.type, KGO.Locality))
        g.add((p, RDFS.label, Literal(f"Tỉnh Số {i}", lang="vi")))
    for a in range(n_articles):
        article = ID[f"article/a{a}"]
        g.add((article, RDF.type, SCHEMA.NewsArticle))
        g.add((article, SCHEMA.headline, Literal(f"Bài báo số {a} về phong trào", lang="vi")))
        sentence = URIRef(f"{article}#char=0,40")
        g.add((sentence, NIF.anchorOf, Literal(f"Câu số {a} nói về huyện Đồng {a}.")))
        g.add((sentence, NIF.referenceContext, article))
        district = ID[f"locality/d{a}"]
        _thing(g, KGO.Locality, district, f"Đồng {a}", article, sentence)
        g.add((district, KGO.parent, rng.choice(provinces)))
        for k in range(2):
            commune = ID[f"locality/c{a}-{k}"]
            _thing(g, KGO.Locality, commune, f"Xã {a}-{k}", article, sentence)
            g.add((commune, KGO.parent, district))
        orgs = [ID[f"organization/o{a}-{k}"] for k in range(3)]
        for k, org in enumerate(orgs):
            _thing(g, KGO.Organization, org, f"Công an số {a}-{k}", article, sentence)
            g.add((org, KGO.locality, district))
        g.add((orgs[1], ORG.subOrganizationOf, ID[f"organization/o{rng.randrange(a + 1)}-0"]))
        for k in range(2):
            person = ID[f"person/p{a}-{k}"]
            _thing(g, KGO.Person, person, f"Nguyễn Văn {a}-{k}", article, sentence)
            m = ID[f"membership/m{a}-{k}"]
            g.add((m, RDF.type, ORG.Membership))
            g.add((m, ORG.member, person))
            g.add((m, ORG.organization, orgs[k]))
        program = ID[f"program/x{rng.randrange(max(1, n_articles // 3))}"]
        _thing(g, KGO.Program, program, f"Mô hình {program[-3:]}", article, sentence)
    return g
