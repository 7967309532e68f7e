"""A small, believable demo archive written for this project (not from the corpus).

Dates lie in 2023–2025; languages vi, bdq, sed, en, lo. Products sharing a ``group``
are translations of each other.
"""

import datetime

from django.db import transaction
from wagtail.models import Locale

from products.models import (
    Channel,
    ContentArea,
    Format,
    PlanTask,
    ProductPage,
    ProductPublication,
    Topic,
    Unit,
)
from products.sections import section_for

D = datetime.date

# (external_id, group, language, unit, area, task, format, topics, title, summary, body, transcript,
#  [(channel, date, url)])
DEMO = [
    (
        "demo-001",
        "upr",
        "vi",
        "bao-kon-tum",
        "V",
        "3.2",
        "article",
        ["upr"],
        "Kết quả Phiên bảo vệ báo cáo UPR chu kỳ IV của Việt Nam",
        "Việt Nam chấp thuận phần lớn khuyến nghị tại Phiên rà soát định kỳ phổ quát chu kỳ IV.",
        "Tại Phiên đối thoại theo Cơ chế rà soát định kỳ phổ quát (UPR) chu kỳ IV, Việt Nam khẳng định "
        "chính sách nhất quán coi con người là trung tâm, mục tiêu và động lực của phát triển.",
        "",
        [
            ("print", D(2024, 7, 12), ""),
            ("online-news", D(2024, 7, 12), "https://baokontum.com.vn/upr-chu-ky-iv"),
        ],
    ),
    (
        "demo-002",
        "upr",
        "en",
        "bao-kon-tum",
        "V",
        "3.2",
        "article",
        ["upr"],
        "Results of Viet Nam's fourth Universal Periodic Review",
        "Viet Nam accepted most recommendations made during its fourth UPR cycle.",
        "At the fourth cycle of the Universal Periodic Review, Viet Nam reaffirmed its consistent policy of "
        "placing people at the centre of development.",
        "",
        [("online-news", D(2024, 7, 15), "https://baokontum.com.vn/en/upr-cycle-iv")],
    ),
    (
        "demo-003",
        "upr",
        "bdq",
        "bao-kon-tum",
        "V",
        "3.2",
        "article",
        ["upr"],
        "Tơdrong UPR dơ̆ng 'Bok kră: Việt Nam pơtho tơdrong kơ̆ng",
        "Hơ̆k 'bôh ư̆ tơdrong kon bơngai hăm Việt Nam.",
        "Bơ̆n 'Bok kră pơlei Kon Tum tơbang hăm tơdrong UPR: kon bơngai jing tơdrong kơ̆ng.",
        "",
        [("online-news", D(2024, 7, 20), "https://baokontum.com.vn/bahnar/upr")],
    ),
    (
        "demo-004",
        "trafficking",
        "vi",
        "dai-ptth-kon-tum",
        "III",
        "3.3",
        "radio-feature",
        ["human-trafficking"],
        "Phòng, chống mua bán người ở vùng biên giới Ia H'Drai",
        "Phóng sự phát thanh về nỗ lực hỗ trợ nạn nhân bị mua bán trở về.",
        "Hưởng ứng Ngày toàn dân phòng, chống mua bán người 30/7, lực lượng chức năng tăng cường tuyên "
        "truyền tại các thôn làng vùng biên giới.",
        "Phát thanh viên: Kính thưa quý thính giả, hôm nay chúng tôi đến với làng biên giới Ia H'Drai…",
        [
            ("radio", D(2023, 7, 30), ""),
            ("facebook", D(2023, 7, 31), "https://facebook.com/ptthkontum/posts/1"),
        ],
    ),
    (
        "demo-005",
        "trafficking",
        "bdq",
        "dai-ptth-kon-tum",
        "III",
        "3.3",
        "radio-feature",
        ["human-trafficking"],
        "Tơdrong 'bŏk kon bơngai: pơtho ư̆ ăn kon pơlei",
        "Tơdrong pơtho dơ̆ng Đài PT-TH ăn kon pơlei Bahnar.",
        "'Bok Hmăr pơma: bơ̆n 'bŏk tơ̆ng kon pơlei, tơ̆ng 'năr.",
        "'Bok Hmăr: Bơ̆n bơ̆n 'năr pơtho ăn kon pơlei…",
        [("radio", D(2023, 8, 2), "")],
    ),
    (
        "demo-006",
        "trafficking",
        "sed",
        "dai-ptth-kon-tum",
        "III",
        "3.3",
        "radio-feature",
        ["human-trafficking"],
        "Tơdroăng pơkâ mơnhên kuăn ngế: ối ƀă pơlê",
        "Phóng sự phát thanh tiếng Xơ Đăng về phòng, chống mua bán người.",
        "Kuăn ngế pơlê Tu Mơ Rông tối ƀă tơdroăng pơkâ mơnhên.",
        "",
        [("radio", D(2023, 8, 5), ""), ("youtube", D(2023, 8, 6), "https://youtube.com/watch?v=ptthkt0806")],
    ),
    (
        "demo-007",
        "workers",
        "vi",
        "so-tttt",
        "II",
        "2.1",
        "news",
        ["workers-rights", "evfta"],
        "Bảo đảm quyền của người lao động khi thực hiện Hiệp định EVFTA",
        "Công đoàn cơ sở giữ vai trò nòng cốt trong bảo vệ quyền lợi người lao động.",
        "Sở Thông tin và Truyền thông cung cấp thông tin cho báo chí về việc bảo đảm quyền của người lao "
        "động, vai trò của công đoàn cấp cơ sở.",
        "",
        [("portal", D(2024, 9, 3), "https://kontum.gov.vn/tin/quyen-nguoi-lao-dong")],
    ),
    (
        "demo-008",
        "lao-border",
        "vi",
        "so-ngoai-vu",
        "V",
        "4.2",
        "news",
        ["un-human-rights-council"],
        "Hợp tác với tỉnh Attapeu (Lào) trong bảo đảm quyền của cư dân biên giới",
        "Hai tỉnh trao đổi kinh nghiệm chăm lo đời sống đồng bào vùng biên.",
        "Đoàn công tác tỉnh Kon Tum làm việc với tỉnh Attapeu về hợp tác bảo đảm quyền của cư dân biên giới.",
        "",
        [("portal", D(2025, 3, 18), "https://kontum.gov.vn/tin/attapeu")],
    ),
    (
        "demo-009",
        "lao-border",
        "lo",
        "so-ngoai-vu",
        "V",
        "4.2",
        "news",
        ["un-human-rights-council"],
        "ການຮ່ວມມືກັບແຂວງອັດຕະປືໃນການຮັບປະກັນສິດທິມະນຸດຂອງປະຊາຊົນຊາຍແດນ",
        "ສອງແຂວງແລກປ່ຽນປະສົບການໃນການເບິ່ງແຍງຊີວິດການເປັນຢູ່ຂອງປະຊາຊົນ.",
        "ຄະນະຜູ້ແທນແຂວງກອນຕູມໄດ້ເຮັດວຽກກັບແຂວງອັດຕະປືກ່ຽວກັບການຮ່ວມມືດ້ານສິດທິມະນຸດ.",
        "",
        [("portal", D(2025, 3, 20), "https://kontum.gov.vn/lo/attapeu"), ("facebook", D(2025, 3, 21), "")],
    ),
    (
        "demo-010",
        "school",
        "vi",
        "so-gddt",
        "I",
        "3.5",
        "infographic",
        [],
        "Công ước về quyền trẻ em trong giờ sinh hoạt lớp",
        "Infographic giới thiệu 4 nhóm quyền cơ bản của trẻ em.",
        "Các trường học lồng ghép nội dung Công ước của Liên hợp quốc về quyền trẻ em vào giờ sinh hoạt.",
        "",
        [("school", D(2023, 10, 9), ""), ("zalo", D(2023, 10, 10), "")],
    ),
    (
        "demo-011",
        "exhibition",
        "vi",
        "so-vhttdl",
        "III",
        "3.4",
        "photo-exhibition",
        [],
        "Triển lãm ảnh “Quyền con người – Thành tựu ở vùng cao Kon Tum”",
        "Triển lãm lưu động tại các huyện Đăk Tô, Ngọc Hồi, Kon Plông.",
        "Hơn 120 bức ảnh tư liệu về xóa đói giảm nghèo, giáo dục và y tế ở vùng đồng bào dân tộc thiểu số.",
        "",
        [("exhibition", D(2024, 11, 2), "")],
    ),
    (
        "demo-012",
        "dakto",
        "vi",
        "ubnd-dak-to",
        "III",
        "3.3",
        "radio-drama",
        [],
        "Kịch truyền thanh: Đường về làng ở Đăk Tô",
        "Câu chuyện về quyền được học tập của trẻ em làng Đăk Rơ Nga.",
        "Kịch truyền thanh phát trên hệ thống đài truyền thanh xã.",
        "Già làng: Con phải đến trường, cái chữ là quyền của con…",
        [("loudspeaker", D(2025, 5, 19), "")],
    ),
    (
        "demo-013",
        "rebut",
        "vi",
        "cong-an-tinh",
        "IV",
        "5.3",
        "article",
        ["rebut-us-report"],
        "Nhận diện thông tin sai lệch về tự do tôn giáo trên mạng xã hội",
        "Phản bác các nội dung thiếu khách quan trong báo cáo nhân quyền năm 2023 của Hoa Kỳ.",
        "Công an tỉnh chỉ ra các thủ đoạn lợi dụng mạng xã hội để xuyên tạc tình hình tự do tôn giáo.",
        "",
        [("online-news", D(2024, 5, 6), "https://baokontum.com.vn/phan-bac"), ("tiktok", D(2024, 5, 7), "")],
    ),
    (
        "demo-014",
        "mttq",
        "vi",
        "mttq-tinh",
        "II",
        "3.6",
        "short-message",
        ["access-to-information"],
        "Thông điệp: Quyền tiếp cận thông tin của người dân",
        "Thông điệp ngắn phát trong sinh hoạt chi hội.",
        "Mọi người dân đều có quyền tiếp cận thông tin theo quy định của pháp luật.",
        "",
        [("meeting", D(2025, 2, 14), "")],
    ),
    (
        "demo-015",
        "achievements",
        "en",
        "bao-kon-tum",
        "III",
        "3.2",
        "e-magazine",
        [],
        "Kon Tum's highlands: lifting villages out of poverty",
        "An e-magazine on poverty reduction in ethnic-minority villages.",
        "Over five years the share of poor households in the province's mountain districts fell sharply.",
        "",
        [("online-news", D(2023, 12, 1), "https://baokontum.com.vn/en/emagazine-poverty")],
    ),
]


