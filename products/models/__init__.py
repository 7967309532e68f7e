from products.desk.models import DeskRole, UnitDesk
from products.models.pages import (
    ProductAttachment,
    ProductIndexPage,
    ProductPage,
    ProductPublication,
    UnitSectionPage,
)
from products.models.registers import Channel, ContentArea, Format, PlanTask, Topic, Unit

__all__ = [
    "Channel",
    "ContentArea",
    "DeskRole",
    "Format",
    "PlanTask",
    "ProductAttachment",
    "ProductIndexPage",
    "ProductPage",
    "ProductPublication",
    "Topic",
    "Unit",
    "UnitDesk",
    "UnitSectionPage",
]
