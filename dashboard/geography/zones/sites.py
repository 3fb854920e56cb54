"""Sites on the map (zones, green retail points): read from a point or polygon file or a CSV with latitude and
longitude, and checked against the district each claims to lie in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.core.csv_text import csv_text
from dashboard.core.numbers import COORDINATE, plain, read_number
from dashboard.geography.boundaries.reading import POINTS, POLYGONAL, Finding, ReadLayer, read_layer
from dashboard.geography.crs import WGS84

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


def _csv_frame(content: bytes) -> tuple[pd.DataFrame | None, Finding | None]:
    """Return a CSV saved from Excel as text columns under its header row (blank lines left out), or the finding
    that stops reading it: not CSV text, two encodings, a row wider than the header, a NUL character."""
    read = csv_text(content)
    if read.fault:
        return None, Finding(read.fault.code, {"line": read.fault.line or 1, **read.fault.params})
    numbered = [(line, row) for line, row in enumerate(read.rows, start=1) if any(cell.strip() for cell in row)]
    if not numbered:
        return pd.DataFrame(), None
    header = [cell.strip() for cell in numbered[0][1]]
    for line, row in numbered[1:]:
        if len(row) > len(header):
            return None, Finding("row_too_wide", {"line": line, "cells": len(row), "columns": len(header)})
        for column, cell in zip(header, row, strict=False):
            if "\x00" in cell:
                return None, Finding("nul_character", {"line": line, "column": column})
    body = [[cell.strip() for cell in row] + [""] * (len(header) - len(row)) for _, row in numbered[1:]]
    return pd.DataFrame(body, columns=header, dtype=str), None


def _degrees(text: str) -> str | None:
    """Return a coordinate cell as plain decimal text by the numbers grammar (a point or a comma before the
    decimals), or None when it is not a number in degrees."""
    reading = read_number(text, COORDINATE)
    return None if reading.value is None else plain(reading.value)


def _column(frame: pd.DataFrame, names: tuple[str, ...]) -> str | None:
    """Return the frame's column whose name, lower-cased, is one of the names."""
    return next((column for column in frame.columns if column.strip().lower() in names), None)


def read_csv_sites(path: Path) -> ReadLayer:
    """Return the rows of a CSV with latitude and longitude (WGS84, decimal point or comma) as points, or the
    reasons it is refused, each naming row and column."""
    if not path.read_bytes().strip():
        return ReadLayer(None, "", "", (Finding("empty", {}),))
    frame, refusal = _csv_frame(path.read_bytes())
    if refusal:
        return ReadLayer(None, "", "", (refusal,))
    if frame.empty:
        return ReadLayer(None, "", "", (Finding("empty", {}),))
    latitude, longitude = _column(frame, LATITUDE_NAMES), _column(frame, LONGITUDE_NAMES)
    if latitude is None or longitude is None:
        return ReadLayer(None, "", "", (Finding("no_coordinates", {"available": ", ".join(frame.columns)}),))
    refusals = []
    numbers = {}
    for column, limit in ((latitude, 90), (longitude, 180)):
        values = pd.to_numeric(frame[column].map(_degrees), errors="coerce")
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


ZONE_NEAR_M = 2000.0


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


def units_containing(zones: pd.DataFrame, shapes: gpd.GeoDataFrame, near_m: float = ZONE_NEAR_M) -> pd.Series:
    """Return, by zone code, the code of the unit whose shape holds each zone's location (WGS84 longitude and
    latitude), or of the nearest shape within near_m (approximate locations, schematic borders); a zone
    farther from every shape is left out."""
    if zones.empty or shapes.empty:
        return pd.Series(dtype=str)
    west, _, east, _ = shapes.to_crs(WGS84).total_bounds
    metric_crs = f"EPSG:{32600 + int(((west + east) / 2 + 180) // 6) + 1}"
    points = gpd.GeoDataFrame(
        {"zone_code": zones["zone_code"].to_numpy()},
        geometry=gpd.points_from_xy(zones["longitude"], zones["latitude"]),
        crs=WGS84,
    ).to_crs(metric_crs)
    metric = shapes[["code", "geometry"]].to_crs(metric_crs)
    joined = gpd.sjoin_nearest(points, metric, how="inner", max_distance=near_m, distance_col="distance_m")
    return joined.sort_values("distance_m", kind="stable").drop_duplicates("zone_code").set_index("zone_code")["code"]