@transaction.atomic
def load_demo():
    """Create or update the demo products; returns (created, updated)."""
    created = updated = 0
    lookup = {
        "area": {a.slug: a for a in ContentArea.objects.all()},
        "task": {t.slug: t for t in PlanTask.objects.all()},
        "format": {f.slug: f for f in Format.objects.all()},
        "unit": {u.slug: u for u in Unit.objects.all()},
        "channel": {c.slug: c for c in Channel.objects.all()},
        "topic": {t.slug: t for t in Topic.objects.all()},
    }
    groups = {}
    for row in DEMO:
        (ext, group, lang, unit, area, task, fmt, topics, title, summary, body, transcript, pubs) = row
        page = ProductPage.objects.filter(external_id=ext).first()
        is_new = page is None
        if is_new:
            page = ProductPage(external_id=ext, locale=Locale.objects.get(language_code=lang))
            if group in groups:
                page.translation_key = groups[group]
        page.title, page.summary, page.transcript = title, summary, transcript
        page.body = [("paragraph", f"<p>{body}</p>")]
        page.area, page.task, page.format = lookup["area"][area], lookup["task"][task], lookup["format"][fmt]
        page.topics = [lookup["topic"][t] for t in topics]
        page.publications = [
            ProductPublication(channel=lookup["channel"][c], date=d, url=u) for c, d, u in pubs
        ]
        if is_new:
            section_for(lookup["unit"][unit], lang).add_child(instance=page)
            created += 1
        else:
            updated += 1
        page.save_revision().publish()
        groups.setdefault(group, page.translation_key)
    return created, updated
