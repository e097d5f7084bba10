"""Program extraction: kind words, quotes, known names, numbers, titles, lists."""
from pathlib import Path

import pytest

from kg.extract.programs import display_name, extract_programs
from kg.extract.sentences import split_sentences
from kg.ingest import read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def programs(text: str) -> set[tuple[str, str]]:
    return {(p.name, p.kind) for p in extract_programs(split_sentences(text, [(0, len(text))]))}


@pytest.mark.parametrize("text, expected", [
    # a quoted name after its kind word, with straight, typographic and single quotes
    ("Xã phát động phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm 2024.",
     {("Toàn dân bảo vệ an ninh Tổ quốc", "phong trào")}),
    ('Huyện triển khai mô hình "Camera an ninh" và "Loa phát thanh thông minh" ở 12 xã.',
     {("Camera an ninh", "mô hình"), ("Loa phát thanh thông minh", "mô hình")}),
    ("Tham gia cuộc vận động ‘Ngày vì người nghèo’ của Mặt trận.",
     {("Ngày vì người nghèo", "cuộc vận động")}),
    # an apostrophe inside a name closes no quote
    ("Chị em tham gia mô hình “Phụ nữ M’nông không sinh con sớm”.", {("Phụ nữ M’nông không sinh con sớm", "mô hình")}),
    ("Thôn duy trì mô hình ‘Tiếng kẻng’của thôn.", {("Tiếng kẻng", "mô hình")}),
    # a stray space inside the quote, a kind word inside the quote
    ("Mô hình “ Zalo an ninh thôn” hoạt động tốt.", {("Zalo an ninh thôn", "mô hình")}),
    ("Người dân hưởng ứng “Chiến dịch làm sạch không gian mạng”.",
     {("làm sạch không gian mạng", "chiến dịch")}),
    # a few words between the kind word and its quote; a far quote introduced by 'về'
    ("Xây dựng các mô hình quần chúng theo hướng “Tự phòng, tự quản” ở cơ sở.",
     {("Tự phòng, tự quản", "mô hình")}),
    ("Ký chương trình phối hợp số 05 ngày 2/3/2021 giữa Công an tỉnh và Hội Nông dân tỉnh về “Nông dân với an ninh trật tự”.",
     {("Nông dân với an ninh trật tự", "chương trình")}),
])
def test_quoted_names(text, expected):
    assert programs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # known names without quotes, abbreviated or spelled out; the spelled-out wording wins
    ("Đẩy mạnh phong trào toàn dân bảo vệ ANTQ ở cơ sở.", {("toàn dân bảo vệ ANTQ", "phong trào")}),
    ("Phong trào toàn dân bảo vệ an ninh Tổ quốc (ANTQ) phát triển; phong trào toàn dân bảo vệ ANTQ lan tỏa.",
     {("toàn dân bảo vệ an ninh Tổ quốc", "phong trào")}),
    ("Vận động người dân tham gia phong trào bảo vệ an ninh trật tự.", {("bảo vệ an ninh trật tự", "phong trào")}),
    # a kind word inside an organisation's name names nothing
    ("Thượng tá A, Phó Trưởng phòng Xây dựng phong trào bảo vệ ANTQ, phát biểu.", set()),
    # a plural kind word before a known name names nothing either
    ("Năm nay xây dựng mới 5 mô hình bảo vệ an ninh Tổ quốc.", set()),
])
def test_known_names(text, expected):
    assert programs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện Nghị định số 06/2014/NĐ-CP, ngày 21/1/2014 của Chính phủ.", {("06/2014/NĐ-CP", "nghị định")}),
    ("Thực hiện Quyết định 521/QĐ - TTg của Thủ tướng.", {("521/QĐ - TTg", "quyết định")}),
    ("Theo Chỉ thị số 09-CT/TW và Kế hoạch số 45/KH-UBND ngày 3/4/2023.",
     {("09-CT/TW", "chỉ thị"), ("45/KH-UBND", "kế hoạch")}),
    # a Party conclusion, the national target programs, a law whose title ends before what is said of it
    ("Thực hiện Kết luận số 44-KL/TW và Chương trình mục tiêu quốc gia giảm nghèo bền vững; kết luận của đoàn kiểm tra.",
     {("44-KL/TW", "kết luận"), ("mục tiêu quốc gia giảm nghèo bền vững", "chương trình")}),
    ("Theo Kết luận giám định số 125/KL-KTHS và Kết luận điều tra số 45/KLĐT-CSĐT, đối tượng bị truy tố.", set()),
    ("Ngày Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở có hiệu lực thi hành, huyện ra quân.",
     {("Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở", "luật")}),
    ("Triển khai Quyết định 22 của Thủ tướng về tín dụng.", {("22", "quyết định")}),
    # a lower-case word or two between the kind word and "số"
    ("Thực hiện Nghị quyết chuyên đề số 12-NQ/ĐU và Kế hoạch liên tịch số 01/KHLT.",
     {("12-NQ/ĐU", "nghị quyết"), ("01/KHLT", "kế hoạch")}),
    ("Theo kế hoạch số 150/KH-CAT-PV05 và kế hoạch 3 năm của huyện.", {("150/KH-CAT-PV05", "kế hoạch")}),
    ("Đây là yếu tố mang tính quyết định, Bộ trưởng đã có Quyết định tặng Kỷ niệm chương.", set()),
    # titles: only with a capital, never 'Luật sư'
    ("Tuyên truyền Luật Phòng, chống ma túy năm 2021 và Luật Căn cước cho người dân.",
     {("Phòng, chống ma túy", "luật"), ("Căn cước", "luật")}),
    ("Phổ biến Luật Biên giới quốc gia, Quy chế khu vực biên giới cho nhân dân.",
     {("Biên giới quốc gia", "luật"), ("khu vực biên giới", "quy chế")}),
    ("Luật sư Nguyễn Văn An cho biết vi phạm pháp luật sẽ bị xử lý.", set()),
])
def test_documents(text, expected):
    assert programs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # quoted lists with separators and notes between the names
    ("Các mô hình như: “Khu phố an toàn” tại phường 2 (quận 3); “Chốt an ninh” (của Hội Cựu chiến binh), "
     "“Zalo an ninh” và “Hộp thư tố giác”...",
     {("Khu phố an toàn", "mô hình"), ("Chốt an ninh", "mô hình"), ("Zalo an ninh", "mô hình"),
      ("Hộp thư tố giác", "mô hình")}),
    ("Nhiều mô hình hay, cách làm hiệu quả được nhân rộng như: “Thắp sáng đường quê”, “Tiếng kẻng an ninh”.",
     {("Thắp sáng đường quê", "mô hình"), ("Tiếng kẻng an ninh", "mô hình")}),
    # unquoted lists: ',' with a last item after 'và' / 'hay', ';' with commas inside items
    ("Xã có 3 mô hình gồm camera an ninh, tiếng kẻng an ninh và mô hình đội xung kích.",
     {("camera an ninh", "mô hình"), ("tiếng kẻng an ninh", "mô hình"), ("đội xung kích", "mô hình")}),
    ("Huyện có 20 mô hình, như: mô hình 3+1, hộ kinh doanh an toàn hay mô hình phòng chống khai thác cát, sỏi trái phép,…",
     {("3+1", "mô hình"), ("hộ kinh doanh an toàn", "mô hình"), ("phòng chống khai thác cát, sỏi trái phép", "mô hình")}),
    ("Nhiều mô hình được xây dựng, như: Phụ nữ giúp nhau, tham gia giữ gìn trật tự tại gia đình; Thôn không có ma túy.",
     {("Phụ nữ giúp nhau, tham gia giữ gìn trật tự tại gia đình", "mô hình"), ("Thôn không có ma túy", "mô hình")}),
    # a count of teams is not a list of models; 'như trên' opens no list
    ("Hiện toàn tỉnh có 1.200 mô hình, gồm 300 tổ an ninh nhân dân, 500 tổ hòa giải.", set()),
    ("Các mô hình như trên đã góp phần giữ vững ổn định.", set()),
    # a sentence ending on 'các mô hình' lends its kind to the list opening the next
    ("Huyện củng cố 317 tổ hòa giải và các mô hình. Nội dung tập trung: “Dòng họ tự quản”, “Cụm dân cư an toàn”.",
     {("Dòng họ tự quản", "mô hình"), ("Cụm dân cư an toàn", "mô hình")}),
])
def test_lists(text, expected):
    assert programs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an unquoted name after a single model, up to a place or an end word; a second one after 'và'
    ("Các đơn vị ký kết xây dựng mô hình Khu dân cư an toàn phòng cháy, chữa cháy tại xã Bình Nghĩa.",
     {("Khu dân cư an toàn phòng cháy, chữa cháy", "mô hình")}),
    ("Xã ra mắt mô hình Tổ liên gia an toàn PCCC và Điểm chữa cháy công cộng của xã.",
     {("Tổ liên gia an toàn PCCC", "mô hình"), ("Điểm chữa cháy công cộng", "mô hình")}),
    ("Ở xã này có mô hình 1+4; xã bên có mô hình tổ tự quản.", {("1+4", "mô hình"), ("tổ tự quản", "mô hình")}),
    ("Nhân rộng mô hình camera an ninh trên toàn địa bàn xã.", {("camera an ninh", "mô hình")}),
    # a long name holding a joined phrase ('tội phạm và tệ nạn xã hội', 'gắn với'); 'với' after it ends it
    ("Hội duy trì mô hình Phụ nữ tham gia phòng chống tội phạm và tệ nạn xã hội với 120 hội viên.",
     {("Phụ nữ tham gia phòng chống tội phạm và tệ nạn xã hội", "mô hình")}),
    ("Xã có mô hình Tổ tàu thuyền đoàn kết đánh bắt xa bờ gắn với bảo vệ an ninh trật tự với 45 tàu.",
     {("Tổ tàu thuyền đoàn kết đánh bắt xa bờ gắn với bảo vệ an ninh trật tự", "mô hình")}),
    # a closing quote with no opening one ends the name
    ("Bên cạnh mô hình Ứng dụng Zalo trong tiếp nhận tin báo”, xã còn lắp camera.",
     {("Ứng dụng Zalo trong tiếp nhận tin báo", "mô hình")}),
    # descriptions, not names
    ("Xã thực hiện mô hình tự quản về an ninh trật tự.", set()),
    ("Mô hình này được người dân đồng tình ủng hộ; từ khi có mô hình, tình hình ổn định.", set()),
    ("Năm 2023, huyện có 45 mô hình tự quản về ANTT hoạt động hiệu quả.", set()),
    # what is said of a model, not its name
    ("Chị Lan cho biết mô hình hiện có 54 hội viên; mô hình cần nhân rộng ra các xã.", set()),
    ("Đại tá Lê Văn Minh đề nghị xã vận hành mô hình một cách bài bản, tránh hình thức.", set()),
    ("Xã duy trì mô hình rất thiết thực, được người dân hưởng ứng.", set()),
])
def test_unquoted_models(text, expected):
    assert programs(text) == expected


