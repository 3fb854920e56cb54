import json
import re

import pytest

from dashboard.maps import district_map
from dashboard.views import Selection, map_view

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


def test_every_district_is_drawn_with_its_class_colour(view):
    page = render(view)
    for row in view.districts.itertuples():
        assert f'"code": "{row.code}"' in page
    assert set(re.findall(r'"colour": "(#[0-9a-f]{6})"', page)) >= set(view.districts["colour"])


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
    page = render(view, selected="230")
    assert re.search(r'"code": "230".{0,400}"selected": true', page, re.S)


def test_an_uploaded_point_name_with_markup_is_escaped_in_the_map(data):
    import dataclasses

    import pandas as pd

    from dashboard.maps import add_point_layer
    from dashboard.sites import green_point_view

    attack = "<img src=x onerror=alert(1)>"
    points = data.tables["green_retail_points"]
    row = points[points["district_code"] == "227"].iloc[[0]].assign(point_name=attack, year=2025)
    tables = {**data.tables, "green_retail_points": pd.concat([points, row], ignore_index=True)}
    uploaded = dataclasses.replace(data, tables=tables)
    view = map_view(uploaded, Selection("25", "green_retail_points", 2025, "vi"))
    fmap = district_map(view, "vi", "/static", "none")
    add_point_layer(fmap, green_point_view(uploaded, "25", 2025, "vi"), "Điểm", show=True)
    page = fmap.get_root().render().replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert attack not in page
