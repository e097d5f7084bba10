"""The built graph: round trip, determinism, shared nodes, provenance."""
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.build import build
from kg.namespaces import KGO, NIF
from kg.query import answer_file, query_text
from tests.conftest import SEEDS


def test_turtle_parses_back_to_the_same_triples(seeds_build):
    text = (seeds_build / "graph.ttl").read_text(encoding="utf-8")
    g = Graph().parse(data=text, format="turtle")
    again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert len(g) == len(again) > 1000


def test_two_builds_are_byte_identical(seeds_build, tmp_path):
    build([SEEDS], tmp_path)
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / name).read_bytes() == (seeds_build / name).read_bytes(), name


def test_one_named_graph_per_article(seeds_build):
    ds = Dataset()
    ds.parse(seeds_build / "graph.trig", format="trig")
    articles = [str(c.identifier) for c in ds.graphs() if "/article/" in str(c.identifier)]
    assert len(articles) == 5


def test_every_mention_points_to_its_sentence_text(seeds_build):
    g = Graph().parse(seeds_build / "graph.ttl")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    checked = 0
    for sentence in g.subjects(RDF.type, KGO.Sentence):
        article = g.value(sentence, NIF.referenceContext)
        stem = str(g.value(article, KGO.articleId))
        start, end = int(g.value(sentence, NIF.beginIndex)), int(g.value(sentence, NIF.endIndex))
        assert texts[stem][start:end] == str(g.value(sentence, NIF.anchorOf))
        checked += 1
    assert checked > 50


def _built(tmp_path, texts: dict[str, str]) -> Path:
    """graph.ttl built from one article per text, titled "Bài <stem>"."""
    for stem, text in texts.items():
        (tmp_path / f"{stem}.txt").write_text(f"Bài {stem}\n\n{text}\n", encoding="utf-8")
    build([tmp_path], tmp_path / "out")
    return tmp_path / "out" / "graph.ttl"


def test_a_place_in_two_articles_is_one_node(tmp_path):
    for i in (1, 2):
        (tmp_path / f"a{i}.txt").write_text(f"Bài {i}\n\nCông an huyện Sông Mã tổ chức {i}0 hội nghị tuyên truyền.\n", encoding="utf-8")
    build([tmp_path], tmp_path / "out")
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    song_ma = [s for s in g.subjects(RDF.type, KGO.Locality) if str(s).endswith("/sơn-la/sông-mã")]
    assert len(song_ma) == 1
    mentions = {g.value(s, NIF.referenceContext) for s in g.objects(song_ma[0], KGO.mentionedIn)}
    assert len(mentions) == 2


def test_same_named_units_in_two_provinces_are_two_nodes(tmp_path):
    (tmp_path / "a.txt").write_text("Bài A\n\nCông an xã Kim Long, huyện Châu Đức tổ chức 5 hội nghị.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bài B\n\nCông an xã Kim Long, huyện Tam Dương tổ chức 7 hội nghị.\n", encoding="utf-8")
    build([tmp_path], tmp_path / "out")
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    police = {str(s) for s in g.subjects(RDF.type, KGO.Organization) if str(s).endswith("/công-an-xã-kim-long")}
    assert len(police) == 2
    assert all(len(set(g.objects(URIRef(p), KGO.locality))) == 1 for p in police)


def test_communes_whose_names_differ_only_in_marks_are_two_nodes(tmp_path):
    # Hoằng Hóa district has both a Hoằng Phú and a Hoằng Phụ.
    g = Graph().parse(_built(tmp_path, {stem: f"Công an xã {name}, huyện Hoằng Hóa, tỉnh Thanh Hóa tổ chức 5 hội nghị."
                                        for stem, name in (("a", "Hoằng Phú"), ("b", "Hoằng Phụ"))}))
    communes = {s for s in g.subjects(RDF.type, KGO.Locality) if str(g.value(s, RDFS.label)).startswith("Hoằng P")}
    assert sorted(str(g.value(c, RDFS.label)) for c in communes) == ["Hoằng Phú", "Hoằng Phụ"]
    assert all(len(set(g.objects(c, KGO.code))) == 1 for c in communes)
    police = [o for o in g.subjects(RDF.type, KGO.Organization) if "Hoằng P" in str(g.value(o, RDFS.label))]
    assert len(police) == 2


def test_a_program_printed_in_two_casings_has_one_label(tmp_path):
    texts = {"a": "Xã xây dựng mô hình “tổ liên gia tự quản” theo phong trào toàn dân bảo vệ An ninh Tổ quốc.",
             "b": "Huyện nhân rộng mô hình “Tổ liên gia tự quản” trong phong trào Toàn dân bảo vệ an ninh tổ quốc."}
    g = Graph().parse(_built(tmp_path, texts))
    labels = sorted(str(label) for p in g.subjects(RDF.type, KGO.Program) for label in g.objects(p, RDFS.label))
    # the movement takes the spelling listed in kg/data/programs_known.tsv
    assert labels == ["Toàn dân bảo vệ an ninh Tổ quốc", "Tổ liên gia tự quản"]


