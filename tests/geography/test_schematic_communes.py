"""The schematic commune layer generated from the registry package: valid polygons tiling each province, each
commune's location in its own polygon, and zones placed in the commune they lie in."""

import pytest
import shapely

from dashboard.geography.boundaries.layers import drawn_in
from dashboard.geography.schematic_communes import national_commune_layer, schematic_communes
from dashboard.geography.units import units_of

COMMUNES_2026 = {"25": 148, "19": 92, "42": 69}


@pytest.mark.parametrize(("province", "count"), COMMUNES_2026.items())
def test_each_merged_province_gets_one_valid_polygon_per_commune_with_no_overlap(data, province, count):
    shapes = schematic_communes([province]).to_crs("EPSG:32648")
    assert len(shapes) == count and shapes["code"].is_unique
    assert set(shapes["code"]) == set(units_of(data.units, province, 2026)["code"])
    assert shapes.geometry.is_valid.all() and not shapes.geometry.is_empty.any()
    assert shapely.coverage_is_valid(shapes.geometry.values)
    union = shapely.unary_union(shapes.geometry.values)
    assert union.area == pytest.approx(shapes.area.sum(), rel=1e-6)


@pytest.mark.parametrize("province", COMMUNES_2026)
def test_each_commune_location_lies_in_its_own_polygon(data, province):
    shapes = schematic_communes([province]).set_index("code").geometry
    for unit in units_of(data.units, province, 2026).itertuples():
        location = shapely.Point(unit.seat_lon, unit.seat_lat)
        holding = [code for code, shape in shapes.items() if shape.contains(location)]
        assert holding == [unit.code], unit.name


def test_the_national_layer_tiles_all_3321_communes_without_provinces_overlapping():
    layer = national_commune_layer().to_crs("EPSG:32648")
    assert len(layer) == 3321 and layer["province_code"].nunique() == 34
    assert layer.geometry.is_valid.all()
    assert shapely.coverage_is_valid(layer.geometry.values)


def test_the_2026_map_layer_draws_the_communes_and_is_marked_schematic(data):
    assert len(drawn_in(data.layer, "25", 2026)) == 148 and set(drawn_in(data.layer, "25", 2026)["level"]) == {
        "commune"
    }
    assert len(drawn_in(data.layer, "25", 2025)) == 13 and set(drawn_in(data.layer, "25", 2025)["level"]) == {
        "district"
    }
    assert data.draws_schematic("25", 2026) and data.draws_schematic("42", 2026)
    assert drawn_in(data.layer, "17", 2026).empty


@pytest.mark.parametrize(("province", "formers"), [("25", {"17", "25"}), ("19", {"19"}), ("42", {"42"})])
def test_zones_keep_their_codes_and_are_placed_in_the_commune_they_lie_in(data, province, formers):
    zones = data.zones_of(province, 2026)
    listed = data.zones[data.zones["province_code"].isin(formers)]
    assert sorted(zones["zone_code"]) == sorted(listed["zone_code"])
    shapes = drawn_in(data.layer, province, 2026).set_index("code").geometry
    assert zones["district_code"].isin(shapes.index).all()
    inside = 0
    for zone in zones.itertuples():
        location = shapely.Point(zone.longitude, zone.latitude)
        if shapes[zone.district_code].contains(location):
            inside += 1
        else:
            assert not any(shape.contains(location) for shape in shapes), zone.zone_code
    assert inside >= len(zones) - 3
    assert (
        zones["former_district_code"].tolist()
        == listed.set_index("zone_code").loc[zones["zone_code"], "district_code"].tolist()
    )


def test_until_2025_zones_stay_in_their_listed_district(data):
    zones = data.zones_of("25", 2025)
    assert set(zones["province_code"]) == {"25"} and "former_district_code" not in zones
