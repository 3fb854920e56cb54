"""Importing boundary layers: CRS handling, refusals that change nothing, the match report and the real files."""

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyproj
import pytest
import shapely

from dashboard.__main__ import main
from dashboard.core.paths import ROOT
from dashboard.geography.boundaries.importing import CLEAN, NEEDS_ACCEPTANCE, REFUSED, ImportRequest, import_layer
from dashboard.geography.boundaries.reading import POLYGONAL, read_layer
from dashboard.geography.boundaries.report import report_text
from dashboard.geography.boundaries.stored import list_versions
from dashboard.geography.units import load_units, valid_in
from tests.conftest import store_in

REAL = ROOT.parent / "shared" / "fixtures" / "real"
UNITS = load_units()
needs_real = pytest.mark.skipif(
    not (REAL / "phu_tho.geojson").exists(),
    reason=f"the real boundary fixtures are not at {REAL} (they stay in ../shared and are never copied in)",
)


def phu_tho_layer(data) -> gpd.GeoDataFrame:
    """Return Phú Thọ's 13 districts of 2023 from the bundled layer, with code and name fields."""
    layer = valid_in(data.layer[data.layer["province_code"] == "25"], 2023)[["code", "geometry"]]
    names = UNITS.drop_duplicates("code", keep="last").set_index("code")["name"]
    return layer.assign(ten_huyen=layer["code"].map(names)).reset_index(drop=True)


def zipped_shapefile(layer: gpd.GeoDataFrame, folder: Path, with_prj: bool = True, prj: str | None = None) -> Path:
    """Write a layer as a zipped Shapefile (without its .prj, or with the .prj text given) and return the zip."""
    layer.to_file(folder / "layer.shp", engine="pyogrio")
    if prj is not None:
        (folder / "layer.prj").write_text(prj, encoding="utf-8")
    archive = folder / "layer.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for part in folder.glob("layer.*"):
            if part.suffix in {".shp", ".shx", ".dbf", ".cpg"} or (with_prj and part.suffix == ".prj"):
                bundle.write(part, part.name)
    return archive


def request(path: Path, province: str = "25", **options) -> ImportRequest:
    return ImportRequest(
        path, province, "district", options.pop("valid_from", 2021), options.pop("valid_to", 2025), **options
    )


def run_cli(path: Path, data_dir: Path, monkeypatch, *extra: str) -> int:
    monkeypatch.setenv("SCP_DATA_DIR", str(data_dir))
    arguments = ["boundaries", "import", str(path), "--province", "25", "--level", "district", "--valid-from", "2021"]
    return main(arguments + list(extra))


@pytest.mark.parametrize("epsg", [9208, 9209, 5897, 3405])
def test_a_layer_in_a_vn2000_projection_comes_back_within_a_metre(data, tmp_path, epsg):
    original = phu_tho_layer(data)
    archive = zipped_shapefile(original.to_crs(epsg=epsg), tmp_path)
    read = read_layer(archive, POLYGONAL)
    assert read.refusals == () and read.crs_used.startswith(f"EPSG:{epsg} ")
    metric = original.estimate_utm_crs()
    shifts = shapely.hausdorff_distance(
        original.to_crs(metric).geometry.values, read.layer.to_crs(metric).geometry.values
    )
    assert shifts.max() < 1.0


BARE_TM3 = "+proj=tmerc +lat_0=0 +lon_0=104.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +units=m +no_defs"
HAND_TOWGS84 = BARE_TM3.replace(
    "+units", "+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units"
)


def test_vn2000_read_without_its_datum_shift_lands_hundreds_of_metres_off(data):
    original = phu_tho_layer(data)
    metric = original.estimate_utm_crs()
    bare = original.to_crs(epsg=9208).set_crs(BARE_TM3, allow_override=True).to_crs(metric)
    assert shapely.hausdorff_distance(bare.geometry.values, original.to_crs(metric).geometry.values).min() > 150


@pytest.mark.parametrize(
    ("definition", "flavour"),
    [(BARE_TM3, "WKT1_ESRI"), (BARE_TM3, "WKT1_GDAL"), (HAND_TOWGS84, "WKT1_GDAL"), (HAND_TOWGS84, "WKT1_ESRI")],
)
def test_a_prj_naming_no_datum_is_refused_and_the_epsg_code_named_instead_is_used(data, tmp_path, definition, flavour):
    projected = phu_tho_layer(data).to_crs(epsg=9208)
    archive = zipped_shapefile(projected, tmp_path, prj=pyproj.CRS(definition).to_wkt(flavour))
    refused = read_layer(archive, POLYGONAL)
    assert refused.layer is None and refused.refusals[0].key == "crs_datum_unknown"
    named = read_layer(archive, POLYGONAL, "EPSG:9208")
    assert named.crs_used.startswith("EPSG:9208") and [note.key for note in named.notes] == ["crs_replaced"]


