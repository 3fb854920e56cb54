"""Sites on the map (zones, green retail points): read from a point or polygon file or a CSV with latitude and
longitude, and checked against the district each claims to lie in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.boundary_read import POINTS, POLYGONAL, Finding, ReadLayer, read_layer
from dashboard.crs import WGS84
from dashboard.dataset import Dataset
from dashboard.i18n import t
from dashboard.units import full_name, units_of, valid_in
from dashboard.views import tooltip_html

CSV_ENCODINGS = ("utf-8-sig", "utf-16", "cp1258")
LATITUDE_NAMES = ("latitude", "lat", "vi_do", "vi do", "vĩ độ", "y")
LONGITUDE_NAMES = ("longitude", "lon", "lng", "long", "kinh_do", "kinh do", "kinh độ", "x")
BORDER_TOLERANCE_M = 100.0
INSIDE, ON_BORDER, OTHER_DISTRICT, OUTSIDE, UNKNOWN_DISTRICT = (
    "inside",
    "on_border",
    "other_district",
    "outside_province",
    "unknown_district",
)
SITE_OK = {INSIDE, ON_BORDER}
POINT_COLOURS = {"new": "#1b7837", "earlier": "#a6dba0"}
POINT_OUTLINE = "#00441b"
MISPLACED_OUTLINE = "#d7191c"


@dataclass(frozen=True)
class SiteCheck:
    """Where one site (row, from 1) lies against the district it claims."""

    row: int
    code: str
    name: str
    claimed: str
    found: str | None
    status: str
    distance_m: float = 0.0


def _csv_frame(path: Path) -> pd.DataFrame:
    """Return a CSV saved from Excel (UTF-8 with BOM, UTF-16 or Windows-1258; ',' or ';') as text columns."""
    for encoding in CSV_ENCODINGS:
        try:
            return pd.read_csv(path, sep=None, engine="python", dtype=str, keep_default_na=False, encoding=encoding)
        except (UnicodeError, pd.errors.ParserError):
            continue
    raise ValueError("not a CSV in UTF-8, UTF-16 or Windows-1258")


def _column(frame: pd.DataFrame, names: tuple[str, ...]) -> str | None:
    """Return the frame's column whose name, lower-cased, is one of the names."""
    return next((column for column in frame.columns if column.strip().lower() in names), None)


def read_csv_sites(path: Path) -> ReadLayer:
    """Return the rows of a CSV with latitude and longitude (WGS84, decimal point or comma) as points, or the
    reasons it is refused, each naming row and column."""
    try:
        frame = _csv_frame(path)
    except ValueError as problem:
        return ReadLayer(None, "", "", (Finding("unreadable", {"detail": str(problem)}),))
    if frame.empty:
        return ReadLayer(None, "", "", (Finding("empty", {}),))
    latitude, longitude = _column(frame, LATITUDE_NAMES), _column(frame, LONGITUDE_NAMES)
    if latitude is None or longitude is None:
        return ReadLayer(None, "", "", (Finding("no_coordinates", {"available": ", ".join(frame.columns)}),))
    refusals = []
    numbers = {}
    for column, limit in ((latitude, 90), (longitude, 180)):
        values = pd.to_numeric(frame[column].str.strip().str.replace(",", ".", regex=False), errors="coerce")
        for index in frame.index[values.isna() | (values.abs() > limit)]:
            refusals.append(
                Finding("bad_coordinate", {"row": index + 2, "column": column, "value": frame.at[index, column]})
            )
        numbers[column] = values
    if refusals:
        return ReadLayer(None, "", "", tuple(refusals))
    points = gpd.points_from_xy(numbers[longitude], numbers[latitude])
    layer = gpd.GeoDataFrame(frame.drop(columns=[latitude, longitude]), geometry=points, crs=WGS84)
    return ReadLayer(layer, "WGS84 (CSV)", "EPSG:4326 (WGS 84)")


def read_sites(path: Path, crs_named: str | None = None) -> ReadLayer:
    """Return the sites of a file as points in WGS84: a CSV with latitude and longitude, or a point or polygon
    layer (a polygon stands as a point inside it, said in a note)."""
    if path.suffix.lower() == ".csv":
        return read_csv_sites(path)
    read = read_layer(path, POINTS | POLYGONAL, crs_named)
    if read.layer is None:
        return read
    layer = read.layer.copy()
    shapes = layer.geom_type.isin(POLYGONAL | {"MultiPoint"})
    notes = list(read.notes)
    if shapes.any():
        layer.loc[shapes, "geometry"] = layer.loc[shapes].representative_point()
        notes.append(Finding("shapes_as_points", {"count": int(shapes.sum())}))
    return ReadLayer(layer, read.crs_read, read.crs_used, read.refusals, tuple(notes))


