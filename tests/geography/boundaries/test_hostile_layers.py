"""Hostile boundary files, one row per class of fault: through the core and the command line, each ends in a
report that names the fault in both languages, no exception escapes, and nothing is stored."""

import json
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import Polygon

from dashboard.__main__ import main
from dashboard.core.i18n import t
from dashboard.core.paths import ROOT
from dashboard.dataset import load_dataset
from dashboard.geography.boundaries.importing import CLEAN, NEEDS_ACCEPTANCE, REFUSED, ImportRequest
from dashboard.geography.boundaries.layers import LayerFileError, load_layer
from dashboard.geography.boundaries.report import report_text
from dashboard.geography.boundaries.service import check_file
from dashboard.geography.boundaries.stored import imported_layers, list_versions, store_version
from dashboard.geography.units import load_units, valid_in
from dashboard.maps.prepared import prepared_layer

REAL = ROOT.parent / "shared" / "fixtures" / "real"
UNITS = load_units()
MARS = (
    'GEOGCS["Mars 2000",DATUM["D_Mars_2000",SPHEROID["Mars_2000_IAU_IAG",3396190.0,169.894447223612]],'
    'PRIMEM["Greenwich",0],UNIT["Decimal_Degree",0.0174532925199433]]'
)
MOON = (
    'GEOGCS["Moon 2000",DATUM["D_Moon_2000",SPHEROID["Moon_2000_IAU_IAG",1737400.0,0.0]],'
    'PRIMEM["Greenwich",0],UNIT["Decimal_Degree",0.0174532925199433]]'
)


def districts(data, province: str, year: int = 2023) -> gpd.GeoDataFrame:
    """Return a province's districts of a year from the bundled layer, with code, name (as first recorded) and
    a type field left blank."""
    layer = valid_in(data.layer[data.layer["province_code"] == province], year)[["code", "geometry"]]
    names = UNITS.drop_duplicates("code", keep="first").set_index("code")["name"]
    return layer.assign(ten=layer["code"].map(names)).reset_index(drop=True)


def bow_tied(shape: Polygon) -> Polygon:
    """Return the polygon with the first two neighbouring vertices of its outer ring whose swap makes the
    border cross itself swapped: a small bow-tie, the kind of fault a published national layer has."""
    ring = list(shape.exterior.coords)[:-1]
    for index in range(len(ring) - 1):
        swapped = [*ring[:index], ring[index + 1], ring[index], *ring[index + 2 :]]
        if not Polygon(swapped).is_valid:
            return Polygon(swapped)
    raise AssertionError("no swap of neighbouring vertices makes this polygon cross itself")


def zipped(layer: gpd.GeoDataFrame, folder: Path, prj: str) -> Path:
    """Write a layer as a zipped Shapefile whose .prj holds the text given, and return the zip."""
    layer.to_file(folder / "layer.shp", engine="pyogrio")
    (folder / "layer.prj").write_text(prj, encoding="utf-8")
    archive = folder / "layer.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for part in folder.glob("layer.*"):
            if part.suffix != ".zip":
                bundle.write(part, part.name)
    return archive


