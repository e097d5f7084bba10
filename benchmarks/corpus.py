"""A synthetic corpus of N articles, made deterministically from the seeds.

Each article recombines paragraphs and sentences of the seed articles and
swaps their places and people for others: provinces, districts and communes
drawn from the gazetteer (so entities vary as in real news from many
provinces), and names made of a surname from kg/data/surnames.tsv and given
names taken from gazetteer names. Article i depends only on (seed, i), so the
corpus of 1,000 articles is the first 1,000 of the corpus of 100,000.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg import gazetteer
from kg.data import read_rows, read_words
from kg.extract.sentences import split_sentences
from kg.ingest import read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PER_FOLDER = 1000
# The level word printed before a place name, and the gazetteer level it names.
_LEVEL_WORDS = {"tỉnh": "tỉnh", "huyện": "huyện", "xã": "xã", "thị trấn": "xã", "phường": "xã"}
_TOKEN = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"(?<![\d.,/-])\d{1,3}(?![\d.,/-])")


@dataclass(frozen=True)
class Seed:
    title: str
    paragraphs: tuple[tuple[str, ...], ...]  # sentences of each body paragraph
    authors: tuple[str, ...]


@dataclass(frozen=True)
class Pool:
    seeds: tuple[Seed, ...]
    places: dict[str, str]      # a place name found in the seeds -> its level
    people: tuple[str, ...]     # person names found in the seeds
    pattern: re.Pattern         # any of those names, longest first


def _runs(text: str):
    """(offset, run) of each run of 1-4 capitalised words on one line: candidate names."""
    run: list[re.Match] = []
    for m in [*_TOKEN.finditer(text), None]:
        joined = m and run and text[run[-1].end():m.start()] == " " and len(run) < 4
        if m and m.group(0)[0].isupper() and (joined or not run):
            run.append(m)
            continue
        if run:
            yield run[0].start(), text[run[0].start():run[-1].end()]
        run = [m] if m and m.group(0)[0].isupper() else []


def _places(text: str) -> dict[str, str]:
    """Names the gazetteer knows: at the level of the word printed before them, or bare
    names of two words or more at their highest level ("Sông Mã", "Thanh Hóa")."""
    gaz, found = gazetteer.load(), {}
    for start, run in _runs(text):
        before = text[max(0, start - 10):start].rstrip().lower()
        level = next((lv for w, lv in _LEVEL_WORDS.items() if before.endswith(w)), None)
        words = run.split()
        for n in range(len(words), 0, -1):  # the longest known prefix: "Sông Mã" in "Sông Mã Nguyễn"
            name = " ".join(words[:n])
            units = gaz.lookup(name, level)
            if units and (level or n >= 2):
                found.setdefault(name, min((u.level for u in units), key=gazetteer.LEVELS.index))
                break
    return found


def _people(text: str, places: dict[str, str]) -> set[str]:
    surnames = set(read_words("surnames.tsv"))
    return {
        run for _, run in _runs(text)
        if len(run.split()) >= 2 and run.split()[0] in surnames and run not in places
    }


@lru_cache(maxsize=4)
def load_pool(seeds_dir: Path = SEEDS) -> Pool:
    seeds, places, people = [], {}, set()
    for path in sorted(seeds_dir.glob("*.txt")):
        art = read_article(path)
        paragraphs = tuple(
            tuple(s.text for s in split_sentences(art.text, [span])) for span in art.paragraphs
        )
        seeds.append(Seed(art.title or paragraphs[0][0], tuple(p for p in paragraphs if p), tuple(art.authors)))
        body = "\n".join(art.text[a:b] for a, b in art.paragraphs)
        places.update(_places(body))
        people |= _people(body, places)
    names = sorted(set(places) | people, key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")
    return Pool(tuple(seeds), places, tuple(sorted(people)), pattern)


@lru_cache(maxsize=1)
def _provinces() -> list:
    """Provinces of type "Tỉnh" (not the five cities, whose units are quận and phường)."""
    gaz = gazetteer.load()
    units = (gaz.get("tỉnh", row[0]) for row in read_rows("gazetteer.tsv") if row[1] == "tỉnh")
    return [u for u in units if u is not None and u.type == "Tỉnh"]


@lru_cache(maxsize=1)
def _given_names() -> list[str]:
    """One-syllable given names: the syllables of commune names (Bình, Phước, Sơn...)."""
    syllables = set()
    for province in _provinces()[:20]:
        for district in gazetteer.load().children(province):
            for commune in gazetteer.load().children(district):
                syllables.update(w for w in commune.name.split() if w.isalpha() and w[0].isupper())
    return sorted(syllables)


class Article:
    """One generated article: its places and people chosen, then its text assembled."""

    def __init__(self, pool: Pool, rng: random.Random):
        self.pool, self.rng = pool, rng
        self.swap = self._places() | self._people()

    def _places(self) -> dict[str, str]:
        rng, gaz = self.rng, gazetteer.load()
        province = rng.choice(_provinces())
        districts = [d for d in gaz.children(province) if d.type == "Huyện"] or gaz.children(province)
        district = rng.choice(districts)
        communes = gaz.children(district) or [district]
        swap = {}
        for name, level in sorted(self.pool.places.items()):
            unit = province if level == "tỉnh" else district if level == "huyện" else rng.choice(communes)
            swap[name] = unit.name
        return swap

    def _people(self) -> dict[str, str]:
        surnames, given = read_words("surnames.tsv")[:30], _given_names()
        return {
            name: " ".join([self.rng.choice(surnames)] + [self.rng.choice(given) for _ in range(self.rng.randint(1, 2))])
            for name in self.pool.people
        }

    def _sub(self, text: str) -> str:
        text = self.pool.pattern.sub(lambda m: self.swap[m.group(1)], text)
        return _NUMBER.sub(lambda m: str(self.rng.randint(1, 10 ** len(m.group(0)) - 1)), text)

    def _paragraph(self) -> str:
        sentences = self.rng.choice(self.rng.choice(self.pool.seeds).paragraphs)
        kept = [s for s in sentences if self.rng.random() < 0.8] or [sentences[0]]
        return " ".join(self._sub(s) for s in kept)

    def text(self) -> str:
        rng = self.rng
        date = f"{rng.randint(2018, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = self._sub(rng.choice(self.pool.seeds).title)
        body = [self._paragraph() for _ in range(rng.randint(4, 12))]
        author = self.swap[rng.choice(self.pool.people)]
        return "\n\n".join([f"date {date} {title}"] + body + ["Bài và ảnh: " + author]) + "\n"


def article_text(i: int, seed: int = 0, pool: Pool | None = None) -> str:
    """The text of article number i of the corpus `seed`."""
    return Article(pool or load_pool(), random.Random(f"{seed}:{i}")).text()


def article_path(out: Path, i: int) -> Path:
    return out / f"{i // PER_FOLDER:03d}" / f"bench-{i:06d}.txt"


def write_corpus(out: Path, n: int, seed: int = 0) -> list[Path]:
    """Write articles 0..n-1 under `out` (1,000 a folder); returns their paths."""
    pool, paths = load_pool(), []
    for i in range(n):
        path = article_path(out, i)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(i, seed, pool), encoding="utf-8")
        paths.append(path)
    return paths
