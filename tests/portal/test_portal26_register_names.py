"""Register names (unit, format, area, channel, topic) on a card are in the page's language when
the register has a translation in it, else in Vietnamese: never English on a Khmer, Bahnar or
Lao page (issue 26: the Khmer home showed "Dak To District People's Committee · Radio drama"
on a Vietnamese product, three languages on one card).
"""

import datetime
import html

import pytest
from django.utils.html import strip_tags

from products.models import Channel, ContentArea, Format, Topic, Unit
from tests.factories import make_product

D = datetime.date
REGISTERS = (ContentArea, Unit, Format, Channel, Topic)


@pytest.fixture
def radio_dramas(registers):
    """A Vietnamese and a Bahnar radio drama of the Đăk Tô committee."""
    for code in ("vi", "bdq"):
        make_product(
            title=f"Kịch truyền thanh về quyền trẻ em ({code})",
            language=code,
            unit="ubnd-dak-to",
            format="radio-drama",
            area="II",
            publications=[("loudspeaker", D(2024, 7, 30))],
        )


def english_only_names():
    """Every register name that English and Vietnamese spell differently."""
    names = set()
    for model in REGISTERS:
        for name_vi, name_en in model.objects.values_list("name_vi", "name_en"):
            if name_en and name_en != name_vi:
                names.add(name_en)
    return names


def page_text(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    "path", ["/km/", "/bdq/", "/lo/", "/km/san-pham/", "/bdq/san-pham/?format=radio-drama"]
)
def test_no_english_register_names_outside_the_english_portal(client, radio_dramas, path):
    text = page_text(client, path)
    found = sorted(name for name in english_only_names() if name in text)
    assert found == [], f"{path} shows English register names: {found}"
    if path.count("/") == 2:  # a home: the Vietnamese product's card names its unit and format in Vietnamese
        assert "UBND huyện Đăk Tô · Kịch truyền thanh" in strip_tags(text)


def test_english_portal_keeps_english_register_names(client, radio_dramas):
    text = page_text(client, "/en/san-pham/?format=radio-drama")
    assert "Radio drama" in text