def test_a_clean_layer_with_codes_matches_every_unit_by_code(data, tmp_path):
    path = tmp_path / "phu_tho.gpkg"
    phu_tho_layer(data).to_file(path, driver="GPKG")
    result = import_layer(request(path), UNITS)
    report = result.report
    assert report.status == CLEAN and report.fields.code == "code"
    assert {match.method for match in report.matches} == {"code"}
    assert len(result.layer) == 13 and set(result.layer["valid_from"]) == {2021}
    assert report.preparation["coverage_valid_after"]


def test_names_alone_are_enough_and_the_report_names_the_field_used(data, tmp_path):
    path = tmp_path / "names.geojson"
    phu_tho_layer(data).drop(columns="code").to_file(path, driver="GeoJSON")
    report = import_layer(request(path), UNITS).report
    assert report.status == CLEAN and report.fields.name == "ten_huyen"
    assert "trường tên “ten_huyen”" in report_text(report.to_json(), "vi")


def zip_without_prj(data, folder):
    return zipped_shapefile(phu_tho_layer(data).to_crs(epsg=9208), folder, with_prj=False)


def outside(data, folder):
    path = folder / "moved.geojson"
    phu_tho_layer(data).translate(xoff=2.0).to_file(path, driver="GeoJSON")
    return path


def duplicate_codes(data, folder):
    path = folder / "duplicates.geojson"
    layer = phu_tho_layer(data)
    layer.loc[1, "code"] = layer.loc[0, "code"]
    layer.to_file(path, driver="GeoJSON")
    return path


def empty_file(data, folder):
    path = folder / "empty.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    return path


def csv_file(data, folder):
    path = folder / "districts.csv"
    pd.DataFrame({"code": ["227"], "name": ["Việt Trì"]}).to_csv(path, index=False)
    return path


def table_only_geopackage(data, folder):
    path = folder / "table.gpkg"
    gpd.pd.DataFrame({"code": ["227"]}).pipe(gpd.GeoDataFrame).to_file(path, driver="GPKG")
    return path


def points_file(data, folder):
    path = folder / "points.geojson"
    phu_tho_layer(data).assign(geometry=lambda layer: layer.representative_point()).to_file(path, driver="GeoJSON")
    return path


@pytest.mark.parametrize(
    ("make", "key", "words"),
    [
        (zip_without_prj, "crs_missing", "does not say its coordinate system"),
        (outside, "outside_province", "outside the province's expected extent"),
        (duplicate_codes, "duplicate", "stand for the same unit 227"),
        (empty_file, "empty", "holds no features"),
        (csv_file, "format", "“.csv” cannot be read"),
        (table_only_geopackage, "no_geometry", "holds no geometry"),
        (points_file, "geometry_kind", "holds Point; expected MultiPolygon, Polygon"),
    ],
)
def test_a_bad_file_is_refused_with_its_reason_and_nothing_is_stored(
    data, tmp_path, monkeypatch, capsys, make, key, words
):
    path = make(data, tmp_path)
    report = import_layer(request(path), UNITS).report
    assert report.status == REFUSED and report.refusals[0].key == key
    assert words in report_text(report.to_json(), "en")
    assert run_cli(path, tmp_path / "var", monkeypatch, "--accept") == 1
    assert list_versions(store_in(tmp_path / "var")).empty


def test_a_file_without_crs_is_read_in_the_epsg_code_the_user_names(data, tmp_path):
    report = import_layer(request(zip_without_prj(data, tmp_path), crs="9208"), UNITS).report
    assert report.status == CLEAN and report.crs_used == "EPSG:9208 (VN-2000 / TM-3 104-45)"


def test_the_command_stores_a_clean_layer_once_and_refuses_the_same_file_again(data, tmp_path, monkeypatch, capsys):
    path = tmp_path / "phu_tho.gpkg"
    phu_tho_layer(data).to_file(path, driver="GPKG")
    assert run_cli(path, tmp_path / "var", monkeypatch, "--dry-run") == 0
    assert list_versions(store_in(tmp_path / "var")).empty
    assert run_cli(path, tmp_path / "var", monkeypatch) == 0
    assert len(list_versions(store_in(tmp_path / "var"))) == 1
    capsys.readouterr()
    assert run_cli(path, tmp_path / "var", monkeypatch, "--json") == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed["status"] == REFUSED and printed["refusals"][0]["key"] == "already_imported"
    assert len(list_versions(store_in(tmp_path / "var"))) == 1


