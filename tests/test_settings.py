import re

import pytest

from dashboard.paths import ROOT
from dashboard.settings import load_settings


@pytest.mark.parametrize(("value", "expected"), [(None, "osm"), ("none", "none"), (" OSM ", "osm")])
def test_the_basemap_is_a_setting(value, expected):
    environ = {} if value is None else {"SCP_BASEMAP": value}
    assert load_settings(environ).basemap == expected


def test_an_unknown_basemap_is_refused_with_the_accepted_values():
    with pytest.raises(ValueError, match="must be one of osm, none"):
        load_settings({"SCP_BASEMAP": "google"})


def test_every_setting_read_from_the_environment_is_documented_in_the_readme():
    code = "".join(path.read_text() for path in ROOT.joinpath("dashboard").rglob("*.py"))
    names = set(re.findall(r'environ\.get\("([A-Z_]+)"', code))
    assert names
    readme = ROOT.joinpath("README.md").read_text()
    assert {name for name in names if f"`{name}`" not in readme} == set()


def test_a_boundary_layer_that_does_not_exist_is_refused(tmp_path):
    with pytest.raises(ValueError, match="SCP_BOUNDARIES"):
        load_settings({"SCP_BOUNDARIES": str(tmp_path / "missing.geojson")})


def test_an_official_layer_replaces_the_schematic_one_and_the_map_stops_calling_it_schematic(data, tmp_path):
    from dashboard.dataset import load_dataset
    from dashboard.maps import district_map
    from dashboard.views import Selection, map_view

    official = tmp_path / "official.gpkg"
    data.layer.to_file(official, driver="GPKG")
    replaced = load_dataset(layer=load_settings({"SCP_BOUNDARIES": str(official)}).boundaries)
    assert not replaced.schematic and data.schematic
    page = district_map(map_view(replaced, Selection("25", "eco_packaging", 2023, "en")), "en", "/s", "none")
    assert "schematic" not in page.get_root().render()