@pytest.mark.parametrize("text", [
    "Xã được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm 2023.",
    "Ban Chỉ đạo triển khai kế hoạch tổ chức Ngày hội “Toàn dân bảo vệ an ninh Tổ quốc” năm 2024.",
    "Ông A được tặng Kỷ niệm chương “Vì sự nghiệp bảo vệ an ninh Tổ quốc”.",
    "Tổ chức 130 diễn đàn “Công an lắng nghe ý kiến nhân dân” trong phong trào thi đua.",
])
def test_standards_events_and_titles_are_not_programs(text):
    assert programs(text) == set()


@pytest.mark.parametrize("text", [
    # someone's words after a kind word, or after a sentence closing on 'các mô hình'
    "Về phong trào, Thượng tá A cho biết: “Năm qua, đơn vị đã làm tốt”.",
    "Huyện duy trì 32 mô hình. Ông A nói: “Mô hình rất hay”.",
    "Huyện duy trì các mô hình. Ông Nguyễn Văn A, Chủ tịch UBND xã cho biết: người dân đồng tình, ủng hộ.",
    # a list far from its plural kind word needs a colon
    "Các mô hình đã giúp người dân ở các thôn vùng sâu vùng xa nâng cao ý thức như chủ động phòng ngừa, tố giác tội phạm.",
    # where a model is spread to is not its name
    "Xã nhân rộng mô hình ra 8 thôn còn lại và mô hình đến các trường học.",
    "Giáo xứ nhân rộng mô hình tự quản ở vùng giáo và mô hình tự quản ở nông thôn.",
])
def test_quotes_and_lists_that_name_nothing(text):
    assert programs(text) == set()


