"""Inline SVG charts for the audit page: no JavaScript, no CDN."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from audit.display import percent


def _pct(value):
    return percent(value)  # the one format of every auditor screen


def _svg(width, height, label, *parts):
    """An SVG image named by ``label`` (what a screen reader says instead of the drawing)."""
    return format_html(
        '<svg role="img" aria-label="{label}" viewBox="0 0 {w} {h}" width="100%" class="audit-chart">'
        "{body}</svg>",
        label=label,
        w=width,
        h=height,
        body=mark_safe("".join(str(part) for part in parts)),  # noqa: S308 - parts built by format_html
    )


class YearChart:
    """Bars of the share per year with the target band shaded."""

    pad, top = 36, 10

    def __init__(self, points, target, width=560, height=220):
        self.points, self.target, self.width, self.height = points, target, width, height
        self.plot_h = height - self.pad - self.top
        self.scale = max(0.4, max((share for _, share, _ in points), default=0), target.max * 1.5)
        self.step = (width - self.pad) / max(len(points), 1)

    def y(self, value):
        return round(self.top + self.plot_h * (1 - min(value, self.scale) / self.scale), 1)

    def band(self):
        return format_html(
            '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#2e7d32" fill-opacity="0.15"/>'
            '<text x="{tx}" y="{ty}" font-size="10" fill="#2e7d32">{low}–{high}</text>',
            x=self.pad,
            y=self.y(self.target.max),
            w=self.width - self.pad,
            h=round(self.y(self.target.min) - self.y(self.target.max), 1),
            tx=self.width - 70,
            ty=self.y(self.target.max) - 2,
            low=_pct(self.target.min),
            high=_pct(self.target.max),
        )

    def bar(self, index, year, share, total):
        centre = round(self.pad + index * self.step + self.step / 2, 1)
        return format_html(
            '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#7a1020">'
            "<title>{year}: {pct} ({total} sp)</title></rect>"
            '<text x="{c}" y="{label_y}" font-size="11" text-anchor="middle">{year}</text>'
            '<text x="{c}" y="{value_y}" font-size="10" text-anchor="middle">{value}</text>',
            x=round(self.pad + index * self.step + self.step * 0.2, 1),
            y=self.y(share),
            w=round(self.step * 0.6, 1),
            h=round(self.top + self.plot_h - self.y(share), 1),
            year=year,
            pct=_pct(share),
            total=total,
            c=centre,
            label_y=self.height - self.pad + 14,
            value_y=self.y(share) - 3,
            value=_pct(share) if total else "–",
        )

    def render(self):
        axis = format_html(
            '<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="#333"/>',
            x1=self.pad,
            x2=self.width,
            y=self.top + self.plot_h,
        )
        bars = (self.bar(i, year, share, total) for i, (year, share, total) in enumerate(self.points))
        return _svg(self.width, self.height, self.label(), self.band(), *bars, axis)

    def label(self):
        values = "; ".join(
            f"{year}: {_pct(share)} ({total})" if total else f"{year}: –"
            for year, share, total in self.points
        )
        return _label(_("Tỷ lệ theo năm"), self.target, values)


def _label(title, target, values):
    return _("%(title)s, mục tiêu %(low)s–%(high)s (số sản phẩm trong ngoặc): %(values)s") % {
        "title": title,
        "low": _pct(target.min),
        "high": _pct(target.max),
        "values": values or _("không có sản phẩm"),
    }


def share_by_year(points, target, width=560, height=220):
    """``points``: [(year, share, total)]."""
    return YearChart(points, target, width, height).render()


def share_by_unit(rows, target, width=560, row_h=18):
    """Horizontal bars of the share per unit. ``rows``: [{"key", "label", "share", "total"}]."""
    label_w, height = 230, row_h * len(rows) + 20
    plot_w = width - label_w - 60
    scale = max(0.4, max((r["share"] for r in rows), default=0), target.max * 1.5)

    def x(value):
        return round(label_w + plot_w * min(value, scale) / scale, 1)

    band = format_html(
        '<rect x="{x}" y="0" width="{w}" height="{h}" fill="#2e7d32" fill-opacity="0.15"/>',
        x=x(target.min),
        w=round(x(target.max) - x(target.min), 1),
        h=height,
    )
    bars = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="11" text-anchor="end">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#7a1020"/>'
        '<text x="{}" y="{}" font-size="10">{} ({})</text>',
        (
            (
                label_w - 6,
                i * row_h + 13,
                row["label"][:38],
                label_w,
                i * row_h + 3,
                round(x(row["share"]) - label_w, 1),
                row_h - 6,
                x(row["share"]) + 4,
                i * row_h + 13,
                _pct(row["share"]),
                row["total"],
            )
            for i, row in enumerate(rows)
        ),
    )
    values = "; ".join(f"{row['label']}: {_pct(row['share'])} ({row['total']})" for row in rows)
    return _svg(width, height, _label(_("Tỷ lệ theo đơn vị"), target, values), band, bars)
