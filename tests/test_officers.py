"""People: name, rank as printed, one record per post, the post's organisation in full."""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.ingest import parse_article

TITLE = "Phong trào toàn dân bảo vệ an ninh Tổ quốc ở cơ sở\n\n"


def officers(text: str) -> set[tuple]:
    found = extract(parse_article(TITLE + text, "t")).officers
    return {(o.name, o.rank, o.post, o.organization.name if o.organization else None) for o in found}


@pytest.mark.parametrize("text, expected", [
    # Highlands names joined by an apostrophe are whole names
    ("Trung tá K’Đăm, Phó Trưởng Công an huyện Bắc Sơn, tỉnh Lạng Sơn dự.",
     {("K’Đăm", "Trung tá", "Phó Trưởng Công an huyện Bắc Sơn", "Công an huyện Bắc Sơn")}),
    # a committee printed by its head alone is the one committee the article names, where the
    # holder's other posts are at its place; of two committees, or at another level, none
    ("Ban Chỉ đạo phòng, chống tội phạm tỉnh Kon Tum họp. Ông Y Ngọc, Phó Chủ tịch UBND tỉnh, Trưởng BCĐ chủ trì.",
     {("Y Ngọc", None, "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Kon Tum"),
      ("Y Ngọc", None, "Trưởng Ban Chỉ đạo", "Ban Chỉ đạo phòng, chống tội phạm tỉnh Kon Tum")}),
    ("Ban Chỉ đạo 138 huyện Bắc Sơn và Ban Chỉ đạo xây dựng nông thôn mới huyện Bắc Sơn họp. Ông Nguyễn Văn "
     "Định, Phó Chủ tịch UBND huyện Bắc Sơn, Phó Trưởng Ban Chỉ đạo, phát biểu.",
     {("Nguyễn Văn Định", None, "Phó Chủ tịch Ủy ban nhân dân huyện Bắc Sơn", "Ủy ban nhân dân huyện Bắc Sơn"),
      ("Nguyễn Văn Định", None, "Phó Trưởng Ban Chỉ đạo", None)}),
    ("Ban Chỉ đạo 138 tỉnh Lạng Sơn triển khai kế hoạch. Ông Trần Văn Bình, Trưởng Công an xã Tân Lập, "
     "Phó Trưởng Ban Chỉ đạo, phát biểu.",
     {("Trần Văn Bình", None, "Trưởng Công an xã Tân Lập", "Công an xã Tân Lập"),
      ("Trần Văn Bình", None, "Phó Trưởng Ban Chỉ đạo", None)}),
    # an age between the name and the post; a second post after "đồng thời là"
    ("Ông Nguyễn Văn Lự, 68 tuổi, Tổ trưởng Tổ liên gia số 3 thôn Tào Khê, xã Đoàn Tùng kể lại.",
     {("Nguyễn Văn Lự", None, "Tổ trưởng Tổ liên gia số 3 thôn Tào Khê", "Tổ liên gia số 3 thôn Tào Khê")}),
    ("Ông Thạch Văn Sơn, Achar chùa Xoài Thơm, đồng thời là Tổ trưởng Tổ nhân dân tự quản ấp Xoài Thơm, cho biết.",
     {("Thạch Văn Sơn", None, "Achar chùa Xoài Thơm", "Chùa Xoài Thơm"),
      ("Thạch Văn Sơn", None, "Tổ trưởng Tổ nhân dân tự quản ấp Xoài Thơm", "Tổ nhân dân tự quản ấp Xoài Thơm")}),
    # "là" binds the subject of its clause, not a person named inside it
    ("Ông Lê Văn Bình là Trưởng Công an xã Tân Lập.",
     {("Lê Văn Bình", None, "Trưởng Công an xã Tân Lập", "Công an xã Tân Lập")}),
    ("Con trai ông Lê Văn Tám là Chủ tịch UBND xã Tân Lập.", {("Lê Văn Tám", None, None, None)}),
    ("Trong lúc giằng co, Nguyễn Văn Long làm Phó Trưởng Công an xã Tân Lập bị thương nhẹ.",
     set()),
    ("Kết quả điều tra xác định, Nguyễn Văn Khoa là Trưởng nhóm.", set()),
    # "đồng thời" alone joins two actions, not two posts of one person
    ("Công an xã báo cáo Chủ tịch UBND xã Tân Lập, đồng thời Trưởng Công an xã Phạm Văn Em xuống hiện trường.",
     {("Phạm Văn Em", None, "Trưởng Công an xã", "Công an xã Tân Lập")}),
    ("Thiếu tá Nguyễn Thanh Tùng, Chính trị viên phó Đồn Biên phòng Tam Quan cho biết.",
     {("Nguyễn Thanh Tùng", "Thiếu tá", "Chính trị viên phó Đồn Biên phòng Tam Quan", "Đồn Biên phòng Tam Quan")}),
    # "Hiệu trưởng nhà trường": the head of the one school the article names; of two, of none
    ("Trường THPT Hoàng Văn Thụ (phường Quang Trung, TP Uông Bí) ra quân. Theo thầy Đặng Quốc Hưng, Hiệu "
     "trưởng nhà trường, học sinh đi xe đạp.",
     {("Đặng Quốc Hưng", None, "Hiệu trưởng", "Trường Trung học phổ thông Hoàng Văn Thụ")}),
    ("Trường THPT Hoàng Văn Thụ và Trường THCS Lê Lợi ra quân. Theo thầy Đặng Quốc Hưng, Hiệu trưởng nhà "
     "trường, học sinh đi xe đạp.", {("Đặng Quốc Hưng", None, "Hiệu trưởng", None)}),
    ("Đoàn Trường Đại học Sư phạm Thái Nguyên tình nguyện tại một trường tiểu học. Thầy Nông Văn Đức, Hiệu "
     "trưởng nhà trường cho biết.", {("Nông Văn Đức", None, "Hiệu trưởng", None)}),
    # S'tiêng, Dao, Mông family names start a person's name without a title
    ("Chủ tịch UBND xã Quảng Trực Điểu Thanh Bình cho biết.",
     {("Điểu Thanh Bình", None, "Chủ tịch Ủy ban nhân dân xã Quảng Trực", "Ủy ban nhân dân xã Quảng Trực")}),
    # a deputy political officer's title is one post, not "Phó" and a stray rest
    ("Thiếu tá Rơ Mah Lâm, Phó Chính trị viên Đồn Biên phòng Ia O cho biết.",
     {("Rơ Mah Lâm", "Thiếu tá", "Phó Chính trị viên Đồn Biên phòng Ia O", "Đồn Biên phòng Ia O")}),
    # occupational titles name a person without a post; a village elder's standing is a post of no
    # body, with a place only after its level word ("Đinh Văn" is also a town's name)
    ("Già làng Đinh Văn Xá và ngư dân Trần Văn Bé cùng tham gia.",
     {("Đinh Văn Xá", None, "Già làng", None), ("Trần Văn Bé", None, None, None)}),
    ("Ở xã Ia Dom, già làng Rơ Châm Bleo và ông Siu Hyai, người có uy tín làng Mook Đen 2, cùng dự.",
     {("Rơ Châm Bleo", None, "già làng", None), ("Siu Hyai", None, "người có uy tín làng Mook Đen 2", None)}),
    # said of many, the standing names nobody
    ("Huyện phát huy vai trò của già làng, người có uy tín; toàn huyện có 64 người có uy tín.", set()),
    # religious posts are posts
    ("Linh mục Nguyễn Văn Hòa, Chánh xứ Tân Lập cho biết giáo xứ phối hợp với công an.",
     {("Nguyễn Văn Hòa", None, "Chánh xứ", None)}),
    ("Đại đức Thạch Sa, Trụ trì chùa Bốn Mặt cho biết.", {("Thạch Sa", None, "Trụ trì chùa Bốn Mặt", "Chùa Bốn Mặt")}),
    # "Trụ trì chùa" alone: of the pagoda its sentence named before, else of none
    ("Tại chùa Bốn Mặt, Đại đức Thạch Sa, Trụ trì chùa, cho biết.",
     {("Thạch Sa", None, "Trụ trì chùa", "Chùa Bốn Mặt")}),
    ("Đại đức Thạch Sa, Trụ trì chùa, cho biết.", {("Thạch Sa", None, "Trụ trì chùa", None)}),
    # a small number after a village's name is part of it, in posts and bodies as in places
    ("Anh Lê Văn Phúc, thành viên tổ bảo vệ an ninh, trật tự ấp Bình Tiền 2, xã Mường Sai cho biết.",
     {("Lê Văn Phúc", None, "thành viên tổ bảo vệ an ninh, trật tự ấp Bình Tiền 2",
       "Tổ bảo vệ an ninh, trật tự ấp Bình Tiền 2")}),
    # a kind of school after the post is part of the post, no body
    ("Ông Lê Văn Bình, Hiệu trưởng Trường THCS, cho biết.", {("Lê Văn Bình", None, "Hiệu trưởng Trường Trung học cơ sở", None)}),
    # a post's short form of a committee stays short: the article may have several committees
    ("Ban Chỉ đạo xây dựng nông thôn mới huyện Bắc Sơn họp. Ông Vũ Văn An, Trưởng BCĐ huyện chủ trì.",
     {("Vũ Văn An", None, "Trưởng Ban Chỉ đạo huyện", "Ban Chỉ đạo huyện Bắc Sơn")}),
    # a member of a Party committee: of the article's one, never of the next post's body or another province's
    ("Xã Vũ Lăng ra quân. Thiếu tá Vũ Văn An, Đảng ủy viên, Trưởng Công an xã Vũ Lăng cho biết.",
     {("Vũ Văn An", "Thiếu tá", "Đảng ủy viên", None),
      ("Vũ Văn An", "Thiếu tá", "Trưởng Công an xã Vũ Lăng", "Công an xã Vũ Lăng")}),
    ("Huyện Bắc Sơn, tỉnh Lạng Sơn ra quân. Ông Vũ Văn An, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Cao Bằng dự.",
     {("Vũ Văn An", None, "Tỉnh ủy viên", None),
      ("Vũ Văn An", None, "Phó Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng", "Ủy ban nhân dân tỉnh Cao Bằng")}),
    # a member of the district's Party committee, then a post
    ("Huyện Bắc Sơn ra quân. Thượng tá Vũ Văn An, Huyện ủy viên, Trưởng Công an huyện Bắc Sơn cho biết.",
     {("Vũ Văn An", "Thượng tá", "Huyện ủy viên", "Huyện ủy Bắc Sơn"),
      ("Vũ Văn An", "Thượng tá", "Trưởng Công an huyện Bắc Sơn", "Công an huyện Bắc Sơn")}),
    # a rank printed with the old tone placement is the listed rank
    ("Thượng uý Vũ Văn An cho biết.", {("Vũ Văn An", "Thượng úy", None, None)}),
    # rank, name, post after a comma
    ("Thượng tá Vũ Văn An, Trưởng Công an huyện Bắc Sơn, tỉnh Lạng Sơn cho biết.",
     {("Vũ Văn An", "Thượng tá", "Trưởng Công an huyện Bắc Sơn", "Công an huyện Bắc Sơn")}),
    # a rank in lower case is printed with a capital; the place of the post comes from the article
    ("Tại huyện Mường Lát, tỉnh Thanh Hóa, thiếu tá Hà Văn Tấn, Phó Trưởng Công an huyện cho biết.",
     {("Hà Văn Tấn", "Thiếu tá", "Phó Trưởng Công an huyện", "Công an huyện Mường Lát")}),
    ("Thượng úy Lò Văn Nam, Trung sĩ Vàng A Dế và Đại úy Vũ Minh Tuấn cùng tham gia.",
     {("Lò Văn Nam", "Thượng úy", None, None), ("Vàng A Dế", "Trung sĩ", None, None),
      ("Vũ Minh Tuấn", "Đại úy", None, None)}),
    # two posts, two records; abbreviations spelt out
    ("Bà Lê Thị Hoa, Ủy viên BTV Huyện ủy Bắc Sơn, Chủ tịch UBMTTQ huyện Bắc Sơn, tỉnh Lạng Sơn phát biểu.",
     {("Lê Thị Hoa", None, "Ủy viên Ban Thường vụ Huyện ủy Bắc Sơn", "Ban Thường vụ Huyện ủy Bắc Sơn"),
      ("Lê Thị Hoa", None, "Chủ tịch Ủy ban Mặt trận Tổ quốc huyện Bắc Sơn", "Ủy ban Mặt trận Tổ quốc huyện Bắc Sơn")}),
    # a branch head's post is a post, not part of the branch's name
    ("Chị Hồ Thị Lâm, Chi hội trưởng Chi hội Phụ nữ xóm 5 cho biết.",
     {("Hồ Thị Lâm", None, "Chi hội trưởng Chi hội Phụ nữ xóm 5", "Chi hội Phụ nữ xóm 5")}),
    # the body of a post under the fuller name the article gives it elsewhere
    ("Công an huyện Bắc Sơn phối hợp với Ủy ban MTTQ Việt Nam huyện Bắc Sơn; ông Lò Văn Nam, "
     "Chủ tịch Ủy ban MTTQ huyện Bắc Sơn cho biết.",
     {("Lò Văn Nam", None, "Chủ tịch Ủy ban Mặt trận Tổ quốc huyện Bắc Sơn",
       "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Bắc Sơn")}),
    # "Đoàn" is also a family name: the person and the post stay
    ("Bà Đoàn Thị Hà, Chủ tịch UBND xã Tân Lập cho biết.",
     {("Đoàn Thị Hà", None, "Chủ tịch Ủy ban nhân dân xã Tân Lập", "Ủy ban nhân dân xã Tân Lập")}),
    # "post là ông A": the post is his
    ("Trưởng bản Ón là ông Lò Văn Nam, Chủ tịch UBND xã Tân Lập là bà Lê Thị Hoa.",
     {("Lò Văn Nam", None, "Trưởng bản Ón", None),
      ("Lê Thị Hoa", None, "Chủ tịch Ủy ban nhân dân xã Tân Lập", "Ủy ban nhân dân xã Tân Lập")}),
    # ... but not "Vợ Chủ tịch UBND xã là bà A": the post is another's
    ("Vợ Chủ tịch UBND xã Tân Lập là bà Lê Thị Hoa.", {("Lê Thị Hoa", None, None, None)}),
    # a team leader's post printed alone is of the team the sentence just named
    ("Tổ bảo vệ an ninh trật tự ấp Tân Long do ông Lê Văn Út làm Tổ trưởng; ông Lò Văn Nam, Tổ phó của tổ khác.",
     {("Lê Văn Út", None, "Tổ trưởng", "Tổ bảo vệ an ninh trật tự ấp Tân Long"), ("Lò Văn Nam", None, "Tổ phó", None)}),
    # ... not to another team of that head, nor when the post names its own team
    ("Đội Cảnh sát hình sự Công an huyện Bắc Sơn phối hợp với đội dân phòng do ông Lò Văn Nam làm Đội trưởng.",
     {("Lò Văn Nam", None, "Đội trưởng", None)}),
    ("Tổ bảo vệ ANTT thôn Nà Riệc tuần tra cùng ông Lò Văn An, Tổ trưởng Tổ liên gia an toàn.",
     {("Lò Văn An", None, "Tổ trưởng", None)}),
    # " - post" and " – post"
    ("Ông Trần Văn Tám - Chủ tịch UBND xã Tân Lập, huyện Bắc Sơn phát biểu.",
     {("Trần Văn Tám", None, "Chủ tịch Ủy ban nhân dân xã Tân Lập", "Ủy ban nhân dân xã Tân Lập")}),
    ("Anh Lò Văn Nam – Trưởng bản Ón, xã Tam Chung, huyện Mường Lát cho biết.",
     {("Lò Văn Nam", None, "Trưởng bản Ón", None)}),
    # posts before the name, with or without a comma and a rank between
    ("Giám đốc Công an tỉnh Lạng Sơn, Đại tá Phạm Văn Dũng phát biểu.",
     {("Phạm Văn Dũng", "Đại tá", "Giám đốc Công an tỉnh Lạng Sơn", "Công an tỉnh Lạng Sơn")}),
    ("Dự có Bí thư Tỉnh ủy Lạng Sơn Trần Văn Hùng, Phó Chủ tịch UBND tỉnh Lạng Sơn Vi Thị Hạnh.",
     {("Trần Văn Hùng", None, "Bí thư Tỉnh ủy Lạng Sơn", "Tỉnh ủy Lạng Sơn"),
      ("Vi Thị Hạnh", None, "Phó Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn", "Ủy ban nhân dân tỉnh Lạng Sơn")}),
    # lists "các đồng chí: A, post; B, post"
    ("Dự có các đồng chí: Hoàng Văn Bình, Phó Bí thư Huyện ủy Bắc Sơn; Vi Thị Hạnh, Phó Chủ tịch UBND huyện Bắc Sơn.",
     {("Hoàng Văn Bình", None, "Phó Bí thư Huyện ủy Bắc Sơn", "Huyện ủy Bắc Sơn"),
      ("Vi Thị Hạnh", None, "Phó Chủ tịch Ủy ban nhân dân huyện Bắc Sơn", "Ủy ban nhân dân huyện Bắc Sơn")}),
    # a post before a colon is everyone's after it
    ("Dự có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy Lạng Sơn: Hoàng Văn Bình - Trưởng Ban Dân vận Tỉnh ủy; "
     "Mai Văn Tín - Giám đốc Công an tỉnh.",
     {("Hoàng Văn Bình", None, "Ủy viên Ban Thường vụ Tỉnh ủy Lạng Sơn", "Ban Thường vụ Tỉnh ủy Lạng Sơn"),
      ("Hoàng Văn Bình", None, "Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy Lạng Sơn"),
      ("Mai Văn Tín", None, "Ủy viên Ban Thường vụ Tỉnh ủy Lạng Sơn", "Ban Thường vụ Tỉnh ủy Lạng Sơn"),
      ("Mai Văn Tín", None, "Giám đốc Công an tỉnh", "Công an tỉnh Lạng Sơn")}),
    # a bare body or a bare title belongs with the next post's
    ("Đại tá Mai Văn Tín, Phó Giám đốc Công an, Phó Trưởng Ban Chỉ đạo 138 tỉnh Lạng Sơn dự.",
     {("Mai Văn Tín", "Đại tá", "Phó Giám đốc Công an", "Công an tỉnh Lạng Sơn"),
      ("Mai Văn Tín", "Đại tá", "Phó Trưởng Ban Chỉ đạo 138 tỉnh Lạng Sơn", "Ban Chỉ đạo 138 tỉnh Lạng Sơn")}),
    ("Đại tá Mai Văn Tín - Bí thư Đảng ủy, Giám đốc Công an tỉnh Lạng Sơn dự.",
     {("Mai Văn Tín", "Đại tá", "Bí thư Đảng ủy", "Đảng ủy Công an tỉnh Lạng Sơn"),
      ("Mai Văn Tín", "Đại tá", "Giám đốc Công an tỉnh Lạng Sơn", "Công an tỉnh Lạng Sơn")}),
    ("Ông Hà Quang Vinh - Vụ trưởng, Trưởng Cơ quan Thường trực Ban Dân vận Trung ương tại Đà Nẵng dự.",
     {("Hà Quang Vinh", None, "Vụ trưởng", "Cơ quan Thường trực Ban Dân vận Trung ương tại Đà Nẵng"),
      ("Hà Quang Vinh", None, "Trưởng Cơ quan Thường trực Ban Dân vận Trung ương tại Đà Nẵng",
       "Cơ quan Thường trực Ban Dân vận Trung ương tại Đà Nẵng")}),
    # a short name later is the same person; the rank printed once is theirs
    ("Đại úy Hà Văn Tấn, cán bộ Công an xã Tam Chung, huyện Mường Lát cho biết. Theo đại úy Tấn, "
     "người dân rất tích cực.",
     {("Hà Văn Tấn", "Đại úy", "cán bộ Công an xã Tam Chung", "Công an xã Tam Chung")}),
    # private citizens too; honorifics are no part of the name
    ("Anh Đinh Công Lâm (trú tại thôn 3, xã Tân Lập) là tấm gương hoàn lương. Anh Lâm cho biết.",
     {("Đinh Công Lâm", None, None, None)}),
    # names listed after a person's name; a former post as printed
    ("Dự có các đồng chí Nguyễn Văn An, Trần Văn Bảo và Lê Thị Cúc.",
     {("Nguyễn Văn An", None, None, None), ("Trần Văn Bảo", None, None, None), ("Lê Thị Cúc", None, None, None)}),
    ("Ông Hà Văn Dân, nguyên Chủ tịch UBND xã Tân Lập, huyện Bắc Sơn, tỉnh Lạng Sơn cho biết.",
     {("Hà Văn Dân", None, "nguyên Chủ tịch Ủy ban nhân dân xã Tân Lập", "Ủy ban nhân dân xã Tân Lập")}),
    # photo credits are authors, a post of someone else is not the person's
    ("Đại tá Phạm Văn Dũng phát biểu tại hội nghị. Ảnh: Hoàng Văn Bảo",
     {("Phạm Văn Dũng", "Đại tá", None, None)}),
    ("Thừa ủy quyền của Bộ trưởng Bộ Công an, Đại tá Phạm Văn Dũng trao kỷ niệm chương.",
     {("Phạm Văn Dũng", "Đại tá", None, None)}),
    # a post after "làm", "là", "được bầu làm" ... is the person's
    ("Tại xã Tân Lập, huyện Bắc Sơn, tổ do ông Hà Văn Tâm làm Tổ trưởng tổ tự quản thôn Nà Pàn.",
     {("Hà Văn Tâm", None, "Tổ trưởng tổ tự quản thôn Nà Pàn", "Tổ tự quản thôn Nà Pàn")}),
    ("Bà Lý Thị Lan được bầu làm Chủ tịch Hội Phụ nữ xã Tân Lập, huyện Bắc Sơn.",
     {("Lý Thị Lan", None, "Chủ tịch Hội Phụ nữ xã Tân Lập", "Hội Phụ nữ xã Tân Lập")}),
    ("Ông Hà Văn Dân, nguyên là Chủ tịch UBND xã Tân Lập, huyện Bắc Sơn, tham gia tổ.",
     {("Hà Văn Dân", None, "Chủ tịch Ủy ban nhân dân xã Tân Lập", "Ủy ban nhân dân xã Tân Lập")}),
    # an item of a list of people, with a post, is a person whatever the family name
    ("Dự có các đồng chí: Đại tá Vũ Văn An, Giám đốc Công an tỉnh Lạng Sơn; Đầu Thanh Tùng, Phó Chủ tịch UBND tỉnh.",
     {("Vũ Văn An", "Đại tá", "Giám đốc Công an tỉnh Lạng Sơn", "Công an tỉnh Lạng Sơn"),
      ("Đầu Thanh Tùng", None, "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Lạng Sơn")}),
    ("Kết quả: Thanh Hóa, Trưởng Công an xã báo cáo; Hôm Qua, Trưởng Công an xã họp.", set()),
    # "là"/"làm" alone bind a post only to a person introduced by "do"
    ("Tổ gồm 5 thành viên do ông Lê Văn Út làm Tổ trưởng.", {("Lê Văn Út", None, "Tổ trưởng", None)}),
    ("Bầu ông Hà Văn Bình thay ông Hà Văn An làm Chủ tịch UBND xã Tân Lập, huyện Bắc Sơn.",
     {("Hà Văn Bình", None, None, None), ("Hà Văn An", None, None, None)}),
    # ... but only right before the post
    ("Anh Hà Văn Hòa là người dân thôn Nà Pàn cùng Chủ tịch UBND xã Tân Lập đi tuần.",
     {("Hà Văn Hòa", None, None, None)}),
    ("Ông Hà Văn Dân làm việc với Chủ tịch UBND xã Tân Lập, huyện Bắc Sơn.",
     {("Hà Văn Dân", None, None, None)}),
])
def test_officers(text, expected):
    assert officers(text) == expected


