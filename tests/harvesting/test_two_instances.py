"""One instance harvests another over HTTP: a full copy, then exactly the changes.

The source is a second server process on its own database (``conftest.source_instance``);
``manage.py harvest_oai`` runs here, into the test database.
"""

import io

import pytest
from django.core.management import CommandError, call_command

from audit.share import Period, Query, compute
from harvesting.models import RemoteRecord, Source
from ops.scratch import free_port
from tests.factories import make_product
from tests.oai.conftest import next_second

pytestmark = pytest.mark.django_db


def harvest(*args):
    out = io.StringIO()
    call_command("harvest_oai", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def copied(source):
    """{source page id: (title, language, area, unit, deleted)} of the records harvested."""
    return {
        int(r.identifier.rsplit("-", 1)[1]): (r.title, r.language, r.area, r.unit, r.deleted)
        for r in RemoteRecord.objects.filter(source=source)
    }


def test_a_province_is_harvested_then_exactly_its_changes_arrive(source_instance):
    kept, kept_url = source_instance.publish(title="Quyền trẻ em ở Đăk Tô", area="I")
    edited, _ = source_instance.publish(title="Hơ̆k 'Bok ŭnh", language="bdq", unit="dai-ptth-kon-tum")
    withdrawn, _ = source_instance.publish(title="Phóng sự sắp gỡ", area="II")
    next_second()

    out = harvest("--url", source_instance.oai_url, "--name", "Tỉnh Kon Tum")

    assert "Tỉnh Kon Tum: 3 mới, 0 cập nhật, 0 bị rút, 0 không đổi" in out
    source = Source.objects.get()
    assert source.metadata_prefix == "" and source.last_ok and source.last_datestamp
    assert copied(source) == {
        kept: ("Quyền trẻ em ở Đăk Tô", "vi", "I", "bao-kon-tum", False),
        edited: ("Hơ̆k 'Bok ŭnh", "bdq", "III", "dai-ptth-kon-tum", False),
        withdrawn: ("Phóng sự sắp gỡ", "vi", "II", "bao-kon-tum", False),
    }
    record = RemoteRecord.objects.get(identifier__endswith=f"-{kept}")
    assert record.url.endswith(kept_url) and record.url.startswith("http")
    assert record.unit_name and "<product" in record.metadata_xml  # the rich ttnq format was chosen
    first_stamp = source.last_datestamp
    next_second()

    source_instance.run(
        "from products.models import ProductPage\n"
        f"page = ProductPage.objects.get(pk={edited})\npage.title = 'Hơ̆k ŭnh (sửa)'\n"
        f"page.save_revision().publish()\nProductPage.objects.get(pk={withdrawn}).unpublish()\nprint(1)"
    )
    added, _ = source_instance.publish(title="Sản phẩm mới ở Sa Thầy", language="en", area="V")
    next_second()

    assert "3 mới" not in (out := harvest())
    assert "Tỉnh Kon Tum: 1 mới, 1 cập nhật, 1 bị rút, 0 không đổi" in out
    source.refresh_from_db()
    assert source.last_datestamp > first_stamp
    assert copied(source) == {
        kept: ("Quyền trẻ em ở Đăk Tô", "vi", "I", "bao-kon-tum", False),
        edited: ("Hơ̆k ŭnh (sửa)", "bdq", "III", "dai-ptth-kon-tum", False),
        withdrawn: ("Phóng sự sắp gỡ", "vi", "II", "bao-kon-tum", True),
        added: ("Sản phẩm mới ở Sa Thầy", "en", "V", "bao-kon-tum", False),
    }

    assert "Tỉnh Kon Tum: 0 mới, 0 cập nhật, 0 bị rút, 0 không đổi" in harvest("Tỉnh Kon Tum")


def test_the_local_audit_does_not_count_harvested_records(source_instance, registers):
    make_product(
        title="Sản phẩm của tỉnh", language="bdq", publications=[("facebook", Period.year(2024).start)]
    )
    make_product(title="Sản phẩm tiếng Việt", publications=[("print", Period.year(2024).start)])
    for language in ("bdq", "en", "jra"):
        source_instance.publish(title=f"Sản phẩm tỉnh bạn {language}", language=language)
    before = compute(Query(Period.year(2024))).as_json()

    harvest("--url", source_instance.oai_url, "--name", "Tỉnh bạn")

    assert RemoteRecord.objects.filter(language="jra", deleted=False).exists()
    assert compute(Query(Period.year(2024))).as_json() == before
    assert before["total"] == 2 and before["counted"] == 1


def test_an_unreachable_source_is_an_error_not_a_traceback(db):
    url = f"http://127.0.0.1:{free_port()}/oai/"
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 trong 1 nguồn không thu thập được"):
        call_command("harvest_oai", "--url", url, stdout=io.StringIO(), stderr=err)
    assert f"Không kết nối được tới {url}" in err.getvalue() and "Traceback" not in err.getvalue()
    source = Source.objects.get()
    assert (source.last_ok, source.last_datestamp) == (False, "")
    assert "Không kết nối được" in source.last_result


def test_an_oai_error_is_reported_with_its_code(source_instance):
    Source.objects.create(name="Sai định dạng", base_url=source_instance.oai_url, metadata_prefix="marc21")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("harvest_oai", "Sai định dạng", stdout=io.StringIO(), stderr=err)
    assert "trả lời lỗi cannotDisseminateFormat" in err.getvalue()
    assert Source.objects.get().last_datestamp == ""


def test_an_unknown_source_name_is_an_error(db):
    with pytest.raises(CommandError, match="Không có nguồn thu thập nào"):
        call_command("harvest_oai", "Tỉnh không có")
