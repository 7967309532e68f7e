"""A small archive with everything a backup must keep, and a snapshot to compare archives by.

Run inside an installation (``manage.py shell -c "from tests.ops.sample_archive import build; build()"``):
Vietnamese, Bahnar (ơ̆ ư̆ 'Bok), Lao and Khmer text; every body block (paragraph, image,
embed, quote); attachments with their files (PDF, image, audio); a translation; a draft, a
live product with unpublished changes, revisions; a user in a group; a misinformation record
with its screenshot (a private file, under ``PRIVATE_MEDIA_ROOT``).
"""

import datetime
import hashlib
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.blocks import StreamValue
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtailmedia.models import get_media_model

from monitoring.models import MisinformationItem
from products.models import ProductAttachment, Unit
from tests.factories import make_product
from tests.sample_files import png_bytes, wav_bytes

BAHNAR = "Kon pơlei 'Bok Bơ̆n kơ̆ ư̆nh tơdrong hơdruh, ‘Bok ’Năr ʼYă"
LAO = "ສິດທິມະນຸດ ແມ່ນສິດທິຂອງທຸກຄົນ"
KHMER = "សិទ្ធិមនុស្ស គឺជាសិទ្ធិរបស់មនុស្សគ្រប់រូប"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _files():
    image = Image.objects.create(title="Ảnh Đăk Tô", file=ContentFile(png_bytes(), name="dak-to.png"))
    document = Document.objects.create(title="Tài liệu 'Bok", file=ContentFile(PDF, name="tai-lieu.pdf"))
    media = get_media_model().objects.create(
        title="Phát thanh Bahnar", type="audio", duration=1, file=ContentFile(wav_bytes(), name="bahnar.wav")
    )
    return image, document, media


def build():
    image, document, media = _files()
    paragraph = (
        f'<p>Quyền con người — <b>{BAHNAR}</b></p><p><a id="{document.pk}" linktype="document">PDF</a></p>'
    )
    quote = {"text": "Mọi người sinh ra đều được tự do và bình đẳng.", "source": "UDHR, Điều 1"}
    body = json.dumps(  # StreamField's stored (raw) form
        [
            {"type": "paragraph", "value": paragraph},
            {"type": "image", "value": {"image": image.pk, "alt_text": "Ảnh", "decorative": False}},
            {"type": "embed", "value": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
            {"type": "quote", "value": quote},
        ]
    )
    source = make_product(title="Quyền con người ở Đăk Tô", body=body, summary="Tóm tắt: tự do, bình đẳng")
    ProductAttachment.objects.create(page=source, document=document, caption="Văn bản gốc")
    ProductAttachment.objects.create(page=source, image=image, caption="Ảnh minh họa")
    ProductAttachment.objects.create(page=source, media=media, caption="Bản phát thanh")
    source.search_description = "Mô tả tìm kiếm — Đăk Tô"
    source.save_revision().publish()
    make_product(title=f"Bahnar: {BAHNAR}", language="bdq", unit="dai-ptth-kon-tum", translation_of=source)
    make_product(
        title=LAO, language="lo", summary=LAO, publications=(("facebook", datetime.date(2024, 5, 2)),)
    )
    make_product(
        title=KHMER, language="km", summary=KHMER, publications=(("youtube", datetime.date(2024, 6, 3)),)
    )
    make_product(title="Bản nháp chưa đăng ư̆", live=False)
    changed = make_product(title="Đã đăng, có bản sửa chưa duyệt")
    changed.title = "Bản sửa chưa duyệt ơ̆"
    changed.save_revision()
    group = Group.objects.create(name="Nhóm sao lưu – thử")
    user = User.objects.create_user(
        "phongvien.bahnar", "pv@example.vn", "Mật-khẩu-thử-2026", first_name="Y Bơ̆n"
    )
    user.groups.add(group)
    item = MisinformationItem(
        detected_on=datetime.date(2026, 3, 2),
        platform="facebook",
        summary=f"Xuyên tạc về quyền con người — {BAHNAR}",
        detected_by=Unit.objects.get(slug="bao-kon-tum"),
    )
    item.screenshot.save("anh-chup.png", ContentFile(png_bytes()))


class ArchiveEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, StreamValue):
            return o.get_prep_value()  # the stored JSON, as the database holds it
        if isinstance(o, bytes | memoryview):
            return hashlib.sha256(bytes(o)).hexdigest()
        return super().default(o)


SKIP_APPS = {"search", "sessions", "admin"}  # derived (the index is rebuilt) or ephemeral
# A cache token: restore writes a new one on purpose (the purge), so it never equals the original's.
SKIP_MODELS = {"home.PageCacheGeneration"}


def snapshot(path):
    """Every row of every model (ordered by key) and a hash of every file, public and private, as JSON."""
    rows = {}
    for model in apps.get_models():
        if model._meta.app_label in SKIP_APPS or model._meta.label in SKIP_MODELS:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        queryset = model._base_manager.order_by("pk").values()
        rows[model._meta.label] = json.loads(json.dumps(list(queryset), cls=ArchiveEncoder))
    files = {}
    for name, root in (("media", settings.MEDIA_ROOT), ("private", settings.MONITORING_PRIVATE_ROOT)):
        root = Path(root)
        for file in sorted(root.rglob("*")):
            if file.is_file():
                files[f"{name}/{file.relative_to(root)}"] = hashlib.sha256(file.read_bytes()).hexdigest()
    Path(path).write_text(json.dumps({"rows": rows, "files": files}, ensure_ascii=False), encoding="utf-8")
