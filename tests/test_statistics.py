"""Statistics: numbers with what they count; dates, names, ages and durations left out."""
from decimal import Decimal

import pytest

from kg.extract.model import Sentence
from kg.extract.statistics import extract_statistics, parse_number


def figures(text: str) -> list[tuple[str, str]]:
    sentences, pos = [], 0
    for part in text.split("\n"):
        sentences.append(Sentence(pos, pos + len(part), part))
        pos += len(part) + 1
    return [(str(s.value), s.unit) for s in extract_statistics(sentences, lambda s, o: None)]


@pytest.mark.parametrize("text, expected", [
    ("Công an huyện tổ chức 70 hội nghị, thu hút 6.217 lượt người tham gia.",
     [("70", "hội nghị"), ("6217", "lượt người")]),
    ("Tỷ lệ hòa giải thành đạt 92,6%.", [("92.6", "%")]),
    ("Người dân ủng hộ 1,130 tỷ đồng.", [("1130000000", "đồng")]),
    ("Có 610 nghìn lượt xem và 1,2 triệu đồng tiền thưởng.", [("610000", "lượt xem"), ("1200000", "đồng tiền thưởng")]),
    # a fraction of a whole counts once when both numbers agree, twice when they differ
    ("Đã có 13/13 khu dân cư ra mắt mô hình.", [("13", "khu dân cư")]),
    ("Hòa giải thành 126/136 vụ việc.", [("126", "vụ việc"), ("136", "vụ việc")]),
    # a list of short words is one counted thing
    ("Mô hình có ở 18 huyện, thị xã, thành phố, trong đó nhiều nơi hiệu quả.", [("18", "huyện, thị xã, thành phố")]),
    ("Công an 13 xã, thị trấn rà soát tàu cá.", [("13", "xã, thị trấn")]),  # levels listed, whatever follows
    # compound counts written as words
    ("Giúp đỡ mười hai thanh niên và hai mươi người.", [("12", "thanh niên"), ("20", "người")]),
    ("Tổ chức hai mươi lăm buổi cho ba mươi hai người; hai mươi năm qua yên bình.", [("25", "buổi"), ("32", "người")]),
    ("Triển khai tại 12 xã, huyện Bắc Sơn.", [("12", "xã")]),  # where they are is not a further item
    # a share right after a year is no listed name; a village's number is
    ("Đến năm 2025, 100% thôn có camera; khóm 3 và khóm 5 duy trì mô hình.", [("100", "%")]),
    ("Quỹ đạt 3,2 tỷ đồng, chủ yếu do dân đóng góp.", [("3200000000", "đồng")]),
    ("Camera giúp làm rõ 40 vụ, việc thông qua hình ảnh.", [("40", "vụ, việc")]),
    ("Xã có 12 thôn, hơn 690 hộ với gần 3.500 nhân khẩu.", [("12", "thôn"), ("690", "hộ"), ("3500", "nhân khẩu")]),
    ("Bắt 3 đối tượng, thu giữ 2 xe máy.", [("3", "đối tượng"), ("2", "xe máy")]),
    # a verb after the comma starts a new clause, not a further item of the unit
    ("Tổ tuần tra 150 lượt, phát hiện, xử lý 9 trường hợp.", [("150", "lượt"), ("9", "trường hợp")]),
    # units glued to the number; a time is not one
    ("Xây 2.500m2 nhà, thưởng 500.000đ, họp lúc 10h30.", [("2500", "m2"), ("500000", "đ")]),
    # counts written as words
    ("Hai tổ tự quản được thành lập.", [("2", "tổ tự quản")]),
    ("Lớp học duy trì ba buổi mỗi tuần.", [("3", "buổi")]),
    # the thing counted named before a bare number
    ("Tổng số mô hình trong toàn tỉnh nâng lên con số 85.", [("85", "mô hình")]),
    # "do" (by whom) ends the counted thing
    ("Ấp có 18 camera do 230 hộ dân đóng góp.", [("18", "camera"), ("230", "hộ dân đóng góp")]),
    # ... but not inside a word: "lý do", "tự do"
    ("Có 3 lý do.", [("3", "lý do")]),
    ("Có 3 lí do.", [("3", "lí do")]),
    # a village word before a count does not make it a name
    ("Xã có 12 thôn, bản 3.500 hộ dân.", [("12", "thôn"), ("3500", "hộ dân")]),
    # what is done with the counted thing is not part of it
    ("Có 2 đồn Biên phòng tổ chức tuyên truyền; 40 triệu đồng hỗ trợ các xã.", [("2", "đồn Biên phòng"), ("40000000", "đồng")]),
    ("Có 3 đối tượng gây rối, 2 người nghiện tự nguyện cai.", [("3", "đối tượng"), ("2", "người nghiện")]),
    # ... except after a word for a case or a team, whose kind a verb tells
    ("Xảy ra 2 vụ tổ chức đánh bạc; có 5 tổ hỗ trợ pháp lý.", [("2", "vụ tổ chức đánh bạc"), ("5", "tổ hỗ trợ pháp lý")]),
    # ... and "tổ chức" that is the counted thing stays
    ("Xã có 5 tổ chức tôn giáo.", [("5", "tổ chức tôn giáo")]),
    # a short number between abbreviations counts (a long one is a registration: test_not_statistics)
    ("Đoàn TN 25 ĐVTN tham gia.", [("25", "ĐVTN")]),
    # a long counted thing is not cut inside its last word
    ("Xã có 12 tổ bảo vệ an ninh trật tự cơ sở.", [("12", "tổ bảo vệ an ninh trật tự cơ sở")]),
    # after a comma, a word that opens a clause about the figure is no further item of its unit
    ("Làng có 236 hộ, hầu hết là người Giẻ Triêng.", [("236", "hộ")]),
    ("Tổ quản lý 2,5 km, bao gồm cột mốc số 145.", [("2.5", "km")]),
    ("Dân góp 1,16 tỷ đồng, hoàn toàn do dân tự nguyện.", [("1160000000", "đồng")]),
    ("Xã có 12 tổ, gồm 80 thành viên.", [("12", "tổ"), ("80", "thành viên")]),
    ("Khu dân cư có 42 hộ, trước đây thường xảy ra trộm cắp.", [("42", "hộ")]),
    ("Dân góp 90 triệu đồng, phần còn lại do Công an huyện vận động.", [("90000000", "đồng")]),
    ("Xã có hơn 700 hộ, gần như toàn bộ là người Mông; tổ trực 3 tiếng đồng hồ mỗi đêm.", [("700", "hộ")]),
    # "từ A đến B": A counts what B counts, in B's multiplier; not a date, a time or a duration
    ("Mỗi tổ có từ 12 đến 18 hộ, sinh hoạt mỗi quý.", [("12", "hộ"), ("18", "hộ")]),
    ("Mỗi suất từ 2 đến 3 triệu đồng.", [("2000000", "đồng"), ("3000000", "đồng")]),
    ("Tàu bám biển từ 10 đến 15 ngày; lớp học từ 6 giờ 15 đến 7 giờ; từ 2019 đến 2023 có 40 vụ.", [("40", "vụ")]),
    # "từ A ... trở lên" is a condition
    ("Tàu cá dài từ 12 m trở lên phải lắp thiết bị giám sát; xã có 64 tàu như vậy.", [("64", "tàu")]),
    # a number after a village's name is part of it, unless it counts what follows
    ("Tại thôn Nà Tấu 40 hộ đã ký cam kết.", [("40", "hộ")]),
    ("Hội thi lần 2 “Tổ hòa giải giỏi”; ra quân đợt 3 “Tổ tuần tra nhân dân”.", []),
    ("Ông Tư, Tổ trưởng Tổ liên gia số 2, khu phố Long Thạnh 3 chia sẻ; ấp Bình Tiền 2 góp 40 triệu đồng.",
     [("40000000", "đồng")]),
    # a count written as a word before the parties of a story is no figure
    ("Hai đơn vị cùng ký kết; hai bên đã làm hòa; xã lập hai tổ hòa giải.", [("2", "tổ hòa giải")]),
    # a number in a name after its bracketed abbreviation; a count in a short saying; a clause after a figure
    ("Theo Ban Chỉ đạo (BCĐ) 138 huyện, tội phạm xảy ra 24 vụ.", [("24", "vụ")]),
    ("Dân gọi anh là “ông Công an ba cùng”; anh nói: “Chúng tôi đã làm rõ ba vụ trộm cắp, có vụ do người nơi khác gây ra”.",
     [("3", "vụ trộm cắp")]),
    ("Xã có 2.146 hộ, địa bàn rộng, giáp rừng.", [("2146", "hộ")]),
    # ... when it names teams or models, not a code name
    ("Chuyên án 1223 “Ánh Dương” được xác lập; Tổ công tác 141 “Cơn lốc đường phố” trực.", []),
    # a quote right after the number is what it counts
    ("Huyện có 212 “Tổ liên gia tự quản”, 40 “Khu dân cư không ma túy”.",
     [("212", "Tổ liên gia tự quản"), ("40", "Khu dân cư không ma túy")]),
    ("Tổ có 30 hộ, nay chỉ còn 2 hộ.", [("30", "hộ"), ("2", "hộ")]),
    ("Hòa giải thành 64 vụ, việc thông qua tổ hòa giải.", [("64", "vụ, việc")]),
    ("Tổ có 6 người, tối nào cũng chia làm 2 nhóm.", [("6", "người"), ("2", "nhóm")]),
    # a figure for each of them ("mỗi tổ 3 người") is a rate, not a count, and "tổ 3" no village
    ("Xã có 5 tổ, mỗi tổ 3 người.", [("5", "tổ")]),
    # "dứt điểm" (once and for all) is no "điểm 3" of a law
    ("Công an xã giải quyết dứt điểm 31 vụ việc.", [("31", "vụ việc")]),
])
def test_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "Ngày 11/7, Công an xã họp.",
    "Từ ngày 1/8/2013 đến tháng 3/2020 không có vụ việc.",
    "Kỷ niệm ngày 19/8 năm nay.",
    "Giai đoạn 2021-2023 đạt kết quả tốt.",
    "Tết Dương lịch 2023 và Tết Nguyên đán diễn ra an toàn.",
    "Trong 10 năm qua, gần 2 năm nay phong trào phát triển.",
    "Ông Nam năm nay 65 tuổi, họp lúc 14 giờ.",
    "Ban Chỉ đạo 138 huyện ban hành Chương trình số 09.",
    "Ông Hải, Phó Trưởng ban Thường trực BCĐ 138 huyện, phát biểu.",
    "Chủ trọ lập nhóm Zalo “Khối 12 bình yên” để báo tin.",
    "Gia đình ở ngõ 12 làm ví dụ cho cả khu.",
    "Mô hình 5+1 và “5 giúp 1” được nhân rộng.",
    "Ra mắt tại tổ 14 và 16 xã Mường Sai.",
    "Chủ tàu CM 95123 TS và tàu BV 1234 TS ký cam kết.",   # boat registrations
    "Thị xã Ba Đồn tổ chức hội nghị; Thứ Hai tuần sau họp tiếp.",
    "Tuần tra ba đêm liền ở bản.",
])
def test_not_statistics(text):
    assert figures(text) == []


