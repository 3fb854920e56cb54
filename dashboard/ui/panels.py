"""Small blocks several pages draw: the demo banner, the province figure beside its target, the map."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import geopandas as gpd
import streamlit as st
from streamlit_folium import st_folium

from dashboard.core.i18n import t
from dashboard.maps.assets import INSTALL_COMMAND, missing_packages
from dashboard.maps.folium_map import add_point_layer, district_map
from dashboard.maps.prepared import MAP_HEIGHT_PX
from dashboard.maps.views import MapView, coverage_text, selected_district
from dashboard.progress.wording import figure_text, province_target_metric
from dashboard.ui.state import asset_url, dataset, settings

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


@dataclass(frozen=True)
class PointLayer:
    """Points drawn on the map as a layer of their own: the points, the layer's name, whether shown at first."""

    points: gpd.GeoDataFrame
    name: str
    show: bool


def map_assets_ready(language: str) -> bool:
    """Return whether the map's front-end assets are installed; when not, say which are missing and the command
    that installs them, instead of drawing an empty map."""
    missing = missing_packages()
    if missing:
        st.error(t("map.assets_missing", language, packages=", ".join(missing), command=INSTALL_COMMAND))
    return not missing


def _follow_click(key: str) -> None:
    """Make the district just clicked on the map the chosen one, before the page reruns (so the selectors and the
    map agree in that very run, whichever district was chosen before)."""
    code = selected_district(st.session_state.get(key))
    if code:
        st.session_state["keep_district"] = code


def map_panel(
    view: MapView, language: str, selected: str | None, key: str = "district_map", points: PointLayer | None = None
) -> str | None:
    """Draw the district map of a view (with a layer of points when given) and return the code of the district
    last clicked, which becomes the chosen district; only a click comes back from the browser, so panning and
    zooming never rerun the page."""
    if not map_assets_ready(language):
        return selected
    fmap = district_map(view, language, asset_url(), settings().basemap, selected)
    if points is not None:
        add_point_layer(fmap, points.points, points.name, points.show)
    clicked = st_folium(
        fmap,
        key=key,
        height=MAP_HEIGHT_PX,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
        on_change=partial(_follow_click, key),
    )
    return selected_district(clicked)


def still_map_panel(view: MapView, language: str, key: str, legend: bool = True, height: int = MAP_HEIGHT_PX) -> None:
    """Draw the district map of a view that nothing on the page reacts to: no event comes back from the browser."""
    if not map_assets_ready(language):
        return
    fmap = district_map(view, language, asset_url(), settings().basemap, legend=legend)
    st_folium(fmap, key=key, height=height, use_container_width=True, returned_objects=[])
