"""The layer prepared for the map: every unit kept, borders still shared, smaller; the data version."""

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import box

from dashboard.geography.units import OPEN_END, OPEN_START, valid_in
from dashboard.maps.bench.synthetic import detailed_layer
from dashboard.maps.prepared import MAP_COLUMNS, display_tolerance_m, files_version, prepared_layer, validity_slices

YEARS = range(2018, 2027)


@pytest.fixture(scope="module")
def detailed(data):
    return detailed_layer(data.layer, 50.0)


@pytest.fixture(scope="module")
def prepared(detailed):
    return prepared_layer(detailed)


def test_every_unit_is_kept_for_every_year_with_a_shape(data, prepared):
    for province in data.provinces["province_code"]:
        for year in YEARS:
            raw = valid_in(data.layer[data.layer["province_code"] == province], year)
            ready = valid_in(prepared[prepared["province_code"] == province], year)
            assert sorted(ready["code"]) == sorted(raw["code"]), (province, year)
    assert not prepared.is_empty.any()
    assert prepared.is_valid.all()


def test_neighbours_still_share_their_borders_after_simplification(data, prepared):
    for province in data.provinces["province_code"]:
        for year in (2019, 2023):
            ready = valid_in(prepared[prepared["province_code"] == province], year)
            assert shapely.coverage_is_valid(ready.geometry.values), (province, year)


def test_the_map_gets_a_fraction_of_the_vertices_rounded_to_four_decimals_and_no_other_property(detailed, prepared):
    before = valid_in(detailed, 2023).geometry.count_coordinates().sum()
    after = valid_in(prepared, 2023).geometry.count_coordinates().sum()
    assert after < before / 5
    coordinates = shapely.get_coordinates(prepared.geometry.values)
    assert np.allclose(coordinates, np.round(coordinates, 4), rtol=0, atol=1e-9)
    assert list(prepared.columns) == [*MAP_COLUMNS, "level", "schematic"]


def test_simplification_keeps_each_units_area_within_two_percent(detailed, prepared):
    metric = "EPSG:32648"
    for year in (2019, 2023):
        before = valid_in(detailed, year).to_crs(metric).set_index("code").area
        after = valid_in(prepared, year).to_crs(metric).set_index("code").area
        assert ((after.reindex(before.index) - before).abs() / before).max() < 0.02


@pytest.mark.parametrize(
    ("validity", "slices"),
    [
        ([(OPEN_START, OPEN_END)], [(OPEN_START, OPEN_END)]),
        ([(OPEN_START, 2019), (2020, OPEN_END), (OPEN_START, OPEN_END)], [(OPEN_START, 2019), (2020, OPEN_END)]),
        ([(OPEN_START, 2021), (2022, 2025), (OPEN_START, 2025)], [(OPEN_START, 2021), (2022, 2025)]),
    ],
)
def test_validity_slices_are_the_periods_in_which_nothing_changes(validity, slices):
    layer = gpd.GeoDataFrame(
        {"valid_from": [first for first, _ in validity], "valid_to": [last for _, last in validity]},
        geometry=[box(0, 0, 1, 1)] * len(validity),
    )
    assert validity_slices(layer) == slices


@pytest.mark.parametrize(
    ("south", "north", "least", "most"),
    [(21.0, 21.8, 50.0, 100.0), (21.0, 21.3, 50.0, 50.0), (8.5, 23.4, 1000.0, 1500.0)],
)
def test_the_tolerance_follows_the_extent_shown(south, north, least, most):
    layer = gpd.GeoDataFrame(geometry=[box(105.0, south, 106.0, north)], crs="EPSG:4326")
    assert least <= display_tolerance_m(layer) <= most


def test_the_data_version_changes_with_the_bytes_of_any_file(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.geojson"
    first.write_text("code,name\n1,A\n")
    second.write_text("{}")
    version = files_version([first, second])
    assert files_version([second, first]) == version
    first.write_text("code,name\n1,B\n")
    assert files_version([first, second]) != version
