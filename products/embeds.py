"""Embeds of YouTube, Facebook and TikTok posts built from the URL, with no network call.

Wagtail's oEmbed finders ask the provider at save time, which fails on the offline
networks many provincial offices use. These providers publish stable embed URLs, so
the iframe is derived from the post's URL; any other URL falls through to oEmbed.
"""

import re
from urllib.parse import parse_qs, quote, urlparse

from django.utils.html import format_html
from wagtail.embeds.finders.base import EmbedFinder

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
FACEBOOK_HOSTS = {"facebook.com", "www.facebook.com", "m.facebook.com", "fb.watch"}
TIKTOK_VIDEO = re.compile(r"^/@[\w.-]+/video/(\d+)")
YOUTUBE_ID = re.compile(r"^[\w-]{6,20}$")


def youtube_id(url):
    parsed = urlparse(url)
    if parsed.hostname == "youtu.be":
        candidate = parsed.path.lstrip("/")
    elif parsed.path.startswith(("/embed/", "/shorts/")):
        candidate = parsed.path.split("/")[2]
    else:
        candidate = parse_qs(parsed.query).get("v", [""])[0]
    return candidate if YOUTUBE_ID.match(candidate or "") else None


def embed_src(url):
    """The provider's iframe URL for a post URL, or None when the URL is not a post we know."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if parsed.scheme not in ("http", "https"):
        return None, None
    if host in YOUTUBE_HOSTS and (video := youtube_id(url)):
        return "YouTube", f"https://www.youtube-nocookie.com/embed/{video}"
    if host.endswith("tiktok.com") and (match := TIKTOK_VIDEO.match(parsed.path)):
        return "TikTok", f"https://www.tiktok.com/embed/v2/{match.group(1)}"
    if host in FACEBOOK_HOSTS:
        plugin = "video" if "/videos/" in parsed.path or host == "fb.watch" else "post"
        return "Facebook", f"https://www.facebook.com/plugins/{plugin}.php?href={quote(url, safe='')}"
    return None, None


class SocialPostFinder(EmbedFinder):
    def __init__(self, **options):
        self.options = options

    def accept(self, url):
        return embed_src(url)[1] is not None

    def find_embed(self, url, max_width=None, max_height=None):
        provider, src = embed_src(url)
        width, height = {"YouTube": (560, 315), "TikTok": (325, 740)}.get(provider, (560, 560))
        html = format_html(
            '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" '
            'referrerpolicy="strict-origin" allow="encrypted-media; picture-in-picture; fullscreen" '
            "allowfullscreen></iframe>",
            src,
            width,
            height,
            provider,
        )
        return {
            "title": "",
            "author_name": "",
            "provider_name": provider,
            "type": "video",
            "thumbnail_url": None,
            "width": width,
            "height": height,
            "html": str(html),
        }
