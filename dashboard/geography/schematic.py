"""Schematic district boundaries drawn from known facts: district seats, areas and zone locations.

No third-party geometry goes in: a province outline is the convex hull of one disc per district (its
area as a circle around its seat), and districts are the Voronoi cells of their seats and zones inside it.
"""

from __future__ import annotations

import json
import math

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry import MultiPoint, Point, Polygon
from shapely.geometry.base import BaseGeometry

from dashboard.geography.units import OPEN_END, OPEN_START, at_level

METRIC_CRS = "EPSG:32648"
COORDINATE_DECIMALS = 5
OUTLINE_MARGIN = 1.15
ZONE_MARGIN_M = 3000.0

_TO_METRES = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
_TO_DEGREES = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)


def to_metres(lon: float, lat: float) -> tuple[float, float]:
    """Return a WGS84 point in the metric working projection (UTM 48N)."""
    return _TO_METRES.transform(lon, lat)


def province_outline(seats: pd.DataFrame, zones: pd.DataFrame) -> Polygon:
    """Return the schematic outline: the convex hull of a disc of each district's area around its seat,
    widened to hold every zone."""
    discs = [
        Point(to_metres(row.seat_lon, row.seat_lat)).buffer(
            OUTLINE_MARGIN * math.sqrt(row.area_km2 * 1e6 / math.pi), quad_segs=4
        )
        for row in seats.itertuples()
    ]
    discs += [
        Point(to_metres(row.longitude, row.latitude)).buffer(ZONE_MARGIN_M, quad_segs=2) for row in zones.itertuples()
    ]
    return shapely.unary_union(discs).convex_hull


def _degrees_rounded(geometry: BaseGeometry) -> BaseGeometry:
    """Return a metric geometry in WGS84 rounded to the layer's precision."""

    def project(coords: np.ndarray) -> np.ndarray:
        lon, lat = _TO_DEGREES.transform(coords[:, 0], coords[:, 1])
        return np.round(np.column_stack([lon, lat]), COORDINATE_DECIMALS)

    return shapely.transform(geometry, project)


def district_cells(anchors: pd.DataFrame, outline: Polygon) -> dict[str, BaseGeometry]:
    """Return one WGS84 geometry per unit code from anchors (code, lon, lat) that tile the outline.

    Each anchor (a seat or a zone) owns its Voronoi cell cut to the outline; cells are projected and
    rounded before they are merged per unit, so neighbouring districts share their border vertex for vertex.
    """
    points = [to_metres(row.lon, row.lat) for row in anchors.itertuples()]
    diagram = shapely.voronoi_polygons(MultiPoint(points), extend_to=outline.buffer(1e4))
    faces = [shapely.intersection(cell, outline) for cell in diagram.geoms]
    owner_of_face = {
        index: next(code for code, point in zip(anchors["code"], points, strict=True) if face.covers(Point(point)))
        for index, face in enumerate(faces)
    }
    rounded = [_degrees_rounded(face) for face in faces]
    return {
        code: shapely.unary_union([rounded[i] for i, owner in owner_of_face.items() if owner == code])
        for code in anchors["code"].unique()
    }


def _base_seats(versions: pd.DataFrame) -> pd.DataFrame:
    """Return one row per unit code: its earliest version, the extent before anything merged into it."""
    return versions.sort_values("valid_from").drop_duplicates("code")


def _anchors(seats: pd.DataFrame, zones: pd.DataFrame, versions: pd.DataFrame) -> pd.DataFrame:
    """Return seats and zones as Voronoi anchors; zones of units that absorbed others are left out
    because their district before the merger is not recorded."""
    absorbing = set(versions["merged_into"].replace("", pd.NA).dropna())
    placed = zones[~zones["district_code"].isin(absorbing)]
    return pd.concat(
        [
            pd.DataFrame({"code": seats["code"], "lon": seats["seat_lon"], "lat": seats["seat_lat"]}),
            pd.DataFrame({"code": placed["district_code"], "lon": placed["longitude"], "lat": placed["latitude"]}),
        ],
        ignore_index=True,
    )


def _version_geometry(version: pd.Series, versions: pd.DataFrame, cells: dict) -> BaseGeometry:
    """Return a unit version's geometry: its own cell plus the cells of units merged into it before."""
    absorbed = versions[(versions["merged_into"] == version["code"]) & (versions["valid_to"] < version["valid_from"])][
        "code"
    ]
    parts = [cells[version["code"]]] + [cells[code] for code in absorbed]
    return shapely.unary_union(parts) if len(parts) > 1 else parts[0]


def schematic_layer(units: pd.DataFrame, zones: pd.DataFrame) -> gpd.GeoDataFrame:
    """Return the schematic district layer: one feature per district version (units of other levels are left
    out), WGS84, rounded."""
    features = []
    for province_code, versions in at_level(units, "district").groupby("province_code", sort=True):
        seats = _base_seats(versions)
        province_zones = zones[zones["province_code"] == province_code]
        outline = province_outline(seats, province_zones)
        cells = district_cells(_anchors(seats, province_zones, versions), outline)
        for _, version in versions.sort_values(["code", "valid_from"]).iterrows():
            features.append(
                {
                    "code": version["code"],
                    "province_code": province_code,
                    "name": version["name"],
                    "valid_from": version["valid_from"],
                    "valid_to": version["valid_to"],
                    "geometry": _version_geometry(version, versions, cells),
                }
            )
    return gpd.GeoDataFrame(features, geometry="geometry", crs="EPSG:4326")


def layer_geojson(layer: gpd.GeoDataFrame) -> str:
    """Return the layer as GeoJSON text, one feature per line, open validity bounds as null."""
    lines = []
    for row in layer.itertuples():
        feature = {
            "type": "Feature",
            "properties": {
                "code": row.code,
                "province_code": row.province_code,
                "name": row.name,
                "valid_from": None if row.valid_from == OPEN_START else int(row.valid_from),
                "valid_to": None if row.valid_to == OPEN_END else int(row.valid_to),
            },
            "geometry": shapely.geometry.mapping(row.geometry),
        }
        lines.append(json.dumps(feature, ensure_ascii=False))
    header = '{"type": "FeatureCollection", "features": [\n'
    return header + ",\n".join(lines) + "\n]}\n"
