"""Reading a boundary file (GeoJSON, zipped Shapefile, GeoPackage) into WGS84, or the reasons it cannot be."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

from dashboard.geography.crs import WGS84, choose_crs

FORMATS = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".topojson": "TopoJSON",
    ".zip": "Shapefile (zip)",
    ".gpkg": "GeoPackage",
}
TOPOJSON_DRIVER = "TopoJSON"
POLYGONAL = {"Polygon", "MultiPolygon"}
POINTS = {"Point", "MultiPoint"}

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Finding:
    """A fact the report states: a message key under 'boundary.finding' and its parameters."""

    key: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ReadLayer:
    """A file read: its features in WGS84 (None when refused), the CRS read and used, and what went wrong."""

    layer: gpd.GeoDataFrame | None
    crs_read: str
    crs_used: str
    refusals: tuple[Finding, ...] = ()
    notes: tuple[Finding, ...] = ()


def sha256(path: Path) -> str:
    """Return the SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _refused(crs_read: str, key: str, **params: object) -> ReadLayer:
    """Return a refusal with one reason."""
    return ReadLayer(None, crs_read, "", (Finding(key, params),))


def lonlat_topojson(path: Path, frame: gpd.GeoDataFrame) -> bool:
    """Return whether a file is TopoJSON that names no CRS and whose coordinates all lie within longitude and
    latitude ranges: TopoJSON has no way to name a CRS, and such a file is WGS84 in practice."""
    if frame.crs is not None or pyogrio.read_info(path)["driver"] != TOPOJSON_DRIVER:
        return False
    coordinates = shapely.get_coordinates(frame.geometry.values)
    return bool(len(coordinates)) and bool(_lonlat(coordinates).all())


def _lonlat(coordinates: np.ndarray) -> np.ndarray:
    """Return, for each (x, y), whether it is a finite longitude and latitude in degrees."""
    return np.isfinite(coordinates).all(axis=1) & (abs(coordinates[:, 0]) <= 180) & (abs(coordinates[:, 1]) <= 90)


def _read_frame(path: Path) -> tuple[gpd.GeoDataFrame | None, str | None, list[Finding]]:
    """Return the file's first layer as read (no CRS change), the name of the layer used, and notes."""
    layers = pyogrio.list_layers(path)
    notes = []
    chosen = None
    if len(layers) > 1:
        spatial = [name for name, geometry_type in layers if geometry_type]
        chosen = spatial[0] if spatial else layers[0][0]
        notes.append(Finding("several_layers", {"used": chosen, "layers": ", ".join(name for name, _ in layers)}))
    frame = gpd.read_file(path, layer=chosen) if chosen else gpd.read_file(path)
    return frame, chosen, notes


def read_layer(path: Path, kinds: set[str], crs_named: str | None = None) -> ReadLayer:
    """Return the file's features converted to WGS84 when they are all of the geometry kinds asked for
    (POLYGONAL or POINTS) and the CRS is known; otherwise the reasons it is refused."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        return _refused("", "format", suffix=suffix or "-", accepted=", ".join(sorted(FORMATS)))
    try:
        frame, _, notes = _read_frame(path)
    except Exception as problem:  # GDAL raises many kinds; each becomes one readable refusal
        log.info("cannot read %s: %s", path, problem)
        return _refused("", "unreadable", detail=str(problem).splitlines()[0][:200])
    if not isinstance(frame, gpd.GeoDataFrame):
        return _refused("", "no_geometry")
    if frame.empty:
        return _refused("", "empty")
    if frame.geometry.isna().all():
        return _refused("", "no_geometry")
    crs_read = frame.crs.to_string() if frame.crs else ""
    geometry_types = set(frame.geometry.dropna().geom_type)
    missing = frame.geometry.isna() | frame.geometry.is_empty
    if missing.any():
        rows = ", ".join(str(index + 1) for index in frame.index[missing][:20])
        return _refused(crs_read, "missing_geometry", rows=rows)
    if not geometry_types <= kinds:
        return _refused(
            crs_read, "geometry_kind", found=", ".join(sorted(geometry_types)), expected=", ".join(sorted(kinds))
        )
    if not crs_named and lonlat_topojson(path, frame):
        frame = frame.set_crs(WGS84)
        notes.append(Finding("crs_assumed_wgs84"))
    choice = choose_crs(frame.crs, crs_named)
    if choice.problem:
        return _refused(crs_read, choice.problem, crs=choice.label or crs_read)
    if crs_named and frame.crs is not None and frame.crs != choice.crs:
        notes.append(Finding("crs_replaced", {"read": frame.crs.name, "named": choice.label}))
    converted = frame.set_crs(choice.crs, allow_override=True).to_crs(WGS84)
    coordinates = shapely.get_coordinates(converted.geometry.values)
    if not _lonlat(coordinates).all():
        return _refused(crs_read, "outside_earth", crs=choice.label)
    return ReadLayer(converted.reset_index(drop=True), crs_read or "-", choice.label, (), tuple(notes))
