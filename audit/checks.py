"""System check: the audit's triggers in the database are the code's (audit/triggers.py).

A trigger dropped, disabled or rewritten by hand, or left out by a ``migrate`` that failed
half-way, lets the kept monthly counts go stale without a sign; ``manage.py check --deploy
--database default`` fails on it (``audit.E001``) and ``manage.py migrate`` puts them back.
Tagged ``database``: Django runs it only for the databases named with ``--database``.
"""

from django.core.checks import Error, Tags, register
from django.db import connections


@register(Tags.database, deploy=True)
def triggers_are_the_codes(app_configs=None, databases=None, **kwargs):
    from audit import triggers

    if app_configs is not None and "audit" not in {config.label for config in app_configs}:
        return []
    errors = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor not in triggers.VENDORS or not triggers.owner_applied(connection):
            continue
        errors += [
            Error(
                f"Database {alias!r}: the audit's {problem} (audit/triggers.py); "
                "the kept monthly counts may miss changes.",
                hint="Run `manage.py migrate` to put the code's triggers back.",
                id="audit.E001",
            )
            for problem in triggers.drift(connection)
        ]
    return errors
