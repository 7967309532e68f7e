"""Seeking in an episode: /media/ answers byte ranges (206, 416, HEAD) behind the same privacy gate.

Podcast apps and the browser's <audio> ask for ``Range: bytes=…`` to seek; without 206 they
download the whole file first (or cannot seek at all).
"""

import pytest
from django.test import override_settings

from tests.podcasts.conftest import AUDIO, episode, new_media

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_url(registers):
    media = new_media()
    episode("Phóng sự Bahnar", media=media)
    return media.file.url


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_whole_file_says_it_takes_ranges(client, public_url):
    response = client.get(public_url)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(AUDIO))
    assert response["Content-Type"] == "audio/mpeg"
    assert body(response) == AUDIO


@pytest.mark.parametrize(
    "header, start, end",
    [
        ("bytes=0-99", 0, 99),
        ("bytes=100-199", 100, 199),
        ("bytes=900-", 900, 999),
        ("bytes=-10", 990, 999),
        ("bytes=990-5000", 990, 999),  # an end past the file's stops at its last byte
        ("bytes=-5000", 0, 999),  # a suffix longer than the file is the whole file
        ("bytes=999-999", 999, 999),
    ],
)
def test_one_range_is_a_206_with_exactly_those_bytes(client, public_url, header, start, end):
    response = client.get(public_url, HTTP_RANGE=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{len(AUDIO)}"
    assert response["Content-Length"] == str(end - start + 1)
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == AUDIO[start : end + 1]


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=5000-6000", "bytes=-0"])
def test_unsatisfiable_range_is_a_416(client, public_url, header):
    response = client.get(public_url, HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(AUDIO)}"


@pytest.mark.parametrize("header", ["bytes=5-2", "items=0-9", "bytes=0-1,5-9", "bytes=٠-٩", "bytes=x-"])
def test_a_range_not_understood_is_ignored_whole_file(client, public_url, header):
    response = client.get(public_url, HTTP_RANGE=header)
    assert response.status_code == 200
    assert body(response) == AUDIO


def test_if_range_with_another_date_gets_the_whole_file(client, public_url):
    response = client.get(public_url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE="Mon, 01 Jan 2001 00:00:00 GMT")
    assert response.status_code == 200
    last_modified = response["Last-Modified"]
    again = client.get(public_url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=last_modified)
    assert again.status_code == 206 and body(again) == AUDIO[:10]


def test_head_has_the_headers_and_no_body(client, public_url):
    response = client.head(public_url, HTTP_RANGE="bytes=10-19")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 10-19/{len(AUDIO)}"
    assert response["Content-Length"] == "10"
    assert body(response) == b""
    whole = client.head(public_url)
    assert whole.status_code == 200 and whole["Content-Length"] == str(len(AUDIO))
    assert whole["Accept-Ranges"] == "bytes" and body(whole) == b""


@pytest.mark.parametrize("state", ["draft", "unpublished", "restricted"])
def test_a_private_file_stays_private_with_a_range(client, hidden_episodes, state):
    url = hidden_episodes[state].attachments.first().media.file.url
    for headers in ({}, {"HTTP_RANGE": "bytes=0-9"}, {"HTTP_RANGE": "bytes=-0"}):
        assert client.get(url, **headers).status_code == 404
        assert client.head(url, **headers).status_code == 404


def test_private_file_ranges_for_its_desk_and_never_stored(client, people, hidden_episodes):
    url = hidden_episodes["draft"].attachments.first().media.file.url
    client.force_login(people.auditor)  # sees every private file (matrix row media.download_private)
    response = client.get(url, HTTP_RANGE="bytes=0-9")
    assert response.status_code == 206 and body(response) == AUDIO[:10]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@override_settings(MEDIA_X_ACCEL_REDIRECT="/protected-media/")
def test_production_hands_the_file_to_nginx_after_the_gate(client, public_url, hidden_episodes):
    response = client.get(public_url, HTTP_RANGE="bytes=0-9")
    assert response.status_code == 200  # nginx answers the range from the internal location
    assert response["X-Accel-Redirect"] == "/protected-media/" + public_url.removeprefix("/media/")
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == b""
    assert "public" in response["Cache-Control"]
    private = hidden_episodes["draft"].attachments.first().media.file.url
    refused = client.get(private, HTTP_RANGE="bytes=0-9")
    assert refused.status_code == 404 and not refused.has_header("X-Accel-Redirect")


@override_settings(MEDIA_X_ACCEL_REDIRECT="/protected-media/")
def test_x_accel_path_is_quoted(client, registers):
    media = new_media(name="phóng sự số 1.mp3")
    episode("Tên tệp có dấu", media=media)
    response = client.get(media.file.url)
    name = media.file.name
    assert name.startswith("media/")
    assert response["X-Accel-Redirect"].startswith("/protected-media/media/")
    assert " " not in response["X-Accel-Redirect"] and "ó" not in response["X-Accel-Redirect"]
