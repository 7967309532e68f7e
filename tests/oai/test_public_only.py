"""Only what the public may see, ever: whatever a record row says, metadata comes from the product
as the public sees it at request time; resumption tokens hold no server state."""

import os
import subprocess
import sys
from pathlib import Path

from django.test import override_settings
from lxml import etree

from oai.models import Record
from products.models import ProductPage
from tests.factories import make_product
from tests.oai.conftest import restrict

ROOT = Path(__file__).resolve().parents[2]
NS = {"o": "http://www.openarchives.org/OAI/2.0/", "p": "urn:ttnq:oai:product:1.0"}


def answer(client, **params):
    return client.get("/oai/", params).content.decode()


def test_a_product_withdrawn_behind_the_signals_back_is_answered_deleted(client, db):
    product = make_product(title="Rút bằng SQL", summary="Không được lộ")
    ProductPage.objects.filter(pk=product.pk).update(live=False)  # no signal, no oai_sync yet
    identifier = Record.objects.get(page_id=product.pk).identifier
    for params in (
        {"verb": "GetRecord", "metadataPrefix": "ttnq", "identifier": identifier},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"},
    ):
        text = answer(client, **params)
        assert 'status="deleted"' in text
        assert "Rút bằng SQL" not in text and "Không được lộ" not in text


def test_translations_list_only_public_ones(client, db):
    original = make_product(title="Gốc")
    make_product(title="Bản nháp Bahnar", language="bdq", translation_of=original, live=False)
    hidden = make_product(title="English secret", language="en", translation_of=original)
    restrict(hidden)
    make_product(title="Français", language="fr", translation_of=original)
    identifier = Record.objects.get(page_id=original.pk).identifier
    tree = etree.fromstring(
        client.get("/oai/", {"verb": "GetRecord", "metadataPrefix": "ttnq", "identifier": identifier}).content
    )
    assert tree.xpath("//p:translation/@language", namespaces=NS) == ["fr"]


@override_settings(OAI_PAGE_SIZE=1)
def test_a_resumption_token_is_understood_by_another_process(client, db):
    make_product(title="Một")
    make_product(title="Hai")
    tree = etree.fromstring(
        client.get("/oai/", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}).content
    )
    token = tree.findtext(".//o:resumptionToken", namespaces=NS)
    script = (
        "import django, sys; django.setup(); from oai import protocol; "
        "state = protocol.redeem_token('ListIdentifiers', sys.argv[1]); print(state['p'], state['n'], state['c'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }  # the same SECRET_KEY, nothing else shared
    done = subprocess.run(  # noqa: S603 - our interpreter, fixed arguments
        [sys.executable, "-c", script, token], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split() == ["oai_dc", "2", "1"], done.stderr


def test_identifiers_stay_what_harvesters_were_given_when_the_address_changes(client, db, settings):
    original = make_product(title="Gốc")
    translation = make_product(title="Bahnar", language="bdq", translation_of=original)
    old = Record.objects.get(page_id=translation.pk).identifier
    settings.OAI_REPOSITORY_IDENTIFIER = "moi.example.vn"
    identifier = Record.objects.get(page_id=original.pk).identifier
    tree = etree.fromstring(
        client.get("/oai/", {"verb": "GetRecord", "metadataPrefix": "ttnq", "identifier": identifier}).content
    )
    assert tree.xpath("//p:translation/text()", namespaces=NS) == [old]
    assert not old.startswith("oai:moi.example.vn:")
    newcomer = make_product(title="Mới")
    assert Record.objects.get(page_id=newcomer.pk).identifier == f"oai:moi.example.vn:product-{newcomer.pk}"
