"""A stored file answered whole (200) or in one byte range (206, or 416 when unsatisfiable).

Podcast apps and the browser's ``<audio>``/``<video>`` seek with ``Range: bytes=…``; Django's
``FileResponse`` ignores the header and sends the whole file, so a listener seeking to minute
40 of an hour-long feature waited for the first 40 minutes to download. Only what a player
sends is answered (RFC 9110 §14): one range ``a-b``, ``a-`` or ``-n``. Several ranges, a
syntax this does not read or an ``If-Range`` that no longer matches get the whole file (the
RFC lets a server ignore ``Range``); a range that starts past the end is a 416 saying the size.

The part is sent from the open file positioned at its start, through a reader that stops at
its end and still offers ``fileno()``: gunicorn then sends it with ``sendfile()`` (the length
from ``Content-Length``) without Python reading it.

Who may have the file is not decided here: the caller has asked ``media_access`` first.
"""

import os
import re
from mimetypes import guess_type

from django.http import FileResponse, HttpResponse, HttpResponseNotModified
from django.utils.http import http_date
from wagtail.utils.sendfile_streaming_backend import was_modified_since

# ASCII digits only: "٠-٩" is no range (Python's \d would read Arabic-Indic digits).
ONE_RANGE = re.compile(r"bytes=([0-9]*)-([0-9]*)")
UNSATISFIABLE = "unsatisfiable"


def parse_range(header, size):
    """(first, last) byte of the one range ``header`` asks for, ``UNSATISFIABLE``, or None (whole)."""
    match = ONE_RANGE.fullmatch((header or "").strip())
    if match is None or match.group(0) == "bytes=-":
        return None
    first, last = match.groups()
    if not first:  # "-n": the last n bytes
        suffix = int(last)
        return (max(size - suffix, 0), size - 1) if suffix and size else UNSATISFIABLE
    first = int(first)
    if last and int(last) < first:
        return None  # not a valid range: ignored
    if first >= size:
        return UNSATISFIABLE
    return first, min(int(last), size - 1) if last else size - 1


class FilePart:
    """``length`` bytes of an open file from its current position; ``fileno()`` for sendfile."""

    def __init__(self, handle, length):
        self.handle, self.remaining = handle, length
        self.mode = handle.mode

    def read(self, size=-1):
        if self.remaining <= 0:
            return b""
        size = self.remaining if size is None or size < 0 else min(size, self.remaining)
        data = self.handle.read(size)
        self.remaining -= len(data)
        return data

    def fileno(self):
        return self.handle.fileno()

    def close(self):
        self.handle.close()


def content_type(path):
    guessed, encoding = guess_type(path)
    return "application/octet-stream" if encoding or not guessed else guessed


def ranged_file_response(request, path):
    """The file at ``path`` as a 200, 206, 304 or 416, for GET and HEAD alike."""
    stat = os.stat(path)
    size, last_modified = stat.st_size, http_date(stat.st_mtime)
    if not was_modified_since(request.headers.get("If-Modified-Since"), int(stat.st_mtime)):
        return HttpResponseNotModified()
    wanted = None
    if request.headers.get("If-Range") in (None, last_modified):
        wanted = parse_range(request.headers.get("Range"), size)
    if wanted == UNSATISFIABLE:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        first, last = wanted or (0, size - 1)
        length = last - first + 1 if size else 0
        response = _file_or_headers(request, path, first, length)
        response["Content-Type"] = content_type(path)
        response["Content-Length"] = str(length)
        if wanted:
            response.status_code = 206
            response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = last_modified
    return response


def _file_or_headers(request, path, first, length):
    if request.method == "HEAD":
        return HttpResponse()
    handle = open(path, "rb")  # noqa: SIM115 - the response closes it
    handle.seek(first)
    return FileResponse(FilePart(handle, length))
