"""Everything a written report shows: the figures, names for every key, the products and activities
behind each task, and the narrative a unit writes (or blanks to fill in when there is none)."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from audit.display import register_names
from monitoring.figures.tasks import activities, products_without_task
from monitoring.models import ReportStatus, UnitReport
from monitoring.reporting import letterhead
from monitoring.reporting.annual import build, report_year
from products.models import PlanTask, ProductPage, Unit

TASK_GROUPS = {
    "1": _(
        "Tuyên truyền, phổ biến Quyết định số 1079/QĐ-TTg và thông tin phục vụ "
        "việc triển khai thực hiện Đề án"
    ),
    "2": _(
        "Cung cấp thông tin; bồi dưỡng kiến thức, kỹ năng truyền thông về quyền con người "
        "cho các lực lượng truyền thông"
    ),
    "3": _("Sản xuất, đăng phát các sản phẩm truyền thông về quyền con người"),
    "4": _("Hợp tác quốc tế, thông tin đối ngoại về quyền con người"),
    "5": _(
        "Thực hiện chuyển đổi số và ứng dụng công nghệ mới trong các hoạt động "
        "truyền thông về quyền con người"
    ),
    "6": _("Tổ chức và tham gia các giải thưởng truyền thông về quyền con người"),
}


@dataclass
class Narrative:
    """The parts of the document a unit writes; blank fields print as dotted lines to fill in."""

    number: str = ""
    superior: str = ""
    place: str = ""
    summary: str = ""
    difficulties: str = ""
    proposals: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: str = ""
    date: datetime.date | None = None

    @classmethod
    def of(cls, report):
        if report is None:
            return cls()
        fields = {name: getattr(report, name) for name in cls.__dataclass_fields__ if name != "date"}
        submitted = report.submitted_at.date() if report.submitted_at else None
        return cls(**fields, date=submitted)


@dataclass
class Content:
    scope: object
    data: dict
    unit: Unit | None
    narrative: Narrative
    province: str
    labels: dict
    tasks: list  # [(group number, group title, [(slug, name, figures, products, activities)])]
    untasked: int
    unit_reports: list = field(default_factory=list)  # consolidated: accepted reports of the units

    @property
    def year(self):
        return report_year(self.scope)

    @property
    def unit_name(self):
        return self.unit.name_vi if self.unit else letterhead.lead_unit()

    @property
    def recipients(self):
        return letterhead.recipients(self.unit, self.year)


def labels():
    """Vietnamese names of the keys the report shows (``audit.display``: one source for every screen)."""
    return register_names()


def products_by_task(scope, limit):
    """{task slug: (first ``limit`` products, how many)}: live products first published in the period."""
    queryset = scope.filter(
        ProductPage.objects.filter(
            is_live=True, first_published__gte=scope.period.start, first_published__lte=scope.period.end
        ).exclude(task=None)
    )
    result = {}
    for product in queryset.select_related("task", "format").order_by(
        "task__sort_order", "first_published", "pk"
    ):
        shown, count = result.setdefault(product.task.slug, ([], 0))
        if limit is None or len(shown) < limit:
            shown.append(product)
        result[product.task.slug] = (shown, count + 1)
    return result


def gather(scope, report=None, product_limit=50, unit_reports=(), frozen=False, data=None):
    """The content of a report on ``scope``; ``report`` (a UnitReport) supplies the narrative.

    ``frozen``: show the figures the unit submitted rather than today's (the admin's copy of a
    submitted report); ``data``: figures computed elsewhere (the consolidated report).
    """
    computed, targets = build(scope)
    if data is None:
        data = report.figures if frozen and report is not None and report.figures else computed
    unit = Unit.objects.filter(slug=scope.unit).first() if scope.unit else None
    listed = products_by_task(scope, product_limit)
    acts = {}
    for activity in activities(scope).order_by("date", "pk"):
        acts.setdefault(activity.task.slug, []).append(activity)
    groups = []
    for task in PlanTask.objects.order_by("sort_order", "slug"):
        number = task.slug.split(".")[0]
        if not groups or groups[-1][0] != number:
            groups.append((number, TASK_GROUPS.get(number, ""), []))
        shown, total = listed.get(task.slug, ([], 0))
        groups[-1][2].append(
            (task.slug, task.name_vi, data["tasks"][task.slug], (shown, total), acts.get(task.slug, []))
        )
    return Content(
        scope=scope,
        data=data,
        unit=unit,
        narrative=Narrative.of(report),
        province=letterhead.province(report_year(scope)),
        labels=labels(),
        tasks=groups,
        untasked=products_without_task(targets["4"].grouped),
        unit_reports=list(unit_reports),
    )


def accepted_reports(year):
    return list(
        UnitReport.objects.filter(year=year, status=ReportStatus.ACCEPTED)
        .select_related("unit")
        .order_by("unit__sort_order")
    )