@pytest.mark.parametrize("text", [
    "Học tập tấm gương Bác Hồ, các chi bộ ở tỉnh Bà Rịa - Vũng Tàu và huyện Cô Tô đã làm tốt.",
    "Trường THPT Nguyễn Du trên đường Trần Hưng Đạo, phường Lê Lợi có 500 học sinh.",
    "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy dự hội nghị.",
])
def test_no_officers(text):
    assert officers(text) == set()


@pytest.mark.parametrize("text, expected", [
    # the name after a village head's post is the holder's, not the village's
    ("Tại xã Sủng Là, huyện Đồng Văn, Trưởng thôn Vàng Chá Phìn cho biết. “Bà con tin Công an xã”, ông Phìn nói.",
     {("Vàng Chá Phìn", None, "Trưởng thôn", None)}),
    ("Tại xã Mù Sang, huyện Phong Thổ, Trưởng bản Lò Suối Tủng cho biết.", set()),
    # a middle name marks a person's name
    ("Ở ấp Hiệp Hoà, xã Hòa Hiệp, Trưởng ấp Phạm Văn Tuỳ dẫn chúng tôi đi.", {("Phạm Văn Tuỳ", None, "Trưởng ấp", None)}),
    ("Tại xã Sủng Là, huyện Đồng Văn, Trưởng thôn Lô Lô Chải Sình Dì Gai cho biết.",
     {("Sình Dì Gai", None, "Trưởng thôn Lô Lô Chải", None)}),
    # read from the level word: "Đông" alone is a commune's name somewhere, "Đông Tấu" is the village
    ("Trưởng bản Đông Tấu Lò Văn Pọm kể lại.", {("Lò Văn Pọm", None, "Trưởng bản Đông Tấu", None)}),
    # a numbered village is no person's name ("Đồng" is also a family name)
    ("Tại xã Lộc Bảo, huyện Bảo Lâm, ông Ka Sô Ha Tuân - Trưởng thôn Đồng Lạc 2 cho biết.",
     {("Ka Sô Ha Tuân", None, "Trưởng thôn Đồng Lạc 2", None)}),
])
def test_village_heads_named_after_their_post(text, expected):
    assert officers(text) == expected


