import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from kg.gazetteer import DATA_DIR, Gazetteer, Unit, load
from kg.text import fold

ROOT = Path(__file__).resolve().parent.parent
TSV = DATA_DIR / "gazetteer.tsv"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load()


def only(gaz, name, level=None) -> Unit:
    units = gaz.lookup(name, level)
    assert len(units) == 1, units
    return units[0]


# --- the data file -----------------------------------------------------------

def test_data_file_is_small_nfc_and_attributed():
    text = TSV.read_text(encoding="utf-8")
    assert TSV.stat().st_size < 2_000_000
    assert text == unicodedata.normalize("NFC", text)
    first = text.splitlines()[0]
    assert first.startswith("#")
    header = "\n".join(ln for ln in text.splitlines() if ln.startswith("#"))
    assert "vietnamadminunits 1.0.4" in header and "MIT" in header


def test_counts(gaz):
    by_level = {lvl: sum(1 for u in gaz._by_code.values() if u.level == lvl) for lvl in ("tỉnh", "huyện", "xã")}
    assert by_level["tỉnh"] == 63
    assert 690 <= by_level["huyện"] <= 700
    assert by_level["xã"] > 10_000


def test_every_unit_has_parent_and_successor(gaz):
    for unit in gaz._by_code.values():
        assert unit.successor, unit
        assert (unit.parent_code is None) == (unit.level == "tỉnh"), unit
        if unit.parent_code:
            assert gaz.parent(unit) is not None, unit


def test_every_unit_found_by_name_and_full_name(gaz):
    # Guards the index's shortcut of assembling folded full names from folded parts.
    for unit in gaz._by_code.values():
        assert unit in gaz.lookup(unit.name, unit.level)
        assert unit in gaz.lookup(unit.full_name)
        assert fold(unit.full_name) in gaz.names(unit.level)


def test_load_is_cached_singleton():
    assert load() is load()


def test_runtime_does_not_import_the_source_package():
    code = "import sys, kg.gazetteer as g; g.load(); print('vietnamadminunits' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- hierarchy -----------------------------------------------------------------

def test_song_ma_chain(gaz):
    song_ma = only(gaz, "Sông Mã", "huyện")
    assert [u.full_name for u in gaz.chain(song_ma)] == ["Huyện Sông Mã", "Tỉnh Sơn La"]
    assert gaz.parent(song_ma) == only(gaz, "Sơn La", "tỉnh")


def test_commune_chain_reaches_province(gaz):
    muong_sai = only(gaz, "Mường Sai", "xã")
    assert [u.name for u in gaz.chain(muong_sai)] == ["Mường Sai", "Sông Mã", "Sơn La"]


def test_children(gaz):
    song_ma = gaz.get("huyện", "126")
    kids = gaz.children(song_ma)
    assert only(gaz, "Mường Sai") in kids
    assert all(k.parent_code == "126" and k.level == "xã" for k in kids)
    assert [k.code for k in kids] == sorted(k.code for k in kids)
    assert len(gaz.children(gaz.get("tỉnh", "14"))) == 12  # Sơn La's huyện


def test_get(gaz):
    assert gaz.get("tỉnh", "01").name == "Hà Nội"
    assert gaz.get("xã", "04213").name == "Mường Sai"
    assert gaz.get("huyện", "04213") is None
    assert gaz.get("tỉnh", "99") is None


# --- lookup ----------------------------------------------------------------------

