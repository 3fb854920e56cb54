"""Zones and green retail points: read from points, polygons or CSV, checked against their district, drawn as
layers the user can switch on and off."""

import json
from dataclasses import replace

import geopandas as gpd
import pandas as pd
import pytest

from dashboard.dataset import load_dataset
from dashboard.geography.zones.importing import import_zones
from dashboard.geography.zones.sites import OTHER_DISTRICT, read_csv_sites
from dashboard.geography.zones.stored import store_zones
from dashboard.maps.folium_map import add_point_layer, district_map
from dashboard.maps.points import MISPLACED_OUTLINE, POINT_COLOURS, green_point_view, province_point_checks
from dashboard.maps.views import Selection, map_view
from tests.conftest import store_in


def phu_tho_zones(data) -> pd.DataFrame:
    return data.zones[data.zones["province_code"] == "25"].reset_index(drop=True)


def zone_csv(frame: pd.DataFrame, path, **options) -> None:
    frame.to_csv(path, index=False, **options)


def import_phu_tho(data, path):
    return import_zones(path, "25", data.zones, data.units, data.layer, 2025)


def test_a_csv_saved_from_excel_with_decimal_commas_is_read_as_points(tmp_path):
    path = tmp_path / "zones.csv"
    path.write_text("zone_code;vĩ độ;kinh độ\nPT-1;21,3227;105,4020\n", encoding="utf-16")
    read = read_csv_sites(path)
    assert read.refusals == ()
    assert (read.layer.geometry.x[0], read.layer.geometry.y[0]) == (105.402, 21.3227)


def test_a_bad_coordinate_is_refused_naming_row_and_column(tmp_path):
    path = tmp_path / "zones.csv"
    path.write_text("zone_code,latitude,longitude\nPT-1,21.3,105.4\nPT-2,north,105.5\n", encoding="utf-8-sig")
    read = read_csv_sites(path)
    assert read.layer is None
    assert read.refusals[0].params == {"row": 3, "column": "latitude", "value": "north"}


def test_zones_at_their_listed_places_lie_in_their_districts(data, tmp_path):
    path = tmp_path / "zones.csv"
    zone_csv(phu_tho_zones(data)[["zone_code", "latitude", "longitude"]], path)
    report, zones = import_phu_tho(data, path)
    assert report.status == "clean" and len(zones) == len(phu_tho_zones(data))
    assert not zones["location_approximate"].any()


def test_a_zone_placed_in_another_district_is_reported_with_the_district_it_lies_in(data, tmp_path):
    listed = phu_tho_zones(data)[["zone_code", "district_code", "latitude", "longitude"]]
    other = listed[listed["district_code"] != listed.loc[0, "district_code"]].iloc[0]
    moved = listed.copy()
    moved.loc[0, ["latitude", "longitude"]] = other[["latitude", "longitude"]].to_numpy()
    path = tmp_path / "zones.csv"
    zone_csv(moved.drop(columns="district_code"), path)
    report, _ = import_phu_tho(data, path)
    assert report.status == "needs_acceptance"
    wrong = [check for check in report.checks if check.status == OTHER_DISTRICT]
    assert [(check.code, check.claimed, check.found) for check in wrong] == [
        (listed.loc[0, "zone_code"], listed.loc[0, "district_code"], other["district_code"])
    ]


def test_zone_polygons_are_placed_by_a_point_inside_them(data, tmp_path):
    listed = phu_tho_zones(data)
    points = gpd.GeoDataFrame(
        listed[["zone_code"]], geometry=gpd.points_from_xy(listed["longitude"], listed["latitude"]), crs="EPSG:4326"
    )
    metric = points.estimate_utm_crs()
    polygons = points.to_crs(metric).buffer(150).to_crs("EPSG:4326")
    path = tmp_path / "zones.gpkg"
    points.set_geometry(polygons).to_file(path, driver="GPKG")
    report, _ = import_phu_tho(data, path)
    assert report.status == "clean" and [note.key for note in report.notes] == ["shapes_as_points"]


