"""Extraction: one article's text in, its facts out (one module per entity kind)."""
from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from kg import eras, gazetteer
from kg.extract.localities import extract_localities, main_places
from kg.extract.model import DEPTH, Facts, Locality, Organization, Sentence
from kg.extract.officers import extract_officers
from kg.extract.org_short_forms import (name_as_the_article, one_place_per_name, the_named_committee,
                                       the_named_unit, the_school)
from kg.extract.organizations import Resolver, expand, extract_organizations
from kg.extract.places import paragraph_start
from kg.extract.programs import extract_programs
from kg.extract.sentences import split_sentences
from kg.extract.statistics import extract_statistics
from kg.text import fold

if TYPE_CHECKING:
    from kg.ingest import Article

EXTRACTOR_VERSION = "2"


def _subject_finder(orgs: list[Organization], localities: list[Locality], main: dict[str, Locality],
                    paragraphs: list[tuple[int, int]]):
    """What a figure is about: the first organisation its sentence names before it, else the
    deepest place the sentence names; else what the closest earlier sentence of its paragraph
    naming one is about ("Công an xã A tổ chức 5 hội nghị. Qua đó, phát hiện 3 vụ ..."); else
    the place the article is about. An organisation named only after the figure is not what it
    is about ("đạt 1,5 tỷ đồng, trong đó Công ty B ...")."""
    places: dict[int, list[Locality]] = {}
    for loc in localities:
        places.setdefault(loc.sentence.start, []).append(loc)
    deepest = {start: max(locs, key=lambda loc: DEPTH[loc.level]) for start, locs in places.items()}
    in_sentence: dict[int, list[Organization]] = {}
    for org in orgs:
        in_sentence.setdefault(org.sentence.start, []).append(org)
    named: dict[int, Organization | Locality] = {**deepest, **{k: v[0] for k, v in in_sentence.items()}}
    starts = sorted(named)
    para_starts = [a for a, _b in paragraphs]
    focus = _focus(main)

    def subject_of(sentence: Sentence, offset: int):
        own = in_sentence.get(sentence.start, ())
        before = _named_before(sentence, offset, own)
        if before is not None:
            return before
        if sentence.start in deepest:
            # "Xã A có 4 bản là B, C, D và E": the places named after the figure are what it counts
            earlier = [loc for loc in places[sentence.start] if 0 <= sentence.text.find(loc.name) < offset]
            return max(earlier, key=lambda loc: DEPTH[loc.level]) if earlier else deepest[sentence.start]
        if own and all(o.at is None for o in own):
            return own[0]  # no offsets to tell before from after (an officer's post)
        para = paragraph_start(para_starts, sentence.start, 0)
        i = bisect_right(starts, sentence.start - 1) - 1  # an earlier sentence
        return named[starts[i]] if i >= 0 and starts[i] >= para else focus

    return subject_of


def _named_before(sentence: Sentence, offset: int, orgs) -> Organization | None:
    """The first organisation the sentence names before the figure ("Công ty A trao 50 suất");
    None when it names one only after it ("đạt 1,5 tỷ đồng, trong đó Công ty B ...")."""
    placed = [o for o in orgs if o.at is not None]
    if not placed:
        return None
    # the figure's offset in the spelt-out sentence; a prefix is expanded once, past the cache
    # that keeps whole sentences for the organisations and officers
    cut = len(expand.__wrapped__(sentence.text[:offset]))
    before = [o for o in placed if o.at < cut]
    return min(before, key=lambda o: o.at) if before else None


def _focus(main):
    """The place an article is about. The district when it names one: mention counts cannot
    tell, as every commune mention also names its district and province."""
    return main.get("huyện") or main.get("tỉnh") or main.get("xã")


def _place_programs(programs, localities, orgs, main) -> None:
    """Where a program is carried out and by whom: what its sentence names, else the article's place."""
    place = _focus(main)
    for p in programs:
        here = [loc for loc in localities if loc.sentence.start == p.sentence.start and fold(loc.name) not in fold(p.name)]
        p.locality = max(here, key=lambda loc: DEPTH[loc.level]) if here else place
        doers = [o for o in orgs if o.sentence.start == p.sentence.start and fold(o.name) not in fold(p.name)]
        p.organization = doers[0] if doers else None


def extract(article: Article) -> Facts:
    """The article's facts, its places read against the map of its time."""
    with gazetteer.in_force(eras.map_for(article.date, article.text)):
        return _extract(article)


def _extract(article: Article) -> Facts:
    sentences = split_sentences(article.text, article.paragraphs)
    starts = [start for start, _end in article.paragraphs]
    localities = extract_localities(sentences, starts)
    main = main_places(localities)
    programs = extract_programs(sentences, set(starts))
    orgs = extract_organizations(sentences, localities, main, programs, starts)
    police = next((o for o in orgs if o.type == "police" and o.parent is None and o.locality), None)
    officers = extract_officers(sentences, Resolver(localities, main, starts), police)
    named = list(orgs)
    orgs = [o for o in (the_named_unit(o, named) for o in orgs) if o is not None]
    for officer in officers:
        officer.organization = the_named_unit(officer.organization, named)
    name_as_the_article([o.organization for o in officers if o.organization is not None], orgs)
    for officer in officers:
        if officer.organization is not None:
            beside = [o.organization for o in officers if o is not officer and o.name == officer.name
                      and o.sentence.start == officer.sentence.start and o.organization is not None]
            officer.organization = the_named_committee(officer.organization, orgs, beside)
        officer.organization = the_school(officer, orgs)
    for officer in officers:
        if officer.organization is not None:
            orgs.append(officer.organization)
    one_place_per_name(orgs)
    _place_programs(programs, localities, orgs, main)
    return Facts(
        localities=localities,
        organizations=orgs,
        officers=officers,
        programs=programs,
        statistics=extract_statistics(sentences, _subject_finder(orgs, localities, main, article.paragraphs)),
    )
