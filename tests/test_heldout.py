"""Held-out check: self-written excerpts from provinces outside the seeds and corpus.

Each set is built through the CLI and scored per category (strict: every field)
with a small scorer of our own, so a regression on unseen styles shows up here.
Their gold follows the gold SCHEMA; each floor sits a little below what the
extractors reach now:
- tests/heldout: macro strict F1 0.945 when the set was written, 0.994 now (its h06 has
  no post for a village elder; thirteen of fourteen blind annotations since give one);
- tests/heldout2: ten more, gold written blind by a second annotator (who never saw
  kg's output); 0.908 when written, 0.955 now;
- tests/heldout3, tests/heldout4 and tests/heldout5: ten each, articles and gold by
  helpers who never ran kg (their NOTES.md say which conventions they settled); 0.880,
  0.920 and 0.891 when written, 0.952, 0.973 and 0.971 now;
- tests/heldout6: ten more, blind: 0.903 when written, 0.953 now;
- tests/heldout7, tests/heldout8: ten each, blind (2026-12-03): 0.843 and 0.898 when
  written, 0.924 and 0.949 now;
- tests/heldout9: ten more, blind, written after the rules above: 0.870 when written
  (0.860 with the code of the session before), 0.916 now;
- tests/heldout10 to tests/heldout13: ten each, blind (2026-12-03, fourth session): 0.899,
  0.923, 0.914 and 0.881 with the code of the session before; heldout11, heldout12 and
  heldout13 scored 0.937, 0.943 and 0.901 when first run, with the rules written up to
  then; 0.974, 0.962, 0.960 and 0.906 at the end of that session. Most of heldout13's
  misses were communes and districts merged or renamed in January 2025; read against the
  map of 2024 (kg/data/gazetteer_2024.tsv) it scores 0.944 (score.py; heldout9 0.931,
  heldout12 0.966).
- tests/heldout14: ten more, blind (2026-12-03, fifth session), most dated 2023-2025 in
  units merged or renamed on 1 January 2025: 0.819 with the code before the map of 2024,
  0.889 when first run with it.
- tests/heldout15: ten more, blind (same session), provinces little covered before, places
  that did not change in 2023-2025: 0.911 with the code of the session before, 0.917 when
  first run; 0.938 after the list rules of that session, 0.954 after the bare-list rule.
- tests/heldout16: ten more, blind (same session), one of each kind of piece (border guard,
  district report, urban ward, highland village ...): 0.934 when first run (as with the
  session's starting code), 0.943 after the bare-list rule written for it.
- tests/heldout17, tests/heldout18: ten each, blind (2026-12-03, sixth session): provinces
  little covered before, 2022 to early 2025 (heldout17), and reports heavy with figures,
  awards and lists of officials (heldout18). 0.923 and 0.975 when first run (score.py),
  0.973 and 0.984 after the rules written for them and the fixes a review asked for.
  With this file's scorer the same rules moved heldout16 0.953 -> 0.961, heldout14 0.908
  -> 0.912, heldout8 0.952 -> 0.956, heldout9 0.930 -> 0.931, heldout7 0.935 -> 0.936,
  heldout6 0.965 -> 0.967, heldout11 0.962 -> 0.963 and heldout12 0.966 -> 0.966 (one
  figure its gold leaves out, one its gold has, see the statistics commits).
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.text import fold

SETS = {"heldout": 0.95, "heldout2": 0.93, "heldout3": 0.92, "heldout4": 0.94, "heldout5": 0.94, "heldout6": 0.88, "heldout7": 0.87, "heldout8": 0.91, "heldout9": 0.85,
        "heldout10": 0.92, "heldout11": 0.91, "heldout12": 0.90,
        "heldout13": 0.90, "heldout14": 0.85, "heldout15": 0.89, "heldout16": 0.90,
        "heldout17": 0.95, "heldout18": 0.96}  # folder under tests/ -> floor
STRICT = {
    "localities": ["name", "level", "parent"],
    "organizations": ["name", "type", "locality"],
    "officers": ["name", "rank", "post", "organization"],
    "programs": ["name", "kind"],
    "statistics": ["value", "unit"],
}
VILLAGE_WORDS = {"bản", "xóm", "ấp", "khóm", "tổ dân phố", "khu phố", "tiểu khu", "khối",
                 "buôn", "bon", "làng", "plei", "sóc", "khu", "tổ"}
_QUOTES = re.compile("[\"'“”‘’«»„`]")


def norm(field: str, value) -> str:
    if value in (None, ""):
        return ""
    if field == "value":
        return repr(round(float(str(value).replace(",", ".")), 4))
    text = " ".join(fold(_QUOTES.sub(" ", str(value))).split()).strip(" ,.;:")
    return "thôn" if field == "level" and text in VILLAGE_WORDS else text


def same(field: str, a: str, b: str) -> bool:
    """Equal, or a post with its place added, or a unit with the same head word."""
    if a == b:
        return True
    if field == "post" and a and b:
        return a.startswith(b + " ") or b.startswith(a + " ")
    if field == "unit" and a and b:
        return a.split(" ")[0] == b.split(" ")[0]
    return False


def matched(pred: set, gold: set, fields: list[str]) -> int:
    free, hits = set(pred), 0
    for g in sorted(gold):
        for p in sorted(free):
            if all(same(f, x, y) for f, x, y in zip(fields, p, g)):
                free.discard(p)
                hits += 1
                break
    return hits


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else float(n_gold == 0)
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.fixture(scope="module", params=sorted(SETS))
def heldout(request) -> Path:
    return Path(__file__).resolve().parent / request.param


@pytest.fixture(scope="module")
def predicted(heldout, tmp_path_factory) -> dict[str, list[dict]]:
    out = tmp_path_factory.mktemp(heldout.name)
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(heldout / "articles"), "-o", str(out)], catch_exceptions=False)
    assert built.exit_code == 0, built.output
    rows = {}
    for name in STRICT:
        res = runner.invoke(cli, ["query", name, "-g", str(out / "graph.ttl"), "--format", "csv"],
                            catch_exceptions=False)
        assert res.exit_code == 0, res.output
        rows[name] = list(csv.DictReader(io.StringIO(res.output)))
    return rows


def category_f1(predicted: dict, golds: list[dict], category: str) -> float:
    fields = STRICT[category]
    tp = n_pred = n_gold = 0
    for gold in golds:
        art = gold["article"]
        p = {tuple(norm(f, r.get(f)) for f in fields) for r in predicted[category] if r["article"] == art}
        g = {tuple(norm(f, r.get(f)) for f in fields) for r in gold[category]}
        tp, n_pred, n_gold = tp + matched(p, g, fields), n_pred + len(p), n_gold + len(g)
    return f1(tp, n_pred, n_gold)


def test_heldout_macro_strict_f1_stays_above_the_floor(heldout, predicted):
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((heldout / "gold").glob("*.json"))]
    assert len(golds) == 10
    scores = {c: category_f1(predicted, golds, c) for c in STRICT}
    macro = sum(scores.values()) / len(scores)
    assert macro >= SETS[heldout.name], scores


@pytest.mark.parametrize("field, a, b, expected", [
    ("post", "trưởng công an huyện", "trưởng công an huyện sông mã", True),
    ("unit", "lượt người tham gia", "lượt người", True),
    ("unit", "lượt", "hộ", False),
    ("name", "k brơi", "k brơi", True),
])
def test_same(field, a, b, expected):
    assert same(field, a, b) is expected


@pytest.mark.parametrize("field, value, expected", [
    ("value", "1200000000", "1200000000.0"),
    ("level", "ấp", "thôn"),
    ("name", "“Camera an ninh”", "camera an ninh"),
])
def test_norm(field, value, expected):
    assert norm(field, value) == expected