def test_a_place_spelt_two_ways_is_one_node_labelled_as_on_the_map(tmp_path):
    g = Graph().parse(_built(tmp_path, {stem: f"Công an huyện {dak} R'Lấp, tỉnh {dak} Nông tổ chức 5 hội nghị."
                                        for stem, dak in (("a", "Đắk"), ("b", "Đăk"))}))
    district = [s for s in g.subjects(KGO.code, None) if str(g.value(s, KGO.code)) == "666"]
    assert len(district) == 1
    assert [str(x) for x in g.objects(district[0], RDFS.label)] == ["Đắk R'Lấp"]
    assert [str(x) for x in g.objects(district[0], SKOS.altLabel)] == ["Đăk R'Lấp"]
    police = {str(g.value(o, RDFS.label)) for o in g.subjects(RDF.type, KGO.Organization)}
    assert police == {"Công an huyện Đắk R'Lấp"}


def test_an_organisation_printed_with_both_spellings_in_one_article_is_one_node(tmp_path):
    g = Graph().parse(_built(tmp_path, {"a": "Công an huyện Đắk R'Lấp, tỉnh Đắk Nông tổ chức 5 hội nghị. "
                                             "Công an huyện Đăk R'Lấp đã bắt 3 đối tượng."}))
    police = [o for o in g.subjects(RDF.type, KGO.Organization)]
    assert [str(g.value(o, RDFS.label)) for o in police] == ["Công an huyện Đắk R'Lấp"]
    assert [str(x) for x in g.objects(police[0], SKOS.altLabel)] == ["Công an huyện Đăk R'Lấp"]


def test_programs_query_lists_one_row_per_article_and_program(tmp_path):
    texts = {"a": "Xã có mô hình “Tổ hoà giải”, mô hình 1+4 và mô hình 1-4.",
             "b": "Huyện có mô hình “tổ hòa giải” và mô hình 1 +4."}
    rows = answer_file(_built(tmp_path, texts), query_text("programs"), "csv").splitlines()
    # one node for "1+4" and "1 +4" (two labels, the row takes the first), another for "1-4";
    # the tone placement and the case of "tổ hoà giải" give no second label
    assert rows[1:] == ["a,1 +4,mô hình", "a,1-4,mô hình", "a,Tổ hòa giải,mô hình",
                        "b,1 +4,mô hình", "b,Tổ hòa giải,mô hình"]


def test_a_program_is_placed_where_its_article_says(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Bài A\n\nCông an huyện Sông Mã xây dựng mô hình “Camera an ninh” tại xã Mường Sai.\n", encoding="utf-8")
    build([tmp_path], tmp_path / "out")
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    program = next(g.subjects(RDF.type, KGO.Program))
    places = {str(g.value(p, RDFS.label)) for p in g.objects(program, KGO.carriedOutIn)}
    doers = {str(g.value(o, RDFS.label)) for o in g.objects(program, KGO.carriedOutBy)}
    assert places == {"Mường Sai"}
    assert doers == {"Công an huyện Sông Mã"}


def test_a_village_the_map_cannot_place_stays_within_its_article(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Bài {name}\n\nNgười dân thôn Hưng Long tham gia 3 buổi tuyên truyền.\n", encoding="utf-8")
    build([tmp_path], tmp_path / "out")
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    villages = [s for s in g.subjects(RDF.type, KGO.Locality) if str(s).endswith("/hưng-long")]
    assert len(villages) == 2
    assert all("/unplaced/" in str(v) for v in villages)


def test_a_place_read_off_the_map_for_a_body_comes_with_its_chain_and_one_rank_label(tmp_path):
    # "CAX Hoà Bình" is read only by the organisation parser; the map puts Hòa Bình in the city
    # of Kon Tum, which the article never names: the city still has its sentence and its level
    from kg.validate import validate_graph
    (tmp_path / "a.txt").write_text("Bài A\n\nThượng uý A Duy, Phó Trưởng CAX Hoà Bình, huyện Sa Thầy cho biết. "
                                    "Thượng úy Y Duy, Trưởng Công an xã Hơ Moong cho biết.\n", encoding="utf-8")
    build([tmp_path], tmp_path / "out")
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert validate_graph(g).violations == []
    ranks = [c for c in g.subjects(RDF.type, SKOS.Concept) if "/rank/" in str(c)]
    assert len(ranks) == 1 and [str(x) for x in g.objects(ranks[0], SKOS.prefLabel)] == ["Thượng úy"]


def test_a_district_is_named_officially_and_its_other_spelling_is_the_same_node(tmp_path):
    # the map's source spells it "Mù Căng Chải"; gazetteer_fixes.tsv gives the official name
    (tmp_path / "a.txt").write_text("Bài A\n\nCông an huyện Mù Cang Chải, tỉnh Yên Bái tổ chức 5 hội nghị.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bài B\n\nCông an huyện Mù Căng Chải tổ chức 7 hội nghị.\n", encoding="utf-8")
    build([tmp_path], tmp_path / "out")
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    police = {s for s in g.subjects(RDF.type, KGO.Organization)}
    assert len(police) == 1
    district = g.value(police.pop(), KGO.locality)
    assert str(g.value(district, RDFS.label)) == "Mù Cang Chải"
