"""Localities: mentions with and without level words, resolved on the pre-2025 map."""
import pytest

from kg.extract.localities import extract_localities, main_places
from kg.extract.model import Sentence


def sentences_of(text: str) -> list[Sentence]:
    out, pos = [], 0
    for part in text.split("\n"):
        out.append(Sentence(pos, pos + len(part), part))
        pos += len(part) + 1
    return out


def places(text: str) -> set[tuple]:
    """(name, level word, parent name) of every place the text locates."""
    return {(loc.name, loc.word, loc.parent.name if loc.parent else None)
            for loc in extract_localities(sentences_of(text))}


def villages(text: str, paragraphs: list[int] | None = None) -> set[tuple]:
    """(name, parent name) of every village the text locates; each line is a paragraph unless
    `paragraphs` says where they start."""
    sentences = sentences_of(text)
    starts = [s.start for s in sentences] if paragraphs is None else paragraphs
    return {(loc.name, loc.parent.name if loc.parent else None)
            for loc in extract_localities(sentences, starts) if loc.level == "thôn"}


SON_LA = ("Sơn La", "tỉnh", None)
SONG_MA = ("Sông Mã", "huyện", "Sơn La")
MUONG_SAI = ("Mường Sai", "xã", "Sông Mã")


@pytest.mark.parametrize("text, expected", [
    # the chain up to the province comes from the map
    ("Công an xã Mường Sai tuần tra.", {MUONG_SAI, SONG_MA, SON_LA}),
    ("Phong trào ở Sông Mã phát triển.", {SONG_MA, SON_LA}),
    # a place's name before an organisation's is the place
    ("Lực lượng tại Hà Nội Công an thành phố chỉ đạo.", {("Hà Nội", "tỉnh", None)}),
    # lists after one level word, their parent written after the list
    ("Các xã: Mường Sai, Chiềng Khoong và Nậm Ty (huyện Sông Mã) đều tham gia.",
     {MUONG_SAI, ("Chiềng Khoong", "xã", "Sông Mã"), ("Nậm Ty", "xã", "Sông Mã"), SONG_MA, SON_LA}),
    # a list ends at a name of a higher level
    ("Người dân xã Mường Sai, Sông Mã đồng tình.", {MUONG_SAI, SONG_MA, SON_LA}),
    # abbreviated level words, glued or not
    ("Nhà văn hóa P.Phú Lợi (TP.Thủ Dầu Một, Bình Dương) đông người.",
     {("Phú Lợi", "xã", "Thủ Dầu Một"), ("Thủ Dầu Một", "huyện", "Bình Dương"), ("Bình Dương", "tỉnh", None)}),
    ("Họp tại Q.1, TP.HCM.", {("1", "huyện", "Hồ Chí Minh"), ("Hồ Chí Minh", "tỉnh", None)}),
    # numbered wards, told apart by the city written next
    ("Công an phường 7, TP. Vĩnh Long ra quân.",
     {("7", "xã", "Vĩnh Long"), ("Vĩnh Long", "huyện", "Vĩnh Long"), ("Vĩnh Long", "tỉnh", None)}),
    # the type word decides between same-named units
    ("Thành phố Lào Cai và tỉnh Lào Cai phối hợp.", {("Lào Cai", "huyện", "Lào Cai"), ("Lào Cai", "tỉnh", None)}),
    # a descriptor between the level word and the name
    ("Tại xã biên giới Pa Thơm, huyện Điện Biên có mô hình.",
     {("Pa Thơm", "xã", "Điện Biên"), ("Điện Biên", "huyện", "Điện Biên"), ("Điện Biên", "tỉnh", None)}),
    # a lower-case syllable typed by mistake, and a dash inside a province's name
    ("Mô hình ở huyện Như xuân hiệu quả.", {("Như Xuân", "huyện", "Thanh Hóa"), ("Thanh Hóa", "tỉnh", None)}),
    ("Tỉnh Bà Rịa - Vũng Tàu ra quân.", {("Bà Rịa - Vũng Tàu", "tỉnh", None)}),
    # same-named communes told apart by the district written next
    ("Ở xã Tân Lập, huyện Đan Phượng có mô hình.",
     {("Tân Lập", "xã", "Đan Phượng"), ("Đan Phượng", "huyện", "Hà Nội"), ("Hà Nội", "tỉnh", None)}),
    # a commune written bare next to its district
    ("Xã Mường Sai, Chiềng Khoong ở huyện Sông Mã cùng ra quân.",
     {MUONG_SAI, ("Chiềng Khoong", "xã", "Sông Mã"), SONG_MA, SON_LA}),
    # a village word that starts a province's or district's name is part of the name
    ("Thị xã Vĩnh Châu (Sóc Trăng) và Buôn Ma Thuột phối hợp; sóc Trà Tim có mô hình.",
     {("Vĩnh Châu", "huyện", "Sóc Trăng"), ("Sóc Trăng", "tỉnh", None), ("Buôn Ma Thuột", "huyện", "Đắk Lắk"),
      ("Đắk Lắk", "tỉnh", None), ("Trà Tim", "sóc", None)}),
    # a 2025 commune, known only as a successor, lies right under its province
    ("Phường Hạc Thành tổ chức ngày hội.", {("Hạc Thành", "xã", "Thanh Hóa"), ("Thanh Hóa", "tỉnh", None)}),
    # where the map has no such commune in the district written next, the text wins
    ("Tại xã Chiềng Khoong, huyện Mường La có mô hình.",
     {("Chiềng Khoong", "xã", "Mường La"), ("Mường La", "huyện", "Sơn La"), SON_LA}),
    # a district the map lacks takes the article's only province
    ("Tại tỉnh Sơn La, huyện Nậm Pồ Thượng ra quân.", {SON_LA, ("Nậm Pồ Thượng", "huyện", "Sơn La")}),
])
def test_places(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    # numbered villages inside a village inside a commune
    ("Ra mắt tại tổ 3 và 5, thôn Đông Hòa, xã Mường Sai.",
     {("3", "tổ", "Đông Hòa"), ("5", "tổ", "Đông Hòa"), ("Đông Hòa", "thôn", "Mường Sai"), MUONG_SAI, SONG_MA, SON_LA}),
    # the village word as printed; spaces inside it do not matter
    ("Tổ dân  phố Tân Tiến, phường Chiềng Lề có 41 hộ.",
     {("Tân Tiến", "tổ dân phố", "Chiềng Lề"), ("Chiềng Lề", "xã", "Sơn La"), ("Sơn La", "huyện", "Sơn La"), SON_LA}),
    # a village named after its commune in the sentence lies in it; later, the article's only commune
    ("Xã Mường Sai có bản Pìn.\nNgười dân bản Nà Sài tham gia.",
     {MUONG_SAI, SONG_MA, SON_LA, ("Pìn", "bản", "Mường Sai"), ("Nà Sài", "bản", "Mường Sai")}),
    # one village mentioned twice keeps the parent one mention gives
    ("Buôn Ea Tiêu, xã Chiềng Khoong vui.\nNhà văn hóa buôn Ea Tiêu mới xây.",
     {("Ea Tiêu", "buôn", "Chiềng Khoong"), ("Chiềng Khoong", "xã", "Sông Mã"), SONG_MA, SON_LA}),
    ("Hai thôn vùng cao Nà Lừa - Khe Cạn của xã Mường Sai.",
     {("Nà Lừa", "thôn", "Mường Sai"), ("Khe Cạn", "thôn", "Mường Sai"), MUONG_SAI, SONG_MA, SON_LA}),
    # a small number after a village's name is part of the name; a figure is not
    ("Trưởng thôn Hua Nà 2, xã Mường Sai cho biết.", {("Hua Nà 2", "thôn", "Mường Sai"), MUONG_SAI, SONG_MA, SON_LA}),
    ("Bản Pìn 12,5% hộ nghèo, xã Mường Sai.", {("Pìn", "bản", "Mường Sai"), MUONG_SAI, SONG_MA, SON_LA}),
    # a list is of numbers or of names: "Hội Cựu chiến binh" is no village
    ("Tại thôn 3, Hội Cựu chiến binh xã Mường Sai phối hợp; bản 4, 5 họp.",
     {("3", "thôn", "Mường Sai"), ("4", "bản", "Mường Sai"), ("5", "bản", "Mường Sai"), MUONG_SAI, SONG_MA, SON_LA}),
    # a body listed after a village is no village: "Hội CCB" is the veterans' association
    # a date after a numbered village is no count; people after a numbered village are no count
    ("Tại bản Pìn 2 ngày 12/5, thôn 4 người dân họp, xã Mường Sai.",
     {("Pìn 2", "bản", "Mường Sai"), ("4", "thôn", "Mường Sai"), MUONG_SAI, SONG_MA, SON_LA}),
    ("Tại bản Nà Lừa, Nhân dân góp tiền; tổ 3 có 40 hộ, bản Pìn, xã Mường Sai.",
     {("Nà Lừa", "bản", "Mường Sai"), ("3", "tổ", "Mường Sai"), ("Pìn", "bản", "Mường Sai"), MUONG_SAI, SONG_MA, SON_LA}),
    ("Tại ấp Tân Đông, Hội CCB xã Mường Sai phối hợp với bản Nà Lừa, Khe Cạn.",
     {("Tân Đông", "ấp", "Mường Sai"), ("Nà Lừa", "bản", "Mường Sai"), ("Khe Cạn", "bản", "Mường Sai"),
      MUONG_SAI, SONG_MA, SON_LA}),
    # after a list of communes the sentence does not say whose village it is
    ("Tại xã Mường Sai và xã Chiềng Khoong, bản Pìn ký giao ước.",
     {MUONG_SAI, ("Chiềng Khoong", "xã", "Sông Mã"), SONG_MA, SON_LA, ("Pìn", "bản", None)}),
    ("Tại xã Mường Sai, huyện Sông Mã, bản Pìn ký giao ước.", {MUONG_SAI, SONG_MA, SON_LA, ("Pìn", "bản", "Mường Sai")}),
])
def test_villages(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a commune merged away before the map was made, under the district the text gives
    ("Tại xã Mường Lạn Cũ, huyện Sông Mã, bản Pìn họp.",
     {("Mường Lạn Cũ", "xã", "Sông Mã"), SONG_MA, SON_LA, ("Pìn", "bản", "Mường Lạn Cũ")}),
    ("Huyện Sông Mã ra quân.\nTại xã Mường Lạn Cũ, Công an xã tuần tra.", {("Mường Lạn Cũ", "xã", "Sông Mã"), SONG_MA, SON_LA}),
    ("Huyện Sông Mã có hai xã Mường Lạn Cũ, Mường Sai.", {("Mường Lạn Cũ", "xã", "Sông Mã"), MUONG_SAI, SONG_MA, SON_LA}),
    # with nothing to show it is a commune, a name after a post is as often a person's
    ("Huyện Sông Mã ra quân.\nChủ tịch UBND xã Ksor Tiên, xã Mường Sai cho biết.", {MUONG_SAI, SONG_MA, SON_LA}),
    ("Huyện Sông Mã ra quân.\nXã Anh Hùng Giữ Vững Bình Yên; Công an xã Phối Hợp với dân.", {SONG_MA, SON_LA}),
])
def test_communes_the_map_lacks(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text", [
    "Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu.",   # a person after the level word
    "Ông Quang Bình cho biết.",                       # a district's name as a given name
    "Công ty TNHH Thống Nhất tài trợ.",              # a district's name in a firm's
    "Khu Công nghiệp phát triển; Tổ Tự quản họp.",   # capitalised common nouns
    "Bảo vệ an ninh Tổ Quốc; Tổ Công tác và khối Mặt trận họp.",  # "tổ" names a place only before a number
    "Ảnh: Q. Anh",                                   # an initial, not a district
    "Già làng Lò Văn Pọm kể chuyện.",                # "già làng" is a village elder
    "Tuần tra khu vực 2 xã biên giới; Chi cục Hải quan khu vực 3.",  # "khu vực" is an area, not a village
    # a province or district named after a person is the person when written bare
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh ra quân; học tập tư tưởng Hồ Chí Minh.",
    "Chiến thắng của Ngô Quyền trên sông Bạch Đằng được kể lại.",
    "Khen thưởng Hợp tác xã Muối Vĩnh Châu.",              # a cooperative, not a commune
    "Sư sãi chùa Phước Long và nhà thờ Sông Mã tham gia.",  # a pagoda's and a church's names
    # a place's name right after a street word is the street's
    "Tổ tuần tra đi qua hẻm Thới Bình, ngõ Sông Mã và kiệt Đan Phượng.",
    # after "xã", a name the map lacks is no commune when it is one syllable or a district's name
    "Công an xã Bán chuyên trách tuần tra; xã Côn Đảo chưa có.",
    # a village word inside a Highlands personal name
    "Chị H’Hen Buôn Yă và anh Y Thuôn Buôn Krông cho biết.",
    # a people's villages, not a village called so
    "Công an về các làng Chăm; mô hình “Tiếng loa bản Mông” hiệu quả.",
    # a number before what it counts is no numbered village
    "Công ty tặng các tổ 189 đèn pin và hỗ trợ bản 42 con bò.",
    # "mỗi tổ": each group, not a group named by the number after it
    "Chia làm 5 tổ, mỗi tổ 3 người.",
    # a person's name that starts with a district's
    "Dự có các đồng chí: Hà Trung Kiên, Phó Chủ tịch UBND tỉnh.",
])
def test_not_places(text):
    assert places(text) == set()


