"""Plotly charts: a district's indicator over the years with the plan's thresholds."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from dashboard.history import IndicatorHistory
from dashboard.i18n import format_number, format_percent, t

BAR_COLOUR = "#2b5c8a"
NO_DATA_COLOUR = "#9e9e9e"
TARGET_COLOUR = "#d73027"


def history_chart(history: IndicatorHistory, language: str) -> go.Figure:
    """Return a bar per year (value in words on hover), 'no data' years marked, target lines for shares."""
    rows = history.rows
    known = rows[rows["value"].notna()]
    missing = rows[rows["value"].isna()]
    figure = go.Figure()
    labels = [
        format_percent(value, language) if history.percent else format_number(value, language, 0)
        for value in known["value"]
    ]
    figure.add_bar(
        x=known["year"],
        y=known["value"],
        marker_color=BAR_COLOUR,
        text=labels,
        textposition="outside",
        cliponaxis=False,
        hovertext=known["text"],
        hoverinfo="text",
        name="",
    )
    for row in missing.itertuples():
        figure.add_annotation(
            x=row.year, y=0, text=row.text, showarrow=False, textangle=-90, yanchor="bottom", font_color=NO_DATA_COLOUR
        )
    for minimum, year in history.thresholds:
        figure.add_hline(
            y=minimum,
            line_dash="dash",
            line_color=TARGET_COLOUR,
            annotation_text=t("district.target_line", language, year=year, value=format_percent(minimum, language, 0)),
            annotation_position="top left",
        )
    count_step = max(1, math.ceil((known["value"].max() if not known.empty else 0) / 5))
    figure.update_layout(
        title=t(f"indicator.{history.indicator}", language),
        height=280,
        margin={"l": 40, "r": 10, "t": 40, "b": 30},
        showlegend=False,
        xaxis={"tickmode": "array", "tickvals": list(rows["year"]) if not rows.empty else []},
        yaxis={"range": [0, 110]}
        if history.percent
        else {"rangemode": "tozero", "tickformat": "d", "dtick": count_step},
        separators=",." if language == "vi" else ".,",
    )
    return figure
