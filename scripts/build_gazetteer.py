"""Regenerate kg/data/gazetteer.tsv from the `vietnamadminunits` package (offline).

    pip install vietnamadminunits==1.0.4
    python scripts/build_gazetteer.py [--verify]

One row per pre-July-2025 unit (63 tỉnh, 696 huyện, ~10k xã) with its 2025
successor. Successors come from the package's own conversion tables
(data/converter_2025.json), i.e. exactly what `convert_address` does for an
address without a street. `--verify` also runs `convert_address` on every
commune, with the package's geocoder disabled, and fails on any disagreement.
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

import vietnamadminunits

PACKAGE = "vietnamadminunits"
PKG_DIR = Path(vietnamadminunits.__file__).parent
OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "gazetteer.tsv"
LEVELS = ("tỉnh", "huyện", "xã")
# The package's type columns have a few wrong values ("Thị trấn Ngọc Lặc" typed Xã,
# "Phường 5" of Phú Nhuận typed Xã), so the type is read off the full name instead.
TYPES = {
    "tỉnh": ("Thành phố", "Tỉnh"),
    "huyện": ("Thành phố", "Thị xã", "Quận", "Huyện"),
    "xã": ("Thị trấn", "Phường", "Xã"),
}
ALL_TYPES = sorted({t for ts in TYPES.values() for t in ts})
COLUMNS = ("code", "level", "type", "name", "parent_code", "successor")

LEGACY_SQL = """
SELECT province, provinceShort, provinceCode, provinceKey,
       district, districtShort, districtType, districtCode, districtKey,
       ward, wardShort, wardType, wardCode, wardKey