def test_a_village_lies_in_the_commune_its_paragraph_opens_with():
    text = ("Tại xã Mường Sai, huyện Sông Mã, mô hình được nhân rộng.\n"
            "Ông A, Bí thư Chi bộ bản Ón, cho biết.\n"
            "Tại xã Chiềng Khoong, bản Hin và bản Pìn có camera.")
    # a commune named inside the paragraph ends the frame; one named in the village's sentence wins
    later = ("Tại xã Mường Sai, huyện Sông Mã, mô hình được nhân rộng.\nHuyện chỉ đạo xã Chiềng Khoong "
             "nhân rộng.\nBản Ón lắp camera.\nBản Hin của xã Nậm Ty cũng vậy.")
    assert villages(later, [0]) == {("Ón", None), ("Hin", None)}
    # the second paragraph opens with no commune: bản Ón's is not told
    assert villages(text) == {("Ón", None), ("Hin", "Chiềng Khoong"), ("Pìn", "Chiềng Khoong")}
    assert ("Ón", "Mường Sai") in villages(text, [0])


def test_a_village_lies_in_the_commune_the_article_is_about_when_none_other_is_named_before_it():
    text = ("Camera an ninh ở xã Mường Sai\nTại xã Mường Sai, huyện Sông Mã, camera phủ khắp.\n"
            "Bản Ón lắp 12 camera.\nXã Mường Sai sẽ nhân rộng ra xã Chiềng Khoong.\nBản Hin cũng lắp camera.")
    # bản Hin comes after another commune is named: the text does not say whose it is
    assert villages(text) == {("Ón", "Mường Sai"), ("Hin", None)}
    # a commune named beside the village, or a commune the title and lead do not name, is no frame
    beside = ("Camera an ninh ở xã Mường Sai\nTại xã Mường Sai, huyện Sông Mã, camera phủ khắp.\n"
              "Có đối tượng lạ ở bản Ón. Bản Ón nằm giáp ranh, thuộc xã Chiềng Khoong.")
    assert ("Ón", "Mường Sai") not in villages(beside)
    late = ("Công an huyện Sông Mã ra quân\nHuyện Sông Mã, tỉnh Sơn La ra quân giữ gìn an ninh trật tự "
            "trên địa bàn các xã biên giới.\nTổ công tác đến xã "
            "Mường Sai.\nXã Mường Sai có camera.\nBản Ón lắp 12 camera.\nXã Chiềng Khoong cũng vậy.")
    assert ("Ón", None) in villages(late)


