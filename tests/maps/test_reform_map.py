"""Today's province on one map when its former parts are drawn on different layers: a schematic part never
overlaps an imported one, and the map says which is which."""

import dataclasses

import pytest
import shapely

from dashboard.core.paths import ROOT
from dashboard.core.settings import default_url
from dashboard.dataset import load_dataset
from dashboard.geography.boundaries.importing import ImportRequest, import_layer
from dashboard.geography.boundaries.service import store_checked
from dashboard.geography.reform import load_reform
from dashboard.geography.units import load_units
from dashboard.maps.reform_map import reform_view
from dashboard.maps.views import map_note
from dashboard.store.database import Store

REAL = ROOT.parent / "shared" / "fixtures" / "real"
PHU_THO, HOA_BINH = "25", "17"
METRIC = "EPSG:3405"


def with_imported_phu_tho(data, grow_degrees: float):
    """Return the dataset whose Phú Thọ is drawn from an 'imported' layer grown past its border into Hòa Bình."""
    layer = data.layer.assign(version_id="")
    phu_tho = layer["province_code"] == PHU_THO
    layer.loc[phu_tho, "geometry"] = shapely.buffer(layer.loc[phu_tho].geometry.to_numpy(), grow_degrees)
    layer.loc[phu_tho, "version_id"] = "25-district-test"
    layer.loc[phu_tho, "schematic"] = False
    return dataclasses.replace(data, layer=layer)


def overlap_km2(features, data) -> float:
    """Return the area where today's Phú Thọ's former provinces' shapes overlap, in square kilometres."""
    codes = set(data.units.loc[data.units["province_code"] == PHU_THO, "code"])
    metric = features.to_crs(METRIC)
    own = metric[metric["code"].isin(codes)].union_all()
    other = metric[~metric["code"].isin(codes)].union_all()
    return own.intersection(other).area / 1e6


def test_a_schematic_part_is_cut_where_an_imported_part_draws_and_the_map_says_which_is_schematic(data):
    mixed = with_imported_phu_tho(data, 0.05)
    result = reform_view(mixed, load_reform(), PHU_THO, "eco_packaging", 2025, "vi")
    features = result.view.features
    assert overlap_km2(features, mixed) < 0.01
    assert set(features.geometry.geom_type) <= {"Polygon", "MultiPolygon"}
    assert map_note(result.view, "vi") == (
        "Ranh giới: Hòa Bình là sơ đồ, không phải ranh giới chính thức (bỏ phần chồng lên lớp đã nạp); "
        "Phú Thọ theo lớp ranh giới đã nạp."
    )
    assert sum(entry.count for entry in result.view.legend) == len(features)


def test_a_schematic_unit_covered_whole_by_an_imported_layer_is_named_as_not_drawn(data):
    mixed = with_imported_phu_tho(data, 0.6)
    result = reform_view(mixed, load_reform(), PHU_THO, "eco_packaging", 2025, "en")
    assert result.view.undrawn
    assert set(result.view.undrawn) <= set(data.units.loc[data.units["province_code"] == HOA_BINH, "code"])
    assert sum(entry.count for entry in result.view.legend) == len(result.view.features)


def test_all_schematic_parts_keep_the_generic_note_and_are_not_cut(data):
    result = reform_view(data, load_reform(), PHU_THO, "eco_packaging", 2025, "vi")
    assert result.view.boundary_note == ""
    assert map_note(result.view, "vi").startswith("Ranh giới huyện trên bản đồ là sơ đồ")
    assert len(result.view.features) == 23 and not result.view.undrawn


@pytest.mark.skipif(not (REAL / "phu_tho.geojson").exists(), reason=f"the real boundary fixtures are not at {REAL}")
def test_the_real_phu_tho_layer_never_overlaps_the_schematic_hoa_binh_and_tan_son_is_named(data, tmp_path):
    result = import_layer(ImportRequest(REAL / "phu_tho.geojson", PHU_THO, "district", 2021), load_units())
    store = Store(default_url(tmp_path))
    assert store_checked(store, result, "test", accepted=True)
    imported = load_dataset(store=store)
    reform = reform_view(imported, load_reform(), PHU_THO, "eco_packaging", 2025, "vi")
    assert overlap_km2(reform.view.features, imported) < 0.01
    assert "Hòa Bình là sơ đồ" in reform.view.boundary_note
    assert "240" in reform.view.undrawn
