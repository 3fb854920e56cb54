"""Small blocks several pages draw: the demo banner and the province figure beside its target."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import t
from dashboard.ui.state import dataset
from dashboard.views import MapView, coverage_text, figure_text, province_target_metric

STATUS_ICONS = {"exceeded": "★", "met": "✔", "on_track": "↗", "behind": "✖", "no_data": "?", "no_target": "–"}


def demo_banner(is_demo: bool, language: str) -> None:
    """Say plainly, at the top of the page, when the figures shown are demonstration data."""
    if is_demo:
        st.warning(t("app.demo_banner", language))


def province_figure_panel(view: MapView, indicator: str, year: int, language: str) -> None:
    """Draw the province figure, its target, the assessment and what the figure rests on."""
    catalogue = dataset().catalogue.loc[indicator]
    kind = catalogue["kind"]
    st.subheader(t(f"indicator.{indicator}", language))
    figure, target, status = st.columns([2, 2, 2])
    figure.metric(
        t("map.figure", language, year=year),
        figure_text(indicator, kind, view.figure.value, language),
    )
    target.metric(*province_target_metric(view.target, indicator, kind, language))
    status.metric(t("map.status", language), t(f"status.{view.status}", language))
    st.caption(f"{STATUS_ICONS[view.status]} {coverage_text(view, catalogue['measured_on'], kind, language)}")