def test_what_someone_is_after_la_is_no_post():
    # "là" binds a post of a body, not a word for what the person is
    assert officers("Ông Hà Văn Lực nhận xét: “Đồng chí Nguyễn Văn Tùng là cán bộ trẻ, nhiệt tình.”") == {
        ("Hà Văn Lực", None, None, None), ("Nguyễn Văn Tùng", None, None, None)}


def test_a_committee_printed_by_its_head_before_a_verb_is_the_named_one():
    text = ("Ban Chỉ đạo 138 huyện Bắc Sơn tổng kết năm. Thượng tá Hoàng Văn Dũng, Trưởng Công an huyện, "
            "Phó Trưởng ban Thường trực Ban Chỉ đạo chỉ ra ba hạn chế.")
    assert ("Hoàng Văn Dũng", "Thượng tá", "Phó Trưởng ban Thường trực Ban Chỉ đạo", "Ban Chỉ đạo 138 huyện Bắc Sơn") \
        in officers(text)


def test_a_person_named_by_an_initial_is_a_person():
    text = ("Công an huyện Ninh Phước bắt quả tang Phạm Văn K. (SN 1991, trú xã Phước Hậu) đang bán ma túy; "
            "mở rộng điều tra, bắt tiếp Đỗ Thị M. là người cung cấp.")
    assert officers(text) == {("Phạm Văn K.", None, None, None), ("Đỗ Thị M.", None, None, None)}


