"""Posts on YouTube, Facebook and TikTok embed from their URL without any network call."""

import pytest
from wagtail.embeds.embeds import get_embed

from products.embeds import embed_src


@pytest.mark.parametrize(
    "url,provider,src",
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://www.tiktok.com/@ptthkontum/video/7312345678901234567",
            "TikTok",
            "https://www.tiktok.com/embed/v2/7312345678901234567",
        ),
        (
            "https://www.facebook.com/ptthkontum/posts/123",
            "Facebook",
            "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fptthkontum%2Fposts%2F123",
        ),
    ],
)
def test_known_post_urls(url, provider, src):
    assert embed_src(url) == (provider, src)


@pytest.mark.parametrize(
    "url", ["https://example.org/video", "javascript:alert(1)", "https://www.youtube.com/watch?v=<script>"]
)
def test_other_urls_are_not_ours(url):
    assert embed_src(url) == (None, None)


def test_embed_block_renders_iframe_offline(db):
    embed = get_embed("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    assert embed.provider_name == "YouTube"
    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in embed.html