def paragraphs_programs(*lines: str) -> set[tuple[str, str]]:
    text, spans = "", []
    for line in lines:
        spans.append((len(text), len(text) + len(line)))
        text += line + "\n"
    return {(p.name, p.kind) for p in extract_programs(split_sentences(text, spans), {a for a, _b in spans})}


def test_bulleted_list_after_a_plural_kind_word():
    assert paragraphs_programs(
        "Các mô hình được huyện duy trì hiệu quả gồm:",
        "- “Camera an ninh” với 1.250 mắt camera;",
        "+ “Tổ xung kích phòng, chống tội phạm” ở thôn.",
        "Người dân rất phấn khởi.",  # no bullet: the list has ended
        "- “Ngày hội đại đoàn kết” diễn ra vui tươi.",
    ) == {("Camera an ninh", "mô hình"), ("Tổ xung kích phòng, chống tội phạm", "mô hình")}


def test_a_bullet_of_two_sentences_keeps_the_list_open():
    assert paragraphs_programs(
        "Các mô hình được huyện duy trì gồm:",
        "- “Camera an ninh” với 1.250 mắt camera. Người dân rất đồng tình.",
        "-“Tổ xung kích” ở thôn.",
    ) == {("Camera an ninh", "mô hình"), ("Tổ xung kích", "mô hình")}