def test_an_initial_that_ends_a_sentence_takes_no_post_of_the_next():
    text = "Công an xã đã bắt giữ Đinh Văn K. Trưởng Công an xã Phước Hậu cho biết đối tượng có 2 tiền án."
    assert not any(post and name.startswith("Đinh") for name, _r, post, _o in officers(text))
    assert not any(name.startswith("Trần Phú") for name, *_ in officers(
        "Tuyên truyền cho học sinh Trường Trung học cơ sở Trần Phú B. Các em rất hào hứng."))


def test_la_binds_a_post_at_a_place():
    assert ("Lò Văn Sáng", None, "trưởng thôn Nậm Lúc", None) in officers(
        "Tại xã Mường Sai, huyện Sông Mã. Anh Lò Văn Sáng là trưởng thôn Nậm Lúc.")


def test_an_age_between_the_agent_and_the_post():
    text = ("Tại xã Phú Lý, huyện Vĩnh Cửu, ấp 4 lập Tổ tự quản an ninh trật tự ấp 4 với 15 thành viên, "
            "do ông Điểu Bình, 61 tuổi, làm Tổ trưởng.")
    assert ("Điểu Bình", None, "Tổ trưởng", "Tổ tự quản an ninh trật tự ấp 4") in officers(text)


def test_a_highlands_name_said_short_by_its_first_words():
    text = "Trung tá Y Bhiết Niê, Trưởng Công an xã Ea Tul cho biết. Trung tá Y Bhiết khẳng định sẽ phân công cán bộ."
    assert {o[0] for o in officers(text)} == {"Y Bhiết Niê"}


