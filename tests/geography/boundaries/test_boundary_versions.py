"""Stored layer versions: kept side by side, the newest drawn for its years, the bundled layer for the rest."""

import pytest

from dashboard.dataset import load_dataset
from dashboard.geography.boundaries.importing import ImportRequest, import_layer
from dashboard.geography.boundaries.stored import (
    YearRange,
    imported_layers,
    list_versions,
    read_report,
    store_version,
    subtract_years,
)
from dashboard.geography.units import load_units, valid_in
from dashboard.maps.views import Selection, map_view

UNITS = load_units()


@pytest.mark.parametrize(
    ("kept", "taken", "expected"),
    [
        ((2015, 2025), [], [(2015, 2025)]),
        ((2015, 2025), [(2021, 2025)], [(2015, 2020)]),
        ((2015, 2025), [(2018, 2019)], [(2015, 2017), (2020, 2025)]),
        ((2015, 2025), [(2010, 2030)], []),
        ((2015, 2025), [(2001, 2005), (2026, 2030)], [(2015, 2025)]),
        ((0, 2019), [(2015, 2016), (2017, 2019)], [(0, 2014)]),
    ],
)
def test_subtract_years_leaves_the_years_no_other_range_takes(kept, taken, expected):
    result = subtract_years(YearRange(*kept), [YearRange(*years) for years in taken])
    assert [(part.first, part.last) for part in result] == expected


def store(data, folder, valid_from: int, valid_to: int, shift: float = 0.0, by: str = "admin") -> str:
    """Import Phú Thọ's bundled districts of 2023 (moved east by `shift` degrees) for the years and store it."""
    layer = valid_in(data.layer[data.layer["province_code"] == "25"], 2023)[["code", "geometry"]]
    path = folder / f"phu_tho_{valid_from}_{shift}.geojson"
    layer.assign(geometry=layer.translate(xoff=shift)).to_file(path, driver="GeoJSON")
    result = import_layer(ImportRequest(path, "25", "district", valid_from, valid_to), UNITS)
    return store_version(folder / "var", result, by, accepted=False)


def test_a_stored_version_keeps_its_report_and_who_imported_it(data, tmp_path):
    version = store(data, tmp_path, 2021, 2025, by="nguyen")
    listed = list_versions(tmp_path / "var")
    assert listed["version_id"].tolist() == [version]
    report = read_report(tmp_path / "var", version)
    assert report["imported_by"] == "nguyen" and report["status"] == "clean" and len(report["matches"]) == 13


def test_the_map_draws_the_imported_layer_for_its_years_and_the_bundled_one_otherwise(data, tmp_path):
    store(data, tmp_path, 2023, 2025, shift=0.01)
    combined = load_dataset(data_dir=tmp_path / "var")
    assert not combined.draws_schematic("25", 2024) and combined.draws_schematic("25", 2022)
    assert combined.draws_schematic("17", 2024)
    view = map_view(combined, Selection("25", "eco_packaging", 2024, "en"))
    assert not view.schematic and len(view.features) == 13
    assert view.features.total_bounds[0] == pytest.approx(
        data.layer[(data.layer["province_code"] == "25") & (data.layer["level"] == "district")].total_bounds[0] + 0.01,
        abs=1e-3,
    )
    assert map_view(combined, Selection("25", "eco_packaging", 2022, "en")).schematic


def test_a_newer_import_wins_its_years_and_the_older_version_is_kept_for_the_rest(data, tmp_path):
    older = store(data, tmp_path, 2021, 2025, shift=0.01)
    newer = store(data, tmp_path, 2024, 2025, shift=0.02)
    layers = imported_layers(tmp_path / "var")
    spans = layers.drop_duplicates("version_id").set_index("version_id")[["valid_from", "valid_to"]]
    assert spans.loc[older].tolist() == [2021, 2023] and spans.loc[newer].tolist() == [2024, 2025]
    assert len(list_versions(tmp_path / "var")) == 2


def test_a_half_written_or_broken_version_is_skipped_and_the_others_still_drawn(data, tmp_path):
    version = store(data, tmp_path, 2021, 2025)
    staging = tmp_path / "var" / "boundaries" / ".25-district-half-written"
    staging.mkdir()
    (staging / "report.json").write_text("{}", encoding="utf-8")
    broken = tmp_path / "var" / "boundaries" / "25-district-broken"
    broken.mkdir()
    (broken / "report.json").write_text("{not json", encoding="utf-8")
    assert list_versions(tmp_path / "var")["version_id"].tolist() == [version]
    assert not load_dataset(data_dir=tmp_path / "var").draws_schematic("25", 2023)
