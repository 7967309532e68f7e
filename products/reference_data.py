"""The registers as the plan (seed 000) and the 2024 guidance letter (seed 003) define them.

Slugs are stable keys used by import files and tools; names are (vi, en).
"""

import datetime

AREAS = [
    ("I", "Luật pháp quốc tế về quyền con người", "International human-rights law"),
    (
        "II",
        "Chủ trương, chính sách, pháp luật của Việt Nam về quyền con người",
        "Viet Nam's policy and law on human rights",
    ),
    (
        "III",
        "Nỗ lực, thành tựu bảo đảm quyền con người",
        "Efforts and achievements in ensuring human rights",
    ),
    (
        "IV",
        "Thông tin về các vụ việc, đối tượng lợi dụng quyền con người để vi phạm pháp luật",
        "Cases of abusing human rights to break the law",
    ),
    (
        "V",
        "Ưu tiên đối ngoại và đóng góp quốc tế về quyền con người",
        "Foreign-policy priorities and international contributions on human rights",
    ),
]

AREA_DESCRIPTIONS = {
    "I": (
        "07 công ước quốc tế cơ bản về quyền con người mà Việt Nam là thành viên (ICCPR, ICESCR, "
        "CEDAW, CERD, CRC, CRPD, CAT); kinh nghiệm quốc tế.",
        "The seven core conventions Viet Nam is party to; international experience.",
    ),
    "II": (
        "Kết quả nội luật hóa và thực thi các cam kết quốc tế về quyền con người.",
        "How international commitments are written into national law and carried out.",
    ),
    "III": (
        "Xóa đói giảm nghèo, vùng miền núi, dân tộc, các đối tượng yếu thế; đánh giá tích cực của quốc tế.",
        "Poverty reduction, mountain and ethnic-minority areas, vulnerable groups; positive assessments.",
    ),
    "IV": (
        "Hành vi lợi dụng các quyền tự do, dân chủ, quyền con người để vi phạm pháp luật; phản bác "
        "thông tin sai lệch.",
        "Abuse of freedoms to break the law; rebutting distorted information.",
    ),
    "V": (
        "Vị trí, vai trò, sáng kiến và đóng góp của Việt Nam ở khu vực và quốc tế.",
        "Viet Nam's role, initiatives and contributions regionally and internationally.",
    ),
}

PRESS = ["bao-kon-tum", "dai-ptth-kon-tum"]
DISTRICTS = [
    "ubnd-tp-kon-tum",
    "ubnd-dak-ha",
    "ubnd-dak-to",
    "ubnd-ngoc-hoi",
    "ubnd-dak-glei",
    "ubnd-sa-thay",
    "ubnd-kon-ray",
    "ubnd-kon-plong",
    "ubnd-tu-mo-rong",
    "ubnd-ia-hdrai",
]

