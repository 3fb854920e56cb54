import re

import pytest

from dashboard.core.paths import ROOT
from dashboard.core.settings import load_settings


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
    from dashboard.maps.folium_map import district_map
    from dashboard.maps.views import Selection, map_view

    official = tmp_path / "official.gpkg"
    data.layer.to_file(official, driver="GPKG")
    replaced = load_dataset(layer=load_settings({"SCP_BOUNDARIES": str(official)}).boundaries)
    assert not replaced.schematic and data.schematic
    page = district_map(map_view(replaced, Selection("25", "eco_packaging", 2023, "en")), "en", "/s", "none")
    assert "schematic" not in page.get_root().render()


def test_the_store_is_sqlite_in_the_data_folder_unless_database_url_says_otherwise(tmp_path):
    assert load_settings({"SCP_DATA_DIR": str(tmp_path)}).database_url == f"sqlite:///{tmp_path / 'scp.sqlite3'}"
    url = "postgresql+psycopg://scp:scp@db:5432/scp"
    assert load_settings({"DATABASE_URL": url}).database_url == url


@pytest.mark.parametrize(
    ("environ", "name"),
    [({"SCP_SEED_DEMO": "maybe"}, "SCP_SEED_DEMO"), ({"SCP_MAX_UPLOAD_MB": "0"}, "SCP_MAX_UPLOAD_MB")],
)
def test_a_store_or_upload_setting_that_is_not_understood_is_refused(environ, name):
    with pytest.raises(ValueError, match=name):
        load_settings(environ)