def test_a_commune_named_only_as_someones_home_is_no_rival_to_the_article_s():
    text = ("Công an xã Mường Sai bám bản\nTại xã Mường Sai, huyện Sông Mã, Thiếu tá Lò Văn Hải về công tác từ năm 2020.\n"
            "Anh quê ở bản Nà Khoang, xã Chiềng Khoong.\nỞ bản Ón, anh vận động 11 hộ ký cam kết.")
    assert villages(text) == {("Nà Khoang", "Chiềng Khoong"), ("Ón", "Mường Sai")}
    # named as a place of the story, the other commune is a rival again: the text does not say
    rival = text.replace("Anh quê ở bản Nà Khoang, xã Chiềng Khoong.", "Anh từng giúp xã Chiềng Khoong.")
    assert ("Ón", None) in villages(rival)


def test_villages_listed_together_share_the_commune_one_of_them_has():
    found = places("Ở bản Ón, xã Mường Sai, huyện Sông Mã, tổ tự quản đi tuần. Xã Chiềng Khoong cũng vậy.\n"
                   "Xã Mường Sai có 12 bản. Bà con bản Ón, Hin đều tin tưởng Công an xã.")
    assert {(name, parent) for name, word, parent in found if word == "bản"} == {("Ón", "Mường Sai"), ("Hin", "Mường Sai")}
    # a village of the list with its own commune keeps it; the others then have two to choose from
    two = places("Ở bản Ón, xã Mường Sai và bản Pìn, xã Chiềng Khoong, huyện Sông Mã, tổ tự quản đi tuần.\n"
                 "Bà con bản Ón, Pìn, Hin đều tin tưởng Công an xã.")
    assert {(name, parent) for name, word, parent in two if word == "bản"} == {
        ("Ón", "Mường Sai"), ("Pìn", "Chiềng Khoong"), ("Hin", None)}


