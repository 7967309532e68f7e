"""django-modeltranslation: register names in Vietnamese and English."""

from modeltranslation.translator import TranslationOptions, register

from products.models import Channel, ContentArea, Format, PlanTask, Topic, Unit


@register(ContentArea)
class ContentAreaTranslation(TranslationOptions):
    fields = ("name", "description")


@register(PlanTask)
class PlanTaskTranslation(TranslationOptions):
    fields = ("name",)


@register(Format)
class FormatTranslation(TranslationOptions):
    fields = ("name",)


@register(Channel)
class ChannelTranslation(TranslationOptions):
    fields = ("name",)


@register(Unit)
class UnitTranslation(TranslationOptions):
    fields = ("name",)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)
