"""Organisations: full names, places resolved from context, teams and their parents."""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract import organizations as organizations_module
from kg.extract.organizations import expand
from kg.ingest import parse_article

TITLE = "Phong trào toàn dân bảo vệ an ninh Tổ quốc ở cơ sở\n\n"


def facts(text: str):
    return extract(parse_article(TITLE + text, "t"))


def organizations(text: str) -> set[tuple]:
    return {(o.name, o.type, o.locality.name if o.locality else None) for o in facts(text).organizations}


@pytest.mark.parametrize("text, expected", [
    ("UBND huyện", "Ủy ban nhân dân huyện"),
    ("BTT UBMTTQVN xã", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
    ("CA TP.Vinh", "Công an thành phố Vinh"),
    ("Đài PT&TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
    ("Ủy ban Mặt trận Tổ quốc (MTTQ) huyện", "Ủy ban Mặt trận Tổ quốc huyện"),
    ("Ngân hàng chính sách cho vay", "Ngân hàng Chính sách xã hội cho vay"),
    ("Ngân hàng Chính sách xã hội huyện", "Ngân hàng Chính sách xã hội huyện"),
    ("Công ty TNHH MTV Hoàng Long", "Công ty Trách nhiệm hữu hạn Một thành viên Hoàng Long"),
    ("Trưởng phòng PC06", "Trưởng phòng Cảnh sát quản lý hành chính về trật tự xã hội"),
])
def test_expand(text, expected):
    assert expand(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the place left implicit is the article's
    ("Tại xã Tân Lập, huyện Bắc Sơn, tỉnh Lạng Sơn, Công an huyện phối hợp với UBND xã tổ chức ngày hội.",
     {("Công an huyện Bắc Sơn", "police", "Bắc Sơn"), ("Ủy ban nhân dân xã Tân Lập", "government", "Tân Lập")}),
    # a bare province gets its level word
    ("Công an Nghệ An phối hợp với Bộ đội Biên phòng Nghệ An tuần tra.",
     {("Công an tỉnh Nghệ An", "police", "Nghệ An"), ("Bộ đội Biên phòng tỉnh Nghệ An", "military", "Nghệ An")}),
    # dashed names
    ("Công an tỉnh Bà Rịa - Vũng Tàu tổ chức.", {("Công an tỉnh Bà Rịa - Vũng Tàu", "police", "Bà Rịa - Vũng Tàu")}),
    # a place the article never names on its own is found in the gazetteer
    ("Đại diện Công an TPHCM đến dự.", {("Công an thành phố Hồ Chí Minh", "police", "Hồ Chí Minh")}),
    # coordinated heads share the place written after the last one
    ("Đảng ủy, HĐND, UBND xã Tân Lập, huyện Bắc Sơn đã chỉ đạo.",
     {("Đảng ủy xã Tân Lập", "party", "Tân Lập"), ("Hội đồng nhân dân xã Tân Lập", "government", "Tân Lập"),
      ("Ủy ban nhân dân xã Tân Lập", "government", "Tân Lập")}),
    ("Đảng ủy Công an tỉnh Lạng Sơn ra nghị quyết.", {("Đảng ủy Công an tỉnh Lạng Sơn", "party", "Lạng Sơn")}),
    # teams: a lower-case tail, then the parent unit (after a comma or in brackets too)
    ("Đội Cảnh sát giao thông - trật tự Công an huyện Bắc Sơn, tỉnh Lạng Sơn ra quân.",
     {("Đội Cảnh sát giao thông - trật tự Công an huyện Bắc Sơn", "police", "Bắc Sơn")}),
    ("Phòng Cảnh sát hình sự (Công an tỉnh Lạng Sơn) đã bắt giữ đối tượng.",
     {("Phòng Cảnh sát hình sự Công an tỉnh Lạng Sơn", "police", "Lạng Sơn")}),
    ("Cục Cảnh sát giao thông, Bộ Công an hướng dẫn.",
     {("Cục Cảnh sát giao thông Bộ Công an", "police", None)}),
    # steering committees: the tail runs to the place, through "xã hội" and "và"
    ("Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Lạng Sơn họp.",
     {("Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Lạng Sơn",
       "committee", "Lạng Sơn")}),
    ("Ban Chỉ đạo 138 huyện Bắc Sơn, tỉnh Lạng Sơn sơ kết.", {("Ban Chỉ đạo 138 huyện Bắc Sơn", "committee", "Bắc Sơn")}),
    # national bodies have no locality
    ("Bộ Công an và Ban Tuyên giáo Trung ương phối hợp.",
     {("Bộ Công an", "police", None), ("Ban Tuyên giáo Trung ương", "party", None)}),
    # Party boards name their committee
    ("Ban Dân vận Huyện ủy Bắc Sơn, tỉnh Lạng Sơn chủ trì.", {("Ban Dân vận Huyện ủy Bắc Sơn", "party", "Bắc Sơn")}),
    # proper names: a place in brackets is the locality
    ("Nông trường Sông Hậu (huyện Cờ Đỏ, thành phố Cần Thơ) ủng hộ.", {("Nông trường Sông Hậu", "business", "Cờ Đỏ")}),
    ("Tại huyện Bắc Sơn, tỉnh Lạng Sơn, Trường THCS Bắc Sơn và Công ty Xăng dầu Lạng Sơn ủng hộ.",
     {("Trường Trung học cơ sở Bắc Sơn", "school", "Bắc Sơn"), ("Công ty Xăng dầu Lạng Sơn", "business", "Lạng Sơn")}),
    # schools of several levels and boarding schools for ethnic minorities; a kind of school alone is none
    ("Tại huyện Bắc Sơn, tỉnh Lạng Sơn, Trường PTDTNT THCS và THPT Bắc Sơn và Trường TH&THCS Vũ Lăng ủng hộ.",
     {("Trường Phổ thông Dân tộc nội trú Trung học cơ sở và Trung học phổ thông Bắc Sơn", "school", "Bắc Sơn"),
      ("Trường Tiểu học và Trung học cơ sở Vũ Lăng", "school", "Lạng Sơn")}),
    ("Tại huyện Bắc Sơn, tỉnh Lạng Sơn, Trường Trung học cơ sở trên địa bàn và Trường THCS và THPT Hữu Vĩnh ủng hộ.",
     {("Trường Trung học cơ sở và Trung học phổ thông Hữu Vĩnh", "school", "Lạng Sơn")}),
    # a number after "xã" counts what follows; after "Phường" it can be the ward's name
    ("Ở xã Tân Lập, huyện Bắc Sơn, người dân đã cung cấp cho Công an xã 15 tin báo.",
     {("Công an xã Tân Lập", "police", "Tân Lập")}),
    ("Công an Phường 12, Quận 8, TPHCM ra quân.", {("Công an phường 12", "police", "12")}),
    # "BCĐ huyện" after the steering committee's full name is that committee ...
    ("Ban Chỉ đạo phòng, chống tội phạm huyện Bắc Sơn, tỉnh Lạng Sơn họp. BCĐ huyện đã chỉ đạo các xã.",
     {("Ban Chỉ đạo phòng, chống tội phạm huyện Bắc Sơn", "committee", "Bắc Sơn")}),
    # ... unless the article names two committees of that district
    ("Ban Chỉ đạo 138 huyện Bắc Sơn, tỉnh Lạng Sơn và Ban Chỉ đạo 35 huyện Bắc Sơn họp. BCĐ huyện đã chỉ đạo các xã.",
     {("Ban Chỉ đạo 138 huyện Bắc Sơn", "committee", "Bắc Sơn"), ("Ban Chỉ đạo 35 huyện Bắc Sơn", "committee", "Bắc Sơn"),
      ("Ban Chỉ đạo huyện Bắc Sơn", "committee", "Bắc Sơn")}),
    # a village's board; "các ấp" is every village's
    ("Ở xã Tân Lập, huyện Bắc Sơn, Công an xã phối hợp với Ban nhân dân thôn Nà Ri giải quyết 3 vụ.",
     {("Công an xã Tân Lập", "police", "Tân Lập"), ("Ban nhân dân thôn Nà Ri", "government", "Nà Ri")}),
    ("Ủy ban nhân dân xã Tân Lập, huyện Bắc Sơn họp với Ban nhân dân các ấp.",
     {("Ủy ban nhân dân xã Tân Lập", "government", "Tân Lập")}),
    # the Buddhist Sangha's board of a district
    ("Công an huyện Bắc Sơn, tỉnh Lạng Sơn phối hợp với Ban Trị sự Giáo hội Phật giáo Việt Nam huyện vận động đồng bào.",
     {("Công an huyện Bắc Sơn", "police", "Bắc Sơn"),
      ("Ban Trị sự Giáo hội Phật giáo Việt Nam huyện Bắc Sơn", "other", "Bắc Sơn")}),
    # a short form after the full name is the same body
    ("Ủy ban MTTQ huyện Bắc Sơn, tỉnh Lạng Sơn và MTTQ huyện phối hợp.",
     {("Ủy ban Mặt trận Tổ quốc huyện Bắc Sơn", "front", "Bắc Sơn")}),
    # one district spelt two ways ("Pắk"/"Pắc") is one place, named as on the map when printed so
    ("Công an huyện Krông Pắk (Đắk Lắk) phối hợp với Huyện ủy Krông Pắc.",
     {("Công an huyện Krông Pắk", "police", "Krông Pắc"), ("Huyện ủy Krông Pắc", "party", "Krông Pắc")}),
    # ... and in the article's spelling when only that is printed
    ("Công an huyện Krông Pắk (Đắk Lắk) phối hợp với Huyện ủy huyện Krông Pắk.",
     {("Công an huyện Krông Pắk", "police", "Krông Pắk"), ("Huyện ủy Krông Pắk", "party", "Krông Pắk")}),
    # a firm's name ends before what it gives: a count after lower-case words is no part of it
    ("Công ty TNHH Minh Long hỗ trợ 200 triệu đồng; Công ty 28 tài trợ 50 bộ đèn.",
     {("Công ty Trách nhiệm hữu hạn Minh Long", "business", None), ("Công ty 28", "business", None)}),
    # ... and keeps a number its name ends with
    ("Công ty TNHH xây dựng 68 tài trợ 10 bộ đèn; Trường Tiểu học số 2 nhận.",
     {("Công ty Trách nhiệm hữu hạn xây dựng 68", "business", None), ("Trường Tiểu học số 2", "school", None)}),
])
def test_organizations_named(text, expected):
    assert organizations(text) == expected


@pytest.mark.parametrize("text", [
    "Tại xã Tân Lập, huyện Bắc Sơn, lực lượng công an xã phối hợp với bà con.",  # a force, not a body
    "Tại xã Tân Lập, huyện Bắc Sơn, vai trò của lực lượng Công an xã chính quy được phát huy.",
    "Tại xã Tân Lập, huyện Bắc Sơn, 35 người từng là Công an xã bán chuyên trách.",  # a force of the past
    "Công an các xã, thị trấn và Hội Nông dân các cấp đã vào cuộc.",  # generic plurals
    "Ở huyện Bắc Sơn, Ban Chỉ đạo 138 cấp huyện đã họp.",
    "Thủ tướng Chính phủ ban hành quyết định.",  # a post, not the body
    "Ở huyện Bắc Sơn có mô hình “Hội Cựu chiến binh giúp đỡ người lầm lỗi”.",  # a program's name
    "Tổ tự quản an ninh trật tự phối hợp với người dân.",  # a team with no place nor parent
])
def test_not_organizations(text):
    assert organizations(text) == set()


def test_a_short_name_is_not_taken_for_another_body():
    names = {n for n, _t, _l in organizations(
        "Ở xã Tân Lập, huyện Bắc Sơn, tỉnh Lạng Sơn, Đảng ủy Công an xã Tân Lập họp. Đảng ủy xã Tân Lập chỉ đạo.")}
    assert {"Đảng ủy Công an xã Tân Lập", "Đảng ủy xã Tân Lập"} <= names
    names = {n for n, _t, _l in organizations(
        "Sở Giáo dục và Đào tạo phối hợp. Sở Giáo dục và Đào tạo tỉnh Lạng Sơn chỉ đạo.")}
    assert "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn" in names


@pytest.mark.parametrize("text", [
    "Công an tỉnh Bà Rịa - Vũng Tàu ra quân. Đội Cảnh sát hình sự phối hợp. Công an tỉnh Bà Rịa-Vũng Tàu khen thưởng.",
    "Công an huyện Như Thanh, tỉnh Thanh Hóa họp. Đội Cảnh sát hình sự và Trưởng Công an huyện phát biểu.",
    # the team is read before the police is known: read again, it belongs to it
    "Đội Cảnh sát hình sự ra quân. Công an huyện Như Thanh, tỉnh Thanh Hóa tổng kết.",
])
def test_sentences_read_once_give_what_reading_twice_gives(text, monkeypatch):
    def described():
        found = facts(text)
        return sorted((o.name, o.type, o.parent.name if o.parent else None) for o in found.organizations), \
            sorted((o.name, o.post) for o in found.officers)

    once = described()
    monkeypatch.setattr(organizations_module, "_reusable", lambda read, s, police: None)
    assert described() == once


def test_a_bare_level_word_is_the_place_its_sentence_opens_with():
    text = ("Xã Tân Lập, huyện Bắc Sơn đứng đầu phong trào; UBND xã Tân Lập khen thưởng 5 tập thể.\n\n"
            "Ở xã Vũ Lăng, Hội Nông dân xã duy trì mô hình. Ông Nguyễn Văn An, Chủ tịch UBND xã, cho biết xã không có tội phạm.\n\n"
            "Công an xã tuần tra.")
    orgs = organizations(text)
    # the same sentence, then the paragraph's next sentences
    assert ("Hội Nông dân xã Vũ Lăng", "mass", "Vũ Lăng") in orgs
    assert ("Ủy ban nhân dân xã Vũ Lăng", "government", "Vũ Lăng") in orgs
    # a paragraph that opens with no commune: the article's
    assert ("Công an xã Tân Lập", "police", "Tân Lập") in orgs
    posts = {(o.name, o.organization.name) for o in facts(text).officers}
    assert posts == {("Nguyễn Văn An", "Ủy ban nhân dân xã Vũ Lăng")}


def test_a_delegation_or_a_member_is_no_youth_union():
    text = "Xã Tân Lập, huyện Bắc Sơn đón đoàn tỉnh Cao Bằng; Đoàn kiểm tra huyện thăm đoàn viên."
    assert organizations(text) == set()


@pytest.mark.parametrize("text", [
    # a suspect's home named inside the sentence is not where the police are
    "Đối tượng Hoàng Văn K (trú tại xã Vũ Lăng) bị Công an xã bắt quả tang.",
    "Xã giáp xã Vũ Lăng và xã Nhất Hòa. Công an xã thường xuyên tuần tra.",
    # a place of another type than the word printed
    "Tại thị trấn Bắc Sơn, Công an xã tuần tra.",
])
def test_a_place_named_in_passing_does_not_place_a_bare_level_word(text):
    orgs = organizations("Xã Tân Lập, huyện Bắc Sơn ra quân; xã Tân Lập đạt chuẩn.\n\n" + text)
    assert ("Công an xã Tân Lập", "police", "Tân Lập") in orgs


def test_a_bare_level_word_is_the_body_just_named_with_its_place():
    text = ("Xã Tân Lập, huyện Bắc Sơn ra quân; xã Tân Lập đạt chuẩn.\n\n"
            "Đại úy Lù Văn Páo, Trưởng Công an xã Vũ Lăng, cho biết CAX đã vận động người dân giao nộp 4 khẩu súng. "
            "Công an xã cũng tuần tra 38 lượt.")
    orgs = organizations(text)
    assert ("Công an xã Vũ Lăng", "police", "Vũ Lăng") in orgs and ("Công an xã Tân Lập", "police", "Tân Lập") not in orgs


def test_a_bare_level_word_takes_the_place_of_its_type():
    text = "Xã Vũ Lăng đạt chuẩn. Thị trấn Bắc Sơn và xã Vũ Lăng phối hợp với Công an thị trấn tuần tra."
    assert ("Công an thị trấn Bắc Sơn", "police", "Bắc Sơn") in organizations(text)


def test_a_pagoda_or_parish_lies_in_the_commune_its_paragraph_is_about():
    text = ("Xã Tân Lập, huyện Bắc Sơn ra quân; xã Tân Lập đạt chuẩn.\n\n"
            "Tại xã Vũ Lăng, Đại đức Thạch Sa, Trụ trì chùa Bốn Mặt cho biết 3 chùa Phật giáo Nam tông Khmer "
            "và Giáo xứ Thuận Nghĩa cùng tham gia; các nhà thờ treo băng rôn.")
    assert organizations(text) == {("Chùa Bốn Mặt", "other", "Vũ Lăng"), ("Giáo xứ Thuận Nghĩa", "other", "Vũ Lăng")}


def test_a_bare_level_word_never_takes_a_place_of_another_type():
    text = ("Xã Vũ Lăng, huyện Bắc Sơn đạt chuẩn; Trưởng Công an xã Vũ Lăng phát biểu.\n\n"
            "Ông Đỗ Minh Châu ở thị trấn Bắc Sơn phối hợp với Công an thị trấn. UBND phường tặng giấy khen.")
    orgs = organizations(text)
    assert ("Công an thị trấn Bắc Sơn", "police", "Bắc Sơn") in orgs
    assert not any("thị trấn Vũ Lăng" in name or "phường" in name for name, _, _ in orgs)


def test_a_mass_body_named_alone_is_the_one_named_with_the_same_place():
    text = ("Hội Cựu chiến binh chung tay giữ gìn an ninh.\n\n"
            "Hội Cựu chiến binh huyện Bắc Sơn, tỉnh Lạng Sơn phối hợp với Hội CCB xã Vũ Lăng tuần tra.")
    assert organizations(text) == {("Hội Cựu chiến binh huyện Bắc Sơn", "mass", "Bắc Sơn"),
                                   ("Hội Cựu chiến binh xã Vũ Lăng", "mass", "Vũ Lăng")}


def test_one_unknown_syllable_after_xa_is_no_commune():
    text = "Xã Vũ Lăng, huyện Bắc Sơn ra quân.\n\nCông an xã Bán chuyên trách tuần tra."
    # the semi-professional commune police are a force (org_not_names.tsv), and no commune "Bán"
    assert not any("Bán" in name for name, _, _ in organizations(text))


def test_heads_in_either_tone_placement_and_a_body_listed_after_a_level_word():
    text = ("Xã Vũ Lăng, huyện Bắc Sơn ra quân.\n\n"
            "Uỷ ban MTTQ Việt Nam xã phối hợp với Hội Nông dân huyện và Huyện đoàn Bắc Sơn; Công an xã, thị trấn tuần tra.")
    assert organizations(text) == {("Ủy ban Mặt trận Tổ quốc Việt Nam xã Vũ Lăng", "front", "Vũ Lăng"),
                                   ("Hội Nông dân huyện Bắc Sơn", "mass", "Bắc Sơn"),
                                   ("Huyện đoàn Bắc Sơn", "mass", "Bắc Sơn")}


def test_a_named_body_lies_where_the_text_says_it_is():
    text = ("Huyện Bắc Sơn, tỉnh Lạng Sơn ra quân.\n\n"
            "Chùa Bốn Mặt ở thôn Pìn, xã Vũ Lăng và Trường THCS Hoa Mai tại thị trấn Bắc Sơn cùng tham gia; "
            "Công ty TNHH Đức Anh tài trợ.")
    orgs = organizations(text)
    assert {("Chùa Bốn Mặt", "other", "Pìn"), ("Trường Trung học cơ sở Hoa Mai", "school", "Bắc Sơn"),
            ("Công ty Trách nhiệm hữu hạn Đức Anh", "business", "Lạng Sơn")} <= orgs


def test_a_bare_town_police_is_not_that_of_a_town_in_another_district():
    text = ("Xã Vũ Lăng, huyện Bắc Sơn, tỉnh Lạng Sơn ra quân. Đối tượng trú tại thị trấn Đồng Mỏ, huyện Chi Lăng bị bắt. "
            "Công an huyện Bắc Sơn chỉ đạo Công an xã và Công an thị trấn tuần tra.")
    assert not any("Đồng Mỏ" in name for name, _, _ in organizations(text))


def test_a_count_after_a_village_is_no_part_of_a_team_name():
    text = "Xã Vũ Lăng, huyện Bắc Sơn ra quân. Tổ tự quản thôn Pìn 3 năm qua hoạt động tốt; tổ bảo vệ an ninh, trật tự thôn Nà Lay 2 họp."
    assert organizations(text) == {("Tổ tự quản thôn Pìn", "other", "Pìn"),
                                   ("Tổ bảo vệ an ninh, trật tự thôn Nà Lay 2", "other", "Nà Lay 2")}


def test_a_mass_body_named_alone_in_a_list_takes_the_place_of_the_list():
    text = ("Huyện Bắc Sơn, tỉnh Lạng Sơn ra quân. Công an huyện phối hợp với Ủy ban MTTQ Việt Nam huyện, Hội Nông dân, "
            "Hội CCB, Huyện đoàn Bắc Sơn tuyên truyền; Hội LHPN và Hội Nông dân xã Vũ Lăng cũng tham gia.")
    assert organizations(text) == {
        ("Công an huyện Bắc Sơn", "police", "Bắc Sơn"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Bắc Sơn", "front", "Bắc Sơn"),
        ("Hội Nông dân huyện Bắc Sơn", "mass", "Bắc Sơn"), ("Hội Cựu chiến binh huyện Bắc Sơn", "mass", "Bắc Sơn"),
        ("Huyện đoàn Bắc Sơn", "mass", "Bắc Sơn"),
        ("Hội Liên hiệp phụ nữ xã Vũ Lăng", "mass", "Vũ Lăng"), ("Hội Nông dân xã Vũ Lăng", "mass", "Vũ Lăng")}


def test_a_list_of_mass_bodies_shares_the_level_word_written_after_it():
    text = ("Xã Vũ Lăng, huyện Bắc Sơn, tỉnh Lạng Sơn ra quân. Ông Lê Văn An cho biết Hội Nông dân, Hội CCB "
            "và Đoàn Thanh niên xã đều tham gia.")
    assert organizations(text) == {
        ("Hội Nông dân xã Vũ Lăng", "mass", "Vũ Lăng"), ("Hội Cựu chiến binh xã Vũ Lăng", "mass", "Vũ Lăng"),
        ("Đoàn Thanh niên xã Vũ Lăng", "mass", "Vũ Lăng")}


def test_a_level_word_of_another_unit_names_no_place():
    text = "Xã Vũ Lăng, huyện Bắc Sơn ra quân. Hội Nông dân, Hội Phụ nữ và Đoàn Thanh niên xã bạn cùng dự."
    assert not any("Vũ Lăng" in name for name, _, _ in organizations(text))


def test_a_communes_youth_union_and_a_frame_after_the_same_body():
    text = ("Xã Vũ Lăng, huyện Bắc Sơn ra quân.\n\n"
            "Anh Lê Văn Kiên, Bí thư Đoàn xã Vũ Lăng, cho biết. Tại xã Tân Lập, Đoàn Thanh niên xã lập đội tuần tra.")
    assert organizations(text) == {("Đoàn Thanh niên xã Vũ Lăng", "mass", "Vũ Lăng"),
                                   ("Đoàn Thanh niên xã Tân Lập", "mass", "Tân Lập")}


def test_district_offices_and_religious_bodies():
    text = ("Huyện Bắc Sơn, tỉnh Lạng Sơn ra quân. Công an huyện phối hợp với Phòng Dân tộc huyện, Ban Dân tộc tỉnh, "
            "Hội Đoàn kết sư sãi yêu nước huyện và Hội đồng chức sắc Bà-la-môn tỉnh Lạng Sơn.")
    assert organizations(text) >= {("Phòng Dân tộc huyện Bắc Sơn", "government", "Bắc Sơn"),
                                   ("Ban Dân tộc tỉnh Lạng Sơn", "government", "Lạng Sơn"),
                                   ("Hội Đoàn kết sư sãi yêu nước huyện Bắc Sơn", "other", "Bắc Sơn"),
                                   ("Hội đồng chức sắc Bà-la-môn tỉnh Lạng Sơn", "other", "Lạng Sơn")}


def test_more_district_offices_a_national_park_board_and_hoa_hao_boards():
    text = ("Huyện Tam Nông, tỉnh Đồng Tháp ra quân. Phòng Tài nguyên và Môi trường huyện, Phòng Kinh tế và Hạ tầng "
            "huyện và Ban Trị sự Phật giáo Hòa Hảo huyện cùng tham gia. Ban Quản lý Vườn quốc gia Tràm Chim dự.")
    assert organizations(text) >= {("Phòng Tài nguyên và Môi trường huyện Tam Nông", "government", "Tam Nông"),
                                   ("Phòng Kinh tế và Hạ tầng huyện Tam Nông", "government", "Tam Nông"),
                                   ("Ban Trị sự Phật giáo Hòa Hảo huyện Tam Nông", "other", "Tam Nông"),
                                   ("Ban Quản lý Vườn quốc gia Tràm Chim", "government", "Tam Nông")}


def test_household_teams_are_bodies_of_their_place_unless_counted():
    text = ("Xã Kim Chính, huyện Kim Sơn, tỉnh Ninh Bình ra quân. Tổ liên gia số 3 thôn Tào Khê, Tổ đoàn kết "
            "xóm Bắc và Tổ hòa giải xóm Nam họp. Công an xã tặng bình cho các Tổ liên gia an toàn PCCC.")
    assert organizations(text) >= {("Tổ liên gia số 3 thôn Tào Khê", "other", "Tào Khê"),
                                   ("Tổ đoàn kết xóm Bắc", "other", "Bắc"), ("Tổ hòa giải xóm Nam", "other", "Nam")}
    assert not any(name.startswith("Tổ liên gia an toàn") for name, _, _ in organizations(text))


def test_a_named_body_lies_at_the_place_written_after_it_and_keeps_it_when_named_again():
    text = ("Ngày 19/8, giáo xứ Tân Khẩn, xã Kim Chính, huyện Kim Sơn, tỉnh Ninh Bình tổng kết mô hình. "
            "Giáo xứ Tân Khẩn có 3 giáo họ. Tại chùa Phổ Minh, xóm Bắc, sư trụ trì cũng tham gia.")
    assert organizations(text) == {("Giáo xứ Tân Khẩn", "other", "Kim Chính"), ("Chùa Phổ Minh", "other", "Bắc")}


def test_a_bare_village_word_is_the_one_village_of_that_word_named_so_far():
    text = ("Xã Sen Thượng, huyện Mường Nhé ra quân. Bản Sen Thượng có 80 hộ. Chi hội Phụ nữ bản tuyên truyền.\n\n"
            "Chi đoàn xóm họp. Xóm Nà Lay và xóm Nà Pồng cùng dự; Chi hội Nông dân xóm góp quỹ. "
            "Ông Lê Văn Đạt, Bí thư Chi bộ tổ dân phố số 9, cho biết.")
    assert organizations(text) == {("Chi hội Phụ nữ bản Sen Thượng", "mass", "Sen Thượng"),
                                   ("Chi bộ tổ dân phố số 9", "party", "9")}


def test_of_villages_named_so_far_a_bare_village_word_is_the_one_its_sentence_names():
    text = ("Xã Sen Thượng, huyện Mường Nhé ra quân. Bản Nậm Pố lắp camera. "
            "Tại bản Huổi Lếch, Chi hội Phụ nữ bản lập tổ hòa giải.")
    assert ("Chi hội Phụ nữ bản Huổi Lếch", "mass", "Huổi Lếch") in organizations(text)
    both = "Xã Sen Thượng, huyện Mường Nhé ra quân. Bản Nậm Pố lắp camera. Bản Huổi Lếch thì có Chi hội Phụ nữ bản lập tổ hòa giải."
    assert ("Chi hội Phụ nữ bản Huổi Lếch", "mass", "Huổi Lếch") in organizations(both)
    two = "Xã Sen Thượng, huyện Mường Nhé ra quân. Bản Nậm Pố và bản Huổi Lếch có Chi hội Phụ nữ bản lập tổ hòa giải."
    assert not any(n.startswith("Chi hội Phụ nữ bản ") for n, _t, _l in organizations(two))


def test_a_bare_village_word_is_no_village_in_a_compound_or_named_paragraphs_before():
    text = ("Phường Quyết Thắng ra quân. Tổ 5 có camera; Hội Phụ nữ tổ chức tuyên truyền, Đoàn Thanh niên khối "
            "doanh nghiệp tặng quà, Công an khu công nghiệp tuần tra.\n\nĐối tượng trú ở thôn Đông Hưng, xã Quảng "
            "Xuân.\n\nMỗi tổ gồm Trưởng thôn, Bí thư Chi bộ thôn và Chi hội trưởng Chi hội Phụ nữ thôn.")
    names = {name for name, _, _ in organizations(text)}
    assert not any(name.endswith(("tổ 5", "Đông Hưng")) or "khu" in name or "khối" in name for name in names), names


def test_a_bare_village_word_is_not_a_suspects_home_village():
    text = ("Xã Mường Chanh, huyện Mường La, tỉnh Sơn La ra quân.\n\nCông an xã bắt quả tang Lò Văn Tỉnh, trú "
            "tại bản Pục. Ngay sau đó, Chi hội Phụ nữ bản đã đến từng nhà vận động 40 hộ.")
    assert not any(name.endswith("Pục") for name, _, _ in organizations(text))


def test_religious_and_police_abbreviations_are_spelt_out():
    text = ("Huyện Phú Tân, tỉnh An Giang ra quân. Ban Trị sự PGHH huyện Phú Tân dự. Thiếu tá Huỳnh Văn Út, "
            "Đội trưởng Đội Cảnh sát QLHC về TTXH Công an huyện cho biết.")
    assert organizations(text) >= {
        ("Ban Trị sự Phật giáo Hòa Hảo huyện Phú Tân", "other", "Phú Tân"),
        ("Đội Cảnh sát quản lý hành chính về trật tự xã hội Công an huyện Phú Tân", "police", "Phú Tân")}


def test_a_school_after_a_comma_or_in_a_list_of_places_gets_no_place_from_it():
    text = ("Huyện Hương Khê, tỉnh Hà Tĩnh ra quân. Đoàn tuyên truyền tại Trường THCS Lê Lợi, Trường Tiểu học "
            "Kim Đồng, xã Phúc Trạch, xã Hương Trạch. Bảo vệ Trường THCS Phan Bội Châu, xã Hương Long bị bắt. "
            "Chùa Phúc Long, xã Phúc Đồng, huyện Hương Khê nhận quà. Đoàn Thanh niên xã kết nghĩa cũng tham gia.")
    orgs = organizations(text)
    assert ("Trường Tiểu học Kim Đồng", "school", "Hà Tĩnh") in orgs
    assert ("Trường Trung học cơ sở Phan Bội Châu", "school", "Hà Tĩnh") in orgs
    assert ("Chùa Phúc Long", "other", "Phúc Đồng") in orgs
    assert not any(name.startswith("Đoàn Thanh niên") for name, _, _ in orgs)


def test_a_team_name_after_a_dash_stops_at_a_person():
    text = "Huyện Diễn Châu, tỉnh Nghệ An ra quân. Tham gia có Đội Cảnh sát hình sự - Thượng úy Hồ Văn Lâm chỉ huy."
    assert not any("Thượng úy" in name or "Hồ" in name for name, _, _ in organizations(text))


def test_a_school_takes_a_city_written_after_it_but_not_a_commune():
    text = ("Huyện Hương Khê, tỉnh Hà Tĩnh ra quân. Tại tỉnh Thanh Hóa, Trường THCS Trần Mai Ninh, thành phố Thanh "
            "Hóa có 300 học sinh. Bảo vệ Trường THCS Lê Lợi, xã Hương Long bị bắt.")
    found = {o.name: (o.locality.level, o.locality.name) for o in extract(parse_article(TITLE + text, "t")).organizations}
    assert found["Trường Trung học cơ sở Trần Mai Ninh"] == ("huyện", "Thanh Hóa")
    assert found["Trường Trung học cơ sở Lê Lợi"] == ("tỉnh", "Hà Tĩnh")


def test_a_city_named_like_its_province_is_the_city():
    text = "Huyện Hương Khê, tỉnh Hà Tĩnh ra quân. Công an thành phố Hà Tĩnh và Công an thành phố Đà Nẵng dự."
    found = {o.name: (o.locality.level, o.locality.name) for o in extract(parse_article(TITLE + text, "t")).organizations}
    assert found == {"Công an thành phố Hà Tĩnh": ("huyện", "Hà Tĩnh"), "Công an thành phố Đà Nẵng": ("tỉnh", "Đà Nẵng")}


def test_a_team_name_goes_on_after_a_dash_unless_a_body_follows():
    text = ("Thành phố Uông Bí, tỉnh Quảng Ninh ra quân. Đội Cảnh sát giao thông - Trật tự Công an TP Uông Bí "
            "tuần tra. Đội Cảnh sát hình sự - Công an thành phố Uông Bí bắt 3 đối tượng.")
    assert {name for name, _, _ in organizations(text)} >= {
        "Đội Cảnh sát giao thông - Trật tự Công an thành phố Uông Bí", "Đội Cảnh sát hình sự Công an thành phố Uông Bí"}


def test_a_district_office_doing_something_with_a_commune_stays_the_districts():
    text = ("Huyện Bắc Sơn, tỉnh Lạng Sơn ra quân. Phòng Tư pháp huyện Bắc Sơn tuyên truyền. Phòng Tư pháp cùng "
            "UBND xã Vũ Lăng trao sách; Hội Nông dân cùng Công an xã Vũ Lăng trao quà.")
    orgs = organizations(text)
    assert not any(name.startswith(("Phòng Tư pháp xã", "Hội Nông dân xã")) for name, _, _ in orgs)


def test_a_firm_is_not_where_its_worker_lives():
    text = ("Huyện Bắc Sơn, tỉnh Lạng Sơn ra quân. Anh Lê Văn Tèo, công nhân Công ty TNHH Hoa Mai ở thôn Pìn, "
            "xã Vũ Lăng bị bắt; Công an thị trấn và Công an xã Vũ Lăng tuần tra.")
    orgs = organizations(text)
    assert ("Công ty Trách nhiệm hữu hạn Hoa Mai", "business", "Lạng Sơn") in orgs


def test_a_team_in_lower_case_is_one_where_its_place_follows():
    text = "Tổ bảo vệ an ninh, trật tự ấp Tân Long tuần tra; các tổ tự quản ấp Tân Long họp; tổ tự quản là mô hình hay."
    assert organizations(text) == {("Tổ bảo vệ an ninh, trật tự ấp Tân Long", "other", "Tân Long")}
    assert organizations(text.replace("Tổ bảo vệ", "tổ bảo vệ")) == organizations(text)


def test_a_standing_board_is_of_the_body_after_it_and_of_its_type():
    text = "Huyện Bắc Sơn ra quân. Ban Thường vụ Huyện đoàn tặng giấy khen; Ban Thường vụ Huyện ủy Bắc Sơn chỉ đạo."
    assert organizations(text) >= {("Ban Thường vụ Huyện đoàn Bắc Sơn", "mass", "Bắc Sơn"),
                                   ("Ban Thường vụ Huyện ủy Bắc Sơn", "party", "Bắc Sơn")}


def test_a_city_party_committee_is_the_article_city_s():
    text = "Công an thành phố Phan Thiết, tỉnh Bình Thuận tham mưu Thành ủy xây dựng mô hình."
    assert ("Thành ủy Phan Thiết", "party", "Phan Thiết") in organizations(text)


def test_names_spelt_out_and_with_lower_case_words():
    text = ("Đội Cảnh sát PCCC và CNCH Công an thành phố Phan Thiết phối hợp Đồn Biên phòng Cửa khẩu quốc tế "
            "Móng Cái tuần tra.")
    assert organizations(text) >= {
        ("Đội Cảnh sát Phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an thành phố Phan Thiết", "police", "Phan Thiết"),
        ("Đồn Biên phòng Cửa khẩu quốc tế Móng Cái", "military", "Móng Cái")}


def test_a_numbered_team_is_of_the_village_after_the_comma():
    assert organizations("Tổ nhân dân tự quản số 12, ấp Tân Long họp.") == {
        ("Tổ nhân dân tự quản số 12 ấp Tân Long", "other", "Tân Long")}


def test_a_border_post_named_after_a_commune_lies_in_it():
    orgs = organizations("Huyện Mèo Vạc, tỉnh Hà Giang ra quân; Công an xã phối hợp Đồn Biên phòng Xín Cái tuần tra.")
    assert ("Đồn Biên phòng Xín Cái", "military", "Xín Cái") in orgs


def test_a_name_ends_before_lower_case_words_and_a_persons_name():
    names = {o[0] for o in organizations(
        "Đồn Biên phòng Hải Thịnh bắt quả tang Phạm Văn Khải đang vận chuyển hàng lậu; "
        "Công ty cổ phần Cảng Mỹ Tho tài trợ.")}
    assert "Đồn Biên phòng Hải Thịnh" in names
    assert "Công ty cổ phần Cảng Mỹ Tho" in names
    assert not any("Khải" in n for n in names)


@pytest.mark.parametrize("text, name", [
    ("Sau khi tốt nghiệp Học viện An ninh nhân dân năm 2015, anh về công tác tại huyện Bắc Sơn.",
     "Học viện An ninh nhân dân"),
    ("Đoàn công tác của Trường Đại học Cảnh sát nhân dân thăm xã Tân Lập, huyện Bắc Sơn.",
     "Trường Đại học Cảnh sát nhân dân"),
])
def test_a_name_holding_lower_case_words_is_read_whole(text, name):
    names = {o[0] for o in organizations(text)}
    assert name in names
    assert not any(n != name and name.startswith(n) for n in names)


def test_a_protestant_congregation_and_its_pastor():
    text = ("Tại thôn Đa Nhim, xã Đạ Chais, huyện Lạc Dương, Mục sư K’Bruih, Quản nhiệm Chi hội Tin Lành "
            "Đa Nhim, vận động tín đồ giữ gìn an ninh.")
    found = facts(text)
    assert {(o.name, o.type) for o in found.organizations} >= {("Chi hội Tin Lành Đa Nhim", "other")}
    assert {(o.name, o.post) for o in found.officers} == {("K’Bruih", "Quản nhiệm Chi hội Tin Lành Đa Nhim")}
    assert {loc.name for loc in found.localities if loc.level == "thôn"} == {"Đa Nhim"}


def test_a_numbered_household_team_named_alone_is_of_the_commune_the_text_is_about():
    text = ("Tại phường Lam Sơn, quận Lê Chân, thành phố Hải Phòng, ông Vũ Văn Bình, Tổ trưởng Tổ liên gia số 5 "
            "cho biết tổ đã lắp camera.")
    found = facts(text)
    assert ("Tổ liên gia số 5", "other", "Lam Sơn") in organizations(text)
    assert {(o.name, o.post) for o in found.officers} == {("Vũ Văn Bình", "Tổ trưởng Tổ liên gia số 5")}
    # counted teams are no body
    assert not any(o[0].startswith("Tổ liên gia") for o in organizations(
        "Tại phường Lam Sơn, quận Lê Chân, có 12 tổ liên gia số 3 hộ trở lên."))


@pytest.mark.parametrize("text, expected", [
    ("Tại phường Bình Trị Đông, quận Bình Tân, anh Lê Văn Hậu, Bí thư Quận đoàn Bình Tân, phát biểu.",
     ("Quận đoàn Bình Tân", "mass", "Bình Tân")),
    ("Ông Hồ Văn Ba, Tổ trưởng TNDTQ số 2 ấp Phú Long, xã Phú Hòa, huyện Giồng Trôm, tỉnh Bến Tre dự họp.",
     ("Tổ nhân dân tự quản số 2 ấp Phú Long", "other", "Phú Long")),
])
def test_more_heads(text, expected):
    assert expected in organizations(text)


def test_a_team_of_a_border_post():
    text = "Thiếu tá Lý Văn Sình, Đội trưởng Đội Vận động quần chúng Đồn Biên phòng Pò Mã, tuần tra cùng dân."
    assert {(o.name, o.type, o.parent.name if o.parent else None) for o in facts(text).organizations} >= {
        ("Đội Vận động quần chúng Đồn Biên phòng Pò Mã", "military", "Đồn Biên phòng Pò Mã")}


@pytest.mark.parametrize("text, name", [
    # schools and businesses are named after people, lower-case words between
    ("Trường Đại học Y khoa Phạm Ngọc Thạch phối hợp với Công an thành phố Hồ Chí Minh.",
     "Trường Đại học Y khoa Phạm Ngọc Thạch"),
    ("Học sinh Trường THPT chuyên Lê Quý Đôn tham gia.", "Trường Trung học phổ thông chuyên Lê Quý Đôn"),
    # a proper phrase never follows a verb: "cảm ơn Công an nhân dân" is no part of the name
    ("Trường Mầm non Hoa Sen cảm ơn Công an nhân dân.", "Trường Mầm non Hoa Sen"),
])
def test_names_after_people_and_after_verbs(text, name):
    names = {o[0] for o in organizations(text)}
    assert name in names and not any(n.startswith(name + " ") for n in names), names


def test_a_numbered_team_lies_in_the_commune_its_own_sentence_names():
    text = ("Tại xã Tân Thanh, huyện Văn Lãng, tỉnh Lạng Sơn, an ninh được giữ vững. Ông Hoàng Văn Pao, "
            "Tổ trưởng Tổ liên gia số 3 ở xã Thanh Long cho biết.")
    assert ("Tổ liên gia số 3", "other", "Thanh Long") in organizations(text)


def test_a_youth_union_of_a_school_and_no_commune_read_inside_a_schools_name():
    text = "Huyện Chợ Gạo, tỉnh Tiền Giang ra quân. Đoàn Thanh niên Trường THPT Chợ Gạo lập đội xung kích."
    found = facts(text)
    assert ("Đoàn Thanh niên Trường Trung học phổ thông Chợ Gạo", "mass") in {(o.name, o.type) for o in found.organizations}
    # "Trường Trung" is a commune of Thanh Hóa: not here
    assert {loc.name for loc in found.localities} == {"Chợ Gạo", "Tiền Giang"}
    # a ward whose name starts with a head word is still read bare after a body's head
    assert ("Công an phường Chùa Hang", "police", "Chùa Hang") in organizations(
        "Thượng tá Nguyễn Văn Hùng, Trưởng Công an Chùa Hang, cho biết đã lắp 40 camera.")


def test_boards_of_religious_bodies():
    text = ("Tại xã Châu Phong, thị xã Tân Châu, ông Ali Sết, Phó Ban Quản trị Thánh đường Al-Ehsan kiêm "
            "Trưởng ấp Phũm Soài cho biết.")
    found = facts(text)
    assert {(o.name, o.post) for o in found.officers} == {
        ("Ali Sết", "Phó Ban Quản trị Thánh đường Al-Ehsan"), ("Ali Sết", "Trưởng ấp Phũm Soài")}
    # an apartment block's board is no body of ours, and "kiêm" ends a name
    assert not any("chung cư" in o[0] or "kiêm" in o[0] for o in organizations(
        "Tại phường Lam Sơn, Ban quản trị chung cư phối hợp Công an phường; Thánh đường Al-Ehsan kiêm nơi học chữ."))


def test_a_school_year_ends_a_schools_name():
    assert "Trường Trung học cơ sở Phước Hưng" in {o[0] for o in organizations(
        "Ông Lê Văn Tâm, Hiệu trưởng Trường THCS Phước Hưng Năm học 2023 - 2024 cho biết.")}


@pytest.mark.parametrize("name", ["Trường Tiểu học Trần Văn Kiêm", "Trường Trung học phổ thông Đại Từ",
                                  "Trường Trung học phổ thông Năm Căn"])
def test_a_capitalised_word_that_is_also_a_stop_word_stays_in_a_name(name):
    printed = name.replace("Trung học phổ thông", "THPT")
    assert name in {o[0] for o in organizations(f"Học sinh {printed} tham gia tuyên truyền.")}


def test_a_team_of_the_border_post_printed_as_of_the_post():
    text = ("Đồn Biên phòng Pò Mã phối hợp với cấp ủy. Thiếu tá Lý Văn Sình, Đội trưởng Đội Vận động quần chúng "
            "của đồn, tuần tra cùng dân.")
    found = facts(text)
    assert {(o.name, o.post, o.organization.name) for o in found.officers} == {
        ("Lý Văn Sình", "Đội trưởng Đội Vận động quần chúng", "Đội Vận động quần chúng Đồn Biên phòng Pò Mã")}
    # a team of a neighbour country's post is none of ours
    bạn = facts("Đồn Biên phòng Pò Mã phối hợp với đồn biên phòng bạn. Thiếu tá Vàng Seo Páo, Đội trưởng Đội Vận động "
                "quần chúng của đồn bạn, cùng tuần tra.")
    assert not any(o.name.startswith("Đội Vận động") for o in bạn.organizations)
    # of two posts, the text does not say which
    two = facts("Đồn Biên phòng Pò Mã và Đồn Biên phòng Đàm Thủy phối hợp. Thiếu tá Lý Văn Sình, Đội trưởng "
                "Đội Vận động quần chúng của đồn, tuần tra.")
    assert not any(o.name.startswith("Đội Vận động") for o in two.organizations)
    assert all(o.organization is None for o in two.officers)


def test_a_parish_named_like_a_commune_of_another_province_is_not_put_there():
    # the map's Thanh Châu is in Hà Nam; this article is in Thái Bình
    orgs = organizations("Huyện Kiến Xương, tỉnh Thái Bình ra quân; Nhà thờ giáo xứ Thanh Châu ở thị trấn Kiến Xương đồng hành.")
    assert not any(loc == "Thanh Châu" for _n, _t, loc in orgs)


def test_kinds_of_pagodas_and_churches_are_no_bodies():
    assert organizations("Huyện có 30 chùa Khmer, các nhà thờ Công giáo và thánh thất Cao Đài tham gia.") == set()
    # an ancestral hall is no church; an occasion is no part of a name
    text = "Huyện Bắc Sơn ra quân. Nhà thờ họ Nguyễn được tu sửa; người dân đi lễ chùa Bái Đính dịp Tết."
    assert {name for name, _t, _l in organizations(text)} == {"Chùa Bái Đính"}


def test_team_named_alone_belongs_to_the_article_police():
    text = ("Công an huyện Như Thanh, tỉnh Thanh Hóa tổ chức hội nghị. "
            "Đội Cảnh sát hình sự đã triệt phá 3 ổ nhóm.")
    teams = [o for o in facts(text).organizations if o.name.startswith("Đội")]
    assert [(o.name, o.parent.name) for o in teams] == [
        ("Đội Cảnh sát hình sự Công an huyện Như Thanh", "Công an huyện Như Thanh")]


def test_parent_named_inside_a_name_is_linked_not_listed():
    from rdflib import RDF, RDFS, URIRef

    from kg.graph import add_article, article_iri, new_dataset
    from kg.namespaces import KGO, ORG

    art = parse_article(TITLE + "Cục Cảnh sát giao thông Bộ Công an hướng dẫn.", "t")
    ds = new_dataset()
    add_article(ds, art, extract(art), URIRef("urn:build"))
    g = ds.graph(article_iri("t"))
    listed = {str(g.value(o, RDFS.label)) for o in g.subjects(RDF.type, KGO.Organization)
              if g.value(o, KGO.mentionedIn) is not None}
    parents = {str(g.value(p, RDFS.label)) for p in g.objects(None, ORG.subOrganizationOf)}
    assert listed == {"Cục Cảnh sát giao thông Bộ Công an"}
    assert parents == {"Bộ Công an"}


@pytest.mark.parametrize("text, program, expected", [
    # the organisation lies wholly inside the model's name
    ("Các mô hình như: Hội CCB tham gia giữ gìn an ninh trật tự ở cơ sở.",
     "Hội CCB tham gia giữ gìn an ninh trật tự ở cơ sở", []),
    # the model's name is only the start of the organisation's
    ("Tổ tự quản an ninh trật tự thôn Nà Lay hoạt động tốt.", "Tổ tự quản",
     ["Tổ tự quản an ninh trật tự thôn Nà Lay"]),
])
def test_no_organisation_inside_a_model_name(text, program, expected):
    from kg.extract.model import Program, Sentence
    from kg.extract.organizations import extract_organizations

    s = Sentence(0, len(text), text)
    found = extract_organizations([s], [], {}, [Program(program, "mô hình", s)])
    assert [o.name for o in found] == expected


def test_a_party_post_beside_a_communes_police_chief_is_of_the_communes_party_committee():
    found = facts("Đại úy Hà Văn Thắng, Phó Bí thư Đảng ủy, Trưởng Công an xã Xuân Sơn phát biểu.").officers
    assert {(o.post, o.organization.name) for o in found} == {
        ("Phó Bí thư Đảng ủy", "Đảng ủy xã Xuân Sơn"), ("Trưởng Công an xã Xuân Sơn", "Công an xã Xuân Sơn")}
    # a district's police has its own Party committee
    found = facts("Thượng tá Lê Văn Bình, Bí thư Đảng ủy, Trưởng Công an huyện Sông Mã phát biểu.").officers
    assert ("Bí thư Đảng ủy", "Đảng ủy Công an huyện Sông Mã") in {(o.post, o.organization.name) for o in found}


def test_a_border_control_station_and_a_team_of_safe_boats_are_organisations():
    found = {(o.name, o.type) for o in facts("Trạm Kiểm soát Biên phòng cửa biển Sông Đốc phối hợp với "
                                             "Tổ tàu thuyền an toàn khóm 1 tuần tra trên biển.").organizations}
    assert ("Trạm Kiểm soát Biên phòng cửa biển Sông Đốc", "military") in found
    assert any(name.startswith("Tổ tàu thuyền an toàn") and kind == "other" for name, kind in found)


def test_the_party_committee_of_a_border_post_or_a_police_cell_stays_its_own():
    posts = {(o.post, o.organization.name) for o in facts(
        "Thiếu tá Nguyễn Văn An, Bí thư Đảng ủy, Chính trị viên Đồn Biên phòng Sen Thượng, huyện Mường Nhé phát biểu."
    ).officers}
    assert ("Bí thư Đảng ủy", "Đảng ủy Đồn Biên phòng Sen Thượng") in posts
    posts = {(o.post, o.organization.name) for o in facts(
        "Đồng chí Nguyễn Văn An, Bí thư Chi bộ, Trưởng Công an xã Xuân Sơn phát biểu.").officers}
    assert ("Bí thư Chi bộ", "Chi bộ Công an xã Xuân Sơn") in posts


def test_a_list_of_communes_ends_at_their_district_or_at_another_body():
    names = {o.name for o in facts("Ngày 5/3, Công an các xã Chiềng Khương, Mường Hung, Sông Mã đã ra quân.").organizations}
    assert names == {"Công an xã Chiềng Khương", "Công an xã Mường Hung"}
    names = {o.name for o in facts("Ngày 5/3, UBND các xã Chiềng Khương, Mường Hung và Công an huyện Sông Mã ra quân."
                                   ).organizations}
    assert {"Ủy ban nhân dân xã Chiềng Khương", "Ủy ban nhân dân xã Mường Hung", "Công an huyện Sông Mã"} <= names


@pytest.mark.parametrize("text, expected", [
    ("Ông Lê Văn Hải, Bí thư Tỉnh ủy Sóc Trăng phát biểu chỉ đạo.", "Tỉnh ủy Sóc Trăng"),
    ("Anh Đỗ Minh Quân, Bí thư Huyện đoàn Sóc Sơn cho biết như vậy.", "Huyện đoàn Sóc Sơn"),
    ("Bà Hồ Thị Lan, Phó Bí thư Huyện ủy Buôn Đôn dự hội nghị.", "Huyện ủy Buôn Đôn"),
])
def test_a_village_word_that_starts_a_district_name_is_part_of_it(text, expected):
    # "sóc" and "buôn" are village words too: "Huyện ủy Sóc Sơn" is not the Huyện ủy of a sóc Sơn
    assert expected in {o.name for o in facts(text).organizations}
    assert {o.organization.name for o in facts(text).officers} == {expected}


def test_boards_of_a_quarter_a_mosque_and_road_safety_are_organisations():
    found = facts("Ông Phạm Văn Tài, Trưởng Ban điều hành khu phố 4, phường Tân Phong cho biết. "
                  "Ông Hán Văn Lê, Trưởng Ban đại diện Thánh đường Hồi giáo An Nhơn thôn Phước Lợi phát biểu. "
                  "Ban An toàn giao thông huyện Châu Thành A phối hợp với Công an huyện ra quân.")
    names = {(o.name, o.type) for o in found.organizations}
    assert {("Ban điều hành khu phố 4", "other"),
            ("Ban An toàn giao thông huyện Châu Thành A", "committee")} <= names
    assert {o.organization.name for o in found.officers if o.organization} == {
        "Ban điều hành khu phố 4", "Ban Đại diện Thánh đường Hồi giáo An Nhơn thôn Phước Lợi"}
    # written alone, with no place after it, the quarter's board is nobody's
    assert not facts("Ban điều hành đã họp bàn cách làm.").organizations
    # listed with a ward's body it takes no ward: a quarter's board is of a quarter
    names = {o.name for o in facts("Ở phường Tân Phong, Ban điều hành cùng Công an phường vận động lắp camera."
                                   ).organizations}
    assert names == {"Công an phường Tân Phong"}


def test_a_front_committee_written_alone_is_the_one_the_article_names_with_its_place():
    text = ("Năm 2023, Công an xã Quỳnh Thuận đã phối hợp với Ủy ban MTTQ và các đoàn thể tổ chức 28 buổi tuyên truyền. "
            "Bà Trần Thị Nga, Chủ tịch Ủy ban MTTQ Việt Nam xã Quỳnh Thuận cho biết như vậy.")
    fronts = {(o.name, o.locality.name) for o in facts(text).organizations if o.type == "front"}
    assert fronts == {("Ủy ban Mặt trận Tổ quốc Việt Nam xã Quỳnh Thuận", "Quỳnh Thuận")}
    # two committees named with their places: which one is not said, so the head keeps its default
    text += " Ủy ban MTTQ Việt Nam xã Quỳnh Lâm cũng tham gia."
    fronts = {o.name for o in facts(text).organizations if o.type == "front"}
    assert {"Ủy ban Mặt trận Tổ quốc Việt Nam xã Quỳnh Thuận", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Quỳnh Lâm"} <= fronts


def test_two_branches_listed_are_neither_the_others_parent():
    names = {o.name for o in facts("Tại buôn Akô Dhông, Công an phường Tân Lợi đã phối hợp với Chi hội Phụ nữ, "
                                   "Chi đoàn thanh niên buôn xây dựng mô hình mới.").organizations}
    assert "Chi đoàn thanh niên buôn Akô Dhông" in names
    assert not any(name.startswith("Chi hội Phụ nữ Chi đoàn") for name in names)


def test_a_village_word_alone_is_the_village_the_title_and_lead_are_about():
    text = ("Khu phố 5 giữ bình yên\n\nSáng 25/8, Ban điều hành khu phố 5, phường Trảng Dài tổ chức ngày hội.\n\n"
            "Ông Lê Văn Sáu phát biểu tại ngày hội.\n\n"
            "Chi hội Cựu chiến binh khu phố nhận giúp đỡ 5 thanh niên.")
    found = extract(parse_article(text, "t")).organizations
    assert ("Chi hội Cựu chiến binh khu phố 5", "5") in {(o.name, o.locality.name) for o in found if o.locality}
    # a village the lead does not name is not guessed: "thôn A, xã B" where someone lives, say
    text = ("Ngày hội ở phường Trảng Dài\n\nSáng 25/8, phường Trảng Dài tổ chức ngày hội.\n\n"
            "Anh Lê Văn Sáu ở khu phố 5 phát biểu.\n\nChi hội Cựu chiến binh khu phố nhận giúp đỡ 5 thanh niên.")
    found = extract(parse_article(text, "t")).organizations
    assert not any(o.name.startswith("Chi hội Cựu chiến binh") for o in found)


def test_after_a_villages_own_body_a_village_word_stays_a_villages():
    names = {o.name for o in facts("Ông Y Bhin, Trưởng Ban nhân dân Buôn Đôn, xã Krông Na, huyện Buôn Đôn cho biết."
                                   ).organizations}
    assert not any("huyện Buôn Đôn" in name for name in names)
