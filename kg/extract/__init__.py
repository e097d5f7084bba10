"""Extraction: one article's text in, its facts out (one module per entity kind)."""
from __future__ import annotations

from kg.extract.localities import extract_localities, main_places
from kg.extract.model import Facts, Locality, Organization, Sentence
from kg.extract.officers import extract_officers
from kg.extract.organizations import Resolver, extract_organizations
from kg.extract.programs import extract_programs
from kg.extract.sentences import split_sentences
from kg.extract.statistics import extract_statistics
from kg.ingest import Article

EXTRACTOR_VERSION = "1"


def _subject_finder(orgs: list[Organization], main: dict[str, Locality]):
    by_sentence: dict[int, list[Organization]] = {}
    for org in orgs:
        by_sentence.setdefault(org.sentence.start, []).append(org)
    place = main.get("xã") or main.get("huyện") or main.get("tỉnh")

    def subject_of(sentence: Sentence, offset: int):
        here = by_sentence.get(sentence.start, [])
        return here[0] if here else place

    return subject_of


def extract(article: Article) -> Facts:
    sentences = split_sentences(article.text, article.paragraphs)
    localities = extract_localities(sentences)
    main = main_places(localities)
    programs = extract_programs(sentences)
    orgs = extract_organizations(sentences, localities, main, programs)
    police = next((o for o in orgs if o.type == "police" and o.parent is None and o.locality), None)
    officers = extract_officers(sentences, Resolver(localities, main), police)
    for officer in officers:
        if officer.organization is not None:
            orgs.append(officer.organization)
    return Facts(
        localities=localities,
        organizations=orgs,
        officers=officers,
        programs=programs,
        statistics=extract_statistics(sentences, _subject_finder(orgs, main)),
    )