def test_one_figure_told_twice_gets_one_unit():
    text = "Xây dựng 5 mô hình bảo vệ an ninh Tổ quốc\nToàn tỉnh đã xây dựng 5 mô hình, gồm nhiều loại."
    assert figures(text) == [("5", "mô hình"), ("5", "mô hình")]


def test_a_figure_referring_back_takes_the_first_unit():
    text = "Ba điểm dân cư này ở vùng cao.\nBa điểm bản nêu trên đều có đường."
    assert figures(text) == [("3", "điểm dân cư"), ("3", "điểm dân cư")]


def test_two_things_with_the_same_head_keep_their_units():
    text = "Có 31 tổ an ninh nhân dân và 31 tổ hòa giải."
    assert figures(text) == [("31", "tổ an ninh nhân dân"), ("31", "tổ hòa giải")]


@pytest.mark.parametrize("text, value", [("6.217", "6217"), ("92,6", "92.6"), ("1.042", "1042"), ("15", "15")])
def test_parse_number(text, value):
    assert parse_number(text) == Decimal(value)


def test_values_are_plain_numbers():
    (value, _), = figures("Gần 4.500 người nghiện được quản lý.")
    assert value == "4500"


def test_subject_comes_from_the_callback():
    s = Sentence(0, 20, "Tổ chức 3 hội nghị.")
    stats = extract_statistics([s], lambda sentence, offset: ("subject", sentence.text[offset]))
    assert stats[0].subject == ("subject", "3") and stats[0].start == 8


