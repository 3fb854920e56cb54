"""Plotly charts: a district's indicator over the years with the plan's thresholds; trends, paths to targets,
rankings and provinces side by side."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.core.i18n import format_number, format_percent, t
from dashboard.progress.history import IndicatorHistory
from dashboard.progress.trends import TrendView

BAR_COLOUR = "#2b5c8a"
NO_DATA_COLOUR = "#9e9e9e"
TARGET_COLOUR = "#d73027"
THRESHOLD_MARGIN_PX = 160
PERCENT_AXIS_TOP = 120
LABEL_GAP_POINTS = 10
LABEL_HEIGHT_PX = 14
INSIDE_LABEL_SHARE = 0.15


def history_chart(history: IndicatorHistory, language: str) -> go.Figure:
    """Return a bar per year (its value inside the bar where it fits, so no target line crosses it, above a short
    bar; the value in words on hover), 'no data' years marked, and target lines for shares labelled beside the plot."""
    rows = history.rows
    known = rows[rows["value"].notna()]
    missing = rows[rows["value"].isna()]
    figure = go.Figure()
    labels = [
        format_percent(value, language) if history.percent else format_number(value, language, 0)
        for value in known["value"]
    ]
    top = PERCENT_AXIS_TOP if history.percent else max(known["value"].max() if not known.empty else 0, 1)
    figure.add_bar(
        x=known["year"],
        y=known["value"],
        marker_color=BAR_COLOUR,
        text=labels,
        textposition=["inside" if value >= INSIDE_LABEL_SHARE * top else "outside" for value in known["value"]],
        insidetextanchor="end",
        insidetextfont={"color": "white"},
        cliponaxis=False,
        hovertext=known["text"],
        hoverinfo="text",
        name="",
    )
    for row in missing.itertuples():
        figure.add_annotation(
            x=row.year, y=0, text=row.text, showarrow=False, textangle=-90, yanchor="bottom", font_color=NO_DATA_COLOUR
        )
    below = -math.inf
    for minimum, years in sorted(_thresholds_by_level(history.thresholds).items()):
        shift = LABEL_HEIGHT_PX if minimum - below < LABEL_GAP_POINTS else 0
        below = minimum
        figure.add_hline(y=minimum, line_dash="dash", line_color=TARGET_COLOUR)
        figure.add_annotation(
            yshift=shift,
            font_size=11,
            text=t(
                "district.target_line",
                language,
                year=", ".join(map(str, years)),
                value=format_percent(minimum, language, 0),
            ),
            xref="paper",
            x=1,
            xanchor="left",
            y=minimum,
            yanchor="middle",
            showarrow=False,
            font_color=TARGET_COLOUR,
            align="left",
        )
    count_step = max(1, math.ceil((known["value"].max() if not known.empty else 0) / 5))
    figure.update_layout(
        title={"text": t(f"indicator.{history.indicator}", language), "y": 0.98, "yanchor": "top"},
        height=300,
        margin={"l": 40, "r": THRESHOLD_MARGIN_PX if history.thresholds else 10, "t": 50, "b": 30},
        showlegend=False,
        xaxis={"tickmode": "array", "tickvals": list(rows["year"]) if not rows.empty else []},
        yaxis={"range": [0, PERCENT_AXIS_TOP]}
        if history.percent
        else {"rangemode": "tozero", "tickformat": "d", "dtick": count_step},
        separators=",." if language == "vi" else ".,",
    )
    return figure


def _thresholds_by_level(thresholds: list[tuple[float, int]]) -> dict[float, list[int]]:
    """Return the target years of each threshold level, so that one level gets one label (2025 and 2030 at 100%)."""
    levels: dict[float, list[int]] = {}
    for minimum, year in thresholds:
        levels.setdefault(minimum, []).append(year)
    return levels


PROVINCE_COLOUR = "#08306b"
BREAK_COLOUR = "#7f7f7f"
PATH_COLOUR = "#636363"
DISTRICT_COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"]


def _layout(figure: go.Figure, title: str, language: str, percent: bool, height: int = 380) -> go.Figure:
    """Return the figure with the shared layout: title, numbers written for the language, y axis from zero."""
    figure.update_layout(
        title=title,
        height=height,
        margin={"l": 40, "r": 10, "t": 50, "b": 30},
        separators=",." if language == "vi" else ".,",
        yaxis={"rangemode": "tozero", "ticksuffix": "%" if percent else ""},
        legend={"orientation": "h", "y": -0.15},
    )
    return figure


def mark_reform(figure: go.Figure, break_year: float | None, language: str) -> go.Figure:
    """Return the figure with the administrative reform of 1 July 2025 marked as a dotted vertical line with its
    words, when the chart's years span it."""
    if break_year is None:
        return figure
    figure.add_vline(
        x=break_year,
        line_dash="dot",
        line_color=BREAK_COLOUR,
        annotation_text=t("trends.reform_break", language),
        annotation_position="top",
        annotation_font_color=BREAK_COLOUR,
    )
    return figure


