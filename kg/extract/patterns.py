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
    """A regex alternation of literal words that prefers the longest, so "tổ dân phố" beats "tổ".

    Written as a trie ("t(?:ổ(?: dân phố)?)"): Python's engine tries a flat alternation of
    hundreds of words one by one at every position, a trie only along the text's own letters
    (about five times faster on the organisation heads). The words that match at one position
    are prefixes of the text, so they lie on one path of the trie, where the greedy optional
    groups try the longest first, as the flat list did."""
    return _alternation(tuple(sorted(set(words))))


def spaced(words) -> str:
    """Alternation of literal words, longest first, any run of spaces inside ("Tổ dân  phố")."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


def lead(words) -> str:
    """A lookahead for the first letters of `words`, in either case, to open a pattern that
    scans a sentence: the engine passes over most positions on one character-class test
    instead of trying a lookbehind and the word trie there (about 1.7 times faster)."""
    chars = {ch for w in words if w for ch in (w[0], w[0].lower(), w[0].upper())}
    return "(?=(?i:[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]))"


def ialternation(words) -> str:
    """alternation() for a pattern matched with re.IGNORECASE: "Ban" and "ban chỉ đạo" share a branch."""
    return _alternation(tuple(sorted({"".join(_lower(ch) for ch in w) for w in words})))


def _lower(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch  # "İ" lowers to two letters: keep it as written


@lru_cache(maxsize=512)  # some callers build their pattern per call: escape and sort once
def _alternation(words: tuple[str, ...]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if _case_twins(trie):
        # Two letters at one branch that differ only in case ("Ban"/"ban ..."): under
        # re.IGNORECASE both match, and the trie could stop at the shorter word.
        return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return _trie_regex(trie)


def _case_twins(node: dict) -> bool:
    letters = [ch.casefold() for ch in node if ch]
    return len(letters) != len(set(letters)) or any(_case_twins(child) for child in node.values())


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: the longer ones are optional
        return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
    return body
