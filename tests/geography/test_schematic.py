import pytest
import shapely

from dashboard.geography.boundaries.layers import SCHEMATIC_LAYER, province_features
from dashboard.geography.schematic import layer_geojson, schematic_layer
from dashboard.geography.units import units_of, valid_in

PROVINCES = ["17", "19", "25", "42"]


def test_the_committed_layer_is_exactly_what_the_generator_makes(data):
    assert layer_geojson(schematic_layer(data.units, data.zones)) == SCHEMATIC_LAYER.read_text(encoding="utf-8")


@pytest.mark.parametrize("year", [2019, 2020, 2025])
@pytest.mark.parametrize("province", PROVINCES)
def test_districts_tile_the_province_with_no_gap_and_no_overlap(data, province, year):
    shapes = valid_in(data.layer[data.layer["province_code"] == province], year).to_crs("EPSG:32648")
    assert shapes.geometry.is_valid.all()
    assert shapely.coverage_is_valid(shapes.geometry.values)
    union = shapely.unary_union(shapes.geometry.values)
    assert union.geom_type == "Polygon" and len(union.interiors) == 0
    assert union.area == pytest.approx(shapes.area.sum(), rel=1e-9)


@pytest.mark.parametrize("province", PROVINCES)
def test_each_district_seat_lies_inside_its_own_district(data, province):
    for year in (2019, 2025):
        shapes = valid_in(data.layer, year).set_index("code").geometry
        for unit in units_of(data.units, province, year).itertuples():
            seat = shapely.Point(unit.seat_lon, unit.seat_lat)
            assert shapes[unit.code].contains(seat), unit.name
            assert all(not shapes[other].contains(seat) for other in shapes.index if other != unit.code)


def test_hoa_binh_city_takes_in_ky_son_from_2020(data):
    shapes = data.layer.set_index(["code", "valid_from"]).geometry
    before = data.layer[(data.layer["code"] == "148") & (data.layer["valid_to"] == 2019)].geometry.iloc[0]
    after = shapes[("148", 2020)]
    ky_son = data.layer[data.layer["code"] == "151"].geometry.iloc[0]
    assert after.equals(shapely.unary_union([before, ky_son]))


def test_browser_features_keep_only_what_the_map_needs(data):
    features = province_features(data.layer, "25", 2023)
    assert list(features.columns) == ["code", "geometry"]
    assert len(features) == 13
    assert shapely.coverage_is_valid(features.geometry.values)
