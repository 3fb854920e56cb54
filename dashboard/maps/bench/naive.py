"""The naive choropleth the benchmark measures the map against: the boundary layer at full precision with
every property of the layer and of the view, styled feature by feature with folium.GeoJson."""

from __future__ import annotations

import json

import folium
import geopandas as gpd

from dashboard.core.i18n import t
from dashboard.geography.boundaries.layers import drawn_in
from dashboard.maps.choropleth import HIGHLIGHT, district_style
from dashboard.maps.folium_map import map_with_districts
from dashboard.maps.views import MapView, Selection


def naive_features(layer: gpd.GeoDataFrame, view: MapView, selection: Selection) -> gpd.GeoDataFrame:
    """Return the province's shapes valid in the year as read, with every column of the layer and the view."""
    shapes = drawn_in(layer, selection.province_code, selection.year)
    return shapes.merge(view.districts, on="code")


def _style(feature: dict) -> dict:
    """Return a district's style from its own properties."""
    properties = feature["properties"]
    return district_style(properties["colour"], properties["class_key"], selected=False)


def naive_map(view: MapView, features: gpd.GeoDataFrame, language: str, asset_url: str, basemap: str) -> folium.Map:
    """Return the map page's map with the districts drawn the naive way instead of the compact layer."""
    districts = folium.GeoJson(
        json.loads(features.to_json(drop_id=True)),
        name=t("map.districts_layer", language),
        style_function=_style,
        highlight_function=lambda feature: HIGHLIGHT,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=True),
    )
    return map_with_districts(view, districts, language, asset_url, basemap)
