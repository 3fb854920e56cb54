"""Importing the official list of zones (industrial zones, clusters, economic zones, craft villages) with their
locations: each matched to the zone list by code, checked against the district it claims, kept as versions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.geography.boundaries.importing import CLEAN, NEEDS_ACCEPTANCE, REFUSED, expected_extent
from dashboard.geography.boundaries.reading import Finding, sha256
from dashboard.geography.names import unaccented
from dashboard.geography.units import valid_in
from dashboard.geography.zones.sites import SITE_OK, SiteCheck, check_in_districts, read_sites

CODE_NAMES = ("zone_code", "ma_khu", "makhu", "code", "ma")
NAME_NAMES = ("name", "zone_name", "ten", "ten_khu")
KIND_NAMES = ("kind", "loai", "loai_khu", "type")
DISTRICT_NAMES = ("district_code", "ma_huyen", "mahuyen")
KIND_WORDS = {
    "kcn": "kcn",
    "khu cong nghiep": "kcn",
    "ccn": "ccn",
    "cum cong nghiep": "ccn",
    "kkt": "kkt",
    "khu kinh te": "kkt",
    "lang nghe": "lang_nghe",
    "lang_nghe": "lang_nghe",
}
ZONE_COLUMNS = [
    "zone_code",
    "province_code",
    "district_code",
    "kind",
    "name",
    "latitude",
    "longitude",
    "location_approximate",
    "note",
]


@dataclass
class ZoneReport:
    """What a zone file holds against the zone list: sites checked, zones new or missing, refusals and notes."""

    source_name: str
    sha256: str
    province_code: str
    year: int
    crs_used: str = ""
    checks: list[SiteCheck] = field(default_factory=list)
    incomplete: list[dict] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    not_in_file: list[str] = field(default_factory=list)
    refusals: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)

    @property
    def status(self) -> str:
        """Return 'refused', 'needs_acceptance' (a zone out of its district, or new without its details) or 'clean'."""
        if self.refusals:
            return REFUSED
        misplaced = [check for check in self.checks if check.status not in SITE_OK]
        return NEEDS_ACCEPTANCE if misplaced or self.incomplete else CLEAN

    def to_json(self) -> dict:
        """Return the report as JSON-ready data, with its status."""
        return {"status": self.status, **asdict(self)}


def _field(layer: pd.DataFrame, names: tuple[str, ...]) -> str | None:
    """Return the layer's column whose lower-cased name is one of the names."""
    return next((column for column in layer.columns if str(column).strip().lower() in names), None)


def _kind(value: object) -> str | None:
    """Return a zone kind code from how a file writes it (KCN, Khu công nghiệp, làng nghề), or None."""
    return KIND_WORDS.get(unaccented(str(value)).replace("_", " ").strip()) or KIND_WORDS.get(str(value).strip())


def _text(layer: pd.DataFrame, column: str | None, index: int) -> str:
    """Return a cell as stripped text, empty when the column is absent or the cell blank."""
    if column is None:
        return ""
    value = layer[column].iloc[index]
    return "" if pd.isna(value) else str(value).strip()


def import_zones(
    path: Path,
    province_code: str,
    zones: pd.DataFrame,
    units: pd.DataFrame,
    layer: gpd.GeoDataFrame,
    year: int,
    crs_named: str | None = None,
    source_name: str | None = None,
) -> tuple[ZoneReport, pd.DataFrame | None]:
    """Return the report of a zone file for a province and the zone rows to store (None when refused); each
    site is checked against the district it claims in the boundary layer valid in the year."""
    report = ZoneReport(source_name or path.name, sha256(path), province_code, year)
    read = read_sites(path, crs_named)
    report.crs_used = read.crs_used
    report.refusals.extend(read.refusals)
    report.notes.extend(read.notes)
    if read.layer is None:
        return report, None
    sites = read.layer
    code_field = _field(sites, CODE_NAMES)
    if code_field is None:
        available = ", ".join(str(column) for column in sites.columns if column != "geometry")
        report.refusals.append(Finding("no_zone_code", {"available": available}))
        return report, None
    province_units = units[units["province_code"] == province_code]
    box = expected_extent(province_units)
    bounds = sites.total_bounds
    if bounds[0] < box[0] or bounds[1] < box[1] or bounds[2] > box[2] or bounds[3] > box[3]:
        report.refusals.append(Finding("sites_outside_province", {"crs": report.crs_used}))
        return report, None
    codes = [_text(sites, code_field, index) for index in range(len(sites))]
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        report.refusals.append(Finding("duplicate_zone", {"codes": ", ".join(repeated)}))
        return report, None
    listed = zones[zones["province_code"] == province_code].set_index("zone_code")
    name_field, kind_field, district_field = (
        _field(sites, names) for names in (NAME_NAMES, KIND_NAMES, DISTRICT_NAMES)
    )
    rows = []
    for index, code in enumerate(codes):
        known = listed.loc[code] if code in listed.index else None
        name = _text(sites, name_field, index) or (known["name"] if known is not None else "")
        kind = _kind(_text(sites, kind_field, index)) or (known["kind"] if known is not None else None)
        district = _text(sites, district_field, index) or (known["district_code"] if known is not None else "")
        if known is None and not (name and kind and district):
            report.incomplete.append({"row": index + 1, "zone_code": code})
            continue
        if known is None:
            report.added.append(code)
        point = sites.geometry.iloc[index]
        rows.append([code, province_code, district, kind, name, round(point.y, 6), round(point.x, 6), False, ""])
    stored = pd.DataFrame(rows, columns=ZONE_COLUMNS)
    stored["note"] = f"imported from {report.source_name}"
    report.not_in_file = sorted(set(listed.index) - set(codes))
    districts = valid_in(layer[layer["province_code"] == province_code], year)[["code", "geometry"]]
    located = gpd.GeoDataFrame(
        stored, geometry=gpd.points_from_xy(stored["longitude"], stored["latitude"]), crs=sites.crs
    )
    report.checks = check_in_districts(
        located, districts, list(stored["zone_code"]), list(stored["name"]), list(stored["district_code"])
    )
    return report, stored