def trend_chart(view: TrendView, path: list[tuple[int, float]], language: str) -> go.Figure:
    """Return the province line (gaps where there is no data), chosen districts, the path to the targets
    (dashed) and each target as a marker with its stretch."""
    figure = go.Figure()
    years = list(view.province.index)
    figure.add_scatter(
        x=years,
        y=view.province.tolist(),
        mode="lines+markers",
        name=t("trends.province_line", language),
        line={"color": PROVINCE_COLOUR, "width": 3},
        connectgaps=False,
    )
    own_axis = view.district_unit not in ("", view.unit)
    for index, name in enumerate(view.districts.columns):
        figure.add_scatter(
            x=years,
            y=view.districts[name].reindex(years).tolist(),
            mode="lines+markers",
            name=name,
            line={"color": DISTRICT_COLOURS[index % len(DISTRICT_COLOURS)], "width": 1.5},
            connectgaps=False,
            yaxis="y2" if own_axis else "y",
        )
    if path:
        figure.add_scatter(
            x=[year for year, _ in path],
            y=[value for _, value in path],
            mode="lines",
            name=t("trends.path_line", language),
            line={"color": PATH_COLOUR, "dash": "dash"},
        )
    for target in view.targets:
        figure.add_scatter(
            x=[target.year],
            y=[target.minimum],
            mode="markers",
            marker={"symbol": "star", "size": 14, "color": TARGET_COLOUR},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [(target.stretch or target.minimum) - target.minimum],
            },
            name=t("trends.target_marker", language, year=target.year),
        )
    figure = _layout(figure, view.name, language, view.unit == "percent")
    if own_axis and len(view.districts.columns):
        figure.update_layout(
            yaxis2={
                "overlaying": "y",
                "side": "right",
                "rangemode": "tozero",
                "title": {"text": t(f"trends.district_axis_{view.district_unit}", language)},
                "showgrid": False,
            },
            margin={"r": 60},
        )
    return mark_reform(figure, view.break_year, language)


def ranking_chart(values: pd.Series, unit: str, title: str, language: str) -> go.Figure:
    """Return districts as horizontal bars, highest first; districts with no data are named with no bar."""
    known = values.dropna()
    figure = go.Figure()
    figure.add_bar(x=known.to_numpy(), y=list(known.index), orientation="h", marker_color=BAR_COLOUR, name="")
    figure.update_yaxes(autorange="reversed")
    missing = [name for name in values.index if name not in known.index]
    if missing:
        figure.add_annotation(
            text=t("trends.no_data_districts", language, names=", ".join(missing)),
            xref="paper",
            yref="paper",
            x=0,
            y=-0.12,
            showarrow=False,
            font_color=NO_DATA_COLOUR,
            align="left",
        )
    figure = _layout(figure, title, language, False, height=max(300, 28 * len(values) + 120))
    figure.update_layout(showlegend=False, xaxis={"ticksuffix": "%" if unit == "percent" else ""}, yaxis={})
    figure.update_yaxes(autorange="reversed")
    return figure


def provinces_chart(
    frame: pd.DataFrame, title: str, percent: bool, language: str, break_year: float | None = None
) -> go.Figure:
    """Return one line per province over the years, gaps where a province has no data, the reform marked when
    the years span it."""
    figure = go.Figure()
    for index, province in enumerate(frame.columns):
        figure.add_scatter(
            x=list(frame.index),
            y=frame[province].tolist(),
            mode="lines+markers",
            name=province,
            line={"color": DISTRICT_COLOURS[index % len(DISTRICT_COLOURS)]},
            connectgaps=False,
        )
    return mark_reform(_layout(figure, title, language, percent), break_year, language)
