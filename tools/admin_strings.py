"""How much of the admin speaks Vietnamese: the share of the third-party admin strings
(Wagtail's apps, wagtailmedia, modeltranslation) that resolve to Vietnamese in the
catalogs Django actually loads: the apps' own, merged with ``LOCALE_PATHS`` (the
project's ``locale/`` and the override catalog ``locale/_overrides/``).

    python -m tools.admin_strings                  # share per app and in total
    python -m tools.admin_strings --missing        # ... and every msgid still in English
    python -m tools.admin_strings --min-share 95   # exit 1 below 95 % (CI)
    python -m tools.admin_strings --add-missing    # append them, empty, to the override catalog

After a Wagtail upgrade its new msgids show up here as missing; ``--add-missing`` puts
them in ``locale/_overrides/vi/LC_MESSAGES/<domain>.po`` for a translator.

Why a script under ``tools/`` and not a management command: it audits other packages'
catalogs for CI and for whoever upgrades Wagtail; none of the project's apps (home,
products, search, audit) owns the admin's translation, and a command would have to live
in one of them. It still runs inside Django (settings, the real translation machinery),
and the test suite imports it, so the test and CI compute the same figure.
"""

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.utils.translation import trans_real
from django.views.i18n import JavaScriptCatalog

LANGUAGE = "vi"
DOMAINS = ("django", "djangojs")
# The JavaScript catalog view of the admin (wagtail.admin.views.i18n) serves these packages.
JS_CATALOG_PACKAGES = ["wagtail.admin"]
# Translatable calls in packages that ship no English catalog to read msgids from.
PY_GETTEXT = re.compile(r"""\b_\(\s*["']([^"'\\]+)["']\s*\)""")
JS_GETTEXT = re.compile(r"""\bgettext\(\s*["']([^"'\\]+)["']\s*\)""")


@dataclass(frozen=True)
class Msgid:
    domain: str
    msgid: str
    context: str | None = None
    plural: str | None = None


@dataclass
class AppShare:
    label: str
    msgids: list = field(default_factory=list)
    missing: list = field(default_factory=list)

    @property
    def share(self):
        return 1 - len(self.missing) / len(self.msgids) if self.msgids else 1.0


def admin_apps():
    """The installed apps whose strings editors meet: Wagtail's, wagtailmedia, modeltranslation."""
    wanted = ("wagtail", "wagtailmedia", "modeltranslation")
    return [app for app in apps.get_app_configs() if app.name.split(".")[0] in wanted]


def app_msgids(app_config):
    """The app's msgids per domain: from its English catalog, else from its source."""
    found = []
    root = Path(app_config.path)
    for domain in DOMAINS:
        catalog = root / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if catalog.exists():
            found += [
                Msgid(domain, e.msgid, e.msgctxt, e.msgid_plural or None)
                for e in polib.pofile(str(catalog))
                if not e.obsolete and e.msgid
            ]
        else:
            found += scanned_msgids(root, domain)
    return list(dict.fromkeys(found))


def scanned_msgids(root, domain):
    """Literal gettext calls in a package without an English catalog (its tests excluded)."""
    pattern, suffix = (PY_GETTEXT, ".py") if domain == "django" else (JS_GETTEXT, ".js")
    msgids = []
    for path in sorted(root.rglob(f"*{suffix}")):
        if "tests" in path.relative_to(root).parts:
            continue
        msgids += [Msgid(domain, text) for text in pattern.findall(path.read_text(encoding="utf-8"))]
    return msgids


def active_catalogs(language=LANGUAGE):
    """What Django serves for ``language``: the merged ``django`` catalog, and the ``djangojs``
    catalog built exactly as the admin's JavaScript catalog view builds it."""
    js_paths = JavaScriptCatalog().get_paths(JS_CATALOG_PACKAGES)
    return {
        "django": trans_real.translation(language),
        "djangojs": trans_real.DjangoTranslation(language, domain="djangojs", localedirs=js_paths),
    }


def override_msgids(language=LANGUAGE):
    """Keys the override catalog states itself: there a Vietnamese equal to the English
    (``URL``, ``PDF``) is a translator's decision, not an untranslated copy."""
    keys = set()
    for domain in DOMAINS:
        for path in override_paths(language, domain, existing=True):
            for entry in _translated_entries(path):
                keys.add((domain, entry.msgctxt, entry.msgid))
    return keys


