import dataclasses
import json
import re

import numpy as np
import pytest

from dashboard.maps.choropleth import decoded_ring
from dashboard.maps.folium_map import district_map, unit_labels
from dashboard.maps.views import Selection, map_view

CDN_HOSTS = ["cdn.jsdelivr", "code.jquery", "cdnjs.cloudflare", "d3js.org", "netdna", "bootstrapcdn", "unpkg"]


@pytest.fixture(scope="module")
def view(data):
    return map_view(data, Selection("25", "zone_awareness", 2025, "vi"))


def render(view, basemap: str = "none", language: str = "vi", selected: str | None = None) -> str:
    return district_map(view, language, "/app/static/vendor", basemap, selected).get_root().render()


def test_the_map_loads_leaflet_from_the_app_and_nothing_from_a_cdn(view):
    page = render(view)
    assert '<script src="/app/static/vendor/leaflet/leaflet.js">' in page
    assert 'href="/app/static/vendor/leaflet/leaflet.css"' in page
    assert not [host for host in CDN_HOSTS if host in page]


def test_without_a_basemap_no_tiles_are_requested(view):
    assert "tile.openstreetmap.org" not in render(view, "none")
    assert "tile.openstreetmap.org" in render(view, "osm")


def district_layer(page: str) -> tuple[list[dict], list[dict]]:
    """Return the districts drawn and the styles they point to, as the browser receives them."""
    styles = json.loads(re.search(r"_styles = (\[.*?\]);", page).group(1))
    data = json.loads(re.search(r"_data = (\{.*?\});\n", page).group(1))
    return data["features"], styles


def test_every_district_is_drawn_with_its_class_colour_and_tooltip(view):
    features, styles = district_layer(render(view))
    drawn = {feature["properties"]["code"]: feature["properties"] for feature in features}
    for row in view.districts.itertuples():
        assert styles[drawn[row.code]["s"]]["fillColor"] == row.colour
        assert drawn[row.code]["tooltip"] == row.tooltip


def test_every_district_shape_arrives_as_drawn_in_the_view(view):
    features, _ = district_layer(render(view))
    shapes = dict(zip(view.features["code"], view.features.geometry, strict=True))
    for feature in features:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        rings = [decoded_ring(ring) for polygon in polygons for ring in polygon]
        expected = shapes[feature["properties"]["code"]]
        expected_rings = [
            ring for part in getattr(expected, "geoms", [expected]) for ring in (part.exterior, *part.interiors)
        ]
        assert len(rings) == len(expected_rings)
        for ring, expected_ring in zip(rings, expected_rings, strict=True):
            assert np.allclose(ring, np.asarray(expected_ring.coords)[:, :2], rtol=0, atol=1e-9)


def test_districts_without_data_have_a_dashed_outline(data):
    view = map_view(data, Selection("17", "awareness_campaigns", 2024, "vi"))
    features, styles = district_layer(render(view))
    classes = dict(zip(view.features["code"], view.features["class_key"], strict=True))
    assert "no_data" in classes.values()
    for feature in features:
        dashed = styles[feature["properties"]["s"]]["dashArray"] is not None
        assert dashed == (classes[feature["properties"]["code"]] == "no_data")


def test_the_browser_gets_only_code_tooltip_and_style_per_district(view):
    features, _ = district_layer(render(view))
    assert {key for feature in features for key in feature["properties"]} == {"code", "tooltip", "s"}


def legend_of(page: str) -> str:
    return json.loads(re.search(r"div.innerHTML = (\".*?\");", page).group(1))


def test_the_legend_and_schematic_note_are_on_the_map_in_the_chosen_language(data, view):
    legend = legend_of(render(view))
    assert "Dưới 70%: chưa đạt chỉ tiêu 2025 (1)" in legend
    assert "sơ đồ (schematic)" in legend
    english = map_view(data, Selection("25", "zone_awareness", 2025, "en"))
    legend = legend_of(render(english, language="en"))
    assert "Below 70%: short of the 2025 target (1)" in legend
    assert "schematic" in legend


def test_the_selected_district_is_outlined(view):
    features, styles = district_layer(render(view, selected="230"))
    weights = {feature["properties"]["code"]: styles[feature["properties"]["s"]]["weight"] for feature in features}
    assert weights.pop("230") == 3
    assert set(weights.values()) == {1}


def test_an_uploaded_point_name_with_markup_is_escaped_in_the_map(data):
    import dataclasses

    import pandas as pd

    from dashboard.maps.folium_map import add_point_layer
    from dashboard.maps.points import green_point_view

    attack = "<img src=x onerror=alert(1)>"
    points = data.tables["green_retail_points"]
    row = points[points["unit_code"] == "227"].iloc[[0]].assign(point_name=attack, year=2025)
    tables = {**data.tables, "green_retail_points": pd.concat([points, row], ignore_index=True)}
    uploaded = dataclasses.replace(data, tables=tables)
    view = map_view(uploaded, Selection("25", "green_retail_points", 2025, "vi"))
    fmap = district_map(view, "vi", "/static", "none")
    add_point_layer(fmap, green_point_view(uploaded, "25", 2025, "vi"), "Điểm", show=True)
    page = fmap.get_root().render().replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert attack not in page


def test_the_map_is_fitted_to_its_units_by_the_legend_as_drawn_not_a_fixed_margin(view):
    html = render(view)
    fitted = re.search(r"map\.fitBounds\((\[\[.*?\]\]), \{paddingBottomRight: room, animate: false\}\)", html)
    west, south, east, north = view.features.total_bounds
    assert np.ravel(json.loads(fitted.group(1))) == pytest.approx([south, west, north, east])
    assert 'querySelector(".scp-legend")' in html and "new ResizeObserver(fit)" in html
    assert 'paddingBottomRight": [360' not in html and html.count("fitBounds") == 1


def test_the_map_credits_leaflet_in_words_without_an_emblem(view):
    page = render(view)
    assert ".attributionControl.setPrefix('<a href=\"https://leafletjs.com\">Leaflet</a>');" in page


def test_unit_names_are_written_where_they_fit_escaped_and_never_catching_a_click(data, view):
    labels = unit_labels(view)
    assert {label[0] for label in labels} == set(view.districts["label"])
    for _name, lat, lon, south, west, north, east in labels:
        assert south <= lat <= north and west <= lon <= east
    page = render(view)
    assert '"Việt Trì"' in page or '"Vi\\u1ec7t Tr\\u00ec"' in page
    assert "text.offsetWidth <= 0.8 * Math.abs(opposite.x - corner.x)" in page
    assert ".scp-unit-label { pointer-events: none;" in page
    hostile = dataclasses.replace(view, districts=view.districts.assign(label="<b>x</b>"))
    assert unit_labels(hostile)[0][0] == "&lt;b&gt;x&lt;/b&gt;" and "<b>x</b>" not in render(hostile)


def test_the_map_takes_focus_on_the_first_press_without_scrolling_the_page(view):
    page = render(view)
    assert 'container.addEventListener("mousedown"' in page
    assert "focus({preventScroll: true})" in page
