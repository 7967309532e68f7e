from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    source = blocks.CharBlock(label=_("Nguồn"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "products/blocks/quote.html"


class ProductBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    image = ImageBlock(label=_("Ảnh"))
    embed = EmbedBlock(
        label=_("Nhúng (YouTube, Facebook, TikTok)"),
        help_text=_("Dán đường dẫn của bài đăng hoặc video."),
    )
    quote = QuoteBlock()