def check_in_districts(
    sites: gpd.GeoDataFrame, districts: gpd.GeoDataFrame, codes: list[str], names: list[str], claimed: list[str]
) -> list[SiteCheck]:
    """Return where each site lies against the district it claims (districts: code and shape of the province's
    districts valid in the year, WGS84); within BORDER_TOLERANCE_M of the claimed district counts as on its
    border, since drawn borders are simplified."""
    metric_crs = districts.estimate_utm_crs()
    shapes = districts.to_crs(metric_crs).set_index("code").geometry
    points = sites.to_crs(metric_crs).geometry.values
    checks = []
    for row, (point, code, name, district) in enumerate(zip(points, codes, names, claimed, strict=True), start=1):
        containing = [key for key, shape in shapes.items() if shape.contains(point)]
        found = containing[0] if containing else None
        if district not in shapes.index:
            status, distance = UNKNOWN_DISTRICT, 0.0
        elif found == district:
            status, distance = INSIDE, 0.0
        else:
            distance = float(shapely.distance(shapes[district], point))
            status = ON_BORDER if distance <= BORDER_TOLERANCE_M else OTHER_DISTRICT if found else OUTSIDE
        checks.append(SiteCheck(row, code, name, district, found, status, round(distance)))
    return checks


def green_points(table: pd.DataFrame | None, district_codes: list[str], year: int) -> gpd.GeoDataFrame:
    """Return the green retail points registered up to the year in the districts, as WGS84 points with
    new = whether the point was registered in that year."""
    columns = ["year", "point_name", "district_code", "address", "new"]
    if table is None or table.empty:
        return gpd.GeoDataFrame(columns=[*columns, "geometry"], geometry="geometry", crs=WGS84)
    chosen = table[(table["year"] <= year) & table["district_code"].isin(district_codes)].reset_index(drop=True)
    chosen = chosen.assign(new=chosen["year"] == year)
    points = gpd.points_from_xy(
        pd.to_numeric(chosen["longitude"], errors="coerce"), pd.to_numeric(chosen["latitude"], errors="coerce")
    )
    return gpd.GeoDataFrame(chosen[columns], geometry=points, crs=WGS84)


def green_point_checks(points: gpd.GeoDataFrame, districts: gpd.GeoDataFrame) -> list[SiteCheck]:
    """Return where each green retail point lies against the district it names."""
    return check_in_districts(
        points,
        districts,
        [str(year) for year in points["year"]],
        list(points["point_name"]),
        list(points["district_code"]),
    )


def green_point_layer(
    points: gpd.GeoDataFrame, checks: list[SiteCheck], district_names: dict[str, str], year: int, language: str
) -> gpd.GeoDataFrame:
    """Return green retail points ready to draw: colour by status (registered this year or earlier), a red
    outline when a point does not lie in the district it names, and a tooltip saying so."""
    colours, outlines, tooltips = [], [], []
    for point, check in zip(points.itertuples(), checks, strict=True):
        status = "new" if point.new else "earlier"
        lines = [
            (t("points.district", language), district_names.get(point.district_code, point.district_code)),
            (t("points.status", language), t(f"points.{status}", language, year=year)),
        ]
        if point.address:
            lines.insert(0, (t("points.address", language), point.address))
        if check.status not in SITE_OK:
            lines.append((t("points.check", language), t(f"sites.status.{check.status}", language)))
        colours.append(POINT_COLOURS[status])
        outlines.append(MISPLACED_OUTLINE if check.status not in SITE_OK else POINT_OUTLINE)
        tooltips.append(tooltip_html(point.point_name, lines))
    return points.assign(colour=colours, outline=outlines, tooltip=tooltips)


def _province_points(
    data: Dataset, province_code: str, year: int
) -> tuple[pd.DataFrame, gpd.GeoDataFrame, list[SiteCheck]]:
    """Return the province's units in the year, its green retail points up to the year and where each lies."""
    units = units_of(data.units, province_code, year)
    points = green_points(data.tables.get("green_retail_points"), list(units["code"]), year)
    districts = valid_in(data.layer[data.layer["province_code"] == province_code], year)[["code", "geometry"]]
    return units, points, green_point_checks(points, districts)


def province_point_checks(data: Dataset, province_code: str, year: int) -> list[SiteCheck]:
    """Return where each of the province's green retail points up to the year lies against its district."""
    return _province_points(data, province_code, year)[2]


def green_point_view(data: Dataset, province_code: str, year: int, language: str) -> gpd.GeoDataFrame:
    """Return the province's green retail points up to the year, checked and ready to draw."""
    units, points, checks = _province_points(data, province_code, year)
    names = {row.code: full_name(row.type, row.name, language) for row in units.itertuples()}
    return green_point_layer(points, checks, names, year, language)
