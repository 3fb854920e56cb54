"""The district layer sent to the browser as compact GeoJSON: per feature only its code, tooltip and the
number of its style; the few distinct styles are sent once and applied by a short Leaflet script. Each ring
travels as whole numbers of ten-thousandths of a degree, the first point whole and each next one as its
difference from the one before (a third of the bytes of decimal pairs); the script turns them back into
coordinates before Leaflet reads them."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import shapely
from folium.map import Layer
from jinja2 import Template
from shapely.geometry.base import BaseGeometry

from dashboard.geography.geometry import BROWSER_DECIMALS

NO_DATA_DASH = "4 3"
OUTLINE = "#444444"
SELECTED_OUTLINE = "#000000"
HIGHLIGHT = {"weight": 3, "color": SELECTED_OUTLINE}
QUANTUM = 10**BROWSER_DECIMALS


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


def _ring_numbers(ring: shapely.LinearRing) -> str:
    """Return a ring as a JSON list of whole ten-thousandths of a degree: the first point, then differences."""
    steps = np.rint(np.asarray(ring.coords)[:, :2] * QUANTUM).astype(np.int64)
    steps[1:] -= steps[:-1].copy()
    return "[" + ",".join(map(str, steps.ravel().tolist())) + "]"


def _polygon_numbers(polygon: shapely.Polygon) -> str:
    """Return a polygon's rings as a JSON list of encoded rings."""
    return "[" + ",".join(_ring_numbers(ring) for ring in (polygon.exterior, *polygon.interiors)) + "]"


def encoded_geometry(geometry: BaseGeometry) -> str:
    """Return a polygon or multipolygon as GeoJSON whose rings are encoded as whole-number differences."""
    if geometry.geom_type == "Polygon":
        return f'{{"type":"Polygon","coordinates":{_polygon_numbers(geometry)}}}'
    parts = ",".join(_polygon_numbers(polygon) for polygon in geometry.geoms)
    return f'{{"type":"MultiPolygon","coordinates":[{parts}]}}'


def decoded_ring(numbers: list[int]) -> list[tuple[float, float]]:
    """Return the coordinates of an encoded ring (what the browser's script does)."""
    points = np.cumsum(np.asarray(numbers, dtype=np.int64).reshape(-1, 2), axis=0) / QUANTUM
    return [tuple(point) for point in points.tolist()]


def district_layer_data(features: gpd.GeoDataFrame, selected: str | None) -> tuple[str, list[dict]]:
    """Return the districts (code, colour, class_key, tooltip, geometry) as compact GeoJSON text, and the
    distinct styles its features point to by number (property s)."""
    keys = list(zip(features["colour"], features["class_key"], features["code"] == selected, strict=True))
    numbers = {key: number for number, key in enumerate(dict.fromkeys(keys))}
    geometries = [encoded_geometry(geometry) for geometry in features.geometry]
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
        var {{ this.get_name() }}_data = {{ this.data }};
        {{ this.get_name() }}_data.features.forEach(function (feature) {
            function ring(numbers) {
                var points = [], x = 0, y = 0;
                for (var i = 0; i < numbers.length; i += 2) {
                    x += numbers[i];
                    y += numbers[i + 1];
                    points.push([x / {{ this.quantum }}, y / {{ this.quantum }}]);
                }
                return points;
            }
            function polygon(rings) { return rings.map(ring); }
            var geometry = feature.geometry;
            geometry.coordinates = geometry.type === "Polygon"
                ? polygon(geometry.coordinates) : geometry.coordinates.map(polygon);
        });
        var {{ this.get_name() }} = L.geoJson({{ this.get_name() }}_data, {
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
        self.quantum = QUANTUM
        west, south, east, north = features.total_bounds
        self.bounds = [[float(south), float(west)], [float(north), float(east)]]

    def _get_self_bounds(self) -> list[list[float]]:
        """Return the layer's bounds as [[south, west], [north, east]], known without reading the data."""
        return self.bounds