def test_villages_listed_after_a_count_and_la():
    found = places("Xã Mường Sai, huyện Sông Mã ra quân. Mô hình thí điểm tại 3 bản là Ón, Hin và Pìn.\n"
                   "Ông A, Bí thư Chi bộ bản là Trưởng Ban công tác Mặt trận.")
    assert {name for name, word, _ in found if word == "bản"} == {"Ón", "Hin", "Pìn"}


def test_a_person_named_place_is_a_place_with_its_level_word():
    assert places("Công an Thành phố Hồ Chí Minh và Công an TP.HCM phối hợp.") == {("Hồ Chí Minh", "tỉnh", None)}
    assert places("Anh về Hồ Chí Minh làm ăn.") == {("Hồ Chí Minh", "tỉnh", None)}
    # "đường" is as often a route as a street
    assert places("Trên đường Sơn La về Hà Nội.") == {("Sơn La", "tỉnh", None), ("Hà Nội", "tỉnh", None)}
    assert places("Huyện Trần Văn Thời ra quân; Trần Văn Thời có 5 xã.") == {
        ("Trần Văn Thời", "huyện", "Cà Mau"), ("Cà Mau", "tỉnh", None)}


def test_a_province_named_before_a_person_is_kept():
    assert places("UBND tỉnh Sơn La Lò Minh Hùng dự.") == {SON_LA}


