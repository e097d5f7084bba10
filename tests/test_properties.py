"""Property-based tests: extraction never raises, graphs round-trip, order does not matter."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg import __version__
from kg.build import build_dataset, BuildReport, union
from kg.extract import extract
from kg.graph import add_article, new_dataset
from kg.ingest import parse_article
from kg.namespaces import ID

# Pieces of Vietnamese news prose, so generated text reaches the extractors' rules
# and not only their first regex; mixed with arbitrary Unicode.
WORDS = [
    "Công an", "xã", "huyện", "tỉnh", "thị trấn", "phường", "Thượng tá", "Đại úy", "Nguyễn Văn An",
    "Trưởng", "Phó Chủ tịch", "Ủy ban nhân dân", "Mặt trận Tổ quốc", "Tổ tự quản", "mô hình", "phong trào",
    "Toàn dân bảo vệ an ninh Tổ quốc", "Bình Lục", "Hà Nam", "Sông Mã", "12", "1.250", "3,5", "%", "vụ",
    "người", "tổ", "buổi", "năm 2024", "ngày 2/7", ",", ".", ";", ":", "(", ")", "“", "”", "-", "\n", "\n\n",
]
prose = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=300), prose, st.tuples(prose, st.text(max_size=50), prose).map("".join))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(any_text)
@example("Tổ tự quản (")  # a bracket that opens at the very end
def test_extraction_never_raises(text):
    article = parse_article(text, "x")
    facts = extract(article)
    for loc in facts.localities:
        assert loc.name


@SETTINGS
@given(any_text)
def test_a_graph_from_any_text_parses_back(text):
    ds = new_dataset()
    article = parse_article(text, "x")
    add_article(ds, article, extract(article), ID[f"build/kg-{__version__}"])
    g = union(ds)
    again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert len(again) == len(g)


@settings(max_examples=10, deadline=None)
@given(st.lists(prose, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_output_does_not_depend_on_input_order(tmp_path_factory, texts, rnd):
    folder = tmp_path_factory.mktemp("order")
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"a{i}.txt"
        path.write_text(text + "\nCông an xã An Bình tổ chức tuyên truyền.", encoding="utf-8")
        paths.append(path)
    shuffled = paths[:]
    rnd.shuffle(shuffled)
    first = union(build_dataset(paths, BuildReport())).serialize(format="turtle")
    second = union(build_dataset(shuffled, BuildReport())).serialize(format="turtle")
    assert first == second
