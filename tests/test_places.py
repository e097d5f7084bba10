"""Place mentions resolved: written parents, map lookups, 2025 communes, printed names."""
import pytest

from kg import gazetteer
from kg.extract.model import Sentence
from kg.extract.places import Mention, known_names, link_parents, resolve, unit_locality

S = Sentence(0, 60, "x" * 60)


def mention(name, level, start, word=None, typed=True):
    return Mention(word or level, level, name, S, start, start + len(name), typed=typed)


@pytest.mark.parametrize("text_between, linked", [
    (", ", True),        # "xã A, huyện B"
    (" (", True),        # "xã A (huyện B)"
    (" (thuộc ", True),  # "ấp A (thuộc xã B cũ)"
    (" ở ", True),       # "A ở huyện B"
    (" và ", False),     # "xã A và huyện B": two places side by side
    (" có nhiều hộ ở ", False),
])
def test_written_parent(text_between, linked):
    child = mention("A", "xã", 0)
    parent = mention("B", "huyện", 1 + len(text_between))
    text = "A" + text_between + "B"
    sentence = Sentence(0, len(text), text)
    child.sentence = parent.sentence = sentence
    link_parents([child, parent])
    assert (child.parent is parent) == linked


def test_a_parent_is_of_a_higher_level():
    text = "A, B"
    sentence = Sentence(0, len(text), text)
    a, b = Mention("xã", "xã", "A", sentence, 0, 1), Mention("xã", "xã", "B", sentence, 3, 4)
    link_parents([a, b])
    assert a.parent is None


def test_known_names_include_2025_communes_for_communes_only():
    assert any(u.code.startswith(gazetteer.REFORMED) for u in known_names("Hạc Thành", ("xã",)))
    assert known_names("Hạc Thành", ("huyện",)) == []


def test_type_word_picks_the_city_over_the_province():
    m = mention("Yên Bái", "city", 0, word="thành phố")
    resolve([m])
    assert (m.unit.level, m.unit.type) == ("huyện", "Thành phố")


def test_written_parent_beats_the_rest_of_the_article():
    text = "xã Tân Lập, huyện Đan Phượng; tỉnh Bắc Giang"
    sentence = Sentence(0, len(text), text)
    ms = [Mention("xã", "xã", "Tân Lập", sentence, 3, 10, typed=True, begin=0),
          Mention("huyện", "huyện", "Đan Phượng", sentence, 18, 28, typed=True, begin=12),
          Mention("tỉnh", "tỉnh", "Bắc Giang", sentence, 35, 44, typed=True, begin=30)]
    link_parents(ms)
    resolve(ms)
    assert [u.name for u in gazetteer.load().chain(ms[0].unit)] == ["Tân Lập", "Đan Phượng", "Hà Nội"]


def test_unit_locality_prints_numbered_units_as_news_does():
    gaz = gazetteer.load()
    ward = next(u for u in gaz.lookup("Phường 4", "xã") if gaz.parent(u).name == "Mỹ Tho")
    loc = unit_locality(ward, S)
    assert (loc.name, loc.parent.name, loc.parent.parent.name) == ("4", "Mỹ Tho", "Tiền Giang")
    assert loc.code == ward.code


def test_a_2025_commune_has_no_official_code_here():
    unit = gazetteer.load().reformed("Hạc Thành")[0]
    loc = unit_locality(unit, S)
    assert (loc.name, loc.level, loc.parent.name, loc.code) == ("Hạc Thành", "xã", "Thanh Hóa", None)
