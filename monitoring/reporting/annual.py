"""The annual report's figures as JSON: ``period``, ``unit``, ``deadline``, ``tasks``, ``targets``.

Target "4" is the audit's own result for the same period and units (``audit_share`` gives the
same numbers): the plan report reads the audit's counts rather than counting again.
"""

from monitoring.figures.scope import Scope
from monitoring.figures.targets import all_targets
from monitoring.figures.tasks import task_counts
from monitoring.models import deadline

AUDIT_KEYS = ("total", "counted", "share", "status", "target", "parts", "overlaps", "digital_channels")


def report_year(scope):
    return scope.period.end.year


def build(scope):
    """(the JSON dict, the computed targets) for ``scope``."""
    targets = all_targets(scope)
    audit = targets["4"].as_json()
    data = {
        "period": scope.period.as_json(),
        "unit": scope.unit,
        "deadline": deadline(report_year(scope)).isoformat(),
        "tasks": task_counts(scope, targets["4"].grouped),
        "targets": {
            code: ({key: audit[key] for key in AUDIT_KEYS} if code == "4" else indicator.as_json())
            for code, indicator in targets.items()
        },
    }
    return data, targets


def plan_report(scope: Scope):
    return build(scope)[0]
