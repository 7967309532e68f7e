"""A real OAI-PMH client (Sickle) pointed at the Django test client.

Sickle speaks HTTP through ``requests``: a transport adapter hands each request to Django's
test client, so the harvest runs inside the test's transaction (no server, no flush) while
Sickle parses real responses. pyoai, the second client, is in ``test_pyoai.py``.
"""

import datetime
import time
from urllib.parse import urlsplit

import pytest
import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from sickle import Sickle
from wagtail.models import PageViewRestriction

from oai import queue
from oai.models import Record

ENDPOINT = "http://testserver/oai/"


class DjangoClientAdapter(BaseAdapter):
    def __init__(self, client):
        super().__init__()
        self.client = client

    def send(self, request, **kwargs):
        url = urlsplit(request.url)
        path = url.path + (f"?{url.query}" if url.query else "")
        if request.method == "POST":
            answer = self.client.generic(
                "POST", path, request.body or b"", content_type=request.headers.get("Content-Type", "")
            )
        else:
            answer = self.client.get(path)
        response = requests.Response()
        response.status_code = answer.status_code
        response._content = answer.content
        response.headers = CaseInsensitiveDict(dict(answer.items()))
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        return response

    def close(self):
        pass


class RoutedSickle(Sickle):
    def __init__(self, client, **kwargs):
        super().__init__(ENDPOINT, **kwargs)
        self.session = requests.Session()
        self.session.mount("http://testserver/", DjangoClientAdapter(client))

    def _request(self, kwargs):
        if self.http_method == "GET":
            return self.session.get(self.endpoint, params=kwargs)
        return self.session.post(self.endpoint, data=kwargs)


@pytest.fixture(autouse=True)
def records_follow_at_once(monkeypatch):
    """Records are refreshed after the change's transaction commits (``oai.queue``), and a test's
    transaction never commits: here each change's queued products are drained at once, as the
    commit right after it would. ``test_queue.py`` checks the real order (it overrides this)."""
    enqueue = queue.enqueue

    def enqueue_then_drain(page_ids):
        enqueue(page_ids)
        queue.drain()

    monkeypatch.setattr(queue, "enqueue", enqueue_then_drain)


@pytest.fixture
def sickle(client):
    return RoutedSickle(client)


def page_id(identifier):
    """The product id at the end of an OAI identifier (``oai:host:product-12``)."""
    return int(identifier.rsplit("-", 1)[1])


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type="password", password="mat-khau")


def next_second():
    """Sleep into the next wall-clock second: datestamps have seconds granularity."""
    time.sleep(1.05 - datetime.datetime.now().microsecond / 1e6)


def age_records(when=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)):
    """Move every record's datestamp back, as if the archive had been written long ago."""
    Record.objects.update(datestamp=when)
    return when
