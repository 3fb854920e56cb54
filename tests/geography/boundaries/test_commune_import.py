"""Importing an official commune layer: matched by code or by name like a district layer, stored as a version and
drawn from 2026 in place of the schematic commune layer."""

import json

import geopandas as gpd
import numpy as np
import shapely

from dashboard.__main__ import main
from dashboard.dataset import load_dataset
from dashboard.geography.boundaries.layers import drawn_in
from dashboard.geography.boundaries.stored import list_versions
from dashboard.geography.units import full_name, load_units, units_of

UNITS = load_units()


def synthetic_communes(province: str) -> gpd.GeoDataFrame:
    """Return a made-up commune layer of a province: squares of 1 km around each commune's location, with the
    code in ma_xa and the full name in ten_xa."""
    communes = units_of(UNITS, province, 2026)
    squares = shapely.box(
        communes["seat_lon"] - 0.004,
        communes["seat_lat"] - 0.004,
        communes["seat_lon"] + 0.004,
        communes["seat_lat"] + 0.004,
    )
    return gpd.GeoDataFrame(
        {
            "ma_xa": communes["code"].to_numpy(),
            "ten_xa": [full_name(row.type, row.name, "vi") for row in communes.itertuples()],
        },
        geometry=np.asarray(squares),
        crs="EPSG:4326",
    )


def run_import(path, data_dir, monkeypatch, capsys, *extra: str) -> tuple[int, dict]:
    """Run `boundaries import --level commune --json` for Hà Tĩnh from 2026; return the exit code and report."""
    monkeypatch.setenv("SCP_DATA_DIR", str(data_dir))
    arguments = ["boundaries", "import", str(path), "--province", "42", "--level", "commune", "--valid-from", "2026"]
    code = main([*arguments, "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


def test_a_commune_layer_with_codes_is_matched_by_code_stored_and_drawn_in_2026(tmp_path, monkeypatch, capsys):
    path = tmp_path / "xa_ha_tinh.geojson"
    synthetic_communes("42").to_file(path, driver="GeoJSON")
    code, report = run_import(path, tmp_path / "data", monkeypatch, capsys)
    assert code == 0 and report["status"] == "clean" and report["stored_version"]
    assert len(report["matches"]) == 69 and {match["method"] for match in report["matches"]} == {"code"}
    versions = list_versions(tmp_path / "data")
    assert list(versions["level"]) == ["commune"] and list(versions["province_code"]) == ["42"]
    data = load_dataset(data_dir=tmp_path / "data")
    drawn = drawn_in(data.layer, "42", 2026)
    assert len(drawn) == 69 and set(drawn["version_id"]) == {report["stored_version"]}
    assert not data.draws_schematic("42", 2026)
    assert len(drawn_in(data.layer, "42", 2025)) == 13 and data.draws_schematic("42", 2025)


def test_a_commune_layer_without_codes_is_matched_by_name(tmp_path, monkeypatch, capsys):
    path = tmp_path / "xa_ha_tinh.geojson"
    synthetic_communes("42").drop(columns="ma_xa").to_file(path, driver="GeoJSON")
    code, report = run_import(path, tmp_path / "data", monkeypatch, capsys, "--dry-run")
    assert code == 0 and report["status"] == "clean" and report["stored_version"] is None
    assert {match["method"] for match in report["matches"]} <= {"exact", "normalised"}
    assert len({match["code"] for match in report["matches"]}) == 69


def test_a_commune_layer_missing_communes_is_listed_and_not_stored(tmp_path, monkeypatch, capsys):
    path = tmp_path / "xa_ha_tinh.geojson"
    synthetic_communes("42").iloc[:60].to_file(path, driver="GeoJSON")
    code, report = run_import(path, tmp_path / "data", monkeypatch, capsys)
    assert code == 2 and report["stored_version"] is None and len(report["missing"]) == 9
    assert list_versions(tmp_path / "data").empty


def test_a_commune_layer_without_an_end_year_stays_valid_like_its_level(tmp_path, monkeypatch, capsys):
    path = tmp_path / "xa_ha_tinh.geojson"
    synthetic_communes("42").to_file(path, driver="GeoJSON")
    _, report = run_import(path, tmp_path / "data", monkeypatch, capsys, "--dry-run")
    assert "valid_to_open" in {note["key"] for note in report["notes"]}
    assert "valid_to_set" not in {note["key"] for note in report["notes"]}
