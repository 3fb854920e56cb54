"""Small blocks several pages draw: the demo banner and the province figure beside its target."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from dashboard.i18n import t
from dashboard.mapdata import MAP_HEIGHT_PX
from dashboard.maps import district_map
from dashboard.ui.state import asset_url, dataset, settings
from dashboard.views import MapView, coverage_text, figure_text, province_target_metric, selected_district

STATUS_ICONS = {
    "exceeded": ":material/verified:",
    "met": ":material/check_circle:",
    "not_yet": ":material/schedule:",
    "below": ":material/cancel:",
    "no_data": ":material/help:",
    "no_target": ":material/remove:",
}


def demo_banner(is_demo: bool, language: str) -> None:
    """Say plainly, at the top of the page, when the figures shown are demonstration data."""
    if is_demo:
        st.warning(t("app.demo_banner", language), icon=":material/science:")


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


def map_panel(view: MapView, language: str, selected: str | None, key: str = "district_map") -> str | None:
    """Draw the district map of a view and return the code of the district last clicked; only a click
    comes back from the browser, so panning and zooming never rerun the page."""
    fmap = district_map(view, language, asset_url(), settings().basemap, selected)
    clicked = st_folium(
        fmap, key=key, height=MAP_HEIGHT_PX, use_container_width=True, returned_objects=["last_active_drawing"]
    )
    return selected_district(clicked)
