"""The build cache: each article's output, keyed by its bytes and the code that made it.

Rebuilding after one article changed or was added re-extracts only that article.
An entry's key hashes the article's bytes and file stem (its identity), the
extractor version, and a fingerprint of kg's own code and data files and of
rdflib's version, so a cached result is exactly what extraction would give now:
the cache can make a build faster, never different. Entries live under the
output folder in `.kg-cache/<fingerprint>/`; a build removes entries it did not
use and the folders of other fingerprints.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import tempfile
import zlib
from functools import lru_cache
from pathlib import Path

from kg.serialize import join_lines, split_lines

CACHE_DIR = ".kg-cache"
UNION = "union"  # kg.union's state, beside the entries
_PACKAGE = Path(__file__).resolve().parent
_READ_LIMIT = 4_000_000  # past kg.decode's limit: such a file is skipped, never cached


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of everything that decides an article's triples: kg's code and data, rdflib."""
    import rdflib

    from kg.extract import EXTRACTOR_VERSION

    h = hashlib.sha256(f"{EXTRACTOR_VERSION}\0{rdflib.__version__}\0".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:20]


class ArticleCache:
    """One entry per article: (graph IRI, sorted N-Triples lines, TriG block as UTF-8)."""

    def __init__(self, out_dir: Path, fingerprint: str | None = None):
        self.base = out_dir / CACHE_DIR
        self.root = self.base / (fingerprint or code_fingerprint())

    def key(self, path: Path) -> str | None:
        """The entry key of the article at `path`, or None if it cannot be read (no caching)."""
        try:
            with open(path, "rb") as fh:
                data = fh.read(_READ_LIMIT)
        except OSError:
            return None
        return hashlib.sha256(path.stem.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / key[2:]

    def empty(self) -> bool:
        """No entry yet (a first build, or kg's code changed): nothing to look up by key."""
        try:
            return all(entry.name == UNION for entry in self.root.iterdir())
        except OSError:
            return True

    def has(self, key: str) -> bool:
        return self._file(key).is_file()

    def get(self, key: str):
        try:
            iri, lines, trig = marshal.loads(zlib.decompress(self._file(key).read_bytes()))
            return iri, split_lines(lines), trig
        except (OSError, ValueError, EOFError, TypeError, AttributeError, zlib.error):
            return None  # missing or damaged: extract again

    def put(self, key: str, value) -> None:
        """Store an entry atomically; a cache that cannot be written only costs time."""
        path = self._file(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                iri, lines, trig = value
                fh.write(zlib.compress(marshal.dumps((iri, join_lines(lines), trig)), 1))
            os.replace(tmp, path)
        except OSError:
            pass

    def union_state(self) -> Path:
        """The folder kg.union keeps the last build's graph.ttl state in."""
        return self.root / UNION

    def prune(self, used: set[str]) -> None:
        """Drop the entries this build did not use, and caches of other code versions."""
        if not self.base.is_dir():
            return
        for other in self.base.iterdir():
            if other != self.root:
                shutil.rmtree(other, ignore_errors=True)
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if folder.name == UNION:
                continue
            for entry in folder.iterdir():
                if folder.name + entry.name not in used:
                    entry.unlink(missing_ok=True)
