from monitoring.models.activities import (
    CATEGORY_CODES,
    STAFF_CATEGORIES,
    Activity,
    ActivityAttachment,
    ActivityKind,
    ActivityParticipants,
)
from monitoring.models.desks import Desk, PlanDuty
from monitoring.models.misinformation import ActionKind, HandlingAction, MisinformationItem, Platform, Status
from monitoring.models.reports import ReminderSent, ReportEvent, ReportStatus, UnitReport, deadline
from monitoring.models.settings import PlanSettings
from monitoring.models.targets import Agency, SpokespersonAppointment, StaffCount

__all__ = [
    "CATEGORY_CODES",
    "STAFF_CATEGORIES",
    "ActionKind",
    "Activity",
    "ActivityAttachment",
    "ActivityKind",
    "ActivityParticipants",
    "Agency",
    "Desk",
    "PlanDuty",
    "HandlingAction",
    "MisinformationItem",
    "Platform",
    "PlanSettings",
    "ReminderSent",
    "ReportEvent",
    "ReportStatus",
    "SpokespersonAppointment",
    "StaffCount",
    "Status",
    "UnitReport",
    "deadline",
]