def override_paths(language, domain, existing=False):
    paths = [
        Path(p) / language / "LC_MESSAGES" / f"{domain}.po"
        for p in settings.LOCALE_PATHS
        if Path(p).name == "_overrides"
    ]
    return [p for p in paths if p.exists()] if existing else paths


def _translated_entries(path):
    return [e for e in polib.pofile(str(path)) if e.translated() and not e.obsolete]


def resolves(msgid, catalogs, deliberate):
    """True when Django would show this msgid in Vietnamese.

    Reads the catalog (as Django's JavaScriptCatalog view does) rather than calling
    gettext: a msgid whose Vietnamese equals its English would look untranslated.
    """
    catalog = catalogs[msgid.domain]._catalog
    key = f"{msgid.context}\x04{msgid.msgid}" if msgid.context else msgid.msgid
    text = catalog.get((key, 0)) if msgid.plural else catalog.get(key)
    if not text:
        return False
    if text != msgid.msgid:
        return True
    return (msgid.domain, msgid.context, msgid.msgid) in deliberate


def measure(language=LANGUAGE):
    """One AppShare per admin app, each msgid resolved against the active catalogs."""
    catalogs = active_catalogs(language)
    deliberate = override_msgids(language)
    shares = []
    for app in admin_apps():
        msgids = app_msgids(app)
        if msgids:
            missing = [m for m in msgids if not resolves(m, catalogs, deliberate)]
            shares.append(AppShare(app.name, msgids, missing))
    return shares


def total_share(shares):
    """Over distinct msgids (a msgid shared by two apps is one string for the translator)."""
    every = {m for s in shares for m in s.msgids}
    missing = {m for s in shares for m in s.missing}
    return 1 - len(missing) / len(every) if every else 1.0, len(every), len(every) - len(missing)


def report(shares, out, list_missing=False):
    out.write(f"{'app':<36} {'msgids':>7} {'vi':>7} {'share':>8}\n")
    for s in sorted(shares, key=lambda s: s.label):
        done = len(s.msgids) - len(s.missing)
        out.write(f"{s.label:<36} {len(s.msgids):>7} {done:>7} {s.share:>7.1%}\n")
    share, count, done = total_share(shares)
    out.write(f"{'total (distinct msgids)':<36} {count:>7} {done:>7} {share:>7.1%}\n")
    if list_missing:
        for s in shares:
            for m in s.missing:
                context = f" [{m.context}]" if m.context else ""
                out.write(f"missing {s.label} {m.domain}{context}: {m.msgid!r}\n")
    return share


def add_missing(shares, language=LANGUAGE):
    """Append the missing msgids, untranslated, to the override catalog of their domain."""
    added = 0
    for domain in DOMAINS:
        (path,) = override_paths(language, domain)
        catalog = polib.pofile(str(path)) if path.exists() else None
        if catalog is None:
            continue
        known = {(e.msgctxt, e.msgid) for e in catalog}
        for s in shares:
            for m in s.missing:
                if m.domain == domain and (m.context, m.msgid) not in known:
                    entry = polib.POEntry(msgid=m.msgid, msgctxt=m.context, tcomment=s.label)
                    if m.plural:
                        entry.msgid_plural, entry.msgstr_plural = m.plural, {0: ""}
                    catalog.append(entry)
                    known.add((m.context, m.msgid))
                    added += 1
        catalog.save(str(path))
    return added


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--missing", action="store_true", help="list the msgids not in Vietnamese")
    parser.add_argument("--min-share", type=float, help="exit 1 when the total share (%%) is below this")
    parser.add_argument("--add-missing", action="store_true", help="append them to the override catalog")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()
    shares = measure()
    share = report(shares, sys.stdout, list_missing=args.missing)
    if args.add_missing:
        sys.stdout.write(f"{add_missing(shares)} msgids added to the override catalog\n")
    if args.min_share is not None and share * 100 < args.min_share:
        sys.stderr.write(f"admin strings in Vietnamese: {share:.1%}, below {args.min_share:g} %\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