@pytest.mark.parametrize("text, level, code", [
    ("Hà Nội", "tỉnh", "01"),
    ("Hồ Chí Minh", "tỉnh", "79"),
    ("Đà Nẵng", "tỉnh", "48"),
    ("Hải Phòng", "tỉnh", "31"),
    ("Cần Thơ", "tỉnh", "92"),
    ("Thành phố Hồ Chí Minh", "tỉnh", "79"),
    ("TP Hồ Chí Minh", "tỉnh", "79"),
    ("TP. Hồ Chí Minh", "tỉnh", "79"),
    ("TP.HCM", "tỉnh", "79"),
    ("tp.hcm", "tỉnh", "79"),
    ("TPHCM", "tỉnh", "79"),
    ("Sài Gòn", "tỉnh", "79"),
    ("Huế", "tỉnh", "46"),
    ("Thừa Thiên Huế", "tỉnh", "46"),
    ("Thừa Thiên - Huế", "tỉnh", "46"),
    ("Bà Rịa - Vũng Tàu", "tỉnh", "77"),
    ("Bà Rịa-Vũng Tàu", "tỉnh", "77"),
    ("Bà Rịa – Vũng Tàu", "tỉnh", "77"),
    ("Bà Rịa Vũng Tàu", "tỉnh", "77"),
    ("Hoà Bình", "tỉnh", "17"),
    ("Hòa Bình", "tỉnh", "17"),
    ("  hoà   BÌNH ", "tỉnh", "17"),
    ("Thanh Hoá", "tỉnh", "38"),
    ("Tỉnh Thanh Hóa", "tỉnh", "38"),
    ("Đăk Lăk", "tỉnh", "66"),
    ("Huyện Sông Mã", "huyện", "126"),
    ("TP. Vinh", "huyện", "412"),
    ("TX Sơn Tây", "huyện", "269"),
    ("Quận 1", "huyện", "760"),
    ("Thành phố Thủ Đức", "huyện", "769"),
    ("Thị xã Kỳ Anh", "huyện", "449"),
    ("Huyện Kỳ Anh", "huyện", "447"),
    ("TT Sông Mã", "xã", "04168"),
    ("Phường Phường Đúc", "xã", "19780"),
    # glued or split otherwise than on the map
    ("Kontum", "tỉnh", "62"),
    ("Đakrông", "huyện", "467"),
    ("huyện Đakrông", "huyện", "467"),
    ("Ea Hleo", "huyện", "645"),
    ("Cư Mgar", "huyện", "648"),
    ("Krông Pắk", "huyện", "654"),
    ("Đắk Lắc", "tỉnh", "66"),
    # "Đắk", "Đăk", "Đak": one syllable, written all three ways
    ("Đăk R'Lấp", "huyện", "666"),
    ("Đắk Hà", "huyện", "615"),
    ("Đak Pơ", "huyện", "634"),
])
def test_lookup_table(gaz, text, level, code):
    assert [u.code for u in gaz.lookup(text, level)] == [code]


def test_spacing_fallback_only_when_the_level_has_no_exact_name(gaz):
    # Đakrông is also a commune of Đa Krông, written so on the map: that one is the xã
    assert [u.code for u in gaz.lookup("Đakrông", "xã")] == ["19564"]
    assert [u.code for u in gaz.lookup("Đakrông")] == ["19564"]


@pytest.mark.parametrize("text, level, count", [
    ("Châu Thành", "huyện", 10),
    ("Kỳ Anh", "huyện", 2),
    ("Sông Mã", None, 2),  # the huyện and its thị trấn
    ("Phường 5", "xã", 21),
    ("Không Có Nơi Này", None, 0),
])
def test_lookup_counts(gaz, text, level, count):
    assert len(gaz.lookup(text, level)) == count


def test_lookup_sorted_by_level_then_code(gaz):
    units = gaz.lookup("Bình Dương")
    assert units[0].level == "tỉnh"
    assert [u.code for u in units[1:]] == sorted(u.code for u in units[1:])


def test_tone_placement_both_ways(gaz):
    assert gaz.lookup("Hoà Bình") == gaz.lookup("Hòa Bình")
    assert len(gaz.lookup("Hoà Bình")) > 1  # the province and same-named communes


@pytest.mark.parametrize("level, code, full", [
    ("huyện", "126", "Huyện Sông Mã"),
    ("huyện", "760", "Quận 1"),
    ("huyện", "449", "Thị xã Kỳ Anh"),
    ("tỉnh", "79", "Thành phố Hồ Chí Minh"),
    ("xã", "00526", "Thị trấn Yên Viên"),
    ("xã", "19780", "Phường Phường Đúc"),
])
def test_full_name(gaz, level, code, full):
    assert gaz.get(level, code).full_name == full


def test_names_are_folded_and_resolvable(gaz):
    provinces = gaz.names("tỉnh")
    assert {"hồ chí minh", "hà nội", "hòa bình", "tp.hcm", "sài gòn"} <= provinces
    assert "sông mã" in gaz.names("huyện") and "mường sai" in gaz.names("xã")
    assert all(gaz.lookup(n, "tỉnh") for n in provinces)


def test_unknown_level_rejected(gaz):
    with pytest.raises(ValueError):
        gaz.lookup("Sông Mã", "huyen")


# --- resolve ---------------------------------------------------------------------

