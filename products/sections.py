"""Keep the page tree in step with the registers.

Every locale has a home page and a products index (translations of the Vietnamese
ones, sharing their ``translation_key``); every unit has a section page in each
locale it publishes in, also linked as translations so that Wagtail's
"translate" puts a translated product in the same unit's section of the target
locale. The section's slug is the unit's slug and never changes, so renaming a unit
keeps its URLs.
"""

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page

from products import languages
from products.models import ProductIndexPage, Unit, UnitSectionPage

INDEX_SLUG = "san-pham"


def vi_locale():
    return Locale.objects.get(language_code=languages.DEFAULT)


def ensure_locales():
    for code in languages.CODES:
        Locale.objects.get_or_create(language_code=code)


def _publish(page):
    page.save_revision().publish(log_action=False)
    return page


def _translation_of(source, locale, parent, **fields):
    """The page linked to ``source`` in ``locale``, created under ``parent`` if missing."""
    existing = source.__class__.objects.filter(translation_key=source.translation_key, locale=locale).first()
    if existing:
        return existing
    page = source.__class__(translation_key=source.translation_key, locale=locale, **fields)
    parent.add_child(instance=page)
    return _publish(page)


def ensure_home(locale):
    # The site's root page (home.HomePage), found by its place so that products need not
    # import home, which imports products.
    vi_home = Page.objects.get(locale=vi_locale(), depth=2).specific
    if locale.language_code == languages.DEFAULT:
        return vi_home
    title = languages.get(locale.language_code).local_name
    return _translation_of(
        vi_home, locale, Page.get_first_root_node(), title=title, slug=f"home-{locale.language_code}"
    )


def ensure_index(locale):
    vi_locale_ = vi_locale()
    vi_home = ensure_home(vi_locale_)
    vi_index = ProductIndexPage.objects.child_of(vi_home).first()
    if vi_index is None:
        vi_index = ProductIndexPage(title="Sản phẩm truyền thông", slug=INDEX_SLUG, locale=vi_locale_)
        vi_home.add_child(instance=vi_index)
        _publish(vi_index)
    if locale.pk == vi_locale_.pk:
        return vi_index
    return _translation_of(vi_index, locale, ensure_home(locale), title=vi_index.title, slug=INDEX_SLUG)


def ensure_section(unit, locale):
    """The unit's section in ``locale``, created (with its Vietnamese twin) if missing."""
    section = UnitSectionPage.objects.filter(unit=unit, locale=locale).first()
    if section:
        return section
    vi_locale_ = vi_locale()
    vi_section = UnitSectionPage.objects.filter(unit=unit, locale=vi_locale_).first()
    if vi_section is None:
        vi_section = UnitSectionPage(
            title=unit.name_vi or unit.slug, slug=slugify(unit.slug), unit=unit, locale=vi_locale_
        )
        ensure_index(vi_locale_).add_child(instance=vi_section)
        _publish(vi_section)
    if locale.pk == vi_locale_.pk:
        return vi_section
    return _translation_of(
        vi_section, locale, ensure_index(locale), title=vi_section.title, slug=vi_section.slug, unit=unit
    )


@transaction.atomic
def ensure_site_tree():
    """Locales, each locale's home and products index: safe to run again."""
    ensure_locales()
    for locale in Locale.objects.all():
        ensure_index(locale)


@transaction.atomic
def sync_unit_sections(unit):
    """Sections for every language the unit publishes in (Vietnamese always), titles kept current."""
    codes = {languages.DEFAULT, *(unit.languages or [])}
    for locale in Locale.objects.filter(language_code__in=codes):
        section = ensure_section(unit, locale)
        title = unit.name_vi or unit.slug
        if section.title != title:
            section.title = title
            _publish(section)
    from products.desk.roles import ensure_unit_desk

    ensure_unit_desk(unit)


def section_for(unit, language_code):
    """Where a product of ``unit`` in ``language_code`` lives.

    A unit publishing in a new language gets its section there (with the desk's
    permissions and workflow), and the language is recorded on the unit.
    """
    section = UnitSectionPage.objects.filter(unit=unit, locale__language_code=language_code).first()
    if section is not None:
        return section
    if language_code not in (unit.languages or []) and language_code != languages.DEFAULT:
        unit.languages = [*(unit.languages or []), language_code]
        Unit.objects.filter(pk=unit.pk).update(languages=unit.languages)
    section = ensure_section(unit, Locale.objects.get(language_code=language_code))
    from products.desk.roles import ensure_unit_desk

    ensure_unit_desk(unit)
    return section
