"""A live server for the browser tests that write (Wagtail's autosave), and the page tree that an
earlier transactional test's flush removed."""

from importlib import import_module

from django.apps import apps as django_apps
from django.core.servers.basehttp import WSGIServer
from wagtail.models import Collection, Locale, Page


class SerialWSGIServer(WSGIServer):
    """Django's plain WSGI server: one request at a time, in the live server's thread (which
    already uses the test's database connections)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


def page_tree_of_the_migrations():
    """An earlier transactional test (another browser test) flushes the database, the page tree
    the migrations made included; make it again as they do (root, then the Vietnamese home), with
    the root collection."""
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if Page.objects.exists():
        return
    Locale.objects.get_or_create(language_code="vi")
    Page.add_root(instance=Page(title="Root", slug="root"))
    create_homepage = import_module("home.migrations.0002_create_homepage").create_homepage
    create_homepage(django_apps, None)
    Page.objects.filter(depth=1).update(numchild=1)  # the migration took Wagtail's welcome page's place
