"""What extraction produces: plain records, each with the span of its sentence."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# How deep a level lies, the province first ("city": a thành phố of either upper level).
DEPTH = {"tỉnh": 0, "city": 0, "huyện": 1, "xã": 2, "thôn": 3}


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Locality:
    name: str
    level: str                 # tỉnh | huyện | xã | thôn
    word: str                  # the level word as printed for villages ("bản"), else the level
    sentence: Sentence
    parent: "Locality | None" = None
    code: str | None = None    # official code, from the gazetteer
    successor: str | None = None
    mapped: str | None = None  # the map's name, for a place on the map (the article may print "Đăk" for "Đắk")

    @property
    def map_name(self) -> str:
        """The name the graph labels the place with: the map's, else as printed."""
        return self.mapped or self.name

    @property
    def key(self) -> tuple[str, ...]:
        """Names from the province down, as on the map: what the IRI is minted from."""
        chain = self.parent.key if self.parent else ()
        return chain + (self.map_name,)


@dataclass
class Organization:
    name: str
    type: str                  # police | party | government | front | mass | military | committee | school | business | media | other
    sentence: Sentence
    locality: Locality | None = None
    parent: "Organization | None" = None
    # where the name starts in the sentence with its abbreviations spelt out; None if not read there
    at: int | None = field(default=None, compare=False, repr=False)
    # a unit printed by a short word ("của đồn"): the article's one unit of this head, found later
    unnamed: bool = field(default=False, compare=False, repr=False)


@dataclass
class Officer:
    name: str
    sentence: Sentence
    rank: str | None = None
    post: str | None = None
    organization: Organization | None = None


@dataclass
class Program:
    name: str
    kind: str
    sentence: Sentence
    locality: Locality | None = None
    organization: Organization | None = None


@dataclass
class Statistic:
    value: Decimal
    unit: str
    sentence: Sentence
    start: int                 # offset of the number in the article
    subject: Organization | Locality | None = None


@dataclass
class Facts:
    localities: list[Locality] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    officers: list[Officer] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
