"""Ingest: metadata, page furniture, offsets into the normalised text."""
import pytest

from kg.ingest import parse_article, read_article
from tests.conftest import SEEDS


def body(article):
    return "\n".join(article.text[a:b] for a, b in article.paragraphs)


def test_leading_date_line_gives_date_and_title():
    a = parse_article(" date 2024-03 Công an xã làm tốt phong trào\n\nNội dung bài viết ở đây.\n", "x")
    assert a.date == "2024-03"
    assert a.title == "Công an xã làm tốt phong trào"


def test_a_date_line_before_a_long_sentence_gives_no_title():
    a = parse_article(" date 2025-07 Sáng 2/7, Công an huyện tổ chức hội nghị tuyên truyền cho nhân dân.\n", "x")
    assert a.title is None and a.date == "2025-07"
    assert body(a).startswith("Sáng 2/7")


@pytest.mark.parametrize("line,date", [
    ("10:11, 02/11/2016", "2016-11-02"),
    ("Cập nhật: 20:22, 03/10/2023 (GMT+7)", "2023-10-03"),
    ("Thứ hai - 20/10/2025 12:22 797 0", "2025-10-20"),
])
def test_timestamp_under_the_headline_is_the_date(line, date):
    a = parse_article(f"Tiêu đề bài báo\n{line}\nCông an xã tổ chức 3 buổi tuyên truyền.\n", "x")
    assert a.date == date
    assert line not in body(a)


def test_furniture_after_the_article_is_cut():
    text = ("Tiêu đề\n\nCông an huyện tổ chức 70 hội nghị.\n\nHuyền Trang\nBÌNH LUẬN\n\n"
            "Bạn còn 500/500 ký tự\n\nTin mới\n\n  • Công an tỉnh khác tổ chức 99 hội nghị.\n")
    a = parse_article(text, "x")
    assert "99" not in body(a)
    assert a.authors == ["Huyền Trang"]


def test_navigation_lines_and_repeated_title_are_not_body():
    text = "Skip Ribbon Commands\nSkip to main content\n\nTiêu đề bài\n\nTiêu đề bài\nNội dung chính của bài.\n"
    a = parse_article(text, "x")
    assert a.title == "Tiêu đề bài"
    assert body(a) == "Tiêu đề bài\nNội dung chính của bài."


@pytest.mark.parametrize("line,authors", [
    ("Tác giả: Hà Mai", ["Hà Mai"]),
    ("Bài và ảnh: Nguyễn Cường", ["Nguyễn Cường"]),
    ("Tin, ảnh: THÁI BÌNH - MẠNH QUÂN", ["THÁI BÌNH", "MẠNH QUÂN"]),
    ("Thanh Triều + Việt Bình", ["Thanh Triều", "Việt Bình"]),
])
def test_bylines(line, authors):
    a = parse_article(f"Tiêu đề\n\nCông an xã tổ chức tuyên truyền.\n\n{line}\n", "x")
    assert a.authors == authors
    assert line not in body(a)


def test_photo_credit_is_an_author_and_not_body():
    a = parse_article("Tiêu đề\n\nLãnh đạo huyện tặng hoa chúc mừng. Ảnh: T. HUY\nCâu khác.\n", "x")
    assert a.authors == ["T. HUY"]
    assert "T. HUY" not in body(a)


def test_publisher_line():
    a = parse_article("Tiêu đề\n\nNội dung bài viết.\n\nBáo Hà Nam\n", "x")
    assert a.publisher == "Báo Hà Nam"


def test_offsets_index_the_normalised_text():
    a = read_article(SEEDS / "000_277d6e753fde4d6d.txt")
    start, end = a.paragraphs[1]
    assert a.text[start:end].startswith("Sông Mã là một trong những huyện")


@pytest.mark.parametrize("line,kept", [
    ("Chia sẻ", False),
    ("Chia sẻ: Facebook | Zalo", False),
    ("Chia sẻ câu chuyện của mình, anh Long cho biết anh đã làm lại cuộc đời.", True),
])
def test_share_buttons_go_but_a_sentence_starting_with_chia_se_stays(line, kept):
    a = parse_article(f"Tiêu đề\n\nCâu đầu tiên của bài.\n{line}\n", "x")
    assert (line in body(a)) is kept


def test_a_body_sentence_with_a_time_and_a_date_is_kept():
    line = "Lúc 10:30 ngày 12/3/2023, Công an huyện Sông Mã đã tổ chức hội nghị tuyên truyền cho 200 người dân."
    a = parse_article(f"Tiêu đề\n\nCâu đầu tiên của bài.\n{line}\n", "x")
    assert line in body(a)


def test_a_closing_sentence_with_a_short_first_clause_is_body_not_a_byline():
    line = "Huyện Mèo Vạc, tỉnh Hà Giang ra quân; Công an xã phối hợp Đồn Biên phòng Xín Cái tuần tra."
    a = parse_article(f"Tiêu đề\n\nCâu đầu tiên của bài.\n{line}\n", "x")
    assert line in body(a) and a.authors == []


@pytest.mark.parametrize("line,authors,publisher", [
    ("Minh Hạnh - Trung Kiên (Đài PT&TH Hòa Bình)", ["Minh Hạnh", "Trung Kiên"], "Đài PT&TH Hòa Bình"),
    ("Ngọc Ngà - Lâm Đồng Online", ["Ngọc Ngà"], "Lâm Đồng Online"),
    ("Tin, ảnh: Thanh Trúc - Công an tỉnh Quảng Trị", ["Thanh Trúc"], "Công an tỉnh Quảng Trị"),
    ("Phóng sự: Kim Ngân - Thạch Đa Ra", ["Kim Ngân", "Thạch Đa Ra"], None),
    ("Nguyễn Văn An - Trung tâm Văn hóa Thông tin Thể thao Du lịch Truyền thông huyện Bắc Sơn", ["Nguyễn Văn An"], None),
])
def test_bylines_with_their_outlet(line, authors, publisher):
    a = parse_article(f"Tiêu đề\n\nCông an xã tổ chức tuyên truyền.\n\n{line}\n", "x")
    assert (a.authors, a.publisher) == (authors, publisher)


def test_a_caption_after_anh_is_body_and_its_credit_an_author():
    line = "Ảnh: Già làng trao đổi với cán bộ Công an xã Ba Thành. Ảnh: Trần Thu"
    a = parse_article(f"Tiêu đề\n\nCâu đầu.\n{line}\nCâu cuối của bài viết.\n", "x")
    assert a.authors == ["Trần Thu"]
    assert "Công an xã Ba Thành" in body(a)
