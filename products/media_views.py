"""Serving uploaded files: every request for one goes through ``media_access.may_serve``.

``/media/<path>`` maps the path back to the file's owner (an original image, a rendition's
image, a document, an audio/video file or its thumbnail) and asks the rule; a path that no
owner claims is not served at all. ``/documents/<id>/<name>`` is Wagtail's own view, which
asks the same rule through the ``before_serve_document`` hook below.

``/media/`` answers byte ranges (``products.ranges``: podcast apps and players seek with them).
In production set ``MEDIA_X_ACCEL_REDIRECT`` to nginx's internal location for ``MEDIA_ROOT``:
the answer is then an ``X-Accel-Redirect`` there, given only after the rule said yes, and nginx
streams the file and answers the ranges itself (docs/deploy.md). Wagtail's document view sends
its bytes through ``wagtail.utils.sendfile`` (``SENDFILE_BACKEND``). Files that are public may
also be served by the front server directly: ``public_file_names()`` lists them.
"""

import posixpath
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model

from products import media_access
from products.ranges import content_type, ranged_file_response

# How long a shared cache may keep a public file: unpublishing makes it private again.
PUBLIC_MAX_AGE = 300


def _owners():
    """(folder under MEDIA_ROOT, how to find the file's owner by its stored name)."""
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    document_model, _, media_model = (kind.model for kind in media_access.file_kinds())
    return (
        ("original_images/", lambda name: image_model.objects.filter(file=name).first()),
        ("images/", lambda name: getattr(rendition_model.objects.filter(file=name).first(), "image", None)),
        ("documents/", lambda name: document_model.objects.filter(file=name).first()),
        ("media/", lambda name: media_model.objects.filter(file=name).first()),
        ("media_thumbnails/", lambda name: media_model.objects.filter(thumbnail=name).first()),
    )


def owner_of(name):
    """The Document, Image or Media a stored file name belongs to, or None."""
    for folder, find in _owners():
        if name.startswith(folder):
            return find(name)
    return None


def clean_name(path):
    """A storage name from a URL path, or None for anything that leaves the media folder."""
    name = posixpath.normpath(path).lstrip("/")
    # A NUL byte is in no stored name (and PostgreSQL refuses it in a query: it was a 500).
    if not path or name != path or name.startswith("..") or "\\" in name or "\x00" in name:
        return None
    return name


def with_cache_headers(response, public):
    """Shared caches may keep a public file a few minutes; a private one is never stored."""
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (the hook below decides) with the cache headers of the rule."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.status_code == 200:
        with_cache_headers(response, media_access.is_public(get_document_model().objects.get(pk=document_id)))
    return response


def serve_media(request, path):
    name = clean_name(path)
    owner = owner_of(name) if name else None
    public = owner is not None and media_access.is_public(owner)
    if owner is None or not (public or media_access.may_serve(request, owner)):
        raise Http404
    path = Path(settings.MEDIA_ROOT) / name
    if not path.is_file():
        raise Http404
    if settings.MEDIA_X_ACCEL_REDIRECT:
        response = accel_redirect(name)
    else:
        response = ranged_file_response(request, path)
    response["X-Content-Type-Options"] = "nosniff"
    return with_cache_headers(response, public)


def accel_redirect(name):
    """Hand a file Django allowed to nginx's internal location; nginx sends it and its ranges.

    nginx keeps this answer's Content-Type, Cache-Control and Accept-Ranges and adds the
    length, Last-Modified and, for a range, 206 and Content-Range.
    """
    response = HttpResponse(content_type=content_type(name))
    location = settings.MEDIA_X_ACCEL_REDIRECT.rstrip("/")
    response["X-Accel-Redirect"] = quote(f"{location}/{name}")
    response["Accept-Ranges"] = "bytes"
    return response


def public_file_names():
    """Storage names a front server may serve to anyone: every file of a public owner."""
    image_model = get_image_model()
    for kind in media_access.file_kinds():
        for obj in media_access.public_files(kind.model).iterator():
            yield obj.file.name
            if getattr(obj, "thumbnail", None):
                yield obj.thumbnail.name
            if kind.model is image_model:
                yield from obj.renditions.values_list("file", flat=True)


@hooks.register("before_serve_document")
def refuse_private_document(document, request):
    """A private document is not found, as a draft's page is not."""
    if not media_access.may_serve(request, document):
        raise Http404
