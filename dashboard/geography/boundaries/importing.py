"""Importing an official boundary layer: read, convert to WGS84, check the place, match features to units, and
prepare the geometry once; the match report says what was found and whether the layer may be stored."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.geography.boundaries.matching import (
    ACCEPTED_METHODS,
    FeatureMatch,
    Fields,
    area_differs,
    area_km2,
    covering,
    detect_fields,
    match_features,
    name_changes,
    written_types,
    years_text,
)
from dashboard.geography.boundaries.reading import POLYGONAL, Finding, read_layer, sha256
from dashboard.geography.geometry import (
    BROWSER_DECIMALS,
    SIMPLIFY_TOLERANCE_M,
    invalid_rows,
    rounded,
    simplified_coverage,
)
from dashboard.geography.levels import LAYER_LEVELS
from dashboard.geography.units import OPEN_END

LEVELS = LAYER_LEVELS
EXTENT_MARGIN_DEG = 0.3
SNAP_DECIMALS = 6
CLEAN = "clean"
NEEDS_ACCEPTANCE = "needs_acceptance"
REFUSED = "refused"


@dataclass(frozen=True)
class ImportRequest:
    """What the administrator asked: the file, the province and level it holds, its years, and optional fields."""

    path: Path
    province_code: str
    level: str
    valid_from: int
    valid_to: int | None = None
    code_field: str | None = None
    name_field: str | None = None
    crs: str | None = None
    source_name: str | None = None


@dataclass
class MatchReport:
    """Everything an administrator needs to trust or refuse a layer."""

    source_name: str
    sha256: str
    province_code: str
    level: str
    valid_from: int
    valid_to: int | None
    crs_read: str = ""
    crs_used: str = ""
    fields: Fields | None = None
    feature_count: int = 0
    matches: list[FeatureMatch] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)
    refusals: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    preparation: dict = field(default_factory=dict)

    def problems(self) -> list[FeatureMatch]:
        """Return the features that did not match exactly one unit valid in the layer's years."""
        return [match for match in self.matches if match.method not in ACCEPTED_METHODS]

    @property
    def status(self) -> str:
        """Return 'refused' (cannot be stored), 'needs_acceptance' (problems listed) or 'clean'."""
        if self.refusals:
            return REFUSED
        return NEEDS_ACCEPTANCE if self.problems() or self.missing else CLEAN

    def to_json(self) -> dict:
        """Return the report as plain JSON-ready data, with its status."""
        return {"status": self.status, **asdict(self)}


@dataclass
class ImportResult:
    """A report and, unless refused, the prepared layer to store (WGS84; code, province_code, years)."""

    report: MatchReport
    layer: gpd.GeoDataFrame | None = None


def expected_extent(units: pd.DataFrame) -> tuple[float, float, float, float]:
    """Return the box (min lon, min lat, max lon, max lat) a province's layer must lie in: its unit seats
    widened by EXTENT_MARGIN_DEG (about 33 km)."""
    return (
        units["seat_lon"].min() - EXTENT_MARGIN_DEG,
        units["seat_lat"].min() - EXTENT_MARGIN_DEG,
        units["seat_lon"].max() + EXTENT_MARGIN_DEG,
        units["seat_lat"].max() + EXTENT_MARGIN_DEG,
    )


def _box_text(box: tuple[float, float, float, float]) -> str:
    """Return a box as 'lon 104.81–105.46, lat 20.92–21.72'."""
    return f"lon {box[0]:.2f}–{box[2]:.2f}, lat {box[1]:.2f}–{box[3]:.2f}"


def _check_file(path: Path, report: MatchReport) -> None:
    """Record the file's SHA-256, or add a refusal when there is no such file or it cannot be opened."""
    if not path.is_file():
        report.refusals.append(Finding("file_missing", {"path": str(path)}))
        return
    try:
        report.sha256 = sha256(path)
    except OSError as problem:
        report.refusals.append(Finding("file_unreadable", {"path": str(path), "detail": problem.strerror or ""}))


