"""Synthetic national layers: they tile Vietnam's outline, keep shared borders shared, and draw on the map."""

import pytest
import shapely

from dashboard.maps.bench.benchmark import NATIONAL_INDICATOR
from dashboard.maps.bench.synthetic import NATIONAL_CODE, national_outline, synthetic_dataset, synthetic_layer
from dashboard.maps.views import Selection, map_view

UNITS = 40


@pytest.fixture(scope="module")
def layer():
    return synthetic_layer(UNITS, 1000.0, "T")


def test_the_units_tile_the_outline_with_no_gap_or_overlap(layer):
    metric = layer.to_crs("EPSG:32648")
    assert len(layer) == UNITS and layer["code"].is_unique
    assert layer.is_valid.all() and not layer.is_empty.any()
    assert shapely.coverage_is_valid(metric.geometry.values)
    outline = national_outline().area
    assert metric.area.sum() == pytest.approx(outline, rel=0.01)


def test_borders_are_detailed_at_the_spacing_asked_for(layer):
    metric = layer.to_crs("EPSG:32648")
    spacing = metric.length.sum() / metric.geometry.count_coordinates().sum()
    assert 500 < spacing < 1000


def test_the_same_layer_comes_out_every_run(layer):
    again = synthetic_layer(UNITS, 1000.0, "T")
    assert layer.geometry.geom_equals_exact(again.geometry, 0).all()


def test_every_synthetic_unit_is_classed_on_the_map(data, layer):
    national = synthetic_dataset(data, layer)
    view = map_view(national, Selection(NATIONAL_CODE, NATIONAL_INDICATOR, 2024, "vi"))
    assert sorted(view.features["code"]) == sorted(layer["code"])
    assert view.legend and sum(entry.count for entry in view.legend) == UNITS