def test_a_name_glued_otherwise_than_on_the_map_is_resolved_and_kept_as_printed():
    # the map writes "Đa Krông"; the article's own spelling names the district and its orgs
    found = places("Công an huyện Đakrông phối hợp với xã A Ngo.")
    assert ("Đakrông", "huyện", "Quảng Trị") in found
    assert ("A Ngo", "xã", "Đakrông") in found
    assert not any(name == "Đa Krông" for name, _, _ in found)


def test_a_slip_beside_the_map_spelling_does_not_rename_the_place():
    found = places("Công an tỉnh Đắk Lắk họp.\nĐại diện Công an tỉnh Đắc Lắc phát biểu.")
    assert found == {("Đắk Lắk", "tỉnh", None)}


def test_a_commune_the_map_knows_only_in_another_province_is_not_put_there():
    # the map's only "Đức Thắng" is a ward of Hà Nội; this article is in Bình Thuận
    found = places("Công an thành phố Phan Thiết, tỉnh Bình Thuận ra quân.\nỞ phường Đức Thắng có camera.")
    assert ("Đức Thắng", "xã", None) in found and not any(name == "Hà Nội" for name, _w, _p in found)
    # alone, the map's unit is the only reading
    assert ("Đức Thắng", "xã", "Bắc Từ Liêm") in places("Ở phường Đức Thắng có camera.")


def test_ambiguous_name_without_context_has_no_parent():
    assert places("Công an xã Tân Lập tuần tra.") == {("Tân Lập", "xã", None)}


def test_parent_shared_by_all_same_named_units():
    # a huyện and a thị xã both called Kỳ Anh, both in Hà Tĩnh
    assert ("Hà Tĩnh", "tỉnh", None) in places("Người dân Kỳ Anh tham gia.") | places("ở huyện Kỳ Anh")


def test_each_mention_keeps_its_sentence():
    s = sentences_of("Huyện Sông Mã họp.\nCông an huyện Sông Mã báo cáo.")
    locs = [loc for loc in extract_localities(s) if loc.name == "Sông Mã"]
    assert [loc.sentence for loc in locs] == s