# (slug, vi, en, lead unit slugs from the plan appendix)
TASKS = [
    ("1.1", "Quán triệt, phổ biến Quyết định 1079/QĐ-TTg", "Disseminate Decision 1079/QĐ-TTg", []),
    (
        "1.2",
        "Theo dõi, tổng hợp thông tin, báo chí về quyền con người liên quan đến tỉnh",
        "Monitor press coverage of human rights concerning the province",
        ["so-tttt"],
    ),
    (
        "2.1",
        "Cung cấp thông tin cho báo chí về quyền con người và thông tin đối ngoại",
        "Provide information to the press on human rights and foreign information",
        ["so-tttt"],
    ),
    (
        "2.2",
        "Tập huấn, hội thảo, tọa đàm bồi dưỡng kỹ năng truyền thông về quyền con người",
        "Training, workshops and seminars for communicators",
        ["so-tttt"],
    ),
    (
        "2.3",
        "Phối hợp Bộ Thông tin và Truyền thông tổ chức hội nghị tập huấn",
        "Co-organise training with the Ministry of Information and Communications",
        ["so-tttt"],
    ),
    (
        "3.1",
        "Kênh thông tin trên mạng xã hội đa ngôn ngữ, đa kênh",
        "Multilingual, multi-channel social-media accounts",
        PRESS,
    ),
    (
        "3.2",
        "Xuất bản phẩm đa phương tiện bằng tiếng Việt và tiếng nước ngoài",
        "Multimedia publications in Vietnamese and foreign languages",
        PRESS,
    ),
    (
        "3.3",
        "Sản phẩm cho truyền thanh cấp huyện, xã, bảng tin điện tử, cụm thông tin cơ sở",
        "Products for district and commune loudspeakers and e-bulletin boards",
        DISTRICTS,
    ),
    (
        "3.4",
        "Tuyên truyền lưu động: triển lãm tranh, ảnh tư liệu, tranh cổ động",
        "Mobile exhibitions of photos, archives and posters",
        ["so-vhttdl", *DISTRICTS],
    ),
    (
        "3.5",
        "Lồng ghép truyền thông về quyền con người trong chương trình giáo dục",
        "Human rights in school curricula and activities",
        ["so-gddt"],
    ),
    (
        "3.6",
        "Lồng ghép trong hoạt động, hội nghị của tổ chức chính trị - xã hội",
        "Human rights in meetings of socio-political organisations",
        ["mttq-tinh"],
    ),
    (
        "3.7",
        "Triển lãm thành tựu bảo đảm quyền con người của Việt Nam",
        "Exhibitions of Viet Nam's human-rights achievements",
        ["so-tttt"],
    ),
    (
        "4.1",
        "Phối hợp với hãng thông tấn, báo chí nước ngoài",
        "Cooperation with foreign news agencies and press",
        [],
    ),
    (
        "4.2",
        "Quản lý phóng viên báo chí nước ngoài đến tìm hiểu, đưa tin về tỉnh",
        "Managing foreign reporters visiting the province",
        ["so-ngoai-vu"],
    ),
    (
        "4.3",
        "Cập nhật, báo cáo việc thực hiện điều ước quốc tế về quyền con người",
        "Updating and reporting on human-rights treaties",
        [],
    ),
    (
        "4.4",
        "Quản lý hội nghị, hội thảo quốc tế có nội dung về quyền con người",
        "Managing international conferences on human rights",
        [],
    ),
    (
        "5.1",
        "Tích hợp, chia sẻ dữ liệu vào cơ sở dữ liệu dùng chung cấp Quốc gia",
        "Share data into the national shared database",
        ["so-tttt"],
    ),
    (
        "5.2",
        "Ứng dụng công nghệ số giám sát thông tin trên không gian mạng",
        "Digital monitoring of online information",
        [],
    ),
    (
        "5.3",
        "Phát hiện, xử lý hành vi lợi dụng không gian mạng xâm hại quyền con người",
        "Detect and handle online abuse of human rights",
        ["cong-an-tinh"],
    ),
    (
        "5.4",
        "Cập nhật kết quả trên cổng/trang thông tin điện tử",
        "Publish results on government portals and websites",
        ["vp-ubnd-tinh"],
    ),
    (
        "6.1",
        "Cuộc thi viết, tìm hiểu pháp luật về quyền con người",
        "Writing and knowledge contests on human-rights law",
        ["so-tttt"],
    ),
    (
        "6.2",
        "Lựa chọn tác phẩm tham gia giải thưởng về quyền con người",
        "Selecting quality works for national awards",
        PRESS,
    ),
]

FORMATS = [
    ("news", "Tin", "News item"),
    ("article", "Bài viết", "Article"),
    ("feature", "Phóng sự, ký sự", "Feature"),
    ("radio-feature", "Phóng sự phát thanh", "Radio feature"),
    ("radio-drama", "Kịch truyền thanh", "Radio drama"),
    ("sketch", "Tiểu phẩm", "Sketch"),
    ("tv-report", "Phóng sự truyền hình", "TV report"),
    ("video", "Video", "Video"),
    ("infographic", "Infographic", "Infographic"),
    ("photo-story", "Phóng sự ảnh", "Photo story"),
    ("photo-exhibition", "Triển lãm ảnh", "Photo exhibition"),
    ("poster", "Tranh cổ động", "Poster"),
    ("publication", "Xuất bản phẩm", "Publication"),
    ("e-magazine", "E-magazine", "E-magazine"),
    ("podcast", "Podcast", "Podcast"),
    ("short-message", "Thông điệp ngắn", "Short message"),
]

# (slug, vi, en, is_digital by default)
CHANNELS = [
    ("print", "Báo in", "Print newspaper", False),
    ("online-news", "Báo điện tử", "Online newspaper", False),
    ("radio", "Phát thanh", "Radio", False),
    ("television", "Truyền hình", "Television", False),
    ("portal", "Cổng/trang thông tin điện tử", "Government portal and websites", False),
    ("facebook", "Facebook", "Facebook", True),
    ("zalo", "Zalo", "Zalo", True),
    ("tiktok", "TikTok", "TikTok", True),
    ("youtube", "YouTube", "YouTube", True),
    ("loudspeaker", "Đài truyền thanh cấp huyện, xã", "District and commune loudspeakers", False),
    ("e-bulletin", "Bảng tin điện tử công cộng", "Public electronic bulletin boards", False),
    ("exhibition", "Triển lãm, tuyên truyền lưu động", "Exhibitions and mobile displays", False),
    ("publication", "Xuất bản phẩm", "Publications", False),
    ("meeting", "Sinh hoạt tổ chức chính trị - xã hội", "Meetings of socio-political organisations", False),
    ("school", "Trường học", "Schools", False),
]

