"""Language data: word lists, abbreviations, gazetteer. Files here are read by kg.data.read_rows."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent


@lru_cache(maxsize=None)
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file, without comments and blank lines, NFC."""
    import unicodedata

    rows = []
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    for line in unicodedata.normalize("NFC", text).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def read_words(name: str) -> tuple[str, ...]:
    """First column of a data file."""
    return tuple(row[0] for row in read_rows(name))