def _subjects(text: str) -> list[tuple[str, str | None]]:
    from kg.extract import extract
    from kg.ingest import Article
    paragraphs, pos = [], 0
    for part in text.split("\n"):
        paragraphs.append((pos, pos + len(part)))
        pos += len(part) + 1
    facts = extract(Article("a", "a", text, paragraphs=paragraphs))
    return [(str(s.value), s.subject.name if s.subject else None) for s in facts.statistics]


def test_a_figure_is_about_what_its_paragraph_last_named():
    text = ("Công an huyện Bát Xát, tỉnh Lào Cai lắp đặt 412 camera tại xã Bản Vược. "
            "Nhờ camera, lực lượng chức năng đã làm rõ 27 vụ việc.\n"
            "Xã Bản Vược và xã Y Tý nhân rộng mô hình.\n"
            "Toàn huyện có 214 tổ tự quản.")
    assert _subjects(text) == [
        ("412", "Công an huyện Bát Xát"),
        ("27", "Công an huyện Bát Xát"),  # the sentence before, same paragraph
        ("214", "Bát Xát"),  # a paragraph naming nothing: the article's district, not its commune
    ]


def test_a_figure_is_not_about_an_organisation_named_after_it():
    text = ("Quỹ phòng, chống tội phạm huyện Bát Xát đạt hơn 1,5 tỷ đồng, trong đó Công ty TNHH Minh Long "
            "ủng hộ 200 triệu đồng.")
    assert _subjects(text) == [("1500000000", "Bát Xát"), ("200000000", "Công ty Trách nhiệm hữu hạn Minh Long")]


