"""Preparing layers for the browser: repair, coverage simplification that keeps shared borders, rounding."""

import geopandas as gpd
import shapely
from shapely.geometry import Polygon

from dashboard.geography.boundaries.layers import load_layer
from dashboard.geography.geometry import repaired, rounded, simplified_coverage


def test_repaired_turns_a_bow_tie_into_valid_polygons() -> None:
    bow_tie = Polygon([(105, 21), (105.1, 21.1), (105.1, 21), (105, 21.1)])
    layer = gpd.GeoDataFrame({"code": ["1"]}, geometry=[bow_tie], crs="EPSG:4326")
    fixed = repaired(layer)
    assert fixed.geometry.is_valid.all()
    assert fixed.geometry.iloc[0].area > 0


def test_simplified_coverage_keeps_neighbours_without_gaps_or_overlaps() -> None:
    layer = load_layer()
    province = layer[(layer["province_code"] == "25") & (layer["valid_to"] >= 2025)]
    simplified = simplified_coverage(province, 200)
    assert shapely.coverage_is_valid(simplified.geometry.values)
    before = shapely.union_all(province.geometry.values).area
    after = shapely.union_all(simplified.geometry.values).area
    assert abs(after - before) / before < 0.01
    assert (
        shapely.get_num_coordinates(simplified.geometry.values).sum()
        < shapely.get_num_coordinates(province.geometry.values).sum()
    )


def test_rounded_snaps_coordinates_to_four_decimals() -> None:
    square = Polygon([(105.123456, 21.123456), (105.2, 21.123456), (105.2, 21.2), (105.123456, 21.2)])
    layer = rounded(gpd.GeoDataFrame(geometry=[square], crs="EPSG:4326"))
    assert (105.1235, 21.1235) in list(layer.geometry.iloc[0].exterior.coords)
