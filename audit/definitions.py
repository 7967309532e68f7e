"""Each target in the plan's words (section II.2) and how the software counts it: the one
title every screen and report gives it (audit page, indicators page, JSON, Word, Excel)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Definition:
    title: str
    plan: str  # the plan's wording
    numerator: str
    denominator: str
    rule: str


DEFINITIONS = {
    "1": Definition(
        _("Chỉ tiêu 1: cơ chế phát ngôn"),
        _(
            # xgettext:no-python-format
            "100% cơ quan hành chính cấp tỉnh thực hiện cơ chế phát ngôn, cung cấp thông tin cho báo chí "
            "về công tác quyền con người theo quy định."
        ),
        _("Số cơ quan có người phát ngôn được giao bằng quyết định còn hiệu lực vào ngày cuối kỳ"),
        _("Số cơ quan hành chính cấp tỉnh còn hoạt động vào ngày cuối kỳ"),
        _("Theo danh sách cơ quan và các quyết định giao người phát ngôn."),
    ),
    "2": Definition(
        _("Chỉ tiêu 2: tập huấn, cập nhật thông tin"),
        _(
            # xgettext:no-python-format
            "Phấn đấu 100% cán bộ, công chức làm công tác quyền con người; 100% cán bộ công chức làm công "
            "tác quản lý thông tin, truyền thông; 100% nhân sự tham gia công tác thông tin đối ngoại của các "
            "cơ quan báo chí; 70% cán bộ chủ chốt của các tổ chức chính trị - xã hội cấp tỉnh được cập nhật "
            "thông tin tình hình công tác quyền con người và tập huấn kiến thức, kỹ năng truyền thông về "
            "quyền con người."
        ),
        _(
            "Số người đã được tập huấn (số đơn vị nhập; nếu không nhập thì tính từ người tham gia "
            "hội nghị tập huấn, hội thảo trong kỳ, không vượt quá số người)"
        ),
        _("Số cán bộ thuộc các đối tượng trên, theo số liệu của năm cuối kỳ"),
        _(
            # xgettext:no-python-format
            "Mỗi đối tượng được so với chỉ tiêu riêng (100% hoặc 70%); "
            "chỉ tiêu đạt khi mọi đối tượng đều đạt."
        ),
    ),
    "3": Definition(
        _("Chỉ tiêu 3: triển lãm"),
        _(
            "Tổ chức và phối hợp với Bộ Thông tin và Truyền thông tổ chức các cuộc Triển lãm ảnh, tài liệu "
            "lưu trữ về quyền con người trên địa bàn tỉnh."
        ),
        _("Số cuộc triển lãm tổ chức trong kỳ"),
        _("Không có mẫu số: so với số cuộc tối thiểu trong cài đặt"),
        _("Các hoạt động loại «Triển lãm» (nhiệm vụ 3.4, 3.7) có ngày tổ chức trong kỳ."),
    ),
    "4": Definition(
        _("Chỉ tiêu 4: sản phẩm tiếng dân tộc, tiếng nước ngoài, trên nền tảng số"),
        _(
            "Đa dạng hóa hình thức các sản phẩm truyền thông; phấn đấu các sản phẩm truyền thông bằng tiếng "
            "dân tộc, tiếng nước ngoài và sản phẩm truyền thông trên nền tảng số chiếm từ 15 - 20% tổng số "
            "sản phẩm truyền thông về quyền con người."
        ),
        _(
            "Số sản phẩm bằng tiếng dân tộc, tiếng nước ngoài hoặc đăng trên kênh số "
            "(mỗi sản phẩm tính một lần)"
        ),
        _("Số sản phẩm đang xuất bản có ngày đăng đầu tiên trong kỳ"),
        _("Như trang kiểm tra chỉ tiêu 4."),
    ),
    "5a": Definition(
        _("Chỉ tiêu 5a: số hóa và phổ biến trên không gian mạng"),
        _(
            # xgettext:no-python-format
            "Phấn đấu 100% nguồn dữ liệu và sản phẩm truyền thông về quyền con người được số hóa, kết nối và "
            "phổ biến trên không gian mạng để lan tỏa thông tin tích cực, nhân văn."
        ),
        _(
            "Số sản phẩm đã số hóa (có nội dung, lời thoại hoặc tệp đính kèm) "
            "và đã đăng trên kênh trên không gian mạng"
        ),
        _("Số sản phẩm đang xuất bản có ngày đăng đầu tiên trong kỳ"),
        _("Các kênh «trên không gian mạng» do quản trị viên chọn trong cài đặt chỉ tiêu kế hoạch."),
    ),
    "5b": Definition(
        _("Chỉ tiêu 5b: phát hiện, xử lý tin giả, tin xấu độc"),
        # xgettext:no-python-format
        _("Phát hiện, xử lý 90% tin giả, tin xấu độc xâm hại quyền con người trên không gian mạng."),
        _("Số tin phát hiện trong kỳ đã xử lý xong đến ngày cuối kỳ"),
        _("Số tin giả, tin xấu độc phát hiện trong kỳ"),
        _("Thời gian xử lý tính từ ngày phát hiện đến ngày xử lý xong."),
    ),
}
