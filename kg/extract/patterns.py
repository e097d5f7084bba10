"""Regular-expression pieces shared by the extractors."""
from __future__ import annotations

import re
from functools import lru_cache

UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
# One capitalised syllable of a proper name: "Sông", "Drăng", "H'leo", "Đắk".
CAP = rf"[{UPPER}][^\W\d_]*(?:['’][^\W\d_]+)?"
# A proper name: capitalised syllables, or a number ("Phường 1", "tổ 14"), or a trailing
# capital letter as in "Thường Thới Hậu A".
NAME = rf"{CAP}(?:[ \t]+{CAP})*"
NUMBER_NAME = r"\d{1,3}[A-Z]?"


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so "tổ dân phố" beats "tổ"."""
    return _alternation(tuple(words))


@lru_cache(maxsize=512)  # some callers build their pattern per call: escape and sort once
def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