def test_bullets_without_a_kind_word_before_them_are_not_programs():
    assert paragraphs_programs("Kết quả đạt được gồm:", "- “Loa phát thanh thông minh” với 125 cụm loa;") == set()
    # a known model is one wherever it is quoted
    assert paragraphs_programs("Kết quả đạt được gồm:", "- “Camera an ninh” với 1.250 mắt camera;") == {
        ("Camera an ninh", "mô hình")}


def test_same_name_once_per_kind():
    text = "Mô hình “Camera an ninh” tốt. Nhân rộng mô hình “camera an ninh”. Phong trào “Camera an ninh” lan tỏa."
    assert sorted(p.kind for p in extract_programs(split_sentences(text, [(0, len(text))]))) == ["mô hình", "phong trào"]


@pytest.mark.parametrize("stem, expected", [
    ("000_277d6e753fde4d6d", {("Nhóm liên gia tự quản", "mô hình"), ("Cụm dân cư an toàn PCCC", "mô hình")}),
    ("002_4f5e0ceea2366087", {("2 +1", "mô hình"), ("Dân vận khéo", "phong trào"),
                              ("Khu dân cư an toàn phòng cháy, chữa cháy", "mô hình")}),
    ("003_ce2eea8403192b8e", {("22", "quyết định"), ("Camera ANTT", "mô hình")}),
    ("004_b9aaa0fcc2961b31", {("cấp căn cước công dân", "chiến dịch"), ("5+1", "mô hình"),
                              ("dân vận khéo", "mô hình"), ("cơ sở dữ liệu quốc gia về dân cư", "đề án")}),
])
def test_seed_articles(stem, expected):
    art = read_article(SEEDS / f"{stem}.txt")
    found = {(p.name, p.kind) for p in extract_programs(split_sentences(art.text, art.paragraphs))}
    assert expected <= found


@pytest.mark.parametrize("printed, label", [
    ("tổ liên gia tự quản", "Tổ liên gia tự quản"),
    ("toàn dân bảo vệ An ninh Tổ quốc", "Toàn dân bảo vệ an ninh Tổ quốc"),  # listed in programs_known.tsv
    ("“tiếng kẻng” an ninh", "“Tiếng kẻng” an ninh"),
    ("tổ hoà giải", "Tổ hòa giải"),
    ("iOS an toàn", "iOS an toàn"),  # a first word with a capital in it is left alone
    ("2 +1", "2 +1"),
    ("3 không", "3 không"),  # no capital mid-name
])
def test_display_name(printed, label):
    assert display_name(printed) == label


