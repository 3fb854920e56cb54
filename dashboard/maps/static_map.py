"""The map as a still image for reports and sending on: the same layer, classes and legend words as the map
page, drawn with matplotlib (no screen, no network) and returned as PNG bytes."""

from __future__ import annotations

import io
import textwrap
from datetime import date

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from dashboard.core.i18n import t
from dashboard.maps.views import LegendEntry, MapView, undrawn_note
from dashboard.progress.measures import NO_DATA
from dashboard.progress.wording import figure_text, target_text

WIDTH_IN = 16
HEIGHT_IN = 11
DPI = 120
FONT = "DejaVu Sans"
OUTLINE = "#444444"
NO_DATA_HATCH = "///"
ZONE_OUTLINE = "#08306b"
LEGEND_WRAP = 46
NOTE_WRAP = 150


def _swatch(entry: LegendEntry) -> Patch:
    """Return the legend swatch of a class: its colour, hatched like the map for no data."""
    hatch = NO_DATA_HATCH if entry.key == NO_DATA else None
    label = textwrap.fill(f"{entry.label} ({entry.count})", LEGEND_WRAP)
    return Patch(facecolor=entry.colour, edgecolor=OUTLINE, hatch=hatch, label=label)


def _zone_marker(entry: LegendEntry) -> Line2D:
    """Return the legend marker of a zone class."""
    label = textwrap.fill(f"{entry.label} ({entry.count})", LEGEND_WRAP)
    return Line2D(
        [],
        [],
        marker="o",
        linestyle="",
        markersize=9,
        markerfacecolor=entry.colour,
        markeredgecolor=ZONE_OUTLINE,
        label=label,
    )


def _draw_units(view: MapView, axes: object) -> None:
    """Draw the units in their class colours (no data hatched and dashed), each named with its value."""
    features = view.features
    no_data = features["class_key"] == NO_DATA
    if (~no_data).any():
        features[~no_data].plot(ax=axes, color=features.loc[~no_data, "colour"], edgecolor=OUTLINE, linewidth=0.8)
    if no_data.any():
        features[no_data].plot(
            ax=axes,
            color=features.loc[no_data, "colour"],
            edgecolor=OUTLINE,
            linewidth=0.8,
            linestyle="--",
            hatch=NO_DATA_HATCH,
        )
    values = view.districts.set_index("code")
    for code, point in zip(features["code"], features.geometry.representative_point(), strict=True):
        words = f"{values.loc[code, 'name']}\n{values.loc[code, 'value_text']}"
        axes.annotate(
            words,
            (point.x, point.y),
            ha="center",
            va="center",
            fontsize=8,
            fontfamily=FONT,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.75, "linewidth": 0},
            zorder=4,
        )
    if not view.zones.empty:
        axes.scatter(
            view.zones["longitude"],
            view.zones["latitude"],
            s=28,
            c=list(view.zones["colour"]),
            edgecolors=ZONE_OUTLINE,
            linewidths=1.2,
            zorder=2,
        )
    axes.set_axis_off()


def _footer(view: MapView, language: str, drawn_on: date) -> list[str]:
    """Return the lines under the map: province figure, units not drawn, source, date and notes."""
    boundaries = view.boundary_note or t(
        f"map_image.boundaries_{'schematic' if view.schematic else 'official'}", language
    )
    lines = [
        t("map_image.source", language),
        boundaries,
        t("map_image.drawn_on", language, date=t("map_image.date", language, **_date_parts(drawn_on))),
    ]
    note = undrawn_note(view, language)
    if note:
        lines.insert(0, note)
    if view.is_demo:
        lines.append(t("map_image.demo", language))
    return [textwrap.fill(line, NOTE_WRAP) for line in lines]


def _date_parts(day: date) -> dict[str, int]:
    """Return a date's day, month and year for the language's date pattern."""
    return {"day": day.day, "month": day.month, "year": day.year}


def figure_words(view: MapView, indicator: str, kind: str, language: str) -> str:
    """Return the province figure, its target and the assessment in one line, as the page's metrics say them."""
    return t(
        "map_image.figure",
        language,
        value=figure_text(indicator, kind, view.figure.value, language),
        target=target_text(view.target, indicator, kind, language),
        status=t(f"status.{view.status}", language),
    )


def map_figure(view: MapView, language: str, figure_line: str = "", drawn_on: date | None = None) -> Figure:
    """Return the map of a view as a matplotlib figure: title, the units with their values, the legend in words,
    and under it the province figure (figure_line, when given), source and date."""
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    figure.text(0.02, 0.965, view.title or view.legend_title, fontsize=17, fontweight="bold", fontfamily=FONT)
    figure.text(0.02, 0.935, view.legend_title, fontsize=11, fontfamily=FONT, color="#333333")
    axes = figure.add_axes((0.01, 0.16, 0.62, 0.75))
    _draw_units(view, axes)
    legend_axes = figure.add_axes((0.64, 0.16, 0.35, 0.75))
    legend_axes.set_axis_off()
    classes = legend_axes.legend(
        handles=[_swatch(entry) for entry in view.legend],
        title=textwrap.fill(view.legend_title, LEGEND_WRAP),
        loc="upper left",
        frameon=False,
        prop={"family": FONT, "size": 10},
        title_fontproperties={"family": FONT, "size": 11, "weight": "bold"},
        alignment="left",
    )
    legend_axes.add_artist(classes)
    if view.zone_legend and not view.zones.empty:
        legend_axes.legend(
            handles=[_zone_marker(entry) for entry in view.zone_legend],
            title=textwrap.fill(t("legend.zones", language), LEGEND_WRAP),
            loc="upper left",
            bbox_to_anchor=(0, 0.5),
            frameon=False,
            prop={"family": FONT, "size": 10},
            title_fontproperties={"family": FONT, "size": 11, "weight": "bold"},
            alignment="left",
        )
    lines = ([figure_line] if figure_line else []) + _footer(view, language, drawn_on or date.today())
    figure.text(0.02, 0.02, "\n".join(lines), fontsize=9.5, fontfamily=FONT, va="bottom", linespacing=1.5)
    return figure


def figure_png(figure: Figure) -> bytes:
    """Return a matplotlib figure as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def map_png(view: MapView, language: str, figure_line: str = "", drawn_on: date | None = None) -> bytes:
    """Return the map of a view as a PNG image 1,920 pixels wide, with its title, legend, source and date."""
    return figure_png(map_figure(view, language, figure_line, drawn_on))


def png_size(png: bytes) -> tuple[int, int]:
    """Return the width and height of a PNG image, read from its header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