def _check_request(request: ImportRequest, units: pd.DataFrame, report: MatchReport) -> pd.DataFrame:
    """Return the province's units, adding refusals for an unknown province or level or impossible years."""
    if request.level not in LEVELS:
        report.refusals.append(Finding("level", {"level": request.level, "accepted": ", ".join(LEVELS)}))
    province_units = units[(units["province_code"] == request.province_code) & (units["level"] == request.level)]
    if province_units.empty:
        report.refusals.append(Finding("province", {"province": request.province_code}))
        return province_units
    last_year = int(province_units["valid_to"].max())
    if report.valid_to is None:
        report.valid_to = last_year
        open_ended = last_year >= OPEN_END
        report.notes.append(Finding("valid_to_open" if open_ended else "valid_to_set", {"year": last_year}))
    if report.valid_to < report.valid_from:
        report.refusals.append(Finding("years_order", {"valid_from": report.valid_from, "valid_to": report.valid_to}))
    elif covering(province_units, report.valid_from, report.valid_to).empty:
        report.refusals.append(Finding("no_units_in_years", {"years": years_text(report.valid_from, report.valid_to)}))
    return province_units


def _check_place(layer: gpd.GeoDataFrame, units: pd.DataFrame, report: MatchReport) -> None:
    """Add a refusal when the converted layer does not lie within the province's expected extent."""
    box = expected_extent(units)
    bounds = layer.total_bounds
    inside = bounds[0] >= box[0] and bounds[1] >= box[1] and bounds[2] <= box[2] and bounds[3] <= box[3]
    if not inside:
        report.refusals.append(
            Finding(
                "outside_province", {"found": _box_text(bounds), "expected": _box_text(box), "crs": report.crs_used}
            )
        )


def _check_fields(layer: gpd.GeoDataFrame, request: ImportRequest, report: MatchReport) -> None:
    """Add a refusal for a named field the file lacks, or when no field names or codes any unit."""
    available = ", ".join(column for column in layer.columns if column != layer.geometry.name) or "-"
    for named in (request.code_field, request.name_field):
        if named and named not in layer.columns:
            report.refusals.append(Finding("field_missing", {"field": named, "available": available}))
    if not report.refusals and report.fields.code is None and report.fields.name is None:
        report.refusals.append(Finding("no_fields", {"available": available}))


def _check_matches(layer: gpd.GeoDataFrame, units: pd.DataFrame, report: MatchReport) -> None:
    """Add refusals for several features on one unit or nothing matched; notes for types and areas that differ;
    list the units valid in the layer's years that no feature stands for."""
    by_code: dict[str, list[int]] = {}
    for match in report.matches:
        if match.method in ACCEPTED_METHODS:
            by_code.setdefault(match.code, []).append(match.row)
    for code, rows in by_code.items():
        if len(rows) > 1:
            report.refusals.append(Finding("duplicate", {"code": code, "rows": ", ".join(map(str, rows))}))
    if not by_code:
        report.refusals.append(Finding("nothing_matched", {}))
    valid = covering(units, report.valid_from, report.valid_to)
    report.missing = [
        {"code": row.code, "unit_type": row.type, "name": row.name}
        for row in valid.itertuples()
        if row.code not in by_code
    ]
    areas = area_km2(layer)
    types = written_types(layer, report.fields)
    recorded = valid.set_index("code")
    for match in report.matches:
        if match.method not in ACCEPTED_METHODS:
            continue
        unit = recorded.loc[match.code]
        area = areas[match.row - 1]
        changes = name_changes(units, match.code, report.valid_from, report.valid_to)
        report.notes.extend(
            Finding("unit_changed", {"row": match.row, "code": match.code, **change}) for change in changes
        )
        if types[match.row - 1] not in {None, unit["type"], *(change["before_type"] for change in changes)}:
            report.notes.append(
                Finding(
                    "type_differs",
                    {"row": match.row, "code": match.code, "unit_type": unit["type"], "written": types[match.row - 1]},
                )
            )
        if area_differs(area, float(unit["area_km2"])):
            report.notes.append(
                Finding(
                    "area_differs",
                    {
                        "row": match.row,
                        "code": match.code,
                        "area": round(area),
                        "expected": round(float(unit["area_km2"])),
                    },
                )
            )