def test_a_border_post_abbreviated():
    assert ("Phan Thanh Tùng", "Thiếu tá", "Chính trị viên Đồn Biên phòng Phước Tỉnh", "Đồn Biên phòng Phước Tỉnh") in officers(
        "Tại xã Phước Tỉnh, Thiếu tá Phan Thanh Tùng, Chính trị viên Đồn BĐBP Phước Tỉnh cho biết.")


def test_a_short_highlands_name_with_a_post_or_rank_of_its_own_is_another_man():
    text = ("Tại xã Ea Kao, Đại úy Y Phôn, Phó Trưởng Công an xã Ea Kao, và Trung úy Y Phôn Byă, cán bộ Công an "
            "huyện Cư Kuin, cùng tuần tra.")
    assert {(o[0], o[1]) for o in officers(text)} == {("Y Phôn", "Đại úy"), ("Y Phôn Byă", "Trung úy")}


def test_a_village_with_a_middle_name_after_its_named_head():
    text = ("Tại xã Yên Bằng, huyện Ý Yên, tỉnh Nam Định, ông Nguyễn Văn Hòa, Trưởng thôn Đồng Văn Nam cho biết "
            "thôn đã lập 3 tổ tự quản.")
    assert officers(text) == {("Nguyễn Văn Hòa", None, "Trưởng thôn Đồng Văn Nam", None)}


