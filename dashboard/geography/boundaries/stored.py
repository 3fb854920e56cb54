"""Imported boundary layer versions kept in the store, each prepared once with its match report; the layer a year
is drawn on is the newest import valid in that year, else the bundled one."""

from __future__ import annotations

import io
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from dashboard.geography.boundaries.importing import CLEAN, NEEDS_ACCEPTANCE, ImportResult, MatchReport
from dashboard.geography.boundaries.reading import Finding
from dashboard.geography.crs import WGS84
from dashboard.store.database import Store
from dashboard.store.imported import (
    BOUNDARIES,
    ImportedVersion,
    add_version,
    now_stamp,
    version_payloads,
    version_reports,
)

VERSION_COLUMNS = [
    "version_id",
    "province_code",
    "level",
    "valid_from",
    "valid_to",
    "source_name",
    "sha256",
    "crs_used",
    "feature_count",
    "status",
    "imported_by",
    "imported_at",
    "accepted",
]


@dataclass(frozen=True)
class YearRange:
    """Years from first to last, both included."""

    first: int
    last: int


def subtract_years(kept: YearRange, taken: list[YearRange]) -> list[YearRange]:
    """Return the parts of a year range not covered by any of the taken ranges."""
    parts = [kept]
    for cut in taken:
        remaining = []
        for part in parts:
            if cut.last < part.first or cut.first > part.last:
                remaining.append(part)
                continue
            if part.first < cut.first:
                remaining.append(YearRange(part.first, cut.first - 1))
            if part.last > cut.last:
                remaining.append(YearRange(cut.last + 1, part.last))
        parts = remaining
    return parts


def list_versions(store: Store) -> pd.DataFrame:
    """Return every stored layer version, newest import first."""
    rows = [{column: stored.get(column) for column in VERSION_COLUMNS} for stored in version_reports(store, BOUNDARIES)]
    frame = pd.DataFrame(rows, columns=VERSION_COLUMNS)
    return frame.sort_values("imported_at", ascending=False, ignore_index=True)


def read_report(store: Store, version_id: str) -> dict:
    """Return the stored match report and metadata of one version."""
    return next(report for report in version_reports(store, BOUNDARIES) if report["version_id"] == version_id)


def check_against_store(store: Store, report: MatchReport) -> None:
    """Add a refusal when the same file was already imported for the same province, level and years, and a
    note naming each stored version whose years this one would take over."""
    versions = list_versions(store)
    same_place = versions[(versions["province_code"] == report.province_code) & (versions["level"] == report.level)]
    for version in same_place.itertuples():
        same_years = version.valid_from == report.valid_from and version.valid_to == report.valid_to
        if version.sha256 == report.sha256 and same_years:
            report.refusals.append(Finding("already_imported", {"version": version.version_id}))
        elif report.valid_to is not None and not (
            version.valid_to < report.valid_from or version.valid_from > report.valid_to
        ):
            report.notes.append(Finding("supersedes", {"version": version.version_id}))


def store_version(store: Store, result: ImportResult, imported_by: str, accepted: bool) -> str:
    """Store a prepared layer (GeoJSON in WGS84) and its report as a new version in one transaction and return
    its id; a layer with problems is stored only when accepted, a refused one never."""
    report = result.report
    if report.status not in (CLEAN, NEEDS_ACCEPTANCE) or result.layer is None:
        raise ValueError(f"a refused layer cannot be stored: {report.status}")
    if report.status == NEEDS_ACCEPTANCE and not accepted:
        raise ValueError("a layer with problems is stored only when the administrator accepts its report")
    stamp, imported_at = now_stamp()
    version_id = (
        f"{report.province_code}-{report.level}-{report.valid_from}-{report.valid_to}-{stamp}-{report.sha256[:8]}"
    )
    stored = {
        **report.to_json(),
        "version_id": version_id,
        "imported_by": imported_by,
        "imported_at": imported_at,
        "accepted": accepted,
    }
    add_version(store, ImportedVersion.from_report(BOUNDARIES, stored, result.layer.to_crs(WGS84).to_json()))
    return version_id


def imported_layers(store: Store, level: str = "district") -> gpd.GeoDataFrame:
    """Return the features of every stored version of a level, each valid only in the years no newer import of
    its province claims, with the version id on each feature."""
    versions = list_versions(store)
    versions = versions[versions["level"] == level]
    payloads = version_payloads(store, BOUNDARIES, versions["version_id"].tolist())
    parts = []
    claimed: dict[str, list[YearRange]] = {}
    for version in versions.itertuples():
        taken = claimed.setdefault(version.province_code, [])
        own = YearRange(int(version.valid_from), int(version.valid_to))
        layer = gpd.read_file(io.BytesIO(payloads[version.version_id].encode("utf-8")))
        layer["code"] = layer["code"].astype(str)
        layer["province_code"] = layer["province_code"].astype(str)
        for free in subtract_years(own, taken):
            parts.append(layer.assign(valid_from=free.first, valid_to=free.last, version_id=version.version_id))
        taken.append(own)
    if not parts:
        return gpd.GeoDataFrame(
            columns=["code", "province_code", "valid_from", "valid_to", "version_id", "geometry"],
            geometry="geometry",
            crs=WGS84,
        )
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=WGS84)


def combined_layer(base: gpd.GeoDataFrame, imported: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the bundled layer with each province's imported years taken out, plus the imported features;
    a feature's version_id is empty when it comes from the bundled layer."""
    taken: dict[str, list[YearRange]] = {}
    for (province, first, last), _ in imported.groupby(["province_code", "valid_from", "valid_to"]):
        taken.setdefault(province, []).append(YearRange(int(first), int(last)))
    rows = []
    for index, feature in base.iterrows():
        for free in subtract_years(
            YearRange(feature["valid_from"], feature["valid_to"]), taken.get(feature["province_code"], [])
        ):
            rows.append((index, free))
    kept = base.loc[[index for index, _ in rows]].reset_index(drop=True)
    kept["valid_from"] = [free.first for _, free in rows]
    kept["valid_to"] = [free.last for _, free in rows]
    kept["version_id"] = ""
    columns = ["code", "province_code", "valid_from", "valid_to", "version_id", "geometry"]
    both = pd.concat([kept[columns], imported[columns]], ignore_index=True)
    return gpd.GeoDataFrame(both, geometry="geometry", crs=WGS84)
