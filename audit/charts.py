"""Inline SVG charts for the audit page: no JavaScript, no CDN."""

from django.utils.html import format_html, format_html_join


def _pct(value):
    return f"{value * 100:.1f} %"


def share_by_year(points, target, width=560, height=220):
    """Bars of the share per year with the target band shaded. ``points``: [(year, share, total)]."""
    pad, top = 36, 10
    plot_h = height - pad - top
    scale = max(0.4, max((s for _, s, _ in points), default=0), target.max * 1.5)
    step = (width - pad) / max(len(points), 1)

    def y(value):
        return round(top + plot_h * (1 - min(value, scale) / scale), 1)

    band = format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#2e7d32" fill-opacity="0.15"/>'
        '<text x="{}" y="{}" font-size="10" fill="#2e7d32">{}–{}</text>',
        pad,
        y(target.max),
        width - pad,
        round(y(target.min) - y(target.max), 1),
        width - 70,
        y(target.max) - 2,
        _pct(target.min),
        _pct(target.max),
    )
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#7a1020">'
        "<title>{}: {} ({} sp)</title></rect>"
        '<text x="{}" y="{}" font-size="11" text-anchor="middle">{}</text>'
        '<text x="{}" y="{}" font-size="10" text-anchor="middle">{}</text>',
        (
            (
                round(pad + i * step + step * 0.2, 1),
                y(share),
                round(step * 0.6, 1),
                round(top + plot_h - y(share), 1),
                year,
                _pct(share),
                total,
                round(pad + i * step + step / 2, 1),
                height - pad + 14,
                year,
                round(pad + i * step + step / 2, 1),
                y(share) - 3,
                _pct(share) if total else "–",
            )
            for i, (year, share, total) in enumerate(points)
        ),
    )
    return format_html(
        '<svg role="img" viewBox="0 0 {} {}" width="100%" class="audit-chart">{}{}'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#333"/></svg>',
        width,
        height,
        band,
        bars,
        pad,
        top + plot_h,
        width,
        top + plot_h,
    )


def share_by_unit(rows, target, width=560, row_h=18):
    """Horizontal bars of the share per unit. ``rows``: [{"key", "label", "share", "total"}]."""
    label_w, height = 230, row_h * len(rows) + 20
    plot_w = width - label_w - 60
    scale = max(0.4, max((r["share"] for r in rows), default=0), target.max * 1.5)

    def x(value):
        return round(label_w + plot_w * min(value, scale) / scale, 1)

    band = format_html(
        '<rect x="{}" y="0" width="{}" height="{}" fill="#2e7d32" fill-opacity="0.15"/>',
        x(target.min),
        round(x(target.max) - x(target.min), 1),
        height,
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
    return format_html(
        '<svg role="img" viewBox="0 0 {} {}" width="100%" class="audit-chart">{}{}</svg>',
        width,
        height,
        band,
        bars,
    )