@needs_real
def test_the_real_phu_tho_file_reports_every_fault_and_is_stored_only_when_accepted(tmp_path, monkeypatch, capsys):
    path = REAL / "phu_tho.geojson"
    assert run_cli(path, tmp_path / "var", monkeypatch, "--json") == 2
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == NEEDS_ACCEPTANCE and report["stored_version"] is None
    methods = {match["written"]: (match["code"], match["method"]) for match in report["matches"]}
    assert methods["\u00d0oan Hùng"] == ("230", "normalised")
    assert methods["Hạ Hoà"] == ("231", "normalised")
    assert methods["Thanh Son"] == ("238", "unaccented")
    assert methods["Phú Ninh"] == ("233", "unaccented")
    assert methods["Việt Trì"] == ("227", "exact")
    assert report["missing"] == [{"code": "240", "unit_type": "huyen", "name": "Tân Sơn"}]
    assert {"key": "area_differs", "params": {"row": 9, "code": "238", "area": 1308, "expected": 621}} in report[
        "notes"
    ]
    assert list_versions(store_in(tmp_path / "var")).empty
    assert run_cli(path, tmp_path / "var", monkeypatch, "--accept") == 3
    assert list_versions(store_in(tmp_path / "var"))["status"].tolist() == [NEEDS_ACCEPTANCE]


@needs_real
def test_the_real_hoa_binh_file_shows_ky_son_merged_away_and_the_old_town_type(capsys):
    report = import_layer(request(REAL / "hoa_binh.geojson", "17"), UNITS).report
    assert report.status == NEEDS_ACCEPTANCE
    ky_son = next(match for match in report.matches if match.written == "Kỳ Son")
    assert (ky_son.code, ky_son.method, ky_son.unit_years) == ("151", "not_valid", "…–2019")
    text = report_text(report.to_json(), "vi")
    assert "Kỳ Son → Huyện Kỳ Sơn [151]: đơn vị không có hiệu lực trong các năm của lớp" in text
    assert "ghi là thị xã; trong các năm này đơn vị là thành phố" in text
    assert "Luong Son → Huyện Lương Sơn [152]: cùng tên khi bỏ dấu" in text


@needs_real
def test_the_real_hoa_binh_file_is_clean_for_the_years_before_ky_son_merged():
    result = import_layer(request(REAL / "hoa_binh.geojson", "17", valid_from=2015, valid_to=2019), UNITS)
    assert result.report.status == CLEAN and len(result.layer) == 11
    preparation = result.report.preparation
    assert preparation["coverage_valid_after"] and preparation["max_area_change_pct"] < 0.5


@needs_real
def test_the_smallest_real_unit_keeps_its_shape_through_preparation():
    result = import_layer(request(REAL / "phu_tho.geojson"), UNITS)
    raw = gpd.read_file(REAL / "phu_tho.geojson")
    metric = raw.estimate_utm_crs()
    town = raw[raw["NAME_3"] == "Phú Thọ"].to_crs(metric).geometry.iloc[0]
    prepared = result.layer[result.layer["code"] == "228"].to_crs(metric).geometry.iloc[0]
    assert town.hausdorff_distance(prepared) < 50
    assert abs(prepared.area / town.area - 1) < 0.001
    assert result.report.preparation["vertices_after"] < 0.6 * result.report.preparation["vertices_before"]


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"province_code": "99"}, "province"),
        ({"level": "commune"}, "level_without_units"),
        ({"level": "hamlet"}, "level"),
        ({"valid_from": 2024, "valid_to": 2022}, "years_order"),
        ({"valid_from": 2026, "valid_to": 2027}, "no_units_in_years"),
    ],
)
def test_a_request_for_a_place_level_or_years_without_units_is_refused(data, tmp_path, changes, key):
    path = tmp_path / "phu_tho.geojson"
    phu_tho_layer(data).to_file(path, driver="GeoJSON")
    report = import_layer(replace(request(path), **changes), UNITS).report
    assert report.status == REFUSED and report.refusals[0].key == key
    assert report_text(report.to_json(), "vi")


def ha_tinh_names(data, with_types: bool) -> gpd.GeoDataFrame:
    """Return Hà Tĩnh's districts of 2023 named without codes (two are called Kỳ Anh), types optional."""
    layer = valid_in(data.layer[data.layer["province_code"] == "42"], 2023)[["code", "geometry"]]
    units = UNITS.drop_duplicates("code", keep="last").set_index("code")
    named = layer.assign(ten=layer["code"].map(units["name"]))
    if with_types:
        named["loai"] = layer["code"].map(units["type"].map({"huyen": "Huyện", "thi_xa": "Thị xã", "thanh_pho": "TP"}))
    return named.drop(columns="code").reset_index(drop=True)


@pytest.mark.parametrize(("with_types", "status"), [(False, NEEDS_ACCEPTANCE), (True, CLEAN)])
def test_two_units_of_one_name_are_never_guessed_and_a_type_field_tells_them_apart(data, tmp_path, with_types, status):
    path = tmp_path / "ha_tinh.geojson"
    ha_tinh_names(data, with_types).to_file(path, driver="GeoJSON")
    report = import_layer(request(path, "42"), UNITS).report
    assert report.status == status
    ky_anh = sorted((match.method, match.code) for match in report.matches if match.written == "Kỳ Anh")
    if with_types:
        assert ky_anh == [("normalised", "447"), ("normalised", "449")]
    else:
        assert ky_anh == [("ambiguous", None), ("ambiguous", None)]
        assert {unit["code"] for unit in report.missing} == {"447", "449"}