def test_a_bare_branch_beside_a_village_post_is_that_villages():
    text = "Tại phường Khánh Hậu, ông Đặng Văn Nhơn, Bí thư Chi bộ, Trưởng khu phố Bình Cư 2 chia sẻ."
    assert officers(text) == {("Đặng Văn Nhơn", None, "Bí thư Chi bộ", "Chi bộ khu phố Bình Cư 2"),
                              ("Đặng Văn Nhơn", None, "Trưởng khu phố Bình Cư 2", None)}


def test_a_short_highlands_name_with_a_rank_the_full_one_lacks_is_another_man():
    text = "Già làng Y Khăm Êban ở buôn Tơ Lơ rất tích cực. Hôm sau, Thiếu tá Y Khăm cùng tổ công tác đến tận nhà."
    assert {(o[0], o[1]) for o in officers(text)} == {("Y Khăm Êban", None), ("Y Khăm", "Thiếu tá")}


def test_a_standing_board_named_alone_in_a_list_of_posts_is_that_of_the_next_posts_committee():
    from kg.extract import extract
    from kg.ingest import parse_article

    text = "Dự có bà Nguyễn Thị Hường, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy Yên Lạc."
    found = {(o.post, o.organization.name if o.organization else None)
             for o in extract(parse_article(f"Bài\n\n{text}\n", "t")).officers}
    assert found == {("Ủy viên Ban Thường vụ", "Ban Thường vụ Huyện ủy Yên Lạc"),
                     ("Trưởng Ban Dân vận Huyện ủy Yên Lạc", "Ban Dân vận Huyện ủy Yên Lạc")}
    text = "Dự có ông Lê Văn An, Ủy viên Ban Thường vụ, Phó Chủ tịch UBND huyện Yên Lạc."
    found = {(o.post, o.organization.name if o.organization else None)
             for o in extract(parse_article(f"Bài\n\n{text}\n", "t")).officers}
    assert ("Ủy viên Ban Thường vụ", None) in found  # a People's Committee has no standing board


