"""The admin speaks Vietnamese: Wagtail's, wagtailmedia's and modeltranslation's strings resolve
to the override catalog (locale/_overrides/), for Django's templates and the JavaScript catalog."""

import datetime
import json
import re

from django.utils import timezone, translation
from django.utils.timesince import timesince
from wagtail.users.models import UserProfile

from tools import admin_strings

MIN_SHARE = 0.95


def test_at_least_95_percent_of_admin_msgids_resolve_to_vietnamese():
    """Computed as `make admin-strings` computes it: a Wagtail upgrade that adds strings fails here."""
    shares = admin_strings.measure()
    share, count, _ = admin_strings.total_share(shares)
    labels = {s.label for s in shares}
    assert {"wagtail", "wagtail.admin", "wagtail.images", "wagtail.documents", "wagtailmedia"} <= labels
    assert count > 1500
    missing = [m.msgid for s in shares for m in s.missing]
    assert share >= MIN_SHARE, f"{share:.1%} in Vietnamese; still English: {missing[:30]}"
    for s in shares:
        assert s.share >= MIN_SHARE, f"{s.label}: {s.share:.1%}, still English: {s.missing[:10]}"


def test_a_msgid_without_vietnamese_counts_as_missing():
    """The measure is not blind: a msgid no catalog knows is reported, an identical copy too."""
    catalogs = admin_strings.active_catalogs()
    unknown = admin_strings.Msgid("django", "A string no catalog has heard of")
    assert not admin_strings.resolves(unknown, catalogs, deliberate=set())
    stated = admin_strings.Msgid("django", "URL")  # "URL" in Vietnamese too, stated in the override
    assert admin_strings.resolves(stated, catalogs, admin_strings.override_msgids())
    assert not admin_strings.resolves(stated, catalogs, deliberate=set())


def test_override_beats_wagtails_own_vietnamese():
    """Wagtail ships "Edit" as "Biên tập" and "Locale" as "Vùng miền"; the newsroom's words win."""
    with translation.override("vi"):
        assert translation.gettext("Edit") == "Sửa"
        assert translation.gettext("Locale") == "Ngôn ngữ"
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.ngettext("%(count)s image", "%(count)s images", 3) % {"count": 3} == "3 hình ảnh"


def js_catalog(client):
    body = client.get("/admin/jsi18n/").content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))


def test_javascript_catalog_is_served_in_vietnamese(client, reporter):
    client.force_login(reporter)
    catalog = js_catalog(client)
    assert catalog["Collapse all"] == "Thu gọn tất cả"
    assert catalog["Edit"] == "Sửa"  # not Wagtail's own "Biên tập": LOCALE_PATHS win in the JS catalog too
    assert catalog["%(num)s error"] == ["%(num)s lỗi"]
    assert catalog["Write something or type ‘/’ to insert a block"].startswith("Viết nội dung")


def test_javascript_catalog_stays_english_for_an_english_admin(client, reporter):
    profile = UserProfile.get_for_user(reporter)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(reporter)
    body = client.get("/admin/jsi18n/").content.decode()
    assert "Thu gọn tất cả" not in body and "Sửa" not in body


def test_djangos_strings_missing_from_its_vietnamese_catalog_are_covered():
    """Django's vi catalog lacks the "… ago" units the admin's listings show."""
    with translation.override("vi"):
        three_minutes_ago = timezone.now() - datetime.timedelta(minutes=3, seconds=5)
        assert timesince(three_minutes_ago) == "3\xa0phút"
        assert timesince(timezone.now() - datetime.timedelta(days=15)) == "2\xa0tuần, 1\xa0ngày"


def test_ci_gate_fails_when_the_override_catalog_is_not_loaded(settings, capsys):
    """`python -m tools.admin_strings --min-share 95`, the CI step: green now, red without the override."""
    assert admin_strings.main(["--min-share", "95"]) == 0
    settings.LOCALE_PATHS = [p for p in settings.LOCALE_PATHS if p.name != "_overrides"]
    assert admin_strings.main(["--min-share", "95"]) == 1
    assert "below 95 %" in capsys.readouterr().err