def test_places_listed_after_a_figure_are_what_it_counts_not_its_subject():
    from kg.extract import extract
    from kg.ingest import parse_article

    text = "Tin\n\nHuyện Mường Lát, tỉnh Thanh Hóa ra quân. Xã Tam Chung có 4 bản là Pù Quăn, Lách, Poọng và Tà Cóm."
    stats = extract(parse_article(text, "t")).statistics
    assert [(str(s.value), s.unit, s.subject.name) for s in stats] == [("4", "bản", "Tam Chung")]


def test_a_clause_of_going_to_sea_after_a_count_of_boats_is_not_more_of_the_unit():
    text = "Tổ có 12 tàu, ra khơi là giữ liên lạc với nhau."
    assert [(s.value, s.unit) for s in extract_statistics([Sentence(0, len(text), text)], lambda *_a: None)] == [(12, "tàu")]


@pytest.mark.parametrize("text", [
    "Lực lượng chức năng lập chốt tại ngã ba Đồng Lộc và ngã tư Bình Minh.",
    "Tổ công tác phát hiện chiếc xe tại Km 14 Quốc lộ 6.",
    "Học sinh không được điều khiển xe có dung tích xi lanh từ 50 cm3 trở lên.",
])
def test_a_junction_a_road_marker_and_a_condition_are_no_figures(text):
    assert figures(text) == []


def test_a_clause_after_a_comma_is_no_further_thing_counted():
    assert figures("Khu trọ của ông có 48 phòng, sau sự việc, ông đã lắp thêm đèn.") == [("48", "phòng")]
    assert figures("Xã quản lý 25 người sau cai nghiện ma túy.") == [("25", "người sau cai nghiện ma túy")]


def test_a_count_after_a_year_is_no_second_year_listed():
    assert figures("Năm 2023, 13 xóm của xã được công nhận đạt chuẩn an toàn.") == [("13", "xóm")]
    assert figures("Trong năm 2022, 2023, xã không để xảy ra vụ việc phức tạp.") == []