def test_a_second_post_after_cung_la_is_the_same_persons():
    found = officers("Bà Đào Thị Hằng, Chi hội trưởng Chi hội Phụ nữ xóm Mít, cũng là Tổ trưởng "
                     "Tổ phòng cháy, chữa cháy dân phòng xóm Mít, chia sẻ kinh nghiệm.")
    assert {(name, post) for name, _rank, post, _org in found} == {
        ("Đào Thị Hằng", "Chi hội trưởng Chi hội Phụ nữ xóm Mít"),
        ("Đào Thị Hằng", "Tổ trưởng Tổ phòng cháy, chữa cháy dân phòng xóm Mít")}
    # a bare post before "cũng là" takes nothing from the next post's body
    found = officers("Ông Lê Văn Sơn, Bí thư Chi bộ, cũng là Chủ tịch Hội Cựu chiến binh xã Ea Phê.")
    assert ("Lê Văn Sơn", None, "Bí thư Chi bộ", None) in found
    # without a comma, "cũng là" says a thing of someone else
    found = officers("Theo ông Nguyễn Văn Bình, Chủ tịch UBND xã Ea Phê, Trưởng Công an xã cũng là Phó Chủ tịch UBND xã.")
    assert "Phó Chủ tịch Ủy ban nhân dân xã" not in {post for _n, _r, post, _o in found}
    # what follows "cũng là" need not be a post
    found = officers("Ông Lò Văn Pọm, Chủ tịch UBND xã Mường Lói, cũng là người gắn bó với bản.")
    assert {post for _n, _r, post, _o in found} == {"Chủ tịch Ủy ban nhân dân xã Mường Lói"}


