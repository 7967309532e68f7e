from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import podcasts, sitemaps
from home import views as portal_views
from home.feeds import ProductAtomFeed, ProductFeed
from home.podcast_feed import PodcastFeed, ProgrammeFeed
from ops.health import health
from products.api import api_router
from products.media_views import serve_document, serve_media

SITEMAPS = {"pages": sitemaps.PortalSitemap}

urlpatterns = [
    path("health/", health, name="health"),
    path("", portal_views.choose_language, name="portal_choose_language"),
    path("language/<str:code>/", portal_views.remember_language, name="portal_remember_language"),
    path("robots.txt", portal_views.robots_txt, name="portal_robots"),
    path("favicon.ico", portal_views.favicon, name="portal_favicon"),
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "portal_sitemap"},
        name="portal_sitemap_index",
    ),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="portal_sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/<int:document_id>/<str:document_filename>", serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/", include("search.api_urls")),
    path("oai/", include("oai.urls")),
    # Scan page images (asked of the file's privacy rule) and corrections of their text.
    path("scans/", include("digitise.urls")),
    # Uploaded files, each checked by products.media_access.may_serve (in DEBUG and in production).
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media, name="serve_media"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("feeds/rss/", ProductFeed(), name="portal_feed_rss"),
    path("feeds/atom/", ProductAtomFeed(), name="portal_feed_atom"),
    path("podcasts/", podcasts.directory, name="portal_podcasts"),
    path("podcasts/rss/", PodcastFeed(), name="portal_podcast_language"),
    path("podcasts/<slug:unit>/<slug:format>/rss/", ProgrammeFeed(), name="portal_podcast_programme"),
    path("podcasts/transcripts/<int:product_id>.txt", podcasts.transcript, name="portal_podcast_transcript"),
    path("kich-ban/", include("monitoring.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "home.views.bad_request"
handler404 = "home.views.page_not_found"