MERGER = datetime.date(2025, 7, 1)
PLAN_START = datetime.date(2023, 1, 1)

# (slug, vi, en, kind, languages published in, valid_to)
UNITS = [
    (
        "so-tttt",
        "Sở Thông tin và Truyền thông",
        "Department of Information and Communications",
        "department",
        ["vi"],
        None,
    ),
    ("bao-kon-tum", "Báo Kon Tum", "Kon Tum Newspaper", "press", ["vi", "bdq", "en"], None),
    (
        "dai-ptth-kon-tum",
        "Đài Phát thanh – Truyền hình tỉnh Kon Tum",
        "Kon Tum Radio and Television",
        "press",
        ["vi", "bdq", "sed", "jra"],
        None,
    ),
    ("cong-an-tinh", "Công an tỉnh", "Provincial Police", "police", ["vi"], None),
    (
        "so-vhttdl",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Department of Culture, Sports and Tourism",
        "department",
        ["vi"],
        None,
    ),
    ("so-gddt", "Sở Giáo dục và Đào tạo", "Department of Education and Training", "department", ["vi"], None),
    (
        "so-ngoai-vu",
        "Sở Ngoại vụ",
        "Department of Foreign Affairs",
        "department",
        ["vi", "en", "lo", "km"],
        None,
    ),
    (
        "vp-ubnd-tinh",
        "Văn phòng UBND tỉnh",
        "Office of the Provincial People's Committee",
        "office",
        ["vi"],
        None,
    ),
    (
        "ubnd-tp-kon-tum",
        "UBND thành phố Kon Tum",
        "Kon Tum City People's Committee",
        "district",
        ["vi", "bdq"],
        MERGER,
    ),
    ("ubnd-dak-ha", "UBND huyện Đăk Hà", "Dak Ha District People's Committee", "district", ["vi"], MERGER),
    ("ubnd-dak-to", "UBND huyện Đăk Tô", "Dak To District People's Committee", "district", ["vi"], MERGER),
    (
        "ubnd-ngoc-hoi",
        "UBND huyện Ngọc Hồi",
        "Ngoc Hoi District People's Committee",
        "district",
        ["vi"],
        MERGER,
    ),
    (
        "ubnd-dak-glei",
        "UBND huyện Đăk Glei",
        "Dak Glei District People's Committee",
        "district",
        ["vi"],
        MERGER,
    ),
    ("ubnd-sa-thay", "UBND huyện Sa Thầy", "Sa Thay District People's Committee", "district", ["vi"], MERGER),
    ("ubnd-kon-ray", "UBND huyện Kon Rẫy", "Kon Ray District People's Committee", "district", ["vi"], MERGER),
    (
        "ubnd-kon-plong",
        "UBND huyện Kon Plông",
        "Kon Plong District People's Committee",
        "district",
        ["vi"],
        MERGER,
    ),
    (
        "ubnd-tu-mo-rong",
        "UBND huyện Tu Mơ Rông",
        "Tu Mo Rong District People's Committee",
        "district",
        ["vi", "sed"],
        MERGER,
    ),
    (
        "ubnd-ia-hdrai",
        "UBND huyện Ia H'Drai",
        "Ia H'Drai District People's Committee",
        "district",
        ["vi"],
        MERGER,
    ),
    (
        "mttq-tinh",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Provincial Viet Nam Fatherland Front Committee",
        "organisation",
        ["vi"],
        None,
    ),
]

TOPICS = [
    ("upr", "Kết quả Phiên bảo vệ báo cáo UPR chu kỳ IV", "Results of Viet Nam's fourth UPR cycle"),
    (
        "rebut-us-report",
        "Phản bác Báo cáo Nhân quyền năm 2023 của Hoa Kỳ",
        "Rebutting the 2023 US human-rights report",
    ),
    (
        "rebut-eu-report",
        "Phản bác báo cáo nhân quyền của Cơ quan hành động đối ngoại châu Âu",
        "Rebutting the EU External Action Service report",
    ),
    (
        "rebut-rsf-index",
        "Phản bác Chỉ số tự do báo chí thế giới 2023 của RSF",
        "Rebutting the RSF 2023 World Press Freedom Index",
    ),
    (
        "human-trafficking",
        "Phòng, chống mua bán người",
        "Preventing human trafficking",
    ),
    ("workers-rights", "Quyền của người lao động", "Workers' rights"),
    ("evfta", "Thực hiện Hiệp định EVFTA", "Implementing the EVFTA"),
    ("trade-unions", "Vai trò công đoàn cơ sở", "Role of grassroots trade unions"),
    (
        "un-human-rights-council",
        "Thành viên Hội đồng Nhân quyền LHQ 2023–2025",
        "UN Human Rights Council 2023–2025",
    ),
    ("access-to-information", "Quyền tiếp cận thông tin", "Right of access to information"),
]