def test_a_post_list_reads_on_past_the_units_that_locate_a_post_to_a_standing():
    # another post after an address may be another person's: "..., Chủ tịch UBND xã Hòa Bình Nguyễn Thị Hương"
    found = officers("Tham dự có ông Lê Văn Tám, Trưởng thôn Tân Lập, xã Hòa Bình, Chủ tịch UBND xã Hòa Bình "
                     "Nguyễn Thị Hương và đại diện các ban ngành.")
    assert {(name, post) for name, _r, post, _o in found} == {
        ("Lê Văn Tám", "Trưởng thôn Tân Lập"), ("Nguyễn Thị Hương", "Chủ tịch Ủy ban nhân dân xã Hòa Bình")}
    found = officers("Ông Kim Sa Rết, Trưởng ấp Tha Mun, xã Nhơn Hội, người có uy tín trong đồng bào Chăm, cho biết.")
    assert {post for _n, _r, post, _o in found} == {"Trưởng ấp Tha Mun", "người có uy tín"}
    # an address that ends the list adds nothing
    found = officers("Ông Lò Văn Hải, Trưởng Công an xã Tân Lập, huyện Tân Uyên, tỉnh Lai Châu cho biết.")
    assert {post for _n, _r, post, _o in found} == {"Trưởng Công an xã Tân Lập"}


def test_fishermen_of_a_place_are_no_person():
    found = officers("Mô hình “Ngư dân Cồn Cỏ vững bám biển” ở huyện Cồn Cỏ được nhân rộng; ngư dân Lê Văn Sơn cho biết.")
    assert {name for name, *_ in found} == {"Lê Văn Sơn"}
    # addressed as "ông", a name like a district's is still a person's
    assert {name for name, *_ in officers("Ông Lý Sơn, Trưởng thôn Đông, cho biết.")} == {"Lý Sơn"}
    # a fisherman named like a commune the article does not name is a person
    assert {name for name, *_ in officers("Ngư dân Trần Phú, trú xã Tam Quan Bắc, được cứu sống.")} == {"Trần Phú"}


def test_a_post_of_the_post_printed_short_is_of_the_one_border_post_named():
    text = "Đồn Biên phòng Pa Vây Sử tổ chức tuần tra. Thiếu tá Hà Văn Lâm, Chính trị viên Đồn cho biết như vậy."
    assert ("Hà Văn Lâm", "Thiếu tá", "Chính trị viên Đồn", "Đồn Biên phòng Pa Vây Sử") in officers(text)
    # two border posts named: which one is not said
    text = ("Đồn Biên phòng Pa Vây Sử và Đồn Biên phòng Xín Mần phối hợp. "
            "Thiếu tá Hà Văn Lâm, Chính trị viên Đồn cho biết như vậy.")
    assert ("Hà Văn Lâm", "Thiếu tá", "Chính trị viên Đồn", None) in officers(text)
    # the other side's post, or a post a police post has too
    text = "Đồn Biên phòng Pa Vây Sử tuần tra song phương. Thiếu tá Khăm Phăn, Chính trị viên đồn bạn cho biết."
    assert {org for *_r, org in officers(text)} == {None}
    text = "Đồn Biên phòng Ia Mơ phối hợp Đồn Công an Tân Bình. Trung tá Lê Văn Sơn, Trưởng Đồn cho biết."
    assert {org for *_r, org in officers(text)} == {None}


def test_a_full_name_with_a_birth_year_or_an_age_in_brackets_is_a_person():
    found = officers("Trên xe có Lường Văn Pịnh (SN 1987, trú tại bản Hới) và Cầm Thị Xoan (sinh năm 1993). "
                     "Ông bà kể rằng Hà Văn Tèo (61 tuổi, trú bản Na) đã báo tin.")
    assert {name for name, *_ in found} == {"Lường Văn Pịnh", "Cầm Thị Xoan", "Hà Văn Tèo"}
    # a year in brackets after a name is no birth year
    assert officers("Đề án của Lường Văn Pịnh (năm 2023) được duyệt.") == set()