def prepare(layer: gpd.GeoDataFrame, tolerance_m: float = SIMPLIFY_TOLERANCE_M) -> tuple[gpd.GeoDataFrame, dict]:
    """Return the layer repaired, snapped to 0.1 m so borders that almost meet become shared, simplified as a
    coverage and rounded for the browser; and the error this causes (Hausdorff distance, area change)."""
    snapped = rounded(layer, SNAP_DECIMALS)
    coverage_valid = bool(shapely.coverage_is_valid(snapped.geometry.values))
    prepared = rounded(simplified_coverage(snapped, tolerance_m), BROWSER_DECIMALS)
    metric_crs = layer.estimate_utm_crs()
    before = snapped.to_crs(metric_crs).geometry.values
    after = prepared.to_crs(metric_crs).geometry.values
    area_change = abs(shapely.area(after) / shapely.area(before) - 1) * 100
    return prepared, {
        "tolerance_m": tolerance_m,
        "decimals": BROWSER_DECIMALS,
        "max_shift_m": round(float(shapely.hausdorff_distance(before, after).max()), 1),
        "max_area_change_pct": round(float(area_change.max()), 2),
        "coverage_valid_before": coverage_valid,
        "coverage_valid_after": bool(shapely.coverage_is_valid(prepared.geometry.values)),
        "vertices_before": int(shapely.get_num_coordinates(before).sum()),
        "vertices_after": int(shapely.get_num_coordinates(after).sum()),
    }


def import_layer(request: ImportRequest, units: pd.DataFrame) -> ImportResult:
    """Return the match report of a boundary file for a province, level and years, and the prepared layer
    unless it is refused; nothing is stored here."""
    report = MatchReport(
        source_name=request.source_name or request.path.name,
        sha256="",
        province_code=request.province_code,
        level=request.level,
        valid_from=request.valid_from,
        valid_to=request.valid_to,
    )
    _check_file(request.path, report)
    if report.refusals:
        return ImportResult(report)
    province_units = _check_request(request, units, report)
    if report.refusals:
        return ImportResult(report)
    read = read_layer(request.path, POLYGONAL, request.crs)
    report.crs_read, report.crs_used = read.crs_read, read.crs_used
    report.refusals.extend(read.refusals)
    report.notes.extend(read.notes)
    if read.layer is None:
        return ImportResult(report)
    layer = read.layer
    report.feature_count = len(layer)
    broken = invalid_rows(layer)
    if broken:
        report.notes.append(Finding("shapes_repaired", {"rows": ", ".join(map(str, broken[:20]))}))
    _check_place(layer, province_units, report)
    report.fields = detect_fields(layer, province_units, request.code_field, request.name_field)
    _check_fields(layer, request, report)
    if report.refusals:
        return ImportResult(report)
    report.matches = match_features(layer, province_units, report.fields, report.valid_from, report.valid_to)
    _check_matches(layer, province_units, report)
    if report.refusals:
        return ImportResult(report)
    accepted = [match for match in report.matches if match.method in ACCEPTED_METHODS]
    chosen = layer.iloc[[match.row - 1 for match in accepted]]
    chosen = gpd.GeoDataFrame(
        {
            "code": [match.code for match in accepted],
            "province_code": request.province_code,
            "valid_from": report.valid_from,
            "valid_to": report.valid_to,
        },
        geometry=chosen.geometry.values,
        crs=chosen.crs,
    )
    prepared, report.preparation = prepare(chosen)
    return ImportResult(report, prepared)
