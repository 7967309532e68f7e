"""The role matrix, cell by cell: every role tries every action through the real views.

For each row of ``products.desk.matrix`` and each person (one per role; a translator with and
one without a language), the row's probe (``tests.security.matrix_probes``) runs each case and
the result must be exactly what the person's scope allows: the allowed actions happen, and the
denied ones (most of the table) leave no trace.
"""

import pytest
from django.test import Client

from products.desk.matrix import MATRIX, Role, Scope
from tests.security.matrix_probes import CASES, PROBES

PERSONS = {
    "anonymous": (Role.ANONYMOUS, ()),
    "editor": (Role.EDITOR, ()),
    "reviewer": (Role.REVIEWER, ()),
    "translator": (Role.TRANSLATOR, ("bdq",)),
    "translator_without_language": (Role.TRANSLATOR, ()),
    "auditor": (Role.AUDITOR, ()),
    "administrator": (Role.ADMINISTRATOR, ()),
    "superuser": (Role.SUPERUSER, ()),
}
# Rows probed in files of their own: private files, by every role and monitoring desk, in
# tests/security/test_private_files_by_role.py (and tests/public/test_may_serve.py).
PROBED_ELSEWHERE = {"media.download_private"}


def allowed(scope, case, languages):
    """What ``scope`` allows on ``case`` for a person assigned ``languages``."""
    if case.never:
        return False
    to_own = case.dest_unit in ("", "own")
    return {
        Scope.NONE: False,
        Scope.ALL: True,
        Scope.PUBLIC: case.live,
        Scope.OWN_UNIT: case.unit == "own" and to_own,
        Scope.OWN_UNIT_DRAFTS: case.unit == "own" and to_own and not case.live,
        Scope.OWN_COLLECTION: case.unit == "own",
        Scope.ASSIGNED_LANGUAGES: case.translation and not case.live and case.language in languages,
        Scope.PUBLISHED_INTO_ASSIGNED: case.live and case.dest_language in languages,
        Scope.NON_SUPERUSERS: case.target != "superuser",
        Scope.OTHERS_NOT_SELF: case.target == "other",
        Scope.WITHIN_ADMIN_ROLE: case.target == "within",
    }[scope]


def test_every_row_is_probed_and_every_probe_is_a_row():
    assert set(PROBES) == set(MATRIX) - PROBED_ELSEWHERE
    assert set(CASES) == set(PROBES)


def test_readme_shows_the_matrix_of_the_code():
    from pathlib import Path

    from products.desk.matrix import as_markdown

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- role-matrix:start -->")[1].split("<!-- role-matrix:end -->")[0]
    assert table.strip() == as_markdown().strip()


@pytest.mark.parametrize("person_name", list(PERSONS))
@pytest.mark.parametrize("key", list(PROBES))
def test_role_matrix(key, person_name, people, registers, tmp_path):
    role, languages = PERSONS[person_name]
    scope = MATRIX[key].cells[role]
    person = getattr(people, person_name, None)
    client = Client()
    if person is not None:
        client.force_login(person)
    probe = PROBES[key]
    results = {}
    for case in CASES[key]:
        extra = {"tmp_path": tmp_path} if key == "products.import" else {}
        results[case.name] = (probe(client, person, case, **extra), allowed(scope, case, languages))
    wrong = {name: f"did {'' if did else 'not '}happen" for name, (did, ok) in results.items() if did != ok}
    assert not wrong, f"{person_name} ({scope.value}) on {key}: {wrong}"
