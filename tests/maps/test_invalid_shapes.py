"""A layer with invalid polygons as published (a bow-tie, a hole crossing its shell) reaches the map by every
way a layer enters, SCP_BOUNDARIES and bench --boundaries, and is drawn repaired instead of crashing GEOS."""

from dataclasses import replace

import pytest
from shapely.geometry import Polygon, box

from dashboard.dataset import load_dataset
from dashboard.geography.boundaries.layers import province_features
from dashboard.geography.geometry import rounded
from dashboard.geography.units import valid_in
from dashboard.maps.bench.benchmark import FAST, NAIVE, bench_cases, build_map
from dashboard.maps.prepared import prepared_layer
from dashboard.maps.views import Selection, map_view

PHU_THO = "25"


def bow_tie(shape: Polygon) -> Polygon:
    """Return the polygon with the first two neighbouring vertices of its outer ring whose swap makes the
    border cross itself swapped: a small bow-tie, the kind of fault a published national layer has."""
    ring = list(shape.exterior.coords)[:-1]
    for index in range(len(ring) - 1):
        swapped = [*ring[:index], ring[index + 1], ring[index], *ring[index + 2 :]]
        if not Polygon(swapped).is_valid:
            return Polygon(swapped)
    raise AssertionError("no swap of neighbouring vertices makes this polygon cross itself")


def crossing_hole(shape: Polygon) -> Polygon:
    """Return the polygon with a hole around its first vertex, so the hole crosses the outer ring."""
    x, y = shape.exterior.coords[0]
    return Polygon(shape.exterior.coords, [box(x - 0.01, y - 0.01, x + 0.01, y + 0.01).exterior.coords])


@pytest.fixture(params=[bow_tie, crossing_hole])
def layer_file(request, data, tmp_path):
    """Write the bundled layer with one Phú Thọ district made invalid, and return the file."""
    layer = data.layer.copy()
    row = layer.index[(layer["province_code"] == PHU_THO) & (layer["code"] == "227")][0]
    layer.loc[row, "geometry"] = request.param(layer.geometry[row])
    assert not layer.geometry[row].is_valid
    path = tmp_path / "invalid.geojson"
    layer.to_file(path, driver="GeoJSON")
    return path


def test_reducing_precision_repairs_an_invalid_polygon_first(data, layer_file):
    raw = load_dataset(layer=layer_file).layer
    assert rounded(raw).is_valid.all()
    assert len(province_features(raw, PHU_THO, 2023)) == len(valid_in(raw[raw["province_code"] == PHU_THO], 2023))


def test_a_layer_from_scp_boundaries_with_invalid_polygons_is_prepared_and_drawn(layer_file):
    raw = load_dataset(layer=layer_file)
    prepared = prepared_layer(raw.layer)
    assert prepared.is_valid.all()
    for layer in (raw.layer, prepared):
        view = map_view(replace(raw, layer=layer), Selection(PHU_THO, "eco_packaging", 2023, "vi"))
        assert "227" in set(view.features["code"])


def test_bench_measures_a_layer_file_with_invalid_polygons(data, layer_file):
    case = bench_cases(data, 4, 6, [layer_file], 5000.0)[-1]
    assert case.layer == str(layer_file)
    for variant in (FAST, NAIVE):
        assert build_map(case, variant, case.selections[0]).get_root().render()
