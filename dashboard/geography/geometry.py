"""Preparing polygon layers for the browser: repaired, simplified as one coverage so neighbours keep a shared
border, coordinates rounded."""

from __future__ import annotations

import geopandas as gpd
import shapely

BROWSER_DECIMALS = 4
SIMPLIFY_TOLERANCE_M = 50.0


def invalid_rows(layer: gpd.GeoDataFrame) -> list[int]:
    """Return the rows (from 1) whose shapes are invalid as given (crossing or self-touching borders)."""
    return [int(row) + 1 for row in (~shapely.is_valid(layer.geometry.values)).nonzero()[0]]


def repaired(layer: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the layer with invalid polygons made valid, keeping only their polygonal parts; valid ones are kept
    as they are. Every step that needs valid shapes (coverage simplification, reducing precision) starts here."""
    layer = layer.copy()
    shapes = layer.geometry.values.copy()
    invalid = ~shapely.is_valid(shapes)
    if invalid.any():
        shapes[invalid] = [_polygonal(shape) for shape in shapely.make_valid(shapes[invalid])]
        layer["geometry"] = shapes
    return layer


def _polygonal(shape: shapely.Geometry) -> shapely.Geometry:
    """Return the polygons of a geometry (a repaired bow-tie can come back as a collection with lines)."""
    if shape.geom_type in ("Polygon", "MultiPolygon"):
        return shape
    parts = [part for part in getattr(shape, "geoms", []) if part.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def simplified_coverage(
    layer: gpd.GeoDataFrame, tolerance_m: float = SIMPLIFY_TOLERANCE_M, metric_crs: object | None = None
) -> gpd.GeoDataFrame:
    """Return the layer repaired and simplified as a coverage in a metric CRS (the layer's UTM zone unless given):
    each shared border is simplified once, so neighbours keep it shared (no gaps, no slivers), then returned in
    the layer's own CRS."""
    metric_crs = metric_crs or layer.estimate_utm_crs()
    metric = repaired(layer).to_crs(metric_crs)
    metric["geometry"] = shapely.coverage_simplify(metric.geometry.values, tolerance_m, simplify_boundary=True)
    return metric.to_crs(layer.crs)


def rounded(layer: gpd.GeoDataFrame, decimals: int = BROWSER_DECIMALS) -> gpd.GeoDataFrame:
    """Return the layer repaired, then with coordinates snapped to a grid of 10^-decimals degrees (4 decimals:
    about 11 m); shared vertices snap to the same point, so shared borders stay shared. Snapping an invalid
    polygon (a bow-tie) would fail in GEOS, hence the repair first."""
    layer = repaired(layer)
    layer["geometry"] = shapely.set_precision(layer.geometry.values, 10**-decimals)
    return layer
