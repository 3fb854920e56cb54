"""Green retail points on the map: the points of a province up to a year, checked against the district each
names, coloured and with a tooltip, ready to draw."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from dashboard.core.i18n import t
from dashboard.dataset import Dataset
from dashboard.geography.boundaries.layers import drawn_in
from dashboard.geography.crs import WGS84
from dashboard.geography.units import full_name, units_of
from dashboard.geography.zones.sites import SITE_OK, SiteCheck, check_in_districts
from dashboard.maps.views import tooltip_html

POINT_COLOURS = {"new": "#1b7837", "earlier": "#a6dba0"}
POINT_OUTLINE = "#00441b"
MISPLACED_OUTLINE = "#d7191c"


def green_points(table: pd.DataFrame | None, district_codes: list[str], year: int) -> gpd.GeoDataFrame:
    """Return the green retail points registered up to the year in the districts, as WGS84 points with
    new = whether the point was registered in that year."""
    columns = ["year", "point_name", "unit_code", "address", "new"]
    if table is None or table.empty:
        return gpd.GeoDataFrame(columns=[*columns, "geometry"], geometry="geometry", crs=WGS84)
    chosen = table[(table["year"] <= year) & table["unit_code"].isin(district_codes)].reset_index(drop=True)
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
        list(points["unit_code"]),
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
            (t("points.district", language), district_names.get(point.unit_code, point.unit_code)),
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
    districts = drawn_in(data.layer, province_code, year)[["code", "geometry"]]
    return units, points, green_point_checks(points, districts)


def province_point_checks(data: Dataset, province_code: str, year: int) -> list[SiteCheck]:
    """Return where each of the province's green retail points up to the year lies against its district."""
    return _province_points(data, province_code, year)[2]


def green_point_view(data: Dataset, province_code: str, year: int, language: str) -> gpd.GeoDataFrame:
    """Return the province's green retail points up to the year, checked and ready to draw."""
    units, points, checks = _province_points(data, province_code, year)
    names = {row.code: full_name(row.type, row.name, language) for row in units.itertuples()}
    return green_point_layer(points, checks, names, year, language)
