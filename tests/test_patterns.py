"""The trie-shaped word alternations match exactly what a flat longest-first alternation does."""
import re

from hypothesis import given, settings, strategies as st

from kg.extract.patterns import alternation, ialternation, lead

LETTERS = st.sampled_from(list("abAB tổTỔ.đĐ"))
WORDS = st.lists(st.text(LETTERS, min_size=1, max_size=5), min_size=1, max_size=12)


def flat(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def matches(pattern: str, text: str, flags=0) -> list[tuple[int, int]]:
    rx = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", flags)
    return [m.span() for m in rx.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text(LETTERS, max_size=30))
def test_same_matches_as_a_flat_alternation(words, text):
    assert matches(alternation(words), text) == matches(flat(words), text)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text(LETTERS, max_size=30))
def test_same_matches_ignoring_case(words, text):
    assert matches(ialternation(words), text, re.I) == matches(flat(words), text, re.I)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text(LETTERS, max_size=30), st.booleans())
def test_a_leading_lookahead_changes_no_match(words, text, ignore_case):
    flags = re.I if ignore_case else 0
    with_lead = [m.span() for m in re.compile(rf"{lead(words)}(?<!\w)(?:{flat(words)})(?!\w)", flags).finditer(text)]
    assert with_lead == matches(flat(words), text, flags)


def test_the_lookahead_names_both_cases():
    assert re.fullmatch(lead(["ấp", "Thôn"]) + r"\w", "Ấ") and not re.fullmatch(lead(["ấp"]) + r"\w", "b")


def test_the_longest_word_wins():
    assert re.match(alternation(["tổ", "tổ dân phố"]), "tổ dân phố 3").group() == "tổ dân phố"
    assert re.match(ialternation(["Ban", "ban chỉ đạo"]), "Ban Chỉ đạo", re.I).group() == "Ban Chỉ đạo"


def test_it_is_a_trie():
    assert alternation(["thôn", "tổ", "tổ dân phố"]) == r"t(?:hôn|ổ(?:\ dân\ phố)?)"