@pytest.mark.parametrize(
    ("rows", "status", "field", "expected"),
    [
        ("PT-NEW,KCN Mới,kcn,227,21.3227,105.4020", "clean", "added", ["PT-NEW"]),
        ("PT-NEW,,,,21.3227,105.4020", "needs_acceptance", "incomplete", [{"row": 1, "zone_code": "PT-NEW"}]),
    ],
)
def test_a_new_zone_is_added_only_with_its_name_kind_and_district(data, tmp_path, rows, status, field, expected):
    path = tmp_path / "zones.csv"
    path.write_text(f"zone_code,name,kind,district_code,latitude,longitude\n{rows}\n", encoding="utf-8")
    report, _ = import_phu_tho(data, path)
    assert report.status == status and getattr(report, field) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("zone_code,latitude,longitude\nA,21.3,105.4\nA,21.31,105.41\n", "duplicate_zone"),
        ("zone_code,latitude,longitude\nA,18.343,105.905\n", "sites_outside_province"),
        ("name,latitude,longitude\nA,21.3,105.4\n", "no_zone_code"),
        ("zone_code,place\nA,Việt Trì\n", "no_coordinates"),
    ],
)
def test_a_zone_file_that_cannot_be_trusted_is_refused(data, tmp_path, text, key):
    path = tmp_path / "zones.csv"
    path.write_text(text, encoding="utf-8")
    report, zones = import_phu_tho(data, path)
    assert report.status == "refused" and zones is None and report.refusals[0].key == key


def test_a_stored_zone_list_moves_the_zones_on_the_map_and_drops_the_approximate_mark(data, tmp_path):
    listed = phu_tho_zones(data)[["zone_code", "latitude", "longitude"]].copy()
    listed["latitude"] += 0.001
    path = tmp_path / "zones.csv"
    zone_csv(listed, path)
    report, zones = import_phu_tho(data, path)
    store_zones(store_in(tmp_path / "var"), report.to_json(), zones, "admin", accepted=False)
    moved = load_dataset(store=store_in(tmp_path / "var"))
    view = map_view(moved, Selection("25", "zone_awareness", 2025, "en"))
    assert sorted(view.zones["latitude"].round(6)) == sorted((listed["latitude"]).round(6))
    assert "approximate" not in " ".join(view.zones["tooltip"])
    assert len(moved.zones) == len(data.zones)


def test_green_points_are_coloured_by_year_and_a_misplaced_one_is_outlined(data):
    table = data.tables["green_retail_points"].copy()
    first = table.index[table["unit_code"] == "227"][0]
    table.loc[first, ["latitude", "longitude"]] = [21.62, 105.18]
    moved = replace(data, tables={**data.tables, "green_retail_points": table})
    points = green_point_view(moved, "25", 2025, "vi")
    assert set(points["colour"]) <= set(POINT_COLOURS.values())
    assert (points["colour"] == POINT_COLOURS["new"]).sum() == (points["year"] == 2025).sum()
    assert (points["outline"] == MISPLACED_OUTLINE).sum() == 1
    wrong = [check for check in province_point_checks(moved, "25", 2025) if check.status == OTHER_DISTRICT]
    assert [(check.claimed, check.found) for check in wrong] == [("227", "230")]


def test_green_points_are_a_layer_the_user_can_switch_on_and_off(data):
    view = map_view(data, Selection("25", "green_retail_points", 2025, "vi"))
    fmap = district_map(view, "vi", "/s", "none")
    points = green_point_view(data, "25", 2025, "vi")
    add_point_layer(fmap, points, f"Điểm bán lẻ xanh ({len(points)})", show=False)
    page = fmap.get_root().render()
    overlays = page[page.index("overlays") :]
    assert json.dumps(f"Điểm bán lẻ xanh ({len(points)})") in overlays
    assert page.index("scp-point") < page.index("L.control.layers(")


@pytest.mark.parametrize("content", [b"", b"\r\n  \r\n"], ids=["0 bytes", "blank lines"])
def test_an_empty_zone_list_is_refused_as_empty(data, tmp_path, content):
    path = tmp_path / "zones.csv"
    path.write_bytes(content)
    report, stored = import_phu_tho(data, path)
    assert stored is None and [finding.key for finding in report.refusals] == ["empty"]
