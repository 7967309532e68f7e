"""The digital-channel trail names the person who changed the flag, and nobody else (issue 25).

Seen on main: after any admin edit of a channel, the admin hook stamped the editor onto the
newest change of that channel that had no user, even when this edit left the flag alone, so a
change made from the shell or an import was signed with the name of whoever next renamed the
channel. The name now comes from Wagtail's log context, read when the change row is written.
"""

import pytest
from django.urls import reverse

from audit.models import DigitalChannelChange

pytestmark = pytest.mark.django_db


def edit(client, channel, **changes):
    data = {
        "slug": channel.slug,
        "name_vi": channel.name_vi,
        "name_en": channel.name_en,
        "sort_order": channel.sort_order,
        **changes,
    }
    if data.pop("is_digital", channel.is_digital):
        data["is_digital"] = "on"
    response = client.post(reverse("wagtailsnippets_products_channel:edit", args=[channel.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_edit_that_leaves_the_flag_alone_names_nobody(admin_client, registers):
    channel = registers.channel["radio"]
    channel.is_digital = not channel.is_digital
    channel.save()  # the shell or an import: nobody to name
    unattributed = DigitalChannelChange.objects.get(channel=channel)
    assert unattributed.user is None

    edit(admin_client, channel, name_vi="Phát thanh (đã đổi tên)")

    unattributed.refresh_from_db()
    assert unattributed.user is None
    assert DigitalChannelChange.objects.filter(channel=channel).count() == 1


def test_the_admin_who_changes_the_flag_is_named_on_that_change(admin_client, admin_user, registers):
    channel = registers.channel["radio"]
    channel.is_digital = not channel.is_digital
    channel.save()
    earlier = DigitalChannelChange.objects.get(channel=channel)

    edit(admin_client, channel, is_digital=not channel.is_digital)

    earlier.refresh_from_db()
    assert earlier.user is None
    latest = DigitalChannelChange.objects.filter(channel=channel).exclude(pk=earlier.pk).get()
    assert latest.user == admin_user
    assert latest.is_digital is False if channel.is_digital else latest.is_digital is True


def test_a_digital_channel_created_in_the_admin_names_its_creator(admin_client, admin_user, registers):
    data = {"slug": "podcast-app", "name_vi": "Ứng dụng podcast", "name_en": "Podcast app", "sort_order": 99}
    response = admin_client.post(
        reverse("wagtailsnippets_products_channel:add"), {**data, "is_digital": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    change = DigitalChannelChange.objects.get(channel__slug="podcast-app")
    assert change.user == admin_user and change.is_digital