def test_muong_sai_with_song_ma_context(gaz):
    song_ma = only(gaz, "Sông Mã", "huyện")
    unit = gaz.resolve("Mường Sai", context=[song_ma])
    assert unit is not None and unit.code == "04213"


def test_chau_thanh_needs_context(gaz):
    assert gaz.resolve("Châu Thành", "huyện") is None
    tien_giang = only(gaz, "Tiền Giang", "tỉnh")
    assert gaz.resolve("Châu Thành", "huyện", context=[tien_giang]).code == "821"


@pytest.mark.parametrize("name, level, context, expected", [
    ("Châu Thành", "huyện", [("tỉnh", "83")], "831"),  # Bến Tre
    ("Châu Thành", "huyện", [("tỉnh", "94")], "942"),  # Sóc Trăng
    ("Châu Thành", None, [("tỉnh", "82")], "821"),  # the huyện beats its own communes
    ("Châu Thành", "huyện", [("xã", "04213")], None),  # unrelated context
    ("Sông Mã", None, [("tỉnh", "14")], "126"),
    ("Sông Mã", "xã", [("tỉnh", "14")], "04168"),
    ("Sông Mã", None, [], None),
    ("Sông Mã", None, [("xã", "04213")], "126"),  # context is a descendant
    ("Sơn La", None, [], None),  # the tỉnh and its provincial city
    ("Sơn La", "tỉnh", [], "14"),
    ("Sơn La", None, [("xã", "04213")], "14"),  # the city is only in the same province
    ("Mường Sai", None, [], "04213"),  # unique, no context needed
    ("Kỳ Anh", "huyện", [("tỉnh", "42")], None),  # two in the same province
    ("Tân Thành", "xã", [("tỉnh", "80")], None),
    ("Không Có Nơi Này", None, [("tỉnh", "14")], None),
])
def test_resolve_table(gaz, name, level, context, expected):
    ctx = [gaz.get(lvl, code) for lvl, code in context]
    unit = gaz.resolve(name, level, ctx)
    assert (unit.code if unit else None) == expected


def test_resolve_prefers_closer_context(gaz):
    # Sông Mã's communes score higher than same-named communes elsewhere in Sơn La.
    ctx = [gaz.get("tỉnh", "14"), gaz.get("huyện", "126")]
    assert gaz.resolve("Mường Sai", "xã", ctx).code == "04213"


# --- 2025 successors ---------------------------------------------------------------

@pytest.mark.parametrize("level, code, successor", [
    ("xã", "04213", "Xã Chiềng Khương, Tỉnh Sơn La"),  # Mường Sai
    ("xã", "04168", "Xã Sông Mã, Tỉnh Sơn La"),
    ("tỉnh", "14", "Tỉnh Sơn La"),
    ("tỉnh", "02", "Tỉnh Tuyên Quang"),  # Hà Giang
    ("tỉnh", "74", "Thành phố Hồ Chí Minh"),  # Bình Dương
    ("tỉnh", "94", "Thành phố Cần Thơ"),  # Sóc Trăng
    ("huyện", "126", "Tỉnh Sơn La"),
    ("huyện", "318", "Đặc khu Bạch Long Vĩ, Thành phố Hải Phòng"),
])
def test_successor_table(gaz, level, code, successor):
    assert gaz.get(level, code).successor == successor


def test_commune_successors_name_a_commune_and_province(gaz):
    for unit in gaz._by_code.values():
        if unit.level == "xã":
            commune, province = unit.successor.split(", ")
            assert commune.split()[0] in ("Xã", "Phường", "Đặc")
            assert province.startswith(("Tỉnh ", "Thành phố "))


# --- 2025 communes ----------------------------------------------------------------

@pytest.mark.parametrize("name, type_, province", [
    ("Hạc Thành", "Phường", "Thanh Hóa"),
    ("Phường Hạc Thành", "Phường", "Thanh Hóa"),
])
def test_reformed_communes_sit_under_their_province(gaz, name, type_, province):
    (unit,) = gaz.reformed(name)
    assert (unit.level, unit.type) == ("xã", type_)
    assert [u.name for u in gaz.chain(unit)] == ["Hạc Thành", province]


def test_reformed_communes_stay_out_of_lookup(gaz):
    assert gaz.lookup("Hạc Thành", "xã") == []
    assert gaz.reformed("Không Có Nơi Này") == []