def test_main_places_are_the_most_mentioned():
    s = sentences_of("Xã Mường Sai họp.\nXã Chiềng Khoong họp.\nCông an xã Chiềng Khoong báo cáo.")
    main = main_places(extract_localities(s))
    assert main["xã"].name == "Chiềng Khoong" and main["huyện"].name == "Sông Mã" and main["tỉnh"].name == "Sơn La"


@pytest.mark.parametrize("text, village", [
    ("Tại xã Sủng Là, huyện Đồng Văn, Trưởng thôn Nà Tấu Lò Văn Sáng cho biết.", "Nà Tấu"),
    # all a name only where the article also calls the person by it; else a village's head
    ("Tại xã Sủng Là, huyện Đồng Văn, Trưởng thôn Vàng Chá Phìn cho biết. “Bà con tin Công an xã”, ông Phìn nói.", None),
    ("Tại xã Mù Sang, huyện Phong Thổ, Trưởng bản Lò Suối Tủng cho biết.", "Lò Suối Tủng"),
    ("Tại xã Sủng Là, huyện Đồng Văn, Trưởng thôn Lô Lô Chải Sình Dì Gai cho biết.", "Lô Lô Chải"),
    ("Tại xã Lộc Bảo, huyện Bảo Lâm, ông Ka Sô Ha Tuân - Trưởng thôn Đồng Lạc 2 cho biết.", "Đồng Lạc 2"),
])
def test_a_village_ends_where_its_heads_name_starts(text, village):
    assert {name for name, word, _parent in places(text) if word in ("thôn", "bản")} == ({village} if village else set())


def test_a_list_of_villages_ends_at_a_title():
    text = "Tại nhà nguyện thôn Đa Nhim, Mục sư K’Bruih nhắc bà con cảnh giác; ở thôn Đạ Sar, Linh mục Giuse Hòa cũng vậy."
    assert {name for name, word, _p in places(text) if word == "thôn"} == {"Đa Nhim", "Đạ Sar"}


def test_a_home_named_in_a_villages_paragraph_before_it_is_a_rival_again():
    text = ("Công an xã Mường Sai giữ bình yên\nXã Mường Sai, huyện Sông Mã, tỉnh Sơn La ra quân.\n"
            "Công an xã xác minh đối tượng Lò Văn Hùng, trú tại xã Chiềng Khoong. Tổ công tác đến bản Hin, nơi Hùng sống.\n"
            "Bản Ón có 80 hộ.")
    found = villages(text)
    assert ("Hin", "Mường Sai") not in found and ("Ón", "Mường Sai") in found


def test_villages_of_a_list_share_no_neighbours_commune():
    found = places("Xã Lương Hòa Lạc, huyện Chợ Gạo có 8 ấp. Xã Lương Hòa Lạc ra quân.\n"
                   "Ấp Giồng Dứa thuộc xã Bình Phục Nhứt giáp ranh với xã Lương Hòa Lạc.\n"
                   "Người dân các ấp Giồng Dứa, Cầu Xây cùng tuần tra.")
    assert ("Cầu Xây", "ấp", "Bình Phục Nhứt") not in found


def test_villages_of_a_list_keep_no_shared_commune_where_their_sentence_names_two():
    found = places("Ở bản Ón, xã Mường Sai, huyện Sông Mã, tổ tự quản đi tuần. Xã Chiềng Khoong cũng vậy.\n"
                   "Các bản Ón, Hin, Pìn thuộc hai xã Mường Sai và Chiềng Khoong đều có camera.")
    assert ("Hin", "bản", None) in found and ("Pìn", "bản", None) in found


def test_villages_named_like_kin_stay_in_their_list():
    found = places("Tại xã Tân Lập, huyện Bắc Sơn, các ấp Tân Hòa, Bà Bèo, Ông Thục lắp camera.")
    assert {name for name, word, _p in found if word == "ấp"} == {"Tân Hòa", "Bà Bèo", "Ông Thục"}


def test_a_bare_name_the_article_prints_as_a_commune_is_that_commune():
    found = places("Công an phường Thuận An (quận Thuận Hóa, thành phố Huế) ra quân.\n"
                   "Mùa hè, bãi biển Thuận An thu hút đông du khách.")
    assert found == {("Thuận An", "xã", "Thuận Hóa"), ("Thuận Hóa", "huyện", "Huế"), ("Huế", "tỉnh", None)}


