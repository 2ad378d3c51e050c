"""Charts as inline SVG, written by hand from a `Chart`'s numbers: the same bytes on
every run (no plotting library, no timestamps, no random ids), readable in greyscale
print, with a <title> and a <desc> for screen readers and the PDF/UA variant, and text
in the brief's sans font. A plotting library would cost an import of hundreds of
milliseconds for two charts of rectangles and text.

Every value from the corpus or the outline is escaped: a chart is markup built here.
"""

from __future__ import annotations

from html import escape

from ..models import Chart
from ..select.charts import OTHER_SOURCES

FONT = "'Brief Sans', 'Open Sans', sans-serif"
WIDTH = 480.0  # viewBox units; the SVG scales to the text column
LABEL_WIDTH = 150.0  # left of the bars: the row labels
ROW_HEIGHT = 16.0
BAR_HEIGHT = 11.0
FONT_SIZE = 7.5
# Greys from dark to light for the parts of a bar; white lines between parts keep
# neighbours apart in print.
GREYS = ("#2b2f36", "#5c6370", "#8a919c", "#b4b9c1", "#d5d8dd", "#eceef1")
LEGEND_SWATCH = 8.0
# Legend entries a row, and the space each takes: six fit the width beside the labels
# (at most five sources and "other sources": MAX_SOURCE_PARTS).
LEGEND_PER_ROW = 6
LEGEND_STEP = 50.0
CELL_WIDTH = 34.0
MAX_LABEL_CHARS = 34


def chart_svg(chart: Chart, index: int) -> str:
    """The chart as an SVG element; `index` makes its element ids unique in the brief."""
    if chart.id == "coverage":
        return _matrix(chart, index)
    return _stacked_bars(chart, index)


def _open(chart: Chart, index: int, height: float) -> list[str]:
    ident = f"chart-{index}"
    return [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'viewBox="0 0 {WIDTH:g} {height:g}" width="100%" '
            f'aria-labelledby="{ident}-title {ident}-desc" font-family="{escape(FONT)}" '
            f'font-size="{FONT_SIZE:g}">',
            f'<title id="{ident}-title">{escape(chart.title)}</title>',
            f'<desc id="{ident}-desc">{escape(chart.description)} {escape(_in_words(chart))}'
            '</desc>']


def _in_words(chart: Chart) -> str:
    """The numbers as a sentence, for the <desc>."""
    parts = []
    for row, values in zip(chart.rows, chart.values, strict=True):
        shown = ", ".join(f"{col} {v}" for col, v in zip(chart.columns, values, strict=True)
                          if v)
        parts.append(f"{row}: {sum(values)} ({shown})" if shown else f"{row}: 0")
    return "; ".join(parts) + "."


def _short(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _stacked_bars(chart: Chart, index: int) -> str:
    total_max = max((sum(v) for v in chart.values), default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - 40.0) / total_max
    legend_rows = -(-len(chart.columns) // LEGEND_PER_ROW)
    height = len(chart.rows) * ROW_HEIGHT + 10.0 + legend_rows * ROW_HEIGHT
    out = _open(chart, index, height)
    for r, (row, values) in enumerate(zip(chart.rows, chart.values, strict=True)):
        y = r * ROW_HEIGHT + 2.0
        out.append(f'<text x="{LABEL_WIDTH - 6:g}" y="{y + BAR_HEIGHT - 2.5:g}" '
                   f'text-anchor="end">{escape(_short(row))}</text>')
        x = LABEL_WIDTH
        for c, value in enumerate(values):
            if not value:
                continue
            width = value * scale
            out.append(f'<rect x="{x:.2f}" y="{y:g}" width="{width:.2f}" '
                       f'height="{BAR_HEIGHT:g}" {_paint(chart.columns[c], c)}/>')
            x += width
        out.append(f'<text x="{x + 4:.2f}" y="{y + BAR_HEIGHT - 2.5:g}">{sum(values)}</text>')
    out += _legend(chart.columns, len(chart.rows) * ROW_HEIGHT + 10.0)
    out.append("</svg>")
    return "\n".join(out)


def _paint(column: str, c: int) -> str:
    """Fill and outline of a bar part: the sources in grey levels, dark to light, with
    white lines between neighbours; "other sources" white with a grey outline, so it
    never passes for one source in print."""
    if column == OTHER_SOURCES:
        return 'fill="#ffffff" stroke="#8a919c" stroke-width="0.6"'
    return f'fill="{GREYS[c % len(GREYS)]}" stroke="#ffffff" stroke-width="0.6"'


def _legend(columns: tuple[str, ...], top: float) -> list[str]:
    out = []
    for c, column in enumerate(columns):
        x = LABEL_WIDTH + (c % LEGEND_PER_ROW) * LEGEND_STEP
        y = top + (c // LEGEND_PER_ROW) * ROW_HEIGHT
        out.append(f'<rect x="{x:g}" y="{y:g}" width="{LEGEND_SWATCH:g}" '
                   f'height="{LEGEND_SWATCH:g}" {_paint(column, c)}/>')
        out.append(f'<text x="{x + LEGEND_SWATCH + 3:g}" y="{y + LEGEND_SWATCH - 1:g}">'
                   f'{escape(_short(column, 14))}</text>')
    return out


def _matrix(chart: Chart, index: int) -> str:
    """Rows x columns, each cell shaded by its count (darker: more) with the count in it;
    columns numbered, their names in a key below."""
    top = ROW_HEIGHT
    peak = max((v for row in chart.values for v in row), default=0) or 1
    key_top = top + len(chart.rows) * ROW_HEIGHT + 8.0
    height = key_top + len(chart.columns) * (ROW_HEIGHT - 4.0) + 4.0
    out = _open(chart, index, height)
    for c in range(len(chart.columns)):
        x = LABEL_WIDTH + c * CELL_WIDTH + CELL_WIDTH / 2
        out.append(f'<text x="{x:g}" y="{top - 4:g}" text-anchor="middle">{c + 1}</text>')
    for r, (row, values) in enumerate(zip(chart.rows, chart.values, strict=True)):
        y = top + r * ROW_HEIGHT
        out.append(f'<text x="{LABEL_WIDTH - 6:g}" y="{y + BAR_HEIGHT - 2.5:g}" '
                   f'text-anchor="end">{escape(_short(row))}</text>')
        for c, value in enumerate(values):
            x = LABEL_WIDTH + c * CELL_WIDTH
            shade = GREYS[len(GREYS) - 1 - min(len(GREYS) - 1,
                                               round(value / peak * (len(GREYS) - 1)))]
            ink = "#ffffff" if value and value / peak > 0.5 else "#2b2f36"
            out.append(f'<rect x="{x + 1:g}" y="{y:g}" width="{CELL_WIDTH - 2:g}" '
                       f'height="{BAR_HEIGHT + 2:g}" fill="{shade}"/>')
            if value:
                out.append(f'<text x="{x + CELL_WIDTH / 2:g}" y="{y + BAR_HEIGHT - 1.5:g}" '
                           f'text-anchor="middle" fill="{ink}">{value}</text>')
    for c, column in enumerate(chart.columns):
        y = key_top + c * (ROW_HEIGHT - 4.0) + 8.0
        out.append(f'<text x="{LABEL_WIDTH:g}" y="{y:g}">{c + 1}. {escape(column)}</text>')
    out.append("</svg>")
    return "\n".join(out)
