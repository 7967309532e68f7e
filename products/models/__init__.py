from products.desk.models import DeskRole, UnitDesk
from products.models.pages import ProductIndexPage, ProductPage, UnitSectionPage
from products.models.publications import ProductAttachment, ProductPublication
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