def test_a_listed_commune_named_like_a_district_stays_in_the_list_when_a_commune_follows():
    from kg import gazetteer

    with gazetteer.in_force(gazetteer.of_2024()):  # Cát Tiên was merged into Đạ Huoai in 2025
        found = places("Công an huyện Cát Tiên, tỉnh Lâm Đồng nhân rộng mô hình.\n"
                       "Mô hình sẽ có ở các xã Gia Viễn, Tiên Hoàng, Đức Phổ và Nam Ninh.")
    assert {("Đức Phổ", "xã", "Cát Tiên"), ("Nam Ninh", "xã", "Cát Tiên")} <= found
    assert not any(name == "Quảng Ngãi" for name, _w, _p in found)


def test_numbered_villages_named_like_a_district_are_villages_of_the_list():
    found = villages("Bà con sống tại các thôn Văn Lâm 1, Văn Lâm 2 và Văn Lâm 4 của xã Phước Nam, huyện Thuận Nam.")
    assert found == {("Văn Lâm 1", "Phước Nam"), ("Văn Lâm 2", "Phước Nam"), ("Văn Lâm 4", "Phước Nam")}


def test_the_last_listed_commune_named_like_a_district_elsewhere_is_a_commune():
    found = places("Đồn phụ trách các xã Khánh Bình Tây, Khánh Hải, Phong Điền thuộc huyện Trần Văn Thời.")
    assert ("Phong Điền", "xã", "Trần Văn Thời") in found
    assert not any(level == "huyện" and name == "Phong Điền" for name, level, _p in found)
    # the district the communes lie in stays their parent
    assert ("Mường Sai", "xã", "Sông Mã") in places("Công an xã Mường Sai, Sông Mã ra quân.")


def test_names_listed_bare_that_are_all_communes_of_the_named_district_are_those_communes():
    found = places("Công an huyện Bình Sơn tập trung vào các xã giáp khu kinh tế như Bình Thuận, Bình Dương, "
                   "Bình Phước, Bình Trị và Bình Hải.")
    assert {("Bình Dương", "xã", "Bình Sơn"), ("Bình Phước", "xã", "Bình Sơn"), ("Bình Hải", "xã", "Bình Sơn")} <= found
    assert not any(level == "tỉnh" and name != "Quảng Ngãi" for name, level, _p in found)
    # without the district named, provinces listed stay provinces
    assert ("Bình Dương", "tỉnh", None) in places("Đoàn công tác đã đến Bình Thuận, Bình Dương và Bình Phước.")


def test_bare_lists_of_streets_people_or_provinces_are_no_communes():
    assert not any(level == "xã" for _n, level, _p in places(
        "Công an quận Hoàn Kiếm ra quân. Tổ công tác kiểm tra các tuyến phố Hàng Bạc, Hàng Buồm, Hàng Đào và Hàng Gai."))
    found = places("Đối tượng trú xã Bình Châu, huyện Bình Sơn nhiều lần vào Bình Dương, Bình Phước và Bình Thuận trộm cắp.")
    assert ("Bình Dương", "tỉnh", None) in found and ("Bình Dương", "xã", "Bình Sơn") not in found


def test_a_one_syllable_city_is_no_longer_names_start_nor_a_persons_name():
    from kg import gazetteer

    with gazetteer.in_force(gazetteer.of_2024()):
        assert ("Vinh Quang", "xã", "Tiên Lãng") in places("Công an huyện Tiên Lãng trao 50 suất quà tại Vinh Quang.")
        assert not places("Nguyễn Thị Huế là đối tượng bán ma túy.\nNhiều con nghiện tìm đến Huế để mua ma túy.")


@pytest.mark.parametrize("text", [
    "Tổ công tác đã lập biên bản 2.346 trường hợp vi phạm.",
    "Xã đã ban hành văn bản 15 về phòng cháy.",
])
def test_a_record_or_a_document_is_no_village(text):
    # "bản" is a village word of the north, and ends "biên bản", "văn bản"
    assert villages(text) == set()


def test_a_village_named_after_bien_or_van_is_still_a_village():
    assert villages("Người dân vùng biên bản Nậm Ngà đã tích cực tham gia tuần tra.") == {("Nậm Ngà", None)}