def topojson(layer: gpd.GeoDataFrame, folder: Path) -> Path:
    """Write a layer of polygons as TopoJSON naming no CRS (TopoJSON cannot), one arc per ring, with every other
    field as a property, and return it."""
    arcs, geometries = [], []
    fields = [column for column in layer.columns if column != "geometry"]
    for row in layer.itertuples():
        properties = {field: getattr(row, field) for field in fields}
        geometries.append({"type": "Polygon", "arcs": [[len(arcs)]], "properties": properties})
        arcs.append([list(point) for point in row.geometry.exterior.coords])
    topology = {
        "type": "Topology",
        "objects": {"districts": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs,
    }
    path = folder / "districts.topojson"
    path.write_text(json.dumps(topology), encoding="utf-8")
    return path


def mars_prj(data, folder):
    return zipped(districts(data, "25"), folder, MARS), "25", 2021, 2025


def moon_prj(data, folder):
    return zipped(districts(data, "25"), folder, MOON), "25", 2021, 2025


def missing_file(data, folder):
    return folder / "nowhere.geojson", "25", 2021, 2025


def not_a_layer(data, folder):
    path = folder / "districts.geojson"
    path.write_bytes(b"\x00\xff not geojson at all")
    return path, "25", 2021, 2025


def bow_tie(data, folder):
    layer = districts(data, "25")
    layer.loc[3, "geometry"] = bow_tied(layer.geometry[3])
    path = folder / "bow_tie.geojson"
    layer.to_file(path, driver="GeoJSON")
    return path, "25", 2021, 2025


def lonlat_topojson(data, folder):
    return topojson(districts(data, "25"), folder), "25", 2021, 2025


def projected_topojson(data, folder):
    return topojson(districts(data, "25").to_crs(epsg=9208), folder), "25", 2021, 2025


def town_became_city(data, folder):
    path = folder / "thai_nguyen.geojson"
    districts(data, "19").to_file(path, driver="GeoJSON")
    return path, "19", 2019, 2025


def territory_changed(data, folder):
    path = folder / "hoa_binh.geojson"
    districts(data, "17", 2019).to_file(path, driver="GeoJSON")
    return path, "17", 2019, 2020


HOSTILE = [
    (mars_prj, REFUSED, 1, "refusals", "crs_not_earth", "“Mars 2000” is not one of the Earth"),
    (moon_prj, REFUSED, 1, "refusals", "crs_not_earth", "“Moon 2000” is not one of the Earth"),
    (missing_file, REFUSED, 1, "refusals", "file_missing", "There is no file at"),
    (not_a_layer, REFUSED, 1, "refusals", "unreadable", "cannot be read as a geographic layer"),
    (bow_tie, CLEAN, 0, "notes", "shapes_repaired", "Features 4 have invalid shapes as published"),
    (lonlat_topojson, CLEAN, 0, "notes", "crs_assumed_wgs84", "so it was read as WGS84 (EPSG:4326)"),
    (projected_topojson, REFUSED, 1, "refusals", "crs_missing", "does not say its coordinate system"),
    (town_became_city, CLEAN, 0, "notes", "unit_changed", "Phổ Yên Town until 2021, Phổ Yên City from 2022"),
    (territory_changed, NEEDS_ACCEPTANCE, 2, "matches", "not_valid", "the unit is valid …–2019, 2020–2025"),
]


def found(report: dict, where: str) -> list[str]:
    """Return the keys of a report's refusals or notes, or the methods of its matches."""
    return [item["method"] if where == "matches" else item["key"] for item in report[where]]


@pytest.mark.parametrize(("make", "status", "exit_code", "where", "key", "words"), HOSTILE)
def test_a_hostile_file_ends_in_a_report_naming_its_fault_in_both_languages(
    data, tmp_path, make, status, exit_code, where, key, words
):
    path, province, valid_from, valid_to = make(data, tmp_path)
    request = ImportRequest(path, province, "district", valid_from, valid_to)
    report = check_file(request, UNITS, tmp_path / "var").report.to_json()
    assert report["status"] == status and key in found(report, where)
    english, vietnamese = report_text(report, "en"), report_text(report, "vi")
    assert words in english
    assert vietnamese != english and "{" not in vietnamese + english
    assert list_versions(tmp_path / "var").empty


@pytest.mark.parametrize(("make", "status", "exit_code", "where", "key", "words"), HOSTILE)
def test_a_hostile_file_through_the_command_prints_a_json_report_and_stores_nothing(
    data, tmp_path, monkeypatch, capsys, make, status, exit_code, where, key, words
):
    path, province, valid_from, valid_to = make(data, tmp_path)
    monkeypatch.setenv("SCP_DATA_DIR", str(tmp_path / "var"))
    arguments = ["boundaries", "import", str(path), "--province", province, "--level", "district"]
    years = ["--valid-from", str(valid_from), "--valid-to", str(valid_to)]
    assert main([*arguments, *years, "--json", "--dry-run"]) == exit_code
    printed = json.loads(capsys.readouterr().out)
    assert printed["status"] == status and key in found(printed, where)
    assert printed["stored_version"] is None and list_versions(tmp_path / "var").empty


def test_a_layer_with_a_bow_tie_is_stored_repaired_and_prepared_for_the_map(data, tmp_path):
    path, province, valid_from, valid_to = bow_tie(data, tmp_path)
    result = check_file(ImportRequest(path, province, "district", valid_from, valid_to), UNITS, tmp_path / "var")
    assert result.layer.is_valid.all() and result.report.preparation["coverage_valid_after"]
    store_version(tmp_path / "var", result, "test", accepted=False)
    prepared = prepared_layer(imported_layers(tmp_path / "var"))
    assert prepared.is_valid.all() and len(prepared) == 13


def test_a_name_or_type_change_is_matched_across_the_change_but_a_territory_change_is_not(data, tmp_path):
    path, *_ = town_became_city(data, tmp_path)
    across = check_file(ImportRequest(path, "19", "district", 2019, 2025), UNITS, tmp_path / "var").report
    changed = [note.params for note in across.notes if note.key == "unit_changed"]
    assert changed == [
        {
            "row": 8,
            "code": "172",
            "before_type": "thi_xa",
            "before_name": "Phổ Yên",
            "until": 2021,
            "after_type": "thanh_pho",
            "after_name": "Phổ Yên",
            "since": 2022,
        }
    ]
    assert "Thị xã Phổ Yên đến năm 2021, Thành phố Phổ Yên từ năm 2022" in report_text(across.to_json(), "vi")
    path, *_ = territory_changed(data, tmp_path)
    merged = check_file(ImportRequest(path, "17", "district", 2019, 2020), UNITS, tmp_path / "var").report
    assert [match.code for match in merged.problems()] == ["148", "151"]


@pytest.mark.skipif(not (REAL / "phu_tho.geojson").exists(), reason=f"the real boundary fixtures are not at {REAL}")
def test_a_real_layer_with_a_bow_tie_as_published_imports_and_prepares(tmp_path):
    layer = gpd.read_file(REAL / "phu_tho.geojson")
    layer.loc[0, "geometry"] = bow_tied(layer.geometry[0])
    path = tmp_path / "phu_tho.geojson"
    layer.to_file(path, driver="GeoJSON")
    result = check_file(ImportRequest(path, "25", "district", 2019, 2019), UNITS, tmp_path / "var")
    assert "shapes_repaired" in [note.key for note in result.report.notes]
    assert result.layer is not None and result.layer.is_valid.all()


def test_a_store_that_cannot_be_written_is_a_refusal_in_the_json_report_and_leaves_nothing(
    data, tmp_path, monkeypatch, capsys
):
    path, province, valid_from, valid_to = lonlat_topojson(data, tmp_path)
    (tmp_path / "var").mkdir()
    blocker = tmp_path / "var" / "boundaries"
    blocker.write_text("a file where the versions folder should be", encoding="utf-8")
    monkeypatch.setenv("SCP_DATA_DIR", str(tmp_path / "var"))
    arguments = ["boundaries", "import", str(path), "--province", province, "--level", "district"]
    assert main([*arguments, "--valid-from", str(valid_from), "--valid-to", str(valid_to), "--json"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert [refusal["key"] for refusal in printed["refusals"]] == ["store_failed"]
    assert printed["stored_version"] is None
    assert blocker.read_text(encoding="utf-8") == "a file where the versions folder should be"
    assert "could not be written to" in report_text(printed, "en")


def test_settings_not_understood_are_a_json_report_with_json(tmp_path, monkeypatch, capsys):
    (tmp_path / "var").write_text("", encoding="utf-8")
    monkeypatch.setenv("SCP_DATA_DIR", str(tmp_path / "var"))
    arguments = ["boundaries", "import", str(tmp_path / "x.geojson"), "--province", "25", "--level", "district"]
    assert main([*arguments, "--valid-from", "2021", "--json"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed["status"] == REFUSED and printed["refusals"][0]["key"] == "settings"
    assert "SCP_DATA_DIR" in report_text(printed, "vi")


def test_a_topojson_layer_named_by_scp_boundaries_is_read_as_wgs84(data, tmp_path):
    layer = valid_in(data.layer[data.layer["province_code"] == "25"], 2023).reset_index(drop=True)
    path = topojson(layer[["code", "province_code", "valid_from", "valid_to", "geometry"]], tmp_path)
    loaded = load_dataset(layer=path).layer
    districts = loaded[loaded["level"] == "district"]
    assert loaded.crs == "EPSG:4326" and sorted(districts["code"]) == sorted(layer["code"])


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"\x00\x01 not a layer", "layer_unreadable"),
        (
            b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "1"}, '
            b'"geometry": {"type": "Point", "coordinates": [105, 21]}}]}',
            "layer_columns",
        ),
    ],
    ids=["not a layer", "no unit columns"],
)
def test_a_layer_file_the_app_is_set_to_draw_is_refused_in_both_languages_naming_it(tmp_path, content, key):
    path = tmp_path / "layer.geojson"
    path.write_bytes(content)
    with pytest.raises(LayerFileError) as refused:
        load_layer(path)
    expected = [
        t(f"boundary_checks.{key}", language, path=path, columns="", detail="").split(str(path))[0]
        for language in ("vi", "en")
    ]
    assert all(start in str(refused.value) for start in expected) and str(path) in str(refused.value)
