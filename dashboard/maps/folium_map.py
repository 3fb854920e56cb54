"""The choropleth map as a folium.Map, drawn from a MapView; it loads Leaflet from the app itself."""

from __future__ import annotations

import html
import json

import folium
import geopandas as gpd
from branca.element import MacroElement, Template

from dashboard.core.i18n import t
from dashboard.maps.choropleth import DistrictLayer
from dashboard.maps.views import LegendEntry, MapView, map_note
from dashboard.progress.measures import NO_DATA

LEAFLET_JS = "leaflet/leaflet.js"
LEAFLET_CSS = "leaflet/leaflet.css"
OSM_TILES = "OpenStreetMap"
ZONE_RADIUS = {"kkt": 9, "kcn": 7, "ccn": 6, "lang_nghe": 5}
ZONE_OUTLINE = "#08306b"
MAP_MARGIN_PX = 10
LEAST_MAP_HEIGHT_PX = 160
ZOOM_SNAP = 0.25
NO_DATA_BORDER = "2px dashed #222"


class Legend(MacroElement):
    """A legend drawn as a Leaflet control from already escaped HTML."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomright"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "scp-legend");
            div.innerHTML = {{ this.body|tojson }};
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, body: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.body = body


class FitToLegend(MacroElement):
    """Fits the map to its units, leaving the legend room: beside it on a map at least twice as wide as the
    legend, above it on a narrow one (a phone, where the layer list folds to its button), so the units are never
    drawn under it or zoomed away. It fits again whenever the legend changes size (when Leaflet's styles arrive,
    when a phone is turned) until the user first moves the map; a legend as wide as the map is not laid out yet."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var container = map.getContainer();
            var legend = container.querySelector(".scp-legend");
            var margin = {{ this.margin }};
            var folded = false;
            function fit() {
                var size = map.getSize();
                var narrow = legend && size.x < 2 * legend.offsetWidth;
                var room = [margin, margin];
                if (legend) {
                    var corner = legend.offsetParent || container;
                    var below = Math.min(corner.offsetHeight - legend.offsetTop, size.y - {{ this.least_height }});
                    var beside = corner.offsetWidth - legend.offsetLeft;
                    room = narrow ? [margin, below + margin] : [beside + margin, margin];
                }
                map.fitBounds({{ this.bounds|tojson }}, {paddingBottomRight: room, animate: false});
                if (narrow && !folded && legend.offsetWidth < size.x) {
                    folded = true;
                    setTimeout(function () {
                        var layers = container.querySelector(".leaflet-control-layers-expanded");
                        if (layers) {
                            layers.classList.remove("leaflet-control-layers-expanded");
                        }
                    }, 0);
                }
            }
            fit();
            if (legend && window.ResizeObserver) {
                var observer = new ResizeObserver(fit);
                observer.observe(legend);
                ["mousedown", "touchstart", "wheel", "keydown"].forEach(function (name) {
                    container.addEventListener(name, function () { observer.disconnect(); }, {once: true});
                });
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]], margin: int = MAP_MARGIN_PX) -> None:
        super().__init__()
        self._name = "FitToLegend"
        self.bounds = bounds
        self.margin = margin
        self.least_height = LEAST_MAP_HEIGHT_PX


class FocusWithoutScroll(MacroElement):
    """Focuses the map on the first press without scrolling the page: Leaflet focuses its container (for the
    keyboard) on mousedown, and the page then scrolled a map partly out of view under the pointer, so the first
    click or tap landed on another shape, or none, and selected nothing."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (container) {
            container.addEventListener("mousedown", function () {
                if (document.activeElement !== container) {
                    container.focus({preventScroll: true});
                }
            }, true);
        })({{ this._parent.get_name() }}.getContainer());
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "FocusWithoutScroll"


def legend_html(
    title: str, entries: list[LegendEntry], zone_title: str, zone_entries: list[LegendEntry], note: str
) -> str:
    """Return the legend's HTML: a swatch and words per class, every text escaped."""

    def block(heading: str, rows: list[LegendEntry], round_swatch: bool) -> str:
        radius = "50%" if round_swatch else "2px"
        border = f"2px solid {ZONE_OUTLINE}" if round_swatch else "1px solid #555"
        lines = "".join(
            f'<div><span style="display:inline-block;width:14px;height:14px;margin-right:6px;'
            f"vertical-align:middle;border:{NO_DATA_BORDER if entry.key == NO_DATA else border};"
            f'border-radius:{radius};background:{entry.colour}"></span>'
            f"{html.escape(entry.label)} ({entry.count})</div>"
            for entry in rows
        )
        return f"<div style='font-weight:600;margin:4px 0'>{html.escape(heading)}</div>{lines}"

    return (
        '<div style="background:rgba(255,255,255,0.92);padding:8px 10px;border-radius:4px;'
        'font:12px/1.5 sans-serif;max-width:340px;box-shadow:0 1px 4px rgba(0,0,0,.3)">'
        + block(title, entries, False)
        + block(zone_title, zone_entries, True)
        + f"<div style='margin-top:6px;color:#555;font-size:11px'>{html.escape(note)}</div></div>"
    )


