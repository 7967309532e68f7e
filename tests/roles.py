"""People in the roles of the matrix, in the groups ``seed_reference`` made for each role."""

from types import SimpleNamespace

from products.desk import roles
from products.models import Unit

OWN = "bao-kon-tum"  # the unit whose desk the editor and the reviewer belong to
OTHER = "dai-ptth-kon-tum"  # another unit, with drafts they must never see
PASSWORD = "Mật-khẩu-đủ-dài-2024"


def role_group(kind, unit=None, language=""):
    """The seeded group of a role, found by its record (``products.DeskRole``), not by its name."""
    group = roles.group_for(kind, unit=Unit.objects.get(slug=unit) if unit else None, language=language or "")
    assert group is not None, (kind, unit, language)
    return group


def person(django_user_model, username, *groups, **fields):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username, last_name="Thử", **fields
    )
    user.groups.add(*groups)
    return user


def make_people(django_user_model):
    """``people.editor`` … ``people.superuser``; ``people.other_*`` belong to another unit."""
    make = lambda name, *groups, **fields: person(django_user_model, name, *groups, **fields)  # noqa: E731
    translator = role_group("translator")
    return SimpleNamespace(
        editor=make("editor", role_group("editor", OWN)),
        reviewer=make("reviewer", role_group("reviewer", OWN)),
        other_editor=make("other_editor", role_group("editor", OTHER)),
        other_reviewer=make("other_reviewer", role_group("reviewer", OTHER)),
        translator=make("translator", translator, role_group("translator_into", language="bdq")),
        translator_without_language=make("translator_none", translator),
        auditor=make("auditor", role_group("auditor")),
        administrator=make("administrator", role_group("administrator")),
        superuser=make("root", is_superuser=True, is_staff=True),
    )