FROM admin_units_legacy
"""


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", (text or "").strip())


def unit_type(level: str, full: str, fallback: str | None) -> str:
    low = nfc(full).casefold()
    for t in TYPES[level]:
        if low.startswith(t.casefold() + " "):
            return t
    if fallback in TYPES[level]:
        return fallback
    raise ValueError(f"no {level} type for {full!r}")


def short_name(short: str) -> str:
    # The package disambiguates same-named siblings as "Yên Viên (Thị trấn)" /
    # "Kỳ Anh (Thị xã)"; the type column already carries that distinction.
    return re.sub(r"\s*\((%s)\)$" % "|".join(ALL_TYPES), "", nfc(short), flags=re.I)


def legacy_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    conn.row_factory = sqlite3.Row
    return conn.execute(LEGACY_SQL).fetchall()


def new_map_names(conn: sqlite3.Connection) -> tuple[dict, dict]:
    """2025 map: province key -> full name, (province key, ward key) -> full ward name."""
    provinces, wards = {}, {}
    for pk, prov, wk, ward in conn.execute("SELECT provinceKey, province, wardKey, ward FROM admin_units"):
        provinces[pk] = nfc(prov)
        wards[(pk, wk)] = nfc(ward)
    return provinces, wards


def conversion_tables() -> tuple[dict, dict]:
    """Old province key -> new province key; 'prov_dist_ward' old key -> (new prov, new ward)."""
    data = json.loads((PKG_DIR / "data" / "converter_2025.json").read_text(encoding="utf-8"))
    province = {old: new for new, olds in data["DICT_PROVINCE"].items() for old in olds}
    ward = {}
    for new_p, table in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, olds in table.items():
            ward.update({old: (new_p, new_w) for old in olds})
    # Split communes: take the package's default successor, as convert_address
    # does when no street is given (otherwise it would geocode).
    for new_p, table in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, options in table.items():
            default = next(o["newWardKey"] for o in options if o["isDefaultNewWard"])
            ward[old] = (new_p, default)
    return province, ward


class Successors:
    def __init__(self, conn: sqlite3.Connection):
        self.prov_names, self.ward_names = new_map_names(conn)
        self.prov_map, self.ward_map = conversion_tables()

    def province(self, province_key: str) -> str:
        return self.prov_names[self.prov_map[province_key]]

    def commune(self, pk: str, dk: str, wk: str | None) -> str | None:
        hit = self.ward_map.get(f"{pk}_{dk}_{wk or ''}")
        if not hit:
            return None
        return f"{self.ward_names[hit]}, {self.prov_names[hit[0]]}"


def build(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple]:
    succ = Successors(conn)
    units: dict[tuple[str, str], tuple] = {}
    for r in legacy_rows(conn):
        pcode, dcode = r["provinceCode"], r["districtCode"]
        units[("tỉnh", pcode)] = (pcode, "tỉnh", unit_type("tỉnh", r["province"], None),
                                  short_name(r["provinceShort"]), "", succ.province(r["provinceKey"]))
        # Districts were abolished in 2025; the island districts without communes
        # became special zones (đặc khu), which the converter keys with an empty ward.
        d_succ = succ.commune(r["provinceKey"], r["districtKey"], None) or succ.province(r["provinceKey"])
        units[("huyện", dcode)] = (dcode, "huyện", unit_type("huyện", r["district"], r["districtType"]),
                                   short_name(r["districtShort"]), pcode, d_succ)
        if r["wardCode"]:
            w_succ = succ.commune(r["provinceKey"], r["districtKey"], r["wardKey"])
            if not w_succ:
                raise ValueError(f"no 2025 successor for {r['ward']}, {r['district']}, {r['province']}")
            units[("xã", r["wardCode"])] = (r["wardCode"], "xã", unit_type("xã", r["ward"], r["wardType"]),
                                           short_name(r["wardShort"]), dcode, w_succ)
    return units


def verify(conn: sqlite3.Connection, units: dict) -> int:
    """Cross-check commune successors against convert_address, geocoder disabled."""
    from vietnamadminunits import convert_address
    from vietnamadminunits.converter import converter_2025

    def no_geocoding(*_a, **_k):
        raise RuntimeError("geocoding attempted")

    converter_2025.get_geo_location = no_geocoding
    bad = 0
    for r in legacy_rows(conn):
        if not r["wardCode"]:
            continue
        new = convert_address(f"{r['ward']}, {r['district']}, {r['province']}")
        got = f"{nfc(new.ward)}, {nfc(new.province)}"
        want = units[("xã", r["wardCode"])][5]
        if got != want:
            bad += 1
            print(f"mismatch {r['wardCode']} {r['ward']}, {r['district']}, {r['province']}: "
                  f"table {want!r} vs convert_address {got!r}", file=sys.stderr)
    return bad


def header() -> list[str]:
    version = metadata.version(PACKAGE)
    return [
        "# Vietnam administrative units before 1 July 2025 (63 tỉnh, huyện, xã) with their 2025 successors.",
        f"# Source: {PACKAGE} {version} (MIT licence, https://github.com/tranngocminhhieu/vietnamadminunits);"
        " regenerate with scripts/build_gazetteer.py.",
        "# successor: tỉnh -> the 2025 province it became part of; xã -> 2025 commune and province"
        " (for a commune split in 2025, the package's default successor);"
        " huyện (level abolished in 2025) -> the 2025 province of its tỉnh,"
        " except island districts without communes -> their 2025 special zone (Đặc khu).",
        "# name is the package's short name (numbered units keep the type word: 'Quận 1', 'Phường 5');"
        " codes are official and unique within a level; rows sorted by level then code.",
        "\t".join(COLUMNS),
    ]


FIXES = OUT.parent / "gazetteer_fixes.tsv"


def apply_fixes(units: dict, path: Path = FIXES) -> None:
    """Official names where the package misspells one ("Mù Căng Chải" for Mù Cang Chải)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        level, code, wrong, right = line.split("\t")
        row = units[(level, code)]
        if row[3] != wrong:
            raise ValueError(f"{path.name}: {level} {code} is {row[3]!r}, not {wrong!r}")
        units[(level, code)] = row[:3] + (right,) + row[4:]


def write(units: dict, path: Path) -> None:
    order = sorted(units, key=lambda k: (LEVELS.index(k[0]), k[1]))
    lines = header() + ["\t".join(nfc(v) for v in units[k]) for k in order]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--verify", action="store_true", help="cross-check against convert_address (~10 s)")
    args = ap.parse_args(argv)
    with sqlite3.connect(PKG_DIR / "data" / "dataset.db") as conn:
        units = build(conn)
        apply_fixes(units)
        if args.verify and verify(conn, units):
            return 1
    write(units, args.out)
    counts = {lvl: sum(1 for k in units if k[0] == lvl) for lvl in LEVELS}
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes): {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