def test_a_known_model_in_quote_marks_is_one_with_no_kind_word():
    assert programs("Xã duy trì 56 “Tổ liên gia tự quản” và hệ thống “Camera an ninh” ở các thôn.") == {
        ("Tổ liên gia tự quản", "mô hình"), ("Camera an ninh", "mô hình")}
    # other quotes with no kind word stay unread
    assert programs("Bà con gọi anh là “người con của bản”.") == set()


def test_a_joint_program_by_its_document_number_or_by_its_name():
    assert programs("Công an huyện và nhà trường ký Chương trình phối hợp số 07/CTPH-CAH-THCS về an ninh trường học.") == {
        ("07/CTPH-CAH-THCS", "chương trình")}
    # a program is no document without its code: "Chương trình 2 ngày"; a bare number leaves the
    # quoted name after it
    assert programs("Tổng kết chương trình phối hợp số 11 ngày 2/3/2015 về “Nâng cao hiệu quả tuyên truyền pháp luật”.") == {
        ("Nâng cao hiệu quả tuyên truyền pháp luật", "chương trình")}


def test_a_bare_religious_head_names_no_body():
    from kg.extract import extract
    from kg.ingest import parse_article
    found = extract(parse_article("Tiêu đề\n\nXã Ia Băng, huyện Đak Đoa ra quân. Chi hội Tin Lành tham gia tích cực.\n", "t"))
    assert not any(o.name.startswith("Chi hội Tin Lành") for o in found.organizations)


def test_a_program_word_before_a_plain_number_names_nothing():
    assert programs("Trong khuôn khổ Chương trình 2 ngày, đoàn thăm 3 xã; Chương trình phối hợp 5 năm được ký.") == set()
    assert ("45", "kế hoạch") in programs("Thực hiện Kế hoạch số 45 của UBND huyện về “Tổ liên gia tự quản”, xã ra mắt 12 tổ.")


def test_what_a_model_has_become_is_no_name():
    assert programs("Các mô hình tự quản đã trở thành “tai mắt” của lực lượng Công an ở cơ sở.") == set()


def test_words_about_a_model_are_no_name():
    assert programs("Huyện đoàn sẽ nhân rộng mô hình câu lạc bộ ra các trường THCS; mô hình tự khắc sống được.") == set()


def test_words_about_a_model_before_a_closing_quote_are_no_name():
    assert programs("“Khi dân thấy việc giữ an ninh là việc của mình thì mô hình tự khắc sống được”, anh nói.") == set()


def test_a_kind_word_after_a_quote_gives_the_next_quote_its_kind():
    assert programs("Nổi bật trong phong trào “Toàn dân bảo vệ an ninh Tổ quốc” ở xã Đông Hòa là mô hình "
                    "“Camera an ninh” do Chi hội Cựu chiến binh khởi xướng.") == {
        ("Toàn dân bảo vệ an ninh Tổ quốc", "phong trào"), ("Camera an ninh", "mô hình")}
    # a kind word inside the note is the note's own: "của Cục Xây dựng phong trào ..."
    assert programs("Mô hình “Tổ liên gia an toàn” của Cục Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc "
                    "và “Camera an ninh” được nhân rộng.") == {("Tổ liên gia an toàn", "mô hình"), ("Camera an ninh", "mô hình")}
    # a kind word inside brackets is the owner's note, not the next item's kind
    assert programs("Các mô hình “Tổ tự quản” (theo Luật Cư trú), “Dòng họ tự quản” được nhân rộng.") >= {
        ("Tổ tự quản", "mô hình"), ("Dòng họ tự quản", "mô hình")}


def test_a_law_whose_name_holds_commas_is_read_whole():
    assert programs("Đoàn viên tuyên truyền Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ cho người dân.") == {
        ("Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "luật")}

    assert programs("Xã tuyên truyền Luật Trật tự, an toàn giao thông đường bộ cho học sinh.") == {
        ("Trật tự, an toàn giao thông đường bộ", "luật")}