def _zone_style(feature: dict) -> dict:
    """Return the style of a zone marker."""
    properties = feature["properties"]
    return {
        "className": "scp-zone",
        "fillColor": properties["colour"],
        "color": ZONE_OUTLINE,
        "weight": 2,
        "fillOpacity": 1,
        "radius": properties["radius"],
    }


def _zones_geojson(view: MapView) -> dict:
    """Return the zones as GeoJSON points with colour, radius and tooltip."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"colour": zone.colour, "radius": ZONE_RADIUS[zone.kind], "tooltip": zone.tooltip},
                "geometry": {"type": "Point", "coordinates": [zone.longitude, zone.latitude]},
            }
            for zone in view.zones.itertuples()
        ],
    }


def district_map(
    view: MapView, language: str, asset_url: str, basemap: str, selected: str | None = None, legend: bool = True
) -> folium.Map:
    """Return the choropleth of a MapView with zones on top, a legend in words (unless the page draws it
    beside several maps), and Leaflet loaded from asset_url; basemap is "osm" for OpenStreetMap tiles or "none"."""
    districts = DistrictLayer(view.features, t("map.districts_layer", language), selected)
    return map_with_districts(view, districts, language, asset_url, basemap, legend)


def map_with_districts(
    view: MapView, districts: folium.map.Layer, language: str, asset_url: str, basemap: str, legend: bool = True
) -> folium.Map:
    """Return the map of a MapView around a given district layer: basemap, zones, layer control, legend."""
    bounds = view.features.total_bounds
    fmap = folium.Map(
        location=[(bounds[1] + bounds[3]) / 2, (bounds[0] + bounds[2]) / 2],
        tiles=None,
        zoom_start=9,
        prefer_canvas=False,
        control_scale=True,
        zoom_snap=ZOOM_SNAP,
    )
    if basemap == "osm":
        folium.TileLayer(OSM_TILES, name=t("map.basemap_layer", language)).add_to(fmap)
    fmap.default_js = [("leaflet", f"{asset_url}/{LEAFLET_JS}")]
    fmap.default_css = [("leaflet_css", f"{asset_url}/{LEAFLET_CSS}")]
    districts.add_to(fmap)
    if not view.zones.empty:
        folium.GeoJson(
            _zones_geojson(view),
            name=t("map.zones_layer", language),
            marker=folium.CircleMarker(radius=6, fill=True),
            style_function=_zone_style,
            tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=True),
        ).add_to(fmap)
    folium.LayerControl(collapsed=not legend).add_to(fmap)
    if legend:
        note = map_note(view, language)
        fmap.add_child(
            Legend(legend_html(view.legend_title, view.legend, t("legend.zones", language), view.zone_legend, note))
        )
    fmap.add_child(FitToLegend([[float(bounds[1]), float(bounds[0])], [float(bounds[3]), float(bounds[2])]]))
    fmap.add_child(FocusWithoutScroll())
    return fmap


def _point_style(feature: dict) -> dict:
    """Return the style of a point of an extra layer (green retail points) from its properties."""
    properties = feature["properties"]
    return {
        "className": "scp-point",
        "fillColor": properties["colour"],
        "color": properties["outline"],
        "weight": 2,
        "fillOpacity": 1,
        "radius": 5,
    }


def add_point_layer(fmap: folium.Map, points: gpd.GeoDataFrame, name: str, show: bool) -> None:
    """Add points (with colour, outline and tooltip) to a map as a layer the user can switch on and off; the
    layer control moves after it, since its script names every layer drawn before it."""
    if points.empty:
        return
    folium.GeoJson(
        json.loads(points[["colour", "outline", "tooltip", "geometry"]].to_json(drop_id=True)),
        name=name,
        show=show,
        marker=folium.CircleMarker(radius=5, fill=True),
        style_function=_point_style,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=True),
    ).add_to(fmap)
    for key in [key for key, child in fmap._children.items() if isinstance(child, folium.LayerControl)]:
        fmap._children.move_to_end(key)
