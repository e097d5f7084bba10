"""Sentence splitting inside body paragraphs."""
import pytest

from kg.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, [(0, len(text))])]


@pytest.mark.parametrize("text, expected", [
    ("Công an xã họp. Người dân tham gia.", ["Công an xã họp.", "Người dân tham gia."]),
    ("Họp tại TP. Hà Nội hôm qua.", ["Họp tại TP. Hà Nội hôm qua."]),
    ("Công an TX. Sơn Tây và TT. Sông Mã phối hợp.", ["Công an TX. Sơn Tây và TT. Sông Mã phối hợp."]),
    ("Ông T. Huy và ThS. Lê Văn Nam dự.", ["Ông T. Huy và ThS. Lê Văn Nam dự."]),
    # an acronym at the end of a sentence still ends it
    ("Giữ vững ANTT. Công an xã tuần tra.", ["Giữ vững ANTT.", "Công an xã tuần tra."]),
    ("Tốt lắm! “Cảm ơn” bà con… (Ảnh minh họa)", ["Tốt lắm!", "“Cảm ơn” bà con…", "(Ảnh minh họa)"]),
    ("Đạt 6.217 lượt người. Tỷ lệ 92,6%.", ["Đạt 6.217 lượt người.", "Tỷ lệ 92,6%."]),
    ("kết thúc. tiếp tục viết thường", ["kết thúc. tiếp tục viết thường"]),
])
def test_split(text, expected):
    assert sentences(text) == expected


def test_offsets_point_into_the_article_and_skip_other_text():
    text = "Tiêu đề\nCâu một. Câu hai.\nChân trang"
    start = text.index("Câu")
    spans = split_sentences(text, [(start, start + len("Câu một. Câu hai."))])
    assert [text[s.start:s.end] for s in spans] == ["Câu một.", "Câu hai."]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_paragraph_edges_are_trimmed_and_empty_paragraphs_give_nothing():
    text = "   Một câu.   \n    "
    assert sentences(text) == ["Một câu."]
    assert split_sentences(text, [(len(text) - 3, len(text))]) == []


def test_a_run_without_full_stops_is_cut_into_bounded_sentences():
    from kg.extract.sentences import MAX_SENTENCE, split_sentences

    text = "Công an huyện tổ chức 12 hội nghị, " * 2000
    sentences = split_sentences(text, [(0, len(text))])
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
