"""Radio and TV products with audio files, in every state the public must or must not see."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Collection, PageViewRestriction
from wagtailmedia.models import get_media_model

from products.models import ProductAttachment
from tests.factories import make_product

D = datetime.date
# 1,000 bytes that differ from their neighbours: a wrong offset shows in the bytes.
AUDIO = bytes((i * 7 + i // 256) % 256 for i in range(1000))
TRANSCRIPT = "Người dẫn: Kính thưa quý thính giả, hôm nay chúng ta nói về quyền trẻ em."


def new_media(name="tin-bahnar.mp3", data=AUDIO, kind="audio", duration=125):
    media = get_media_model().objects.create(
        title=name, type=kind, duration=duration, collection=Collection.get_first_root_node()
    )
    media.file.save(name, ContentFile(data))
    return media


def episode(title, *, language="bdq", unit="dai-ptth-kon-tum", format="radio-feature", media=None, **fields):
    """A product of the station with an audio file attached (``media``, or a new one)."""
    media = media or new_media()
    fields.setdefault("publications", [("radio", D(2024, 5, 1))])
    return make_product(
        title=title,
        language=language,
        unit=unit,
        format=format,
        attachments=[ProductAttachment(media=media)],
        **fields,
    )


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def hidden_episodes(registers):
    """A draft, an unpublished and a restricted episode of the Bahnar radio features."""
    draft = episode("Bản nháp bí mật", live=False)
    unpublished = episode("Đã gỡ xuống")
    unpublished.unpublish()
    restricted = episode("Chỉ nội bộ")
    restrict(restricted)
    return {"draft": draft, "unpublished": unpublished, "restricted": restricted}


HIDDEN_TITLES = ("Bản nháp bí mật", "Đã gỡ xuống", "Chỉ nội bộ")
