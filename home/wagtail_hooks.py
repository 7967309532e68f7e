"""The page cache learns which query parameters the Wagtail page being served reads."""

from wagtail import hooks

from home.cache import page_params


@hooks.register("on_serve_page")
def note_the_parameters_the_page_reads(serve_page):
    """Only pages that are served get here (after Wagtail's privacy checks): the cache
    stores a page only when every parameter of the request is one this page reads."""

    def serve(page, request, args, kwargs):
        request.page_cache_params = page_params(page)
        return serve_page(page, request, args, kwargs)

    return serve
