"""The district layer sent to the browser as compact GeoJSON: per feature only its code, tooltip and the
number of its style; the few distinct styles are sent once and applied by a short Leaflet script."""

from __future__ import annotations

import json

import geopandas as gpd
import shapely
from folium.map import Layer
from jinja2 import Template

NO_DATA_DASH = "4 3"
OUTLINE = "#444444"
SELECTED_OUTLINE = "#000000"
HIGHLIGHT = {"weight": 3, "color": SELECTED_OUTLINE}


def district_style(colour: str, class_key: str, selected: bool) -> dict:
    """Return the Leaflet style of a district: class colour, a dashed outline for no data, a heavy outline
    when selected."""
    return {
        "fillColor": colour,
        "color": SELECTED_OUTLINE if selected else OUTLINE,
        "weight": 3 if selected else 1,
        "fillOpacity": 0.8,
        "dashArray": NO_DATA_DASH if class_key == "no_data" else None,
        "className": "scp-district",
    }


def _compact(value: object) -> str:
    """Return JSON without spaces, safe to place inside an HTML script element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def district_layer_data(features: gpd.GeoDataFrame, selected: str | None) -> tuple[str, list[dict]]:
    """Return the districts (code, colour, class_key, tooltip, geometry) as compact GeoJSON text, and the
    distinct styles its features point to by number (property s)."""
    keys = list(zip(features["colour"], features["class_key"], features["code"] == selected, strict=True))
    numbers = {key: number for number, key in enumerate(dict.fromkeys(keys))}
    geometries = shapely.to_geojson(features.geometry.values)
    rows = zip(features["code"], features["tooltip"], keys, geometries, strict=True)
    text = ",".join(
        f'{{"type":"Feature","properties":{_compact({"code": code, "s": numbers[key], "tooltip": tooltip})},'
        f'"geometry":{geometry}}}'
        for code, tooltip, key, geometry in rows
    )
    return f'{{"type":"FeatureCollection","features":[{text}]}}', [district_style(*key) for key in numbers]


class DistrictLayer(Layer):
    """The district choropleth as one Leaflet GeoJSON layer styled from a shared list of styles, with a
    sticky tooltip and a highlight on hover."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }}_styles = {{ this.styles }};
        var {{ this.get_name() }} = L.geoJson({{ this.data }}, {
            style: function (feature) { return {{ this.get_name() }}_styles[feature.properties.s]; },
            onEachFeature: function (feature, layer) {
                layer.bindTooltip(feature.properties.tooltip, {sticky: true, className: "foliumtooltip"});
                layer.on({
                    mouseover: function (event) { event.target.setStyle({{ this.highlight }}); },
                    mouseout: function (event) { {{ this.get_name() }}.resetStyle(event.target); }
                });
            }
        });
        {% endmacro %}
        """
    )

    def __init__(self, features: gpd.GeoDataFrame, name: str, selected: str | None = None) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "DistrictLayer"
        self.data, styles = district_layer_data(features, selected)
        self.styles = _compact(styles)
        self.highlight = _compact(HIGHLIGHT)
        west, south, east, north = features.total_bounds
        self.bounds = [[float(south), float(west)], [float(north), float(east)]]

    def _get_self_bounds(self) -> list[list[float]]:
        """Return the layer's bounds as [[south, west], [north, east]], known without reading the data."""
        return self.bounds
